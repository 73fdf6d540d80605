// Views of the public maps and ranking: a measure chosen with a plain GET form and the level (gminy
// or powiaty) with plain links (no script needed), the map drawn on the server with the territory
// module's map and legend — unknown values hatched — and the same figures in a data table; the
// ranking table names each criterion.
import type { ComponentChildren } from 'preact';
import { Button, PageHeader, Table } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import { DataTableDisclosure } from '../../../core/ui/data-table.js';
import { classify, classOf, MapLegend, profilePath, TerritoryMap, type MapGeometry, type MapShape } from '../../territory/index.js';
import {
  CRITERIA,
  MAP_LEVELS,
  MAP_MEASURES,
  YES_NO_MAP,
  type Answer,
  type MapData,
  type MapLevel,
  type RankingRow,
} from './map.service.js';

/** Light blue for "yes", light grey for "no": both keep 3:1 against the map's dark borders. */
const YES_FILL = '#5c9fd0';
const NO_FILL = '#f2f2f2';

function YearSelect({ year, years }: { year: number; years: number[] }) {
  const { t } = usePage();
  return (
    <>
      <label for="f-rok">{t('localgov.year')}</label>{' '}
      <select id="f-rok" name="rok">
        {years.map((y) => (
          <option key={y} value={String(y)} selected={y === year}>
            {y}
          </option>
        ))}
      </select>{' '}
    </>
  );
}

