// Retention of "To mój podmiot" documents on both databases, with a controlled clock: the daily
// job deletes the documents of claims decided more than 90 days ago (approved or rejected), keeps
// those of recent and pending claims, logs each run with the count only, and staff pages then name
// the removal with its date while the download answers 404. A second run changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { polishSortKey } from '../../../core/db/collation.js';
import { newId } from '../../../core/db/ids.js';
import { runDueJobs } from '../../../core/jobs.js';
import { formatters, translator } from '../../../i18n/index.js';
import { createTestApp, loginAs, sessionFor, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { CLAIM_DOCUMENT_RETENTION_DAYS, decideClaim, submitClaim } from './claims.service.js';
import { registryJobs } from '../index.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const clock = new ManualClock('2027-03-01T10:00:00Z');

let t: TestApp;
let staffId: string;
let entityId: string;
const actor = { actorId: null, ip: '127.0.0.1', requestId: null };
/** The claims by their role in the story. */
const c: Record<'oldRejected' | 'oldApproved' | 'pending' | 'noDocument' | 'recent', string> = {
  oldRejected: '',
  oldApproved: '',
  pending: '',
  noDocument: '',
  recent: '',
};

async function get(url: string) {
  return t.app.inject({ url, headers: { cookie: await sessionFor(t, staffId) } });
}

async function submit(email: string, document: { filename: string; data: Buffer } | null): Promise<string> {
  const body = {
    name: `Osoba ${email}`,
    email,
    role: 'prezes zarządu',
    justification: document ? '' : 'Jestem w zarządzie.',
    consent: '1',
  };
  const id = await submitClaim(
    t.ctx,
    entityId,
    body,
    document ? { ...document, truncated: false } : null,
    { lang: 'pl', userId: null },
    actor,
  );
  return id!;
}

async function decide(id: string, decision: 'approve' | 'reject') {
  await decideClaim(
    t.ctx,
    id,
    { decision, reason: decision === 'reject' ? 'Brak umocowania w KRS.' : '' },
    { id: staffId, displayName: 'Koordynator' },
    actor,
  );
}

const files = async () => (await t.ctx.db.selectFrom('entity_claim_files').select('claim_id').execute()).map((r) => r.claim_id).sort();
const erasedAt = async (id: string) =>
  (await t.ctx.db.selectFrom('entity_claims').select('document_erased_at').where('id', '=', id).executeTakeFirstOrThrow())
    .document_erased_at;
const retentionLog = () =>
  t.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'registry.claim.document_retention')
    .orderBy('at')
    .orderBy('id')
    .execute();
async function runJob(): Promise<string> {
  const [out] = await runDueJobs(t.ctx, registryJobs, { force: true });
  assert.equal(out!.name, 'registry.claim-document-retention');
  assert.equal(out!.error, undefined);
  return out!.result!;
}

before(async () => {
  t = await createTestApp({ clock, reference: false });
  staffId = (await loginAs(t, [{ role: 'coordinator' }], 'koordynator@rops.example.pl')).userId;
  entityId = newId();
  const at = clock.now().toISOString();
  await t.ctx.db
    .insertInto('entities')
    .values({
      id: entityId,
      name: 'Fundacja Retencja',
      name_sort: polishSortKey('Fundacja Retencja'),
      legal_form: 'fundacja',
      sectors: '[]',
      lifecycle: 'active',
      search_doc: 'fundacja retencja',
      is_synthetic: false,
      created_at: at,
      updated_at: at,
    })
    .execute();

  c.oldRejected = await submit('anna@example.pl', { filename: 'Odpis KRS.pdf', data: PDF });
  await decide(c.oldRejected, 'reject');
  c.oldApproved = await submit('bogdan@example.pl', { filename: 'upowaznienie.png', data: PNG });
  await decide(c.oldApproved, 'approve');
  c.pending = await submit('celina@example.pl', { filename: 'skan.pdf', data: PDF });
  c.noDocument = await submit('damian@example.pl', null);
  await decide(c.noDocument, 'reject');
  clock.advance(60 * DAY);
  c.recent = await submit('ewa@example.pl', { filename: 'nowy.pdf', data: PDF });
  await decide(c.recent, 'reject');
});
after(async () => t.close());

