// Kysely queries of the events module; no rules here (see events.service.ts and
// registration.service.ts). Capacity is kept by conditional UPDATEs of a session's `taken`, and the
// next in a waitlist is claimed through the dialect seam (PostgreSQL: FOR UPDATE SKIP LOCKED).
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { countAll } from '../../core/db/database.js';
import type { DialectSeam } from '../../core/db/dialect/index.js';
import type { Database } from '../../core/db/schema.js';
import type {
  EventPlacesTable,
  EventRegistrationsTable,
  EventSessionsTable,
  EventsTable,
  EventType,
  ParticipantType,
  PlaceStatus,
  RegistrationStatus,
  Residence,
} from './events.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type EventRow = Selectable<EventsTable>;
export type SessionRow = Selectable<EventSessionsTable>;
export type RegistrationRow = Selectable<EventRegistrationsTable>;
export type PlaceRow = Selectable<EventPlacesTable>;
export type RegistrationInsert = Insertable<EventRegistrationsTable>;

// --- events and sessions --------------------------------------------------------------------------

export async function insertEvent(db: Executor, row: Insertable<EventsTable>): Promise<void> {
  await db.insertInto('events').values(row).execute();
}

export async function updateEvent(db: Executor, id: string, set: Updateable<EventsTable>): Promise<void> {
  await db.updateTable('events').set(set).where('id', '=', id).execute();
}

