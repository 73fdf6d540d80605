// The gmina resolver on the loaded reference data (both databases): what people type — a name in
// any case, without Polish letters, with "gmina" before it or the powiat after it, a suggestion's
// own text in either language, a 7-digit code — finds the one gmina; a name of several gminy is
// never resolved to one of them, and an unknown name gets close names or a plain refusal.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FormChecker } from '../../core/validation.js';
import { translator } from '../../i18n/index.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { checkGminaField, gminaChoices, gminaFieldText, gminaLabel, resolveGmina, type GminaChoice } from './index.js';

const LUBICZ = '0415042';
const TORUN = '0463011';
const CHELMZA_TOWN = '0415011';
const CHELMZA_RURAL = '0415022';

let t: TestApp;
let gminy: GminaChoice[];
const pl = translator('pl');
const en = translator('en');

before(async () => {
  t = await createTestApp();
  gminy = await gminaChoices(t.ctx);
});
after(() => t.close());

const found = (text: string) => {
  const r = resolveGmina(gminy, text);
  return r.kind === 'found' ? r.gmina.teryt : r.kind;
};

describe('resolveGmina', () => {
  test('the reference data hold 144 gminy, Lubicz among them', () => {
    assert.equal(gminy.length, 144);
    assert.equal(gminy.find((g) => g.teryt === LUBICZ)?.name, 'Lubicz');
  });

  test('an exact name, and the same folded: case, Polish letters, spaces', () => {
    assert.equal(found('Lubicz'), LUBICZ);
    assert.equal(found('lubicz'), LUBICZ);
    assert.equal(found('  LUBICZ '), LUBICZ);
    assert.equal(found('Toruń'), TORUN);
    assert.equal(found('Torun'), TORUN);
    assert.equal(found('golub dobrzyn (gmina miejska)'), '0405011');
  });

  test('"gmina X", "X (powiat)", "X, powiat …" and a suggestion in either language', () => {
    assert.equal(found('gmina Lubicz'), LUBICZ);
    assert.equal(found('Lubicz (toruński)'), LUBICZ);
    assert.equal(found('Lubicz, powiat toruński'), LUBICZ);
    for (const g of gminy) {
      assert.equal(found(gminaLabel(pl, g)), g.teryt, gminaLabel(pl, g));
      assert.equal(found(gminaLabel(en, g)), g.teryt, gminaLabel(en, g));
    }
  });

  test('a 7-digit code is still accepted; a code of no gmina is unknown', () => {
    assert.equal(found(LUBICZ), LUBICZ);
    assert.deepEqual(resolveGmina(gminy, '0499999'), { kind: 'unknown', suggestions: [] });
  });

  test('a name of several gminy is never resolved to one: kind or powiat says which', () => {
    const chelmza = resolveGmina(gminy, 'Chełmża');
    assert.equal(chelmza.kind, 'ambiguous');
    assert.deepEqual(chelmza.kind === 'ambiguous' ? chelmza.candidates.map((g) => g.teryt).sort() : [], [CHELMZA_TOWN, CHELMZA_RURAL]);
    assert.equal(found('Chełmża (toruński)'), 'ambiguous');
    assert.equal(found('Chełmża (gmina miejska, powiat toruński)'), CHELMZA_TOWN);
    assert.equal(found('gmina wiejska Chełmża'), CHELMZA_RURAL);
    assert.equal(found('miasto Chełmża'), CHELMZA_TOWN);
    // two rural gminy of one name in two powiaty
    const rogowo = resolveGmina(gminy, 'Rogowo');
    assert.equal(rogowo.kind, 'ambiguous');
    assert.equal(found('Rogowo (żniński)'), '0419052');
    assert.equal(found('Rogowo (rypiński)'), '0412032');
  });

  test('an unknown name: close names when there are some, none otherwise', () => {
    const typo = resolveGmina(gminy, 'Lubicc');
    assert.equal(typo.kind, 'unknown');
    assert.ok(typo.kind === 'unknown' && typo.suggestions.some((g) => g.teryt === LUBICZ));
    assert.deepEqual(resolveGmina(gminy, 'Atlantyda'), { kind: 'unknown', suggestions: [] });
    // the name is known but the powiat given is not its powiat
    assert.equal(found('Lubicz (bydgoski)'), 'unknown');
    assert.equal(resolveGmina(gminy, '   ').kind, 'empty');
  });

  test('the datalist text: the name alone when unique, with kind and powiat otherwise; a stored code shown as a name', () => {
    const lubicz = gminy.find((g) => g.teryt === LUBICZ)!;
    assert.equal(gminaLabel(pl, lubicz), 'Lubicz');
    assert.equal(
      gminaLabel(
        pl,
        gminy.find((g) => g.teryt === CHELMZA_TOWN)!,
      ),
      'Chełmża (gmina miejska, powiat toruński)',
    );
    assert.equal(
      gminaLabel(
        en,
        gminy.find((g) => g.teryt === CHELMZA_RURAL)!,
      ),
      'Chełmża (rural gmina, powiat toruński)',
    );
    assert.equal(gminaFieldText(pl, gminy, LUBICZ), 'Lubicz');
    assert.equal(gminaFieldText(pl, gminy, 'lubicz'), 'lubicz');
  });
});

describe('checkGminaField', () => {
  const check = (text: string, required = false) => {
    const f = new FormChecker({ gmina: text });
    const teryt = checkGminaField(f, pl, gminy, 'gmina', 'entityRecord.place.gmina', { required });
    return { teryt, problems: f.problems };
  };

  test('a found gmina gives its code and no problem; empty is a problem only when required', () => {
    assert.deepEqual(check('Lubicz'), { teryt: LUBICZ, problems: [] });
    assert.deepEqual(check(''), { teryt: null, problems: [] });
    assert.equal(check('', true).problems[0]?.key, 'validation.required');
  });

  test('ambiguous and unknown names are problems naming the candidates in words', () => {
    const two = check('Chełmża');
    assert.equal(two.teryt, null);
    assert.equal(two.problems[0]?.key, 'territory.gminaField.ambiguous');
    assert.equal(two.problems[0]?.params?.candidates, 'Chełmża (gmina miejska, powiat toruński); Chełmża (gmina wiejska, powiat toruński)');
    const message = pl('territory.gminaField.ambiguous', { ...two.problems[0]!.params, field: 'Gmina' });
    assert.match(message, /Nazwę „Chełmża” nosi kilka gmin: Chełmża \(gmina miejska/);
    assert.equal(check('Lubicc').problems[0]?.key, 'territory.gminaField.unknownSuggest');
    assert.equal(check('Atlantyda').problems[0]?.key, 'territory.gminaField.unknown');
  });
});
