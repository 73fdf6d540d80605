// Crash safety: the production bundle takes concurrent public writes (consultation comments and
// contact messages, each through its real form: page, cookie, CSRF token, one-time key) while its
// outbox worker delivers to an SMTP server, and is killed with SIGKILL at a random moment; then
// restarted, again and again. After every kill: every write that was answered 303 is in the
// database; SQLite's integrity check passes (PostgreSQL's B-tree indexes pass amcheck); and the
// invariants of the data that exists hold. A write whose answer was lost in the crash is sent
// again after the restart, exactly as the visitor's browser would resend the form: it must be
// recognised, not stored twice.
//
// Invariants checked: no outbox row both sent and pending (status and sent_at agree, a sent row has
// a successful attempt); every comment has exactly one confirmation e-mail and every confirmation
// e-mail its comment (one transaction); no comment stored twice for one submission; no e-mail
// delivered more often than once plus the number of crashes it lived through. Invariants of modules
// that do not exist yet (event capacity, waitlist offers, licence and certificate numbers) cannot
// be checked and are not claimed.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { prepare } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/core/db/database.js';
import { makeConsultation } from '../src/modules/consultations/consultations.testing.js';
import {
  kinds,
  prepareForm,
  randomIp,
  removeBundle,
  report,
  scratchDatabase,
  SESSION_SECRET,
  smtpSink,
  startInstance,
  submit,
  type Kind,
  type PreparedPost,
} from './support.js';

const KILLS = Number(process.env.DURABILITY_KILLS ?? 20);
const WRITERS = 6;
const KILL_AFTER_MS: [number, number] = [300, 1800];

after(removeBundle);

interface Write {
  kind: 'comment' | 'contact';
  marker: string;
  post: PreparedPost;
  acknowledged: boolean;
  /** Answered 4xx: refused, nothing stored (and never resent). */
  refused: boolean;
}

/** The site as staff would set it up: an open consultation and an address for the contact form. */
async function setUp(databaseUrl: string, dataDir: string): Promise<string> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SESSION_SECRET, LOG_LEVEL: 'silent' });
  const { database, ctx } = await prepare(config);
  try {
    const id = await makeConsultation(ctx, { startsIn: -1, endsIn: 24 * 30, title: 'Konsultacje pod obciążeniem' });
    const institution = await ctx.settings.get<Record<string, unknown>>('site.institution', {});
    await ctx.settings.set('site.institution', { ...institution, email: 'sekretariat@rops.example.pl' });
    return id;
  } finally {
    await database.close();
  }
}

function commentFields(marker: string): Record<string, string> {
  return {
    section: 'general',
    justification: `Uwaga ${marker}: proszę doprecyzować grupę docelową.`,
    author_kind: 'person',
    first_name: 'Anna',
    last_name: 'Nowak',
    email: `${marker}@example.pl`,
    consent: '1',
  };
}

function contactFields(marker: string): Record<string, string> {
  return {
    name: 'Jan Kowalski',
    email: `${marker}@example.pl`,
    subject: `Pytanie ${marker}`,
    message: `Treść wiadomości ${marker} — proszę o kontakt.`,
    consent: '1',
  };
}

/** One visitor after another on one connection slot: form page, then the POST, until the server dies. */
async function writer(base: string, consultationId: string, iteration: number, slot: number, writes: Write[]): Promise<void> {
  for (let n = 0; ; n += 1) {
    const kind = (slot + n) % 3 === 0 ? 'contact' : 'comment';
    const marker = `crash-${iteration}-${slot}-${n}`;
    let post: PreparedPost;
    try {
      post =
        kind === 'comment'
          ? await prepareForm(
              base,
              `/konsultacje/${consultationId}/uwaga`,
              `/konsultacje/${consultationId}/uwaga`,
              commentFields(marker),
              randomIp(),
            )
          : await prepareForm(base, '/kontakt', '/kontakt', contactFields(marker), randomIp());
    } catch {
      return; // the server is gone: the form was never sent
    }
    const write: Write = { kind, marker, post, acknowledged: false, refused: false };
    writes.push(write);
    const { status } = await submit(post);
    if (status === undefined) return;
    if (status === 303) write.acknowledged = true;
    else if (status >= 400 && status < 500) write.refused = true;
    else throw new Error(`${kind} ${marker}: unexpected status ${status}`);
  }
}

