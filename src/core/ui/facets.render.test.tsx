// A facet's checkboxes are assembled from kept pieces of HTML: the result must be exactly what
// Preact writes for the same elements, whatever the labels and values hold (quotes, ampersands,
// angle brackets), with and without counts, checked or not, in a label's own language, and in
// both languages' number formats; and a piece kept for one option never shows for another.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { formatters, type Lang } from '../../i18n/index.js';
import { PageCtx } from './context.js';
import { testPageContext } from './testing.js';
import { FacetChecklist, type FacetOption } from './facets.js';

const page = testPageContext;

/** The elements the pieces stand for, rendered by Preact. */
function reference(lang: Lang, legend: string, name: string, options: FacetOption[], chosen: string[]): string {
  const fmt = formatters(lang);
  const item = (o: FacetOption) => {
    const id = `f-${name}-${o.value}`;
    return (
      <li class="facet__option">
        <input type="checkbox" id={id} name={name} value={o.value} checked={chosen.includes(o.value)} />
        <label for={id}>
          {o.lang ? <span lang={o.lang}>{o.label}</span> : o.label}
          {o.count === undefined ? null : (
            <>
              {' '}
              <span class="facet__count">({fmt.number(o.count)})</span>
            </>
          )}
        </label>
      </li>
    );
  };
  return renderToString(
    <fieldset class="facet">
      <legend>{legend}</legend>
      <ul class="plain">{options.map(item)}</ul>
    </fieldset>,
  );
}

const render = (lang: Lang, legend: string, name: string, options: FacetOption[], chosen: string[]) =>
  renderToString(
    <PageCtx.Provider value={page(lang)}>
      <FacetChecklist legend={legend} name={name} options={options} chosen={chosen} />
    </PageCtx.Provider>,
  );

test('the assembled checkboxes are the HTML Preact writes for the same elements', () => {
  const options: FacetOption[] = [
    { value: 'a"b&<c>', label: 'Łódź & "Spółka" <z o.o.>', count: 12_345 },
    { value: 'plain', label: 'Fundacja', count: 0 },
    { value: 'nocount', label: 'Bez liczby' },
    { value: 'pl-name', label: 'Gmina Wiejska „Chełmno”', lang: 'pl', count: 7 },
  ];
  for (const lang of ['pl', 'en'] as const)
    for (const chosen of [[], ['plain'], ['a"b&<c>', 'nocount']]) {
      // twice: the second time from the kept pieces
      for (let round = 0; round < 2; round += 1)
        assert.equal(
          render(lang, 'Forma', 'forma', options, chosen),
          reference(lang, 'Forma', 'forma', options, chosen),
          `${lang} ${chosen}`,
        );
    }
  // the same value and label under another facet name, and a relabelled value, are pieces of their own
  assert.equal(render('pl', 'Inna', 'inna', options, []), reference('pl', 'Inna', 'inna', options, []));
  const relabelled = options.map((o) => ({ ...o, label: `${o.label} (nowa nazwa)` }));
  assert.equal(render('pl', 'Forma', 'forma', relabelled, []), reference('pl', 'Forma', 'forma', relabelled, []));
});