test('nothing goes before the period has passed: decided exactly 90 days ago is kept', async () => {
  assert.equal(CLAIM_DOCUMENT_RETENTION_DAYS, 90);
  clock.advance(30 * DAY);
  assert.equal(await runJob(), '0 claim documents erased');
  assert.deepEqual(await files(), [c.oldRejected, c.oldApproved, c.pending, c.recent].sort());
  const log = await retentionLog();
  assert.equal(log.length, 1, 'every run is logged, also one that erased nothing');
  assert.deepEqual(JSON.parse(log[0]!.meta ?? '{}'), { documents: 0, days: 90 });
});

test('documents of claims decided more than 90 days ago are deleted; recent, pending and undecided ones stay; the run is logged without personal data', async () => {
  clock.advance(HOUR);
  const at = clock.now().toISOString();
  assert.equal(await runJob(), '2 claim documents erased');
  assert.deepEqual(await files(), [c.pending, c.recent].sort());
  assert.equal(await erasedAt(c.oldRejected), at);
  assert.equal(await erasedAt(c.oldApproved), at);
  assert.equal(await erasedAt(c.noDocument), null, 'a claim that had no document has nothing to erase');
  assert.equal(await erasedAt(c.pending), null);
  assert.equal(await erasedAt(c.recent), null);
  const claims = await t.ctx.db
    .selectFrom('entity_claims')
    .select(['id', 'status', 'email'])
    .where('id', 'in', [c.oldRejected, c.oldApproved])
    .execute();
  assert.equal(claims.length, 2, 'the claims themselves stay');
  const log = await retentionLog();
  assert.equal(log.length, 2);
  const last = log[1]!;
  assert.deepEqual(JSON.parse(last.meta ?? '{}'), { documents: 2, days: 90 });
  assert.equal(last.actor_id, null);
  assert.equal(last.subject_id, null);
  assert.doesNotMatch(JSON.stringify(last), /anna|bogdan|Odpis|upowaznienie|example\.pl/);
});

test('staff pages say when the document was removed; its download answers 404, kept documents still download', async () => {
  const at = (await erasedAt(c.oldRejected))!;
  const expectPl = translator('pl')('claims.admin.documentErased', { date: formatters('pl').date(at) });
  const detail = await get(`/admin/podmioty/zgloszenia/${c.oldRejected}`);
  assert.equal(detail.statusCode, 200);
  assert.ok(detail.body.includes(expectPl), expectPl);
  assert.match(detail.body, /Dokument usunięto/);
  assert.ok(!detail.body.includes(`/admin/podmioty/zgloszenia/${c.oldRejected}/dokument`), 'no link to a deleted document');
  assert.doesNotMatch(detail.body, /Odpis KRS/);
  const en = await get(`/en/admin/podmioty/zgloszenia/${c.oldApproved}`);
  assert.ok(en.body.includes(translator('en')('claims.admin.documentErased', { date: formatters('en').date(at) })));
  assert.match(en.body, /Document removed on/);

  const list = await get('/admin/podmioty/zgloszenia?stan=rejected');
  assert.ok(list.body.includes(translator('pl')('claims.admin.documentErasedShort')));

  assert.equal((await get(`/admin/podmioty/zgloszenia/${c.oldRejected}/dokument`)).statusCode, 404);
  assert.equal((await get(`/admin/podmioty/zgloszenia/${c.oldApproved}/dokument`)).statusCode, 404);
  const recent = await get(`/admin/podmioty/zgloszenia/${c.recent}`);
  assert.ok(recent.body.includes(`/admin/podmioty/zgloszenia/${c.recent}/dokument`));
  const kept = await get(`/admin/podmioty/zgloszenia/${c.recent}/dokument`);
  assert.equal(kept.statusCode, 200);
  assert.deepEqual(kept.rawPayload, PDF);
  assert.equal((await get(`/admin/podmioty/zgloszenia/${c.pending}/dokument`)).statusCode, 200);
});

test('a second run the next day erases nothing more and keeps the first erasure date', async () => {
  const first = await erasedAt(c.oldRejected);
  clock.advance(DAY);
  assert.equal(await runJob(), '0 claim documents erased');
  assert.deepEqual(await files(), [c.pending, c.recent].sort());
  assert.equal(await erasedAt(c.oldRejected), first);
  const log = await retentionLog();
  assert.equal(log.length, 3);
  assert.deepEqual(JSON.parse(log[2]!.meta ?? '{}'), { documents: 0, days: 90 });
  // the recent claim's turn comes 90 days after its own decision (60 days after the others')
  clock.advance(58 * DAY);
  assert.equal(await runJob(), '0 claim documents erased');
  clock.advance(DAY);
  assert.equal(await runJob(), '1 claim document erased');
  assert.deepEqual(await files(), [c.pending]);
});
