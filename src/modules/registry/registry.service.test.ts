// Unit tests of the registry's pure rules: the catalogue's URL parameters and relevance order,
// the legal form and "Zakup Prospołeczny" mark read from the reference list, and entity slugs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryTerms } from '../../core/search/index.js';
import { catalogueParams, entitySlug, legalFormOf, markOf, parseCatalogueQuery, rankByRelevance } from './registry.service.js';

test('catalogue parameters: unknown values dropped, round trip, default sort follows the search text', () => {
  const q = parseCatalogueQuery({ q: 'toruń', forma: ['fundacja', 'nieznana'], powiat: '0463', gmina: ['0463011', '12'], status_ps: '1', znak: '0', strona: '3' });
  assert.deepEqual(q, { q: 'toruń', forma: ['fundacja'], powiat: ['0463'], gmina: ['0463011'], statusPs: true, znak: false, sort: 'relevance', page: 3 });
  assert.equal(catalogueParams(q).toString(), 'q=toru%C5%84&forma=fundacja&powiat=0463&gmina=0463011&status_ps=1&strona=3');
  assert.equal(parseCatalogueQuery({}).sort, 'name');
  assert.equal(parseCatalogueQuery({ q: 'x', sort: 'nazwa' }).sort, 'name');
  assert.equal(parseCatalogueQuery({ sort: 'najnowsze' }).sort, 'newest');
  assert.equal(parseCatalogueQuery({ strona: '-1' }).page, 1);
  assert.equal(parseCatalogueQuery({ strona: 'abc' }).page, 1);
});

test('relevance: more search terms in the name first, ties keep their order', () => {
  const rows = [
    { name: 'Fundacja Zdrowego Życia', short_name: null },
    { name: 'Fundacja Toruńska', short_name: null },
    { name: 'Spółdzielnia Socjalna z Torunia', short_name: null },
  ];
  const ranked = rankByRelevance(rows, queryTerms('spółdzielnia socjalna toruń'));
  assert.equal(ranked[0]!.name, 'Spółdzielnia Socjalna z Torunia');
  assert.deepEqual(
    rankByRelevance(rows, queryTerms('xyz')).map((r) => r.name),
    rows.map((r) => r.name),
  );
});

test('reference rows: legal form, mark only when granted or held, slugs', () => {
  assert.equal(legalFormOf({ legal_form: '', entity_type: 'CIS' }), 'cis');
  assert.equal(legalFormOf({ legal_form: 'jednostka budżetowa', entity_type: 'ZAZ' }), 'zaz');
  assert.equal(legalFormOf({ legal_form: 'spółka z o.o. non-profit', entity_type: 'spółka non-profit' }), 'spolka_non_profit');
  assert.equal(legalFormOf({ legal_form: 'spółdzielnia socjalna', entity_type: 'spółdzielnia socjalna' }), 'spoldzielnia_socjalna');
  assert.deepEqual(markOf('certyfikat "Zakup Prospołeczny" nadany 2022-09-06 (ROPS Toruń)'), { grantedOn: '2022-09-06' });
  assert.deepEqual(markOf('wymieniony jako posiadacz znaku "Zakup Prospołeczny" (artykuł)'), { grantedOn: null });
  assert.equal(markOf('wniosek o certyfikat "Zakup Prospołeczny" pozytywnie zaopiniowany 2018-08-24'), null);
  assert.equal(markOf('list gratulacyjny Marszałka'), null);
  assert.equal(entitySlug('Spółdzielnia Socjalna „Słomiany Dom”'), 'spoldzielnia-socjalna-slomiany-dom');
});
