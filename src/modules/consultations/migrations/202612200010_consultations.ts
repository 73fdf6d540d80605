// The consultations module's tables: consultations, their copied sections, information clauses,
// comments and responses. Keyed after the programme's migrations because a consultation may name the
// programme version its text came from (kept as a plain id: the text is copied, so the consultation
// stays readable whatever happens to the programme).
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const consultationsMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('consultations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('who_may_comment', 'text', (c) => c.notNull().check(sql`who_may_comment in ('everyone', 'organisations')`))
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('source_version_id', 'text')
      .addColumn('next_version_id', 'text')
      .addColumn('next_text_at', 'text')
      .addColumn('document_ids', 'text', (c) => c.notNull())
      .addColumn('is_published', 'boolean', (c) => c.notNull())
      .addColumn('is_comments_public', 'boolean', (c) => c.notNull())
      .addColumn('is_report_published', 'boolean', (c) => c.notNull())
      .addColumn('report_published_at', 'text')
      .addColumn('personal_data_erased_at', 'text')
      .addColumn('title_sort', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await db.schema.createIndex('consultations_starts').on('consultations').columns(['is_published', 'starts_at']).execute();

    await db.schema
      .createTable('consultation_sections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
      .addColumn('text_kind', 'text', (c) => c.notNull().check(sql`text_kind in ('consulted', 'next')`))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('heading', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_sections_text')
      .on('consultation_sections')
      .columns(['consultation_id', 'text_kind', 'position'])
      .execute();

    await db.schema
      .createTable('consultation_clauses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addUniqueConstraint('consultation_clauses_version', ['consultation_id', 'version'])
      .execute();

    await db.schema
      .createTable('consultation_responses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('accepted', 'partly_accepted', 'not_accepted', 'explanation')`))
      .addColumn('justification', 'text', (c) => c.notNull())
      .addColumn('responded_at', 'text', (c) => c.notNull())
      .addColumn('responded_by', 'text')
      .execute();

    await db.schema
      .createTable('consultation_comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
      .addColumn('section_id', 'text', (c) => c.references('consultation_sections.id'))
      .addColumn('proposed_change', 'text')
      .addColumn('justification', 'text', (c) => c.notNull())
      .addColumn('author_kind', 'text', (c) => c.notNull().check(sql`author_kind in ('person', 'organisation')`))
      .addColumn('first_name', 'text')
      .addColumn('last_name', 'text')
      .addColumn('organisation_name', 'text')
      .addColumn('acting_person', 'text')
      .addColumn('email', 'text')
      .addColumn('email_norm', 'text')
      .addColumn('author_ref', 'text')
      .addColumn('clause_id', 'text', (c) => c.notNull().references('consultation_clauses.id'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('unconfirmed', 'confirmed')`))
      .addColumn('token_hash', 'text', (c) => c.unique())
      .addColumn('token_expires_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('is_hidden', 'boolean', (c) => c.notNull())
      .addColumn('hidden_reason', 'text')
      .addColumn('hidden_at', 'text')
      .addColumn('response_id', 'text', (c) => c.references('consultation_responses.id'))
      .addColumn('erasure_requested_at', 'text')
      .addColumn('is_erased', 'boolean', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_comments_consultation')
      .on('consultation_comments')
      .columns(['consultation_id', 'status', 'confirmed_at'])
      .execute();
    await db.schema.createIndex('consultation_comments_email').on('consultation_comments').columns(['email_norm', 'created_at']).execute();
    await db.schema
      .createIndex('consultation_comments_expiry')
      .on('consultation_comments')
      .columns(['status', 'token_expires_at'])
      .execute();
  },
};