export async function findEvent(db: Executor, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEventBySource(db: Executor, source: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('source', '=', source).executeTakeFirst();
}

export interface EventQuery {
  publishedOnly: boolean;
  /** Events ending after this instant. */
  endsAfter?: string;
  /** Events ending at or before this instant (the archive). */
  endedBy?: string;
  /** Events starting before this instant. */
  startsBefore?: string;
  type?: EventType;
  /** 4-digit powiat TERYT: events placed in one of its gminy. */
  powiat?: string;
  /** 7-digit gmina TERYT codes: events placed in one of them. */
  gminy?: readonly string[];
  online?: boolean;
  newestFirst?: boolean;
  limit?: number;
}

export async function listEvents(db: Executor, q: EventQuery): Promise<EventRow[]> {
  let s = db.selectFrom('events').selectAll();
  if (q.publishedOnly) s = s.where('is_published', '=', true);
  if (q.endsAfter) s = s.where('ends_at', '>', q.endsAfter);
  if (q.endedBy) s = s.where('ends_at', '<=', q.endedBy);
  if (q.startsBefore) s = s.where('starts_at', '<', q.startsBefore);
  if (q.type) s = s.where('type', '=', q.type);
  if (q.powiat) s = s.where('gmina_teryt', 'like', `${q.powiat}%`);
  if (q.gminy) s = q.gminy.length ? s.where('gmina_teryt', 'in', [...q.gminy]) : s.where('id', '=', '');
  if (q.online !== undefined) s = s.where('is_online', '=', q.online);
  s = q.newestFirst ? s.orderBy('starts_at', 'desc').orderBy('id', 'desc') : s.orderBy('starts_at').orderBy('id');
  if (q.limit) s = s.limit(q.limit);
  return s.execute();
}

export async function listSessions(db: Executor, eventId: string): Promise<SessionRow[]> {
  return db.selectFrom('event_sessions').selectAll().where('event_id', '=', eventId).orderBy('starts_at').orderBy('id').execute();
}

export async function listSessionsOf(db: Executor, eventIds: readonly string[]): Promise<SessionRow[]> {
  if (!eventIds.length) return [];
  return db
    .selectFrom('event_sessions')
    .selectAll()
    .where('event_id', 'in', [...eventIds])
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

export async function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('event_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSession(db: Executor, row: Insertable<EventSessionsTable>): Promise<void> {
  await db.insertInto('event_sessions').values(row).execute();
}

export async function updateSession(db: Executor, id: string, set: Updateable<EventSessionsTable>): Promise<void> {
  await db.updateTable('event_sessions').set(set).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('event_sessions').where('id', '=', id).execute();
}

export async function countPlacesOfSession(db: Executor, sessionId: string): Promise<number> {
  const row = await db.selectFrom('event_places').select(countAll().as('n')).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
  return row.n;
}

// --- capacity ------------------------------------------------------------------------------------

/** Takes one place of a session if one is free: true when taken (one conditional UPDATE, safe under concurrency). */
export async function takePlace(db: Executor, sessionId: string): Promise<boolean> {
  const res = await db
    .updateTable('event_sessions')
    .set((eb) => ({ taken: eb('taken', '+', 1) }))
    .where('id', '=', sessionId)
    .where((eb) => eb.or([eb('capacity', 'is', null), eb('taken', '<', eb.ref('capacity'))]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Gives one place of a session back. */
export async function returnPlace(db: Executor, sessionId: string): Promise<void> {
  await db
    .updateTable('event_sessions')
    .set((eb) => ({ taken: eb('taken', '-', 1) }))
    .where('id', '=', sessionId)
    .where('taken', '>', 0)
    .execute();
}

// --- registrations and places ----------------------------------------------------------------------

/**
 * Inserts a registration unless a unique index refuses it (a live registration of the same address
 * for the event, committed by a concurrent request, or a clashing short code): true when inserted.
 * ON CONFLICT DO NOTHING on both databases, so the refusal is an answer and not an error.
 */
export async function insertRegistration(db: Executor, row: Insertable<EventRegistrationsTable>): Promise<boolean> {
  const res = await db
    .insertInto('event_registrations')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function updateRegistration(db: Executor, id: string, set: Updateable<EventRegistrationsTable>): Promise<number> {
  const res = await db.updateTable('event_registrations').set(set).where('id', '=', id).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Moves a registration from one status to another; 0 when it was no longer in `from` (someone else moved it). */
export async function moveRegistration(
  db: Executor,
  id: string,
  from: EventRegistrationsTable['status'],
  set: Updateable<EventRegistrationsTable>,
): Promise<number> {
  const res = await db.updateTable('event_registrations').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function findRegistration(db: Executor, id: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('event_registrations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRegistrationByConfirmHash(db: Executor, hash: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('event_registrations').selectAll().where('confirm_token_hash', '=', hash).executeTakeFirst();
}

export async function findRegistrationByManageHash(db: Executor, hash: string): Promise<RegistrationRow | undefined> {
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where((eb) => eb.or([eb('manage_token_hash', '=', hash), eb('offer_token_hash', '=', hash)]))
    .executeTakeFirst();
}

export async function findLiveRegistration(db: Executor, eventId: string, emailNorm: string): Promise<RegistrationRow | undefined> {
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('email_norm', '=', emailNorm)
    .where('status', 'in', ['pending', 'confirmed'])
    .executeTakeFirst();
}

export async function countRecentByEmail(db: Executor, emailNorm: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select(countAll().as('n'))
    .where('email_norm', '=', emailNorm)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertPlace(db: Executor, row: Insertable<EventPlacesTable>): Promise<void> {
  await db.insertInto('event_places').values(row).execute();
}

export async function placesOfRegistration(db: Executor, registrationId: string): Promise<PlaceRow[]> {
  return db.selectFrom('event_places').selectAll().where('registration_id', '=', registrationId).orderBy('id').execute();
}

/** Moves a place between statuses; 0 when it was no longer in `from`. */
export async function movePlace(db: Executor, id: string, from: PlaceStatus, set: Updateable<EventPlacesTable>): Promise<number> {
  const res = await db.updateTable('event_places').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Claims a registration for an offer in the caller's transaction: PostgreSQL locks its row, skipping
 * it (undefined) when another transaction holds it — that one is offering this person a place in
 * another session right now, or they are cancelling. SQLite runs one transaction at a time.
 */
export async function claimRegistration(trx: Executor, seam: DialectSeam, id: string): Promise<{ id: string } | undefined> {
  return seam.forUpdateSkipLocked(trx.selectFrom('event_registrations').select('id').where('id', '=', id)).executeTakeFirst();
}

/** Whether the registration has an open offer (one per person). */
export async function hasOpenOffer(trx: Executor, registrationId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('event_places')
    .select('id')
    .where('registration_id', '=', registrationId)
    .where('status', '=', 'offered')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The first in a session's waitlist who may get an offer now: waiting, with a confirmed
 * registration, and no other offer open. Claimed for the caller's transaction (PostgreSQL: locked,
 * skipping rows another transaction is offering right now, so concurrent cancellations reach
 * different people in order).
 */
export async function claimFirstWaiting(
  trx: Executor,
  seam: DialectSeam,
  sessionId: string,
  skipRegistrations: readonly string[] = [],
): Promise<PlaceRow | undefined> {
  let q = trx.selectFrom('event_places').selectAll();
  if (skipRegistrations.length) q = q.where('registration_id', 'not in', [...skipRegistrations]);
  return seam
    .forUpdateSkipLocked(
      q
        .where('session_id', '=', sessionId)
        .where('status', '=', 'waiting')
        .where('registration_id', 'in', (eb) => eb.selectFrom('event_registrations').select('id').where('status', '=', 'confirmed'))
        .where('registration_id', 'not in', (eb) =>
          eb.selectFrom('event_places as o').select('o.registration_id').where('o.status', '=', 'offered'),
        )
        .orderBy('queued_at')
        .orderBy('id')
        .limit(1),
    )
    .executeTakeFirst();
}

export async function expiredHolds(db: Executor, now: string, limit = 200): Promise<RegistrationRow[]> {
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('status', '=', 'pending')
    .where('hold_expires_at', '<=', now)
    .orderBy('hold_expires_at')
    .limit(limit)
    .execute();
}

export async function expiredOffers(db: Executor, now: string, limit = 200): Promise<PlaceRow[]> {
  return db
    .selectFrom('event_places')
    .selectAll()
    .where('status', '=', 'offered')
    .where('offer_expires_at', '<=', now)
    .orderBy('offer_expires_at')
    .limit(limit)
    .execute();
}

export interface SessionCounts {
  session_id: string;
  status: PlaceStatus;
  n: number;
}

export async function placeCounts(db: Executor, eventId: string): Promise<SessionCounts[]> {
  const rows = await db
    .selectFrom('event_places')
    .innerJoin('event_sessions', 'event_sessions.id', 'event_places.session_id')
    .select(['event_places.session_id', 'event_places.status', countAll().as('n')])
    .where('event_sessions.event_id', '=', eventId)
    .groupBy(['event_places.session_id', 'event_places.status'])
    .execute();
  return rows.map((r) => ({ session_id: r.session_id, status: r.status, n: Number(r.n) }));
}

export async function listRegistrations(db: Executor, eventId: string): Promise<RegistrationRow[]> {
  return db.selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).orderBy('created_at').orderBy('id').execute();
}

// --- retention --------------------------------------------------------------------------------------

/** Erases the accessibility needs of registrations for events that ended before `endedBefore`. */
export async function eraseAccessNeeds(db: Executor, endedBefore: string): Promise<number> {
  const res = await db
    .updateTable('event_registrations')
    .set({ access_needs: null, access_notes: null })
    .where((eb) => eb.or([eb('access_needs', 'is not', null), eb('access_notes', 'is not', null)]))
    .where('event_id', 'in', (eb) => eb.selectFrom('events').select('id').where('ends_at', '<', endedBefore))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function eventsToErase(db: Executor, endedBefore: string): Promise<EventRow[]> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('ends_at', '<', endedBefore)
    .where('personal_data_erased_at', 'is', null)
    .orderBy('ends_at')
    .execute();
}

/** Removes every personal datum of an event's registrations; the rows (status, type, places) stay for the counts. */
export async function erasePersonalData(db: Executor, eventId: string): Promise<number> {
  const res = await db
    .updateTable('event_registrations')
    .set({
      name: null,
      email: null,
      email_norm: null,
      institution: null,
      confirm_token_hash: null,
      manage_token_hash: null,
      offer_token_hash: null,
      access_needs: null,
      access_notes: null,
      // the gmina goes with the person; its powiat stays for the counts
      gmina_teryt: null,
      is_erased: true,
    })
    .where('event_id', '=', eventId)
    .where('is_erased', '=', false)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export interface RegistrationCounts {
  status: string;
  participant_type: string;
  n: number;
}

export async function registrationCounts(db: Executor, eventId: string): Promise<RegistrationCounts[]> {
  const rows = await db
    .selectFrom('event_registrations')
    .select(['status', 'participant_type', countAll().as('n')])
    .where('event_id', '=', eventId)
    .groupBy(['status', 'participant_type'])
    .orderBy('status')
    .orderBy('participant_type')
    .execute();
  return rows.map((r) => ({ status: r.status, participant_type: r.participant_type, n: Number(r.n) }));
}

/** What the counts are made of, one row per registration (no personal data): kept after the erasure. */
export interface CountSource {
  id: string;
  status: RegistrationStatus;
  participant_type: ParticipantType;
  residence: Residence;
  powiat_teryt: string | null;
  attended: boolean;
}

export async function countSources(db: Executor, eventId: string): Promise<CountSource[]> {
  const rows = await db
    .selectFrom('event_registrations as r')
    .leftJoin('event_checkins as c', 'c.registration_id', 'r.id')
    .select(['r.id', 'r.status', 'r.participant_type', 'r.residence', 'r.powiat_teryt', 'c.id as checkin_id'])
    .where('r.event_id', '=', eventId)
    .execute();
  return rows.map(({ checkin_id, ...r }) => ({ ...r, attended: checkin_id !== null }));
}

export async function placesOfEvent(db: Executor, eventId: string): Promise<PlaceRow[]> {
  return db
    .selectFrom('event_places')
    .selectAll()
    .where('session_id', 'in', (eb) => eb.selectFrom('event_sessions').select('id').where('event_id', '=', eventId))
    .orderBy('queued_at')
    .orderBy('id')
    .execute();
}

// --- check-in ------------------------------------------------------------------------------------------

export interface CheckinListRow {
  registration_id: string;
  name: string | null;
  short_code: string;
  checkin_id: string | null;
}

/** Confirmed registrations of an event with their code and check-in (names and codes only). */
export async function checkinList(db: Executor, eventId: string): Promise<CheckinListRow[]> {
  return db
    .selectFrom('event_registrations as r')
    .leftJoin('event_checkins as c', 'c.registration_id', 'r.id')
    .select(['r.id as registration_id', 'r.name', 'r.short_code', 'c.id as checkin_id'])
    .where('r.event_id', '=', eventId)
    .where('r.status', '=', 'confirmed')
    .orderBy('r.name')
    .orderBy('r.id')
    .execute();
}

export async function findCheckin(db: Executor, id: string) {
  return db.selectFrom('event_checkins').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCheckinOf(db: Executor, registrationId: string) {
  return db.selectFrom('event_checkins').selectAll().where('registration_id', '=', registrationId).executeTakeFirst();
}

/** Inserts a check-in unless its id or its registration is already recorded; true when inserted. */
export async function insertCheckin(db: Executor, row: Insertable<Database['event_checkins']>): Promise<boolean> {
  const res = await db
    .insertInto('event_checkins')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function findByCode(db: Executor, eventId: string, code: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).where('short_code', '=', code).executeTakeFirst();
}

export async function findByCertificate(db: Executor, number: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('event_registrations').selectAll().where('certificate_number', '=', number).executeTakeFirst();
}

export async function deleteCheckin(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('event_checkins').where('id', '=', id).execute();
}

/** Confirmed participants who agreed to appear on the public list (name and institution only). */
export async function publicParticipants(db: Executor, eventId: string): Promise<{ name: string | null; institution: string | null }[]> {
  return db
    .selectFrom('event_registrations')
    .select(['name', 'institution'])
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmed')
    .where('is_listed_publicly', '=', true)
    .where('is_erased', '=', false)
    .orderBy('name')
    .execute();
}

// --- documents and mailings ------------------------------------------------------------------------------

export async function documentIdsOf(db: Executor, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('event_documents')
    .select('document_id')
    .where('event_id', '=', eventId)
    .orderBy('added_at')
    .orderBy('document_id')
    .execute();
  return rows.map((r) => r.document_id);
}

/** True when attached now (false: it already was). */
export async function attachDocument(db: Executor, eventId: string, documentId: string, at: string): Promise<boolean> {
  const res = await db
    .insertInto('event_documents')
    .values({ event_id: eventId, document_id: documentId, added_at: at })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function detachDocument(db: Executor, eventId: string, documentId: string): Promise<number> {
  const res = await db
    .deleteFrom('event_documents')
    .where('event_id', '=', eventId)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

export interface Recipient {
  registration_id: string;
  email: string;
  lang: string;
}

/**
 * The addresses a message to a session goes to: confirmed registrations with a confirmed place in
 * it, and with `waiting`, those waiting or offered a place there too. Erased registrations have none.
 */
export async function sessionRecipients(db: Executor, sessionId: string, waiting: boolean): Promise<Recipient[]> {
  const statuses: PlaceStatus[] = waiting ? ['confirmed', 'waiting', 'offered'] : ['confirmed'];
  const rows = await db
    .selectFrom('event_places as p')
    .innerJoin('event_registrations as r', 'r.id', 'p.registration_id')
    .select(['r.id as registration_id', 'r.email', 'r.lang'])
    .where('p.session_id', '=', sessionId)
    .where('p.status', 'in', statuses)
    .where('r.status', '=', 'confirmed')
    .where('r.email', 'is not', null)
    .orderBy('r.id')
    .execute();
  return rows.flatMap((r) => (r.email ? [{ registration_id: r.registration_id, email: r.email, lang: r.lang }] : []));
}

export async function insertMailing(db: Executor, row: Insertable<Database['event_mailings']>): Promise<void> {
  await db.insertInto('event_mailings').values(row).execute();
}

export async function countMailingsSince(db: Executor, eventId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('event_mailings')
    .select(countAll().as('n'))
    .where('event_id', '=', eventId)
    .where('sent_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listMailings(db: Executor, eventId: string) {
  return db.selectFrom('event_mailings').selectAll().where('event_id', '=', eventId).orderBy('sent_at', 'desc').orderBy('id').execute();
}

// --- the programme's computed indicators ----------------------------------------------------------------

/** The start of the first published event (with registration through the platform, when asked). */
export async function firstEventStart(db: Executor, withRegistration: boolean): Promise<string | null> {
  let q = db.selectFrom('events').select('starts_at').where('is_published', '=', true);
  if (withRegistration) q = q.where('registration_opens_at', 'is not', null);
  const row = await q.orderBy('starts_at').limit(1).executeTakeFirst();
  return row?.starts_at ?? null;
}

export interface PlaceCount {
  gmina: string | null;
  n: number;
  synthetic: number;
}

function byGmina(rows: readonly { gmina_teryt: string | null; is_example: boolean; n: number | string | bigint }[]): PlaceCount[] {
  const out = new Map<string | null, PlaceCount>();
  for (const r of rows) {
    const c = out.get(r.gmina_teryt) ?? { gmina: r.gmina_teryt, n: 0, synthetic: 0 };
    c.n += Number(r.n);
    if (r.is_example) c.synthetic += Number(r.n);
    out.set(r.gmina_teryt, c);
  }
  return [...out.values()];
}

/** Published events starting in [from, to), of one type or any, per gmina of the event. */
export async function eventsHeldByGmina(db: Executor, range: { from: string; to: string }, type: EventType | null): Promise<PlaceCount[]> {
  let q = db
    .selectFrom('events')
    .select(['gmina_teryt', 'is_example', countAll().as('n')])
    .where('is_published', '=', true)
    .where('starts_at', '>=', range.from)
    .where('starts_at', '<', range.to);
  if (type) q = q.where('type', '=', type);
  return byGmina(await q.groupBy(['gmina_teryt', 'is_example']).execute());
}

/** People marked present at published events starting in [from, to), per gmina of the event. */
export async function participantsByGmina(db: Executor, range: { from: string; to: string }): Promise<PlaceCount[]> {
  const rows = await db
    .selectFrom('event_checkins as c')
    .innerJoin('events as e', 'e.id', 'c.event_id')
    .select(['e.gmina_teryt', 'e.is_example', countAll().as('n')])
    .where('e.is_published', '=', true)
    .where('e.starts_at', '>=', range.from)
    .where('e.starts_at', '<', range.to)
    .groupBy(['e.gmina_teryt', 'e.is_example'])
    .execute();
  return byGmina(rows);
}
