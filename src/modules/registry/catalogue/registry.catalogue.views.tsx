// Views of the public catalogue: the search form with its facets (a GET form, so every search and
// filter is an address that can be shared and works without script), the result list, and the
// map of the current search — server-rendered SVG over the territory module's boundaries, where
// every cluster is a link to the filtered list (with a hit area big enough for a finger), the main
// towns named, zoomed to the chosen powiat — followed by a table with the same numbers.
import { polishRanks } from '../../../core/db/collation.js';
import { Button, FormField, Pagination, Table } from '../../../core/ui/components.js';
import { FacetChecklist, FacetLayout, FiltersDisclosure, type FacetOption } from '../../../core/ui/facets.js';
import { usePage } from '../../../core/ui/context.js';
import { CachedFragment, identityKey } from '../../../core/ui/fragment.js';
import { DataTableDisclosure } from '../../../core/ui/data-table.js';
import type { ComponentChildren } from 'preact';
import type { T, TKey } from '../../../i18n/index.js';
import { gminaTypeKey, isCityPowiat, MapZoomNote, TownLabels, viewBoxOf } from '../../territory/index.js';
import { activityLabel } from '../entity/activity-state.js';
import {
  catalogueParams,
  LISTED_STATES,
  RANK_CANDIDATES,
  type CatalogueMap,
  type CatalogueQuery,
  type CatalogueResult,
  type MapCluster,
  type RegistryFigures,
} from './registry.catalogue.js';
import type { PlaceUnit, RecognisedPlace } from './registry.forgiving.js';
import { entityPath } from '../entity/registry.service.js';

const formKey = (f: string) => `registry.legalForm.${f}` as TKey;

/** Options of a facet: every value with a count plus every chosen one (shown with 0), by label. */
function options(counts: Map<string, number>, label: (k: string) => string, chosen: string[]): FacetOption[] {
  const keys = new Set([...counts.keys(), ...chosen]);
  const list = [...keys].map((k) => ({ value: k, label: label(k), count: counts.get(k) ?? 0 }));
  const compare = polishRanks(list.map((o) => o.label));
  return list.sort((a, b) => compare(a.label, b.label) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** `?…` of the query (page reset), or nothing when the query is empty. */
function queryString(query: CatalogueQuery, overrides: Partial<CatalogueQuery> = {}): string {
  const qs = catalogueParams(query, { page: 1, ...overrides }).toString();
  return qs ? `?${qs}` : '';
}

export function SyntheticBadge() {
  const { t } = usePage();
  return <span class="badge badge--synthetic">{t('registryCatalogue.synthetic')}</span>;
}

/**
 * The units of a recognised place in words: "Chełmża (miasto)", "Koronowo (miasto w gminie
 * Koronowo)", "gmina Lubicz", "powiat toruński". Where the name fits several units each gmina says
 * its kind ("gmina wiejska Chełmża"), and labels still alike say their powiat (Rogowo).
 */
function placeLabels(t: T, place: RecognisedPlace, names: Map<string, string>): Map<string, string> {
  const all = [...place.units, ...place.others];
  const several = all.length > 1;
  const label = (u: PlaceUnit) => {
    if (u.role === 'city') return t('registryCatalogue.forgiving.placeCity', { name: u.unitName });
    if (u.role === 'town') return t('registryCatalogue.forgiving.placeTown', { name: place.name, gmina: u.unitName });
    if (u.role === 'powiat') return t('registryCatalogue.forgiving.placePowiat', { name: u.unitName });
    return several
      ? t('registryCatalogue.forgiving.placeGminaOfType', { type: t(gminaTypeKey(Number(u.code.slice(-1)))), name: u.unitName })
      : t('registryCatalogue.forgiving.placeGmina', { name: u.unitName });
  };
  const labels = all.map((u) => ({ u, text: label(u) }));
  return new Map(
    labels.map(({ u, text }) => [
      u.code,
      labels.filter((l) => l.text === text).length > 1
        ? t('registryCatalogue.forgiving.placeInPowiat', { label: text, powiat: names.get(u.code.slice(0, 4)) ?? u.code.slice(0, 4) })
        : text,
    ]),
  );
}

/** Items separated by commas (a list of links in a sentence). */
function commaList(items: ComponentChildren[]): ComponentChildren[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [', ', item]));
}

