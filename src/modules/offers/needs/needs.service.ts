// Rules of buyers' needs: what a need must say (kind, what, category, optional CPV with its check
// digit, area chosen by name, deadline, amount as a range, exact or not disclosed, contact), its
// states (draft → submitted → changes requested by staff → published → closed, or rejected) with
// every staff decision in the audit log, how many entities the one matching rule (needs.match.ts)
// would notify, and the notification job: in batches, one notice and one reminder per entity and
// need at most, never after the deadline, each claimed by a unique row in the same transaction as
// its e-mail so re-runs and a second instance send nothing more.
import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { CurrentUser } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { addDays, isCalendarDay, warsawToday } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import { recordAudit, type AuditEntry } from '../../audit/index.js';
import { enqueueMail } from '../../mail/index.js';
import { entityFacts, representativeEmails } from '../../registry/index.js';
import { isCategory, isValidCpv, normaliseCpv, type Category } from '../offers.categories.js';
import { isOffersStaff } from '../offers.policy.js';
import { unitChoices, type UnitChoices } from '../offers.service.js';
import { matchingEntityIds, type NeedCriteria } from './needs.match.js';
import * as repo from './needs.repo.js';
import { ANSWERS, BUYER, type Answer, type AmountKind, type NeedKind, type NeedState } from './needs.tables.js';
import { operatorText } from '../../../i18n/index.js';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
type FormValues = Record<string, string | string[] | undefined>;
export type NeedRow = repo.NeedRow;

/** Notifications one run of the job sends at most; the rest wait for the next run. */
export const NOTIFY_BATCH = 100;
/** The reminder goes out this many days before the deadline (and not after it). */
export const REMINDER_DAYS_BEFORE = 3;
export const MAX_AMOUNT = 2_000_000_000;
/** The outcome question goes out this many days after the deadline. */
export const OUTCOME_AFTER_DAYS = 30;

export const needPath = (n: { id: string }) => `/oferta/potrzeby/${n.id}`;
export const answerPath = (token: string) => `/oferta/potrzeby/odpowiedz/${token}`;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const str = (v: string | string[] | undefined): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== '');

export interface NeedInput {
  kind: NeedKind;
  title: string;
  category: Category;
  cpv: string | null;
  areaScope: 'region' | 'units';
  areas: string[];
  link: string | null;
  deadline: string;
  amountKind: AmountKind;
  amountMin: number | null;
  amountMax: number | null;
  institution: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  onlyPs: boolean;
  onlyMark: boolean;
  onlyReserved: boolean;
}

function amountOf(f: FormChecker, field: string): number | null {
  const raw = f.text(field).replace(/[\s\u00a0]/g, '');
  if (raw === '') {
    f.add(field, 'needs.form.amount', 'validation.required');
    return null;
  }
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n <= 0 || n > MAX_AMOUNT) {
    f.add(field, 'needs.form.amount', 'needs.validation.amount');
    return null;
  }
  return n;
}

