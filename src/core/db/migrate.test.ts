// Databases in the field recorded every migration as `<key>__<module>`. Moving code between modules
// must not change those records: a migration that moved declares the module it was recorded under,
// and the migrator then sees it as applied; without that, the move would be refused. Runs on SQLite
// and PostgreSQL like every database test.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { MODULES } from '../../app.js';
import type { AppModule, ModuleMigration } from '../module.js';
import { migrateToLatest, migrationStatus } from './migrate.js';
import { withTestDatabase, type TestDatabase } from './testing.js';

let database: TestDatabase;
beforeEach(async () => {
  database = await withTestDatabase();
});
afterEach(async () => database.dispose());

const createMoved: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('moved_things')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
  },
};

test('a migration that moved to another module keeps the record databases already have', async () => {
  const before: AppModule[] = [{ name: 'old_home', migrations: { '202001010000_moved_things': createMoved } }];
  assert.deepEqual(await migrateToLatest(database.handle, before), ['202001010000_moved_things__old_home']);

  const after: AppModule[] = [
    { name: 'old_home' },
    { name: 'new_home', migrations: { '202001010000_moved_things': { ...createMoved, recordedUnder: 'old_home' } } },
  ];
  assert.deepEqual(await migrateToLatest(database.handle, after), [], 'nothing runs again');
  const status = await migrationStatus(database.handle, after);
  assert.deepEqual(
    status.map((s) => [s.name, s.executedAt !== null]),
    [['202001010000_moved_things__old_home', true]],
  );

  // the same move without the old module's name is a migration the database never heard of, and
  // the one it did run is missing: the migrator refuses rather than creating the table twice
  const forgotten: AppModule[] = [{ name: 'old_home' }, { name: 'new_home', migrations: { '202001010000_moved_things': createMoved } }];
  await assert.rejects(migrateToLatest(database.handle, forgotten));
});

test('the same recorded name listed twice is refused before anything runs', async () => {
  const twice: AppModule[] = [
    { name: 'a', migrations: { '202001010000_moved_things': createMoved } },
    { name: 'b', migrations: { '202001010000_moved_things': { ...createMoved, recordedUnder: 'a' } } },
  ];
  await assert.rejects(migrateToLatest(database.handle, twice), /listed twice/);
});

test('every name the platform recorded so far is still provided, under the module it was recorded with', async () => {
  const names = new Set((await migrationStatus(database.handle, MODULES)).map((s) => s.name));
  const recorded = [
    '202611270000_sessions_settings__core',
    '202611270010_public_holiday_rules__site',
    '202611270020_users_roles__accounts',
    '202611270030_territorial_units__territory',
    '202611270050_audit_log__audit',
    '202611270051_mail_outbox__mail',
    '202611281000_mail_outbox_created__mail',
    '202611281100_territory_subregions_statistics__territory',
    '202612010010_portal_content__portal',
    '202612020010_registry_entities__registry',
    '202612020500_registry_self_service__registry',
    '202612050000_scheduled_jobs__core',
    '202612050010_registry_catalogue__registry',
    '202612060010_registry_quality__registry',
    '202612070010_registry_record__registry',
    '202612100010_programme__programme',
    // moved to the indicators module with its code; recorded under the programme module
    '202612100030_indicator_negative__programme',
    '202612100100_programme_event_precision__programme',
    '202612100210_api_tokens__accounts',
    '202612200010_consultations__consultations',
    '202612210100_registry_search_refresh__registry',
    '202612210110_registry_claim_document_retention__registry',
    '202701050010_login_failure_notice__accounts',
    '202701050020_mail_lease_attempts__mail',
    '202701050030_consultation_comment_submission_key__consultations',
  ];
  assert.deepEqual(
    recorded.filter((n) => !names.has(n)),
    [],
  );
});
