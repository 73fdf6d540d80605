// Kysely queries of the registry module: entities with their filters and facet counts, places,
// PS status history, marks and the field-level change history. No rules here.
import { sql, type ExpressionBuilder, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type Transaction, type Updateable } from 'kysely';
import { countAll } from '../../core/db/database.js';
import type { DialectSeam } from '../../core/db/dialect/index.js';
import type { Database } from '../../core/db/schema.js';
import type { EntitiesTable, EntityChangesTable, EntityMarksTable, EntityPsStatusTable } from './registry.tables.js';

type Executor = Kysely<Database> | Transaction<Database>;
export type EntityRow = Selectable<EntitiesTable>;
export const FTS = { table: 'entities', column: 'search_doc' } as const;

export interface EntityFilter {
  terms: string[];
  legalForm: string[];
  powiat: string[];
  gmina: string[];
  /** Only entities holding the PS status now. */
  statusPs: boolean;
  /** Only entities with a "Zakup Prospołeczny" mark not expired on `today`. */
  mark: boolean;
  includeClosed: boolean;
  today: string;
}

export type FacetName = 'legalForm' | 'powiat' | 'gmina' | 'statusPs' | 'mark';

const powiatExpr = sql<string>`substr(entities.gmina_teryt, 1, 4)`;

function hasPsStatus(eb: ExpressionBuilder<Database, 'entities'>) {
  return eb.exists(
    eb
      .selectFrom('entity_ps_status as g')
      .select(sql`1`.as('one'))
      .whereRef('g.entity_id', '=', 'entities.id')
      .where('g.kind', '=', 'granted')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('entity_ps_status as l').select(sql`1`.as('one')).whereRef('l.entity_id', '=', 'g.entity_id').where('l.kind', '=', 'lost').whereRef('l.decision_date', '>=', 'g.decision_date'))),
      ),
  );
}

function hasValidMark(eb: ExpressionBuilder<Database, 'entities'>, today: string) {
  return eb.exists(
    eb
      .selectFrom('entity_marks as m')
      .select(sql`1`.as('one'))
      .whereRef('m.entity_id', '=', 'entities.id')
      .where('m.mark', '=', 'zakup_prospoleczny')
      .where((w) => w.or([w('m.expires_on', 'is', null), w('m.expires_on', '>=', today)])),
  );
}

/** Entities matching the filter, leaving out the facet being counted. */
function filtered(db: Executor, seam: DialectSeam, f: EntityFilter, skip?: FacetName): SelectQueryBuilder<Database, 'entities', object> {
  let q = db.selectFrom('entities');
  if (f.terms.length) q = q.where(seam.ftsMatch(FTS, f.terms));
  if (!f.includeClosed) q = q.where('entities.lifecycle', '!=', 'closed');
  if (skip !== 'legalForm' && f.legalForm.length) q = q.where('entities.legal_form', 'in', f.legalForm as EntitiesTable['legal_form'][]);
  if (skip !== 'gmina' && f.gmina.length) q = q.where('entities.gmina_teryt', 'in', f.gmina);
  if (skip !== 'powiat' && f.powiat.length) q = q.where(powiatExpr, 'in', f.powiat);
  if (skip !== 'statusPs' && f.statusPs) q = q.where((eb) => hasPsStatus(eb));
  if (skip !== 'mark' && f.mark) q = q.where((eb) => hasValidMark(eb, f.today));
  return q;
}

export async function searchEntities(db: Executor, seam: DialectSeam, f: EntityFilter, sort: 'name' | 'newest', limit: number, offset: number): Promise<{ rows: EntityRow[]; total: number }> {
  const base = filtered(db, seam, f);
  let rows = base.selectAll('entities');
  rows = sort === 'newest' ? rows.orderBy('entities.created_at', 'desc').orderBy('entities.id', 'desc') : rows.orderBy('entities.name_sort').orderBy('entities.id');
  const [list, total] = await Promise.all([rows.limit(limit).offset(offset).execute(), base.select(countAll().as('n')).executeTakeFirstOrThrow()]);
  return { rows: list, total: total.n };
}

export interface FacetCounts {
  legalForm: Map<string, number>;
  powiat: Map<string, number>;
  gmina: Map<string, number>;
  statusPs: number;
  mark: number;
}

