// Rules of the territory module's public side: loading the TERYT units, boundaries and seeded
// subregions of kujawsko-pomorskie (GUS TERYT, GUGiK PRG; see data/reference/PROVENANCE.md), the
// directory of gminy with their powiat and subregion, the measures the map can show (own
// statistics, counts other modules register, subregions), the white spots and the profile of a
// powiat or gmina. Nothing here is invented: a measure without figures says why it has none.
import { cachedUntilWrite } from '../../core/db/write-cache.js';
import { polishCollator, polishSortKey } from '../../core/db/collation.js';
import { readReferenceCsv, readReferenceJson } from '../../core/data/reference.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import type { TKey } from '../../i18n/index.js';
import { CERTIFIED_OFFERS_MEASURE, ENTITIES_MEASURE, territoryMeasure, territoryMeasures, type TerritoryMeasure } from './extension.js';
import { forgetMapGeometry } from './map.geometry.js';
import { CATEGORICAL, classify, classOf, HIGH_NEED, HIGH_NEED_UNCHECKED, OTHER, WHITE_SPOT } from './map.style.js';
import { measureForYear, statisticsOf, yearsWith, type YearFigures } from './statistics.service.js';
import { listSubregionsWithMembers, seedSubregions, subregionOfPowiat, type Subregion } from './subregions.service.js';
import * as repo from './territory.repo.js';
import type { UnitRow } from './territory.repo.js';
import { STAT_MEASURES, type StatMeasure } from './territory.tables.js';
import { isCityPowiat } from './units.js';
import { perThousand, whiteSpots, type WhiteSpotResult } from './white-spots.js';

// --- reference data ---------------------------------------------------------------------------

interface TerytRow extends Record<string, string> {
  kind: string;
  teryt: string;
  name: string;
  gmina_type: string;
  parent_teryt: string;
}

interface FeatureCollectionFile {
  features: { properties: { teryt: string }; geometry: unknown }[];
}

const KIND_ORDER = { wojewodztwo: 0, powiat: 1, gmina: 2 } as const;

export async function seedTerritoryReference(ctx: ModuleContext): Promise<SeedResult> {
  const rows = readReferenceCsv<TerytRow>('teryt_04.csv');
  const units = rows
    .map((r) => {
      if (!(r.kind in KIND_ORDER)) throw new Error(`unknown unit kind ${r.kind} (${r.teryt})`);
      return {
        teryt: r.teryt,
        kind: r.kind as keyof typeof KIND_ORDER,
        name: r.name,
        name_sort: polishSortKey(r.name),
        gmina_type: r.gmina_type === '' ? null : Number(r.gmina_type),
        parent_teryt: r.parent_teryt || null,
      };
    })
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const boundaries = ['powiaty_04.geojson', 'gminy_04.geojson'].flatMap((file) =>
    readReferenceJson<FeatureCollectionFile>(file).features.map((f) => ({
      teryt: f.properties.teryt,
      geometry: JSON.stringify(f.geometry),
    })),
  );
  const added = await upsertAndForget(ctx, units, boundaries);
  const subregions = await seedSubregions(ctx);
  return { summary: `TERYT units: ${units.length} (${added} new), boundaries: ${boundaries.length}; ${subregions}` };
}

async function upsertAndForget(
  ctx: ModuleContext,
  units: Parameters<typeof repo.upsertUnits>[1],
  boundaries: Parameters<typeof repo.upsertUnits>[2],
) {
  const added = await repo.upsertUnits(ctx.db, units, boundaries);
  forgetMapGeometry(ctx.db);
  return added;
}

// --- the directory of gminy -------------------------------------------------------------------

export interface GminaInfo {
  teryt: string;
  name: string;
  type: number;
  powiat: UnitRow;
  subregion: Subregion | null;
}

export interface Directory {
  units: Map<string, UnitRow>;
  /** Gminy in Polish alphabetical order (then by code: two gminy may share a name). */
  gminy: GminaInfo[];
  /** Powiaty in Polish alphabetical order. */
  powiaty: UnitRow[];
  subregions: readonly Subregion[];
  /** powiat → its subregion on the day asked for. */
  subregionOf: Map<string, Subregion>;
  day: string;
}

