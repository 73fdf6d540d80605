// Where an indicator value may be located: the whole region, a powiat or gmina (TERYT from the
// territory module) or an OWES subregion (by its stable code, e.g. `torun`, because a subregion
// gets a new id in every funding period while its code stays). Also the aggregation of per-gmina
// counts into powiaty (TERYT prefix), subregions and the region that computed indicators need.
import { cachedUntilWrite } from '../../core/db/write-cache.js';
import type { ModuleContext } from '../../core/module.js';
import { translator } from '../../i18n/index.js';
import { listSubregionsWithMembers, listUnits, type Subregion } from '../territory/index.js';
import { WHOLE_REGION, type IndicatorBreakdown } from './indicators.tables.js';

const TERRITORY_TABLES = ['territorial_units', 'subregions', 'subregion_members'] as const;

export interface TerritoryIndex {
  powiaty: Map<string, string>;
  gminy: Map<string, string>;
  subregions: readonly Subregion[];
}

/** The areas and their names, kept until a write to the territory tables (or 30 s): read by every indicator page. */
export async function loadTerritoryIndex(ctx: Pick<ModuleContext, 'db' | 'database'>): Promise<TerritoryIndex> {
  return cachedUntilWrite(ctx, TERRITORY_TABLES, 'indicators-territory-index', async () => {
    const [powiaty, gminy, subregions] = await Promise.all([
      listUnits(ctx.db, 'powiat'),
      listUnits(ctx.db, 'gmina'),
      listSubregionsWithMembers(ctx),
    ]);
    return {
      powiaty: new Map(powiaty.map((u) => [u.teryt, u.name])),
      gminy: new Map(gminy.map((u) => [u.teryt, u.name])),
      subregions,
    };
  });
}

/** The day a period's figures describe: 31 December of the year. */
export function periodEnd(period: number): string {
  return `${period}-12-31`;
}

/**
 * The subregions that group the powiaty for a period: those valid on 31 December of the year.
 * Before the first grouping the platform knows (or after the last), the nearest grouping is used,
 * so older years can still be broken down; the page says which grouping that is.
 */
export function subregionsForPeriod(subregions: readonly Subregion[], period: number): Subregion[] {
  const day = periodEnd(period);
  const valid = subregions.filter((s) => s.valid_from <= day && (s.valid_to === null || day <= s.valid_to));
  if (valid.length > 0 || subregions.length === 0) return valid;
  const starts = [...new Set(subregions.map((s) => s.valid_from))].sort();
  const later = starts.find((from) => from > day);
  const chosen = later ?? starts[starts.length - 1]!;
  return subregions.filter((s) => s.valid_from === chosen);
}

export interface TerritoryOption {
  code: string;
  name: string;
}

/** Territory codes a value of an indicator with this breakdown may have for a period (region first). */
export function territoryOptions(
  index: TerritoryIndex,
  breakdown: IndicatorBreakdown,
  period: number,
  lang: 'pl' | 'en',
): TerritoryOption[] {
  const region: TerritoryOption = { code: WHOLE_REGION, name: translator(lang)('indicators.region') };
  switch (breakdown) {
    case 'none':
      return [region];
    case 'powiat':
      return [region, ...[...index.powiaty].map(([code, name]) => ({ code, name }))];
    case 'gmina':
      return [region, ...[...index.gminy].map(([code, name]) => ({ code, name: `${name} (${code})` }))];
    case 'subregion':
      return [
        region,
        ...subregionsForPeriod(index.subregions, period).map((s) => ({ code: s.code, name: lang === 'pl' ? s.name_pl : s.name_en })),
      ];
  }
}

export function isValidTerritory(index: TerritoryIndex, breakdown: IndicatorBreakdown, period: number, code: string): boolean {
  if (code === WHOLE_REGION) return true;
  switch (breakdown) {
    case 'none':
      return false;
    case 'powiat':
      return index.powiaty.has(code);
    case 'gmina':
      return index.gminy.has(code);
    case 'subregion':
      return subregionsForPeriod(index.subregions, period).some((s) => s.code === code);
  }
}

/** A territory code's display name (the code itself when it is no longer known). */
export function territoryName(index: TerritoryIndex, code: string, lang: 'pl' | 'en'): string {
  if (code === WHOLE_REGION) return translator(lang)('indicators.region');
  const unit = index.powiaty.get(code) ?? index.gminy.get(code);
  // powiat names are proper names, the same in both languages (as on the territory pages)
  if (unit) return code.length === 4 ? (Number(code.slice(2)) >= 61 ? unit : `powiat ${unit}`) : unit;
  const s = index.subregions.find((x) => x.code === code);
  return s ? (lang === 'pl' ? s.name_pl : s.name_en) : code;
}

/**
 * Per-gmina counts (7-digit TERYT → n) as the figures of an indicator for one period: always the
 * region total, plus one figure per unit of the breakdown (0 for units with nothing, since the
 * registry is the whole truth about its entities). Gminy outside the voivodeship count only
 * toward nothing; entities without a seat gmina count toward the region total only.
 */
export function aggregateCounts(
  index: TerritoryIndex,
  byGmina: ReadonlyMap<string | null, number>,
  breakdown: IndicatorBreakdown,
  period: number,
): Map<string, number> {
  const out = new Map<string, number>();
  let total = 0;
  for (const n of byGmina.values()) total += n;
  out.set(WHOLE_REGION, total);
  if (breakdown === 'gmina') {
    for (const teryt of index.gminy.keys()) out.set(teryt, byGmina.get(teryt) ?? 0);
  } else if (breakdown === 'powiat' || breakdown === 'subregion') {
    const byPowiat = new Map<string, number>([...index.powiaty.keys()].map((p) => [p, 0]));
    for (const [teryt, n] of byGmina) {
      if (teryt === null) continue;
      const p = teryt.slice(0, 4);
      if (byPowiat.has(p)) byPowiat.set(p, byPowiat.get(p)! + n);
    }
    if (breakdown === 'powiat') {
      for (const [p, n] of byPowiat) out.set(p, n);
    } else {
      for (const s of subregionsForPeriod(index.subregions, period)) {
        out.set(
          s.code,
          s.powiaty.reduce((sum, p) => sum + (byPowiat.get(p) ?? 0), 0),
        );
      }
    }
  }
  return out;
}