/**
 * What the search did with the words: the place it recognised (with its undo, and the choice among
 * several units of one name), partial matches, a correction.
 */
function ForgivingNotes({ query, result }: { query: CatalogueQuery; result: CatalogueResult }) {
  const { t, href } = usePage();
  const { place, relaxed, suggestion } = result;
  if (!place && !relaxed && !suggestion) return null;
  const labels = place ? placeLabels(t, place, result.names) : new Map<string, string>();
  const inForce = place ? place.units.map((u) => labels.get(u.code)!) : [];
  const allCodes = place ? [...place.units, ...place.others].map((u) => u.code) : [];
  // one unit of the name chosen: the words stay, the location boxes hold that unit
  const only = (code: string) =>
    href(
      `/podmioty${queryString(query, {
        places: true,
        powiat: place?.kind === 'powiat' ? [code] : [],
        gmina: place?.kind === 'gmina' ? [code] : [],
      })}`,
    );
  return (
    <div class="search-notes">
      {place ? (
        <>
          <p class="search-place">
            {t('registryCatalogue.forgiving.placeNote')}{' '}
            {inForce.flatMap((label, i) => [
              ...(i > 0 ? [` ${t('registryCatalogue.forgiving.placeOr')} `] : []),
              <strong key={label}>{label}</strong>,
            ])}{' '}
            —{' '}
            <a
              href={href(
                `/podmioty${queryString(query, {
                  places: false,
                  powiat: query.powiat.filter((c) => !allCodes.includes(c)),
                  gmina: query.gmina.filter((c) => !allCodes.includes(c)),
                })}`,
              )}
              aria-label={t('registryCatalogue.forgiving.placeRemoveLabel', {
                place: inForce.join(` ${t('registryCatalogue.forgiving.placeOr')} `),
              })}
            >
              {t('registryCatalogue.forgiving.placeRemove')}
            </a>
          </p>
          {place.units.some((u) => u.role === 'town') ? <p>{t('registryCatalogue.forgiving.placeTownScope')}</p> : null}
          {place.units.length > 1 ? (
            <p>
              {t('registryCatalogue.forgiving.placeSeveral', { name: place.name })}{' '}
              {commaList(
                place.units.map((u) => (
                  <a key={u.code} href={only(u.code)}>
                    {labels.get(u.code)}
                  </a>
                )),
              )}
              .
            </p>
          ) : null}
          {place.others.length ? (
            <p>
              {t('registryCatalogue.forgiving.placeOthers', { name: place.name })}{' '}
              {commaList(
                place.others.map((u) => (
                  <a key={u.code} href={only(u.code)}>
                    {labels.get(u.code)}
                  </a>
                )),
              )}
              .
            </p>
          ) : null}
        </>
      ) : null}
      {relaxed ? <p>{t('registryCatalogue.forgiving.relaxed', { words: relaxed.matched.join(', ') })}</p> : null}
      {suggestion ? (
        <p>
          {t('registryCatalogue.forgiving.didYouMean')}{' '}
          <a href={href(`/podmioty${queryString(query, { q: suggestion, places: true })}`)}>{suggestion}</a>?
        </p>
      ) : null}
    </div>
  );
}

