// The registry's self-service: claims ("To mój podmiot") with their documents, representatives'
// proposals, and the proposer column of the field-level history. Keyed after the registry's entities.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const selfServiceMigration: ModuleMigration = {
  async up(db, seam) {
    await db.schema
      .createTable('entity_claims')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'rejected')`))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('email_norm', 'text', (c) => c.notNull())
      .addColumn('role_in_entity', 'text', (c) => c.notNull())
      .addColumn('justification', 'text')
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('consent_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decision_reason', 'text')
      .addColumn('granted_user_id', 'text')
      .execute();
    await db.schema.createIndex('entity_claims_status').on('entity_claims').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('entity_claims_entity').on('entity_claims').column('entity_id').execute();
    await db.schema
      .createTable('entity_claim_files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('claim_id', 'text', (c) => c.notNull().unique().references('entity_claims.id').onDelete('cascade'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('data', seam.binaryType, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('entity_proposals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'accepted', 'rejected')`))
      .addColumn('proposer_id', 'text', (c) => c.notNull())
      .addColumn('proposer_name', 'text', (c) => c.notNull())
      .addColumn('proposer_email', 'text', (c) => c.notNull())
      .addColumn('proposer_lang', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decision_reason', 'text')
      .execute();
    await db.schema.createIndex('entity_proposals_status').on('entity_proposals').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('entity_proposals_entity').on('entity_proposals').column('entity_id').execute();
    await db.schema.alterTable('entity_changes').addColumn('proposed_by', 'text').execute();
  },
};
