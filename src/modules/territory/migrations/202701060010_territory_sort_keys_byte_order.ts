// Sort keys compare byte by byte on every database: on PostgreSQL created with a Polish or ICU
// locale, `name_sort` ordered by the locale's rules put names starting with t–ż first (the keys'
// separators sort after letters there). See DialectSeam.byteOrderColumn.
import type { ModuleMigration } from '../../../core/module.js';

export const territorySortKeysByteOrderMigration: ModuleMigration = {
  async up(db, seam) {
    await seam.byteOrderColumn(db, 'territorial_units', 'name_sort');
  },
};