export function CatalogueView({ query, result }: { query: CatalogueQuery; result: CatalogueResult }) {
  const { t, href, fmt, lang } = usePage();
  const { facets, names, rows, total, pages } = result;
  const qs = queryString(query);
  const sectors = new Map([...facets.sector].map(([k, v]) => [k, v.count]));
  const sectorLabel = (k: string) => facets.sector.get(k)?.label ?? k;
  // a place recognised among the words is the location filter in force, so its box is ticked
  const powiaty = result.place?.kind === 'powiat' ? result.place.codes : query.powiat;
  const gminy = result.place?.kind === 'gmina' ? result.place.codes : query.gmina;
  const chosen =
    query.forma.length +
    query.podregion.length +
    powiaty.length +
    gminy.length +
    query.sektor.length +
    query.dzialalnosc.length +
    query.stan.length +
    (query.statusPs ? 1 : 0) +
    (query.znak ? 1 : 0);
  const filterForm = () => (
    <form method="get" action={href('/podmioty')} class="registry-search" role="search" data-live-filters>
      <FormField name="q" type="search" label={t('registry.searchLabel')} hint={t('registry.searchHint')} value={query.q} maxLength={200} />
      <div class="field">
        <label for="f-sort">{t('registry.sort')}</label>
        <select id="f-sort" name="sort">
          <option value="" selected={query.sort === 'relevance' || (query.sort === 'name' && !query.q.trim())}>
            {t('registry.sortRelevance')}
          </option>
          <option value="nazwa" selected={query.sort === 'name' && Boolean(query.q.trim())}>
            {t('registry.sortName')}
          </option>
          <option value="najnowsze" selected={query.sort === 'newest'}>
            {t('registry.sortNewest')}
          </option>
        </select>
      </div>
      <p>
        <Button>{t('registry.submit')}</Button> <a href={href('/podmioty')}>{t('registry.clear')}</a>
      </p>
      <FiltersDisclosure chosen={chosen}>
        <FacetChecklist
          legend={t('registry.facetLegalForm')}
          name="forma"
          chosen={query.forma}
          options={options(facets.legalForm, (k) => t(formKey(k)), query.forma)}
        />
        <FacetChecklist
          legend={t('registryCatalogue.facetSubregion')}
          name="podregion"
          chosen={query.podregion}
          options={result.subregions.map((s) => ({ value: s.value, label: s.name[lang], count: s.count }))}
        />
        <FacetChecklist
          legend={t('registry.facetPowiat')}
          name="powiat"
          chosen={powiaty}
          options={options(facets.powiat, (k) => names.get(k) ?? k, powiaty)}
        />
        <FacetChecklist
          legend={t('registry.facetGmina')}
          name="gmina"
          chosen={gminy}
          options={options(facets.gmina, (k) => names.get(k) ?? k, gminy)}
        />
        <FacetChecklist
          legend={t('registryCatalogue.facetSector')}
          name="sektor"
          chosen={query.sektor}
          options={options(sectors, sectorLabel, query.sektor)}
        />
        <FacetChecklist
          legend={t('registryCatalogue.facetActivity')}
          name="dzialalnosc"
          chosen={query.dzialalnosc}
          options={options(facets.activityType, (k) => t(`registry.activityType.${k}` as TKey), query.dzialalnosc)}
        />
        <FacetChecklist
          legend={t('registry.facetActivityState')}
          name="stan"
          chosen={query.stan}
          options={LISTED_STATES.filter((s) => facets.state.has(s) || query.stan.includes(s)).map((s) => ({
            value: s,
            label: t(`registry.activityState.${s}`),
            count: facets.state.get(s) ?? 0,
          }))}
        />
        <fieldset class="facet">
          <legend>{t('registry.facetStatus')}</legend>
          <ul class="plain">
            <li class="facet__option">
              <input type="checkbox" id="f-status_ps" name="status_ps" value="1" checked={query.statusPs} />
              <label for="f-status_ps">
                {t('registry.statusPs')} <span class="facet__count">({fmt.number(facets.statusPs)})</span>
              </label>
            </li>
            <li class="facet__option">
              <input type="checkbox" id="f-znak" name="znak" value="1" checked={query.znak} />
              <label for="f-znak">
                {t('registry.markValid')} <span class="facet__count">({fmt.number(facets.mark)})</span>
              </label>
            </li>
          </ul>
        </fieldset>
        <Button variant="secondary">{t('filters.apply')}</Button>
      </FiltersDisclosure>
    </form>
  );
  // the form with every facet is most of the page's rendering; the same counts (kept until a write)
  // and the same choices give the same form, so it is rendered once for them
  const filtersKey = JSON.stringify([
    'catalogue-filters',
    { ...query, page: 1 },
    result.place,
    identityKey(facets),
    // the names of places and subregions, read together (a new object when they are read again)
    identityKey(names),
  ]);
  const filters = (
    <CachedFragment group="catalogue-filters" keepOnSecondUse contentKey={filtersKey}>
      {() => filterForm()}
    </CachedFragment>
  );
  return (
    <>
      <p>{t('registry.intro')}</p>
      <FacetLayout filters={filters} resultsId="results" resultsCount={total}>
        <h2 id="results">{result.relaxed ? t('registryCatalogue.forgiving.relaxedHeading') : t('registry.results', { count: total })}</h2>
        <ForgivingNotes query={query} result={result} />
        <p>
          <a href={href(`/podmioty/mapa${qs}`)}>{t('registryCatalogue.showMap')}</a>
        </p>
        {result.rankedPart ? (
          <p>{t('registryCatalogue.rankedPart', { count: RANK_CANDIDATES, value: fmt.number(RANK_CANDIDATES) })}</p>
        ) : null}
        {rows.length === 0 ? (
          <p>{t('registry.none')}</p>
        ) : (
          <Table
            caption={result.relaxed ? t('registryCatalogue.forgiving.relaxedCaption') : t('registry.caption', { page: query.page, pages })}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                header: t('registry.name'),
                cell: (r) => (
                  <>
                    <a href={href(entityPath(r))}>{r.name}</a>
                    {r.is_synthetic ? (
                      <>
                        {' '}
                        <SyntheticBadge />
                      </>
                    ) : null}
                  </>
                ),
              },
              { header: t('registry.facetLegalForm'), cell: (r) => t(formKey(r.legal_form)) },
              { header: t('registry.place'), cell: (r) => r.town ?? '—' },
              { header: t('registry.entity.state'), cell: (r) => activityLabel(t, r) },
            ]}
          />
        )}
        <Pagination
          page={Math.min(query.page, pages)}
          pages={pages}
          link={(p) => href(`/podmioty?${catalogueParams(query, { page: p }).toString()}`)}
        />
        <ul class="plain registry-downloads">
          <li>
            <a href={href(`/podmioty.csv${qs}`)}>{t('registry.downloadCsv')}</a>
          </li>
          <li>
            <a href={href(`/podmioty.json${qs}`)}>{t('registry.downloadJson')}</a>
          </li>
        </ul>
      </FacetLayout>
    </>
  );
}