export function checkNeedInput(body: FormValues, units: UnitChoices, today: string): NeedInput {
  const f = new FormChecker(body);
  const kind = str(body.kind);
  if (kind !== 'tender' && kind !== 'quote' && kind !== 'sounding') f.add('kind', 'needs.form.kind', 'validation.required');
  const title = f.required('title', 'needs.form.title', { max: 200, min: 3 });
  const category = str(body.category);
  if (!isCategory(category)) f.add('category', 'needs.form.category', 'validation.required');
  let cpv: string | null = null;
  const cpvRaw = str(body.cpv);
  if (cpvRaw !== '') {
    cpv = normaliseCpv(cpvRaw);
    if (cpv === null) f.add('cpv', 'needs.form.cpv', 'offers.validation.cpvFormat', { code: cpvRaw.slice(0, 20) });
    else if (!isValidCpv(cpv)) f.add('cpv', 'needs.form.cpv', 'offers.validation.cpvCheckDigit', { code: cpv });
  }
  const areaScope = str(body.area_scope) === 'units' ? 'units' : 'region';
  const areas: string[] = [];
  if (areaScope === 'units') {
    const powiaty = new Set(units.powiaty.map((p) => p.teryt));
    const gminy = new Map(units.gminy.map((g) => [g.teryt, g.powiat]));
    for (const p of new Set(list(body.powiat))) if (powiaty.has(p)) areas.push(p);
    for (const g of new Set(list(body.gmina))) {
      const powiat = gminy.get(g);
      if (powiat !== undefined && !areas.includes(powiat)) areas.push(g);
    }
    if (areas.length === 0) f.add('area', 'needs.form.area', 'offers.validation.areaRequired');
  }
  let link: string | null = null;
  const linkRaw = str(body.link);
  if (kind === 'tender' || linkRaw !== '') {
    if (linkRaw === '') f.add('link', 'needs.form.link', 'needs.validation.linkRequired');
    else if (!/^https?:\/\/[^\s]+$/.test(linkRaw) || linkRaw.length > 500) f.add('link', 'needs.form.link', 'needs.validation.link');
    else link = linkRaw;
  }
  const deadline = str(body.deadline);
  if (!isCalendarDay(deadline)) f.add('deadline', 'needs.form.deadline', 'needs.validation.deadline');
  else if (deadline < today) f.add('deadline', 'needs.form.deadline', 'needs.validation.deadlinePast');
  const amountKindRaw = str(body.amount_kind);
  const amountKind: AmountKind = amountKindRaw === 'range' || amountKindRaw === 'exact' ? amountKindRaw : 'undisclosed';
  let amountMin: number | null = null;
  let amountMax: number | null = null;
  if (amountKind === 'exact') amountMin = amountOf(f, 'amount_min');
  if (amountKind === 'range') {
    amountMin = amountOf(f, 'amount_min');
    amountMax = amountOf(f, 'amount_max');
    if (amountMin !== null && amountMax !== null && amountMax < amountMin)
      f.add('amount_max', 'needs.form.amountMax', 'needs.validation.range');
  }
  const institution = f.required('institution', 'needs.form.institution', { max: 300 });
  const contactName = f.required('contact_name', 'needs.form.contactName', { max: 200 });
  const contactEmail = f.email('contact_email', 'needs.form.contactEmail');
  const phone = f.text('contact_phone');
  if (phone !== '' && !/^[+\d][\d\s()-]{5,24}$/.test(phone)) f.add('contact_phone', 'needs.form.contactPhone', 'offers.validation.phone');
  f.assertValid();
  return {
    kind: kind as NeedKind,
    title,
    category: category as Category,
    cpv,
    areaScope,
    areas,
    link,
    deadline,
    amountKind,
    amountMin,
    amountMax,
    institution,
    contactName,
    contactEmail,
    contactPhone: phone || null,
    onlyPs: str(body.only_ps) === '1',
    onlyMark: str(body.only_mark) === '1',
    onlyReserved: str(body.only_reserved) === '1',
  };
}

function columnsOf(input: NeedInput) {
  return {
    kind: input.kind,
    title: input.title,
    category: input.category,
    cpv: input.cpv,
    area_scope: input.areaScope,
    link: input.link,
    deadline: input.deadline,
    amount_kind: input.amountKind,
    amount_min: input.amountMin,
    amount_max: input.amountMax,
    institution: input.institution,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone,
    only_ps: input.onlyPs,
    only_mark: input.onlyMark,
    only_reserved: input.onlyReserved,
  };
}

// --- who may do what ------------------------------------------------------------------------------

export const isOwner = (user: CurrentUser | null, n: Pick<NeedRow, 'created_by'>) => user !== null && user.id === n.created_by;
export const mayManage = (user: CurrentUser | null, n: Pick<NeedRow, 'created_by'>) =>
  user !== null && (isOffersStaff(user) || isOwner(user, n));
