// Computed indicators against the registry on SQLite and PostgreSQL: entities, PS status and marks
// created here, counted as of a day, aggregated to powiaty, subregions and the region, and the
// snapshot that closes a period.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../../core/db/ids.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { asOfDay, computePeriod } from './indicators.formulas.js';
import { indicatorViews } from './indicators.service.js';
import { loadTerritoryIndex, type TerritoryIndex } from './indicators.territory.js';
import { insertTestIndicator, insertTestProgramme, refreshComputedNow } from './indicators.testing.js';
import { enterApprovedValue, recomputeIndicator, snapshotComputedValues } from './indicators.values.js';
import { ManualClock } from '../../testing/clock.js';

const clock = new ManualClock('2026-06-15T10:00:00Z');
const actor = { actorId: null, ip: null };
const TORUN_CITY = '0463011'; // Toruń (gmina miejska), powiat 0463, subregion toruński
const BYDGOSZCZ_CITY = '0461011'; // Bydgoszcz, powiat 0461, subregion bydgoski

async function entity(
  t: TestApp,
  over: {
    gmina: string | null;
    legal?: 'spoldzielnia_socjalna' | 'fundacja' | 'stowarzyszenie';
    registered?: string | null;
    lifecycle?: 'active' | 'closed';
    synthetic?: boolean;
    merged?: boolean;
    checked?: boolean;
  },
): Promise<string> {
  const id = newId();
  await t.ctx.db
    .insertInto('entities')
    .values({
      id,
      name: `Podmiot ${id.slice(-6)}`,
      name_sort: `podmiot ${id.slice(-6)}`,
      short_name: null,
      legal_form: over.legal ?? 'spoldzielnia_socjalna',
      creating_body: null,
      nip: null,
      regon: null,
      krs: null,
      other_register: null,
      registration_date: over.registered === undefined ? '2015-03-01' : over.registered,
      description: null,
      website: null,
      email: null,
      phone: null,
      activity_type: null,
      pkd_codes: null,
      sectors: '[]',
      lifecycle: over.lifecycle ?? 'active',
      data_source: null,
      source_url: null,
      verified_at: null,
      // a person checked the activity, unless the test says otherwise (only then is it "active")
      activity_verified_on: over.checked === false ? null : '2026-01-10',
      gmina_teryt: over.gmina,
      town: null,
      address: null,
      search_doc: '',
      is_synthetic: over.synthetic ?? false,
      name_key: null,
      merged_into: over.merged ? id : null,
      created_at: '2026-01-10T00:00:00.000Z',
      updated_at: '2026-01-10T00:00:00.000Z',
    })
    .execute();
  return id;
}

async function ps(t: TestApp, entityId: string, kind: 'granted' | 'lost', date: string) {
  await t.ctx.db
    .insertInto('entity_ps_status')
    .values({ id: newId(), entity_id: entityId, kind, ps_type: null, decision_number: null, decision_date: date, loss_reason: null })
    .execute();
}

async function mark(t: TestApp, entityId: string, granted: string | null, expires: string | null) {
  await t.ctx.db
    .insertInto('entity_marks')
    .values({
      id: newId(),
      entity_id: entityId,
      mark: 'zakup_prospoleczny',
      subject: null,
      granted_on: granted,
      expires_on: expires,
      source_url: null,
    })
    .execute();
}

