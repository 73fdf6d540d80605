// The registry's door for a module that grants marks (the licences module: "Zakup Prospołeczny"
// licences): it keeps one `entity_marks` row per thing it grants, by an id of its own choosing, so
// the catalogue's "valid mark" facet, the entity badge and the valid-marks figure read marks as
// they always did and the registry never learns what a licence is. A row states the mark's last
// valid day; an expired one leaves the facet by its date alone (mark-validity.ts).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../core/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface GrantedMark {
  /** Stable id chosen by the granting module (it updates and removes the row by it). */
  id: string;
  entityId: string;
  subject: string | null;
  grantedOn: string | null;
  /** The last valid day. */
  expiresOn: string | null;
  isExpiryDerived: boolean;
  sourceUrl: string | null;
}

/** Records (or replaces) a "Zakup Prospołeczny" mark of an entity. */
export async function putGrantedMark(db: Executor, m: GrantedMark): Promise<void> {
  const values = {
    entity_id: m.entityId,
    mark: 'zakup_prospoleczny' as const,
    subject: m.subject,
    granted_on: m.grantedOn,
    expires_on: m.expiresOn,
    is_expiry_derived: m.isExpiryDerived,
    source_url: m.sourceUrl,
  };
  await db
    .insertInto('entity_marks')
    .values({ id: m.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** Removes a mark (a suspended licence: no mark while it lasts). */
export async function removeGrantedMark(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('entity_marks').where('id', '=', id).execute();
}
