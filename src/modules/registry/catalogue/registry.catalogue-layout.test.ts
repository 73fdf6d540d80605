// The catalogue's layout as HTML (the browser suite checks it at 1280 and 390 px): the search form
// and its filters come before the results in the page and in the left column; the filters sit in
// a "Filtry (N)" disclosure counting the chosen values; the gmina facet (over a hundred gminy)
// shows its largest entries and every chosen one, the rest behind "pokaż wszystkie (N)"; the form
// opts in to live filters (public/js/facets.js, checked in the browser by e2e/registry-catalogue):
// the note before the facets is hidden in the HTML, the layout carries the count to announce.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, loginAs, type TestApp } from '../../../testing/app.js';
import { seedSynthetic } from '../data-quality/registry.synthetic.js';
import { FACET_TOP } from '../../../core/ui/facets.js';

let t: TestApp;

before(async () => {
  t = await createTestApp();
  await seedSynthetic(t.ctx, { count: 400, seed: 11 });
});
after(async () => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ url });
  assert.equal(res.statusCode, 200, url);
  return res.body;
};

/** The fieldset of the facet with this legend. */
function facet(html: string, legend: string): string {
  const start = html.indexOf(`<legend>${legend}</legend>`);
  assert.ok(start > 0, `facet ${legend}`);
  return html.slice(start, html.indexOf('</fieldset>', start));
}
const values = (part: string, name: string) => [...part.matchAll(new RegExp(`name="${name}" value="([^"]+)"`, 'g'))].map((m) => m[1]!);

describe('catalogue layout', () => {
  test('filters before the results, in the left column, behind "Filtry" that counts the chosen values', async () => {
    const html = await get('/podmioty');
    const layout = html.indexOf('<div class="facet-layout" ');
    const filters = html.indexOf('<div class="facet-layout__filters">');
    const form = html.indexOf('class="registry-search" role="search"');
    const results = html.indexOf('<div class="facet-layout__results"><h2 id="results">');
    assert.ok(layout > 0 && layout < filters && filters < form && form < results, 'layout, filter column with the form, then the results');
    assert.ok(html.indexOf('<table') > results, 'the result table is in the results column');
    assert.match(html, /<a class="facet-layout__skip" href="#results">Przejdź do wyników \(\d+ wynik(i|ów)?\)<\/a>/);
    assert.match(html, /<details class="filters-disclosure" data-filters="true"><summary>Filtry<\/summary>/);
    // the search box and its button stay outside the disclosure, the facets inside it
    const disclosure = html.indexOf('<details class="filters-disclosure"');
    assert.ok(html.indexOf('id="f-q"') < disclosure);
    assert.ok(html.indexOf('<legend>Forma prawna</legend>') > disclosure);

    const one = await get('/podmioty?forma=fundacja');
    assert.match(one, /<summary>Filtry \(1 wybrany\)<\/summary>/);
    const five = await get('/podmioty?forma=fundacja&forma=cis&powiat=0415&stan=active&status_ps=1');
    assert.match(five, /<summary>Filtry \(5 wybranych\)<\/summary>/);
    assert.match(await get('/en/podmioty?forma=fundacja&znak=1'), /<summary>Filters \(2 chosen\)<\/summary>/);
  });

  test('live filters: the forms opt in, the note before the facets is hidden without script, the count to announce', async () => {
    const html = await get('/podmioty?forma=fundacja');
    assert.match(html, /<form method="get" action="\/podmioty" class="registry-search" role="search" data-live-filters="true">/);
    const note = html.indexOf('<p class="filters-live-note" data-live-note="true" hidden>Wyniki odświeżają się od razu po wybraniu filtra');
    assert.ok(note > 0 && note < html.indexOf('<legend>'), 'the note stands before the first facet');
    const total = Number(/Przejdź do wyników \((\d+) wynik/.exec(html)?.[1]);
    assert.ok(total > 1);
    assert.match(html, new RegExp(`<div class="facet-layout" data-live-announce="Wyniki zaktualizowane: ${total} wynik(i|ów)?\\.">`));
    assert.match(
      html,
      /<\/div><script src="\/assets\/js\/facets.js" defer><\/script>/,
      'the script after the layout, from the site itself',
    );
    assert.match(await get('/en/podmioty'), /data-live-announce="Results updated: \d+ results?\."/);
    // the staff register, the other list of this module, opts in alike (every list of FacetLayout does)
    const { cookie } = await loginAs(t, [{ role: 'coordinator' }]);
    const staff = await t.app.inject({ url: '/admin/podmioty', headers: { cookie } });
    assert.equal(staff.statusCode, 200);
    assert.match(staff.body, /<form method="get" action="\/admin\/podmioty" role="search" aria-label="[^"]+" data-live-filters="true">/);
  });

  test('a long facet shows its top entries and every chosen one; the rest is behind "pokaż wszystkie (N)"', async () => {
    const all = facet(await get('/podmioty'), 'Gmina');
    const total = values(all, 'gmina').length;
    assert.ok(total > 50, `many gminy (${total})`);
    const [shown, rest] = all.split('<details class="facet__more">');
    assert.ok(rest, 'a "show all" part');
    assert.equal(values(shown!, 'gmina').length, FACET_TOP);
    assert.equal(values(rest, 'gmina').length, total - FACET_TOP, 'the rest holds every other gmina');
    assert.match(rest, new RegExp(`^<summary>pokaż wszystkie \\(${total}\\)</summary>`));
    // the top entries are the largest: Bydgoszcz and Toruń draw most synthetic entities
    assert.ok(values(shown!, 'gmina').includes('0461011') && values(shown!, 'gmina').includes('0463011'));

    // a chosen gmina from the rest moves up, ticked, so a chosen value is never hidden
    const small = values(rest, 'gmina').at(-1)!;
    const chosen = facet(await get(`/podmioty?gmina=${small}`), 'Gmina');
    const [shownNow, restNow] = chosen.split('<details class="facet__more">');
    assert.ok(values(shownNow!, 'gmina').includes(small));
    assert.match(shownNow!, new RegExp(`name="gmina" value="${small}" checked`));
    assert.ok(!values(restNow ?? '', 'gmina').includes(small));
    assert.match(await get(`/en/podmioty`), /<summary>show all \(\d+\)<\/summary>/);

    // a short facet is shown whole
    assert.doesNotMatch(facet(await get('/podmioty'), 'Stan działalności'), /facet__more/);
  });
});
