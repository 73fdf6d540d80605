// Rules of the bodies module: what a body, a term, a seat and a membership must hold; which term is
// current and who sits on it today (a membership counts from its first to its last day, Warsaw
// calendar); how many seats of a category are vacant (only when the category's number of seats is
// known); the staff reminders 90 and 30 days before a term ends, each sent once; and the member role
// taken from an account once all its memberships of the body have ended.
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { daysBetween, isCalendarDay, warsawToday } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import { translator, operatorText, type Lang, type T } from '../../i18n/index.js';
import { grantScopedRoleByEmail, revokeScopedRole } from '../accounts/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { enqueueMail } from '../mail/index.js';
import * as repo from './bodies.repo.js';
import {
  BODY_TYPES,
  END_GROUNDS,
  MAJORITIES,
  MEMBER_ROLES,
  SEAT_CATEGORIES,
  type BodyType,
  type EndGround,
  type Majority,
  type MemberRole,
  type SeatCategory,
} from './bodies.tables.js';

export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
/** The scoped role a member's account holds for the body's member space. */
export const MEMBER_ROLE = { role: 'team_member', scopeType: 'team' } as const;
/** The reminders before a term's last day, in days. */
export const REMINDER_DAYS = [90, 30] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RESERVED = new Set(['api', 'nowy', 'admin']);

// --- reading -------------------------------------------------------------------------------------

export async function getBodyBySlug(ctx: ModuleContext, slug: string): Promise<repo.BodyRow> {
  const body = await repo.findBodyBySlug(ctx.db, slug);
  if (!body) throw new AppError('http.not_found');
  return body;
}

export async function getBody(ctx: ModuleContext, id: string): Promise<repo.BodyRow> {
  const body = await repo.findBody(ctx.db, id);
  if (!body) throw new AppError('http.not_found');
  return body;
}

/** The term in force today, else the latest one that has begun (or the latest of all); null without terms. */
export function currentTerm(terms: readonly repo.TermRow[], today: string): repo.TermRow | null {
  const inForce = terms.filter((t) => (t.starts_on === null || t.starts_on <= today) && (t.ends_on === null || t.ends_on >= today));
  if (inForce.length > 0) return inForce[inForce.length - 1]!;
  const begun = terms.filter((t) => t.starts_on !== null && t.starts_on <= today);
  return begun[begun.length - 1] ?? terms[terms.length - 1] ?? null;
}

/** A membership is current from its first day to its last (both known or open) and while no end ground is recorded for a past day. */
export function isCurrentMembership(m: Pick<repo.MembershipRow, 'starts_on' | 'ends_on'>, today: string): boolean {
  return (m.starts_on === null || m.starts_on <= today) && (m.ends_on === null || m.ends_on >= today);
}

export interface SeatComposition {
  seat: repo.SeatRow;
  members: repo.MembershipRow[];
  /** Seats of the category nobody holds today; null when the category's number of seats is unknown. */
  vacant: number | null;
}

/** Today's members of a term grouped by seat category, in the seats' order; substitutes do not fill a seat. */
export function composition(seats: readonly repo.SeatRow[], memberships: readonly repo.MembershipRow[], today: string): SeatComposition[] {
  return seats.map((seat) => {
    const members = memberships.filter((m) => m.seat_id === seat.id && isCurrentMembership(m, today));
    const holders = members.filter((m) => m.role !== 'substitute').length;
    return { seat, members, vacant: seat.seat_count === null ? null : Math.max(0, seat.seat_count - holders) };
  });
}

export interface BodyPage {
  body: repo.BodyRow;
  terms: repo.TermRow[];
  term: repo.TermRow | null;
  seats: repo.SeatRow[];
  memberships: repo.MembershipRow[];
  groups: SeatComposition[];
  today: string;
}

/** Everything a body's pages show about one term (the current one unless a number is given). */
export async function bodyPage(ctx: ModuleContext, body: repo.BodyRow, termNumber?: number): Promise<BodyPage> {
  const today = warsawToday(ctx.clock);
  const terms = await repo.listTerms(ctx.db, body.id);
  const term = termNumber === undefined ? currentTerm(terms, today) : (terms.find((t) => t.number === termNumber) ?? null);
  if (termNumber !== undefined && !term) throw new AppError('http.not_found');
  const seats = term ? await repo.listSeats(ctx.db, term.id) : [];
  const memberships = term ? await repo.listMemberships(ctx.db, term.id) : [];
  return { body, terms, term, seats, memberships, groups: composition(seats, memberships, today), today };
}

