// The write observer tells caches about writes whoever makes them: inserts, updates and deletes
// of a watched table (also inside a transaction) call the listener; reads and other tables do not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { withTestDatabase } from './testing.js';

test('onWrite: listeners hear writes to their tables only', async () => {
  const tdb = await withTestDatabase();
  try {
    const db = tdb.handle.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
    await sql`create table watched (id text primary key, v text)`.execute(db);
    await sql`create table other (id text primary key)`.execute(db);
    const heard: string[] = [];
    const off = tdb.handle.onWrite(['watched'], () => heard.push('w'));
    await db.insertInto('watched').values({ id: 'a', v: '1' }).execute();
    await db.updateTable('watched').set({ v: '2' }).where('id', '=', 'a').execute();
    await db.selectFrom('watched').selectAll().execute();
    await db.insertInto('other').values({ id: 'x' }).execute();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('watched').values({ id: 'b', v: '3' }).execute();
    });
    await db.deleteFrom('watched').where('id', '=', 'b').execute();
    assert.deepEqual(heard, ['w', 'w', 'w', 'w'], 'insert, update, insert in a transaction, delete');
    off();
    await db.insertInto('watched').values({ id: 'c', v: '4' }).execute();
    assert.equal(heard.length, 4, 'unsubscribed');
  } finally {
    await tdb.dispose();
  }
});
