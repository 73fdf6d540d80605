// Public views of the territory module: the map of gminy with its measure form, legend and data
// table; the profile of a powiat or gmina; the white spots. Every number on a map is also in a
// table, and a measure without figures says why instead of showing zeros.
import type { VNode } from 'preact';
import { Alert, Button, Table, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { DataTableDisclosure } from '../../core/ui/data-table.js';
import { CachedFragment, identityKey } from '../../core/ui/fragment.js';
import { SelectField } from '../../core/ui/fields.js';
import type { TKey } from '../../i18n/index.js';
import type { MapGeometry, MapView } from './map.geometry.js';
import { LocatorMap, MapLegend, MapZoomNote, TerritoryMap, type MapShape } from './map.views.js';
import type { GminaInfo, Missing, MeasureOption, MeasureResult, Profile, Shading, WhiteSpotsData } from './territory.service.js';
import type { UnitRow } from './territory.repo.js';
import { STAT_MEASURES } from './territory.tables.js';
import { gminaTypeKey, isCityPowiat, profilePath } from './units.js';

export const MAP_PATH = '/terytorium';
export const WHITE_SPOTS_PATH = '/terytorium/biale-plamy';

/** "powiat toruński" or, for a city with powiat rights, its name. */
export function usePowiatName(): (p: Pick<UnitRow, 'teryt' | 'name'>) => string {
  const { t } = usePage();
  return (p) => (isCityPowiat(p.teryt) ? p.name : t('territory.powiatName', { name: p.name }));
}

function useRound() {
  const { fmt } = usePage();
  return (v: number, decimals: number) => fmt.number(Math.round(v * 10 ** decimals) / 10 ** decimals);
}

const MISSING_KEY: Record<Missing, TKey> = {
  registry: 'territory.missing.registry',
  offers: 'territory.missing.offers',
  provider: 'territory.missing.provider',
  statistics: 'territory.missing.statistics',
  population: 'territory.missing.population',
  subregions: 'territory.missing.subregions',
};

/** The script that highlights a gmina on hover or focus; the map works without it. */
export function MapScript() {
  return <script src="/assets/js/map.js" defer />;
}

export interface MapPageProps {
  options: MeasureOption[];
  measure: MeasureResult;
  gminy: GminaInfo[];
  powiaty: UnitRow[];
  shading: Shading;
  geometry: MapGeometry;
  /** The powiat the map is zoomed to, if one was chosen. */
  focus?: { powiat: UnitRow; view: MapView } | null;
}

/**
 * The map page is the same for every visitor with the same measure, year and zoom until the figures
 * or the areas change: it is rendered once per key naming all of that (the map's geometry by its
 * identity, kept until the boundaries are reloaded), since its 144 labelled gminy and their table
 * are most of the page's cost.
 */
export function MapPageView(props: MapPageProps) {
  const { options, measure, gminy, powiaty, shading, geometry, focus } = props;
  const key = JSON.stringify([
    'territory-map',
    options.map((o) => [o.slug, o.available]),
    [measure.slug, measure.labelKey, measure.kind, measure.missing, measure.year, measure.years, measure.sources, measure.decimals],
    [...measure.values],
    gminy.map((g) => [g.teryt, g.name, g.type, g.powiat.teryt, g.powiat.name, g.subregion?.name_pl, g.subregion?.name_en]),
    powiaty.map((p) => [p.teryt, p.name]),
    [...shading.fills],
    shading.legend,
    identityKey(geometry),
    focus?.powiat.teryt ?? null,
  ]);
  return <CachedFragment contentKey={key}>{() => <MapPageBody {...props} />}</CachedFragment>;
}

function MapPageBody({ options, measure, gminy, powiaty, shading, geometry, focus }: MapPageProps) {
  const { t, href, lang } = usePage();
  const powiatName = usePowiatName();
  const round = useRound();
  const label = t(measure.labelKey);
  const valueText = (g: GminaInfo): string => {
    if (measure.kind === 'category')
      return g.subregion ? (lang === 'pl' ? g.subregion.name_pl : g.subregion.name_en) : t('territory.noSubregion');
    const v = measure.values.get(g.teryt);
    return v === undefined ? t('territory.noData') : round(v, measure.decimals);
  };
  const shapes: MapShape[] = gminy.map((g) => ({
    teryt: g.teryt,
    href: href(profilePath(g.teryt)),
    label: `${g.name} (${t(gminaTypeKey(g.type))}): ${valueText(g)}`,
    fill: shading.fills.get(g.teryt) ?? null,
  }));
  const subregionName = (g: GminaInfo) =>
    g.subregion ? (lang === 'pl' ? g.subregion.name_pl : g.subregion.name_en) : t('territory.noSubregion');
  const columns = [
    { header: t('territory.table.gmina'), cell: (g: GminaInfo) => <a href={href(profilePath(g.teryt))}>{g.name}</a> },
    { header: t('territory.table.type'), cell: (g: GminaInfo) => t(gminaTypeKey(g.type)) },
    { header: t('territory.table.powiat'), cell: (g: GminaInfo) => powiatName(g.powiat) },
    { header: t('territory.table.subregion'), cell: subregionName },
    ...(measure.kind === 'category' ? [] : [{ header: label, cell: valueText, numeric: true }]),
  ];
  return (
    <>
      <PageHeader title={t('territory.map.title')} />
      <p class="lead">{t('territory.map.lead')}</p>
      <form method="get" action={href(MAP_PATH)} class="filter-form territory-form">
        <h2>{t('territory.map.formHeading')}</h2>
        <div class="filter-grid">
          <SelectField
            name="miara"
            label={t('territory.map.measure')}
            value={measure.slug}
            options={options.map((o) => ({
              value: o.slug,
              label: o.available ? t(o.labelKey) : t('territory.map.optionNoData', { label: t(o.labelKey) }),
            }))}
          />
          {measure.years.length > 1 ? (
            <SelectField
              name="rok"
              label={t('territory.map.year')}
              value={String(measure.year ?? '')}
              options={measure.years.map((y) => ({ value: String(y), label: String(y) }))}
            />
          ) : null}
          <SelectField
            name="powiat"
            label={t('territory.zoom.powiat')}
            value={focus?.powiat.teryt ?? ''}
            options={[
              { value: '', label: t('territory.zoom.wholeOption') },
              ...powiaty.map((p) => ({ value: p.teryt, label: powiatName(p) })),
            ]}
          />
        </div>
        <Button>{t('territory.map.show')}</Button>
      </form>
      {measure.missing ? (
        <Alert kind="info" title={t('territory.missing.title')}>
          <p>{t(MISSING_KEY[measure.missing])}</p>
        </Alert>
      ) : null}
      <MeasureNote measure={measure} />
      <p>
        <a href="#dane-gmin" class="territory-skip">
          {t('territory.map.skipToTable')}
        </a>
      </p>
      <div class="territory-figure">
        <div>
          <TerritoryMap
            id="mapa-gmin"
            units={geometry.gminy}
            powiatBorders={geometry.powiatBorders}
            shapes={shapes}
            title={t('territory.map.svgTitle', { measure: label })}
            desc={t('territory.map.svgDesc')}
            towns={geometry.towns}
            view={focus?.view}
            outline={focus ? geometry.powiaty.paths.get(focus.powiat.teryt) : undefined}
          />
          {focus ? <MapZoomNote area={powiatName(focus.powiat)} wholeHref={href(mapHref(measure))} /> : null}
        </div>
        <MapLegend items={shading.legend} heading={t('territory.legend.heading', { measure: label })} decimals={measure.decimals} />
      </div>
      <MapScript />
      <p>
        <a href={href(WHITE_SPOTS_PATH)}>{t('territory.whiteSpots.link')}</a>
      </p>
      <section aria-labelledby="powiaty-heading">
        <h2 id="powiaty-heading">{t('territory.map.powiatyHeading')}</h2>
        <ul class="territory-columns">
          {powiaty.map((p) => (
            <li key={p.teryt}>
              <a href={href(profilePath(p.teryt))}>{powiatName(p)}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="dane-gmin-heading" id="dane-gmin" tabIndex={-1}>
        <h2 id="dane-gmin-heading">{t('territory.map.tableHeading')}</h2>
        <DataTableDisclosure rows={gminy.length}>
          <Table
            caption={t('territory.map.tableCaption', { measure: label, count: gminy.length })}
            columns={columns}
            rows={gminy}
            rowKey={(g) => g.teryt}
          />
        </DataTableDisclosure>
      </section>
    </>
  );
}

/** The map page with this measure and year, the whole region shown. */
function mapHref(measure: Pick<MeasureResult, 'slug' | 'year' | 'years'>): string {
  const p = new URLSearchParams({ miara: measure.slug });
  if (measure.years.length > 1 && measure.year !== null) p.set('rok', String(measure.year));
  return `${MAP_PATH}?${p.toString()}`;
}

function MeasureNote({ measure }: { measure: MeasureResult }) {
  const { t } = usePage();
  if (measure.kind === 'category') return <p>{t('territory.map.subregionsNote')}</p>;
  if (measure.missing) return null;
  const parts: string[] = [];
  if (measure.year !== null) parts.push(t('territory.map.yearNote', { year: measure.year }));
  if (measure.sources.length > 0) parts.push(t('territory.map.sourceNote', { source: measure.sources.join('; ') }));
  if (measure.year === null) parts.push(t('territory.map.registryNote'));
  return <p>{parts.join(' ')}</p>;
}

// --- profile ----------------------------------------------------------------------------------

export interface RenderedSection {
  id: string;
  title: string;
  body: VNode;
}

export function profileTitle(t: ReturnType<typeof usePage>['t'], p: Pick<Profile, 'unit' | 'kind'>): string {
  if (p.kind === 'gmina') return t('territory.profile.gminaHeading', { name: p.unit.name, type: t(gminaTypeKey(p.unit.gmina_type)) });
  return isCityPowiat(p.unit.teryt)
    ? t('territory.profile.cityHeading', { name: p.unit.name })
    : t('territory.profile.powiatHeading', { name: p.unit.name });
}

export function ProfileView({
  profile,
  locator,
  sections,
}: {
  profile: Profile;
  locator: MapGeometry['locator'];
  sections: RenderedSection[];
}) {
  const { t, href, lang, fmt } = usePage();
  const powiatName = usePowiatName();
  const round = useRound();
  const title = profileTitle(t, profile);
  const { unit } = profile;
  const kindText =
    profile.kind === 'gmina'
      ? t(gminaTypeKey(unit.gmina_type))
      : profile.isCity
        ? t('territory.cityWithPowiatRights')
        : t('territory.powiat');
  const sub = profile.subregion;
  return (
    <>
      <PageHeader title={title} />
      <div class="profile-head">
        <dl class="profile-facts">
          <div>
            <dt>{t('territory.profile.kind')}</dt>
            <dd>{kindText}</dd>
          </div>
          <div>
            <dt>{t('territory.profile.teryt')}</dt>
            <dd>{unit.teryt}</dd>
          </div>
          {profile.parent ? (
            <div>
              <dt>{t('territory.profile.powiat')}</dt>
              <dd>
                <a href={href(profilePath(profile.parent.teryt))}>{powiatName(profile.parent)}</a>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('territory.profile.subregion')}</dt>
            <dd>
              {sub
                ? t('territory.profile.subregionValue', {
                    name: lang === 'pl' ? sub.name_pl : sub.name_en,
                    from: fmt.date(sub.valid_from),
                    to: sub.valid_to ? fmt.date(sub.valid_to) : '…',
                  })
                : t('territory.profile.noSubregion')}
            </dd>
          </div>
          {profile.counterpart ? (
            <div>
              <dt>{profile.kind === 'powiat' ? t('territory.profile.alsoGmina') : t('territory.profile.alsoPowiat')}</dt>
              <dd>
                <a href={href(profilePath(profile.counterpart.teryt))}>
                  {profile.kind === 'powiat'
                    ? t('territory.profile.gminaHeading', {
                        name: profile.counterpart.name,
                        type: t(gminaTypeKey(profile.counterpart.gmina_type)),
                      })
                    : t('territory.profile.cityHeading', { name: profile.counterpart.name })}
                </a>
              </dd>
            </div>
          ) : null}
        </dl>
        <LocatorMap locator={locator} teryt={unit.teryt} kind={profile.kind} label={t('territory.profile.locator', { name: title })} />
      </div>

      {profile.kind === 'powiat' ? (
        <section aria-labelledby="gminy-heading">
          <h2 id="gminy-heading">{t('territory.profile.gminyHeading', { count: profile.gminy.length })}</h2>
          <ul class="territory-columns">
            {profile.gminy.map((g) => (
              <li key={g.teryt}>
                <a href={href(profilePath(g.teryt))}>{g.name}</a> <span class="small">({t(gminaTypeKey(g.gmina_type))})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading">{t('territory.profile.statsHeading')}</h2>
        {profile.statistics.length === 0 ? (
          <p>{profile.kind === 'gmina' ? t('territory.profile.noStatsGmina') : t('territory.profile.noStatsPowiat')}</p>
        ) : (
          <>
            {profile.kind === 'powiat' ? <p class="hint">{t('territory.profile.powiatSumHint')}</p> : null}
            <Table
              caption={t('territory.profile.statsCaption', { name: title })}
              rowKey={(r) => String(r.year)}
              rows={profile.statistics}
              columns={[
                { header: t('territory.stats.year'), cell: (r) => String(r.year) },
                ...STAT_MEASURES.map((m) => ({
                  header: t(`territory.statMeasure.${m}`),
                  numeric: true,
                  cell: (r: Profile['statistics'][number]) => {
                    const c = r.cells[m];
                    if (c.value !== null) return fmt.number(c.value);
                    return c.have === 0 ? t('territory.noData') : t('territory.profile.incomplete', { have: c.have, of: c.of });
                  },
                })),
                {
                  header: t('territory.statMeasure.assistancePer1000'),
                  numeric: true,
                  cell: (r) => (r.assistancePer1000 === null ? t('territory.noData') : round(r.assistancePer1000, 1)),
                },
                {
                  header: t('territory.stats.source'),
                  cell: (r) => [...new Set(STAT_MEASURES.flatMap((m) => r.cells[m].sources))].join('; ') || '—',
                },
              ]}
            />
          </>
        )}
      </section>

      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`section-${s.id}`} class="profile-section">
          <h2 id={`section-${s.id}`}>{s.title}</h2>
          {s.body}
        </section>
      ))}
    </>
  );
}

// --- white spots ------------------------------------------------------------------------------

export function WhiteSpotsView({ data, gminy, geometry }: { data: WhiteSpotsData; gminy: GminaInfo[]; geometry: MapGeometry }) {
  const { t, href, fmt } = usePage();
  const powiatName = usePowiatName();
  const round = useRound();
  const { result } = data;
  const byTeryt = new Map(gminy.map((g) => [g.teryt, g]));
  const spots = new Set(result.spots);
  const unknown = new Set(result.unknown);
  const high = new Set(result.highNeed);
  const statusText = (teryt: string): string => {
    if (!result.rates.has(teryt)) return t('territory.noData');
    if (spots.has(teryt)) return t('territory.whiteSpots.legend.spot');
    if (unknown.has(teryt)) return t('territory.whiteSpots.legend.needUnchecked');
    if (high.has(teryt))
      return result.status === 'ok' ? t('territory.whiteSpots.legend.needWithEntity') : t('territory.whiteSpots.legend.need');
    return t('territory.whiteSpots.legend.other');
  };
  const shapes: MapShape[] = gminy.map((g) => ({
    teryt: g.teryt,
    href: href(profilePath(g.teryt)),
    label: `${g.name} (${t(gminaTypeKey(g.type))}): ${statusText(g.teryt)}`,
    fill: data.shading.fills.get(g.teryt) ?? null,
  }));
  const listed = (result.status === 'ok' ? result.spots : result.highNeed).map((teryt) => byTeryt.get(teryt)!).filter(Boolean);
  return (
    <>
      <PageHeader title={t('territory.whiteSpots.title')} />
      <p class="lead">{t('territory.whiteSpots.lead')}</p>
      <p>{t('territory.whiteSpots.rule')}</p>
      {result.status === 'no_statistics' ? (
        <Alert kind="info" title={t('territory.missing.title')}>
          <p>{t('territory.whiteSpots.noStatistics')}</p>
        </Alert>
      ) : null}
      {result.status === 'no_registry' ? (
        <Alert kind="warning" title={t('territory.whiteSpots.noRegistryTitle')}>
          <p>{t('territory.whiteSpots.noRegistry')}</p>
        </Alert>
      ) : null}
      {result.median !== null ? (
        <p>
          {t('territory.whiteSpots.medianNote', { median: round(result.median, 1), year: data.year ?? '' })}{' '}
          {data.sources.length > 0 ? t('territory.map.sourceNote', { source: data.sources.join('; ') }) : null}
        </p>
      ) : null}
      {result.status === 'ok' ? (
        <p class="territory-summary">
          <strong>{t('territory.whiteSpots.summary', { count: result.spots.length })}</strong>
        </p>
      ) : null}
      <p>
        <a href="#lista-bialych-plam" class="territory-skip">
          {t('territory.whiteSpots.skipToList')}
        </a>
      </p>
      <div class="territory-figure">
        <TerritoryMap
          id="mapa-bialych-plam"
          units={geometry.gminy}
          powiatBorders={geometry.powiatBorders}
          shapes={shapes}
          title={t('territory.whiteSpots.svgTitle')}
          desc={t('territory.whiteSpots.svgDesc')}
          towns={geometry.towns}
        />
        <MapLegend items={data.shading.legend} heading={t('territory.whiteSpots.legendHeading')} decimals={0} />
      </div>
      <MapScript />
      <section aria-labelledby="lista-bialych-plam-heading" id="lista-bialych-plam" tabIndex={-1}>
        <h2 id="lista-bialych-plam-heading">
          {result.status === 'ok' ? t('territory.whiteSpots.listHeading') : t('territory.whiteSpots.needListHeading')}
        </h2>
        {result.status === 'no_statistics' ? (
          <p>{t('territory.whiteSpots.noList')}</p>
        ) : listed.length === 0 ? (
          <p>{result.status === 'ok' ? t('territory.whiteSpots.none') : t('territory.whiteSpots.noneHigh')}</p>
        ) : (
          <DataTableDisclosure rows={listed.length}>
            <Table
              caption={
                result.status === 'ok'
                  ? t('territory.whiteSpots.caption', { count: listed.length })
                  : t('territory.whiteSpots.needCaption', { count: listed.length })
              }
              rows={listed}
              rowKey={(g) => g.teryt}
              columns={[
                { header: t('territory.table.gmina'), cell: (g) => <a href={href(profilePath(g.teryt))}>{g.name}</a> },
                { header: t('territory.table.type'), cell: (g) => t(gminaTypeKey(g.type)) },
                { header: t('territory.table.powiat'), cell: (g) => powiatName(g.powiat) },
                { header: t('territory.measure.assistancePer1000'), numeric: true, cell: (g) => round(result.rates.get(g.teryt)!, 1) },
                ...(data.entities
                  ? [
                      {
                        header: t('territory.measure.entities'),
                        numeric: true,
                        cell: (g: GminaInfo) => fmt.number(data.entities!.get(g.teryt) ?? 0),
                      },
                    ]
                  : []),
              ]}
            />
          </DataTableDisclosure>
        )}
        {result.unknown.length > 0 ? (
          <>
            <p>{t('territory.whiteSpots.unchecked', { count: result.unknown.length })}</p>
            <ul>
              {result.unknown
                .map((teryt) => byTeryt.get(teryt))
                .filter((g): g is GminaInfo => g !== undefined)
                .map((g) => (
                  <li key={g.teryt}>
                    <a href={href(profilePath(g.teryt))}>{g.name}</a>
                  </li>
                ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