/** Radius of a cluster's circle: grows with the logarithm of its count, so 10,000 still fits. */
export function clusterRadius(count: number): number {
  return Math.round((10 + 6 * Math.log10(Math.max(1, count))) * 10) / 10;
}

/**
 * Radius of a cluster's hit area, in the full map's units (its pixels at 800 px wide). The map is
 * drawn at most 800 px wide and shrinks with the page; on a 390 px phone it is about 350 px wide,
 * where 28 units are 12 px: every cluster is a target of at least 24 × 24 CSS px (WCAG 2.2, 2.5.8)
 * at any width from 350 px up. Smaller clusters are drawn last, so where two hit areas overlap the
 * smaller circle wins.
 */
export const CLUSTER_HIT_RADIUS = 28;

export function CatalogueMapView({ query, map }: { query: CatalogueQuery; map: CatalogueMap }) {
  const { t, href, fmt } = usePage();
  const qs = queryString(query);
  const name = (teryt: string) => map.names.get(teryt) ?? teryt;
  const listFor = (gminy: string[]) => href(`/podmioty${queryString(query, { gmina: gminy })}`);
  const places = (c: MapCluster) =>
    c.gminy.length <= 3
      ? c.gminy.map(name).join(', ')
      : t('registryCatalogue.map.moreGminy', { first: name(c.gminy[0]!), count: c.gminy.length - 1 });
  const g = map.geometry;
  const { viewBox, scale } = viewBoxOf(g, map.view);
  const r = (v: number) => Math.round(v * 100) / 100;
  const area = map.focus.map((p) => (isCityPowiat(p) ? name(p) : t('territory.powiatName', { name: name(p) }))).join(', ');
  const whole = new URLSearchParams(qs.slice(1));
  whole.set('widok', 'wojewodztwo');
  return (
    <>
      <p>{t('registryCatalogue.map.intro')}</p>
      <p>
        <a href={href(`/podmioty${qs}`)}>{t('registryCatalogue.showList')}</a>
      </p>
      <h2 id="results">{t('registry.results', { count: map.total })}</h2>
      <svg
        class={map.view ? 'entity-map entity-map--zoomed' : 'entity-map'}
        role="group"
        viewBox={viewBox}
        width={g.width}
        height={g.height}
        aria-labelledby="entity-map-title"
        aria-describedby="entity-map-desc"
      >
        <title id="entity-map-title">{t('registryCatalogue.map.svgTitle')}</title>
        <desc id="entity-map-desc">{t('registryCatalogue.map.svgDesc', { count: map.clusters.length })}</desc>
        <g class="entity-map__base" aria-hidden="true">
          {[...g.paths].map(([teryt, d]) => (
            <path key={teryt} d={d} fill="#f2f2f2" stroke="#767676" stroke-width="0.5" fill-rule="evenodd" />
          ))}
          {map.powiatBorders ? (
            <path d={map.powiatBorders} fill="none" stroke="#595959" stroke-width="1.4" stroke-linejoin="round" />
          ) : null}
        </g>
        {map.view && map.outline ? (
          <path
            d={map.outline}
            fill="none"
            stroke="#1b1b1b"
            stroke-width="3"
            stroke-linejoin="round"
            aria-hidden="true"
            pointer-events="none"
          />
        ) : null}
        <g class="entity-map__clusters">
          {map.clusters.map((c) => {
            const label = t('registryCatalogue.map.cluster', { places: places(c), count: c.count });
            const radius = clusterRadius(c.count);
            return (
              <a key={c.gminy.join(',')} href={listFor(c.gminy)} class="entity-map__cluster" aria-label={label}>
                <title>{label}</title>
                <circle
                  class="entity-map__hit"
                  cx={c.x}
                  cy={c.y}
                  r={r(Math.max(radius, CLUSTER_HIT_RADIUS) * scale)}
                  fill="transparent"
                  data-hit=""
                />
                <circle
                  class="entity-map__dot"
                  cx={c.x}
                  cy={c.y}
                  r={r(radius * scale)}
                  fill="#0b4f6c"
                  stroke="#ffffff"
                  stroke-width={r(2 * scale)}
                />
                <text
                  x={c.x}
                  y={c.y}
                  dy="0.35em"
                  text-anchor="middle"
                  fill="#ffffff"
                  font-size={r(12 * scale)}
                  font-weight="bold"
                  aria-hidden="true"
                >
                  {fmt.number(c.count)}
                </text>
              </a>
            );
          })}
        </g>
        {/* above the circles, so a name stays readable; transparent to the pointer */}
        <TownLabels towns={map.towns} scale={scale} />
      </svg>
      {map.view ? <MapZoomNote area={area} wholeHref={href(`/podmioty/mapa?${whole.toString()}`)} /> : null}
      {map.withoutGmina > 0 ? <p>{t('registryCatalogue.map.withoutGmina', { count: map.withoutGmina })}</p> : null}
      {map.gminy.length === 0 ? (
        <p>{t('registryCatalogue.map.none')}</p>
      ) : (
        <DataTableDisclosure rows={map.gminy.length}>
          <Table
            caption={t('registryCatalogue.map.tableCaption')}
            rows={map.gminy}
            rowKey={(r) => r.teryt}
            columns={[
              { header: t('registryCatalogue.map.gmina'), cell: (r) => name(r.teryt) },
              { header: t('registryCatalogue.map.count'), cell: (r) => fmt.number(r.count), numeric: true },
              {
                header: t('registryCatalogue.map.list'),
                cell: (r) => <a href={listFor([r.teryt])}>{t('registryCatalogue.map.listLink', { name: name(r.teryt) })}</a>,
              },
            ]}
          />
        </DataTableDisclosure>
      )}
    </>
  );
}