export async function facetCounts(db: Executor, seam: DialectSeam, f: EntityFilter): Promise<FacetCounts> {
  const grouped = async (skip: FacetName, expr: ReturnType<typeof sql<string>> | 'entities.legal_form' | 'entities.gmina_teryt') => {
    const rows = await filtered(db, seam, f, skip)
      .select([sql<string>`${typeof expr === 'string' ? sql.ref(expr) : expr}`.as('k'), countAll().as('n')])
      .groupBy(typeof expr === 'string' ? sql.ref(expr) : expr)
      .execute();
    return new Map(rows.filter((r) => r.k != null).map((r) => [r.k, r.n]));
  };
  const [legalForm, powiat, gmina, ps, mark] = await Promise.all([
    grouped('legalForm', 'entities.legal_form'),
    grouped('powiat', powiatExpr),
    grouped('gmina', 'entities.gmina_teryt'),
    filtered(db, seam, f, 'statusPs').where((eb) => hasPsStatus(eb)).select(countAll().as('n')).executeTakeFirstOrThrow(),
    filtered(db, seam, f, 'mark').where((eb) => hasValidMark(eb, f.today)).select(countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { legalForm, powiat, gmina, statusPs: ps.n, mark: mark.n };
}

export async function findEntity(db: Executor, id: string): Promise<EntityRow | undefined> {
  return db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByIdentifier(db: Executor, field: 'nip' | 'regon' | 'krs', value: string, exceptId: string | null): Promise<EntityRow | undefined> {
  let q = db.selectFrom('entities').selectAll().where(field, '=', value);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

export async function findByNameAndGmina(db: Executor, name: string, gmina: string | null): Promise<EntityRow | undefined> {
  return db
    .selectFrom('entities')
    .selectAll()
    .where('name', '=', name)
    .where((eb) => (gmina === null ? eb('gmina_teryt', 'is', null) : eb('gmina_teryt', '=', gmina)))
    .executeTakeFirst();
}

export async function insertEntity(db: Executor, row: Insertable<EntitiesTable>): Promise<void> {
  await db.insertInto('entities').values(row).execute();
}

export async function updateEntity(db: Executor, id: string, row: Updateable<EntitiesTable>): Promise<void> {
  await db.updateTable('entities').set(row).where('id', '=', id).execute();
}

export async function insertMark(db: Executor, row: Insertable<EntityMarksTable>): Promise<void> {
  await db.insertInto('entity_marks').values(row).execute();
}

export async function listMarks(db: Executor, entityId: string): Promise<Selectable<EntityMarksTable>[]> {
  return db.selectFrom('entity_marks').selectAll().where('entity_id', '=', entityId).orderBy('granted_on', 'desc').execute();
}

export async function listPsStatus(db: Executor, entityId: string): Promise<Selectable<EntityPsStatusTable>[]> {
  return db.selectFrom('entity_ps_status').selectAll().where('entity_id', '=', entityId).orderBy('decision_date').orderBy('id').execute();
}

export async function insertPsStatus(db: Executor, row: Insertable<EntityPsStatusTable>): Promise<void> {
  await db.insertInto('entity_ps_status').values(row).execute();
}

export async function insertChanges(db: Executor, rows: Insertable<EntityChangesTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('entity_changes').values(rows).execute();
}

export async function listChanges(db: Executor, entityId: string): Promise<Selectable<EntityChangesTable>[]> {
  return db.selectFrom('entity_changes').selectAll().where('entity_id', '=', entityId).orderBy('at', 'desc').orderBy('id', 'desc').limit(200).execute();
}

/** Active entities per seat gmina (for the territory map). */
export async function countActiveByGmina(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('entities')
    .select(['gmina_teryt', countAll().as('n')])
    .where('lifecycle', '=', 'active')
    .where('gmina_teryt', 'is not', null)
    .groupBy('gmina_teryt')
    .execute();
  return new Map(rows.map((r) => [r.gmina_teryt!, r.n]));
}

export async function listInGminy(db: Executor, gminy: readonly string[], limit: number): Promise<EntityRow[]> {
  if (gminy.length === 0) return [];
  return db.selectFrom('entities').selectAll().where('gmina_teryt', 'in', gminy).where('lifecycle', '!=', 'closed').orderBy('name_sort').limit(limit).execute();
}
