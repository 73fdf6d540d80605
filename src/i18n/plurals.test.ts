// Every count shown to people goes through i18next's plural forms: this finds each plural key family
// in pl and en, renders it for the counts that exercise every Polish category, and checks that no
// translation puts a number next to a noun without plural forms ("1 podmioty", "80 miejsca pracy").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from './en.js';
import { pl } from './pl.js';
import { translator, type Lang, type TKey } from './index.js';

const COUNTS = [0, 1, 2, 5, 12, 22, 25, 101];
const SUFFIX = /_(zero|one|two|few|many|other)$/;
const NUMBER_PARAM = /\{\{(count|n)\}\}/;

/** Every string of a translation, by its dotted key. */
function flatten(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of flatten(v as object, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const strings: Record<Lang, Map<string, string>> = { pl: flatten(pl), en: flatten(en) };

function families(lang: Lang): Set<string> {
  return new Set([...strings[lang].keys()].filter((k) => SUFFIX.test(k)).map((k) => k.replace(SUFFIX, '')));
}

/** Placeholder values for a family's other parameters, so rendering never leaves `{{…}}` behind. */
function paramsFor(lang: Lang, family: string, count: number): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [k, v] of strings[lang]) {
    if (k.replace(SUFFIX, '') !== family) continue;
    for (const m of v.matchAll(/\{\{(\w+)\}\}/g)) params[m[1]!] = `‹${m[1]}›`;
  }
  return { ...params, count, n: count, value: String(count) };
}

test('every plural family has the forms its language needs, and renders the form Intl.PluralRules picks', () => {
  for (const lang of ['pl', 'en'] as const) {
    const rules = new Intl.PluralRules(lang);
    const needed = lang === 'pl' ? ['one', 'few', 'many', 'other'] : ['one', 'other'];
    const t = translator(lang);
    const fams = families(lang);
    assert.ok(fams.size > 10, `${lang}: plural families found`);
    for (const family of fams) {
      for (const form of needed) {
        const value = strings[lang].get(`${family}_${form}`);
        assert.ok(value, `${lang}: ${family}_${form} is missing or empty`);
      }
      for (const count of COUNTS) {
        const form = rules.select(count);
        const params = paramsFor(lang, family, count);
        const rendered = t(family as TKey, params);
        const expected = strings[lang].get(`${family}_${form}`)!.replace(/\{\{(\w+)\}\}/g, (_, p: string) => String(params[p]));
        assert.equal(rendered, expected, `${lang}: ${family} with ${count} uses _${form}`);
      }
    }
  }
});

test('Polish forms follow Intl.PluralRules: 1 one, 2/22 few, 0/5/12/25/101 many', () => {
  const rules = new Intl.PluralRules('pl');
  assert.deepEqual(
    COUNTS.map((n) => rules.select(n)),
    ['many', 'one', 'few', 'many', 'many', 'few', 'many', 'many'],
  );
  const t = translator('pl');
  const entities = (count: number) => t('registry.results', { count });
  assert.equal(entities(1), 'Znaleziono 1 podmiot');
  assert.equal(entities(2), 'Znaleziono 2 podmioty');
  assert.equal(entities(5), 'Znaleziono 5 podmiotów');
  assert.equal(entities(22), 'Znaleziono 22 podmioty');
  assert.equal(entities(101), 'Znaleziono 101 podmiotów');
  const jobs = (count: number) => t('indicators.amount.jobs', { count, value: String(count) });
  assert.equal(jobs(1), '1 miejsce pracy');
  assert.equal(jobs(2), '2 miejsca pracy');
  assert.equal(jobs(5), '5 miejsc pracy');
  assert.equal(jobs(80), '80 miejsc pracy');
  const entityAmount = (count: number) => t('indicators.amount.entities', { count, value: String(count) });
  assert.equal(entityAmount(1), '1 podmiot');
  assert.equal(entityAmount(6), '6 podmiotów');
  const en1 = translator('en');
  assert.equal(en1('indicators.amount.jobs', { count: 1, value: '1' }), '1 job');
  assert.equal(en1('indicators.amount.jobs', { count: 80, value: '80' }), '80 jobs');
});

// Strings whose {{count}}/{{n}} is not a count of a noun, so they need no plural forms.
const NOT_A_COUNT = new Set([
  // "Rysunek 3." / "Tabela 3.": an ordinal label of a figure or table in the report, not a quantity.
  'monitoring.report.figureCaption',
  'monitoring.report.tableCaption',
  // The number follows a colon as a value of a label ("komórki: 12"): no noun agrees with it.
  'indicators.admin.recomputed',
  'indicators.admin.closed',
  'registryImport.mapping.detected',
  'registryImport.report.start',
  'entityRecord.employment.min',
  'mail.login_failures.body',
  'programme.versions.previewLead',
]);

test('no string puts {{count}} or {{n}} next to a noun without plural forms', () => {
  for (const lang of ['pl', 'en'] as const) {
    const offenders = [...strings[lang]]
      .filter(([k, v]) => NUMBER_PARAM.test(v) && !SUFFIX.test(k) && !NOT_A_COUNT.has(k))
      .map(([k, v]) => `${k}: ${v}`);
    assert.deepEqual(offenders, [], `${lang}: strings with a count but no plural forms`);
  }
  for (const key of NOT_A_COUNT) assert.ok(strings.pl.has(key), `allow-listed key ${key} exists`);
});