/** The buyer edits while the need is a draft or back for changes; staff also while it waits for them. */
export const mayEdit = (user: CurrentUser | null, n: Pick<NeedRow, 'created_by' | 'status'>) =>
  (isOwner(user, n) && (n.status === 'draft' || n.status === 'changes_requested')) ||
  (user !== null && isOffersStaff(user) && (n.status === 'draft' || n.status === 'changes_requested' || n.status === 'submitted'));

export async function getNeed(ctx: Pick<ModuleContext, 'db'>, id: string): Promise<NeedRow> {
  const n = await repo.findNeed(ctx.db, id);
  if (!n) throw new AppError('offers.need_not_found');
  return n;
}

/** A need as its page shows it: published to everyone, any state to its buyer and staff. */
export async function needForPage(ctx: Pick<ModuleContext, 'db'>, id: string, user: CurrentUser | null): Promise<NeedRow> {
  const n = await getNeed(ctx, id);
  if (n.status !== 'published' && n.status !== 'closed' && n.status !== 'outcome_recorded' && !mayManage(user, n))
    throw new AppError('offers.need_not_found');
  return n;
}

export const areasOf = (ctx: Pick<ModuleContext, 'db'>, id: string) => repo.areasOf(ctx.db, id);
export const publishedNeeds = (ctx: Pick<ModuleContext, 'db'>) => repo.listByStatus(ctx.db, ['published']);
export const needsOf = (ctx: Pick<ModuleContext, 'db'>, userId: string) => repo.listByOwner(ctx.db, userId);
export const moderationQueue = (ctx: Pick<ModuleContext, 'db'>) =>
  repo.listByStatus(ctx.db, ['submitted', 'changes_requested', 'published', 'closed', 'rejected']);

export async function createNeed(ctx: ModuleContext, body: FormValues, actor: Actor & { actorId: string }): Promise<string> {
  const input = checkNeedInput(body, await unitChoices(ctx), warsawToday(ctx.clock));
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertNeed(trx, {
      id,
      ...columnsOf(input),
      status: 'draft',
      staff_message: null,
      created_by: actor.actorId,
      created_at: now,
      updated_at: now,
      published_at: null,
    });
    await repo.replaceAreas(trx, id, input.areas);
    await recordAudit(trx, { ...actor, action: 'needs.create', subjectType: 'need', subjectId: id }, ctx.clock);
  });
  return id;
}

export async function updateNeed(ctx: ModuleContext, id: string, body: FormValues, actor: Actor): Promise<void> {
  const before = await getNeed(ctx, id);
  const input = checkNeedInput(body, await unitChoices(ctx), warsawToday(ctx.clock));
  const cols = columnsOf(input);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, v] of Object.entries(cols)) {
    const old = (before as unknown as Record<string, unknown>)[k];
    if (typeof v === 'boolean' ? Boolean(old) !== v : old !== v) changes[k] = { before: old, after: v };
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateNeed(trx, id, { ...cols, updated_at: nowIso(ctx.clock) });
    await repo.replaceAreas(trx, id, input.areas);
    await recordAudit(trx, { ...actor, action: 'needs.update', subjectType: 'need', subjectId: id, changes }, ctx.clock);
  });
}

/** The form's values of a stored need. */
export async function formValuesOf(ctx: Pick<ModuleContext, 'db'>, n: NeedRow): Promise<FormValues> {
  const areas = await repo.areasOf(ctx.db, n.id);
  return {
    kind: n.kind,
    title: n.title,
    category: n.category,
    cpv: n.cpv ?? '',
    area_scope: n.area_scope,
    powiat: areas.filter((a) => a.length === 4),
    gmina: areas.filter((a) => a.length === 7),
    link: n.link ?? '',
    deadline: n.deadline,
    amount_kind: n.amount_kind,
    amount_min: n.amount_min === null ? '' : String(n.amount_min),
    amount_max: n.amount_max === null ? '' : String(n.amount_max),
    institution: n.institution,
    contact_name: n.contact_name,
    contact_email: n.contact_email,
    contact_phone: n.contact_phone ?? '',
    only_ps: n.only_ps ? '1' : '',
    only_mark: n.only_mark ? '1' : '',
    only_reserved: n.only_reserved ? '1' : '',
  };
}

