// E-mail is at least once, and a repeat is recognisable. Killed between the SMTP server's
// acceptance of a message and the outbox row being marked sent (the process is frozen with SIGSTOP
// before the server's 250 answer reaches it, then killed), the restarted instance sends that one
// message again, once, with the same Message-ID <outbox id@host of PUBLIC_URL>, so mail clients fold
// the two; every other message goes out once. Without a kill, two instances delivering from one
// outbox on PostgreSQL (a slow server, so their rounds overlap) send every message exactly once.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { prepare } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/core/db/database.js';
import { enqueueMail } from '../src/modules/mail/index.js';
import { kinds, removeBundle, report, scratchDatabase, SESSION_SECRET, smtpSink, startInstance, type ScratchDatabase } from './support.js';

after(removeBundle);

/** Migrates the scratch database and puts `n` messages in the outbox; returns their ids. */
async function queue(db: ScratchDatabase, n: number, prefix: string): Promise<string[]> {
  const config = loadConfig({ DATABASE_URL: db.url, DATA_DIR: db.dir, SESSION_SECRET, LOG_LEVEL: 'silent' });
  const { database, ctx } = await prepare(config, { seed: false });
  try {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1)
      ids.push(await enqueueMail(ctx.db, { to: `${prefix}${i}@example.pl`, lang: 'pl', template: 'test', params: {} }));
    return ids;
  } finally {
    await database.close();
  }
}

async function outbox(url: string) {
  const database = await openDatabase(url);
  try {
    const rows = await database.db.selectFrom('mail_outbox').select(['id', 'status', 'sent_at']).execute();
    const attempts = await database.db.selectFrom('mail_attempts').select(['mail_id', 'outcome', 'worker']).orderBy('started_at').execute();
    return { rows, attempts };
  } finally {
    await database.close();
  }
}

async function until(what: string, condition: () => Promise<boolean>, withinMs: number): Promise<void> {
  const began = performance.now();
  while (!(await condition())) {
    if (performance.now() - began > withinMs) throw new Error(`${what}: not within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

for (const kind of kinds()) {
  test(
    `mail on ${kind}: a kill after the SMTP server accepted, before the row is marked sent, repeats that one message with its Message-ID`,
    { timeout: 180_000 },
    async () => {
      const db = await scratchDatabase(kind);
      const sink = await smtpSink();
      try {
        const ids = await queue(db, 3, 'crash');
        let pid = 0;
        let killed: Promise<void> | null = null;
        sink.beforeAccept = () => {
          if (killed) return;
          // frozen before the acceptance reaches it, killed right after: it never learns the message went out
          process.kill(pid, 'SIGSTOP');
          killed = new Promise((resolve) =>
            setTimeout(() => {
              process.kill(pid, 'SIGKILL');
              resolve();
            }, 300),
          );
        };
        const first = await startInstance({ databaseUrl: db.url, dataDir: db.dir, env: { SMTP_URL: sink.url } });
        pid = first.child.pid!;
        await until('the first message reaches the server', async () => killed !== null, 30_000);
        await killed;
        await first.exited;
        const crashed = sink.received[0]!;
        const before = await outbox(db.url);
        const inFlight = before.rows.find((r) => `<${r.id}@127.0.0.1>` === crashed.messageId);
        assert.ok(inFlight, `the accepted message ${crashed.messageId} is an outbox row`);
        assert.equal(inFlight.status, 'pending', 'the row was not marked sent: the process died first');
        assert.deepEqual(
          before.attempts.filter((a) => a.mail_id === inFlight.id).map((a) => a.outcome),
          ['sending'],
          'the cut attempt is recorded as such',
        );

        // restarted: the others go out at once, the cut one after its lease (30 s) ran out
        const second = await startInstance({ databaseUrl: db.url, dataDir: db.dir, env: { SMTP_URL: sink.url } });
        const began = performance.now();
        await until('every row marked sent', async () => (await outbox(db.url)).rows.every((r) => r.status === 'sent'), 90_000);
        const retakenAfter = performance.now() - began;
        assert.equal((await second.stop()).code, 0, second.output());

        const per = new Map<string, number>();
        for (const m of sink.received) per.set(m.messageId, (per.get(m.messageId) ?? 0) + 1);
        assert.deepEqual(
          [...per.entries()].sort(),
          ids.map((id) => [`<${id}@127.0.0.1>`, id === inFlight.id ? 2 : 1] as [string, number]).sort(),
          'the interrupted message twice, every other once, each under the Message-ID of its outbox row',
        );
        const after = await outbox(db.url);
        assert.deepEqual(
          after.attempts.filter((a) => a.mail_id === inFlight.id).map((a) => a.outcome),
          ['sending', 'sent'],
        );
        report(
          `mail ${kind} (crash): 3 messages, 1 kill between acceptance and marking sent → ${sink.received.length} deliveries, 1 duplicate with the same Message-ID, resent ${(retakenAfter / 1000).toFixed(0)} s after the restart (lease)`,
        );
      } finally {
        await sink.close();
        await db.dispose();
      }
    },
  );

  // several instances share PostgreSQL only: SQLite is one process (deploy.md)
  if (kind !== 'postgres') continue;
  test(
    `mail on ${kind}: two instances delivering from one outbox without a crash send every message exactly once`,
    { timeout: 180_000 },
    async () => {
      const db = await scratchDatabase(kind);
      const sink = await smtpSink();
      try {
        const n = 30;
        const ids = await queue(db, n, 'pair');
        // a slow server: each instance holds a message while the other claims the next ones
        sink.beforeAccept = () => new Promise((r) => setTimeout(r, 100));
        const env = { SMTP_URL: sink.url };
        const [a, b] = await Promise.all([
          startInstance({ databaseUrl: db.url, dataDir: db.dir, env }),
          startInstance({ databaseUrl: db.url, dataDir: db.dir, env }),
        ]);
        await until('every row marked sent', async () => (await outbox(db.url)).rows.every((r) => r.status === 'sent'), 120_000);
        const [ea, eb] = await Promise.all([a.stop(), b.stop()]);
        assert.equal(ea.code, 0, a.output());
        assert.equal(eb.code, 0, b.output());
        const got = sink.received.map((m) => m.messageId).sort();
        assert.deepEqual(got, ids.map((id) => `<${id}@127.0.0.1>`).sort(), 'each message once');
        const { attempts } = await outbox(db.url);
        assert.equal(attempts.length, n);
        assert.ok(attempts.every((x) => x.outcome === 'sent'));
        const workers = new Map<string, number>();
        for (const x of attempts) workers.set(x.worker.split(':')[1]!, (workers.get(x.worker.split(':')[1]!) ?? 0) + 1);
        assert.equal(workers.size, 2, 'both instances delivered');
        report(
          `mail ${kind} (two instances): ${n} messages, ${sink.received.length} deliveries, 0 duplicates; sent by the two instances ${[...workers.values()].join(' + ')}`,
        );
      } finally {
        await sink.close();
        await db.dispose();
      }
    },
  );
}
