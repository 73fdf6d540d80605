// The needs' figures as computed-indicator formulas (indicatorFormulas), on SQLite and PostgreSQL:
// the offers module contributes them; needs published, entities notified, answers, contracts and
// PLN count from 1 January of the day's year to the day, by when each thing happened; a need counts
// in its one gmina, its one powiat (4-digit code) or the region; drafts never count; the example
// need is reported as synthetic; the source begins with the first publication. The need's category
// is the formulas' parameter: a need counts only under its own category (none picked = all), and a
// coordinator picks categories by name in the indicator form — stored, shown again on the edit form
// and on the public indicator page, an unknown category refused with a 400 and nothing saved.
import assert from 'node:assert/strict';
import { after, before, describe, it, test } from 'node:test';
import { insertTestProgramme } from '../../../testing/programmes.js';
import { createTestApp, csrfFrom, loginAs, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { refreshComputedNow } from '../../indicators/index.js';
import { makeEntity, makeNeed } from '../offers.testing.js';
import { CATEGORY_PARAM, needsFormulas, placeOf } from './needs.formulas.js';

const clock = new ManualClock('2027-06-15T10:00:00Z');
let t: TestApp;
const byKey = (key: string) => needsFormulas.find((f) => f.key === key)!;
const count = async (key: string, asOf: string, categories?: string[]) =>
  (
    await byKey(key).countByGmina(t.ctx, asOf, {
      legalForms: [],
      lifecycles: [],
      chosen: categories ? { offer_categories: categories } : {},
    })
  )
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
  // b is the one need for cleaning; the others are for catering
  await db
    .updateTable('needs')
    .set({ area_scope: 'units', published_at: '2027-03-01T09:00:00.000Z', category: 'sprzatanie' })
    .where('id', '=', b)
    .execute();
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

test('a need counts only under its own category; none picked counts every category', async () => {
  assert.equal(CATEGORY_PARAM.key, 'offer_categories');
  assert.ok(
    needsFormulas.every((f) => f.params?.includes(CATEGORY_PARAM)),
    'all five formulas declare the category',
  );
  assert.deepEqual(await count('offers_needs_published', '2027-06-15', ['catering']), ['0463011:1:0', 'region:1:1']);
  assert.deepEqual(await count('offers_needs_published', '2027-06-15', ['sprzatanie']), ['0463:1:0']);
  assert.deepEqual(await count('offers_needs_published', '2027-06-15', ['sprzatanie', 'catering']), [
    '0463011:1:0',
    '0463:1:0',
    'region:1:1',
  ]);
  assert.deepEqual(await count('offers_needs_published', '2027-06-15', []), ['0463011:1:0', '0463:1:0', 'region:1:1'], 'none = all');
  assert.deepEqual(await count('offers_needs_published', '2027-06-15', ['edukacja']), []);
  assert.deepEqual(await count('offers_needs_entities_notified', '2027-06-15', ['sprzatanie']), []);
  assert.deepEqual(await count('offers_needs_entities_notified', '2027-06-15', ['catering']), ['0463011:2:0', 'region:1:1']);
  assert.deepEqual(await count('offers_needs_answers', '2027-06-15', ['sprzatanie']), []);
  assert.deepEqual(await count('offers_needs_contracts', '2027-06-15', ['sprzatanie']), []);
  assert.deepEqual(await count('offers_needs_contract_pln', '2027-06-15', ['catering']), ['0463011:12000:0']);
  assert.deepEqual(await count('offers_needs_contract_pln', '2027-06-15', ['sprzatanie']), []);
});

describe('the category in the indicator form', () => {
  let programme: { id: string; slug: string };
  let cookie = '';
  let csrf = '';
  const newUrl = () => `/admin/program/${programme.id}/wskazniki/nowy`;
  const definition = {
    name: 'Potrzeby zakupowe na sprzątanie i catering',
    unit: 'szt.',
    type: 'output',
    direction: 'increase',
    breakdown: 'powiat',
    method: 'computed',
    formula: 'offers_needs_published',
    targets: '2030: 10',
  };
  const post = (url: string, values: Record<string, string | string[]>) => {
    const body = new URLSearchParams({ _csrf: csrf });
    for (const [k, v] of Object.entries(values)) for (const x of typeof v === 'string' ? [v] : v) body.append(k, x);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  };
  const stored = (code: string) =>
    t.ctx.db.selectFrom('indicators').select(['id', 'formula_params']).where('code', '=', code).executeTakeFirst();
  const box = (html: string, value: string) =>
    new RegExp(
      `<input type="checkbox" id="f-param_offer_categories-${value}" name="param_offer_categories" value="${value}"([^>]*)/?>`,
    ).exec(html)?.[1];

  before(async () => {
    programme = await insertTestProgramme(t.ctx, { slug: 'program-potrzeb', period_from: 2021, period_to: 2030 });
    ({ cookie } = await loginAs(t, [{ role: 'coordinator' }]));
    const page = await t.app.inject({ url: newUrl(), headers: { cookie } });
    assert.equal(page.statusCode, 200);
    csrf = csrfFrom(page.body);
  });

  it('offers the categories by name, once, in both languages', async () => {
    const pl = await t.app.inject({ url: newUrl(), headers: { cookie } });
    assert.match(
      pl.body,
      /<fieldset[^>]*id="f-param_offer_categories"[^>]*><legend>Kategorie potrzeb zakupowych \(puste – wszystkie\)<\/legend>/,
    );
    assert.equal(pl.body.match(/id="f-param_offer_categories"/g)?.length, 1, 'the five formulas share one field');
    assert.match(pl.body, /<label for="f-param_offer_categories-catering">Catering i gastronomia<\/label>/);
    assert.match(pl.body, /<label for="f-param_offer_categories-sprzatanie">Sprzątanie i utrzymanie czystości<\/label>/);
    assert.match(pl.body, /Dotyczy tylko formuł: Potrzeby zakupowe opublikowane \(od początku roku\);/);
    const en = await t.app.inject({ url: `/en${newUrl()}`, headers: { cookie } });
    assert.match(en.body, /<legend>Categories of purchasing needs \(empty – all\)<\/legend>/);
    assert.match(en.body, /<label for="f-param_offer_categories-sprzatanie">Cleaning and maintenance<\/label>/);
  });

  it('stores the categories picked, shows them on the edit form and the indicator page, and counts only them', async () => {
    const saved = await post(newUrl(), { ...definition, code: 'PZ1', param_offer_categories: ['sprzatanie', 'catering', 'sprzatanie'] });
    assert.equal(saved.statusCode, 303);
    const row = (await stored('PZ1'))!;
    assert.deepEqual(JSON.parse(row.formula_params), { offer_categories: ['catering', 'sprzatanie'] }, 'in the list order, once each');
    const edit = await t.app.inject({ url: `/admin/program/${programme.id}/wskazniki/${row.id}`, headers: { cookie } });
    assert.match(box(edit.body, 'catering')!, /checked/);
    assert.match(box(edit.body, 'sprzatanie')!, /checked/);
    assert.doesNotMatch(box(edit.body, 'edukacja')!, /checked/);

    // cleaning only: need b, in powiat 0463
    const cleaning = await post(`/admin/program/${programme.id}/wskazniki/${row.id}`, {
      ...definition,
      code: 'PZ1',
      param_offer_categories: 'sprzatanie',
    });
    assert.equal(cleaning.statusCode, 303);
    assert.deepEqual(JSON.parse((await stored('PZ1'))!.formula_params), { offer_categories: ['sprzatanie'] });
    const page = await t.app.inject({ url: '/program/program-potrzeb/wskazniki/PZ1' });
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /Potrzeby zakupowe opublikowane \(od początku roku\) — Kategorie potrzeb zakupowych: Sprzątanie i utrzymanie czystości/,
    );
    assert.doesNotMatch(page.body, /Kategorie potrzeb zakupowych: [^<]*Catering/);
    const en = await t.app.inject({ url: '/en/program/program-potrzeb/wskazniki/PZ1' });
    assert.match(en.body, /Categories of purchasing needs: Cleaning and maintenance/);

    await refreshComputedNow(t.ctx);
    const figures = await t.ctx.db
      .selectFrom('indicator_computed_values')
      .select(['territory_code', 'value'])
      .where('indicator_id', '=', row.id)
      .where('period', '=', 2027)
      .execute();
    const byArea = new Map(figures.map((f) => [f.territory_code, f.value]));
    assert.equal(byArea.get('region'), 1, 'only the cleaning need');
    assert.equal(byArea.get('0463'), 1);

    // none picked = every category: nothing stored for the parameter
    const all = await post(`/admin/program/${programme.id}/wskazniki/${row.id}`, { ...definition, code: 'PZ1' });
    assert.equal(all.statusCode, 303);
    assert.equal((await stored('PZ1'))!.formula_params, '{}');
    await refreshComputedNow(t.ctx);
    const region = await t.ctx.db
      .selectFrom('indicator_computed_values')
      .select('value')
      .where('indicator_id', '=', row.id)
      .where('period', '=', 2027)
      .where('territory_code', '=', 'region')
      .executeTakeFirstOrThrow();
    assert.equal(region.value, 3);
  });

  it('refuses an unknown category with a clear 400 and saves nothing', async () => {
    const refused = await post(newUrl(), { ...definition, code: 'PZ2', param_offer_categories: ['catering', 'kosmos'] });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /W polu „Kategorie potrzeb zakupowych” nie ma pozycji „kosmos” – zaznacz pozycje z listy\./);
    assert.match(refused.body, /<a href="#f-param_offer_categories">/);
    assert.match(box(refused.body, 'catering')!, /checked/, 'the form keeps what was ticked');
    assert.equal(await stored('PZ2'), undefined);

    const saved = await post(newUrl(), { ...definition, code: 'PZ3', param_offer_categories: 'catering' });
    assert.equal(saved.statusCode, 303);
    const row = (await stored('PZ3'))!;
    const edit = await post(`/admin/program/${programme.id}/wskazniki/${row.id}`, {
      ...definition,
      code: 'PZ3',
      name: 'Zmieniona nazwa',
      param_offer_categories: ['CATERING'],
    });
    assert.equal(edit.statusCode, 400);
    const after = await t.ctx.db
      .selectFrom('indicators')
      .select(['name', 'formula_params'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(after, { name: definition.name, formula_params: JSON.stringify({ offer_categories: ['catering'] }) });
  });
});