/** Memberships as the public and the API may see them: no demo placeholders unless asked, never contact data. */
export function publicMemberships(memberships: readonly repo.MembershipRow[], withExamples: boolean) {
  return memberships.filter((m) => withExamples || !m.is_example).map(({ email: _email, phone: _phone, user_id: _user, ...rest }) => rest);
}

// --- staff changes -------------------------------------------------------------------------------

function fromList<T extends string>(c: FormChecker, field: string, label: Parameters<FormChecker['add']>[1], list: readonly T[]): T {
  const value = c.text(field);
  if ((list as readonly string[]).includes(value)) return value as T;
  c.add(field, label, value === '' ? 'validation.required' : 'validation.invalid');
  return list[0]!;
}

function optionalDay(c: FormChecker, field: string, label: Parameters<FormChecker['add']>[1]): string | null {
  const value = c.text(field);
  if (value === '') return null;
  if (!isCalendarDay(value)) {
    c.add(field, label, 'bodies.errors.day');
    return null;
  }
  return value;
}

function positiveInt(c: FormChecker, field: string, label: Parameters<FormChecker['add']>[1], opts: { required: boolean }): number | null {
  const value = c.text(field);
  if (value === '') {
    if (opts.required) c.add(field, label, 'validation.required');
    return null;
  }
  if (!/^[0-9]{1,4}$/.test(value) || Number(value) < 1) {
    c.add(field, label, 'bodies.errors.positive');
    return null;
  }
  return Number(value);
}

export interface BodyValues {
  slug: string;
  name: string;
  type: BodyType;
  legal_basis: string | null;
  description: string;
  has_rules: boolean;
  is_composition_public: boolean;
  is_minutes_public: boolean;
  quorum_kind: 'fraction' | 'count';
  quorum_numerator: number | null;
  quorum_denominator: number | null;
  quorum_count: number | null;
  majority: Majority;
  is_substitutes_allowed: boolean;
  is_substitutes_quorum: boolean;
  is_votes_named: boolean;
}

async function checkBody(ctx: ModuleContext, form: Record<string, string>, id: string | null): Promise<BodyValues> {
  const c = new FormChecker(form);
  const name = c.required('name', 'bodies.form.name', { max: 300 });
  const slug = c.required('slug', 'bodies.form.slug', { max: 80 }).toLowerCase();
  if (slug !== '' && !c.hasProblem('slug')) {
    if (!SLUG.test(slug) || RESERVED.has(slug)) c.add('slug', 'bodies.form.slug', 'bodies.errors.slug');
    else {
      const other = await repo.findBodyBySlug(ctx.db, slug);
      if (other && other.id !== id) c.add('slug', 'bodies.form.slug', 'bodies.errors.slugTaken');
    }
  }
  const type = fromList(c, 'type', 'bodies.form.type', BODY_TYPES);
  const legalBasis = c.text('legal_basis');
  if ([...legalBasis].length > 1000) c.add('legal_basis', 'bodies.form.legalBasis', 'validation.tooLong', { count: 1000 });
  const description = c.text('description');
  if ([...description].length > 20000) c.add('description', 'bodies.form.description', 'validation.tooLong', { count: 20000 });
  const quorumKind = fromList(c, 'quorum_kind', 'bodies.form.quorumKind', ['fraction', 'count'] as const);
  let numerator: number | null = null;
  let denominator: number | null = null;
  let count: number | null = null;
  if (quorumKind === 'fraction') {
    const m = /^\s*([0-9]{1,3})\s*\/\s*([0-9]{1,3})\s*$/.exec(c.text('quorum_fraction'));
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]))
      c.add('quorum_fraction', 'bodies.form.quorumFraction', 'bodies.errors.fraction');
    else [numerator, denominator] = [Number(m[1]), Number(m[2])];
  } else {
    count = positiveInt(c, 'quorum_count', 'bodies.form.quorumCount', { required: true });
  }
  const majority = fromList(c, 'majority', 'bodies.form.majority', MAJORITIES);
  const substitutesAllowed = c.text('is_substitutes_allowed') === '1';
  c.assertValid();
  return {
    slug,
    name,
    type,
    legal_basis: legalBasis === '' ? null : legalBasis,
    description,
    has_rules: true,
    is_composition_public: c.text('is_composition_public') === '1',
    is_minutes_public: c.text('is_minutes_public') === '1',
    quorum_kind: quorumKind,
    quorum_numerator: numerator,
    quorum_denominator: denominator,
    quorum_count: count,
    majority,
    is_substitutes_allowed: substitutesAllowed,
    is_substitutes_quorum: substitutesAllowed && c.text('is_substitutes_quorum') === '1',
    is_votes_named: c.text('is_votes_named') === '1',
  };
}

