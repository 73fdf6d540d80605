// Kysely for the licences module's applications: rules editions, applications with their holder's
// name, their offers, attachments, assessments and conflict declarations; the e-mail of the account
// that filed an application.
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../../core/db/schema.js';
import type { Criterion, LicenceApplicationFilesTable, LicenceApplicationsTable, LicenceRuleEditionsTable } from './applications.tables.js';

type Exec = Kysely<Database> | Transaction<Database>;
export type EditionRow = Selectable<LicenceRuleEditionsTable>;
export type ApplicationRow = Selectable<LicenceApplicationsTable> & { entity_name: string };
export type FileMeta = Omit<Selectable<LicenceApplicationFilesTable>, 'data'>;

export async function listEditions(db: Exec): Promise<EditionRow[]> {
  return db.selectFrom('licence_rule_editions').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function findEdition(db: Exec, id: string): Promise<EditionRow | undefined> {
  return db.selectFrom('licence_rule_editions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertEdition(db: Exec, row: Insertable<LicenceRuleEditionsTable>): Promise<void> {
  await db.insertInto('licence_rule_editions').values(row).execute();
}

function withEntity(db: Exec) {
  return db
    .selectFrom('licence_applications as a')
    .innerJoin('entities as e', 'e.id', 'a.entity_id')
    .selectAll('a')
    .select('e.name as entity_name');
}

const shape = (r: ApplicationRow): ApplicationRow => ({ ...r, is_declared: Boolean(r.is_declared) });

export async function findApplication(db: Exec, id: string): Promise<ApplicationRow | undefined> {
  const row = await withEntity(db).where('a.id', '=', id).executeTakeFirst();
  return row ? shape(row) : undefined;
}

export async function listApplications(
  db: Exec,
  opts: { entityIds?: readonly string[]; statuses?: readonly string[] } = {},
): Promise<ApplicationRow[]> {
  let q = withEntity(db);
  if (opts.entityIds) {
    if (opts.entityIds.length === 0) return [];
    q = q.where('a.entity_id', 'in', opts.entityIds);
  }
  if (opts.statuses) q = q.where('a.status', 'in', opts.statuses as LicenceApplicationsTable['status'][]);
  return (await q.orderBy('a.created_at', 'desc').orderBy('a.id').execute()).map(shape);
}

export async function insertApplication(db: Exec, row: Insertable<LicenceApplicationsTable>): Promise<void> {
  await db.insertInto('licence_applications').values(row).execute();
}

export async function updateApplication(db: Exec, id: string, set: Updateable<LicenceApplicationsTable>): Promise<void> {
  await db.updateTable('licence_applications').set(set).where('id', '=', id).execute();
}

/** Records the decision on an application still under assessment; false when it is no longer (decided meanwhile). */
export async function recordDecision(db: Exec, id: string, set: Updateable<LicenceApplicationsTable>): Promise<boolean> {
  const res = await db
    .updateTable('licence_applications')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'in_assessment')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function applicationOfferIds(db: Exec, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('licence_application_offers')
    .select('offer_id')
    .where('application_id', '=', id)
    .orderBy('offer_id')
    .execute();
  return rows.map((r) => r.offer_id);
}

export async function setApplicationOffers(db: Exec, id: string, offerIds: readonly string[]): Promise<void> {
  await db.deleteFrom('licence_application_offers').where('application_id', '=', id).execute();
  if (offerIds.length) {
    await db
      .insertInto('licence_application_offers')
      .values(offerIds.map((offer_id) => ({ application_id: id, offer_id })))
      .execute();
  }
}

export async function listFiles(db: Exec, applicationId: string): Promise<FileMeta[]> {
  return db
    .selectFrom('licence_application_files')
    .select(['id', 'application_id', 'file_name', 'byte_size', 'sha256', 'created_at'])
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertFile(db: Exec, row: Insertable<LicenceApplicationFilesTable>): Promise<void> {
  await db.insertInto('licence_application_files').values(row).execute();
}

export async function readFile(
  db: Exec,
  applicationId: string,
  fileId: string,
): Promise<Selectable<LicenceApplicationFilesTable> | undefined> {
  return db
    .selectFrom('licence_application_files')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}

export async function listAssessments(db: Exec, applicationId: string) {
  const rows = await db
    .selectFrom('licence_assessments')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('user_id')
    .orderBy('criterion')
    .execute();
  return rows.map((r) => ({ ...r, meets: Boolean(r.meets) }));
}

export async function putAssessment(
  db: Exec,
  row: { application_id: string; user_id: string; criterion: Criterion; meets: boolean; opinion: string; updated_at: string },
): Promise<void> {
  await db
    .insertInto('licence_assessments')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['application_id', 'user_id', 'criterion'])
        .doUpdateSet({ meets: row.meets, opinion: row.opinion, updated_at: row.updated_at }),
    )
    .execute();
}

export async function conflictUserIds(db: Exec, applicationId: string): Promise<string[]> {
  const rows = await db.selectFrom('licence_conflicts').select('user_id').where('application_id', '=', applicationId).execute();
  return rows.map((r) => r.user_id);
}

export async function declareConflict(db: Exec, applicationId: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto('licence_conflicts')
    .values({ application_id: applicationId, user_id: userId, declared_at: at })
    .onConflict((oc) => oc.columns(['application_id', 'user_id']).doNothing())
    .execute();
  await db.deleteFrom('licence_assessments').where('application_id', '=', applicationId).where('user_id', '=', userId).execute();
}

/** Records the application the licences `numbers` were granted on. */
export async function linkLicences(db: Exec, numbers: readonly string[], applicationId: string): Promise<void> {
  await db.updateTable('licences').set({ application_id: applicationId }).where('number', 'in', numbers).execute();
}

/** The e-mail of an active account that was not anonymised (the representative who filed an application). */
export async function activeAccountEmail(db: Exec, userId: string): Promise<{ email: string } | undefined> {
  return db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .where('is_active', '=', true)
    .where('anonymised_at', 'is', null)
    .executeTakeFirst();
}