interface Findings {
  corrupt: string[];
  violations: string[];
  markers: Map<string, number>;
}

/** Reads the database of the stopped instance: integrity, stored writes, invariants. */
async function inspect(kind: Kind, databaseUrl: string, deliveries: Map<string, number>, crashes: number): Promise<Findings> {
  const database = await openDatabase(databaseUrl);
  const corrupt: string[] = [];
  const violations: string[] = [];
  const markers = new Map<string, number>();
  try {
    const db = database.db;
    if (kind === 'sqlite') {
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      corrupt.push(...check.rows.map((r) => r.integrity_check).filter((m) => m !== 'ok'));
      const orphans = await sql<{ table: string }>`pragma foreign_key_check`.execute(db);
      corrupt.push(...orphans.rows.map((r) => `foreign key broken in ${r.table}`));
    } else {
      // every B-tree index agrees with its table (amcheck ships with PostgreSQL)
      await sql`create extension if not exists amcheck`.execute(db);
      const indexes = await sql<{
        name: string;
      }>`select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam join pg_namespace n on n.oid = c.relnamespace where a.amname = 'btree' and n.nspname = current_schema()`.execute(
        db,
      );
      for (const { name } of indexes.rows) {
        try {
          await sql`select bt_index_check(${name}::regclass, true)`.execute(db);
        } catch (err) {
          corrupt.push(`index ${name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }

    const comments = await db.selectFrom('consultation_comments').select(['id', 'justification', 'email_norm']).execute();
    for (const c of comments) {
      const marker = /crash-\d+-\d+-\d+/.exec(c.justification)?.[0];
      if (marker) markers.set(marker, (markers.get(marker) ?? 0) + 1);
    }
    const mails = await db
      .selectFrom('mail_outbox')
      .select(['id', 'template', 'to_address', 'text_body', 'subject', 'status', 'sent_at'])
      .execute();
    for (const m of mails) {
      if (m.template !== 'contact_message') continue;
      const marker = /crash-\d+-\d+-\d+/.exec(`${m.subject} ${m.text_body}`)?.[0];
      if (marker) markers.set(marker, (markers.get(marker) ?? 0) + 1);
    }
    for (const [marker, n] of markers) if (n > 1) violations.push(`${marker} stored ${n} times`);

    // outbox: sent exactly when sent_at is set; a sent row has a successful attempt
    const sentAttempts = new Set(
      (await db.selectFrom('mail_attempts').select('mail_id').where('outcome', '=', 'sent').execute()).map((a) => a.mail_id),
    );
    for (const m of mails) {
      if ((m.status === 'sent') !== (m.sent_at !== null)) violations.push(`outbox ${m.id}: status ${m.status} with sent_at ${m.sent_at}`);
      if (m.status === 'sent' && !sentAttempts.has(m.id)) violations.push(`outbox ${m.id}: sent without a successful attempt`);
    }
    // a comment and its confirmation e-mail are one transaction
    const confirmations = new Map<string, number>();
    for (const m of mails)
      if (m.template === 'consultation_confirm')
        confirmations.set(m.to_address.toLowerCase(), (confirmations.get(m.to_address.toLowerCase()) ?? 0) + 1);
    const commenters = new Map<string, number>();
    for (const c of comments) if (c.email_norm) commenters.set(c.email_norm, (commenters.get(c.email_norm) ?? 0) + 1);
    for (const [email, n] of commenters)
      if ((confirmations.get(email) ?? 0) !== n)
        violations.push(`${email}: ${n} comment(s), ${confirmations.get(email) ?? 0} confirmation e-mail(s)`);
    for (const [email, n] of confirmations)
      if (!commenters.has(email)) violations.push(`${email}: ${n} confirmation e-mail(s) without a comment`);
    // at least once, and at most one repeat per crash (a worker has one message in flight at a time)
    const repeats = [...deliveries.values()].reduce((sum, n) => sum + n - 1, 0);
    if (repeats > crashes) violations.push(`${repeats} e-mails delivered again over ${crashes} crash(es)`);
    const ids = new Set(mails.map((m) => m.id));
    for (const id of deliveries.keys())
      if (!ids.has(/^<([^@>]+)@/.exec(id)?.[1] ?? '')) violations.push(`delivered ${id}, which is no outbox row`);
  } finally {
    await database.close();
  }
  return { corrupt, violations, markers };
}

for (const kind of kinds()) {
  test(
    `${KILLS} SIGKILLs under concurrent public writes on ${kind}: no acknowledged write lost, no corruption, invariants hold`,
    { timeout: 20 * 60_000 },
    async () => {
      const db = await scratchDatabase(kind);
      const sink = await smtpSink();
      try {
        const consultationId = await setUp(db.url, db.dir);
        const env = { SMTP_URL: sink.url, TRUST_PROXY: '127.0.0.1' };
        const all: Write[] = [];
        let resent = 0;
        // distinct findings: a write lost at one kill stays missing at the next inspections
        const lost = new Set<string>();
        const corrupt = new Set<string>();
        const violations = new Set<string>();
        const problems: string[] = [];
        const began = performance.now();
        for (let iteration = 1; iteration <= KILLS; iteration += 1) {
          const server = await startInstance({ databaseUrl: db.url, dataDir: db.dir, env });
          // the visitors whose answer the last crash swallowed press "send" again
          const unanswered = all.filter((w) => !w.acknowledged && !w.refused && w.post.resendable);
          for (const w of unanswered) {
            const { status } = await submit(w.post, server.base);
            assert.equal(status, 303, `resending ${w.marker} after the restart`);
            w.acknowledged = true;
            resent += 1;
          }
          const writes: Write[] = [];
          const writers = Array.from({ length: WRITERS }, (_, slot) => writer(server.base, consultationId, iteration, slot, writes));
          await new Promise((r) => setTimeout(r, KILL_AFTER_MS[0] + Math.random() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0])));
          await server.kill();
          await Promise.all(writers);
          all.push(...writes);

          const deliveries = new Map<string, number>();
          for (const m of sink.received) deliveries.set(m.messageId, (deliveries.get(m.messageId) ?? 0) + 1);
          const found = await inspect(kind, db.url, deliveries, iteration);
          const fresh = (seen: Set<string>, items: string[]) => items.filter((x) => !seen.has(x) && seen.add(x));
          const missing = fresh(
            lost,
            all.filter((w) => w.acknowledged && !found.markers.has(w.marker)).map((w) => `acknowledged ${w.kind} ${w.marker} is missing`),
          );
          problems.push(
            ...[...missing, ...fresh(corrupt, found.corrupt), ...fresh(violations, found.violations)].map(
              (p) => `iteration ${iteration}: ${p}`,
            ),
          );
        }
        // a clean start and stop on the database the crashes left behind
        const last = await startInstance({ databaseUrl: db.url, dataDir: db.dir, env });
        assert.equal((await last.stop()).code, 0, last.output());

        const acknowledged = all.filter((w) => w.acknowledged).length;
        const duplicates = [
          ...sink.received.reduce((m, r) => m.set(r.messageId, (m.get(r.messageId) ?? 0) + 1), new Map<string, number>()).values(),
        ].reduce((n, c) => n + c - 1, 0);
        report(
          `crash ${kind}: ${KILLS} iterations, ${all.length} writes sent, ${acknowledged} acknowledged (${resent} after resending), ${all.filter((w) => w.refused).length} refused, ` +
            `${sink.received.length} e-mails delivered (${duplicates} repeated after a crash); lost = ${lost.size}, corrupt = ${corrupt.size}, invariant violations = ${violations.size} ` +
            `(${((performance.now() - began) / 1000).toFixed(0)} s)`,
        );
        assert.deepEqual(problems, []);
        assert.ok(acknowledged > KILLS, 'writes were acknowledged between the kills');
      } finally {
        await sink.close();
        await db.dispose();
      }
    },
  );
}
