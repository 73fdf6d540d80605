// The translator keeps what it answered, with and without parameters: a kept answer must be the one
// i18next gives for exactly those parameters, however the calls interleave.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import { en } from './en.js';
import { pl } from './pl.js';
import { translator, type TKey } from './index.js';

test('answers with parameters are kept per parameters: counts, names and languages never mix', async () => {
  const reference = i18next.createInstance();
  await reference.init({
    lng: 'pl',
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false },
    nsSeparator: false,
    resources: { pl: { translation: pl }, en: { translation: en } },
  });
  const key = 'registry.home.gminyWith' as TKey;
  const named = 'claims.admin.download' as TKey;
  const calls: [TKey, Record<string, string | number>][] = [
    [key, { count: 1 }],
    [key, { count: 2 }],
    [key, { count: 5 }],
    [key, { count: 1 }],
    [key, { count: 22 }],
    [key, { count: 2 }],
    [named, { name: 'statut.pdf', size: '2 MB' }],
    [named, { name: 'statut.pdf', size: '3 MB' }],
    [named, { name: 'x'.repeat(200), size: '2 MB' }],
    [named, { name: 'statut.pdf', size: '2 MB' }],
  ];
  for (const lang of ['pl', 'en'] as const) {
    const t = translator(lang);
    const ref = reference.getFixedT(lang);
    for (const round of [1, 2])
      for (const [k, params] of calls)
        assert.equal(t(k, params), ref(k, params), `${lang} ${k} ${JSON.stringify(params)} (round ${round})`);
  }
  assert.match(translator('pl')(named, { name: 'statut.pdf', size: '3 MB' }), /statut\.pdf \(3 MB\)/);
  assert.notEqual(translator('pl')(key, { count: 1 }), translator('pl')(key, { count: 5 }));
  assert.notEqual(translator('pl')(key, { count: 5 }), translator('en')(key, { count: 5 }));
});