// --- states -------------------------------------------------------------------------------------------

export type Decision = 'publish' | 'changes' | 'reject';

const TRANSITIONS: Record<'submit' | Decision | 'close', { from: NeedState[]; to: NeedState }> = {
  submit: { from: ['draft', 'changes_requested'], to: 'submitted' },
  publish: { from: ['submitted'], to: 'published' },
  changes: { from: ['submitted'], to: 'changes_requested' },
  reject: { from: ['submitted'], to: 'rejected' },
  close: { from: ['published'], to: 'closed' },
};

async function move(ctx: ModuleContext, id: string, step: keyof typeof TRANSITIONS, actor: Actor, message: string | null): Promise<void> {
  const n = await getNeed(ctx, id);
  const { from, to } = TRANSITIONS[step];
  if (!from.includes(n.status)) throw new AppError('offers.need_state', { state: n.status });
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateNeed(trx, id, {
      status: to,
      updated_at: now,
      ...(step === 'publish' ? { published_at: now, staff_message: null } : {}),
      ...(step === 'changes' || step === 'reject' ? { staff_message: message } : {}),
    });
    await recordAudit(
      trx,
      { ...actor, action: `needs.${step}`, subjectType: 'need', subjectId: id, changes: { status: { before: n.status, after: to } } },
      ctx.clock,
    );
  });
}

export const submitNeed = (ctx: ModuleContext, id: string, actor: Actor) => move(ctx, id, 'submit', actor, null);
export const closeNeed = (ctx: ModuleContext, id: string, actor: Actor) => move(ctx, id, 'close', actor, null);

export async function decide(ctx: ModuleContext, id: string, body: Record<string, string>, actor: Actor): Promise<Decision> {
  const f = new FormChecker(body);
  const decision = f.text('decision');
  if (decision !== 'publish' && decision !== 'changes' && decision !== 'reject')
    f.add('decision', 'needs.moderation.decision', 'validation.required');
  const message = decision === 'publish' ? '' : f.required('message', 'needs.moderation.message', { max: 2000 });
  f.assertValid();
  await move(ctx, id, decision as Decision, actor, message || null);
  return decision as Decision;
}

// --- matching and notifications -----------------------------------------------------------------------

export async function criteriaOf(ctx: Pick<ModuleContext, 'db'>, n: NeedRow): Promise<NeedCriteria> {
  return {
    category: n.category as Category,
    places: n.area_scope === 'region' ? null : await repo.areasOf(ctx.db, n.id),
    cpv: n.cpv,
    onlyPs: Boolean(n.only_ps),
    onlyMark: Boolean(n.only_mark),
    onlyReserved: Boolean(n.only_reserved),
  };
}

/** The entities the job would notify about this need, each once ("N podmiotów otrzyma powiadomienie"). */
export async function recipientCount(ctx: ModuleContext, n: NeedRow): Promise<number> {
  return (await recipientsOf(ctx, n)).length;
}

async function recipientsOf(ctx: ModuleContext, n: NeedRow): Promise<{ entityId: string; name: string; email: string }[]> {
  const ids = await matchingEntityIds(ctx, await criteriaOf(ctx, n));
  const facts = await entityFacts(ctx, ids);
  const out: { entityId: string; name: string; email: string }[] = [];
  for (const id of ids) {
    const e = facts.get(id);
    if (!e) continue;
    // one e-mail per entity: its public address, else its first representative's
    const email = e.email ?? (await representativeEmails(ctx, id))[0]?.email;
    if (email) out.push({ entityId: id, name: e.name, email });
  }
  return out;
}

/**
 * The notification job. For each published need whose deadline has not passed: a notice to each
 * matching entity, and from REMINDER_DAYS_BEFORE days before the deadline a reminder to each entity
 * already noticed. A row in `need_notifications` is claimed first and the e-mail queued in the same
 * transaction; a claim that finds the row already there sends nothing. At most NOTIFY_BATCH e-mails a run.
 */
