// Formulas contributed by other modules (`indicatorFormulas`): a module outside indicators offers a
// count, the indicator form lists it by name and accepts it, live figures aggregate its per-gmina
// counts to the breakdown, before the source's first day (or while it has recorded nothing) the
// figure is unknown, example records flag the figure, and a contribution never replaces a built-in.
// A formula's own parameters (`params`) are read back defensively, and every formula of the app
// declares them so the form can store them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MODULES } from '../../app.js';
import type { AppModule } from '../../core/module.js';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import {
  computePeriod,
  findFormula,
  indicatorFormulas,
  PARAM_KEY,
  parseFormulaParams,
  type FormulaParam,
  type IndicatorFormula,
} from './indicators.formulas.js';
import { indicatorViews } from './indicators.service.js';
import { loadTerritoryIndex } from './indicators.territory.js';
import { insertTestProgramme, refreshComputedNow } from './indicators.testing.js';

const clock = new ManualClock('2026-06-15T10:00:00Z');
const TORUN_CITY = '0463011';
const LUBICZ = '0415042';

/** A source that began on 2024-03-01; in 2026 one of its records is an example. */
let recorded: { gmina: string | null; year: number; synthetic: boolean }[] = [];
const seen: string[] = [];
const heldEvents: IndicatorFormula = {
  key: 'test_events_held',
  tables: [],
  label: (t) => `${t('indicators.field.formula')}: wydarzenia testowe`,
  coverageStart: async () => (recorded.length ? '2024-03-01' : null),
  countByGmina: async (_ctx, asOf) => {
    seen.push(asOf);
    const year = Number(asOf.slice(0, 4));
    const counts = new Map<string | null, { n: number; synthetic: number }>();
    for (const r of recorded.filter((x) => x.year === year)) {
      const c = counts.get(r.gmina) ?? { n: 0, synthetic: 0 };
      c.n += 1;
      if (r.synthetic) c.synthetic += 1;
      counts.set(r.gmina, c);
    }
    return [...counts].map(([gmina, c]) => ({ gmina, ...c }));
  },
};
const impostor: IndicatorFormula = { ...heldEvents, key: 'registry_entities', label: () => 'podróbka' };
const contributor: AppModule = {
  name: 'test-formulas',
  contributes: { indicatorFormulas: [heldEvents, impostor] },
};

