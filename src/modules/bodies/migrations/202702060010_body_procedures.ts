// Written procedures (tryb obiegowy) between meetings: a draft resolution with a deadline, one ballot
// per member of the body when it opens (a signed link, stored hashed), and at most one vote per member
// and procedure (the primary key refuses a second one, even from two requests at once).
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const bodyProceduresMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('body_procedures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
      .addColumn('term_id', 'text', (c) => c.notNull().references('body_terms.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'open', 'closed')`))
      .addColumn('opened_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('members', 'integer')
      .addColumn('votes_for', 'integer')
      .addColumn('votes_against', 'integer')
      .addColumn('votes_abstained', 'integer')
      .addColumn('result', 'text')
      .addColumn('rule', 'text')
      .addColumn('needed', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('body_procedures_body').on('body_procedures').column('body_id').execute();
    await db.schema.createIndex('body_procedures_due').on('body_procedures').columns(['status', 'deadline']).execute();
    await db.schema
      .createTable('body_procedure_ballots')
      .addColumn('procedure_id', 'text', (c) => c.notNull().references('body_procedures.id').onDelete('cascade'))
      .addColumn('membership_id', 'text', (c) => c.notNull().references('body_memberships.id').onDelete('cascade'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addPrimaryKeyConstraint('body_procedure_ballots_pk', ['procedure_id', 'membership_id'])
      .execute();
    await db.schema
      .createTable('body_procedure_votes')
      .addColumn('procedure_id', 'text', (c) => c.notNull().references('body_procedures.id').onDelete('cascade'))
      .addColumn('membership_id', 'text', (c) => c.notNull().references('body_memberships.id').onDelete('cascade'))
      .addColumn('vote', 'text', (c) => c.notNull().check(sql`vote in ('for', 'against', 'abstained')`))
      .addColumn('voted_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('body_procedure_votes_once', ['procedure_id', 'membership_id'])
      .execute();
  },
};
