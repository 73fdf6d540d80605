// Rules of "Zakup Prospołeczny" applications. The rules edition in force on a day is the latest one
// that took effect by then (an edition whose first day is unknown counts as the oldest). A
// representative fills in an application for one or more of the entity's offers: it can be saved as
// a draft whatever it says, and the form names each criterion of the edition in force that its
// figures do not meet; it can be submitted only complete, declared and meeting every criterion, and
// it records the edition in force on the day it is submitted. Staff check it formally (complete, or
// back to the applicant with a message, e-mailed); then the current members of the certifying board
// (bodies module) assess each criterion with an opinion — a member who declares a conflict of
// interest cannot, nor can such a chair decide — and the chair records the decision with the
// meeting's date: granted (a licence per offer, from the meeting's day — or, for an offer whose
// licence is still valid that day, a renewal of it from its expiry) or refused with a
// justification, e-mailed to the applicant either way; the decision and its licences are one transaction.
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError } from '../../../core/errors/app-error.js';
import { cleanFileName, sha256Hex, sniffFileType, type Upload } from '../../../core/http/uploads.js';
import { localize } from '../../../core/http/language.js';
import type { CurrentUser } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { isCalendarDay, warsawToday } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import { isLang, type Lang, type TKey } from '../../../i18n/index.js';
import { recordAudit } from '../../audit/index.js';
import { currentMembersOfType, type CurrentMember } from '../../bodies/index.js';
import { enqueueMail } from '../../mail/index.js';
import { entityOfferChoices } from '../../offers/index.js';
import { representativeEmails, representsEntity } from '../../registry/index.js';
import { grantLicenceIn, licencePath, offerContinuation, type Actor } from '../licences.service.js';
import * as repo from './applications.repo.js';
import { CRITERIA, type ApplicationStatus, type Criterion } from './applications.tables.js';

export type { ApplicationRow, EditionRow, FileMeta } from './applications.repo.js';
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;
export const EDITABLE: readonly ApplicationStatus[] = ['draft', 'needs_completion'];

export const applicationPath = (id: string) => `/zakup-prospoleczny/wnioski/${id}`;
export const adminApplicationPath = (id: string) => `/admin/zakup-prospoleczny/wnioski/${id}`;
export const boardApplicationPath = (id: string) => `/zakup-prospoleczny/kapitula/${id}`;

// --- rules editions ---------------------------------------------------------------------------

/** The edition in force on `day`: the latest begun by then; one with an unknown first day is the oldest. */
export function editionInForce<E extends { effective_from: string | null }>(editions: readonly E[], day: string): E | null {
  const begun = editions.filter((e) => e.effective_from === null || e.effective_from <= day);
  const sorted = [...begun].sort((a, b) => (a.effective_from ?? '').localeCompare(b.effective_from ?? ''));
  return sorted[sorted.length - 1] ?? null;
}

export async function currentEdition(ctx: Pick<ModuleContext, 'db' | 'clock'>): Promise<repo.EditionRow | null> {
  return editionInForce(await repo.listEditions(ctx.db), warsawToday(ctx.clock));
}

export async function listEditions(ctx: Pick<ModuleContext, 'db'>): Promise<repo.EditionRow[]> {
  return repo.listEditions(ctx.db);
}

/** The sources of an edition as (key, address) pairs: "K85 https://…" lines. */
export function editionSources(e: Pick<repo.EditionRow, 'sources'>): { label: string; url: string }[] {
  return e.sources
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [first, ...rest] = line.split(/\s+/);
      return rest.length ? { label: first!, url: rest.join(' ') } : { label: first!, url: first! };
    });
}

/** Staff add an edition (its first day, thresholds and sources); audited. */
export async function addEdition(ctx: ModuleContext, actor: Actor, body: Record<string, string>): Promise<string> {
  const f = new FormChecker(body);
  const from = f.required('effective_from', 'licences.editions.effectiveFrom', { max: 10 });
  if (from && !isCalendarDay(from)) f.add('effective_from', 'licences.editions.effectiveFrom', 'licences.validation.date');
  const revenue = f.wholeNumber('min_own_revenue_pct', 'licences.editions.minRevenue', 'licences.validation.percent', {
    min: 0,
    max: 100,
    required: true,
  });
  const offer = f.wholeNumber('min_offer_months', 'licences.editions.minOffer', 'licences.validation.months', {
    min: 0,
    max: 600,
    required: true,
  });
  const market = f.wholeNumber('min_market_months', 'licences.editions.minMarket', 'licences.validation.months', {
    min: 0,
    max: 600,
    required: true,
  });
  const sources = f.required('sources', 'licences.editions.sources', { max: 2000, min: 3 });
  f.assertValid();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertEdition(trx, {
      id,
      effective_from: from,
      min_own_revenue_pct: revenue,
      min_offer_months: offer,
      min_market_months: market,
      sources,
      created_by: actor.actorId,
      created_at: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'licences.edition_add',
        subjectType: 'licence_rule_edition',
        subjectId: id,
        meta: { effective_from: from, min_own_revenue_pct: revenue, min_offer_months: offer, min_market_months: market },
      },
      ctx.clock,
    );
  });
  return id;
}

