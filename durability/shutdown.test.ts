// Graceful shutdown, tested the way Fastify tests its own: the production bundle under load from
// keep-alive clients (one socket each, a request after the other) and pipelining clients (three
// requests written at once on one socket) receives SIGTERM. Every request the server logged as
// received must get its whole response; requests arriving after the signal get 503 with
// `Connection: close`; a request the server never read may fail (the client may retry it, nothing
// was done); the process exits 0 within 10 s, and on SQLite the WAL is checkpointed (empty).
import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { existsSync, statSync } from 'node:fs';
import { after, test } from 'node:test';
import { kinds, removeBundle, report, scratchDatabase, seconds, startInstance } from './support.js';

const KEEP_ALIVE_CLIENTS = 12;
const PIPELINING_CLIENTS = 4;
const PIPELINE_DEPTH = 3;
const LOAD_BEFORE_SIGNAL_MS = 1500;
const PATHS = ['/konsultacje', '/podmioty', '/aktualnosci', '/terytorium'];

after(removeBundle);

interface Outcome {
  marker: string;
  /** Client clock: when the last byte of the response (or the error) arrived. */
  at: number;
  status?: number;
  connection?: string;
  error?: string;
}

/**
 * One keep-alive socket, one request after another, until the server refuses the connection; a
 * quiet client sends nothing after the signal but keeps its socket open (an idle upstream pool),
 * which the server must close itself. The socket is released only when the server has exited.
 */
async function keepAliveClient(
  base: string,
  name: string,
  stopAt: () => number,
  out: Outcome[],
  serverGone: Promise<unknown>,
): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let n = 0; performance.now() < stopAt(); n += 1) {
      const marker = `${name}-${n}`;
      const outcome = await new Promise<Outcome>((resolve) => {
        const req = httpRequest(`${base}${PATHS[n % PATHS.length]}?m=${marker}`, { agent }, (res) => {
          res.resume();
          res.once('end', () =>
            resolve({ marker, at: performance.now(), status: res.statusCode!, connection: String(res.headers.connection ?? '') }),
          );
          res.once('error', (err: NodeJS.ErrnoException) => resolve({ marker, at: performance.now(), error: err.code ?? err.message }));
        });
        req.once('error', (err: NodeJS.ErrnoException) => resolve({ marker, at: performance.now(), error: err.code ?? err.message }));
        req.end();
      });
      out.push(outcome);
      if (outcome.error === 'ECONNREFUSED') return;
    }
  } finally {
    await serverGone;
    agent.destroy();
  }
}

