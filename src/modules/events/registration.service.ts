// Registration rules: one person per registration, a place held for 30 minutes in every chosen
// session until the e-mailed link is confirmed, a waitlist per session when it is full. A place that
// frees up (cancellation, a hold or an offer that ran out) is offered to the first confirmed person
// in line, in the same transaction, for 48 hours — never less than 6 hours, never beyond the close of
// registration or the session's start — with one open offer per person; when nobody may get it, the
// place goes back to the session. Capacity is a conditional UPDATE of the session's `taken`, so
// concurrent registrations never overbook on either database.
import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { FormChecker, normaliseEmail } from '../../core/validation.js';
import { formatters, translator, operatorText, type Lang } from '../../i18n/index.js';
import { enqueueMail } from '../mail/index.js';
import { listUnits } from '../territory/index.js';
import * as repo from './events.repo.js';
import { publicEvent, registrationState } from './events.service.js';
import type { AccessNeed, ParticipantType } from './events.tables.js';

export const HOLD_MS = 30 * 60_000;
export const OFFER_MS = 48 * 3600_000;
export const MIN_OFFER_MS = 6 * 3600_000;
export const HONEYPOT_FIELD = 'website';
export const EMAIL_LIMIT_PER_HOUR = 5;
export const PARTICIPANT_TYPES: readonly ParticipantType[] = [
  'pes',
  'local_government',
  'public_institution',
  'ngo',
  'business',
  'individual',
  'other',
];

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
/** Letters and digits that cannot be mistaken for one another when read aloud or from a screen. */
const CODE_ALPHABET = 'ACDEFGHJKLMNPQRTUVWXY3479';
/** 25^6 ≈ 244 million codes: a clash within one event is practically impossible, and the unique index refuses one. */
export function shortCode(): string {
  return [...randomBytes(6)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

function base(ctx: ModuleContext, lang: Lang): string {
  return `${ctx.config.publicUrl.replace(/\/$/, '')}${lang === 'en' ? '/en' : ''}`;
}

export const ACCESS_NEEDS: readonly AccessNeed[] = ['step_free', 'induction_loop', 'sign_language'];
export const ACCESS_NOTES_MAX = 1000;

/** The needs an event's organiser says it can meet: the checklist of the form. */
export function accessNeedsOffered(
  e: Pick<repo.EventRow, 'has_step_free_access' | 'has_induction_loop' | 'has_sign_language'>,
): AccessNeed[] {
  return ACCESS_NEEDS.filter((n) =>
    n === 'step_free' ? e.has_step_free_access : n === 'induction_loop' ? e.has_induction_loop : e.has_sign_language,
  );
}

export interface RegistrationInput {
  name: string;
  accessNeeds: AccessNeed[];
  accessNotes: string | null;
  email: string;
  institution: string | null;
  participantType: ParticipantType;
  sessionIds: string[];
  listed: boolean;
  residence: 'region' | 'outside';
  /** 7-digit TERYT of the registrant's gmina; null when they come from outside the region. */
  gmina: string | null;
}

/** The value of the gmina question for "outside the region". */
export const OUTSIDE_REGION = 'outside';

export function checkRegistration(
  body: Record<string, string | string[] | undefined>,
  sessions: readonly repo.SessionRow[],
  offered: readonly AccessNeed[] = ACCESS_NEEDS,
  gminy: ReadonlySet<string> = new Set(),
): RegistrationInput {
  const text: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') text[k] = v;
  const f = new FormChecker(text);
  const name = f.required('name', 'events.register.name', { max: 200 });
  const email = f.email('email', 'events.register.email');
  const institution = f.text('institution');
  if ([...institution].length > 300) f.add('institution', 'events.register.institution', 'validation.tooLong', { count: 300 });
  const typeText = f.text('participant_type');
  const participantType = (PARTICIPANT_TYPES as readonly string[]).includes(typeText) ? (typeText as ParticipantType) : null;
  if (!participantType) f.add('participant_type', 'events.register.participantType', 'validation.required');
  // the gmina is chosen by name from the region's list (or "outside the region"): the counts per powiat
  const gminaText = f.text('gmina_teryt');
  if (!gminaText) f.add('gmina_teryt', 'events.register.gmina', 'validation.required');
  else if (gminaText !== OUTSIDE_REGION && !gminy.has(gminaText)) f.add('gmina_teryt', 'events.register.gmina', 'validation.invalid');
  const raw = body.sessions;
  const chosen = [...new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).map((s) => s.trim()))];
  const sessionIds = chosen.filter((id) => sessions.some((s) => s.id === id));
  if (sessionIds.length === 0 || sessionIds.length !== chosen.length)
    f.add('sessions', 'events.register.sessions', 'events.errors.sessionsRequired');
  if (f.text('consent') !== '1') f.add('consent', 'events.register.consent', 'events.errors.consentRequired');
  const rawNeeds = body.access_needs;
  const needs = [...new Set(Array.isArray(rawNeeds) ? rawNeeds : rawNeeds ? [rawNeeds] : [])];
  const accessNeeds = offered.filter((n) => needs.includes(n));
  if (accessNeeds.length !== needs.length) f.add('access_needs', 'events.access.legend', 'validation.invalid');
  const accessNotes = f.text('access_notes');
  if ([...accessNotes].length > ACCESS_NOTES_MAX)
    f.add('access_notes', 'events.access.notes', 'validation.tooLong', { count: ACCESS_NOTES_MAX });
  // health data only with its own, explicit consent (GDPR art. 9)
  if ((accessNeeds.length || accessNotes) && f.text('access_consent') !== '1')
    f.add('access_consent', 'events.access.consent', 'events.errors.accessConsentRequired');
  f.assertValid();
  return {
    accessNeeds,
    accessNotes: accessNotes || null,
    name,
    email,
    institution: institution || null,
    participantType: participantType!,
    sessionIds,
    listed: f.text('is_listed_publicly') === '1',
    residence: gminaText === OUTSIDE_REGION ? 'outside' : 'region',
    gmina: gminaText === OUTSIDE_REGION ? null : gminaText,
  };
}

