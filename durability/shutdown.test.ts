// Graceful shutdown, tested the way Fastify tests its own: the production bundle under load from
// keep-alive clients (one socket each, a request after the other) and pipelining clients (three
// requests written at once on one socket) receives SIGTERM. Every request the server logged as
// received must get its whole response; a request the server never read may fail (the client may
// retry it, nothing was done); the process exits 0 within 10 s, and on SQLite the WAL is
// checkpointed (empty).
//
// The load alone seldom reaches the 503 path (0 answered 503 in the runs before the probes): at the
// signal the server stops listening (new connections are refused) and closes idle keep-alive
// sockets, so a request that arrives after it has nowhere to land but a socket busy at that
// moment. Pipelined probes make exactly that happen: each sends the contact form's POST with only
// half of its body before the signal (an upload in progress: the server has read the head and
// routed the request), waits until the server refuses new connections (it is closing), then writes
// the rest of the body and, behind it on the same socket, a GET. The POST must complete (303, the
// message stored), the GET must be answered 503 with `Connection: close` (Fastify's
// return503OnClosing, never run by the handler), and the server must then close the socket
// cleanly (FIN, no reset). Checked to fail: with Fastify's `return503OnClosing: false` the GET is
// answered 200; with `forceCloseConnections: true` the POSTs get no answer; with drain.ts closing
// every response's connection while closing, the GET none.
import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { existsSync, statSync } from 'node:fs';
import { after, test } from 'node:test';
import { prepare } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/core/db/database.js';
import {
  kinds,
  prepareForm,
  randomIp,
  removeBundle,
  report,
  scratchDatabase,
  seconds,
  SESSION_SECRET,
  startInstance,
  type PreparedPost,
} from './support.js';

const KEEP_ALIVE_CLIENTS = 12;
const PIPELINING_CLIENTS = 4;
const PIPELINE_DEPTH = 3;
const LOAD_BEFORE_SIGNAL_MS = 1500;
const PATHS = ['/konsultacje', '/podmioty', '/aktualnosci', '/terytorium'];
/** Sockets with a POST in progress at the signal and a GET pipelined behind it after the signal. */
const PROBES = 4;

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

interface Head {
  status: number;
  connection: string;
}

/**
 * Reads the HTTP/1.1 responses arriving on a socket, in order (each must carry a Content-Length);
 * `onUnframed` gets the head of a response it cannot delimit.
 */
function responseReader(onResponse: (head: Head) => void, onUnframed: (head: string) => void): (chunk: Buffer) => void {
  let buffer = Buffer.alloc(0);
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? Number.NaN);
      if (!Number.isFinite(length)) {
        buffer = Buffer.alloc(0);
        return onUnframed(head);
      }
      if (buffer.length < end + 4 + length) return;
      buffer = buffer.subarray(end + 4 + length);
      onResponse({ status: Number(head.slice(9, 12)), connection: /\r\nconnection:\s*([^\r]*)/i.exec(head)?.[1] ?? '' });
    }
  };
}

/** One socket, PIPELINE_DEPTH requests written at once, responses read in order; reconnects after a close. */
async function pipeliningClient(port: number, name: string, stopAt: () => number, out: Outcome[]): Promise<void> {
  for (let round = 0; performance.now() < stopAt(); round += 1) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
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
      socket.on(
        'data',
        responseReader(
          ({ status, connection }) => {
            out.push({ marker: waiting.shift()!, at: performance.now(), status, connection });
            if (waiting.length === 0) send();
          },
          (head) => {
            out.push({
              marker: waiting.shift()!,
              at: performance.now(),
              error: `a response without Content-Length: ${head.split('\r\n')[0]}`,
            });
            socket.destroy();
          },
        ),
      );
      socket.once('error', () => {});
      socket.once('close', () => {
        for (const marker of waiting) out.push({ marker, at: performance.now(), error: 'closed before the response' });
        resolve(!opened);
      });
    });
    if (refused) return;
  }
}

/** A socket with a request in progress at the signal and another pipelined behind it after the signal. */
interface Probe {
  /** Markers of the POST (sent half before the signal) and of the GET written behind it. */
  post: string;
  get: string;
  /** The contact form's subject line carries this, so the stored message can be found. */
  message: string;
  responses: Head[];
  /** The server ended the socket (FIN) once it had answered. */
  ended: boolean;
  /** A reset, or a response that could not be read. */
  error?: string;
  /** Writes the rest of the POST's body and, behind it, the GET. */
  finish(): void;
  closed: Promise<void>;
}

