// Loads the TERYT units of kujawsko-pomorskie and their boundaries from `data/reference/`
// (GUS TERYT, GUGiK PRG; see PROVENANCE.md there). Running it again changes nothing.
import { polishSortKey } from '../../core/db/collation.js';
import { readReferenceCsv, readReferenceJson } from '../../core/data/reference.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import { upsertUnits } from './territory.repo.js';

interface TerytRow extends Record<string, string> {
  kind: string;
  teryt: string;
  name: string;
  gmina_type: string;
  parent_teryt: string;
}

interface FeatureCollection {
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
    readReferenceJson<FeatureCollection>(file).features.map((f) => ({ teryt: f.properties.teryt, geometry: JSON.stringify(f.geometry) })),
  );
  const added = await upsertUnits(ctx.db, units, boundaries);
  return { summary: `TERYT units: ${units.length} (${added} new), boundaries: ${boundaries.length}` };
}