export async function createBody(ctx: ModuleContext, form: Record<string, string>, actor: Actor): Promise<string> {
  const v = await checkBody(ctx, form, null);
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertBody(trx, {
      id,
      ...v,
      name_sort: polishSortKey(v.name),
      subregion_id: null,
      sources: '',
      created_at: now,
      updated_at: now,
    });
    await recordAudit(
      trx,
      { ...actor, action: 'body.create', subjectType: 'body', subjectId: id, changes: { name: { before: null, after: v.name } } },
      ctx.clock,
    );
  });
  return id;
}

export async function updateBody(ctx: ModuleContext, id: string, form: Record<string, string>, actor: Actor): Promise<void> {
  const before = await getBody(ctx, id);
  const v = await checkBody(ctx, form, id);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, value] of Object.entries(v)) {
    const old = before[k as keyof repo.BodyRow];
    if (old !== value) changes[k] = { before: old, after: value };
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateBody(trx, id, { ...v, name_sort: polishSortKey(v.name), updated_at: nowIso(ctx.clock) });
    await recordAudit(trx, { ...actor, action: 'body.update', subjectType: 'body', subjectId: id, changes }, ctx.clock);
  });
}

export async function addTerm(ctx: ModuleContext, bodyId: string, form: Record<string, string>, actor: Actor): Promise<string> {
  await getBody(ctx, bodyId);
  const c = new FormChecker(form);
  const number = positiveInt(c, 'number', 'bodies.termForm.number', { required: true });
  const startsOn = optionalDay(c, 'starts_on', 'bodies.termForm.startsOn');
  const endsOn = optionalDay(c, 'ends_on', 'bodies.termForm.endsOn');
  if (startsOn && endsOn && endsOn < startsOn) c.add('ends_on', 'bodies.termForm.endsOn', 'bodies.errors.endBeforeStart');
  const note = c.text('note');
  if ([...note].length > 500) c.add('note', 'bodies.termForm.note', 'validation.tooLong', { count: 500 });
  if (number !== null && (await repo.listTerms(ctx.db, bodyId)).some((t) => t.number === number))
    c.add('number', 'bodies.termForm.number', 'bodies.errors.termTaken');
  c.assertValid();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertTerm(trx, {
      id,
      body_id: bodyId,
      number: number!,
      starts_on: startsOn,
      ends_on: endsOn,
      note,
      created_at: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'body.term_add',
        subjectType: 'body',
        subjectId: bodyId,
        changes: { term: { before: null, after: { number, starts_on: startsOn, ends_on: endsOn } } },
      },
      ctx.clock,
    );
  });
  return id;
}

export async function getTerm(ctx: ModuleContext, bodyId: string, termId: string): Promise<repo.TermRow> {
  const term = await repo.findTerm(ctx.db, termId);
  if (!term || term.body_id !== bodyId) throw new AppError('http.not_found');
  return term;
}

export async function addSeat(ctx: ModuleContext, term: repo.TermRow, form: Record<string, string>, actor: Actor): Promise<void> {
  const c = new FormChecker(form);
  const category = fromList<SeatCategory>(c, 'category', 'bodies.seat.category', SEAT_CATEGORIES);
  const label = c.text('label');
  if (category === 'other' && label === '') c.add('label', 'bodies.seat.label', 'validation.required');
  if ([...label].length > 200) c.add('label', 'bodies.seat.label', 'validation.tooLong', { count: 200 });
  const count = positiveInt(c, 'seat_count', 'bodies.seat.count', { required: false });
  const seats = await repo.listSeats(ctx.db, term.id);
  if (category !== 'other' && seats.some((s) => s.category === category))
    c.add('category', 'bodies.seat.category', 'bodies.errors.seatTaken');
  c.assertValid();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSeat(trx, {
      id,
      term_id: term.id,
      category,
      label: category === 'other' ? label : null,
      seat_count: count,
      position: seats.length,
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'body.seat_add',
        subjectType: 'body',
        subjectId: term.body_id,
        changes: { seat: { before: null, after: { term: term.number, category, seat_count: count } } },
      },
      ctx.clock,
    );
  });
}

/**
 * Adds a member. With an e-mail address the person gets (or is invited to) an account holding the
 * member role scoped to this body, which opens the member space; the address stays on staff pages.
 */
