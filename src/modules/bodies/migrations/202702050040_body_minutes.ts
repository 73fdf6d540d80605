// The minutes of a meeting, one text per agenda item; approval moves the meeting to `minutes_approved`.
import type { ModuleMigration } from '../../../core/module.js';

export const bodyMinutesMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('body_minutes_items')
      .addColumn('agenda_item_id', 'text', (c) => c.primaryKey().references('body_agenda_items.id').onDelete('cascade'))
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('body_meetings.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