export async function directory(ctx: ModuleContext, day: string): Promise<Directory> {
  const [all, subregions] = await Promise.all([repo.listAllUnits(ctx.db), listSubregionsWithMembers(ctx)]);
  const units = new Map(all.map((u) => [u.teryt, u]));
  const subregionOf = subregionOfPowiat(subregions, day);
  const gminy = all
    .filter((u) => u.kind === 'gmina')
    .map((u) => ({
      teryt: u.teryt,
      name: u.name,
      type: u.gmina_type ?? 0,
      powiat: units.get(u.parent_teryt!)!,
      subregion: subregionOf.get(u.parent_teryt!) ?? null,
    }));
  return { units, gminy, powiaty: all.filter((u) => u.kind === 'powiat'), subregions, subregionOf, day };
}

// --- measures of the map ----------------------------------------------------------------------

export const MEASURE = {
  entities: 'podmioty',
  entitiesPer10k: 'podmioty-na-10-tys',
  assistancePer1000: 'pomoc-spoleczna',
  offers: 'oferty',
  subregions: 'subregiony',
} as const;

/** Why a measure has no figures (each has its own sentence on the page). */
export type Missing = 'registry' | 'offers' | 'provider' | 'statistics' | 'population' | 'subregions';

export interface MeasureOption {
  slug: string;
  labelKey: TKey;
  available: boolean;
}

export interface MeasureResult {
  slug: string;
  labelKey: TKey;
  kind: 'count' | 'rate' | 'category';
  missing: Missing | null;
  /** Statistics year the figures are for (null for counts from registries and subregions). */
  year: number | null;
  /** Years the coordinator uploaded figures for (a choice on the page). */
  years: number[];
  sources: string[];
  /** teryt → value; gminy without a figure are absent (shown as "no data", never as 0). */
  values: Map<string, number>;
  decimals: number;
}

function extraMeasures(ctx: ModuleContext): TerritoryMeasure[] {
  return territoryMeasures(ctx).filter((m) => m.id !== ENTITIES_MEASURE && m.id !== CERTIFIED_OFFERS_MEASURE);
}

export async function measureOptions(ctx: ModuleContext): Promise<MeasureOption[]> {
  const [population, assistance] = await Promise.all([yearsWith(ctx, 'population'), yearsWith(ctx, 'social_assistance')]);
  const entities = territoryMeasure(ctx, ENTITIES_MEASURE) !== undefined;
  const assistanceAvailable = assistance.some((y) => population.includes(y));
  return [
    { slug: MEASURE.entities, labelKey: 'territory.measure.entities', available: entities },
    { slug: MEASURE.entitiesPer10k, labelKey: 'territory.measure.entitiesPer10k', available: entities && population.length > 0 },
    { slug: MEASURE.assistancePer1000, labelKey: 'territory.measure.assistancePer1000', available: assistanceAvailable },
    {
      slug: MEASURE.offers,
      labelKey: 'territory.measure.offers',
      available: territoryMeasure(ctx, CERTIFIED_OFFERS_MEASURE) !== undefined,
    },
    ...extraMeasures(ctx).map((m) => ({ slug: m.id, labelKey: m.labelKey, available: true })),
    { slug: MEASURE.subregions, labelKey: 'territory.measure.subregions', available: true },
  ];
}

/** The measure shown when none is asked for: the first with figures (subregions always have some). */
export function defaultMeasure(options: readonly MeasureOption[]): string {
  return options.find((o) => o.available)?.slug ?? MEASURE.subregions;
}

async function counts(ctx: ModuleContext, id: string, gminy: ReadonlySet<string>): Promise<Map<string, number> | null> {
  const provider = territoryMeasure(ctx, id);
  if (!provider) return null;
  const raw = await provider.countByGmina(ctx);
  // silence about a gmina means none there: the registry is the whole truth about its things
  return new Map([...gminy].map((t) => [t, raw.get(t) ?? 0]));
}

function fromFigures(
  base: Omit<MeasureResult, 'year' | 'sources' | 'values' | 'missing'>,
  figures: YearFigures | null,
  missing: Missing,
  values?: Map<string, number>,
): MeasureResult {
  if (!figures) return { ...base, missing, year: null, sources: [], values: new Map() };
  return { ...base, missing: null, year: figures.year, sources: figures.sources, values: values ?? figures.values };
}