export interface Registered {
  registrationId: string;
  held: number;
  waiting: number;
}

/**
 * Stores a registration and its places (held where a place is free, waiting otherwise) and e-mails
 * the confirmation link. 'ignored' for a bot that filled the honeypot.
 */
export async function register(
  ctx: ModuleContext,
  eventId: string,
  body: Record<string, string | string[] | undefined>,
  lang: Lang,
): Promise<Registered | 'ignored'> {
  const e = await publicEvent(ctx, eventId);
  if (registrationState(e, ctx.clock.now()) !== 'open') throw new AppError('events.registration_closed');
  const honeypot = body[HONEYPOT_FIELD];
  if (typeof honeypot === 'string' && honeypot.trim() !== '') return 'ignored';
  const sessions = (await repo.listSessions(ctx.db, e.id)).filter((s) => s.starts_at > ctx.clock.now().toISOString());
  const gminy = new Set((await listUnits(ctx.db, 'gmina')).map((g) => g.teryt));
  const input = checkRegistration(body, sessions, accessNeedsOffered(e), gminy);
  const emailNorm = normaliseEmail(input.email);
  const now = ctx.clock.now();
  if ((await repo.countRecentByEmail(ctx.db, emailNorm, new Date(now.getTime() - 3600_000).toISOString())) >= EMAIL_LIMIT_PER_HOUR)
    throw new AppError('events.too_many');
  if (await repo.findLiveRegistration(ctx.db, e.id, emailNorm)) throw new AppError('events.already_registered');
  const token = newToken();
  const id = newId();
  const at = nowIso(ctx.clock);
  const t = translator(lang);
  return ctx.db.transaction().execute(async (trx) => {
    const row: repo.RegistrationInsert = {
      id,
      event_id: e.id,
      name: input.name,
      email: input.email,
      email_norm: emailNorm,
      institution: input.institution,
      participant_type: input.participantType,
      status: 'pending',
      confirm_token_hash: hashToken(token),
      manage_token_hash: null,
      offer_token_hash: null,
      hold_expires_at: new Date(now.getTime() + HOLD_MS).toISOString(),
      confirmed_at: null,
      cancelled_at: null,
      is_listed_publicly: input.listed,
      access_needs: input.accessNeeds.length ? JSON.stringify(input.accessNeeds) : null,
      access_notes: input.accessNotes,
      has_access_consent: input.accessNeeds.length > 0 || input.accessNotes !== null,
      short_code: shortCode(),
      certificate_number: null,
      certificate_issued_at: null,
      lang,
      is_erased: false,
      created_at: at,
      residence: input.residence,
      gmina_teryt: input.gmina,
      powiat_teryt: input.gmina ? input.gmina.slice(0, 4) : null,
    };
    // a concurrent registration of the same address may have been committed since the check above:
    // the unique index refuses this one, which is the same refusal; a clash of short codes gets a new code
    for (let attempt = 0; !(await repo.insertRegistration(trx, row)); attempt++) {
      if (attempt >= 3 || (await repo.findLiveRegistration(trx, e.id, emailNorm))) throw new AppError('events.already_registered');
      row.short_code = shortCode();
    }
    let held = 0;
    // sessions in one order everywhere, so two transactions never wait for each other's rows crosswise
    for (const sessionId of [...input.sessionIds].sort()) {
      const got = await repo.takePlace(trx, sessionId);
      if (got) held += 1;
      await repo.insertPlace(trx, {
        id: newId(),
        registration_id: id,
        session_id: sessionId,
        status: got ? 'held' : 'waiting',
        queued_at: at,
        offered_at: null,
        offer_expires_at: null,
        updated_at: at,
      });
    }
    await enqueueMail(
      trx,
      {
        to: input.email,
        lang,
        template: 'event_confirm',
        params: { event: e.title, link: `${base(ctx, lang)}/wydarzenia/potwierdzenie/${token}`, validFor: t('events.register.validFor') },
        about: `event:${e.id}`,
      },
      ctx.clock,
    );
    return { registrationId: id, held, waiting: input.sessionIds.length - held };
  });
}

