// The rule that decides which entities hear of a buyer's need: category, area (every place of the
// need served), CPV (either way along the tree, or the category's usual prefixes), the optional
// filters, and each entity once — in memory, and over the demo seed on both databases.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../../../bootstrap.js';
import { createTestApp, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { cpvPrefix, matchingEntityIds, offerMeetsNeed, type NeedCriteria } from './needs.match.js';
import { makeEntity, makeOffer } from '../offers.testing.js';

const card = (
  o: {
    scope?: 'region' | 'units';
    areas?: string[];
    cpv?: string[];
    category?: string;
    reserved?: boolean;
    ps?: boolean;
    mark?: boolean;
  } = {},
) => ({
  offer: {
    category: o.category ?? 'catering',
    area_scope: o.scope ?? 'units',
    is_reserved_contracts: o.reserved ?? false,
    is_published: true,
  },
  entity: { isListed: true, isPs: o.ps ?? false, hasValidMark: o.mark ?? false },
  cpvCodes: o.cpv ?? [],
  areas: (o.areas ?? []).map((teryt) => ({ teryt, powiat_teryt: teryt.slice(0, 4) })),
});
const need = (n: Partial<NeedCriteria> = {}): NeedCriteria => ({
  category: 'catering',
  places: ['0463011'],
  cpv: null,
  onlyPs: false,
  onlyMark: false,
  onlyReserved: false,
  ...n,
});

test('category and area: every place of the need served; the whole region only by a region-wide offer', () => {
  assert.ok(offerMeetsNeed(card({ scope: 'region' }), need()));
  assert.ok(offerMeetsNeed(card({ areas: ['0463'] }), need()), 'a gmina is served by its powiat');
  assert.ok(offerMeetsNeed(card({ areas: ['0463011'] }), need()));
  assert.equal(offerMeetsNeed(card({ areas: ['0415011'] }), need()), false);
  assert.equal(offerMeetsNeed(card({ areas: ['0463011'] }), need({ places: ['0463'] })), false, 'one gmina does not serve the powiat');
  assert.equal(offerMeetsNeed(card({ areas: ['0463'] }), need({ places: ['0463', '0415'] })), false, 'every place');
  assert.equal(offerMeetsNeed(card({ areas: ['0463'] }), need({ places: null })), false);
  assert.ok(offerMeetsNeed(card({ scope: 'region' }), need({ places: null })));
  assert.equal(offerMeetsNeed(card({ scope: 'region', category: 'transport' }), need()), false);
});

test('CPV: either way along the tree; without codes, the category’s usual prefixes', () => {
  assert.equal(cpvPrefix('45400000-1'), '454');
  assert.equal(cpvPrefix('03000000-1'), '03');
  assert.ok(offerMeetsNeed(card({ scope: 'region', cpv: ['55520000-1'] }), need({ cpv: '55500000-5' })), 'the need is broader');
  assert.ok(offerMeetsNeed(card({ scope: 'region', cpv: ['55500000-5'] }), need({ cpv: '55520000-1' })), 'the offer is broader');
  assert.equal(offerMeetsNeed(card({ scope: 'region', cpv: ['55300000-3'] }), need({ cpv: '55520000-1' })), false);
  assert.ok(offerMeetsNeed(card({ scope: 'region' }), need({ cpv: '55521200-0' })), 'catering carries 5552');
  assert.equal(offerMeetsNeed(card({ scope: 'region' }), need({ cpv: '45000000-7' })), false);
});

test('filters: PS status, valid mark, reserved contracts', () => {
  assert.equal(offerMeetsNeed(card({ scope: 'region' }), need({ onlyPs: true })), false);
  assert.ok(offerMeetsNeed(card({ scope: 'region', ps: true }), need({ onlyPs: true })));
  assert.equal(offerMeetsNeed(card({ scope: 'region' }), need({ onlyMark: true })), false);
  assert.ok(offerMeetsNeed(card({ scope: 'region', mark: true }), need({ onlyMark: true })));
  assert.equal(offerMeetsNeed(card({ scope: 'region' }), need({ onlyReserved: true })), false);
  assert.ok(offerMeetsNeed(card({ scope: 'region', reserved: true }), need({ onlyReserved: true })));
});

let t: TestApp;
before(async () => {
  t = await createTestApp({ clock: new ManualClock('2027-03-01T10:00:00Z') });
  await seedDemo(t.ctx);
});
after(async () => t.close());

test('over the database: each entity once, drafts and other categories left out', async () => {
  const a = await makeEntity(t.ctx, { name: 'Spółdzielnia Socjalna Dwa Garnki' });
  await makeOffer(t.ctx, a, { title: 'Obiady', powiaty: ['0463'] });
  await makeOffer(t.ctx, a, { title: 'Kolacje', powiaty: ['0463'] });
  const b = await makeEntity(t.ctx, { name: 'Spółdzielnia Socjalna Szkic' });
  await makeOffer(t.ctx, b, { title: 'Szkic', published: false });
  const c = await makeEntity(t.ctx, { name: 'Spółdzielnia Socjalna Przewozy' });
  await makeOffer(t.ctx, c, { title: 'Przewozy', category: 'transport', subcategory: 'transport-osob' });
  const found = await matchingEntityIds(t.ctx, need({ places: ['0463011'] }));
  assert.ok(found.includes(a));
  assert.equal(found.filter((id) => id === a).length, 1);
  assert.ok(!found.includes(b) && !found.includes(c));
  // the demo's region-wide catering offer and Toruń's coffee breaks match a need in Toruń; only the former one in Bydgoszcz
  const names = async (ids: string[]) =>
    (await t.ctx.db.selectFrom('entities').select('name').where('id', 'in', ids).execute()).map((e) => e.name).sort();
  assert.ok((await names(found)).includes('Spółdzielnia Socjalna „Twoje smaki”'));
  assert.ok((await names(found)).includes('Fundacja „Studio M6”'));
  const bydgoszcz = await names(await matchingEntityIds(t.ctx, need({ places: ['0461011'] })));
  assert.deepEqual(bydgoszcz, ['Spółdzielnia Socjalna „Twoje smaki”']);
});