export async function addMembership(
  ctx: ModuleContext,
  body: repo.BodyRow,
  term: repo.TermRow,
  form: Record<string, string>,
  actor: Actor,
  lang: Lang,
  inviterName: string,
): Promise<string> {
  const c = new FormChecker(form);
  const personName = c.required('person_name', 'bodies.member.name', { max: 200 });
  const seats = await repo.listSeats(ctx.db, term.id);
  const seatId = c.text('seat_id');
  const seat = seats.find((s) => s.id === seatId);
  if (!seat) c.add('seat_id', 'bodies.member.seat', seatId === '' ? 'validation.required' : 'validation.invalid');
  const role = fromList<MemberRole>(c, 'role', 'bodies.member.role', MEMBER_ROLES);
  if (role === 'substitute' && !body.is_substitutes_allowed) c.add('role', 'bodies.member.role', 'bodies.errors.noSubstitutes');
  const institution = c.required('nominating_institution', 'bodies.member.institution', { max: 300 });
  const startsOn = optionalDay(c, 'starts_on', 'bodies.member.startsOn');
  const appointingAct = c.required('appointing_act', 'bodies.member.appointingAct', { max: 500 });
  const email = c.text('email');
  if (email !== '') c.email('email', 'bodies.member.email');
  const phone = c.text('phone');
  if ([...phone].length > 40) c.add('phone', 'bodies.member.phone', 'validation.tooLong', { count: 40 });
  if (startsOn && term.ends_on && startsOn > term.ends_on) c.add('starts_on', 'bodies.member.startsOn', 'bodies.errors.afterTerm');
  c.assertValid();
  const id = newId();
  const now = nowIso(ctx.clock);
  const t = translator(lang);
  await ctx.db.transaction().execute(async (trx) => {
    let userId: string | null = null;
    if (email !== '') {
      userId = (
        await grantScopedRoleByEmail(
          ctx,
          trx,
          {
            email,
            displayName: personName,
            lang,
            ...MEMBER_ROLE,
            scopeId: body.id,
            roleLabel: t('bodies.member.roleLabel', { body: body.name }),
            inviterName,
          },
          actor,
        )
      ).userId;
    }
    await repo.insertMembership(trx, {
      id,
      term_id: term.id,
      seat_id: seat!.id,
      user_id: userId,
      person_name: personName,
      role,
      nominating_institution: institution,
      starts_on: startsOn ?? term.starts_on,
      ends_on: null,
      end_ground: null,
      appointing_act: appointingAct,
      dismissing_act: null,
      email: email === '' ? null : email,
      phone: phone === '' ? null : phone,
      is_example: false,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'body.member_add',
        subjectType: 'body',
        subjectId: body.id,
        changes: { membership: { before: null, after: { id, person_name: personName, role, seat: seat!.category, term: term.number } } },
      },
      ctx.clock,
    );
  });
  return id;
}

/** Ends a membership on a given day with its ground and (for a dismissal) the dismissing act. */
export async function endMembership(
  ctx: ModuleContext,
  term: repo.TermRow,
  membershipId: string,
  form: Record<string, string>,
  actor: Actor,
): Promise<void> {
  const m = await repo.findMembership(ctx.db, membershipId);
  if (!m || m.term_id !== term.id) throw new AppError('http.not_found');
  if (m.end_ground !== null) throw new AppError('bodies.already_ended');
  const c = new FormChecker(form);
  const endsOn = optionalDay(c, 'ends_on', 'bodies.member.endsOn');
  if (c.text('ends_on') === '') c.add('ends_on', 'bodies.member.endsOn', 'validation.required');
  if (endsOn && m.starts_on && endsOn < m.starts_on) c.add('ends_on', 'bodies.member.endsOn', 'bodies.errors.endBeforeStart');
  const ground = fromList<EndGround>(c, 'end_ground', 'bodies.member.endGround', END_GROUNDS);
  const act = c.text('dismissing_act');
  if (ground !== 'term_end' && act === '') c.add('dismissing_act', 'bodies.member.dismissingAct', 'bodies.errors.actNeeded');
  if ([...act].length > 500) c.add('dismissing_act', 'bodies.member.dismissingAct', 'validation.tooLong', { count: 500 });
  c.assertValid();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateMembership(trx, m.id, {
      ends_on: endsOn,
      end_ground: ground,
      dismissing_act: act === '' ? null : act,
      updated_at: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'body.member_end',
        subjectType: 'body',
        subjectId: term.body_id,
        changes: { ends_on: { before: m.ends_on, after: endsOn }, end_ground: { before: null, after: ground } },
        meta: { membership: m.id },
      },
      ctx.clock,
    );
    // a membership ended on a past day closes the member space at once; a later end day, by the job
    if (m.user_id) await revokeEndedMemberRoles(ctx, trx, actor, m.user_id);
  });
}

