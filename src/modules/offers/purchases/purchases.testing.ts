// The purchase share's test surface (the browser suite): a buyer institution with one year's file
// of six rows written straight to the tables, as an upload would leave them. Created once per id.
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import type { ModuleContext } from '../../../core/module.js';

export const E2E_BUYER = 'e2e-buyer';

export async function makeBuyerWithFile(ctx: Pick<ModuleContext, 'db' | 'clock'>, id = E2E_BUYER, powiat = '0463'): Promise<string> {
  const at = nowIso(ctx.clock);
  if (await ctx.db.selectFrom('purchase_buyers').select('id').where('id', '=', id).executeTakeFirst()) return id;
  await ctx.db
    .insertInto('purchase_buyers')
    .values({ id, name: 'Gmina Przykładowo', powiat, nip: null, created_at: at, updated_at: at })
    .execute();
  const fileId = newId();
  await ctx.db
    .insertInto('purchase_files')
    .values({ id: fileId, buyer_id: id, year: 2026, file_name: 'wydatki-2026.csv', row_count: 6, uploaded_by: 'e2e', uploaded_at: at })
    .execute();
  await ctx.db
    .insertInto('purchase_rows')
    .values(
      [1, 2, 3, 4, 5, 6].map((i) => ({
        id: newId(),
        file_id: fileId,
        line: i + 1,
        nip: null,
        supplier: `Dostawca ${i}`,
        amount_gr: i * 10_000,
        category: i % 2 ? 'Catering' : 'Druk',
      })),
    )
    .execute();
  return id;
}