describe('computed indicators (registry formulas)', () => {
  let t: TestApp;
  let index: TerritoryIndex;
  let programmeId: string;
  const today = '2026-06-15';

  before(async () => {
    t = await createTestApp({ clock });
    index = await loadTerritoryIndex(t.ctx);
    programmeId = (await insertTestProgramme(t.ctx, { period_from: 2021, period_to: 2030 })).id;
    // PS: granted 2022 in Toruń (still holds); granted 2021, lost 2023 in Bydgoszcz; granted 2024 and
    // lost 2024 then granted again 2025 in Toruń; a merged-away record never counts
    const a = await entity(t, { gmina: TORUN_CITY });
    await ps(t, a, 'granted', '2022-05-01');
    const b = await entity(t, { gmina: BYDGOSZCZ_CITY, legal: 'fundacja' });
    await ps(t, b, 'granted', '2021-02-01');
    await ps(t, b, 'lost', '2023-07-01');
    const c = await entity(t, { gmina: TORUN_CITY, lifecycle: 'closed' });
    await ps(t, c, 'granted', '2024-01-10');
    await ps(t, c, 'lost', '2024-09-10');
    await ps(t, c, 'granted', '2025-03-03');
    const merged = await entity(t, { gmina: TORUN_CITY, merged: true });
    await ps(t, merged, 'granted', '2021-01-01');
    // marks: valid 2022–2024 in Bydgoszcz; a one-year licence from 2025-02-01 in Toruń (the expiry
    // every writer stores for it); undated in Toruń
    await mark(t, b, '2022-01-01', '2024-12-31');
    await mark(t, a, '2025-02-01', '2026-02-01');
    await mark(t, a, null, null);
    // entities: registered 2020 (stowarzyszenie, Toruń), without a registration date (recorded 2026), without a seat, synthetic
    await entity(t, { gmina: TORUN_CITY, legal: 'stowarzyszenie', registered: '2020-01-01' });
    await entity(t, { gmina: BYDGOSZCZ_CITY, registered: null });
    await entity(t, { gmina: null, registered: '2019-01-01' });
  });
  after(async () => t.close());

  const ind = (formula: string, breakdown: 'none' | 'powiat' | 'subregion' | 'gmina' = 'subregion', params: object = {}) => ({
    formula,
    formula_params: JSON.stringify(params),
    breakdown,
  });

  it('counts as of 31 December for past years and today for the current one, nothing for future years', () => {
    assert.equal(asOfDay(2023, today), '2023-12-31');
    assert.equal(asOfDay(2026, today), today);
    assert.equal(asOfDay(2027, today), null);
  });

  it("knows nothing before the registry's first record: no figures rather than zeros", async () => {
    // the earliest record is the entity registered on 2015-03-01
    assert.equal(await computePeriod(t.ctx, index, ind('registry_ps_entities'), 2014, today), null);
    assert.equal(await computePeriod(t.ctx, index, ind('registry_entities'), 2014, today, async () => '2015-03-01'), null);
    assert.ok(await computePeriod(t.ctx, index, ind('registry_entities'), 2015, today));
    assert.equal(
      await computePeriod(t.ctx, index, ind('registry_entities'), 2025, today, async () => null),
      null,
      'an empty registry knows nothing',
    );
    assert.equal(await computePeriod(t.ctx, index, ind('no_such_formula'), 2025, today), null, 'an unknown formula counts nothing');
  });

  it('counts entities with PS status per year from decision dates', async () => {
    const at = async (year: number) => (await computePeriod(t.ctx, index, ind('registry_ps_entities'), year, today))!.values;
    const y2021 = await at(2021);
    assert.equal(y2021.get('region'), 1);
    assert.equal(y2021.get('bydgoszcz'), 1);
    assert.equal(y2021.get('torun'), 0);
    const y2022 = await at(2022);
    assert.equal(y2022.get('region'), 2);
    const y2023 = await at(2023);
    assert.equal(y2023.get('region'), 1);
    assert.equal(y2023.get('bydgoszcz'), 0);
    assert.equal((await at(2024)).get('torun'), 1, 'lost in September 2024');
    assert.equal((await at(2025)).get('torun'), 2, 'granted again in 2025');
    assert.equal(await computePeriod(t.ctx, index, ind('registry_ps_entities'), 2027, today), null);
  });

  it('aggregates gminy to powiaty and every subregion gets a figure', async () => {
    const byPowiat = (await computePeriod(t.ctx, index, ind('registry_ps_entities', 'powiat'), 2025, today))!.values;
    assert.equal(byPowiat.get('0463'), 2);
    assert.equal(byPowiat.get('0461'), 0);
    assert.equal(byPowiat.get('0401'), 0);
    assert.equal(byPowiat.size, 1 + index.powiaty.size);
    const bySub = (await computePeriod(t.ctx, index, ind('registry_ps_entities'), 2025, today))!.values;
    assert.deepEqual([...bySub.keys()].sort(), ['bydgoszcz', 'grudziadz', 'region', 'torun', 'wloclawek-inowroclaw']);
    const byGmina = (await computePeriod(t.ctx, index, ind('registry_ps_entities', 'gmina'), 2025, today))!.values;
    assert.equal(byGmina.get(TORUN_CITY), 2);
    assert.equal(byGmina.size, 1 + index.gminy.size);
  });

  it('counts valid marks between known grant and expiry dates; an undated mark in no year', async () => {
    const at = async (year: number) =>
      (await computePeriod(t.ctx, index, ind('registry_valid_marks', 'none'), year, today))!.values.get('region');
    assert.equal(await at(2021), 0);
    assert.equal(await at(2023), 1);
    assert.equal(await at(2024), 1, 'expires on the last day of 2024: still valid that day');
    assert.equal(await at(2025), 1);
    assert.equal(await at(2026), 0, 'the 2025 licence ended on 2026-02-01; the undated mark is not known to be valid');
  });

  it('counts active entities with filters, by registration date or, without one, when recorded', async () => {
    const at = async (year: number, params: object = {}) =>
      (await computePeriod(t.ctx, index, ind('registry_entities', 'none', params), year, today))!.values.get('region');
    // active, registered by the end of 2021: a (2015), b (2015), stowarzyszenie (2020), no-seat (2019)
    assert.equal(await at(2021), 4);
    assert.equal(await at(2026), 5, 'the one without a registration date was recorded in 2026');
    assert.equal(await at(2021, { legalForms: ['fundacja'] }), 1);
    assert.equal(await at(2021, { lifecycles: ['active', 'closed'] }), 5);
    assert.equal(await at(2021, { legalForms: ['spoldzielnia_socjalna'], lifecycles: ['closed'] }), 1);
    // stated active but never checked: not active, only counted when asked for as unverified
    const unchecked = await entity(t, { gmina: TORUN_CITY, checked: false });
    assert.equal(await at(2026), 5);
    assert.equal(await at(2026, { lifecycles: ['unverified'] }), 1);
    await t.ctx.db.deleteFrom('entities').where('id', '=', unchecked).execute();
  });

  it('flags figures built on synthetic records as examples', async () => {
    const before = (await computePeriod(t.ctx, index, ind('registry_entities', 'none'), 2026, today))!;
    assert.equal(before.isExample, false);
    await entity(t, { gmina: TORUN_CITY, synthetic: true });
    const afterIt = (await computePeriod(t.ctx, index, ind('registry_entities', 'none'), 2026, today))!;
    assert.equal(afterIt.isExample, true);
    await t.ctx.db.deleteFrom('entities').where('is_synthetic', '=', true).execute();
  });

  it('shows live figures for open years, recomputes on demand and snapshots a closed year', async () => {
    const id = await insertTestIndicator(t.ctx, programmeId, {
      code: 'PS1',
      method: 'computed',
      formula: 'registry_ps_entities',
      breakdown: 'subregion',
      targets: [{ year: 2030, value: 10 }],
    });
    const reported = await insertTestIndicator(t.ctx, programmeId, { code: 'R1' });
    await enterApprovedValue(t.ctx, { indicatorId: reported, period: 2025, territoryCode: 'region', value: 3 }, actor);
    const programme = { id: programmeId, period_from: 2021, period_to: 2030, status: 'implementation' };
    // not counted yet: the page says so rather than counting the registry on a read
    let [view] = await indicatorViews(t.ctx, programme, { code: 'PS1' });
    assert.equal(view!.computing, true);
    assert.deepEqual(view!.regionSeries, []);
    await refreshComputedNow(t.ctx);
    [view] = await indicatorViews(t.ctx, programme, { code: 'PS1' });
    assert.equal(view!.computing, false);
    assert.deepEqual(
      view!.regionSeries.map((f) => [f.period, f.value, f.isLive]),
      [
        [2021, 1, true],
        [2022, 2, true],
        [2023, 1, true],
        [2024, 1, true],
        [2025, 2, true],
        [2026, 2, true],
      ],
    );
    assert.equal(view!.liveAsOf, today);

    const changed = await recomputeIndicator(t.ctx, id, actor);
    assert.equal(changed, 6 * 5, 'six years × (region + four subregions)');
    assert.equal(await recomputeIndicator(t.ctx, id, actor), 0, 'nothing changed since');

    const stored = await snapshotComputedValues(t.ctx, programmeId, 2024, actor);
    assert.equal(stored, 5);
    const rows = await t.ctx.db
      .selectFrom('indicator_values')
      .selectAll()
      .where('indicator_id', '=', id)
      .where('period', '=', 2024)
      .execute();
    assert.equal(rows.length, 5);
    assert.ok(rows.every((r) => r.status === 'approved' && r.is_computed));
    // the registry changes afterwards: the closed year keeps its snapshot, open years follow
    const late = await entity(t, { gmina: TORUN_CITY });
    await ps(t, late, 'granted', '2024-06-01');
    // a read never counts: the stored figures stay as they were until the refresh after the write
    [view] = await indicatorViews(t.ctx, programme, { code: 'PS1' });
    assert.equal(new Map(view!.regionSeries.map((f) => [f.period, f.value])).get(2025), 2);
    // the next day, before any refresh, the current year still says the day it was counted
    clock.advance(24 * 3600_000);
    [view] = await indicatorViews(t.ctx, programme, { code: 'PS1' });
    assert.equal(view!.liveAsOf, today);
    await refreshComputedNow(t.ctx);
    [view] = await indicatorViews(t.ctx, programme, { code: 'PS1' });
    assert.equal(view!.liveAsOf, '2026-06-16');
    clock.set(`${today}T10:00:00Z`);
    const series = new Map(view!.regionSeries.map((f) => [f.period, f]));
    assert.equal(series.get(2024)!.value, 1);
    assert.equal(series.get(2024)!.isLive, false);
    assert.equal(series.get(2025)!.value, 3);
    assert.equal(await snapshotComputedValues(t.ctx, programmeId, 2024, actor), 0, 'a closed year keeps its snapshot');
    // reported indicators are untouched by the snapshot
    const r = await t.ctx.db.selectFrom('indicator_values').select(['value', 'is_computed']).where('indicator_id', '=', reported).execute();
    assert.deepEqual(r, [{ value: 3, is_computed: false }]);
  });
});