// --- criteria ---------------------------------------------------------------------------------

export interface Figures {
  ownRevenueTenths: number | null;
  offerMonths: number | null;
  marketMonths: number | null;
}

/** The measurable criteria of `edition` these figures do not meet (a figure not given meets nothing). */
export function unmetCriteria(
  edition: Pick<repo.EditionRow, 'min_own_revenue_pct' | 'min_offer_months' | 'min_market_months'>,
  x: Figures,
): Criterion[] {
  const out: Criterion[] = [];
  if (x.marketMonths === null || x.marketMonths < edition.min_market_months) out.push('market_time');
  if (x.ownRevenueTenths === null || x.ownRevenueTenths < edition.min_own_revenue_pct * 10) out.push('own_revenue');
  if (x.offerMonths === null || x.offerMonths < edition.min_offer_months) out.push('offer_time');
  return out;
}

export const figuresOf = (a: Pick<repo.ApplicationRow, 'own_revenue_tenths' | 'offer_months' | 'market_months'>): Figures => ({
  ownRevenueTenths: a.own_revenue_tenths,
  offerMonths: a.offer_months,
  marketMonths: a.market_months,
});

/** "30,5" or "30.5" → 305 tenths; undefined when it is not a percentage with at most one decimal. */
export function parsePercent(text: string): number | undefined {
  const m = /^(\d{1,3})(?:[.,](\d))?$/.exec(text.trim());
  if (!m) return undefined;
  const tenths = Number(m[1]) * 10 + Number(m[2] ?? 0);
  return tenths <= 1000 ? tenths : undefined;
}

export const formatPercent = (tenths: number, lang: Lang) =>
  (tenths / 10).toLocaleString(lang === 'pl' ? 'pl-PL' : 'en-GB', { maximumFractionDigits: 1 });

// --- the representative's application ----------------------------------------------------------

export interface ApplicationView {
  application: repo.ApplicationRow;
  offerIds: string[];
  offers: { id: string; title: string; path: string }[];
  files: repo.FileMeta[];
  edition: repo.EditionRow | null;
}

export async function getApplication(ctx: ModuleContext, id: string): Promise<ApplicationView> {
  const application = await repo.findApplication(ctx.db, id);
  if (!application) throw new AppError('licences.application_not_found');
  const offerIds = await repo.applicationOfferIds(ctx.db, id);
  const offers = (await entityOfferChoices(ctx, application.entity_id)).filter((o) => offerIds.includes(o.id));
  const edition = application.edition_id ? ((await repo.findEdition(ctx.db, application.edition_id)) ?? null) : await currentEdition(ctx);
  return { application, offerIds, offers, files: await repo.listFiles(ctx.db, id), edition };
}

/** The applications of the entities the user represents. */
export async function myApplications(ctx: ModuleContext, user: CurrentUser): Promise<repo.ApplicationRow[]> {
  const ids = user.roles.filter((r) => r.role === 'entity_representative' && r.scopeType === 'entity' && r.scopeId).map((r) => r.scopeId!);
  return repo.listApplications(ctx.db, { entityIds: ids });
}

export async function listApplications(ctx: ModuleContext, statuses?: readonly ApplicationStatus[]): Promise<repo.ApplicationRow[]> {
  return repo.listApplications(ctx.db, statuses ? { statuses } : {});
}

export async function applicationExists(ctx: Pick<ModuleContext, 'db'>, id: string): Promise<boolean> {
  return id !== '' && (await repo.findApplication(ctx.db, id)) !== undefined;
}

/** True when the user represents the entity an application is for. */
export async function representsApplicant(ctx: Pick<ModuleContext, 'db'>, user: CurrentUser, id: string): Promise<boolean> {
  const a = await repo.findApplication(ctx.db, id);
  return a !== undefined && representsEntity(user, a.entity_id);
}