describe('indicator formulas contributed by modules', () => {
  let t: TestApp;
  let programme: Awaited<ReturnType<typeof insertTestProgramme>>;

  before(async () => {
    t = await createTestApp({ clock, modules: [...MODULES, contributor] });
    programme = await insertTestProgramme(t.ctx, { period_from: 2021, period_to: 2030 });
  });
  after(async () => t.close());

  const ind = (breakdown: 'none' | 'powiat' | 'gmina' = 'powiat') => ({ formula: 'test_events_held', formula_params: '{}', breakdown });

  it('knows nothing while the source has recorded nothing, then nothing before its first day', async () => {
    const index = await loadTerritoryIndex(t.ctx);
    recorded = [];
    assert.equal(await computePeriod(t.ctx, index, ind(), 2025, '2026-06-15'), null);
    recorded = [
      { gmina: TORUN_CITY, year: 2025, synthetic: false },
      { gmina: TORUN_CITY, year: 2025, synthetic: false },
      { gmina: LUBICZ, year: 2025, synthetic: false },
      { gmina: null, year: 2025, synthetic: false },
      { gmina: LUBICZ, year: 2026, synthetic: true },
    ];
    assert.equal(await computePeriod(t.ctx, index, ind(), 2023, '2026-06-15'), null, 'before 2024-03-01');
    const y2025 = (await computePeriod(t.ctx, index, ind(), 2025, '2026-06-15'))!;
    assert.equal(y2025.asOf, '2025-12-31');
    assert.equal(y2025.values.get('region'), 4, 'a record without a place counts for the region');
    assert.equal(y2025.values.get('0463'), 2);
    assert.equal(y2025.values.get('0415'), 1);
    assert.equal(y2025.isExample, false);
    const y2026 = (await computePeriod(t.ctx, index, ind('gmina'), 2026, '2026-06-15'))!;
    assert.equal(y2026.asOf, '2026-06-15', 'the current year is counted as of today');
    assert.equal(y2026.values.get(LUBICZ), 1);
    assert.equal(y2026.isExample, true);
  });

  it("reads a formula's own parameters defensively: unknown keys and values dropped, known ones in the options' order", () => {
    const kinds: FormulaParam = {
      key: 'test_kinds',
      label: 'indicators.field.type',
      options: [
        { value: 'output', label: 'indicators.type.output' },
        { value: 'result', label: 'indicators.type.result' },
      ],
    };
    const formula = { params: [kinds] };
    assert.deepEqual(
      parseFormulaParams('{"test_kinds":["result","bogus","output",3,"result"],"other":["x"],"legalForms":["nope"]}', formula),
      { legalForms: [], lifecycles: [], chosen: { test_kinds: ['output', 'result'] } },
    );
    assert.deepEqual(parseFormulaParams('{"test_kinds":"output"}', formula).chosen, { test_kinds: [] }, 'not a list');
    assert.deepEqual(parseFormulaParams('not json', formula).chosen, { test_kinds: [] });
    assert.deepEqual(parseFormulaParams('{"test_kinds":["output"]}').chosen, {}, 'no formula, no parameters of its own');
  });

  it("declares every formula's parameters so the form can store them: keys of one shape, a shared key with the same options", () => {
    const seen = new Map<string, string>();
    for (const f of indicatorFormulas(t.ctx))
      for (const p of f.params ?? []) {
        assert.match(p.key, PARAM_KEY, `${f.key}: ${p.key}`);
        const options = JSON.stringify(p.options);
        assert.equal(seen.get(p.key) ?? options, options, `${f.key}: ${p.key} shared with other options`);
        seen.set(p.key, options);
      }
    assert.ok(seen.size > 0, 'the app has formulas with parameters of their own');
  });

  it('never lets a contribution replace a built-in formula', () => {
    assert.notEqual(findFormula(t.ctx, 'registry_entities'), impostor);
    assert.equal(findFormula(t.ctx, 'test_events_held'), heldEvents);
  });

  it('is offered by name in the indicator form, accepted, and named on the public indicator', async () => {
    const { cookie } = await loginAs(t, [{ role: 'coordinator' }]);
    const page = await t.app.inject({ url: `/admin/program/${programme.id}/wskazniki/nowy`, headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<option value="test_events_held"[^>]*>Formuła: wydarzenia testowe<\/option>/u);
    assert.doesNotMatch(page.body, /podróbka/u);
    const post = (formula: string) =>
      t.app.inject({
        method: 'POST',
        url: `/admin/program/${programme.id}/wskazniki/nowy`,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({
          _csrf: csrfFrom(page.body),
          code: 'WT1',
          name: 'Wydarzenia testowe',
          unit: 'szt.',
          type: 'output',
          direction: 'increase',
          breakdown: 'powiat',
          method: 'computed',
          formula,
          targets: '2030: 10',
        }),
      });
    const refused = await post('test_unknown_formula');
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Wskaźnik obliczany musi mieć wybraną formułę/u);
    assert.equal((await t.ctx.db.selectFrom('indicators').select('id').where('code', '=', 'WT1').execute()).length, 0);
    const saved = await post('test_events_held');
    assert.equal(saved.statusCode, 303);
    await refreshComputedNow(t.ctx);
    const views = await indicatorViews(t.ctx, { ...programme, status: 'implementation' }, { code: 'WT1' });
    assert.equal(views[0]!.formula, heldEvents);
    assert.deepEqual(
      views[0]!.regionSeries.map((f) => [f.period, f.value, f.isExample]),
      [
        [2024, 0, false],
        [2025, 4, false],
        [2026, 1, true],
      ],
    );
  });
});
