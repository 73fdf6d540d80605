// Schema for imports and duplicates: the import jobs, dismissed duplicate pairs, and on entities
// the folded name used to spot suspected duplicates (same name in the same gmina) and the pointer
// from a merged record to the one it was merged into. The folded name of existing rows is filled
// here in JS because folding (ł → l, diacritics) is done by core/search, not by either database.
import type { ModuleMigration } from '../../../core/module.js';
import { entityNameKey } from '../entity/name-key.js';

export const registryQualityMigration: ModuleMigration = {
  async up(db) {
    await db.schema.alterTable('entities').addColumn('name_key', 'text').execute();
    await db.schema.alterTable('entities').addColumn('merged_into', 'text').execute();
    await db.schema.createIndex('entities_gmina_name_key').on('entities').columns(['gmina_teryt', 'name_key']).execute();
    const rows: { id: string; name: string }[] = await db.selectFrom('entities').select(['id', 'name']).execute();
    for (const r of rows)
      await db
        .updateTable('entities')
        .set({ name_key: entityNameKey(r.name) })
        .where('id', '=', r.id)
        .execute();

    await db.schema
      .createTable('entity_imports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('encoding', 'text', (c) => c.notNull())
      .addColumn('delimiter', 'text', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('mapping', 'text', (c) => c.notNull())
      .addColumn('content', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('ok_rows', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('refused_rows', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('imported_rows', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('problems', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('error', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();

    await db.schema
      .createTable('entity_duplicate_dismissals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_a', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('entity_b', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('dismissed_by', 'text')
      .addColumn('dismissed_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('entity_duplicate_dismissals_pair', ['entity_a', 'entity_b'])
      .execute();
  },
};
