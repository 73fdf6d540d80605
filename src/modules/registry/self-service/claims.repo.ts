// Kysely queries of the registry's self-service: claims and their documents, proposals, and the
// representative's own edits of places and sectors. No rules here.
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../../core/db/schema.js';
import { countAll } from '../../../core/db/database.js';
import type { ClaimStatus, EntityClaimFilesTable, EntityClaimsTable, EntityProposalsTable, ProposalStatus } from './claims.tables.js';
import type { EntityPlacesTable } from '../entity/registry.tables.js';

type Executor = Kysely<Database> | Transaction<Database>;
export type ClaimRow = Selectable<EntityClaimsTable>;
export type ProposalRow = Selectable<EntityProposalsTable>;
export type PlaceRow = Selectable<EntityPlacesTable>;
export type ClaimFileHead = Omit<Selectable<EntityClaimFilesTable>, 'data'>;

export async function insertClaim(db: Executor, row: Insertable<EntityClaimsTable>): Promise<void> {
  await db.insertInto('entity_claims').values(row).execute();
}

export async function insertClaimFile(db: Executor, row: Insertable<EntityClaimFilesTable>): Promise<void> {
  await db.insertInto('entity_claim_files').values(row).execute();
}

export interface ClaimListItem extends ClaimRow {
  entity_name: string;
  has_file: boolean;
}