/** Opens a probe: the head of the contact form's POST and half of its body. */
async function openProbe(port: number, form: PreparedPost, name: string, message: string): Promise<Probe> {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const body = Buffer.from(form.body);
  const half = Math.floor(body.length / 2);
  const probe: Probe = {
    post: `${name}-post`,
    get: `${name}-get`,
    message,
    responses: [],
    ended: false,
    finish: () =>
      socket.write(Buffer.concat([body.subarray(half), Buffer.from(`GET ${PATHS[0]}?m=${name}-get HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`)])),
    closed: new Promise((resolve) => socket.once('close', () => resolve())),
  };
  socket.on(
    'data',
    responseReader(
      (head) => probe.responses.push(head),
      (head) => {
        probe.error ??= `a response without Content-Length: ${head.split('\r\n')[0]}`;
        socket.destroy();
      },
    ),
  );
  socket.on('end', () => (probe.ended = true));
  socket.on('error', (err: NodeJS.ErrnoException) => (probe.error ??= err.code ?? err.message));
  socket.write(
    `POST ${new URL(form.url).pathname}?m=${probe.post} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n` +
      `Cookie: ${form.cookie}\r\nX-Forwarded-For: ${form.ip}\r\n\r\n`,
  );
  socket.write(body.subarray(0, half));
  return probe;
}

/** The markers of the requests the server logged as received ("incoming request", written for every routed request at the debug level). */
function acceptedMarkers(output: string): Set<string> {
  const accepted = new Set<string>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    let entry: { msg?: string; req?: { url?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue; // a line still being written
    }
    const marker = entry.msg === 'incoming request' ? /[?&]m=([\w-]+)/.exec(entry.req?.url ?? '')?.[1] : undefined;
    if (marker) accepted.add(marker);
  }
  return accepted;
}

/** Resolves once the port refuses connections: the server is closing (Fastify stops listening after it marks itself closing). */
async function refusingConnections(port: number, withinMs: number): Promise<void> {
  const began = performance.now();
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
    });
    if (refused) return;
    if (performance.now() - began > withinMs) throw new Error(`port ${port} still accepting connections ${withinMs} ms after SIGTERM`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Migrates, loads the reference data and gives the institution an address, so the contact form is open. */
async function setUp(databaseUrl: string, dataDir: string): Promise<void> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SESSION_SECRET, LOG_LEVEL: 'silent' });
  const { database, ctx } = await prepare(config);
  try {
    const institution = await ctx.settings.get<Record<string, unknown>>('site.institution', {});
    await ctx.settings.set('site.institution', { ...institution, email: 'sekretariat@rops.example.pl' });
  } finally {
    await database.close();
  }
}

/** Subjects of the contact messages in the outbox. */
async function contactSubjects(databaseUrl: string): Promise<string[]> {
  const database = await openDatabase(databaseUrl);
  try {
    const rows = await database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('template', '=', 'contact_message')
      .execute();
    return rows.map((r) => `${r.subject}\n${r.text_body}`);
  } finally {
    await database.close();
  }
}

