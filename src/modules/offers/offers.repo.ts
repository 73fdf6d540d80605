// Kysely queries of the offers module: offers with their areas and photos, the catalogue's filter,
// enquiries and their counts. No rules here.
import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import { countAll } from '../../core/db/database.js';
import type { DialectSeam } from '../../core/db/dialect/index.js';
import type { Database } from '../../core/db/schema.js';
import type { OfferAreasTable, OfferEnquiriesTable, OfferPhotosTable, OffersTable } from './offers.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type OfferRow = Selectable<OffersTable>;
export type PhotoHead = Omit<Selectable<OfferPhotosTable>, 'data'>;
export const FTS = { table: 'offers', column: 'search_doc' } as const;

export async function insertOffer(db: Executor, row: Insertable<OffersTable>): Promise<void> {
  await db.insertInto('offers').values(row).execute();
}

export async function updateOffer(db: Executor, id: string, row: Updateable<OffersTable>): Promise<void> {
  await db.updateTable('offers').set(row).where('id', '=', id).execute();
}

export async function deleteOffer(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('offers').where('id', '=', id).execute();
}

export async function findOffer(db: Executor, id: string): Promise<OfferRow | undefined> {
  return db.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The entity an offer belongs to (the policy's question), undefined for an unknown offer. */
export async function offerEntityId(db: Executor, id: string): Promise<string | undefined> {
  return (await db.selectFrom('offers').select('entity_id').where('id', '=', id).executeTakeFirst())?.entity_id;
}

/** Entities with at least one published offer (the entity page asks before loading offers). */
export async function publishingEntityIds(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom('offers').select('entity_id').distinct().where('is_published', '=', true).execute();
  return new Set(rows.map((r) => r.entity_id));
}

export async function listEntityOffers(db: Executor, entityId: string, publishedOnly: boolean): Promise<OfferRow[]> {
  let q = db.selectFrom('offers').selectAll().where('entity_id', '=', entityId);
  if (publishedOnly) q = q.where('is_published', '=', true);
  return q.orderBy('title_sort').orderBy('id').execute();
}

export async function replaceAreas(db: Executor, offerId: string, areas: Insertable<OfferAreasTable>[]): Promise<void> {
  await db.deleteFrom('offer_areas').where('offer_id', '=', offerId).execute();
  if (areas.length) await db.insertInto('offer_areas').values(areas).execute();
}

export async function areasOf(db: Executor, offerIds: readonly string[]): Promise<Selectable<OfferAreasTable>[]> {
  if (offerIds.length === 0) return [];
  return db
    .selectFrom('offer_areas')
    .selectAll()
    .where('offer_id', 'in', [...offerIds])
    .orderBy('teryt')
    .execute();
}

export interface CatalogueFilter {
  terms: string[];
  /** Top-level category keys. */
  category: string[];
  subcategory: string[];
  /** 4-digit powiat codes: offers for the whole region, or serving the powiat or one of its gminy. */
  powiat: string[];
  /** 7-digit gmina codes: offers for the whole region, its powiat as a whole, or the gmina. */
  gmina: string[];
}

/**
 * Published offers matching the filter (at most `limit`, newest first). The facets that depend on
 * the entity (legal form, PS status, mark) are applied by the service to the entity facts.
 */
export async function catalogueRows(db: Executor, seam: DialectSeam, f: CatalogueFilter, limit: number): Promise<OfferRow[]> {
  let q = db.selectFrom('offers').selectAll('offers').where('offers.is_published', '=', true);
  if (f.terms.length) q = q.where(seam.ftsMatch(FTS, f.terms));
  if (f.category.length) q = q.where('offers.category', 'in', f.category);
  if (f.subcategory.length) q = q.where('offers.subcategory', 'in', f.subcategory);
  if (f.powiat.length) {
    const powiaty = f.powiat;
    q = q.where((eb) =>
      eb.or([
        eb('offers.area_scope', '=', 'region'),
        eb('offers.id', 'in', eb.selectFrom('offer_areas').select('offer_areas.offer_id').where('offer_areas.powiat_teryt', 'in', powiaty)),
      ]),
    );
  }
  if (f.gmina.length) {
    const units = [...f.gmina, ...f.gmina.map((g) => g.slice(0, 4))];
    q = q.where((eb) =>
      eb.or([
        eb('offers.area_scope', '=', 'region'),
        eb('offers.id', 'in', eb.selectFrom('offer_areas').select('offer_areas.offer_id').where('offer_areas.teryt', 'in', units)),
      ]),
    );
  }
  return q.orderBy('offers.updated_at', 'desc').orderBy('offers.id').limit(limit).execute();
}

/** Published offers in id order, skipping `skip` or after the key `after` (the sitemap's keyset batches). */
export async function publishedHeads(
  db: Executor,
  from: { skip: number } | { after: string },
  limit: number,
): Promise<Pick<OfferRow, 'id' | 'updated_at'>[]> {
  let q = db.selectFrom('offers').select(['id', 'updated_at']).where('is_published', '=', true);
  if ('after' in from) q = q.where('id', '>', from.after);
  q = q.orderBy('id').limit(limit);
  if ('skip' in from && from.skip > 0) q = q.offset(from.skip);
  return q.execute();
}

export async function countPublished(db: Executor): Promise<number> {
  const row = await db.selectFrom('offers').select(countAll().as('n')).where('is_published', '=', true).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function lastChanged(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('offers')
    .select(sql<string | null>`max(updated_at)`.as('at'))
    .where('is_published', '=', true)
    .executeTakeFirst();
  return row?.at ?? null;
}

// --- photos -------------------------------------------------------------------------------------

export async function photosOf(db: Executor, offerIds: readonly string[]): Promise<PhotoHead[]> {
  if (offerIds.length === 0) return [];
  return db
    .selectFrom('offer_photos')
    .select(['id', 'offer_id', 'position', 'content_type', 'byte_size', 'sha256', 'width', 'height', 'alt', 'created_at'])
    .where('offer_id', 'in', [...offerIds])
    .orderBy('offer_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function findPhoto(db: Executor, id: string): Promise<(PhotoHead & { is_published: boolean; entity_id: string }) | undefined> {
  return db
    .selectFrom('offer_photos as p')
    .innerJoin('offers as o', 'o.id', 'p.offer_id')
    .select([
      'p.id',
      'p.offer_id',
      'p.position',
      'p.content_type',
      'p.byte_size',
      'p.sha256',
      'p.width',
      'p.height',
      'p.alt',
      'p.created_at',
    ])
    .select(['o.is_published', 'o.entity_id'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function photoBytes(db: Executor, id: string): Promise<Buffer> {
  const row = await db.selectFrom('offer_photos').select('data').where('id', '=', id).executeTakeFirstOrThrow();
  return row.data;
}

export async function insertPhoto(db: Executor, row: Insertable<OfferPhotosTable>): Promise<void> {
  await db.insertInto('offer_photos').values(row).execute();
}

export async function deletePhoto(db: Executor, offerId: string, photoId: string): Promise<number> {
  const res = await db.deleteFrom('offer_photos').where('id', '=', photoId).where('offer_id', '=', offerId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

// --- enquiries ----------------------------------------------------------------------------------

export async function insertEnquiry(db: Executor, row: Insertable<OfferEnquiriesTable>): Promise<void> {
  await db.insertInto('offer_enquiries').values(row).execute();
}

export async function countEnquiriesByEmail(db: Executor, emailNorm: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('offer_enquiries')
    .select(countAll().as('n'))
    .where('email_norm', '=', emailNorm)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ids of enquiries sent before `before` whose personal data are still kept. */
export async function enquiriesToErase(db: Executor, before: string): Promise<string[]> {
  const rows = await db
    .selectFrom('offer_enquiries')
    .select('id')
    .where('created_at', '<', before)
    .where('erased_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function eraseEnquiry(db: Executor, id: string, at: string): Promise<void> {
  await db
    .updateTable('offer_enquiries')
    .set({ name: null, institution: null, email_norm: null, phone: null, message: null, erased_at: at })
    .where('id', '=', id)
    .execute();
}

export async function findEnquiry(db: Executor, id: string): Promise<Selectable<OfferEnquiriesTable> | undefined> {
  return db.selectFrom('offer_enquiries').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface EnquiryCount {
  entity_id: string;
  category: string;
  year: number;
  n: number;
}

/** Enquiries per entity, category and year (never their texts). */
export async function enquiryCounts(db: Executor): Promise<EnquiryCount[]> {
  const rows = await db
    .selectFrom('offer_enquiries')
    .select(['entity_id', 'category', 'year', countAll().as('n')])
    .groupBy(['entity_id', 'category', 'year'])
    .orderBy('year', 'desc')
    .orderBy('entity_id')
    .orderBy('category')
    .execute();
  return rows.map((r) => ({ entity_id: r.entity_id, category: r.category, year: Number(r.year), n: Number(r.n) }));
}
