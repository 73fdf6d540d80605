// The minutes of a meeting, one text per agenda item, members' comments on the draft (one per member
// and item, until the day the secretary set); approval moves the meeting to `minutes_approved`.
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
    await db.schema.alterTable('body_meetings').addColumn('minutes_comments_until', 'text').execute();
    await db.schema
      .createTable('body_minutes_comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('body_meetings.id').onDelete('cascade'))
      .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('body_agenda_items.id').onDelete('cascade'))
      .addColumn('membership_id', 'text', (c) => c.notNull().references('body_memberships.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('body_minutes_comments_once', ['agenda_item_id', 'membership_id'])
      .execute();
  },
};