export async function computeMeasure(ctx: ModuleContext, slug: string, gminy: ReadonlySet<string>, year?: number): Promise<MeasureResult> {
  const plain = { slug, years: [] as number[], decimals: 0 };
  switch (slug) {
    case MEASURE.entities: {
      const values = await counts(ctx, ENTITIES_MEASURE, gminy);
      return {
        ...plain,
        labelKey: 'territory.measure.entities',
        kind: 'count',
        missing: values ? null : 'registry',
        year: null,
        sources: [],
        values: values ?? new Map(),
      };
    }
    case MEASURE.offers: {
      const values = await counts(ctx, CERTIFIED_OFFERS_MEASURE, gminy);
      return {
        ...plain,
        labelKey: 'territory.measure.offers',
        kind: 'count',
        missing: values ? null : 'offers',
        year: null,
        sources: [],
        values: values ?? new Map(),
      };
    }
    case MEASURE.entitiesPer10k: {
      const base = {
        ...plain,
        labelKey: 'territory.measure.entitiesPer10k' as TKey,
        kind: 'rate' as const,
        decimals: 1,
        years: await yearsWith(ctx, 'population'),
      };
      const entities = await counts(ctx, ENTITIES_MEASURE, gminy);
      if (!entities) return { ...base, missing: 'registry', year: null, sources: [], values: new Map() };
      const population = await measureForYear(ctx, 'population', year);
      const values = new Map<string, number>();
      for (const [t, pop] of population?.values ?? []) if (pop > 0 && gminy.has(t)) values.set(t, ((entities.get(t) ?? 0) / pop) * 10_000);
      return fromFigures(base, population, 'population', values);
    }
    case MEASURE.assistancePer1000: {
      const years = await yearsWith(ctx, 'social_assistance');
      const base = { ...plain, labelKey: 'territory.measure.assistancePer1000' as TKey, kind: 'rate' as const, decimals: 1, years };
      const assistance = await measureForYear(ctx, 'social_assistance', year);
      if (!assistance) return { ...base, missing: 'statistics', year: null, sources: [], values: new Map() };
      const population = await measureForYear(ctx, 'population', assistance.year);
      if (!population || population.year !== assistance.year)
        return { ...base, missing: 'population', year: assistance.year, sources: assistance.sources, values: new Map() };
      const values = new Map<string, number>();
      for (const [t, n] of assistance.values) {
        const pop = population.values.get(t);
        if (pop !== undefined && pop > 0 && gminy.has(t)) values.set(t, perThousand(n, pop));
      }
      return {
        ...base,
        missing: null,
        year: assistance.year,
        sources: [...new Set([...assistance.sources, ...population.sources])].sort(),
        values,
      };
    }
    case MEASURE.subregions:
      return {
        ...plain,
        labelKey: 'territory.measure.subregions',
        kind: 'category',
        missing: null,
        year: null,
        sources: [],
        values: new Map(),
      };
    default: {
      const provider = extraMeasures(ctx).find((m) => m.id === slug);
      if (!provider) throw new AppError('http.not_found');
      const values = (await counts(ctx, provider.id, gminy))!;
      return { ...plain, labelKey: provider.labelKey, kind: 'count', missing: null, year: null, sources: [], values };
    }
  }
}

// --- shading ----------------------------------------------------------------------------------

export type LegendItem =
  | { kind: 'range'; fill: string; min: number; max: number; count: number }
  | { kind: 'category'; fill: string; label: string; count: number }
  | { kind: 'status'; fill: string; labelKey: TKey; count: number }
  | { kind: 'nodata'; count: number };

export interface Shading {
  /** teryt → fill (a colour, or null for the "no data" hatch). */
  fills: Map<string, string | null>;
  legend: LegendItem[];
}

