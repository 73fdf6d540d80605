// Rules of events (staff side and public listing): checking and saving an event and its sessions
// with an audit entry, the public list with its filters, the month calendar, the archive and the
// upcoming events near a place. Dates are Warsaw wall-clock times entered by staff (core/time).
// No HTTP and no SQL strings here.
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import {
  addDays,
  calendarDay,
  daysInMonth,
  isoWeekday,
  toWarsawLocal,
  warsawDay,
  warsawDayStart,
  warsawLocalToUtc,
  warsawToday,
} from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import type { TKey } from '../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { GMINA_PATTERN, gminaChoices as territoryGminaChoices } from '../territory/index.js';
import * as repo from './events.repo.js';
import type { EventType } from './events.tables.js';

export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
export type FormValues = Record<string, string | undefined>;

export const EVENT_TYPES: readonly EventType[] = ['forum', 'conference', 'training', 'fair', 'open_day', 'study_visit', 'meeting'];
const URL_RE = /^https:\/\/[^\s<>"]+$/u;
const MONTH_RE = /^(\d{4})-(\d{2})$/u;

export function isEventType(v: unknown): v is EventType {
  return typeof v === 'string' && (EVENT_TYPES as readonly string[]).includes(v);
}

export async function getEvent(ctx: ModuleContext, id: string): Promise<repo.EventRow> {
  const e = await repo.findEvent(ctx.db, id);
  if (!e) throw new AppError('http.not_found');
  return e;
}

export async function publicEvent(ctx: ModuleContext, id: string): Promise<repo.EventRow> {
  const e = await repo.findEvent(ctx.db, id);
  if (!e || !e.is_published) throw new AppError('http.not_found');
  return e;
}

/** Registration state of an event now. */
export type RegistrationState = 'none' | 'not_yet' | 'open' | 'closed';

export function registrationState(e: repo.EventRow, now: Date): RegistrationState {
  if (!e.registration_opens_at || !e.registration_closes_at) return 'none';
  const t = now.toISOString();
  if (t < e.registration_opens_at) return 'not_yet';
  if (t >= e.registration_closes_at || t >= e.ends_at) return 'closed';
  return 'open';
}

// --- gminy chosen by name ---------------------------------------------------------------------------

export interface GminaChoice {
  teryt: string;
  name: string;
  powiat: string;
  typeKey: TKey;
}

function typeKey(type: number | null): TKey {
  return type === 1 ? 'territory.gminaType.1' : type === 2 ? 'territory.gminaType.2' : 'territory.gminaType.3';
}

/** The gminy with their powiat, from the territory's list kept until the territorial units change. */
export async function gminaChoices(ctx: ModuleContext): Promise<GminaChoice[]> {
  return (await territoryGminaChoices(ctx)).map((g) => ({
    teryt: g.teryt,
    name: g.name,
    powiat: g.powiatName,
    typeKey: typeKey(g.gminaType),
  }));
}

/** The powiaty in the order of their names (each has at least one gmina). */
export async function powiatChoices(ctx: ModuleContext): Promise<{ teryt: string; name: string }[]> {
  const seen = new Map<string, string>();
  for (const g of await territoryGminaChoices(ctx)) if (!seen.has(g.powiatTeryt)) seen.set(g.powiatTeryt, g.powiatName);
  return [...seen]
    .map(([teryt, name]) => ({ teryt, name }))
    .sort((a, b) =>
      polishSortKey(a.name) < polishSortKey(b.name)
        ? -1
        : polishSortKey(a.name) > polishSortKey(b.name)
          ? 1
          : a.teryt.localeCompare(b.teryt),
    );
}

export async function gminaName(ctx: ModuleContext, teryt: string | null): Promise<string | null> {
  if (!teryt) return null;
  return (await territoryGminaChoices(ctx)).find((g) => g.teryt === teryt)?.name ?? null;
}

// --- the event form ------------------------------------------------------------------------------------

interface Details {
  title: string;
  type: EventType;
  description: string;
  organiser: string;
  startsAt: string;
  endsAt: string;
  online: boolean;
  onlineUrl: string | null;
  address: string | null;
  gmina: string | null;
  opensAt: string | null;
  closesAt: string | null;
  who: string;
  stepFree: boolean;
  loop: boolean;
  sign: boolean;
  accessibilityNotes: string;
  published: boolean;
}

function dateField(f: FormChecker, field: string, label: TKey, required: boolean): string | null {
  const text = f.text(field);
  if (!text) {
    if (required) f.add(field, label, 'validation.required');
    return null;
  }
  const at = warsawLocalToUtc(text);
  if (!at) f.add(field, label, 'events.errors.dateTime');
  return at;
}

async function checkDetails(ctx: ModuleContext, f: FormChecker): Promise<Details> {
  const title = f.required('title', 'events.form.title', { max: 300 });
  const typeText = f.text('type');
  if (!isEventType(typeText)) f.add('type', 'events.form.type', 'validation.required');
  const description = f.required('description', 'events.form.description', { max: 20_000 });
  const organiser = f.required('organiser', 'events.form.organiser', { max: 300 });
  const startsAt = dateField(f, 'starts_at', 'events.form.startsAt', true);
  const endsAt = dateField(f, 'ends_at', 'events.form.endsAt', true);
  if (startsAt && endsAt && endsAt <= startsAt) f.add('ends_at', 'events.form.endsAt', 'events.errors.endBeforeStart');
  const mode = f.text('mode');
  if (mode !== 'online' && mode !== 'onsite') f.add('mode', 'events.form.mode', 'validation.required');
  const online = mode === 'online';
  let onlineUrl: string | null = null;
  let address: string | null = null;
  let gmina: string | null = null;
  if (online) {
    onlineUrl = f.required('online_url', 'events.form.onlineUrl', { max: 500 });
    if (onlineUrl && !URL_RE.test(onlineUrl)) f.add('online_url', 'events.form.onlineUrl', 'events.errors.url');
  } else if (mode === 'onsite') {
    address = f.required('address', 'events.form.address', { max: 300 });
    gmina = f.text('gmina_teryt');
    if (!gmina) f.add('gmina_teryt', 'events.form.gmina', 'validation.required');
    else if (!GMINA_PATTERN.test(gmina) || !(await territoryGminaChoices(ctx)).some((g) => g.teryt === gmina))
      f.add('gmina_teryt', 'events.form.gmina', 'validation.invalid');
  }
  const opensAt = dateField(f, 'registration_opens_at', 'events.form.opensAt', false);
  const closesAt = dateField(f, 'registration_closes_at', 'events.form.closesAt', false);
  if ((opensAt === null) !== (closesAt === null) && !f.hasProblem('registration_opens_at') && !f.hasProblem('registration_closes_at'))
    f.add(
      opensAt ? 'registration_closes_at' : 'registration_opens_at',
      opensAt ? 'events.form.closesAt' : 'events.form.opensAt',
      'events.errors.windowBoth',
    );
  if (opensAt && closesAt && closesAt <= opensAt) f.add('registration_closes_at', 'events.form.closesAt', 'events.errors.endBeforeStart');
  if (closesAt && endsAt && closesAt > endsAt) f.add('registration_closes_at', 'events.form.closesAt', 'events.errors.closesAfterEnd');
  const who = f.text('who_may_register');
  if ([...who].length > 1000) f.add('who_may_register', 'events.form.who', 'validation.tooLong', { count: 1000 });
  const notes = f.text('accessibility_notes');
  if ([...notes].length > 5000) f.add('accessibility_notes', 'events.form.accessibilityNotes', 'validation.tooLong', { count: 5000 });
  return {
    title,
    type: isEventType(typeText) ? typeText : 'meeting',
    description,
    organiser,
    startsAt: startsAt ?? '',
    endsAt: endsAt ?? '',
    online,
    onlineUrl,
    address,
    gmina,
    opensAt,
    closesAt,
    who,
    stepFree: f.text('has_step_free_access') === '1',
    loop: f.text('has_induction_loop') === '1',
    sign: f.text('has_sign_language') === '1',
    accessibilityNotes: notes,
    published: f.text('is_published') === '1',
  };
}

function columns(d: Details) {
  return {
    title: d.title,
    type: d.type,
    description: d.description,
    organiser: d.organiser,
    starts_at: d.startsAt,
    ends_at: d.endsAt,
    date_precision: 'minute' as const,
    is_online: d.online,
    online_url: d.onlineUrl,
    address: d.address,
    gmina_teryt: d.gmina,
    registration_opens_at: d.opensAt,
    registration_closes_at: d.closesAt,
    who_may_register: d.who,
    has_step_free_access: d.stepFree,
    has_induction_loop: d.loop,
    has_sign_language: d.sign,
    accessibility_notes: d.accessibilityNotes,
    is_published: d.published,
    title_sort: polishSortKey(d.title),
  };
}

export async function createEvent(ctx: ModuleContext, body: FormValues, actor: Actor): Promise<string> {
  const f = new FormChecker(body);
  const d = await checkDetails(ctx, f);
  f.assertValid();
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertEvent(trx, {
      id,
      ...columns(d),
      source: null,
      is_example: false,
      personal_data_erased_at: null,
      created_at: now,
      updated_at: now,
      created_by: actor.actorId,
    });
    await recordAudit(trx, { ...actor, action: 'event.create', subjectType: 'event', subjectId: id, meta: { title: d.title } }, ctx.clock);
  });
  return id;
}