export async function notifyNeeds(ctx: ModuleContext): Promise<string> {
  const today = warsawToday(ctx.clock);
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  let sent = 0;
  for (const n of await repo.openPublished(ctx.db, today)) {
    if (sent >= NOTIFY_BATCH) break;
    // the demonstration need is shown, never announced to anyone
    if (n.is_example) continue;
    const recipients = await recipientsOf(ctx, n);
    const noticed = await repo.notifiedEntities(ctx.db, n.id, 'notice');
    const reminded = await repo.notifiedEntities(ctx.db, n.id, 'reminder');
    // an entity that has answered needs no reminder
    const answered = new Set((await repo.answersOf(ctx.db, n.id)).filter((a) => a.answer !== null).map((a) => a.entity_id));
    const remindNow = today >= addDays(n.deadline, -REMINDER_DAYS_BEFORE);
    for (const r of recipients) {
      if (sent >= NOTIFY_BATCH) break;
      const kind = !noticed.has(r.entityId)
        ? 'notice'
        : remindNow && !reminded.has(r.entityId) && !answered.has(r.entityId)
          ? 'reminder'
          : null;
      if (kind === null) continue;
      const claimed = await ctx.db.transaction().execute(async (trx) => {
        if (!(await repo.claimNotification(trx, { need_id: n.id, entity_id: r.entityId, kind, sent_at: nowIso(ctx.clock) }))) return false;
        // the answer link: a fresh token each message (the reminder's replaces the notice's), only its hash stored
        const token = randomBytes(32).toString('base64url');
        if (kind === 'notice')
          await repo.insertAnswerRow(trx, {
            need_id: n.id,
            entity_id: r.entityId,
            token_hash: hashToken(token),
            viewed_at: null,
            answer: null,
            reason: null,
            answered_at: null,
          });
        else await repo.updateAnswer(trx, n.id, r.entityId, { token_hash: hashToken(token) });
        await enqueueMail(
          trx,
          {
            to: r.email,
            lang: 'pl',
            template: kind === 'notice' ? 'need_notice' : 'need_reminder',
            about: `need:${n.id}`,
            params: {
              need: n.title,
              institution: n.institution,
              entity: r.name,
              deadline: n.deadline,
              link: `${base}${needPath(n)}`,
              answer: `${base}${answerPath(token)}`,
            },
          },
          ctx.clock,
        );
        return true;
      });
      if (claimed) sent++;
    }
  }
  sent += await askOutcomes(ctx, today, NOTIFY_BATCH - sent);
  return operatorText('needs.cli.notificationsSent', { count: sent });
}

async function entityEmail(ctx: ModuleContext, id: string): Promise<string | undefined> {
  const e = (await entityFacts(ctx, [id])).get(id);
  return e?.email ?? (await representativeEmails(ctx, id))[0]?.email;
}

/**
 * The outcome question, OUTCOME_AFTER_DAYS after the deadline of a published or closed need: once to
 * the buyer (row keyed BUYER) and once to each entity that answered "interested" (alone or in a
 * consortium), claimed like the notices so nothing is asked twice. Never about the demonstration need.
 */
