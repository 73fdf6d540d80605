// Meetings of bodies: the meeting (Warsaw time stored as UTC instants, place or online link, status,
// the iCalendar sequence), its agenda items and the members' invitations with their answers.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const bodyMeetingsMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('body_meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
      .addColumn('term_id', 'text', (c) => c.notNull().references('body_terms.id').onDelete('cascade'))
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('online_url', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned', 'held', 'minutes_approved', 'cancelled')`))
      .addColumn('sequence', 'integer', (c) => c.notNull())
      .addColumn('is_public', 'boolean', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('body_meetings_body').on('body_meetings').columns(['body_id', 'starts_at']).execute();

    await db.schema
      .createTable('body_agenda_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('body_meetings.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('presenter', 'text')
      .addColumn('is_public', 'boolean', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('body_agenda_items_meeting').on('body_agenda_items').columns(['meeting_id', 'position']).execute();

    await db.schema
      .createTable('body_invitations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('body_meetings.id').onDelete('cascade'))
      .addColumn('membership_id', 'text', (c) => c.notNull().references('body_memberships.id').onDelete('cascade'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('answer', 'text', (c) => c.check(sql`answer is null or answer in ('attending', 'not_attending', 'substitute')`))
      .addColumn('answered_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('body_invitations_member', ['meeting_id', 'membership_id'])
      .execute();
  },
};
