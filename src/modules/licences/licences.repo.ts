// Kysely for the licences module: licences with their holder's name (one statement for the public
// list, the API and the reminders; licences are few, so states are computed in JS with one rule),
// one licence by number or id, writes, and the reminders' once-only rows.
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { countAll } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';
import type { LicencesTable, ReminderKind } from './licences.tables.js';

export type Exec = Kysely<Database> | Transaction<Database>;
export type LicenceRow = Selectable<LicencesTable>;
export type LicenceWithEntity = LicenceRow & { entity_name: string; entity_synthetic: boolean; entity_merged: boolean };

function withEntity(db: Exec) {
  return db
    .selectFrom('licences as l')
    .innerJoin('entities as e', 'e.id', 'l.entity_id')
    .selectAll('l')
    .select(['e.name as entity_name', 'e.is_synthetic as entity_synthetic', 'e.merged_into as entity_merged_into']);
}

type Joined = LicenceRow & { entity_name: string; entity_synthetic: boolean; entity_merged_into: string | null };
const shape = ({ entity_merged_into, ...r }: Joined): LicenceWithEntity => ({
  ...r,
  is_expiry_derived: Boolean(r.is_expiry_derived),
  is_example: Boolean(r.is_example),
  entity_synthetic: Boolean(r.entity_synthetic),
  entity_merged: entity_merged_into !== null,
});

export async function allLicences(db: Exec): Promise<LicenceWithEntity[]> {
  const rows = await withEntity(db).orderBy('l.granted_on', 'desc').orderBy('l.number').execute();
  return rows.map(shape);
}

export async function licenceByNumber(db: Exec, number: string): Promise<LicenceWithEntity | undefined> {
  const row = await withEntity(db).where('l.number', '=', number).executeTakeFirst();
  return row ? shape(row) : undefined;
}

export async function licenceById(db: Exec, id: string): Promise<LicenceWithEntity | undefined> {
  const row = await withEntity(db).where('l.id', '=', id).executeTakeFirst();
  return row ? shape(row) : undefined;
}

export async function renewalOf(db: Exec, id: string): Promise<LicenceRow | undefined> {
  return db.selectFrom('licences').selectAll().where('renews_id', '=', id).executeTakeFirst();
}

/** The licences of an offer (its product's licences granted through applications or linked by staff). */
export async function licencesOfOffer(db: Exec, offerId: string): Promise<LicenceRow[]> {
  return db.selectFrom('licences').selectAll().where('offer_id', '=', offerId).execute();
}

export async function insertLicence(db: Exec, row: Insertable<LicencesTable>): Promise<void> {
  await db.insertInto('licences').values(row).execute();
}

export async function updateLicence(db: Exec, id: string, set: Updateable<LicencesTable>): Promise<void> {
  await db.updateTable('licences').set(set).where('id', '=', id).execute();
}

/** Claims the reminder `kind` of a licence; false when it was already claimed (sent or being sent). */
export async function claimReminder(db: Exec, licenceId: string, kind: ReminderKind, at: string): Promise<boolean> {
  const res = await db
    .insertInto('licence_reminders')
    .values({ licence_id: licenceId, kind, sent_at: at })
    .onConflict((oc) => oc.columns(['licence_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The last change of any licence (the public page's date in the sitemap); null when there is none. */
export async function lastChanged(db: Exec): Promise<string | null> {
  const row = await db
    .selectFrom('licences')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .executeTakeFirst();
  return row?.at ?? null;
}

/** The meeting day of the decision on an application (the licence agreement states it). */
export async function applicationMeetingOn(db: Exec, applicationId: string): Promise<string | null> {
  const row = await db.selectFrom('licence_applications').select('meeting_on').where('id', '=', applicationId).executeTakeFirst();
  return row?.meeting_on ?? null;
}

/**
 * Licences granted from `from` to `to` (both `YYYY-MM-DD`, renewals included) by the seat gmina of
 * their holder, with how many are example data.
 */
export async function grantedByGmina(
  db: Exec,
  from: string,
  to: string,
): Promise<{ gmina: string | null; n: number; synthetic: number }[]> {
  const rows = await db
    .selectFrom('licences as l')
    .innerJoin('entities as e', 'e.id', 'l.entity_id')
    .select(['e.gmina_teryt as gmina', 'l.is_example', 'e.is_synthetic'])
    .where('l.granted_on', '>=', from)
    .where('l.granted_on', '<=', to)
    .execute();
  const out = new Map<string | null, { gmina: string | null; n: number; synthetic: number }>();
  for (const r of rows) {
    const c = out.get(r.gmina) ?? { gmina: r.gmina, n: 0, synthetic: 0 };
    c.n += 1;
    if (Boolean(r.is_example) || Boolean(r.is_synthetic)) c.synthetic += 1;
    out.set(r.gmina, c);
  }
  return [...out.values()];
}

/** The first day the platform recorded a licence grant itself (not migrated from a mark); null before any. */
export async function firstRecordedGrant(db: Exec): Promise<string | null> {
  const row = await db
    .selectFrom('licences')
    .select((eb) => eb.fn.min('created_at').as('at'))
    .where('source_mark_id', 'is', null)
    .executeTakeFirst();
  return row?.at ? row.at.slice(0, 10) : null;
}

/**
 * What waits for staff (the administration's "Czeka na Ciebie"): licences in force that expire within
 * `days` of `today` with no renewal filed, and applications waiting for the formal check.
 */
export async function countWaiting(db: Exec, today: string, until: string): Promise<{ expiring: number; applications: number }> {
  const [expiring, applications] = await Promise.all([
    db
      .selectFrom('licences as l')
      .select(countAll().as('n'))
      .where('l.withdrawn_on', 'is', null)
      .where('l.suspended_on', 'is', null)
      .where('l.expires_on', '>=', today)
      .where('l.expires_on', '<=', until)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('licences as r').select('r.id').whereRef('r.renews_id', '=', 'l.id'))))
      .executeTakeFirstOrThrow(),
    db.selectFrom('licence_applications').select(countAll().as('n')).where('status', '=', 'submitted').executeTakeFirstOrThrow(),
  ]);
  return { expiring: expiring.n, applications: applications.n };
}
