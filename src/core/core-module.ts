// The core's own migrations and settings access, registered like a module so that the migration
// order and the CLI treat it the same way as every domain.
import type { AppModule } from './module.js';
import './db/core-tables.js';

export const coreModule: AppModule = {
  name: 'core',
  migrations: {
    '202611270000_sessions_settings': {
      async up(db) {
        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text')
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
        await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();
        await db.schema
          .createTable('settings')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '202612050000_scheduled_jobs': {
      async up(db) {
        await db.schema
          .createTable('scheduled_jobs')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('last_started_at', 'text')
          .addColumn('last_finished_at', 'text')
          .addColumn('last_result', 'text')
          .addColumn('locked_until', 'text')
          .execute();
      },
    },
  },
};