interface Parsed {
  offerIds: string[];
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  revenuePeriod: string;
  figures: Figures;
  declared: boolean;
}

/** Reads the form; `strict` (submission) requires every field and the declaration. */
async function parseForm(ctx: ModuleContext, entityId: string, body: Record<string, string | string[]>, strict: boolean): Promise<Parsed> {
  const raw = body.offers;
  const offerIds = [...new Set(raw === undefined ? [] : Array.isArray(raw) ? raw : [raw])].filter(Boolean);
  const text: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') text[k] = v;
  const f = new FormChecker(text);
  const choices = await entityOfferChoices(ctx, entityId);
  if (offerIds.some((id) => !choices.some((o) => o.id === id))) f.add('offers', 'licences.apply.offers', 'licences.validation.offer');
  else if (strict && offerIds.length === 0) f.add('offers', 'licences.apply.offers', 'licences.validation.offersRequired');
  const opt = (field: string, label: TKey, max: number) => {
    const v = strict ? f.required(field, label, { max }) : f.text(field);
    if (!strict && [...v].length > max) f.add(field, label, 'validation.tooLong', { count: max });
    return v;
  };
  const contactName = opt('contact_name', 'licences.apply.contactName', 200);
  const contactEmail = strict || f.text('contact_email') ? f.email('contact_email', 'licences.apply.contactEmail') : '';
  const contactPhone = opt('contact_phone', 'licences.apply.contactPhone', 40);
  const revenuePeriod = opt('revenue_period', 'licences.apply.revenuePeriod', 100);
  const pct = f.text('own_revenue');
  let ownRevenueTenths: number | null = null;
  if (pct === '') {
    if (strict) f.add('own_revenue', 'licences.apply.ownRevenue', 'validation.required');
  } else {
    const parsed = parsePercent(pct);
    if (parsed === undefined) f.add('own_revenue', 'licences.apply.ownRevenue', 'licences.validation.percent');
    else ownRevenueTenths = parsed;
  }
  const months = (field: string, label: TKey): number | null => {
    if (f.text(field) === '' && !strict) return null;
    const n = f.wholeNumber(field, label, 'licences.validation.months', { min: 0, max: 600, required: strict });
    return f.hasProblem(field) ? null : n;
  };
  const offerMonths = months('offer_months', 'licences.apply.offerMonths');
  const marketMonths = months('market_months', 'licences.apply.marketMonths');
  const declared = f.text('declaration') === '1';
  if (strict && !declared) f.add('declaration', 'licences.apply.declaration', 'licences.validation.declaration');
  f.assertValid();
  return {
    offerIds,
    contactName,
    contactEmail,
    contactPhone,
    revenuePeriod,
    figures: { ownRevenueTenths, offerMonths, marketMonths },
    declared,
  };
}

/**
 * Saves (`submit` false) or submits a representative's application: a new one for `entityId`, or
 * `id` while it is a draft or back for completion. Submission is refused, naming the criteria, when
 * the figures do not meet the edition in force. Returns the application's id.
 */
export async function saveApplication(
  ctx: ModuleContext,
  actor: Actor,
  target: { entityId: string; id?: undefined } | { id: string; entityId?: undefined },
  body: Record<string, string | string[]>,
  submit: boolean,
): Promise<string> {
  let entityId: string;
  let existing: repo.ApplicationRow | undefined;
  if (target.id !== undefined) {
    existing = await repo.findApplication(ctx.db, target.id);
    if (!existing) throw new AppError('licences.application_not_found');
    if (!EDITABLE.includes(existing.status)) throw new AppError('licences.application_state');
    entityId = existing.entity_id;
  } else entityId = target.entityId;
  const p = await parseForm(ctx, entityId, body, submit);
  const edition = await currentEdition(ctx);
  if (submit) {
    if (!edition) throw new AppError('licences.no_edition');
    const unmet = unmetCriteria(edition, p.figures);
    if (unmet.length) {
      const f = new FormChecker({});
      for (const c of unmet)
        f.add(criterionField(c), `licences.criterion.${c}` as TKey, `licences.unmet.${c}` as TKey, thresholds(edition));
      f.assertValid();
    }
    if ((await repo.listFiles(ctx.db, existing?.id ?? '')).length === 0) {
      const f = new FormChecker({});
      f.add('attachment', 'licences.apply.attachments', 'licences.validation.attachmentRequired');
      f.assertValid();
    }
  }
  const now = nowIso(ctx.clock);
  const today = warsawToday(ctx.clock);
  const id = existing?.id ?? newId();
  const values = {
    contact_name: p.contactName,
    contact_email: p.contactEmail,
    contact_phone: p.contactPhone,
    revenue_period: p.revenuePeriod,
    own_revenue_tenths: p.figures.ownRevenueTenths,
    offer_months: p.figures.offerMonths,
    market_months: p.figures.marketMonths,
    is_declared: p.declared,
    updated_at: now,
    ...(submit ? { status: 'submitted' as const, edition_id: edition!.id, submitted_on: today } : {}),
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (existing) await repo.updateApplication(trx, id, values);
    else
      await repo.insertApplication(trx, {
        id,
        entity_id: entityId,
        status: 'draft',
        created_by: actor.actorId,
        created_at: now,
        ...values,
      });
    await repo.setApplicationOffers(trx, id, p.offerIds);
    if (submit) {
      await recordAudit(
        trx,
        {
          ...actor,
          action: 'licences.application_submit',
          subjectType: 'licence_application',
          subjectId: id,
          meta: { edition: edition!.id },
        },
        ctx.clock,
      );
    }
  });
  return id;
}

