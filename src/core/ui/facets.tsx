// The one layout of every list with filters (catalogues, lists, staff registers): the search form
// with its filters in a left column from 1024 px wide and the results beside it, so the first
// result shows without scrolling past the filters; on narrower screens the filters fold into a
// "Filtry (N)" disclosure. Long option lists show their top entries and keep the rest behind
// "pokaż wszystkie (N)". Everything is <details>/<summary> and a GET form: it works without
// script. A form marked `data-live-filters` also updates the results as soon as a filter is chosen
// where script runs (public/js/facets.js, which the layout loads: a note before the facets says so,
// focus stays on the control, a live region gives the count). The core knows no domain: labels,
// options and counts come from the module.
import type { ComponentChildren, VNode } from 'preact';
import { jsxTemplate } from 'preact/jsx-runtime';
import type { Formatters } from '../../i18n/index.js';
import { usePage } from './context.js';

/**
 * Two columns from 1024 px: `filters` (the search form) on the left, `children` (the results) on
 * the right; one column below that, the form first. The order in the document is the order on the
 * screen; `resultsId` adds a "go to the results" link before the filters for keyboard users.
 * `data-live-announce` is what facets.js says in its live region after updating the results in place.
 */
export function FacetLayout({
  filters,
  children,
  resultsId,
  resultsCount,
}: {
  filters: ComponentChildren;
  children: ComponentChildren;
  /** id of the results' heading: a link to it opens the filter column. */
  resultsId?: string;
  resultsCount?: number;
}) {
  const { t } = usePage();
  return (
    <>
      <div
        class="facet-layout"
        data-live-announce={resultsCount === undefined ? t('filters.updatedNoCount') : t('filters.updated', { count: resultsCount })}
      >
        <div class="facet-layout__filters">
          {resultsId ? (
            <a class="facet-layout__skip" href={`#${resultsId}`}>
              {resultsCount === undefined ? t('filters.toResults') : t('filters.toResultsCount', { count: resultsCount })}
            </a>
          ) : null}
          {filters}
        </div>
        <div class="facet-layout__results">{children}</div>
      </div>
      <script src="/assets/js/facets.js" defer />
    </>
  );
}

/**
 * The filters of a search behind "Filtry (N)" on phones (N = values chosen); from 1024 px the
 * summary hides and the filters stay shown (CSS `::details-content`, and site.js opens the
 * disclosure where that selector is unknown). Open when `open` is set (e.g. a filter problem).
 * Its first line, hidden without script, tells that choosing a filter updates the results (in a
 * form marked `data-live-filters`).
 */
export function FiltersDisclosure({ chosen, open, children }: { chosen: number; open?: boolean; children: ComponentChildren }) {
  const { t } = usePage();
  return (
    <details class="filters-disclosure" data-filters open={open}>
      <summary>{chosen > 0 ? t('filters.summaryChosen', { count: chosen }) : t('filters.summary')}</summary>
      <div class="filters-disclosure__body">
        {/* WCAG 3.2.2: said before the facets, shown by facets.js only where it updates the results */}
        <p class="filters-live-note" data-live-note hidden>
          {t('filters.liveNote')}
        </p>
        {children}
      </div>
    </details>
  );
}

export interface FacetOption {
  value: string;
  label: string;
  /** Matching results with this value (every other filter applied); omitted when unknown. */
  count?: number;
  /** Language of the label when it differs from the page's (a Polish name on an English page). */
  lang?: string;
}

/** How many options a long facet shows before "pokaż wszystkie". */
export const FACET_TOP = 8;

/**
 * The options shown first: the `top` largest by count (ties keep the given order) plus every
 * chosen one, in the given order; the rest follow in the given order. A list only slightly longer
 * than `top` (up to two more) is shown whole: a disclosure hiding one entry helps no one.
 */
export function splitFacet(
  options: readonly FacetOption[],
  chosen: readonly string[],
  top = FACET_TOP,
): { first: FacetOption[]; rest: FacetOption[] } {
  if (options.length <= top + 2) return { first: [...options], rest: [] };
  const ranked = options
    .map((o, i) => ({ o, i }))
    .sort((a, b) => (b.o.count ?? 0) - (a.o.count ?? 0) || a.i - b.i)
    .slice(0, top)
    .map(({ o }) => o.value);
  const shown = new Set([...ranked, ...chosen]);
  return { first: options.filter((o) => shown.has(o.value)), rest: options.filter((o) => !shown.has(o.value)) };
}

/** Text for HTML, escaped as Preact escapes it (text and attribute values alike). */
function escapeHtml(text: string): string {
  return /[&<"]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;') : text;
}

/**
 * Each option's markup around the two parts that change from view to view (checked, count), kept
 * per facet, value, label and language of the label. The options of a site are a few hundred; past
 * the bound (labels renamed many times over) the kept ones are dropped and kept again as used. A
 * plain map: a least-recently-used order, updated on each of a page's 200 lookups, cost more than
 * the pieces saved.
 */
const optionParts = new Map<string, readonly [string, string]>();
const OPTION_PARTS_MAX = 20_000;

/**
 * The checkboxes of a facet as one piece of HTML: a facet of 144 gminy is 144 list items on every
 * page of a catalogue, and as elements they were the largest part of its rendering. The markup is
 * the one Preact would write for `<li class="facet__option"><input type="checkbox" …/><label
 * for=…>label (count)</label></li>`, assembled from kept parts.
 */
function facetItems(name: string, options: readonly FacetOption[], picked: ReadonlySet<string>, fmt: Formatters): VNode {
  let html = '';
  for (const option of options) {
    const key = `${name}\u0001${option.value}\u0001${option.lang ?? ''}\u0001${option.label}`;
    let parts = optionParts.get(key);
    if (parts === undefined) {
      const id = escapeHtml(`f-${name}-${option.value}`);
      const label = option.lang ? `<span lang="${escapeHtml(option.lang)}">${escapeHtml(option.label)}</span>` : escapeHtml(option.label);
      parts = [
        `<li class="facet__option"><input type="checkbox" id="${id}" name="${escapeHtml(name)}" value="${escapeHtml(option.value)}"`,
        `/><label for="${id}">${label}`,
      ];
      if (optionParts.size >= OPTION_PARTS_MAX) optionParts.clear();
      optionParts.set(key, parts);
    }
    html += parts[0];
    if (picked.has(option.value)) html += ' checked';
    html += parts[1];
    if (option.count !== undefined) html += ` <span class="facet__count">(${escapeHtml(fmt.number(option.count))})</span>`;
    html += '</label></li>';
  }
  return jsxTemplate([html]);
}

/**
 * One facet: a fieldset of checkboxes named `name` (a repeated URL parameter). Long lists show
 * their top entries and every chosen one; the rest sit behind "pokaż wszystkie (N)".
 */
export function FacetChecklist({
  legend,
  name,
  options,
  chosen,
  top = FACET_TOP,
}: {
  legend: string;
  name: string;
  options: readonly FacetOption[];
  chosen: readonly string[];
  top?: number;
}) {
  const { t, fmt } = usePage();
  if (options.length === 0) return null;
  const { first, rest } = splitFacet(options, chosen, top);
  const picked = new Set(chosen);
  return (
    <fieldset class="facet">
      <legend>{legend}</legend>
      <ul class="plain">{facetItems(name, first, picked, fmt)}</ul>
      {rest.length ? (
        <details class="facet__more">
          <summary>{t('filters.showAll', { count: options.length })}</summary>
          <ul class="plain">{facetItems(name, rest, picked, fmt)}</ul>
        </details>
      ) : null}
    </fieldset>
  );
}