export async function updateEvent(ctx: ModuleContext, id: string, body: FormValues, actor: Actor): Promise<void> {
  const e = await getEvent(ctx, id);
  const f = new FormChecker(body);
  const d = await checkDetails(ctx, f);
  f.assertValid();
  const set = columns(d);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, after] of Object.entries(set)) {
    const before = e[k as keyof repo.EventRow];
    if (k !== 'title_sort' && before !== after) changes[k] = k === 'description' ? { before: '…', after: '…' } : { before, after };
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateEvent(trx, id, { ...set, updated_at: nowIso(ctx.clock) });
    await recordAudit(trx, { ...actor, action: 'event.update', subjectType: 'event', subjectId: id, changes }, ctx.clock);
  });
}

export function eventFormValues(e: repo.EventRow): Record<string, string> {
  return {
    title: e.title,
    type: e.type,
    description: e.description,
    organiser: e.organiser,
    starts_at: toWarsawLocal(e.starts_at),
    ends_at: toWarsawLocal(e.ends_at),
    mode: e.is_online ? 'online' : 'onsite',
    online_url: e.online_url ?? '',
    address: e.address ?? '',
    gmina_teryt: e.gmina_teryt ?? '',
    registration_opens_at: e.registration_opens_at ? toWarsawLocal(e.registration_opens_at) : '',
    registration_closes_at: e.registration_closes_at ? toWarsawLocal(e.registration_closes_at) : '',
    who_may_register: e.who_may_register,
    has_step_free_access: e.has_step_free_access ? '1' : '',
    has_induction_loop: e.has_induction_loop ? '1' : '',
    has_sign_language: e.has_sign_language ? '1' : '',
    accessibility_notes: e.accessibility_notes,
    is_published: e.is_published ? '1' : '',
  };
}

