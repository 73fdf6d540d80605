// Which registry records carry given NIPs: other modules (the offers' purchase share) recognise a
// supplier as a social economy entity by its NIP. Merged records are left out (their NIP lives on
// in the record they were merged into); closed ones still count for the years they traded.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../core/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Entity id by NIP (10 digits) for the NIPs of `nips` that a record carries; the oldest record wins a tie. */
export async function entityIdsByNip(db: Executor, nips: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(nips)];
  const out = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('entities')
      .select(['id', 'nip'])
      .where('nip', 'in', wanted.slice(i, i + 500))
      .where('merged_into', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const r of rows) if (r.nip !== null && !out.has(r.nip)) out.set(r.nip, r.id);
  }
  return out;
}