/** The registry's headline figures on the home page, each a link to the catalogue filtered to it. */
export function RegistryFiguresSection({ figures }: { figures: RegistryFigures }) {
  const { t, fmt, href } = usePage();
  const item = (count: number, label: TKey, query: string) => (
    <li class="home-figure">
      <a href={href(`/podmioty${query}`)}>
        <span class="home-figure-value">{fmt.number(count)}</span> <span class="home-figure-label">{t(label, { count })}</span>
      </a>
    </li>
  );
  return (
    <section aria-labelledby="home-registry" class="home-section">
      <h2 id="home-registry">{t('registry.home.title')}</h2>
      <ul class="home-figures">
        {item(figures.listed, 'registry.home.listed', '')}
        {item(figures.active, 'registry.home.active', '?stan=active')}
        {item(figures.ps, 'registry.home.ps', '?status_ps=1')}
        {item(figures.marks, 'registry.home.marks', '?znak=1')}
      </ul>
      {figures.unverified > 0 ? <p>{t('registry.home.unverified', { count: figures.unverified })}</p> : null}
      <p class="small">
        {t('registry.home.incomplete')}
        {figures.isExample ? (
          <>
            {' '}
            <span class="example-mark">{t('registry.home.example')}</span>
          </>
        ) : null}
      </p>
      <p class="home-links">
        <a href={href('/podmioty')}>{t('registry.home.catalogue')}</a>
      </p>
    </section>
  );
}