// --- sessions --------------------------------------------------------------------------------------------

export async function addSession(ctx: ModuleContext, eventId: string, body: FormValues, actor: Actor): Promise<string> {
  const e = await getEvent(ctx, eventId);
  const f = new FormChecker(body);
  const title = f.required('title', 'events.session.title', { max: 300 });
  const startsAt = dateField(f, 'starts_at', 'events.session.startsAt', true);
  const endsAt = dateField(f, 'ends_at', 'events.session.endsAt', true);
  if (startsAt && endsAt && endsAt <= startsAt) f.add('ends_at', 'events.session.endsAt', 'events.errors.endBeforeStart');
  if (startsAt && (startsAt < e.starts_at || startsAt >= e.ends_at))
    f.add('starts_at', 'events.session.startsAt', 'events.errors.outsideEvent');
  if (endsAt && (endsAt > e.ends_at || endsAt <= e.starts_at)) f.add('ends_at', 'events.session.endsAt', 'events.errors.outsideEvent');
  const speakers = f.text('speakers');
  if ([...speakers].length > 1000) f.add('speakers', 'events.session.speakers', 'validation.tooLong', { count: 1000 });
  const room = f.text('room');
  if ([...room].length > 200) f.add('room', 'events.session.room', 'validation.tooLong', { count: 200 });
  const capText = f.text('capacity');
  let capacity: number | null = null;
  if (capText) {
    capacity = /^\d{1,6}$/u.test(capText) ? Number(capText) : NaN;
    if (!Number.isInteger(capacity) || capacity < 1) f.add('capacity', 'events.session.capacity', 'events.errors.capacity');
  }
  f.assertValid();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, {
      id,
      event_id: eventId,
      title,
      starts_at: startsAt!,
      ends_at: endsAt!,
      speakers,
      room,
      capacity,
      taken: 0,
      created_at: nowIso(ctx.clock),
    });
    await repo.updateEvent(trx, eventId, { updated_at: nowIso(ctx.clock) });
    await recordAudit(
      trx,
      { ...actor, action: 'event.session.add', subjectType: 'event', subjectId: eventId, meta: { session: id, title, capacity } },
      ctx.clock,
    );
  });
  return id;
}

