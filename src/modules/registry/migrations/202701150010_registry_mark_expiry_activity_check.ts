// Marks and activity as far as the data support them (issue 14). On marks: `is_expiry_derived`,
// and for every mark with a grant date but no stated expiry the expiry of its one-year licence
// (entity/mark-validity.ts), so the SQL that counts valid marks needs no date arithmetic, which
// the two databases write differently. On entities: who checked, and when, that the entity is
// active (entity/activity-state.ts). No stored entity gets a check: whether anyone checked the
// activity of an existing record is not known, and unknown stays unknown.
// The derived expiry is computed here in JS with the rule every writer uses, one UPDATE per mark
// (marks are few: one per certified product or service).
import type { ModuleMigration } from '../../../core/module.js';
import { derivedExpiry } from '../entity/mark-validity.js';

export const markExpiryActivityCheckMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .alterTable('entity_marks')
      .addColumn('is_expiry_derived', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute();
    await db.schema.alterTable('entities').addColumn('activity_verified_on', 'text').execute();
    await db.schema.alterTable('entities').addColumn('activity_verified_by', 'text').execute();
    const open: { id: string; granted_on: string }[] = await db
      .selectFrom('entity_marks')
      .select(['id', 'granted_on'])
      .where('granted_on', 'is not', null)
      .where('expires_on', 'is', null)
      .execute();
    for (const m of open)
      await db
        .updateTable('entity_marks')
        .set({ expires_on: derivedExpiry(m.granted_on), is_expiry_derived: true })
        .where('id', '=', m.id)
        .execute();
  },
};
