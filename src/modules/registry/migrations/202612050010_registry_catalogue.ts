// The catalogue's side structures: `entity_sectors` (one row per entity and sector, so the sector
// facet is a plain indexed GROUP BY instead of parsing JSON per row), `name_doc` (the searchable
// words of the name, for bounded relevance ranking in SQL) and indexes the facets and sorts use.
// Existing rows are backfilled here; afterwards the repository keeps both in sync on every write.
import type { ModuleMigration } from '../../../core/module.js';
import { nameDocument, parseSectors } from '../catalogue/registry.sectors.js';

export const registryCatalogueMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('entity_sectors')
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('sector_folded', 'text', (c) => c.notNull())
      .addColumn('sector', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('entity_sectors_pk', ['entity_id', 'sector_folded'])
      .execute();
    await db.schema.createIndex('entity_sectors_folded').on('entity_sectors').columns(['sector_folded', 'entity_id']).execute();
    await db.schema
      .alterTable('entities')
      .addColumn('name_doc', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    // the catalogue's two orders, each carrying every column the list filters test, so a page is
    // found inside the index (only its 20 rows are read from the wide table) and the facet counts
    // scan an index instead of the table; they replace the plain name_sort index
    const filterColumns = ['id', 'lifecycle', 'legal_form', 'gmina_teryt', 'activity_type'];
    await db.schema
      .createIndex('entities_by_name')
      .on('entities')
      .columns(['name_sort', ...filterColumns])
      .execute();
    await db.schema
      .createIndex('entities_by_created')
      .on('entities')
      .columns(['created_at', ...filterColumns])
      .execute();
    await db.schema.dropIndex('entities_name_sort').execute();
    const rows = await db.selectFrom('entities').select(['id', 'name', 'short_name', 'sectors']).execute();
    for (const r of rows as { id: string; name: string; short_name: string | null; sectors: string }[]) {
      await db
        .updateTable('entities')
        .set({ name_doc: nameDocument(r.name, r.short_name) })
        .where('id', '=', r.id)
        .execute();
      const sectors = parseSectors(r.sectors);
      if (sectors.length)
        await db
          .insertInto('entity_sectors')
          .values(sectors.map((s) => ({ entity_id: r.id, sector_folded: s.key, sector: s.sector })))
          .execute();
    }
  },
};