/** The event a confirmation link is for (the page shows its title before the person confirms). */
export async function confirmTarget(ctx: ModuleContext, token: string): Promise<repo.EventRow> {
  const r = await repo.findRegistrationByConfirmHash(ctx.db, hashToken(token));
  const e = r ? await repo.findEvent(ctx.db, r.event_id) : undefined;
  if (!r || !e || r.is_erased) throw new AppError('events.token_invalid');
  return e;
}

/** Confirms a registration through its e-mailed link; returns the token of the page to manage it. */
export async function confirm(ctx: ModuleContext, token: string): Promise<string> {
  const r = await repo.findRegistrationByConfirmHash(ctx.db, hashToken(token));
  if (!r) throw new AppError('events.token_invalid');
  if (r.status === 'expired' || (r.status === 'pending' && r.hold_expires_at <= ctx.clock.now().toISOString()))
    throw new AppError('events.hold_expired');
  if (r.status !== 'pending') throw new AppError('events.token_invalid');
  const e = await publicEvent(ctx, r.event_id);
  const manage = newToken();
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await repo.moveRegistration(trx, r.id, 'pending', { status: 'confirmed', confirmed_at: at, manage_token_hash: hashToken(manage) }))
    )
      throw new AppError('events.token_invalid');
    for (const p of await repo.placesOfRegistration(trx, r.id))
      if (p.status === 'held') await repo.movePlace(trx, p.id, 'held', { status: 'confirmed', updated_at: at });
    // places that freed up while this person was unconfirmed may be waiting for them now
    for (const p of await repo.placesOfRegistration(trx, r.id)) if (p.status === 'waiting') await offerFreeSeat(ctx, trx, p.session_id, e);
    await mailConfirmed(ctx, trx, r, e, manage);
  });
  return manage;
}