async function askOutcomes(ctx: ModuleContext, today: string, budget: number): Promise<number> {
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  let sent = 0;
  for (const n of await repo.awaitingOutcome(ctx.db, addDays(today, -OUTCOME_AFTER_DAYS))) {
    // the demonstration need asks nobody, as it announced nothing
    if (n.is_example) continue;
    const interested = (await repo.answersOf(ctx.db, n.id)).filter((a) => a.answer === 'interested' || a.answer === 'consortium');
    const targets: { entityId: string; email: string | undefined }[] = [
      { entityId: BUYER, email: n.contact_email },
      ...(await Promise.all(interested.map(async (a) => ({ entityId: a.entity_id, email: await entityEmail(ctx, a.entity_id) })))),
    ];
    for (const target of targets) {
      if (sent >= budget) return sent;
      if (!target.email) continue;
      const to = target.email;
      const claimed = await ctx.db.transaction().execute(async (trx) => {
        if (
          !(await repo.claimNotification(trx, { need_id: n.id, entity_id: target.entityId, kind: 'outcome', sent_at: nowIso(ctx.clock) }))
        )
          return false;
        let link = `${base}${needPath(n)}/wynik`;
        if (target.entityId !== BUYER) {
          const token = randomBytes(32).toString('base64url');
          await repo.updateAnswer(trx, n.id, target.entityId, { token_hash: hashToken(token) });
          link = `${base}${answerPath(token)}`;
        }
        await enqueueMail(
          trx,
          { to, lang: 'pl', template: 'need_outcome', about: `need:${n.id}`, params: { need: n.title, institution: n.institution, link } },
          ctx.clock,
        );
        return true;
      });
      if (claimed) sent++;
    }
  }
  return sent;
}

// --- outcomes -----------------------------------------------------------------------------------------------

function checkOutcome(body: Record<string, string>): { signed: boolean; value: number | null } {
  const f = new FormChecker(body);
  const signed = f.text('signed');
  if (signed !== 'yes' && signed !== 'no') f.add('signed', 'needs.outcome.question', 'validation.required');
  let value: number | null = null;
  const raw = f.text('value').replace(/[\s\u00a0]/g, '');
  if (signed === 'yes' && raw !== '') {
    if (!/^\d+$/.test(raw) || Number(raw) <= 0 || Number(raw) > MAX_AMOUNT)
      f.add('value', 'needs.outcome.value', 'needs.validation.amount');
    else value = Number(raw);
  }
  f.assertValid();
  return { signed: signed === 'yes', value };
}

/** The buyer may record the outcome once the deadline has passed, while the need is published or closed. */
export const mayRecordOutcome = (n: NeedRow, today: string) => (n.status === 'published' || n.status === 'closed') && today > n.deadline;

export async function recordBuyerOutcome(ctx: ModuleContext, id: string, body: Record<string, string>, actor: Actor): Promise<void> {
  const n = await getNeed(ctx, id);
  if (!mayRecordOutcome(n, warsawToday(ctx.clock))) throw new AppError('offers.need_state', { state: n.status });
  const o = checkOutcome(body);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateNeed(trx, id, {
      status: 'outcome_recorded',
      outcome_signed: o.signed,
      outcome_value: o.value,
      outcome_at: nowIso(ctx.clock),
      updated_at: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'needs.outcome',
        subjectType: 'need',
        subjectId: id,
        changes: { status: { before: n.status, after: 'outcome_recorded' } },
        meta: { signed: o.signed, value: o.value },
      },
      ctx.clock,
    );
  });
}

/** An interested entity's outcome, through its answer link, once the deadline has passed. */
export async function recordEntityOutcome(
  ctx: ModuleContext,
  who: string | { needId: string; entityId: string },
  body: Record<string, string>,
): Promise<void> {
  const { need, row } = typeof who === 'string' ? await openAnswerLink(ctx, who) : await openEntityAnswer(ctx, who.needId, who.entityId);
  if (!mayAnswerOutcome(need, row, warsawToday(ctx.clock))) throw new AppError('offers.need_state', { state: need.status });
  const o = checkOutcome(body);
  await repo.updateAnswer(ctx.db, row.need_id, row.entity_id, {
    outcome_signed: o.signed,
    outcome_value: o.value,
    outcome_at: nowIso(ctx.clock),
  });
}

export const mayAnswerOutcome = (n: NeedRow, row: repo.AnswerRow, today: string) =>
  (row.answer === 'interested' || row.answer === 'consortium') && today > n.deadline && n.status !== 'rejected';

// --- answers ----------------------------------------------------------------------------------------------

export interface AnswerContext {
  need: NeedRow;
  entityName: string;
  row: repo.AnswerRow;
  /** The need is published and its deadline has not passed. */
  isOpen: boolean;
  /** The entity said it was interested and the deadline has passed: it may say how it ended. */
  asksOutcome: boolean;
}

