// Attendance at meetings (one row per member and meeting), guests listed apart, and the counts of the
// vote on an agenda item (one per item).
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const bodyAttendanceMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('body_attendance')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('body_meetings.id').onDelete('cascade'))
      .addColumn('membership_id', 'text', (c) => c.notNull().references('body_memberships.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('present', 'excused', 'unexcused', 'substitute')`))
      .addColumn('substitute_name', 'text')
      .addPrimaryKeyConstraint('body_attendance_pk', ['meeting_id', 'membership_id'])
      .execute();
    await db.schema.createIndex('body_attendance_member').on('body_attendance').column('membership_id').execute();
    await db.schema
      .createTable('body_guests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('body_meetings.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('body_votes')
      .addColumn('agenda_item_id', 'text', (c) => c.primaryKey().references('body_agenda_items.id').onDelete('cascade'))
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('body_meetings.id').onDelete('cascade'))
      .addColumn('votes_for', 'integer', (c) => c.notNull())
      .addColumn('votes_against', 'integer', (c) => c.notNull())
      .addColumn('votes_abstained', 'integer', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
  },
};
