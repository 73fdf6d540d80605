// Graceful shutdown of the HTTP side. Fastify, once closing, answers new requests with 503 and
// `Connection: close`, and Node's server.close() ends the connections idle at that moment; but a
// keep-alive connection busy at the signal stays open after its response (Fastify keeps idle
// sockets 72 s), so close() never finished and the 10 s force timer ended the process with exit 1
// (seen on PostgreSQL, where requests wait on the pool while the signal arrives). Here every
// response sent while closing says `Connection: close` when nothing else is queued behind it on its
// socket (a pipelined request already read is still answered), and a socket left idle by a finished
// response is closed at once, so the server drains and closes as soon as the last response is out.
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

export function registerDrain(app: FastifyInstance): void {
  let draining = false;
  // responses not yet finished per socket: more than one means pipelined requests wait behind
  const open = new Map<Socket, number>();
  // before Fastify's own listener, so a response sent synchronously is already counted
  app.server.prependListener('request', (req, res) => {
    const socket = req.socket;
    open.set(socket, (open.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const left = (open.get(socket) ?? 1) - 1;
      if (left > 0) open.set(socket, left);
      else open.delete(socket);
      // the socket may now be idle: it will carry nothing more, so end it instead of keeping it alive
      if (draining) setImmediate(() => app.server.closeIdleConnections());
    });
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (draining && (open.get(request.raw.socket) ?? 0) <= 1) reply.header('connection', 'close');
    return payload;
  });
  // preClose runs after Fastify marks itself closing and before it stops listening
  app.addHook('preClose', async () => {
    draining = true;
  });
}
