// Schema of the staff record screens: employment figures per entity and year (staff-only numbers
// that let the statutory PS conditions be checked), the PKD codes of the activity, and the end of
// the 'jednostka_budzetowa' legal form (not a PES form; such units are CIS/ZAZ/WTZ here).
// FTE is stored in hundredths as an integer, so 2.75 FTE is exact on both databases.
import type { ModuleMigration } from '../../../core/module.js';

export const recordMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('entity_employment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('headcount', 'integer', (c) => c.notNull())
      .addColumn('employees', 'integer', (c) => c.notNull())
      .addColumn('fte_hundredths', 'integer', (c) => c.notNull())
      .addColumn('employees_half_time', 'integer', (c) => c.notNull())
      .addColumn('at_risk', 'integer', (c) => c.notNull())
      .addColumn('at_risk_half_time', 'integer', (c) => c.notNull())
      .addColumn('at_risk_categories', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('source', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('entity_employment_entity_year', ['entity_id', 'year'])
      .execute();
    await db.schema.alterTable('entities').addColumn('pkd_codes', 'text').execute();
    await db.updateTable('entities').set({ legal_form: 'inna' }).where('legal_form', '=', 'jednostka_budzetowa').execute();
  },
};
