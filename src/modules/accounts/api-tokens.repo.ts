// Queries of personal API tokens. No rules here.
import type { Insertable, Selectable } from 'kysely';
import { countAll } from '../../core/db/database.js';
import type { Q } from './accounts.repo.js';
import type { ApiTokensTable } from './api-tokens.tables.js';

export type ApiTokenRow = Selectable<ApiTokensTable>;

export async function insertToken(db: Q, row: Insertable<ApiTokensTable>): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function listTokens(db: Q, userId: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function countActiveTokens(db: Q, userId: string): Promise<number> {
  const row = await db
    .selectFrom('api_tokens')
    .select(countAll().as('n'))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function revokeToken(db: Q, userId: string, id: string, at: string): Promise<number> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** The live token with this hash and its owner, if the owner may still log in. */
export async function findLiveToken(db: Q, hash: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.user_id', 't.last_used_at', 'u.email', 'u.display_name'])
    .where('t.token_hash', '=', hash)
    .where('t.revoked_at', 'is', null)
    .where('u.is_active', '=', true)
    .where('u.anonymised_at', 'is', null)
    .where('u.deletion_requested_at', 'is', null)
    .executeTakeFirst();
}

export async function touchToken(db: Q, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