/** One socket, PIPELINE_DEPTH requests written at once, responses read in order; reconnects after a close. */
async function pipeliningClient(port: number, name: string, stopAt: () => number, out: Outcome[]): Promise<void> {
  for (let round = 0; performance.now() < stopAt(); round += 1) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let buffer = Buffer.alloc(0);
      let waiting: string[] = [];
      let n = 0;
      let opened = false;
      const send = () => {
        if (performance.now() >= stopAt()) return socket.end();
        waiting = [];
        let text = '';
        for (let i = 0; i < PIPELINE_DEPTH; i += 1) {
          const marker = `${name}-${round}-${n++}`;
          waiting.push(marker);
          text += `GET ${PATHS[n % PATHS.length]}?m=${marker} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
        }
        socket.write(text);
      };
      socket.once('connect', () => {
        opened = true;
        send();
      });
      socket.on('data', (chunk) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
          const end = buffer.indexOf('\r\n\r\n');
          if (end < 0) return;
          const head = buffer.subarray(0, end).toString('latin1');
          const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? Number.NaN);
          if (!Number.isFinite(length)) throw new Error(`a response without Content-Length:\n${head}`);
          if (buffer.length < end + 4 + length) return;
          buffer = buffer.subarray(end + 4 + length);
          const status = Number(head.slice(9, 12));
          const connection = /\r\nconnection:\s*([^\r]*)/i.exec(head)?.[1] ?? '';
          out.push({ marker: waiting.shift()!, at: performance.now(), status, connection });
          if (waiting.length === 0) send();
        }
      });
      socket.once('error', () => {});
      socket.once('close', () => {
        for (const marker of waiting) out.push({ marker, at: performance.now(), error: 'closed before the response' });
        resolve(!opened);
      });
    });
    if (refused) return;
  }
}

for (const kind of kinds()) {
  test(
    `SIGTERM under keep-alive and pipelined load on ${kind}: accepted requests complete, new ones get 503, exit 0 within 10 s`,
    { timeout: 180_000 },
    async () => {
      const db = await scratchDatabase(kind);
      try {
        // migrate and load the reference data once, so the measured start is an ordinary restart
        const first = await startInstance({ databaseUrl: db.url, dataDir: db.dir });
        assert.equal((await first.stop()).code, 0, first.output());
        const server = await startInstance({ databaseUrl: db.url, dataDir: db.dir, env: { LOG_LEVEL: 'info' } });
        const outcomes: Outcome[] = [];
        let signalAt = Number.POSITIVE_INFINITY;
        // busy clients stop 12 s after the signal at the latest (the server must be gone by then)
        const stopAt = () => signalAt + 12_000;
        const quietAt = () => signalAt;
        const clients = [
          ...Array.from({ length: KEEP_ALIVE_CLIENTS }, (_, i) =>
            keepAliveClient(server.base, `k${i}`, i % 2 ? stopAt : quietAt, outcomes, server.exited),
          ),
          ...Array.from({ length: PIPELINING_CLIENTS }, (_, i) => pipeliningClient(server.port, `p${i}`, stopAt, outcomes)),
        ];
        await new Promise((r) => setTimeout(r, LOAD_BEFORE_SIGNAL_MS));
        signalAt = performance.now();
        server.child.kill('SIGTERM');
        const { code } = await server.exited;
        const exitMs = performance.now() - signalAt;
        await Promise.all(clients);

        // what the server says it received: Fastify logs every request it routes, "incoming request"
        const accepted = new Set<string>();
        for (const line of server.output().split('\n')) {
          if (!line.startsWith('{')) continue;
          const entry = JSON.parse(line) as { msg?: string; req?: { url?: string } };
          const marker = entry.msg === 'incoming request' ? /[?&]m=([\w-]+)/.exec(entry.req?.url ?? '')?.[1] : undefined;
          if (marker) accepted.add(marker);
        }
        const failedAccepted = outcomes.filter((o) => accepted.has(o.marker) && o.status !== 200);
        const unavailable = outcomes.filter((o) => o.status === 503);
        const without503Close = unavailable.filter((o) => (o.connection ?? '').toLowerCase() !== 'close');
        const otherStatus = outcomes.filter((o) => o.status !== undefined && o.status !== 200 && o.status !== 503);
        const completedAfterSignal = outcomes.filter((o) => o.status === 200 && o.at > signalAt);
        const notAccepted = outcomes.filter((o) => o.error !== undefined && !accepted.has(o.marker));
        report(
          `shutdown ${kind}: ${outcomes.length} requests, ${accepted.size} accepted, ` +
            `${completedAfterSignal.length} completed after the signal, ${unavailable.length} answered 503, ${notAccepted.length} never read (refused or closed), ` +
            `failed accepted = ${failedAccepted.length}; exit ${code} after ${seconds(exitMs)} s`,
        );
        assert.equal(code, 0, `exit code ${code}:\n${server.output().slice(-3000)}`);
        assert.ok(exitMs < 10_000, `exit after ${exitMs} ms`);
        assert.deepEqual(failedAccepted, [], 'every request the server received before closing got its whole response');
        assert.deepEqual(otherStatus, [], 'no status other than 200 and 503');
        assert.deepEqual(without503Close, [], 'a 503 while closing says Connection: close');
        assert.ok(outcomes.filter((o) => o.status === 200 && o.at < signalAt).length > 0, 'the load was served before the signal');
        assert.ok(completedAfterSignal.length > 0, 'requests in flight at the signal were answered');
        if (kind === 'sqlite') {
          const wal = `${db.url.slice('sqlite:'.length)}-wal`;
          assert.ok(!existsSync(wal) || statSync(wal).size === 0, 'the WAL was checkpointed into the database at shutdown');
        }
      } finally {
        await db.dispose();
      }
    },
  );
}