/** The need and entity behind an answer link; the first opening is the funnel's "viewed". */
export async function openAnswerLink(ctx: ModuleContext, token: string): Promise<AnswerContext> {
  return answerContext(ctx, await repo.findAnswerByToken(ctx.db, hashToken(token)));
}

/** The same for a representative on the need's page: the entity must have been notified of the need. */
export async function openEntityAnswer(ctx: ModuleContext, needId: string, entityId: string): Promise<AnswerContext> {
  return answerContext(ctx, await repo.findAnswer(ctx.db, needId, entityId));
}

/** The notified entities among `entityIds` (a representative's) and their answer contexts. */
export async function answersForRepresentative(ctx: ModuleContext, needId: string, entityIds: string[]): Promise<AnswerContext[]> {
  const out: AnswerContext[] = [];
  for (const id of entityIds) {
    const row = await repo.findAnswer(ctx.db, needId, id);
    if (row) out.push(await answerContext(ctx, row));
  }
  return out;
}

async function answerContext(ctx: ModuleContext, row: repo.AnswerRow | undefined): Promise<AnswerContext> {
  if (!row) throw new AppError('offers.need_not_found');
  const need = await getNeed(ctx, row.need_id);
  if (row.viewed_at === null) await repo.updateAnswer(ctx.db, row.need_id, row.entity_id, { viewed_at: nowIso(ctx.clock) });
  const entityName = (await entityFacts(ctx, [row.entity_id])).get(row.entity_id)?.name ?? '';
  const today = warsawToday(ctx.clock);
  return {
    need,
    entityName,
    row,
    isOpen: need.status === 'published' && today <= need.deadline,
    asksOutcome: mayAnswerOutcome(need, row, today),
  };
}

/** Records (or changes, until the deadline) an entity's answer given through its link. */
export async function recordAnswer(ctx: ModuleContext, token: string, body: Record<string, string>): Promise<void> {
  await saveAnswer(ctx, await openAnswerLink(ctx, token), body);
}

/** A representative's answer for its entity from the need's page. */
export async function recordEntityAnswer(
  ctx: ModuleContext,
  needId: string,
  entityId: string,
  body: Record<string, string>,
): Promise<void> {
  await saveAnswer(ctx, await openEntityAnswer(ctx, needId, entityId), body);
}

async function saveAnswer(ctx: ModuleContext, { need, row, isOpen }: AnswerContext, body: Record<string, string>): Promise<void> {
  if (!isOpen) throw new AppError('offers.need_state', { state: need.status });
  const f = new FormChecker(body);
  const answer = f.text('answer');
  if (!(ANSWERS as readonly string[]).includes(answer)) f.add('answer', 'needs.answer.question', 'validation.required');
  const reason = answer === 'not_interested' ? f.text('reason').slice(0, 1000) : '';
  f.assertValid();
  await repo.updateAnswer(ctx.db, row.need_id, row.entity_id, {
    answer: answer as Answer,
    reason: reason || null,
    answered_at: nowIso(ctx.clock),
  });
}

export interface Funnel {
  notified: number;
  viewed: number;
  answered: number;
}

/** The answers with the entities' names (the buyer's and staff's view) and the funnel notified → viewed → answered. */
export async function answersOf(
  ctx: ModuleContext,
  needId: string,
): Promise<{ funnel: Funnel; answers: { entity: string; answer: Answer; reason: string | null }[] }> {
  const rows = await repo.answersOf(ctx.db, needId);
  const names = await entityFacts(
    ctx,
    rows.map((r) => r.entity_id),
  );
  return {
    funnel: {
      notified: rows.length,
      viewed: rows.filter((r) => r.viewed_at !== null || r.answer !== null).length,
      answered: rows.filter((r) => r.answer !== null).length,
    },
    answers: rows
      .filter((r) => r.answer !== null)
      .map((r) => ({ entity: names.get(r.entity_id)?.name ?? r.entity_id, answer: r.answer!, reason: r.reason })),
  };
}