/** Links to the same measure and year on either level; the current one marked. */
function LevelSwitch({ data }: { data: MapData }) {
  const { t, href } = usePage();
  const link = (level: MapLevel) =>
    href(`/samorzady/mapa?miara=${data.measure}&rok=${data.year}${level === 'gminy' ? '' : `&poziom=${level}`}`);
  return (
    <nav class="portal-filter" aria-labelledby="map-level-label">
      <p id="map-level-label">{t('localgov.map.levelLabel')}</p>
      <ul>
        {MAP_LEVELS.map((l) => (
          <li key={l}>
            <a href={link(l)} aria-current={l === data.level ? 'page' : undefined}>
              {t(`localgov.map.level.${l}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function MapView({ data, years, geometry }: { data: MapData; years: number[]; geometry: MapGeometry }) {
  const { t, href, fmt } = usePage();
  const yesNo = YES_NO_MAP.has(data.measure);
  const powiaty = data.level === 'powiaty';
  const name = powiaty
    ? t(`localgov.map.measurePowiaty.${data.measure}`, { year: data.year })
    : t(`localgov.map.measure.${data.measure}`, { year: data.year });
  const text = (v: Answer | number): string =>
    v === null ? t('localgov.unknown') : typeof v === 'number' ? fmt.number(v) : t(`localgov.${v}`);
  const numbers = data.cells.map((c) => c.value).filter((v): v is number => typeof v === 'number');
  const classes = yesNo ? [] : classify(numbers, { zeroClass: true });
  const fillOf = (v: Answer | number): string | null =>
    v === null ? null : v === 'yes' ? YES_FILL : v === 'no' ? NO_FILL : (classOf(classes, v)?.fill ?? null);
  const shapes: MapShape[] = data.cells.map((c) => ({
    teryt: c.teryt,
    href: href(profilePath(c.teryt)),
    label: `${c.name}: ${text(c.value)}`,
    fill: fillOf(c.value),
  }));
  const noData = data.cells.filter((c) => c.value === null).length;
  const count = (v: 'yes' | 'no') => data.cells.filter((c) => c.value === v).length;
  const legend = yesNo
    ? [
        { kind: 'category' as const, fill: YES_FILL, label: t('localgov.yes'), count: count('yes') },
        { kind: 'category' as const, fill: NO_FILL, label: t('localgov.no'), count: count('no') },
      ]
    : classes.map((c) => ({ kind: 'range' as const, ...c }));
  return (
    <>
      <PageHeader
        title={t(powiaty ? 'localgov.map.titlePowiaty' : 'localgov.map.title')}
        lead={t(powiaty ? 'localgov.map.introPowiaty' : 'localgov.map.intro')}
      />
      <LevelSwitch data={data} />
      <form method="get" action={href('/samorzady/mapa')} class="inline-filter">
        {powiaty ? <input type="hidden" name="poziom" value={data.level} /> : null}
        <label for="f-miara">{t('localgov.map.measureLabel')}</label>{' '}
        <select id="f-miara" name="miara">
          {MAP_MEASURES.map((m) => (
            <option key={m} value={m} selected={m === data.measure}>
              {t(`localgov.map.measureShort.${m}`)}
            </option>
          ))}
        </select>{' '}
        <YearSelect year={data.year} years={years} />
        <Button variant="secondary">{t('localgov.show')}</Button>
      </form>
      <h2>{name}</h2>
      {data.measure === 'tasks_per_inhabitant' ? (
        <p class="hint">
          {data.populationYear === null
            ? t('localgov.map.noPopulation')
            : t(powiaty ? 'localgov.map.populationPowiaty' : 'localgov.map.population', { year: data.populationYear })}
        </p>
      ) : null}
      <p class="hint">{t(powiaty ? 'localgov.map.levelNote.powiaty' : 'localgov.map.levelNote.gminy')}</p>
      <div class="indicator-map">
        <TerritoryMap
          id="localgov-map"
          units={powiaty ? geometry.powiaty : geometry.gminy}
          powiatBorders={geometry.powiatBorders}
          shapes={shapes}
          title={name}
          desc={t(powiaty ? 'localgov.map.descPowiaty' : 'localgov.map.desc')}
          towns={geometry.towns}
        />
        <MapLegend
          heading={name}
          decimals={2}
          unit={powiaty ? 'powiat' : 'gmina'}
          items={[...legend, ...(noData ? [{ kind: 'nodata' as const, count: noData }] : [])]}
        />
      </div>
      <DataTableDisclosure rows={data.cells.length}>
        <Table
          caption={name}
          rows={data.cells}
          rowKey={(c) => c.teryt}
          columns={[
            { header: t('localgov.col.unit'), cell: (c) => <a href={href(profilePath(c.teryt))}>{c.name}</a> },
            { header: t(`localgov.map.measureShort.${data.measure}`), cell: (c) => text(c.value), numeric: !yesNo },
          ]}
        />
      </DataTableDisclosure>
    </>
  );
}

export function RankingView({ year, years, rows }: { year: number; years: number[]; rows: RankingRow[] }) {
  const { t, href } = usePage();
  const mark = (v: Answer): ComponentChildren => (v === null ? t('localgov.unknown') : t(`localgov.${v}`));
  return (
    <>
      <PageHeader title={t('localgov.ranking.title', { year })} lead={t('localgov.ranking.intro')} />
      <form method="get" action={href('/samorzady/ranking')} class="inline-filter">
        <YearSelect year={year} years={years} />
        <Button variant="secondary">{t('localgov.show')}</Button>
      </form>
      <h2>{t('localgov.ranking.criteriaTitle')}</h2>
      <ol>
        {CRITERIA.map((c) => (
          <li key={c}>{t(`localgov.ranking.criterion.${c}`)}</li>
        ))}
      </ol>
      <p>{t('localgov.ranking.rule')}</p>
      {rows.length === 0 ? (
        <p>{t('localgov.noneYear', { year })}</p>
      ) : (
        <Table
          caption={t('localgov.ranking.caption', { year })}
          rows={rows}
          rowKey={(r) => r.teryt}
          columns={[
            { header: t('localgov.ranking.rank'), cell: (r) => String(r.rank), numeric: true },
            { header: t('localgov.col.unit'), cell: (r) => <a href={href(profilePath(r.teryt))}>{r.label}</a> },
            { header: t('localgov.ranking.points'), cell: (r) => t('localgov.ranking.pointsOf', { count: r.points }), numeric: true },
            ...CRITERIA.map((c) => ({ header: t(`localgov.ranking.short.${c}`), cell: (r: RankingRow) => mark(r.criteria[c]) })),
          ]}
        />
      )}
    </>
  );
}
