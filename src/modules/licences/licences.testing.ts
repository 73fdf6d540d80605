// The licences module's test surface (the permission matrix, the browser suite): a licence written
// straight to the table, as the service would record it (again: nothing changes).
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext } from '../../core/module.js';
import { derivedExpiry } from '../registry/index.js';

export async function makeLicence(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  entityId: string,
  opts: { id: string; number: string; product?: string | null; grantedOn?: string; example?: boolean },
): Promise<void> {
  const at = nowIso(ctx.clock);
  const grantedOn = opts.grantedOn ?? at.slice(0, 10);
  await ctx.db
    .insertInto('licences')
    .values({
      id: opts.id,
      number: opts.number,
      entity_id: entityId,
      offer_id: null,
      product: opts.product === undefined ? 'Obiady dla szkół' : opts.product,
      granted_on: grantedOn,
      expires_on: derivedExpiry(grantedOn),
      is_expiry_derived: true,
      source_url: null,
      source_mark_id: null,
      renews_id: null,
      withdrawn_on: null,
      withdrawal_reason: null,
      suspended_on: null,
      suspension_reason: null,
      is_example: opts.example ?? false,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
