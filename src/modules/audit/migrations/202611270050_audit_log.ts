// The append-only audit log. The key is the one the interim version shipped with, so databases that
// already ran it are not migrated twice. There is deliberately no `down`: the log is evidence, and no
// routine command should be able to drop it.
import type { ModuleMigration } from '../../../core/module.js';

export const auditLogMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('ip', 'text')
      .addColumn('request_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text')
      .addColumn('changes', 'text')
      .addColumn('meta', 'text')
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    await db.schema.createIndex('audit_log_actor').on('audit_log').column('actor_id').execute();
    await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject_type', 'subject_id']).execute();
    await db.schema.createIndex('audit_log_action').on('audit_log').column('action').execute();
  },
};
