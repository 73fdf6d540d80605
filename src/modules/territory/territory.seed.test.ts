// The reference data the whole platform is placed on: TERYT counts of kujawsko-pomorskie, the
// seeded OWES subregions covering every powiat exactly once, Polish order of names, and a reload
// that changes nothing a coordinator edited. Runs on SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { countUnitsByKind, listUnits } from './territory.repo.js';
import { seedTerritoryReference, directory } from './territory.service.js';
import { listSubregionsWithMembers, SEEDED_PERIOD, subregionOfPowiat } from './subregions.service.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const collator = new Intl.Collator('pl');

test('TERYT: 1 województwo, 23 powiaty (4 cities), 144 gminy of types 17/88/39', async () => {
  assert.deepEqual(await countUnitsByKind(t.ctx.db), { wojewodztwo: 1, powiat: 23, gmina: 144 });
  const gminy = await listUnits(t.ctx.db, 'gmina');
  const byType = { 1: 0, 2: 0, 3: 0 } as Record<number, number>;
  for (const g of gminy) byType[g.gmina_type!] = (byType[g.gmina_type!] ?? 0) + 1;
  assert.deepEqual(byType, { 1: 17, 2: 88, 3: 39 });
  const powiaty = await listUnits(t.ctx.db, 'powiat');
  assert.deepEqual(
    powiaty.filter((p) => Number(p.teryt.slice(2)) >= 61).map((p) => p.name),
    ['Bydgoszcz', 'Grudziądz', 'Toruń', 'Włocławek'],
  );
  assert.ok(
    gminy.every((g) => powiaty.some((p) => p.teryt === g.parent_teryt)),
    'every gmina has its powiat',
  );
});

test('the seeded 2024–2026 grouping puts every one of the 23 powiaty in exactly one subregion', async () => {
  const subregions = await listSubregionsWithMembers(t.ctx);
  const seeded = subregions.filter((s) => s.valid_from === SEEDED_PERIOD.from && s.valid_to === SEEDED_PERIOD.to);
  assert.equal(seeded.length, 4);
  const powiaty = (await listUnits(t.ctx.db, 'powiat')).map((p) => p.teryt).sort();
  const members = seeded.flatMap((s) => s.powiaty).sort();
  assert.deepEqual(members, powiaty, 'each powiat once, none missing, none twice');
  const byCode = Object.fromEntries(seeded.map((s) => [s.code, s.powiaty.length]));
  assert.deepEqual(byCode, { torun: 5, 'wloclawek-inowroclaw': 6, grudziadz: 7, bydgoszcz: 5 });
  const toruń = seeded.find((s) => s.code === 'torun')!;
  assert.deepEqual([...toruń.powiaty].sort(), ['0401', '0404', '0408', '0415', '0463']);
});

test('a gmina takes the subregion of its powiat on the given day, and none outside the period', async () => {
  const subregions = await listSubregionsWithMembers(t.ctx);
  assert.equal(subregionOfPowiat(subregions, '2025-06-01').get('0463')?.code, 'torun');
  assert.equal(subregionOfPowiat(subregions, '2026-12-31').get('0461')?.code, 'bydgoszcz');
  assert.equal(subregionOfPowiat(subregions, '2027-01-01').size, 0);
  const dir = await directory(t.ctx, '2025-06-01');
  assert.equal(dir.gminy.find((g) => g.teryt === '0415052')?.subregion?.code, 'torun', 'Łubianka (powiat toruński)');
  assert.equal(dir.gminy.find((g) => g.teryt === '0402011')?.subregion?.code, 'grudziadz', 'Brodnica (powiat brodnicki)');
});

test('gminy and powiaty are listed in Polish alphabetical order (as Intl.Collator("pl"))', async () => {
  for (const kind of ['gmina', 'powiat'] as const) {
    const names = (await listUnits(t.ctx.db, kind)).map((u) => u.name);
    assert.deepEqual(names, [...names].sort(collator.compare), kind);
  }
  const dir = await directory(t.ctx, '2025-06-01');
  const names = dir.gminy.map((g) => g.name);
  assert.deepEqual(names, [...names].sort(collator.compare));
  // the letters that byte order gets wrong: Ł after L, Ś after S, Ż last
  const at = (n: string) => names.indexOf(n);
  assert.ok(at('Lubicz') < at('Łabiszyn') && at('Łysomice') < at('Mogilno'), 'Ł between L and M');
  assert.ok(at('Szubin') < at('Śliwice') && at('Świedziebnia') < at('Tuchola'), 'Ś between S and T');
  assert.ok(at('Zbójno') < at('Żnin') && at('Żnin') === names.length - 1, 'Ż last');
});

test('loading the reference data again adds nothing and keeps what coordinators changed', async () => {
  const before = await listSubregionsWithMembers(t.ctx);
  const torun = before.find((s) => s.code === 'torun')!;
  await t.ctx.db.updateTable('subregions').set({ name_pl: 'Subregion toruński (zmieniony)' }).where('id', '=', torun.id).execute();
  await t.ctx.db.deleteFrom('subregion_members').where('subregion_id', '=', torun.id).where('powiat_teryt', '=', '0401').execute();
  const result = await seedTerritoryReference(t.ctx);
  assert.match(result.summary, /TERYT units: 168 \(0 new\)/);
  const after = await listSubregionsWithMembers(t.ctx);
  assert.equal(after.length, before.length);
  const again = after.find((s) => s.code === 'torun')!;
  assert.equal(again.name_pl, 'Subregion toruński (zmieniony)');
  assert.ok(!again.powiaty.includes('0401'), 'a removed member is not brought back');
  assert.deepEqual(await countUnitsByKind(t.ctx.db), { wojewodztwo: 1, powiat: 23, gmina: 144 });
});
