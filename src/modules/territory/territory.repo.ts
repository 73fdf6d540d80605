// Queries of the territory module.
import type { Insertable } from 'kysely';
import type { Db } from '../../core/db/database.js';
import { countAll } from '../../core/db/database.js';
import type { TerritorialUnitsTable } from './territory.tables.js';

/** Inserts or refreshes units (parents first) and boundaries in one transaction; returns new units. */
export async function upsertUnits(
  db: Db,
  units: Insertable<TerritorialUnitsTable>[],
  boundaries: { teryt: string; geometry: string }[],
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const existing = new Set((await trx.selectFrom('territorial_units').select('teryt').execute()).map((r) => r.teryt));
    for (const u of units) {
      await trx
        .insertInto('territorial_units')
        .values(u)
        .onConflict((oc) =>
          oc.column('teryt').doUpdateSet({ kind: u.kind, name: u.name, name_sort: u.name_sort, gmina_type: u.gmina_type ?? null, parent_teryt: u.parent_teryt ?? null }),
        )
        .execute();
    }
    for (const b of boundaries) {
      await trx
        .insertInto('unit_boundaries')
        .values(b)
        .onConflict((oc) => oc.column('teryt').doUpdateSet({ geometry: b.geometry }))
        .execute();
    }
    return units.filter((u) => !existing.has(u.teryt)).length;
  });
}

export async function countUnitsByKind(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('territorial_units').select(['kind', countAll().as('n')]).groupBy('kind').execute();
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

/** Units of one kind in Polish alphabetical order. */
export async function listUnits(db: Db, kind: TerritorialUnitsTable['kind']) {
  return db
    .selectFrom('territorial_units')
    .select(['teryt', 'name', 'gmina_type', 'parent_teryt'])
    .where('kind', '=', kind)
    .orderBy('name_sort')
    .orderBy('teryt')
    .execute();
}
