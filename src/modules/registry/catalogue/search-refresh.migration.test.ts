// The search refresh migration on both databases: rows saved before the search document learnt the
// legal forms' abbreviations get today's `search_doc` and `name_doc`, the full-text index follows
// (the catalogue finds `cis`), batches cover every row, and an empty or refreshed table is left as is.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MODULES } from '../../../app.js';
import { polishSortKey } from '../../../core/db/collation.js';
import { newId } from '../../../core/db/ids.js';
import { migrateToLatest } from '../../../core/db/migrate.js';
import { withTestDatabase } from '../../../core/db/testing.js';
import type { Db } from '../../../core/db/database.js';
import { searchDocument } from '../../../core/search/index.js';
import { createTestApp, type TestApp } from '../../../testing/app.js';
import { refreshEntitySearchColumns } from '../migrations/202612210100_registry_search_refresh.js';
import { nameDocument } from './registry.sectors.js';
import { entitySearchDocument } from '../entity/registry.service.js';
import type { LegalForm } from '../entity/registry.tables.js';

const KEY = '202612210100_registry_search_refresh';
const TORUN = '0463011';
/** The legal forms' labels before they carried the abbreviation: what old rows were built from. */
const OLD_LABELS: Partial<Record<LegalForm, string>> = {
  cis: 'centrum integracji społecznej',
  kis: 'klub integracji społecznej',
  zaz: 'zakład aktywności zawodowej',
  wtz: 'warsztat terapii zajęciowej',
  fundacja: 'fundacja',
};

/** Inserts an entity the way an older release stored it: a search document without the abbreviation, no `name_doc`. */
async function insertStale(db: Db, name: string, form: LegalForm, gmina: { teryt: string; name: string } | null): Promise<string> {
  const id = newId();
  const at = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('entities')
    .values({
      id,
      name,
      name_sort: polishSortKey(name),
      legal_form: form,
      sectors: '["Gastronomia"]',
      lifecycle: 'active',
      gmina_teryt: gmina?.teryt ?? null,
      town: gmina?.name ?? null,
      search_doc: searchDocument(name, gmina?.name, gmina?.name, OLD_LABELS[form]),
      is_synthetic: false,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

test('the migration rewrites stale search columns of existing rows and is then a no-op', async () => {
  const database = await withTestDatabase();
  try {
    const before = MODULES.map((m) =>
      m.name === 'registry' ? { ...m, migrations: Object.fromEntries(Object.entries(m.migrations ?? {}).filter(([k]) => k !== KEY)) } : m,
    );
    await migrateToLatest(database.handle, before);
    const db = database.handle.db;
    const cis = await insertStale(db, 'Przystań nad Wisłą', 'cis', null);
    const applied = await migrateToLatest(database.handle, MODULES);
    assert.ok(
      applied.some((name) => name.startsWith(KEY)),
      `applied: ${applied.join(', ')}`,
    );
    const row = await db.selectFrom('entities').selectAll().where('id', '=', cis).executeTakeFirstOrThrow();
    assert.equal(row.search_doc, entitySearchDocument(row, null));
    assert.match(row.search_doc, /(^| )cis( |$)/);
    assert.equal(row.name_doc, nameDocument(row.name, row.short_name));
    assert.notEqual(row.name_doc, '', 'the stale row had no name_doc');
    assert.deepEqual(await migrateToLatest(database.handle, MODULES), [], 'running again is a no-op');
  } finally {
    await database.dispose();
  }
});

describe('after the refresh the catalogue finds old rows by the new words', () => {
  let t: TestApp;
  let torun: { teryt: string; name: string };
  const names = {
    cis: 'Przystań nad Wisłą',
    kis: 'Dom Sąsiedzki Bielawy',
    zaz: 'Pracownia Na Skarpie',
    wtz: 'Pod Dębem',
    fundacja: 'Otwarte Drzwi',
  } as const;
  const ids = new Map<string, string>();

  before(async () => {
    t = await createTestApp();
    const gmina = await t.ctx.db
      .selectFrom('territorial_units')
      .select(['teryt', 'name'])
      .where('teryt', '=', TORUN)
      .executeTakeFirstOrThrow();
    torun = gmina;
  });
  after(async () => t.close());

  const search = async (q: string) => {
    const res = await t.app.inject({ url: `/podmioty?q=${encodeURIComponent(q)}` });
    assert.equal(res.statusCode, 200);
    return res.body;
  };

  test('an empty table is left alone', async () => {
    assert.equal(await refreshEntitySearchColumns(t.ctx.db), 0);
  });

  test('stale rows are rewritten in batches; `cis`, `zaz` find them and the gmina name is kept', async () => {
    for (const [form, name] of Object.entries(names)) ids.set(form, await insertStale(t.ctx.db, name, form as LegalForm, torun));
    assert.doesNotMatch(await search('cis'), new RegExp(names.cis), 'the stale document does not know the abbreviation');

    // batches of 2 over 5 rows: three batches, the last one short
    assert.equal(await refreshEntitySearchColumns(t.ctx.db, 2), 5);

    const found = await search('cis');
    assert.match(found, new RegExp(names.cis));
    assert.doesNotMatch(found, new RegExp(names.kis));
    assert.match(await search('zaz'), new RegExp(names.zaz));
    assert.match(await search('wtz'), new RegExp(names.wtz));
    assert.match(await search('kis'), new RegExp(names.kis));
    assert.match(await search(`cis ${torun.name}`), new RegExp(names.cis), 'the gmina name stays in the document');
    for (const [form, id] of ids) {
      const row = await t.ctx.db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.search_doc, entitySearchDocument(row, torun.name), form);
      assert.equal(row.name_doc, nameDocument(row.name, null), form);
    }
  });

  test('a second run writes nothing', async () => {
    assert.equal(await refreshEntitySearchColumns(t.ctx.db, 2), 0);
    assert.equal(await refreshEntitySearchColumns(t.ctx.db), 0);
  });
});