async function mailConfirmed(ctx: ModuleContext, trx: repo.Executor, r: repo.RegistrationRow, e: repo.EventRow, manage: string) {
  const lang: Lang = r.lang === 'en' ? 'en' : 'pl';
  const t = translator(lang);
  const places = await repo.placesOfRegistration(trx, r.id);
  const sessions = new Map((await repo.listSessions(trx, e.id)).map((s) => [s.id, s.title]));
  const lines = places.map((p) => `- ${sessions.get(p.session_id) ?? ''}: ${t(`events.placeStatus.${p.status}`)}`).join('\n');
  await enqueueMail(
    trx,
    {
      to: r.email ?? '',
      lang,
      template: 'event_confirmed',
      params: {
        event: e.title,
        link: `${base(ctx, lang)}/wydarzenia/rejestracja/${manage}`,
        calendar: `${ctx.config.publicUrl.replace(/\/$/, '')}/wydarzenia/${e.id}/kalendarz.ics`,
        sessions: lines,
      },
      about: `event:${e.id}`,
    },
    ctx.clock,
  );
}

/**
 * A place of the session has been given up inside `trx`: offer it to the first in line who may get
 * an offer now, or give it back to the session. Returns the offered place's id, if any.
 */
export async function passPlaceOn(ctx: ModuleContext, trx: repo.Executor, sessionId: string): Promise<string | null> {
  const s = await repo.findSession(trx, sessionId);
  if (!s) return null;
  const e = await repo.findEvent(trx, s.event_id);
  if (!e) return null;
  const offered = await offerTo(ctx, trx, s, e);
  if (!offered) await repo.returnPlace(trx, sessionId);
  return offered;
}

/** When the session has a free place and someone waits for it (a late confirmation), offer it. */
async function offerFreeSeat(ctx: ModuleContext, trx: repo.Executor, sessionId: string, e: repo.EventRow): Promise<void> {
  const s = await repo.findSession(trx, sessionId);
  if (!s || !(await repo.takePlace(trx, sessionId))) return;
  if (!(await offerTo(ctx, trx, s, e))) await repo.returnPlace(trx, sessionId);
}

/** How long an offer made now may last, or null when it would be shorter than the minimum. */
export function offerUntil(
  now: Date,
  e: Pick<repo.EventRow, 'registration_closes_at'>,
  s: Pick<repo.SessionRow, 'starts_at'>,
): string | null {
  let until = now.getTime() + OFFER_MS;
  if (e.registration_closes_at) until = Math.min(until, Date.parse(e.registration_closes_at));
  until = Math.min(until, Date.parse(s.starts_at));
  return until - now.getTime() < MIN_OFFER_MS ? null : new Date(until).toISOString();
}

async function offerTo(ctx: ModuleContext, trx: repo.Executor, s: repo.SessionRow, e: repo.EventRow): Promise<string | null> {
  const now = ctx.clock.now();
  const until = offerUntil(now, e, s);
  if (!until) return null;
  const at = now.toISOString();
  // people passed over in this round: being offered a place in another session at this very moment
  // (one open offer per person), so the place goes to the next in line
  const skipped: string[] = [];
  for (;;) {
    const next = await repo.claimFirstWaiting(trx, ctx.database.seam, s.id, skipped);
    if (!next) return null;
    if (
      !(await repo.claimRegistration(trx, ctx.database.seam, next.registration_id)) ||
      (await repo.hasOpenOffer(trx, next.registration_id))
    ) {
      skipped.push(next.registration_id);
      continue;
    }
    // the status is checked again by the update: someone else's offer (or a cancellation) wins
    if (!(await repo.movePlace(trx, next.id, 'waiting', { status: 'offered', offered_at: at, offer_expires_at: until, updated_at: at })))
      continue;
    const r = await repo.findRegistration(trx, next.registration_id);
    if (r?.email) {
      const lang: Lang = r.lang === 'en' ? 'en' : 'pl';
      const manage = newToken();
      await repo.updateRegistration(trx, r.id, { offer_token_hash: hashToken(manage) });
      await enqueueMail(
        trx,
        {
          to: r.email,
          lang,
          template: 'event_offer',
          params: {
            event: e.title,
            session: s.title,
            link: `${base(ctx, lang)}/wydarzenia/rejestracja/${manage}`,
            until: formatters(lang).dateTime(until),
          },
          about: `event:${e.id}`,
        },
        ctx.clock,
      );
    }
    return next.id;
  }
}