export async function listClaims(db: Executor, status: ClaimStatus, limit: number): Promise<ClaimListItem[]> {
  const rows = await db
    .selectFrom('entity_claims as c')
    .innerJoin('entities as e', 'e.id', 'c.entity_id')
    .leftJoin('entity_claim_files as f', 'f.claim_id', 'c.id')
    .selectAll('c')
    .select(['e.name as entity_name', 'f.id as file_id'])
    .where('c.status', '=', status)
    .orderBy('c.created_at', status === 'pending' ? 'asc' : 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map(({ file_id, ...r }) => ({ ...r, has_file: file_id !== null }));
}

export async function findClaim(db: Executor, id: string): Promise<ClaimRow | undefined> {
  return db.selectFrom('entity_claims').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findClaimFileHead(db: Executor, claimId: string): Promise<ClaimFileHead | undefined> {
  return db
    .selectFrom('entity_claim_files')
    .select(['id', 'claim_id', 'file_name', 'content_type', 'byte_size', 'sha256', 'created_at'])
    .where('claim_id', '=', claimId)
    .executeTakeFirst();
}

export async function readClaimFile(db: Executor, claimId: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('entity_claim_files').select('data').where('claim_id', '=', claimId).executeTakeFirst();
  return row ? Buffer.from(row.data) : undefined;
}

/**
 * Retention: marks the claims decided before `cutoff` that still have a document as erased at
 * `at`, then deletes the documents of every marked claim (bytes, name, type and checksum all live
 * in that row). Returns how many documents were deleted; a second call deletes none.
 */
export async function eraseDecidedClaimDocuments(db: Executor, cutoff: string, at: string): Promise<number> {
  await db
    .updateTable('entity_claims')
    .set({ document_erased_at: at })
    .where('status', 'in', ['approved', 'rejected'])
    .where('decided_at', '<', cutoff)
    .where('document_erased_at', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('entity_claim_files as f').select('f.id').whereRef('f.claim_id', '=', 'entity_claims.id')))
    .execute();
  const res = await db
    .deleteFrom('entity_claim_files')
    .where('claim_id', 'in', db.selectFrom('entity_claims').select('id').where('document_erased_at', 'is not', null))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Decides a pending claim; false when it was no longer pending (decided by someone else). */
export async function decideClaim(db: Executor, id: string, values: Updateable<EntityClaimsTable>): Promise<boolean> {
  const res = await db.updateTable('entity_claims').set(values).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertProposal(db: Executor, row: Insertable<EntityProposalsTable>): Promise<void> {
  await db.insertInto('entity_proposals').values(row).execute();
}

export interface ProposalListItem extends ProposalRow {
  entity_name: string;
}

export async function listProposals(
  db: Executor,
  filter: { status?: ProposalStatus; entityId?: string },
  limit: number,
): Promise<ProposalListItem[]> {
  let q = db
    .selectFrom('entity_proposals as p')
    .innerJoin('entities as e', 'e.id', 'p.entity_id')
    .selectAll('p')
    .select('e.name as entity_name');
  if (filter.status) q = q.where('p.status', '=', filter.status);
  if (filter.entityId) q = q.where('p.entity_id', '=', filter.entityId);
  return q
    .orderBy('p.created_at', filter.status === 'pending' ? 'asc' : 'desc')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

export async function findProposal(db: Executor, id: string): Promise<ProposalRow | undefined> {
  return db.selectFrom('entity_proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function decideProposal(db: Executor, id: string, values: Updateable<EntityProposalsTable>): Promise<boolean> {
  const res = await db.updateTable('entity_proposals').set(values).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Entities by id, in the order of names (a representative's list). */
export async function entitiesByIds(
  db: Executor,
  ids: readonly string[],
): Promise<{ id: string; name: string; lifecycle: string; activity_verified_on: string | null; verified_at: string | null }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('entities')
    .select(['id', 'name', 'lifecycle', 'activity_verified_on', 'verified_at'])
    .where('id', 'in', ids)
    .orderBy('name_sort')
    .execute();
}

export async function listPlaces(db: Executor, entityId: string): Promise<PlaceRow[]> {
  return db.selectFrom('entity_places').selectAll().where('entity_id', '=', entityId).orderBy('town').orderBy('id').execute();
}

export async function insertPlace(db: Executor, row: Insertable<EntityPlacesTable>): Promise<void> {
  await db.insertInto('entity_places').values(row).execute();
}

export async function updatePlace(db: Executor, entityId: string, id: string, row: Updateable<EntityPlacesTable>): Promise<void> {
  await db.updateTable('entity_places').set(row).where('id', '=', id).where('entity_id', '=', entityId).execute();
}

export async function deletePlace(db: Executor, entityId: string, id: string): Promise<void> {
  await db.deleteFrom('entity_places').where('id', '=', id).where('entity_id', '=', entityId).execute();
}

/** Replaces the catalogue's sector rows of an entity (kept in step with `entities.sectors`). */
export async function replaceSectorRows(db: Executor, entityId: string, rows: { key: string; sector: string }[]): Promise<void> {
  await db.deleteFrom('entity_sectors').where('entity_id', '=', entityId).execute();
  if (rows.length)
    await db
      .insertInto('entity_sectors')
      .values(rows.map((r) => ({ entity_id: entityId, sector_folded: r.key, sector: r.sector })))
      .execute();
}

export async function findEmployment(db: Executor, entityId: string, year: number) {
  return db.selectFrom('entity_employment').selectAll().where('entity_id', '=', entityId).where('year', '=', year).executeTakeFirst();
}

/** E-mail addresses of the active accounts holding the representative role of this entity. */
export async function representativeEmails(db: Executor, entityId: string): Promise<{ email: string; lang: string }[]> {
  return db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.email', 'u.lang'])
    .where('r.role', '=', 'entity_representative')
    .where('r.scope_type', '=', 'entity')
    .where('r.scope_id', '=', entityId)
    .where('u.is_active', '=', true)
    .where('u.anonymised_at', 'is', null)
    .orderBy('u.email')
    .execute();
}

/** How many claims and proposals wait for staff (the administration's "Czeka na Ciebie"). */
export async function countPending(db: Executor): Promise<{ claims: number; proposals: number }> {
  const [claims, proposals] = await Promise.all([
    db.selectFrom('entity_claims').select(countAll().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow(),
    db.selectFrom('entity_proposals').select(countAll().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow(),
  ]);
  return { claims: claims.n, proposals: proposals.n };
}
