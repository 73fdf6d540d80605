// Entities' answers to buyers' needs: one row per need and notified entity, created with the notice
// (the hash of the answer link's token), marked when the link is opened and when answered.
import type { ModuleMigration } from '../../../core/module.js';

export const needAnswersMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('need_answers')
      .addColumn('need_id', 'text', (c) => c.notNull().references('needs.id').onDelete('cascade'))
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('viewed_at', 'text')
      .addColumn('answer', 'text')
      .addColumn('reason', 'text')
      .addColumn('answered_at', 'text')
      .addPrimaryKeyConstraint('need_answers_pk', ['need_id', 'entity_id'])
      .execute();
  },
};
