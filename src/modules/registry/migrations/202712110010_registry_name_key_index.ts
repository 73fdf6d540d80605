// An index led by the folded name. The import checks each batch of 1000 rows for suspected
// duplicates (same folded name in the same gmina) with `name_key in (…)`, which the index on
// (gmina_teryt, name_key) cannot serve: both databases scanned the whole table once per batch, so
// a 100,000-row import into a register of 100,000 read about 10 million rows just for this check
// (on PostgreSQL, 28 s of a dry run and 114 s of an import on the 2-core test machine; with this
// index 14 s and 84 s).
import type { ModuleMigration } from '../../../core/module.js';

export const registryNameKeyIndexMigration: ModuleMigration = {
  async up(db) {
    await db.schema.createIndex('entities_name_key').on('entities').columns(['name_key', 'gmina_teryt']).execute();
  },
};