/** The form field a criterion's figure is typed in. */
export function criterionField(c: Criterion): string {
  return c === 'own_revenue' ? 'own_revenue' : c === 'offer_time' ? 'offer_months' : c === 'market_time' ? 'market_months' : 'offers';
}

export const thresholds = (e: Pick<repo.EditionRow, 'min_own_revenue_pct' | 'min_offer_months' | 'min_market_months'>) => ({
  revenue: e.min_own_revenue_pct,
  offer: e.min_offer_months,
  market: e.min_market_months,
});

/** Adds a PDF (checked by its bytes, at most 10 MB) to an application the applicant may still edit. */
export async function addAttachment(ctx: ModuleContext, actor: Actor, id: string, upload: Upload | null): Promise<void> {
  const a = await repo.findApplication(ctx.db, id);
  if (!a) throw new AppError('licences.application_not_found');
  if (!EDITABLE.includes(a.status)) throw new AppError('licences.application_state');
  const f = new FormChecker({});
  const label = 'licences.apply.attachment';
  if (!upload || upload.data.length === 0) f.add('attachment', label, 'validation.required');
  else if (upload.truncated || upload.data.length > MAX_ATTACHMENT_BYTES) f.add('attachment', label, 'licences.validation.fileSize');
  else if ((await sniffFileType(upload.data))?.mime !== 'application/pdf') f.add('attachment', label, 'licences.validation.pdf');
  else if ((await repo.listFiles(ctx.db, id)).length >= MAX_ATTACHMENTS)
    f.add('attachment', label, 'licences.validation.tooManyFiles', { count: MAX_ATTACHMENTS });
  f.assertValid();
  const fileId = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertFile(trx, {
      id: fileId,
      application_id: id,
      file_name: cleanFileName(upload!.filename, 'pdf', 'zalacznik'),
      byte_size: upload!.data.length,
      sha256: sha256Hex(upload!.data),
      data: upload!.data,
      created_at: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      { ...actor, action: 'licences.application_attach', subjectType: 'licence_application', subjectId: id, meta: { file: fileId } },
      ctx.clock,
    );
  });
}

export async function attachment(ctx: ModuleContext, id: string, fileId: string) {
  const file = await repo.readFile(ctx.db, id, fileId);
  if (!file) throw new AppError('licences.application_not_found');
  return file;
}

// --- staff: the formal check -------------------------------------------------------------------

/**
 * Staff find a submitted application complete (on to the Kapituła) or send it back with a message;
 * sent back, the applicant gets an e-mail with the message and a link to the application, queued in
 * the same transaction as the change.
 */