/** What the home page's map teaser draws and says (gminy counts from territory's summary). */
export interface MapTeaser {
  locator: { width: number; height: number; gminy: { paths: Map<string, string> }; powiatOutlines: string };
  /** Gminy with a checked active entity, and those where only unchecked ones are. */
  withEntity: ReadonlySet<string>;
  unknown: ReadonlySet<string>;
  summary: { gminy: number; withEntity: number | null; withoutEntity: number | null; unknown: number | null; whiteSpots: number | null };
  whiteSpotsPath: string;
  /** The address of the picture (TeaserPicture), which changes with what it shows. */
  picturePath: string;
}

const TEASER_WITH = '#0b4f6c';
const TEASER_UNKNOWN = '#8a9aa6';

/**
 * The home page's map teaser: a small picture of the voivodeship's gminy, those with an active
 * entity dark, and the same counts said in words; the picture links nowhere by itself, the links
 * below it lead to the entity map and the white spots.
 */
export function MapTeaserSection({
  teaser,
}: {
  teaser: Pick<MapTeaser, 'summary' | 'whiteSpotsPath' | 'picturePath'> & { locator: { width: number; height: number } };
}) {
  const { t, fmt, href } = usePage();
  const { locator, summary } = teaser;
  const figure = (count: number, label: TKey, path: string | null) => (
    <li class="home-figure">
      {path ? (
        <a href={href(path)}>
          <span class="home-figure-value">{fmt.number(count)}</span> <span class="home-figure-label">{t(label, { count })}</span>
        </a>
      ) : (
        <span class="home-figure-static">
          <span class="home-figure-value">{fmt.number(count)}</span> <span class="home-figure-label">{t(label, { count })}</span>
        </span>
      )}
    </li>
  );
  return (
    <section aria-labelledby="home-map" class="home-section home-map">
      <h2 id="home-map">{t('registry.home.mapTitle')}</h2>
      <div class="home-map-body">
        {/* a picture file, not inline SVG: it is the same for everyone until the registry changes,
            so it is drawn once per change and cached by the browser, and the page stays small */}
        <img
          class="locator-map home-map-picture"
          src={teaser.picturePath}
          width={locator.width}
          height={locator.height}
          alt={`${t('registry.home.mapPicture')}. ${t('registry.home.mapPictureDesc')}`}
        />
        <div>
          {summary.withEntity !== null && summary.withoutEntity !== null ? (
            <ul class="home-figures">
              {figure(summary.withEntity, 'registry.home.gminyWith', null)}
              {figure(summary.withoutEntity, 'registry.home.gminyWithout', null)}
              {summary.whiteSpots !== null ? figure(summary.whiteSpots, 'registry.home.whiteSpots', teaser.whiteSpotsPath) : null}
            </ul>
          ) : null}
          <p>
            {t('registry.home.gminyOf', { count: summary.gminy })}
            {summary.unknown ? <> {t('registry.home.gminyUnknown', { count: summary.unknown })}</> : null}
          </p>
          <p class="home-links">
            <a href={href('/podmioty/mapa')}>{t('registry.home.map')}</a>
            <a href={href(teaser.whiteSpotsPath)}>{t('registry.home.whiteSpotsLink')}</a>
          </p>
        </div>
      </div>
    </section>
  );
}

/**
 * The map teaser's picture as a standalone SVG file: the gminy with an active entity dark, those
 * with only unchecked entities grey, the powiat borders on top. Its words are the alt text of the
 * image on the home page.
 */
export function TeaserPicture({ teaser }: { teaser: Pick<MapTeaser, 'locator' | 'withEntity' | 'unknown'> }) {
  const { locator } = teaser;
  const fill = (teryt: string) => (teaser.withEntity.has(teryt) ? TEASER_WITH : teaser.unknown.has(teryt) ? TEASER_UNKNOWN : '#fff');
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${locator.width} ${locator.height}`}
      width={locator.width}
      height={locator.height}
    >
      {[...locator.gminy.paths].map(([teryt, d]) => (
        <path key={teryt} d={d} fill={fill(teryt)} stroke="#9a9a9a" stroke-width="0.3" fill-rule="evenodd" />
      ))}
      <path d={locator.powiatOutlines} fill="none" stroke="#595959" stroke-width="0.8" stroke-linejoin="round" />
    </svg>
  );
}