export interface ManageView {
  registration: repo.RegistrationRow;
  event: repo.EventRow;
  places: (repo.PlaceRow & { session: repo.SessionRow })[];
}

export async function byManageToken(ctx: ModuleContext, token: string): Promise<ManageView> {
  const r = await repo.findRegistrationByManageHash(ctx.db, hashToken(token));
  if (!r || r.is_erased) throw new AppError('events.token_invalid');
  const event = await repo.findEvent(ctx.db, r.event_id);
  if (!event) throw new AppError('events.token_invalid');
  const sessions = new Map((await repo.listSessions(ctx.db, event.id)).map((s) => [s.id, s]));
  const places = (await repo.placesOfRegistration(ctx.db, r.id)).flatMap((p) => {
    const session = sessions.get(p.session_id);
    return session ? [{ ...p, session }] : [];
  });
  return { registration: r, event, places };
}

/** Cancels the whole registration; each place it held is passed on in the same transaction. */
export async function cancel(ctx: ModuleContext, token: string): Promise<void> {
  const { registration: r } = await byManageToken(ctx, token);
  if (r.status !== 'confirmed' && r.status !== 'pending') return;
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.moveRegistration(trx, r.id, r.status, { status: 'cancelled', cancelled_at: at }))) return;
    await giveUpPlaces(ctx, trx, r.id, 'cancelled', at);
  });
}

async function giveUpPlaces(ctx: ModuleContext, trx: repo.Executor, registrationId: string, to: 'cancelled' | 'released', at: string) {
  for (const p of await repo.placesOfRegistration(trx, registrationId)) {
    if (p.status === 'held' || p.status === 'confirmed' || p.status === 'offered') {
      if (await repo.movePlace(trx, p.id, p.status, { status: to, updated_at: at })) await passPlaceOn(ctx, trx, p.session_id);
    } else if (p.status === 'waiting') await repo.movePlace(trx, p.id, 'waiting', { status: to, updated_at: at });
  }
}

/** Accepts an open offer for one session. */
export async function acceptOffer(ctx: ModuleContext, token: string, placeId: string): Promise<void> {
  const view = await byManageToken(ctx, token);
  const p = view.places.find((x) => x.id === placeId);
  if (!p || p.status !== 'offered') throw new AppError('events.offer_expired');
  if (!p.offer_expires_at || p.offer_expires_at <= ctx.clock.now().toISOString()) throw new AppError('events.offer_expired');
  if (!(await repo.movePlace(ctx.db, p.id, 'offered', { status: 'confirmed', updated_at: nowIso(ctx.clock) })))
    throw new AppError('events.offer_expired');
}

/** Declines an open offer: the place goes to the next in line. */
export async function declineOffer(ctx: ModuleContext, token: string, placeId: string): Promise<void> {
  const view = await byManageToken(ctx, token);
  const p = view.places.find((x) => x.id === placeId);
  if (!p || p.status !== 'offered') return;
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.movePlace(trx, p.id, 'offered', { status: 'released', updated_at: nowIso(ctx.clock) }))
      await passPlaceOn(ctx, trx, p.session_id);
  });
}

/** Scheduled: holds not confirmed in time and offers not accepted in time pass their places on. */
export async function moveExpired(ctx: ModuleContext): Promise<string> {
  const now = nowIso(ctx.clock);
  let holds = 0;
  let offers = 0;
  for (const r of await repo.expiredHolds(ctx.db, now)) {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.moveRegistration(trx, r.id, 'pending', { status: 'expired' }))) return;
      holds += 1;
      await giveUpPlaces(ctx, trx, r.id, 'released', now);
    });
  }
  for (const p of await repo.expiredOffers(ctx.db, now)) {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.movePlace(trx, p.id, 'offered', { status: 'released', updated_at: now }))) return;
      offers += 1;
      await passPlaceOn(ctx, trx, p.session_id);
    });
  }
  return `${operatorText('events.cli.holdsExpired', { count: holds })}, ${operatorText('events.cli.offersExpired', { count: offers })}`;
}