export async function formalCheck(ctx: ModuleContext, actor: Actor, id: string, body: Record<string, string>): Promise<void> {
  const a = await repo.findApplication(ctx.db, id);
  if (!a) throw new AppError('licences.application_not_found');
  if (a.status !== 'submitted') throw new AppError('licences.application_state');
  const f = new FormChecker(body);
  const complete = f.text('outcome') === 'complete';
  if (!complete && f.text('outcome') !== 'needs_completion') f.add('outcome', 'licences.formal.outcome', 'validation.required');
  const message = complete ? null : f.required('message', 'licences.formal.message', { max: 2000, min: 5 });
  f.assertValid();
  const status: ApplicationStatus = complete ? 'in_assessment' : 'needs_completion';
  const recipient = complete ? null : await applicant(ctx, a);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateApplication(trx, id, { status, formal_message: message, updated_at: nowIso(ctx.clock) });
    if (recipient && message) {
      const base = ctx.config.publicUrl.replace(/\/$/, '');
      await enqueueMail(
        trx,
        {
          to: recipient.email,
          lang: recipient.lang,
          template: 'licence_application_returned',
          params: { entity: a.entity_name, message, link: `${base}${localize(applicationPath(id), recipient.lang)}` },
        },
        ctx.clock,
      );
    }
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'licences.application_formal',
        subjectType: 'licence_application',
        subjectId: id,
        changes: { status: { before: a.status, after: status } },
      },
      ctx.clock,
    );
  });
}

/**
 * Who is told about an application sent back for completion: the representative who filed it, in
 * their language, while they still represent the entity (only a representative can complete it);
 * otherwise the contact e-mail the application gives, in Polish (as the decision mails treat it).
 */
async function applicant(ctx: ModuleContext, a: repo.ApplicationRow): Promise<{ email: string; lang: Lang } | null> {
  const account = a.created_by ? await repo.activeAccountEmail(ctx.db, a.created_by) : undefined;
  if (account) {
    const representative = (await representativeEmails(ctx, a.entity_id)).find(
      (r) => r.email.toLowerCase() === account.email.toLowerCase(),
    );
    if (representative) return { email: representative.email, lang: isLang(representative.lang) ? representative.lang : 'pl' };
  }
  return a.contact_email ? { email: a.contact_email, lang: 'pl' } : null;
}

// --- the Kapituła --------------------------------------------------------------------------------

/** Today's members of the certifying board (bodies of type `certifying_board`) with an account. */
export function boardMembers(ctx: Pick<ModuleContext, 'db' | 'clock'>): Promise<CurrentMember[]> {
  return currentMembersOfType(ctx, 'certifying_board');
}

export async function isBoardMember(ctx: Pick<ModuleContext, 'db' | 'clock'>, userId: string): Promise<boolean> {
  return (await boardMembers(ctx)).some((m) => m.userId === userId);
}

export async function isBoardChair(ctx: Pick<ModuleContext, 'db' | 'clock'>, userId: string): Promise<boolean> {
  return (await boardMembers(ctx)).some((m) => m.userId === userId && m.role === 'chair');
}

export interface BoardView extends ApplicationView {
  assessments: { userId: string; name: string; criterion: Criterion; meets: boolean; opinion: string }[];
  conflicts: string[];
  members: CurrentMember[];
}

export async function boardView(ctx: ModuleContext, id: string): Promise<BoardView> {
  const view = await getApplication(ctx, id);
  const members = await boardMembers(ctx);
  const name = (userId: string) => members.find((m) => m.userId === userId)?.name ?? '—';
  const assessments = (await repo.listAssessments(ctx.db, id)).map((r) => ({
    userId: r.user_id,
    name: name(r.user_id),
    criterion: r.criterion,
    meets: r.meets,
    opinion: r.opinion,
  }));
  return { ...view, assessments, conflicts: await repo.conflictUserIds(ctx.db, id), members };
}

/** A member's assessment of every criterion (meets or not, with an opinion); refused after a conflict declaration. */
export async function assess(ctx: ModuleContext, actor: Actor, id: string, body: Record<string, string>): Promise<void> {
  const a = await repo.findApplication(ctx.db, id);
  if (!a) throw new AppError('licences.application_not_found');
  if (a.status !== 'in_assessment') throw new AppError('licences.application_state');
  const userId = actor.actorId!;
  if ((await repo.conflictUserIds(ctx.db, id)).includes(userId)) throw new AppError('licences.conflict');
  const f = new FormChecker(body);
  const rows = CRITERIA.map((c) => {
    const v = f.text(`meets_${c}`);
    if (v !== '1' && v !== '0') f.add(`meets_${c}`, `licences.criterion.${c}` as TKey, 'validation.required');
    const opinion = f.required(`opinion_${c}`, `licences.criterion.${c}` as TKey, { max: 2000, min: 2 });
    return { criterion: c, meets: v === '1', opinion };
  });
  f.assertValid();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of rows) await repo.putAssessment(trx, { application_id: id, user_id: userId, ...r, updated_at: now });
    await recordAudit(
      trx,
      { ...actor, action: 'licences.application_assess', subjectType: 'licence_application', subjectId: id },
      ctx.clock,
    );
  });
}

