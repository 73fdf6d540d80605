// The needs' figures as computed-indicator formulas (indicatorFormulas), on SQLite and PostgreSQL:
// the offers module contributes them; needs published, entities notified, answers, contracts and
// PLN count from 1 January of the day's year to the day, by when each thing happened; a need counts
// in its one gmina, its one powiat (4-digit code) or the region; drafts never count; the example
// need is reported as synthetic; the source begins with the first publication.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { makeEntity, makeNeed } from '../offers.testing.js';
import { needsFormulas, placeOf } from './needs.formulas.js';

const clock = new ManualClock('2027-06-15T10:00:00Z');
let t: TestApp;
const byKey = (key: string) => needsFormulas.find((f) => f.key === key)!;
const count = async (key: string, asOf: string) =>
  (await byKey(key).countByGmina(t.ctx, asOf, { legalForms: [], lifecycles: [] }))
    .map((c) => `${c.gmina ?? 'region'}:${c.n}:${c.synthetic}`)
    .sort();

before(async () => {
  t = await createTestApp({ clock });
  const e1 = await makeEntity(t.ctx, { name: 'Spółdzielnia Socjalna Formuła 1' });
  const e2 = await makeEntity(t.ctx, { name: 'Spółdzielnia Socjalna Formuła 2' });
  const a = await makeNeed(t.ctx, { createdBy: 'buyer-a', status: 'published' });
  const b = await makeNeed(t.ctx, { createdBy: 'buyer-b', status: 'published' });
  const c = await makeNeed(t.ctx, { createdBy: 'buyer-c', status: 'published' });
  await makeNeed(t.ctx, { createdBy: 'buyer-d', status: 'draft' });
  const db = t.ctx.db;
  await db.updateTable('needs').set({ area_scope: 'units', published_at: '2027-02-01T09:00:00.000Z' }).where('id', '=', a).execute();
  await db.insertInto('need_areas').values({ need_id: a, teryt: '0463011' }).execute();
  await db.updateTable('needs').set({ area_scope: 'units', published_at: '2027-03-01T09:00:00.000Z' }).where('id', '=', b).execute();
  await db
    .insertInto('need_areas')
    .values([
      { need_id: b, teryt: '0463011' },
      { need_id: b, teryt: '0463021' },
    ])
    .execute();
  // published late on 31 December 2026 UTC = 1 January 2027 in Warsaw
  await db.updateTable('needs').set({ published_at: '2026-12-31T23:30:00.000Z', is_example: true }).where('id', '=', c).execute();
  await db
    .insertInto('need_notifications')
    .values([
      { need_id: a, entity_id: e1, kind: 'notice', sent_at: '2027-02-01T10:00:00.000Z' },
      { need_id: a, entity_id: e2, kind: 'notice', sent_at: '2027-02-01T10:00:00.000Z' },
      { need_id: a, entity_id: e1, kind: 'reminder', sent_at: '2027-02-10T10:00:00.000Z' },
      { need_id: c, entity_id: e1, kind: 'notice', sent_at: '2027-01-02T10:00:00.000Z' },
    ])
    .execute();
  const answer = (need: string, entity: string, at: string | null) => ({
    need_id: need,
    entity_id: entity,
    token_hash: `${need}-${entity}`,
    viewed_at: null,
    answer: at ? ('interested' as const) : null,
    reason: null,
    answered_at: at,
    outcome_signed: null,
    outcome_value: null,
    outcome_at: null,
  });
  await db
    .insertInto('need_answers')
    .values([answer(a, e1, '2027-02-03T10:00:00.000Z'), answer(a, e2, null)])
    .execute();
  await db
    .updateTable('needs')
    .set({ outcome_signed: true, outcome_value: 12_000, outcome_at: '2027-05-01T10:00:00.000Z' })
    .where('id', '=', a)
    .execute();
});
after(async () => t.close());

test('the offers module contributes the five formulas', () => {
  const keys = t.ctx.contributions.of('indicatorFormulas').map((f) => f.key);
  for (const f of needsFormulas) assert.ok(keys.includes(f.key), f.key);
  assert.equal(needsFormulas.length, 5);
});

test('a need counts in its one gmina, its one powiat or the region', () => {
  assert.equal(placeOf('units', ['0463011']), '0463011');
  assert.equal(placeOf('units', ['0463011', '0463021']), '0463');
  assert.equal(placeOf('units', ['0463011', '0415042']), null);
  assert.equal(placeOf('region', []), null);
});

test('flows from 1 January to the day, by when each thing happened; drafts never; the example is synthetic', async () => {
  assert.deepEqual(await count('offers_needs_published', '2027-06-15'), ['0463011:1:0', '0463:1:0', 'region:1:1']);
  assert.deepEqual(await count('offers_needs_published', '2027-02-15'), ['0463011:1:0', 'region:1:1']);
  assert.deepEqual(await count('offers_needs_published', '2026-12-31'), [], 'Warsaw day of the late publication is 2027');
  assert.deepEqual(
    await count('offers_needs_entities_notified', '2027-06-15'),
    ['0463011:2:0', 'region:1:1'],
    'notices only, not reminders',
  );
  assert.deepEqual(await count('offers_needs_answers', '2027-06-15'), ['0463011:1:0']);
  assert.deepEqual(await count('offers_needs_contracts', '2027-04-30'), []);
  assert.deepEqual(await count('offers_needs_contracts', '2027-06-15'), ['0463011:1:0']);
  assert.deepEqual(await count('offers_needs_contract_pln', '2027-06-15'), ['0463011:12000:0']);
  assert.equal(await byKey('offers_needs_published').coverageStart(t.ctx), '2027-01-01');
});
