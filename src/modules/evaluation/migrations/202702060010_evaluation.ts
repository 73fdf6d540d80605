// The evaluation module's tables (see evaluation.tables.ts). Keyed after the programme's and the
// portal's migrations: a study names a programme, a version and library documents (kept as plain
// ids, so deleting a document never deletes a study's record).
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const evaluationMigration: ModuleMigration = {
  async up(db, seam) {
    await db.schema
      .createTable('evaluation_studies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('study_type', 'text', (c) => c.notNull().check(sql`study_type in ('ex_ante', 'mid_term', 'ex_post', 'thematic')`))
      .addColumn('programme_id', 'text', (c) => c.references('programmes.id').onDelete('set null'))
      .addColumn('version_id', 'text')
      .addColumn('commissioning_unit', 'text')
      .addColumn('contractor', 'text')
      .addColumn('study_year', 'integer')
      .addColumn('commissioned_on', 'text')
      .addColumn('delivered_on', 'text')
      .addColumn('accepted_on', 'text')
      .addColumn('method_summary', 'text')
      .addColumn('criteria', 'text', (c) => c.notNull())
      .addColumn('report_document_id', 'text')
      .addColumn('summary_document_id', 'text')
      .addColumn('source_note', 'text')
      .addColumn('is_published', 'boolean', (c) => c.notNull())
      .addColumn('is_example', 'boolean', (c) => c.notNull())
      .addColumn('title_sort', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await seam.byteOrderColumn(db, 'evaluation_studies', 'title_sort');

    await db.schema
      .createTable('evaluation_recommendations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('study_id', 'text', (c) => c.notNull().references('evaluation_studies.id').onDelete('cascade'))
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('finding', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('addressee', 'text', (c) => c.notNull())
      .addColumn('proposed_way', 'text')
      .addColumn('deadline', 'text')
      .addColumn('response_due_on', 'text')
      .addColumn('response_kind', 'text', (c) => c.check(sql`response_kind in ('accepted', 'partly_accepted', 'not_accepted')`))
      .addColumn('response_text', 'text')
      .addColumn('response_reason', 'text')
      .addColumn('responded_on', 'text')
      .addColumn('closure', 'text', (c) => c.check(sql`closure in ('closed', 'abandoned')`))
      .addColumn('closure_note', 'text')
      .addColumn('closure_evidence', 'text')
      .addColumn('closed_on', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('is_example', 'boolean', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('evaluation_recommendations_number', ['study_id', 'number'])
      .execute();

    await db.schema
      .createTable('evaluation_recommendation_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('recommendation_id', 'text', (c) => c.notNull().references('evaluation_recommendations.id').onDelete('cascade'))
      .addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind in ('element', 'indicator')`))
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addUniqueConstraint('evaluation_links_unique', ['recommendation_id', 'target_kind', 'target_id'])
      .execute();
    await db.schema
      .createIndex('evaluation_links_target')
      .on('evaluation_recommendation_links')
      .columns(['target_kind', 'target_id'])
      .execute();

    await db.schema
      .createTable('evaluation_actions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('recommendation_id', 'text', (c) => c.notNull().references('evaluation_recommendations.id').onDelete('cascade'))
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('owner_unit', 'text', (c) => c.notNull())
      .addColumn('owner_person', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned', 'in_progress', 'done', 'cancelled')`))
      .addColumn('completed_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('evaluation_actions_recommendation').on('evaluation_actions').column('recommendation_id').execute();

    const ratings = sql`in ('complete', 'high', 'substantial', 'moderate', 'negligible', 'not_rated')`;
    await db.schema
      .createTable('evaluation_ratings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('recommendation_id', 'text', (c) => c.notNull().references('evaluation_recommendations.id').onDelete('cascade'))
      .addColumn('proposed_rating', 'text', (c) => c.notNull().check(sql`proposed_rating ${ratings}`))
      .addColumn('evidence_text', 'text')
      .addColumn('evidence_link', 'text')
      .addColumn('evidence_document_id', 'text')
      .addColumn('proposed_by', 'text')
      .addColumn('proposed_at', 'text', (c) => c.notNull())
      .addColumn('validated_rating', 'text', (c) => c.check(sql`validated_rating ${ratings}`))
      .addColumn('validation_note', 'text')
      .addColumn('validated_by', 'text')
      .addColumn('validated_at', 'text')
      .execute();
    await db.schema
      .createIndex('evaluation_ratings_recommendation')
      .on('evaluation_ratings')
      .columns(['recommendation_id', 'proposed_at'])
      .execute();

    await db.schema
      .createTable('evaluation_digests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('items', 'integer', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('evaluation_digests_once', ['user_id', 'day'])
      .execute();
  },
};