/** A member declares a conflict of interest: their assessment (if any) is removed and they cannot assess it. */
export async function declareConflict(ctx: ModuleContext, actor: Actor, id: string): Promise<void> {
  const a = await repo.findApplication(ctx.db, id);
  if (!a) throw new AppError('licences.application_not_found');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.declareConflict(trx, id, actor.actorId!, nowIso(ctx.clock));
    await recordAudit(
      trx,
      { ...actor, action: 'licences.application_conflict', subjectType: 'licence_application', subjectId: id },
      ctx.clock,
    );
  });
}

/**
 * The chair records the Kapituła's decision with the meeting's date: granted creates a licence for
 * each offer of the application from that day, or renews the offer's licence valid that day from its
 * expiry (licences.service.ts `offerContinuation`); refused needs a justification. A chair who declared
 * a conflict of interest on the application cannot record it. The decision, the licences (each
 * with its registry mark and audit entry), the e-mails to the applicant (and the entity's
 * representatives) and the decision's audit entry are one transaction: a failure anywhere leaves
 * the application undecided and no licence. Returns the numbers of new licences.
 */
export async function decide(ctx: ModuleContext, actor: Actor, id: string, body: Record<string, string>): Promise<string[]> {
  const view = await getApplication(ctx, id);
  const a = view.application;
  if (a.status !== 'in_assessment') throw new AppError('licences.application_state');
  if (actor.actorId !== null && (await repo.conflictUserIds(ctx.db, id)).includes(actor.actorId))
    throw new AppError('licences.decision_conflict');
  const f = new FormChecker(body);
  const decision = f.text('decision');
  if (decision !== 'granted' && decision !== 'refused') f.add('decision', 'licences.decision.decision', 'validation.required');
  const meetingOn = f.required('meeting_on', 'licences.decision.meetingOn', { max: 10 });
  if (meetingOn && !isCalendarDay(meetingOn)) f.add('meeting_on', 'licences.decision.meetingOn', 'licences.validation.date');
  else if (meetingOn && meetingOn > warsawToday(ctx.clock))
    f.add('meeting_on', 'licences.decision.meetingOn', 'licences.validation.future');
  const justification =
    decision === 'refused'
      ? f.required('justification', 'licences.decision.justification', { max: 4000, min: 10 })
      : f.text('justification');
  f.assertValid();
  const recipients = new Map<string, Lang>();
  if (a.contact_email) recipients.set(a.contact_email.toLowerCase(), 'pl');
  for (const r of await representativeEmails(ctx, a.entity_id))
    if (!recipients.has(r.email.toLowerCase())) recipients.set(r.email.toLowerCase(), r.lang as Lang);
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  return ctx.db.transaction().execute(async (trx) => {
    const recorded = await repo.recordDecision(trx, id, {
      status: decision as 'granted' | 'refused',
      decision: decision as 'granted' | 'refused',
      meeting_on: meetingOn,
      justification: justification || null,
      decided_by: actor.actorId,
      updated_at: nowIso(ctx.clock),
    });
    if (!recorded) throw new AppError('licences.application_state'); // decided meanwhile
    const numbers: string[] = [];
    if (decision === 'granted') {
      for (const o of view.offers) {
        const { grantedOn, renewsId } = await offerContinuation(trx, o.id, meetingOn);
        numbers.push(
          await grantLicenceIn(trx, ctx, actor, { entityId: a.entity_id, product: o.title, offerId: o.id, grantedOn }, renewsId),
        );
      }
      if (numbers.length) await repo.linkLicences(trx, numbers, id);
    }
    for (const [to, lang] of recipients) {
      await enqueueMail(
        trx,
        {
          to,
          lang,
          template: decision === 'granted' ? 'licence_application_granted' : 'licence_application_refused',
          params: {
            entity: a.entity_name,
            meeting: meetingOn,
            offers: view.offers.map((o) => o.title).join('; '),
            licences: numbers.map((n) => `${base}${licencePath(n)}`).join('\n'),
            justification: justification || '—',
            link: `${base}${applicationPath(id)}`,
          },
        },
        ctx.clock,
      );
    }
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'licences.application_decide',
        subjectType: 'licence_application',
        subjectId: id,
        changes: { status: { before: a.status, after: decision } },
        meta: { meeting_on: meetingOn, licences: numbers.join(',') },
      },
      ctx.clock,
    );
    return numbers;
  });
}