for (const kind of kinds()) {
  test(
    `SIGTERM under keep-alive and pipelined load on ${kind}: accepted requests complete, new ones get 503, exit 0 within 10 s`,
    { timeout: 180_000 },
    async () => {
      const db = await scratchDatabase(kind);
      try {
        // migrate and load the reference data first, so the measured start is an ordinary restart
        await setUp(db.url, db.dir);
        const server = await startInstance({
          databaseUrl: db.url,
          dataDir: db.dir,
          // the probes' forms come from addresses of their own (the contact form allows 5 per address)
          env: { LOG_LEVEL: 'debug', TRUST_PROXY: '127.0.0.1' },
        });
        const run = `${kind}-${Date.now().toString(36)}`;
        const forms = await Promise.all(
          Array.from({ length: PROBES }, (_, i) =>
            prepareForm(
              server.base,
              '/kontakt',
              '/kontakt',
              {
                name: 'Jan Kowalski',
                email: `sigterm-${i}@example.pl`,
                subject: `Pytanie shutdown-${run}-${i}`,
                message: 'Wiadomość wysłana w chwili zatrzymania serwera — proszę o kontakt.',
                consent: '1',
              },
              randomIp(),
            ),
          ),
        );
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
        // the probes' POSTs, half sent, must be routed (logged as received) before the signal
        const probes = await Promise.all(forms.map((form, i) => openProbe(server.port, form, `q${i}`, `shutdown-${run}-${i}`)));
        for (const began = performance.now(); ;) {
          const accepted = acceptedMarkers(server.output());
          if (probes.every((p) => accepted.has(p.post))) break;
          if (performance.now() - began > 15_000) throw new Error(`the probes' POSTs were not received:\n${server.output().slice(-3000)}`);
          await new Promise((r) => setTimeout(r, 20));
        }
        signalAt = performance.now();
        server.child.kill('SIGTERM');
        // closing: only now is the rest written, so the GETs arrive while the POSTs are in progress
        await refusingConnections(server.port, 8000);
        const closingMs = performance.now() - signalAt;
        for (const probe of probes) probe.finish();
        const { code } = await server.exited;
        const exitMs = performance.now() - signalAt;
        await Promise.all([...clients, ...probes.map((p) => p.closed)]);

        const accepted = acceptedMarkers(server.output());
        const failedAccepted = outcomes.filter((o) => accepted.has(o.marker) && o.status !== 200);
        const unavailable = outcomes.filter((o) => o.status === 503);
        const without503Close = unavailable.filter((o) => (o.connection ?? '').toLowerCase() !== 'close');
        const otherStatus = outcomes.filter((o) => o.status !== undefined && o.status !== 200 && o.status !== 503);
        const completedAfterSignal = outcomes.filter((o) => o.status === 200 && o.at > signalAt);
        const notAccepted = outcomes.filter((o) => o.error !== undefined && !accepted.has(o.marker));

        const stored = await contactSubjects(db.url);
        const probePosts = probes.filter((p) => p.responses[0]?.status === 303);
        const probeStored = probes.filter((p) => stored.filter((m) => m.includes(p.message)).length === 1);
        const probe503 = probes.filter((p) => p.responses[1]?.status === 503 && p.responses[1].connection.toLowerCase() === 'close');
        const probeReset = probes.filter((p) => p.error !== undefined || !p.ended);
        const answered503 = unavailable.length + probes.flatMap((p) => p.responses).filter((r) => r.status === 503).length;
        report(
          `shutdown ${kind}: ${outcomes.length} load requests, ${outcomes.filter((o) => accepted.has(o.marker)).length} accepted, ` +
            `${completedAfterSignal.length} completed after the signal, ${notAccepted.length} never read (refused or closed); ` +
            `${PROBES} pipelined probes: POST in progress at the signal completed ${probePosts.length} (stored ${probeStored.length}), GET behind it 503 + Connection: close ${probe503.length}, reset ${probeReset.length}; ` +
            `answered 503 = ${answered503}; failed accepted = ${failedAccepted.length + PROBES - probePosts.length}; ` +
            `closing ${seconds(closingMs)} s, exit ${code} after ${seconds(exitMs)} s`,
        );
        assert.equal(code, 0, `exit code ${code}:\n${server.output().slice(-3000)}`);
        assert.ok(exitMs < 10_000, `exit after ${exitMs} ms`);
        assert.deepEqual(failedAccepted, [], 'every request the server received before closing got its whole response');
        assert.deepEqual(otherStatus, [], 'no status other than 200 and 503');
        assert.deepEqual(without503Close, [], 'a 503 while closing says Connection: close');
        assert.ok(outcomes.filter((o) => o.status === 200 && o.at < signalAt).length > 0, 'the load was served before the signal');
        assert.ok(completedAfterSignal.length > 0, 'requests in flight at the signal were answered');
        for (const p of probes) {
          const seen = JSON.stringify({ responses: p.responses, ended: p.ended, error: p.error });
          assert.equal(p.responses[0]?.status, 303, `${p.post}: the POST received before the signal completes: ${seen}`);
          assert.equal(p.responses[1]?.status, 503, `${p.get}: the GET arriving while closing is refused with 503: ${seen}`);
          assert.equal(p.responses[1]?.connection.toLowerCase(), 'close', `${p.get}: the 503 says Connection: close: ${seen}`);
          assert.equal(p.responses.length, 2, `${p.post}: two responses, nothing more: ${seen}`);
          assert.ok(p.ended && p.error === undefined, `${p.post}: the server closes the socket cleanly (FIN, no reset): ${seen}`);
          assert.ok(!accepted.has(p.get), `${p.get}: never handled (refused before any hook ran)`);
        }
        assert.equal(probeStored.length, PROBES, 'every contact message POSTed before the signal is stored once');
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