// --- the member role after a membership ends ----------------------------------------------------------

/**
 * Takes the member role of a body from every account (or the one given) whose memberships of that
 * body have all ended — none current today, none still to begin — so ex-members no longer see the
 * member space. Run when a membership is ended and daily by the job; a second run changes nothing.
 */
export async function revokeEndedMemberRoles(ctx: ModuleContext, db: repo.Executor, actor: Actor, userId?: string): Promise<number> {
  const today = warsawToday(ctx.clock);
  const held = new Map<string, { ended: boolean; sitting: boolean; userId: string; bodyId: string }>();
  for (const m of await repo.listAccountMemberships(db, userId)) {
    const key = `${m.user_id} ${m.body_id}`;
    const x = held.get(key) ?? { ended: false, sitting: false, userId: m.user_id, bodyId: m.body_id };
    if (m.ends_on !== null && m.ends_on < today) x.ended = true;
    else x.sitting = true; // current, or still to begin
    held.set(key, x);
  }
  let revoked = 0;
  for (const x of held.values()) {
    if (!x.ended || x.sitting) continue;
    if (await revokeScopedRole(ctx, db, x.userId, { ...MEMBER_ROLE, scopeId: x.bodyId }, actor)) revoked++;
  }
  return revoked;
}

/** The daily job: the member role goes from those whose membership ended yesterday or before. */
export async function revokeEndedMemberships(ctx: ModuleContext): Promise<string> {
  const n = await ctx.db.transaction().execute((trx) => revokeEndedMemberRoles(ctx, trx, { actorId: null, ip: null, requestId: null }));
  return operatorText('bodies.cli.rolesRevoked', { count: n });
}

// --- reminders -----------------------------------------------------------------------------------

/**
 * Daily: for every term ending in at most 90 (then 30) days, the staff get one e-mail listing the
 * seats that need nominations for the next term. Each reminder is recorded before it is queued, in
 * one transaction, so a rerun (or a second process) never sends it twice; a term found already
 * inside 30 days gets only the 30-day reminder.
 */
export async function sendTermReminders(ctx: ModuleContext): Promise<string> {
  const today = warsawToday(ctx.clock);
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  let sent = 0;
  for (const term of await repo.listTermsWithEnd(ctx.db)) {
    const left = daysBetween(today, term.ends_on!);
    if (left < 0) continue;
    const due = REMINDER_DAYS.filter((d) => left <= d).sort((a, b) => a - b)[0];
    if (due === undefined) continue;
    const seats = await repo.listSeats(ctx.db, term.id);
    await ctx.db.transaction().execute(async (trx) => {
      const claimed = await repo.claimReminder(trx, term.id, due, nowIso(ctx.clock));
      if (!claimed) return;
      // a 30-day reminder also stands for a 90-day one never sent (the term was added late)
      for (const d of REMINDER_DAYS) if (d > due) await repo.claimReminder(trx, term.id, d, nowIso(ctx.clock));
      for (const r of await repo.listStaffRecipients(trx)) {
        const lang: Lang = r.lang === 'en' ? 'en' : 'pl';
        const t = translator(lang);
        const list = seats.map((s) => `- ${seatName(t, s)}: ${s.seat_count ?? t('bodies.seat.countUnknown')}`).join('\n');
        await enqueueMail(
          trx,
          {
            to: r.email,
            lang,
            template: 'body_term_ending',
            params: {
              body: term.body_name,
              term: String(term.number),
              endsOn: term.ends_on!,
              days: String(left),
              message: list === '' ? t('bodies.seat.none') : list,
              link: `${base}/admin/zespoly/${term.body_id}/kadencje/${term.id}`,
            },
            about: `body:${term.body_id}`,
          },
          ctx.clock,
        );
      }
      sent++;
    });
  }
  return operatorText('bodies.cli.termReminders', { count: sent });
}

/** The name of a seat's category in the reader's language. */
export function seatName(t: T, seat: Pick<repo.SeatRow, 'category' | 'label'>): string {
  return seat.category === 'other' ? (seat.label ?? '') : t(`bodies.categories.${seat.category}`);
}
