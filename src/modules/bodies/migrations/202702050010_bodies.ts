// The bodies module's tables: bodies, their terms, seats per category, memberships and the record of
// the term-end reminders already sent. Keyed after territory's migrations: a subcommittee names the
// OWES subregion it watches.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const bodiesMigration: ModuleMigration = {
  async up(db, seam) {
    await db.schema
      .createTable('bodies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_sort', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) =>
        c.notNull().check(sql`type in ('expert_team', 'working_group', 'committee', 'subcommittee', 'certifying_board', 'other')`),
      )
      .addColumn('legal_basis', 'text')
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('is_composition_public', 'boolean', (c) => c.notNull())
      .addColumn('is_minutes_public', 'boolean', (c) => c.notNull())
      .addColumn('has_rules', 'boolean', (c) => c.notNull())
      .addColumn('quorum_kind', 'text', (c) => c.notNull().check(sql`quorum_kind in ('fraction', 'count')`))
      .addColumn('quorum_numerator', 'integer')
      .addColumn('quorum_denominator', 'integer')
      .addColumn('quorum_count', 'integer')
      .addColumn('majority', 'text', (c) => c.notNull().check(sql`majority in ('simple', 'absolute')`))
      .addColumn('is_substitutes_allowed', 'boolean', (c) => c.notNull())
      .addColumn('is_substitutes_quorum', 'boolean', (c) => c.notNull())
      .addColumn('is_votes_named', 'boolean', (c) => c.notNull())
      .addColumn('subregion_id', 'text', (c) => c.references('subregions.id').onDelete('set null'))
      .addColumn('sources', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await seam.byteOrderColumn(db, 'bodies', 'name_sort');

    await db.schema
      .createTable('body_terms')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('starts_on', 'text')
      .addColumn('ends_on', 'text')
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('body_terms_number', ['body_id', 'number'])
      .execute();

    await db.schema
      .createTable('body_seats')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('term_id', 'text', (c) => c.notNull().references('body_terms.id').onDelete('cascade'))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('label', 'text')
      .addColumn('seat_count', 'integer')
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('body_seats_term').on('body_seats').columns(['term_id', 'position']).execute();

    await db.schema
      .createTable('body_memberships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('term_id', 'text', (c) => c.notNull().references('body_terms.id').onDelete('cascade'))
      .addColumn('seat_id', 'text', (c) => c.notNull().references('body_seats.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('person_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('chair', 'vice_chair', 'secretary', 'member', 'substitute')`))
      .addColumn('nominating_institution', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text')
      .addColumn('ends_on', 'text')
      .addColumn('end_ground', 'text', (c) =>
        c.check(sql`end_ground is null or end_ground in ('term_end', 'resignation', 'recall', 'conviction', 'absences', 'other')`),
      )
      .addColumn('appointing_act', 'text', (c) => c.notNull())
      .addColumn('dismissing_act', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('is_example', 'boolean', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('body_memberships_term').on('body_memberships').columns(['term_id', 'seat_id']).execute();
    await db.schema.createIndex('body_memberships_user').on('body_memberships').column('user_id').execute();

    await db.schema
      .createTable('body_term_reminders')
      .addColumn('term_id', 'text', (c) => c.notNull().references('body_terms.id').onDelete('cascade'))
      .addColumn('days_before', 'integer', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('body_term_reminders_pk', ['term_id', 'days_before'])
      .execute();
  },
};
