// The fair turns: one request starts per turn of the event loop, so connections that arrive while
// others keep the server busy are accepted and answered in their turn, not after whole rounds of
// the busy ones. Counted in answers, not timed.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import Fastify from 'fastify';
import { fairTurns, registerFairTurns } from './turns.js';

test('fairTurns lets one waiting request go per turn of the event loop, in order', async () => {
  const { turn, waiting } = fairTurns();
  const seen: string[] = [];
  const all = [0, 1, 2, 3].map((i) =>
    turn().then(() => {
      seen.push(`start ${i}`);
      // what the loop does next (an accept, a timer) gets its turn before the request after next
      setImmediate(() => seen.push(`turn after ${i}`));
    }),
  );
  assert.equal(waiting(), 4);
  await Promise.all(all);
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  for (let i = 0; i < 3; i += 1) assert.ok(seen.indexOf(`start ${i}`) < seen.indexOf(`start ${i + 1}`), seen.join(', '));
  for (let i = 0; i < 2; i += 1) assert.ok(seen.indexOf(`turn after ${i}`) < seen.indexOf(`start ${i + 2}`), seen.join(', '));
  assert.equal(waiting(), 0);
});

/** How many answers the busy connections got while `fresh` new connections waited for their first. */
async function answersBeforeNewcomers(fair: boolean, busy = 8, fresh = 8): Promise<number> {
  const app = Fastify();
  if (fair) registerFairTurns(app);
  app.get('/', async () => {
    // a page's worth of synchronous work (rendering, a SQLite read)
    let x = 0;
    for (let i = 0; i < 200_000; i += 1) x += i % 7;
    return { x };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const get = (agent: http.Agent) =>
    new Promise<void>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => res.resume().on('end', resolve)).on('error', reject);
    });
  let answers = 0;
  let stop = false;
  const loops = Array.from({ length: busy }, async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    while (!stop) {
      await get(agent);
      answers += 1;
    }
    agent.destroy();
  });
  try {
    while (answers < busy * 4) await new Promise((r) => setTimeout(r, 5));
    const before = answers;
    const agents = Array.from({ length: fresh }, () => new http.Agent({ keepAlive: false }));
    await Promise.all(agents.map((a) => get(a)));
    return answers - before;
  } finally {
    stop = true;
    await Promise.all(loops);
    await app.close();
  }
}

test('connections that arrive while the server is busy are answered after about one round, not one round each', async () => {
  const busy = 8;
  const fresh = 16;
  const fair = await answersBeforeNewcomers(true, busy, fresh);
  // in turn: a newcomer waits for the requests queued before it (one per busy connection) and the
  // other newcomers; 20 answers here (about two and a half rounds)
  assert.ok(fair <= 4 * busy, `${fair} answers went to the busy connections first`);
  // the control: without the turns a newcomer is accepted one turn of the loop after the previous
  // one, and each turn answers every busy connection; 72 answers here (nine rounds)
  const unfair = await answersBeforeNewcomers(false, busy, fresh);
  assert.ok(unfair >= 6 * busy, `without the turns only ${unfair} answers went first`);
});