export function shadeMeasure(measure: MeasureResult, gminy: readonly GminaInfo[], lang: 'pl' | 'en'): Shading {
  const fills = new Map<string, string | null>();
  const legend: LegendItem[] = [];
  if (measure.kind === 'category') {
    const ids = [...new Set(gminy.map((g) => g.subregion?.id).filter((x): x is string => !!x))];
    const subregions = ids.map((id) => gminy.find((g) => g.subregion?.id === id)!.subregion!);
    subregions.sort((a, b) => (lang === 'pl' ? polishCollator.compare(a.name_pl, b.name_pl) : a.name_en.localeCompare(b.name_en, 'en')));
    const fillOf = new Map(subregions.map((s, i) => [s.id, CATEGORICAL[i % CATEGORICAL.length]!]));
    for (const g of gminy) fills.set(g.teryt, g.subregion ? fillOf.get(g.subregion.id)! : null);
    for (const s of subregions)
      legend.push({
        kind: 'category',
        fill: fillOf.get(s.id)!,
        label: lang === 'pl' ? s.name_pl : s.name_en,
        count: gminy.filter((g) => g.subregion?.id === s.id).length,
      });
  } else {
    const round = (v: number) => Math.round(v * 10 ** measure.decimals) / 10 ** measure.decimals;
    const values = gminy.filter((g) => measure.values.has(g.teryt)).map((g) => round(measure.values.get(g.teryt)!));
    const classes = classify(values, { zeroClass: measure.kind === 'count' });
    for (const g of gminy) {
      const v = measure.values.get(g.teryt);
      fills.set(g.teryt, v === undefined ? null : classOf(classes, round(v))!.fill);
    }
    for (const c of classes) legend.push({ kind: 'range', fill: c.fill, min: c.min, max: c.max, count: c.count });
  }
  const noData = [...fills.values()].filter((f) => f === null).length;
  if (noData > 0) legend.push({ kind: 'nodata', count: noData });
  return { fills, legend };
}

// --- white spots ------------------------------------------------------------------------------

export interface WhiteSpotsData {
  result: WhiteSpotResult;
  year: number | null;
  sources: string[];
  entities: Map<string, number> | null;
  shading: Shading;
}

/** The statistics the white-spot rule reads: the latest social-assistance year and that year's population. */
async function needFigures(ctx: ModuleContext): Promise<{ assistance: YearFigures | null; samePopulation: YearFigures | null }> {
  const assistance = await measureForYear(ctx, 'social_assistance');
  const population = assistance ? await measureForYear(ctx, 'population', assistance.year) : null;
  const samePopulation = population && assistance && population.year === assistance.year ? population : null;
  return { assistance, samePopulation };
}

/** The white-spot rule over the given gminy, with the registry's counts (null entities: not known). */
async function whiteSpotsOf(
  ctx: ModuleContext,
  teryts: readonly string[],
  figures: { assistance: YearFigures | null; samePopulation: YearFigures | null },
) {
  const [entities, unchecked] = await Promise.all([
    counts(ctx, ENTITIES_MEASURE, new Set(teryts)),
    territoryMeasure(ctx, ENTITIES_MEASURE)?.unknownIn?.(ctx) ?? new Set<string>(),
  ]);
  const entitiesIn = (teryt: string): number | null => {
    if (!entities) return null;
    const n = entities.get(teryt) ?? 0;
    return n === 0 && unchecked.has(teryt) ? null : n;
  };
  const result = whiteSpots(
    teryts.map((teryt) => ({
      teryt,
      population: figures.samePopulation?.values.get(teryt) ?? null,
      socialAssistance: figures.assistance?.values.get(teryt) ?? null,
      entities: entitiesIn(teryt),
    })),
    entities !== null,
  );
  return { result, entities, entitiesIn };
}

/** What the home page says of the gminy: counts only, from the same rule and inputs as the white-spots page. */
export interface GminySummary {
  gminy: number;
  /** Gminy with at least one active entity whose activity was checked (null: no registry). */
  withEntity: number | null;
  /** Gminy where the catalogue has no active entity, checked or not. */
  withoutEntity: number | null;
  /** Gminy where only entities whose activity nobody checked are located: not known. */
  unknown: number | null;
  /** White spots (high needs, no active entity), as on the white-spots page; null without the rule's figures. */
  whiteSpots: number | null;
}

const TERRITORY_TABLES = ['territorial_units', 'gmina_statistics'];

/**
 * The gminy's figures for the home page: the territory's inputs (gminy, statistics) kept until a
 * write to them, the registry's counts from its own cache, so a view runs no aggregate query.
 */
