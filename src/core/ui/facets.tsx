// The one layout of every list with filters (catalogues, lists, staff registers): the search form
// with its filters in a left column from 1024 px wide and the results beside it, so the first
// result shows without scrolling past the filters; on narrower screens the filters fold into a
// "Filtry (N)" disclosure. Long option lists show their top entries and keep the rest behind
// "pokaż wszystkie (N)". Everything is <details>/<summary> and a GET form: it works without
// script. A form marked `data-live-filters` also updates the results as soon as a filter is chosen
// where script runs (public/js/facets.js, which the layout loads: a note before the facets says so,
// focus stays on the control, a live region gives the count). The core knows no domain: labels,
// options and counts come from the module.
import type { ComponentChildren } from 'preact';
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

/** One checkbox of a facet: a plain element, not a component, as a facet of 144 gminy renders 144 of them per page. */
function facetItem(name: string, option: FacetOption, checked: boolean, fmt: Formatters) {
  const id = `f-${name}-${option.value}`;
  return (
    <li key={option.value} class="facet__option">
      <input type="checkbox" id={id} name={name} value={option.value} checked={checked} />
      <label for={id}>
        {option.lang ? <span lang={option.lang}>{option.label}</span> : option.label}
        {option.count === undefined ? null : (
          <>
            {' '}
            <span class="facet__count">({fmt.number(option.count)})</span>
          </>
        )}
      </label>
    </li>
  );
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
      <ul class="plain">{first.map((o) => facetItem(name, o, picked.has(o.value), fmt))}</ul>
      {rest.length ? (
        <details class="facet__more">
          <summary>{t('filters.showAll', { count: options.length })}</summary>
          <ul class="plain">{rest.map((o) => facetItem(name, o, picked.has(o.value), fmt))}</ul>
        </details>
      ) : null}
    </fieldset>
  );
}