// --- figures ------------------------------------------------------------------------------------------------

export interface FiguresRow {
  /** Year of the deadline. */
  year: number;
  /** 4-digit powiat, or null for needs of the whole region. */
  powiat: string | null;
  category: string;
  needs: number;
  notified: number;
  answers: number;
  /** Needs whose buyer reported a signed contract, and their reported value in PLN. */
  contracts: number;
  pln: number;
}

/**
 * Figures per year, powiat and category over published needs (also closed and with an outcome): needs,
 * entities notified, answers, contracts and PLN as the buyers reported them. A need in several
 * powiaty counts in each of them, so the powiat rows do not add up to the total.
 */
export async function needFigures(ctx: Pick<ModuleContext, 'db'>): Promise<FiguresRow[]> {
  const [needs, notified, answered, areas] = await Promise.all([
    repo.listByStatus(ctx.db, ['published', 'closed', 'outcome_recorded']),
    repo.notifiedCounts(ctx.db),
    repo.answeredCounts(ctx.db),
    repo.allAreas(ctx.db),
  ]);
  const powiatyOf = new Map<string, Set<string>>();
  for (const a of areas) {
    const set = powiatyOf.get(a.need_id) ?? new Set<string>();
    set.add(a.teryt.slice(0, 4));
    powiatyOf.set(a.need_id, set);
  }
  const rows = new Map<string, FiguresRow>();
  for (const n of needs) {
    const places: (string | null)[] = n.area_scope === 'region' ? [null] : [...(powiatyOf.get(n.id) ?? [])];
    for (const powiat of places) {
      const year = Number(n.deadline.slice(0, 4));
      const key = `${year}|${powiat ?? ''}|${n.category}`;
      const row = rows.get(key) ?? { year, powiat, category: n.category, needs: 0, notified: 0, answers: 0, contracts: 0, pln: 0 };
      row.needs++;
      row.notified += notified.get(n.id) ?? 0;
      row.answers += answered.get(n.id) ?? 0;
      if (n.outcome_signed) {
        row.contracts++;
        row.pln += Number(n.outcome_value ?? 0);
      }
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) => b.year - a.year || (a.powiat ?? '').localeCompare(b.powiat ?? '') || a.category.localeCompare(b.category),
  );
}

// --- open data and the demonstration -------------------------------------------------------------------

export const lastPublishedChange = (ctx: Pick<ModuleContext, 'db'>) => repo.lastPublishedChange(ctx.db);

export const DEMO_NEED_TITLE = 'Obiady na spotkania klubu seniora (przykład)';

/**
 * The demonstration need of `seed demo`: a published market sounding for catering in the whole
 * region, 60 days from today. Invented for showing the platform — its title says "przykład", its
 * institution and contact are marked as examples, `is_example` labels it on the page, the list and
 * the API, and the notification job never announces it. Added once.
 */
export async function seedNeedsDemo(ctx: ModuleContext): Promise<number> {
  if (await repo.findByTitle(ctx.db, DEMO_NEED_TITLE)) return 0;
  const now = nowIso(ctx.clock);
  await repo.insertNeed(ctx.db, {
    id: newId(),
    kind: 'sounding',
    title: DEMO_NEED_TITLE,
    category: 'catering',
    cpv: null,
    area_scope: 'region',
    link: null,
    deadline: addDays(warsawToday(ctx.clock), 60),
    amount_kind: 'undisclosed',
    amount_min: null,
    amount_max: null,
    institution: 'Przykładowy ośrodek pomocy społecznej (dane demonstracyjne)',
    contact_name: 'Osoba przykładowa',
    contact_email: 'potrzeby@przyklad.example.pl',
    contact_phone: null,
    status: 'published',
    staff_message: null,
    created_by: 'seed-demo',
    created_at: now,
    updated_at: now,
    published_at: now,
    outcome_signed: null,
    outcome_value: null,
    outcome_at: null,
    is_example: true,
  });
  return 1;
}