export async function gminySummary(ctx: ModuleContext): Promise<GminySummary> {
  const inputs = await cachedUntilWrite(ctx, TERRITORY_TABLES, 'white-spot-inputs', async () => {
    const [units, figures] = await Promise.all([repo.listAllUnits(ctx.db), needFigures(ctx)]);
    return { teryts: units.filter((u) => u.kind === 'gmina').map((u) => u.teryt), figures };
  });
  // the registry's counts are kept objects too: the same inputs and counts give the same summary
  // object, so a view computes nothing and the home section can name it in its fragment's key
  const provider = territoryMeasure(ctx, ENTITIES_MEASURE);
  const [raw, unchecked] = provider ? await Promise.all([provider.countByGmina(ctx), provider.unknownIn?.(ctx) ?? null]) : [null, null];
  const kept = summaries.get(inputs);
  if (kept && kept.raw === raw && kept.unchecked === unchecked) return kept.summary;
  const { result, entities, entitiesIn } = await whiteSpotsOf(ctx, inputs.teryts, inputs.figures);
  const known = inputs.teryts.map(entitiesIn);
  const summary: GminySummary = {
    gminy: inputs.teryts.length,
    withEntity: entities ? known.filter((n) => n !== null && n > 0).length : null,
    withoutEntity: entities ? known.filter((n) => n === 0).length : null,
    unknown: entities ? known.filter((n) => n === null).length : null,
    whiteSpots: result.status === 'ok' ? result.spots.length : null,
  };
  summaries.set(inputs, { raw, unchecked, summary });
  return summary;
}

const summaries = new WeakMap<object, { raw: unknown; unchecked: unknown; summary: GminySummary }>();

export async function whiteSpotsData(ctx: ModuleContext, gminy: readonly GminaInfo[]): Promise<WhiteSpotsData> {
  const { assistance, samePopulation } = await needFigures(ctx);
  const { result, entities } = await whiteSpotsOf(
    ctx,
    gminy.map((g) => g.teryt),
    { assistance, samePopulation },
  );
  const spots = new Set(result.spots);
  const unknown = new Set(result.unknown);
  const high = new Set(result.highNeed);
  const fills = new Map<string, string | null>();
  for (const g of gminy) {
    if (!result.rates.has(g.teryt)) fills.set(g.teryt, null);
    else
      fills.set(
        g.teryt,
        spots.has(g.teryt) ? WHITE_SPOT : unknown.has(g.teryt) ? HIGH_NEED_UNCHECKED : high.has(g.teryt) ? HIGH_NEED : OTHER,
      );
  }
  const count = (fill: string) => [...fills.values()].filter((f) => f === fill).length;
  const legend: LegendItem[] = [];
  if (result.status === 'ok')
    legend.push({ kind: 'status', fill: WHITE_SPOT, labelKey: 'territory.whiteSpots.legend.spot', count: count(WHITE_SPOT) });
  if (result.unknown.length > 0)
    legend.push({
      kind: 'status',
      fill: HIGH_NEED_UNCHECKED,
      labelKey: 'territory.whiteSpots.legend.needUnchecked',
      count: count(HIGH_NEED_UNCHECKED),
    });
  legend.push({
    kind: 'status',
    fill: HIGH_NEED,
    labelKey: result.status === 'ok' ? 'territory.whiteSpots.legend.needWithEntity' : 'territory.whiteSpots.legend.need',
    count: count(HIGH_NEED),
  });
  legend.push({ kind: 'status', fill: OTHER, labelKey: 'territory.whiteSpots.legend.other', count: count(OTHER) });
  const noData = [...fills.values()].filter((f) => f === null).length;
  if (noData > 0) legend.push({ kind: 'nodata', count: noData });
  return {
    result,
    year: samePopulation ? assistance!.year : null,
    sources: samePopulation ? [...new Set([...assistance!.sources, ...samePopulation.sources])].sort() : [],
    entities,
    shading: { fills, legend: result.status === 'no_statistics' ? [{ kind: 'nodata', count: gminy.length }] : legend },
  };
}

// --- profiles ---------------------------------------------------------------------------------

export interface StatCell {
  value: number | null;
  /** Gminy with a figure / gminy of the unit (a powiat's sum is shown only when complete). */
  have: number;
  of: number;
  sources: string[];
}

export interface YearStats {
  year: number;
  cells: Record<StatMeasure, StatCell>;
  assistancePer1000: number | null;
}

export interface Profile {
  unit: UnitRow;
  kind: 'powiat' | 'gmina';
  isCity: boolean;
  /** The powiat of a gmina. */
  parent: UnitRow | null;
  /** A city with powiat rights is both a powiat and a gmina: the other one of the pair. */
  counterpart: UnitRow | null;
  subregion: Subregion | null;
  /** The gminy a powiat profile covers (the gmina itself for a gmina profile). */
  gminy: UnitRow[];
  statistics: YearStats[];
}