/** Removes a session nobody registered for (a session with registrations stays, so no place disappears). */
export async function removeSession(ctx: ModuleContext, eventId: string, sessionId: string, actor: Actor): Promise<void> {
  const s = await repo.findSession(ctx.db, sessionId);
  if (!s || s.event_id !== eventId) throw new AppError('http.not_found');
  if ((await repo.countPlacesOfSession(ctx.db, sessionId)) > 0) throw new AppError('events.session_in_use');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await recordAudit(
      trx,
      { ...actor, action: 'event.session.remove', subjectType: 'event', subjectId: eventId, meta: { session: sessionId, title: s.title } },
      ctx.clock,
    );
  });
}

// --- the public list ---------------------------------------------------------------------------------------

export interface ListFilters {
  type?: EventType;
  /** `YYYY-MM` */
  month?: string;
  powiat?: string;
  mode?: 'online' | 'onsite';
  open?: boolean;
}

/** The first instant of a month and of the next one (Warsaw calendar). */
export function monthRange(month: string): { from: string; to: string } | null {
  const m = MONTH_RE.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const first = calendarDay(y, mo, 1);
  if (!first || y < 2000 || y > 2100) return null;
  return { from: warsawDayStart(first), to: warsawDayStart(first, daysInMonth(y, mo)) };
}

export function currentMonth(ctx: ModuleContext): string {
  return warsawToday(ctx.clock).slice(0, 7);
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + by;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/** Published events matching the filters: upcoming (not yet ended) unless a month is chosen. */
export async function listForPublic(ctx: ModuleContext, filters: ListFilters): Promise<repo.EventRow[]> {
  const now = ctx.clock.now();
  const range = filters.month ? monthRange(filters.month) : null;
  const rows = await repo.listEvents(ctx.db, {
    publishedOnly: true,
    endsAfter: range ? range.from : now.toISOString(),
    ...(range ? { startsBefore: range.to } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.powiat ? { powiat: filters.powiat } : {}),
    ...(filters.mode ? { online: filters.mode === 'online' } : {}),
  });
  return filters.open ? rows.filter((e) => registrationState(e, now) === 'open') : rows;
}

export async function listArchive(ctx: ModuleContext): Promise<repo.EventRow[]> {
  return repo.listEvents(ctx.db, { publishedOnly: true, endedBy: ctx.clock.now().toISOString(), newestFirst: true });
}

export async function listForStaff(ctx: ModuleContext): Promise<repo.EventRow[]> {
  return repo.listEvents(ctx.db, { publishedOnly: false, newestFirst: true });
}

/** Upcoming published events placed in one of the gminy (a profile), or anywhere (the home page). */
export async function upcoming(ctx: ModuleContext, limit: number, gminy?: readonly string[]): Promise<repo.EventRow[]> {
  return repo.listEvents(ctx.db, { publishedOnly: true, endsAfter: ctx.clock.now().toISOString(), limit, ...(gminy ? { gminy } : {}) });
}

// --- the month calendar ----------------------------------------------------------------------------------

export interface CalendarDay {
  day: string;
  inMonth: boolean;
  events: repo.EventRow[];
}

/** Weeks (Monday first) of a month with the events on each day; month-precision events listed apart. */
export function calendarWeeks(month: string, events: readonly repo.EventRow[]): { weeks: CalendarDay[][]; undated: repo.EventRow[] } {
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  const start = addDays(first, 1 - isoWeekday(first));
  const end = addDays(last, 7 - isoWeekday(last));
  const weeks: CalendarDay[][] = [];
  const dated = events.filter((e) => e.date_precision !== 'month');
  for (let d = start; d <= end; d = addDays(d, 1)) {
    if (isoWeekday(d) === 1) weeks.push([]);
    const dayStart = warsawDayStart(d);
    const dayEnd = warsawDayStart(d, 1);
    weeks[weeks.length - 1]!.push({
      day: d,
      inMonth: d >= first && d <= last,
      events: dated.filter((e) => e.starts_at < dayEnd && e.ends_at > dayStart),
    });
  }
  return { weeks, undated: events.filter((e) => e.date_precision === 'month') };
}

export function eventDay(at: string): string {
  return warsawDay(at);
}
