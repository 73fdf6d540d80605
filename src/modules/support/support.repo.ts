// Kysely queries of the support module (no rules): centres and their parts, accreditations, the
// reminders' ledger and the requests of the "Chcę założyć podmiot" form.
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import { asInteger } from '../../core/db/database.js';
import type {
  SupportAccreditationsTable,
  SupportCentreAreasTable,
  SupportCentreContactsTable,
  SupportCentreOfficesTable,
  SupportCentrePartnersTable,
  SupportCentresTable,
  SupportLeadsTable,
} from './support.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type CentreRow = Selectable<SupportCentresTable>;
export type PartnerRow = Selectable<SupportCentrePartnersTable>;
export type AreaRow = Selectable<SupportCentreAreasTable>;
export type OfficeRow = Selectable<SupportCentreOfficesTable>;
export type ContactRow = Selectable<SupportCentreContactsTable>;
export type AccreditationRow = Selectable<SupportAccreditationsTable>;

export async function listCentres(db: Executor): Promise<CentreRow[]> {
  return db.selectFrom('support_centres').selectAll().orderBy('name_sort').orderBy('id').execute();
}

export async function findCentre(db: Executor, id: string): Promise<CentreRow | undefined> {
  return db.selectFrom('support_centres').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCentreByName(db: Executor, name: string): Promise<CentreRow | undefined> {
  return db.selectFrom('support_centres').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertCentre(db: Executor, row: Insertable<SupportCentresTable>): Promise<void> {
  await db.insertInto('support_centres').values(row).execute();
}

export async function updateCentre(db: Executor, id: string, row: Updateable<SupportCentresTable>): Promise<void> {
  await db.updateTable('support_centres').set(row).where('id', '=', id).execute();
}

/** A part of the centre changed (office, partner, area, contact, service, accreditation): the centre's "last changed" moves. */
export async function touchCentre(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('support_centres').set({ updated_at: at }).where('id', '=', id).execute();
}

/** When any centre (or a part of one) last changed; null while there are none. */
export async function lastCentreChange(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('support_centres')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .executeTakeFirst();
  return row?.at ?? null;
}

export async function deleteCentre(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('support_centres').where('id', '=', id).execute();
}

export async function listAreas(db: Executor, centreId?: string): Promise<AreaRow[]> {
  let q = db.selectFrom('support_centre_areas').selectAll();
  if (centreId) q = q.where('centre_id', '=', centreId);
  return q.orderBy('valid_from').orderBy('subregion_code').orderBy('id').execute();
}

export async function listPartners(db: Executor, centreId?: string): Promise<PartnerRow[]> {
  let q = db.selectFrom('support_centre_partners').selectAll();
  if (centreId) q = q.where('centre_id', '=', centreId);
  return q.orderBy('position').orderBy('id').execute();
}

export async function listOffices(db: Executor, centreId?: string): Promise<OfficeRow[]> {
  let q = db.selectFrom('support_centre_offices').selectAll();
  if (centreId) q = q.where('centre_id', '=', centreId);
  return q.orderBy('position').orderBy('id').execute();
}

export async function listContacts(db: Executor, centreId?: string): Promise<ContactRow[]> {
  let q = db.selectFrom('support_centre_contacts').selectAll();
  if (centreId) q = q.where('centre_id', '=', centreId);
  return q.orderBy('position').orderBy('id').execute();
}

export async function listServices(db: Executor, centreId?: string): Promise<{ centre_id: string; service: string }[]> {
  let q = db.selectFrom('support_centre_services').select(['centre_id', 'service']);
  if (centreId) q = q.where('centre_id', '=', centreId);
  return q.orderBy('service').execute();
}

export async function listAccreditations(db: Executor, centreId?: string): Promise<AccreditationRow[]> {
  let q = db.selectFrom('support_accreditations').selectAll();
  if (centreId) q = q.where('centre_id', '=', centreId);
  return q.orderBy('valid_from').orderBy('id').execute();
}

type Part =
  'support_centre_partners' | 'support_centre_areas' | 'support_centre_offices' | 'support_centre_contacts' | 'support_accreditations';

export async function insertPart<T extends Part>(db: Executor, table: T, row: Insertable<Database[T]>): Promise<void> {
  // the generic table name defeats Kysely's inference of the row type; the caller's type is checked above
  await db
    .insertInto(table as 'support_centre_partners')
    .values(row as Insertable<SupportCentrePartnersTable>)
    .execute();
}

export async function deletePart(db: Executor, table: Part, centreId: string, id: string): Promise<number> {
  const res = await db
    .deleteFrom(table as 'support_centre_partners')
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function findPart<T extends Part>(
  db: Executor,
  table: T,
  centreId: string,
  id: string,
): Promise<Selectable<Database[T]> | undefined> {
  const row = await db
    .selectFrom(table as 'support_centre_partners')
    .selectAll()
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row as Selectable<Database[T]> | undefined;
}

export async function nextPosition(
  db: Executor,
  table: 'support_centre_partners' | 'support_centre_offices' | 'support_centre_contacts',
  centreId: string,
): Promise<number> {
  const row = await db
    .selectFrom(table as 'support_centre_partners')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('centre_id', '=', centreId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function replaceServices(db: Executor, centreId: string, services: readonly string[]): Promise<void> {
  await db.deleteFrom('support_centre_services').where('centre_id', '=', centreId).execute();
  if (services.length > 0)
    await db
      .insertInto('support_centre_services')
      .values(services.map((service) => ({ centre_id: centreId, service })))
      .execute();
}

// --- reminders -------------------------------------------------------------------------------------

export async function remindersSent(db: Executor): Promise<{ accreditation_id: string; days_before: number }[]> {
  return db.selectFrom('support_accreditation_reminders').select(['accreditation_id', 'days_before']).execute();
}

/** Records a reminder; false when it was already recorded (another process sent it). */
export async function recordReminder(db: Executor, accreditationId: string, daysBefore: number, at: string): Promise<boolean> {
  const res = await db
    .insertInto('support_accreditation_reminders')
    .values({ accreditation_id: accreditationId, days_before: daysBefore, sent_at: at })
    .onConflict((oc) => oc.columns(['accreditation_id', 'days_before']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

// --- leads -----------------------------------------------------------------------------------------

export async function insertLead(db: Executor, row: Insertable<SupportLeadsTable>): Promise<void> {
  await db.insertInto('support_leads').values(row).execute();
}

export async function countLeads(
  db: Executor,
  centreId: string | null,
): Promise<{ subregion_code: string; month: string; count: number }[]> {
  let q = db
    .selectFrom('support_leads')
    .select((eb) => ['subregion_code', 'month', asInteger(eb.fn.countAll()).as('n')])
    .groupBy(['subregion_code', 'month']);
  if (centreId) q = q.where('centre_id', '=', centreId);
  const rows = await q.orderBy('month', 'desc').orderBy('subregion_code').execute();
  return rows.map((r) => ({ subregion_code: r.subregion_code, month: r.month, count: Number(r.n) }));
}

export async function leadsToErase(db: Executor, before: string): Promise<string[]> {
  const rows = await db.selectFrom('support_leads').select('id').where('erased_at', 'is', null).where('created_at', '<', before).execute();
  return rows.map((r) => r.id);
}

export async function eraseLead(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('support_leads').set({ name: null, email: null, message: null, erased_at: at }).where('id', '=', id).execute();
}

/** The names of those of `ids` that exist (the names of scoped roles' scopes, on account pages). */
export async function centreNamesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('support_centres')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