export function aggregateStatistics(
  rows: readonly { teryt: string; year: number; measure: StatMeasure; value: number; source: string }[],
  gminy: readonly string[],
): YearStats[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  return years.map((year) => {
    const cells = {} as Record<StatMeasure, StatCell>;
    for (const m of STAT_MEASURES) {
      const list = rows.filter((r) => r.year === year && r.measure === m && gminy.includes(r.teryt));
      const complete = list.length === gminy.length && gminy.length > 0;
      cells[m] = {
        value: complete ? list.reduce((s, r) => s + r.value, 0) : null,
        have: list.length,
        of: gminy.length,
        sources: [...new Set(list.map((r) => r.source))].sort(),
      };
    }
    const pop = cells.population.value;
    const sa = cells.social_assistance.value;
    return { year, cells, assistancePer1000: pop !== null && sa !== null && pop > 0 ? perThousand(sa, pop) : null };
  });
}

export async function profile(ctx: ModuleContext, teryt: string, day: string): Promise<Profile> {
  const dir = await directory(ctx, day);
  const unit = dir.units.get(teryt);
  if (!unit || (unit.kind !== 'powiat' && unit.kind !== 'gmina')) throw new AppError('http.not_found');
  const kind = unit.kind;
  const powiatTeryt = kind === 'powiat' ? unit.teryt : unit.parent_teryt!;
  const gminy = kind === 'powiat' ? [...dir.units.values()].filter((u) => u.kind === 'gmina' && u.parent_teryt === unit.teryt) : [unit];
  let counterpart: UnitRow | null = null;
  if (isCityPowiat(powiatTeryt))
    counterpart = kind === 'powiat' ? (gminy.length === 1 ? gminy[0]! : null) : (dir.units.get(powiatTeryt) ?? null);
  const rows = await statisticsOf(
    ctx,
    gminy.map((g) => g.teryt),
  );
  return {
    unit,
    kind,
    isCity: isCityPowiat(powiatTeryt),
    parent: kind === 'gmina' ? dir.units.get(powiatTeryt)! : null,
    counterpart,
    subregion: dir.subregionOf.get(powiatTeryt) ?? null,
    gminy,
    statistics: aggregateStatistics(
      rows,
      gminy.map((g) => g.teryt),
    ),
  };
}

// --- open data (API) --------------------------------------------------------------------------

export interface ApiSubregion {
  code: string;
  name_pl: string;
  name_en: string;
}

const apiSubregion = (s: Subregion | null | undefined): ApiSubregion | null =>
  s ? { code: s.code, name_pl: s.name_pl, name_en: s.name_en } : null;

export async function apiGminy(ctx: ModuleContext, day: string) {
  const dir = await directory(ctx, day);
  return dir.gminy.map((g) => ({
    teryt: g.teryt,
    name: g.name,
    type: g.type,
    powiat_teryt: g.powiat.teryt,
    powiat_name: g.powiat.name,
    subregion: apiSubregion(g.subregion),
  }));
}

export async function apiPowiaty(ctx: ModuleContext, day: string) {
  const dir = await directory(ctx, day);
  return dir.powiaty.map((p) => ({
    teryt: p.teryt,
    name: p.name,
    is_city: isCityPowiat(p.teryt),
    gminy: dir.gminy.filter((g) => g.powiat.teryt === p.teryt).length,
    subregion: apiSubregion(dir.subregionOf.get(p.teryt)),
  }));
}

/** GeoJSON FeatureCollection of the listed units, with their stored (WGS84) boundaries. */
export async function asFeatureCollection<T extends { teryt: string; subregion: ApiSubregion | null }>(
  ctx: ModuleContext,
  kind: 'gmina' | 'powiat',
  items: T[],
) {
  const geometry = new Map(
    (await repo.listBoundaries(ctx.db, kind)).map((b) => [b.teryt, JSON.parse(b.geometry) as { type: string; coordinates: unknown[] }]),
  );
  return {
    type: 'FeatureCollection' as const,
    features: items.map(({ subregion, ...rest }) => ({
      type: 'Feature' as const,
      id: rest.teryt,
      properties: { ...rest, subregion: subregion?.code ?? null, subregion_name: subregion?.name_pl ?? null },
      geometry: geometry.get(rest.teryt) ?? null,
    })),
  };
}
