// Rules of the evaluation follow-up: studies, recommendations (typed or imported), the management
// response (a reason is required when not accepted), planned actions, progress ratings proposed by
// the owner with evidence and validated by the coordinator (both kept), closing (evidence and the
// coordinator's approval) and abandoning (a public justification). Views of recommendations carry
// their derived status and overdue flags, for the pages, the CSV, the API, the digest and the report.
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { addDays, isCalendarDay, warsawDayStart, warsawToday } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import type { TKey } from '../../i18n/index.js';
import { diffFields, recordAudit, type AuditEntry } from '../audit/index.js';
import { listProgrammeIndicators } from '../indicators/index.js';
import { documentChoices } from '../portal/index.js';
import { findProgramme, flatten, listAllVersions, listProgrammes, loadTrees, type ElementKind } from '../programme/index.js';
import * as repo from './evaluation.repo.js';
import {
  DUE_SOON_DAYS,
  isActionOverdue,
  isOpenAction,
  isResponseOverdue,
  isTracked,
  OVERDUE_SLUG,
  recommendationStatus,
  responseDue,
  STATUS_SLUGS,
  trackingEnds,
  type RecommendationStatus,
  recommendationStatusAt,
} from './evaluation.rules.js';
import {
  ACTION_STATUSES,
  CRITERIA,
  RATINGS,
  RESPONSE_KINDS,
  STUDY_TYPES,
  type ActionStatus,
  type Criterion,
  type Rating,
  type ResponseKind,
  type StudyType,
} from './evaluation.tables.js';

export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
export type FormValues = Record<string, string | undefined>;

export const RATING_SLUGS: Record<Rating, string> = {
  complete: 'pelny',
  high: 'wysoki',
  substantial: 'znaczny',
  moderate: 'umiarkowany',
  negligible: 'znikomy',
  not_rated: 'bez-oceny',
};

const MAX_TEXT = 10_000;

function oneOf<T extends string>(list: readonly T[], v: string): v is T {
  return (list as readonly string[]).includes(v);
}

export function criteriaOf(s: Pick<repo.StudyRow, 'criteria'>): Criterion[] {
  try {
    const v = JSON.parse(s.criteria) as unknown;
    return Array.isArray(v) ? v.filter((x): x is Criterion => typeof x === 'string' && oneOf(CRITERIA, x)) : [];
  } catch {
    return [];
  }
}

// --- studies ---------------------------------------------------------------------------------------

export async function getStudy(ctx: ModuleContext, id: string, publishedOnly: boolean): Promise<repo.StudyRow> {
  const s = await repo.findStudy(ctx.db, id);
  if (!s || (publishedOnly && !s.is_published)) throw new AppError('http.not_found');
  return s;
}

export async function listStudies(ctx: ModuleContext, publishedOnly: boolean): Promise<repo.StudyRow[]> {
  return repo.listStudies(ctx.db, publishedOnly);
}

/** What the study form offers: programmes, their versions and published library documents, by name. */
export async function studyChoices(ctx: ModuleContext) {
  const [programmes, versions, documents] = await Promise.all([listProgrammes(ctx.db), listAllVersions(ctx.db), documentChoices(ctx)]);
  return {
    programmes: programmes.map((p) => ({ id: p.id, title: p.title })),
    versions: versions.map((v) => ({ id: v.id, programmeId: v.programme_id, label: `${v.programme_title} — ${v.number}. ${v.label}` })),
    documents,
  };
}

export function studyFormValues(s: repo.StudyRow): Record<string, string> {
  const values: Record<string, string> = {
    title: s.title,
    study_type: s.study_type,
    programme_id: s.programme_id ?? '',
    version_id: s.version_id ?? '',
    commissioning_unit: s.commissioning_unit ?? '',
    contractor: s.contractor ?? '',
    study_year: s.study_year === null ? '' : String(s.study_year),
    commissioned_on: s.commissioned_on ?? '',
    delivered_on: s.delivered_on ?? '',
    accepted_on: s.accepted_on ?? '',
    method_summary: s.method_summary ?? '',
    report_document_id: s.report_document_id ?? '',
    summary_document_id: s.summary_document_id ?? '',
    source_note: s.source_note ?? '',
    is_published: s.is_published ? '1' : '',
  };
  for (const c of criteriaOf(s)) values[`criterion_${c}`] = '1';
  return values;
}

const orNull = (v: string) => (v === '' ? null : v);

function checkDay(f: FormChecker, field: string, label: TKey): string | null {
  const v = f.text(field);
  if (v === '') return null;
  if (!isCalendarDay(v)) f.add(field, label, 'evaluation.errors.day');
  return v;
}

async function checkStudy(ctx: ModuleContext, body: FormValues) {
  const f = new FormChecker(body);
  const title = f.required('title', 'evaluation.study.title', { max: 500 });
  const type = f.text('study_type');
  if (!oneOf(STUDY_TYPES, type)) f.add('study_type', 'evaluation.study.type', 'validation.required');
  const choices = await studyChoices(ctx);
  const programmeId = f.text('programme_id');
  if (programmeId && !choices.programmes.some((p) => p.id === programmeId))
    f.add('programme_id', 'evaluation.study.programme', 'validation.invalid');
  const versionId = f.text('version_id');
  const version = choices.versions.find((v) => v.id === versionId);
  if (versionId && (!version || version.programmeId !== programmeId))
    f.add('version_id', 'evaluation.study.version', 'evaluation.errors.version');
  const yearText = f.text('study_year');
  const year = yearText === '' ? null : Number(yearText);
  if (year !== null && (!Number.isInteger(year) || year < 1990 || year > 2100))
    f.add('study_year', 'evaluation.study.year', 'evaluation.errors.year');
  const commissioned = checkDay(f, 'commissioned_on', 'evaluation.study.commissionedOn');
  const delivered = checkDay(f, 'delivered_on', 'evaluation.study.deliveredOn');
  const accepted = checkDay(f, 'accepted_on', 'evaluation.study.acceptedOn');
  for (const field of ['report_document_id', 'summary_document_id'] as const) {
    const id = f.text(field);
    if (id && !choices.documents.some((d) => d.id === id))
      f.add(field, field === 'report_document_id' ? 'evaluation.study.report' : 'evaluation.study.summary', 'validation.invalid');
  }
  for (const field of ['commissioning_unit', 'contractor'] as const) {
    if (f.text(field).length > 500)
      f.add(field, `evaluation.study.${field === 'contractor' ? 'contractor' : 'commissioningUnit'}`, 'validation.tooLong', { count: 500 });
  }
  if (f.text('method_summary').length > MAX_TEXT)
    f.add('method_summary', 'evaluation.study.method', 'validation.tooLong', { count: MAX_TEXT });
  if (f.text('source_note').length > MAX_TEXT)
    f.add('source_note', 'evaluation.study.sourceNote', 'validation.tooLong', { count: MAX_TEXT });
  f.assertValid();
  return {
    title,
    title_sort: polishSortKey(title),
    study_type: type as StudyType,
    programme_id: orNull(programmeId),
    version_id: orNull(versionId),
    commissioning_unit: orNull(f.text('commissioning_unit')),
    contractor: orNull(f.text('contractor')),
    study_year: year,
    commissioned_on: commissioned,
    delivered_on: delivered,
    accepted_on: accepted,
    method_summary: orNull(f.text('method_summary')),
    criteria: JSON.stringify(CRITERIA.filter((c) => f.text(`criterion_${c}`) === '1')),
    report_document_id: orNull(f.text('report_document_id')),
    summary_document_id: orNull(f.text('summary_document_id')),
    source_note: orNull(f.text('source_note')),
    is_published: f.text('is_published') === '1',
  };
}

export async function createStudy(ctx: ModuleContext, body: FormValues, actor: Actor): Promise<string> {
  const values = await checkStudy(ctx, body);
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertStudy(trx, { id, ...values, is_example: false, created_at: now, updated_at: now });
    await recordAudit(
      trx,
      { ...actor, action: 'evaluation.study.create', subjectType: 'evaluation_study', subjectId: id, meta: { title: values.title } },
      ctx.clock,
    );
  });
  return id;
}

export async function updateStudy(ctx: ModuleContext, id: string, body: FormValues, actor: Actor): Promise<void> {
  await getStudy(ctx, id, false);
  const values = await checkStudy(ctx, body);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateStudy(trx, id, { ...values, updated_at: nowIso(ctx.clock) });
    await recordAudit(trx, { ...actor, action: 'evaluation.study.update', subjectType: 'evaluation_study', subjectId: id }, ctx.clock);
  });
}

// --- programme elements and indicators a recommendation may concern --------------------------------

export interface Target {
  kind: 'element' | 'indicator';
  id: string;
  code: string;
  /** What a person chooses: kind, code and title. */
  label: string;
  elementKind: ElementKind | null;
  path: string;
}

/** The goals, actions and indicators of a programme, each with its public address. */
export async function programmeTargets(ctx: ModuleContext, programmeId: string | null): Promise<Target[]> {
  if (!programmeId) return [];
  const programme = await findProgramme(ctx.db, programmeId);
  if (!programme) return [];
  const trees = await loadTrees(ctx, [programmeId]);
  const elements = flatten(trees.get(programmeId) ?? []).map(({ node }) => node.element);
  const indicators = await listProgrammeIndicators(ctx.db, programmeId);
  return [
    ...elements.map((e) => ({
      kind: 'element' as const,
      id: e.id,
      code: e.code,
      label: `${e.code} ${e.title}`,
      elementKind: e.kind,
      path: `/program/${programme.slug}#cel-${e.code}`,
    })),
    ...indicators.map((i) => ({
      kind: 'indicator' as const,
      id: i.id,
      code: i.code,
      label: `${i.code} ${i.name}`,
      elementKind: null,
      path: `/program/${programme.slug}/wskazniki/${encodeURIComponent(i.code)}`,
    })),
  ];
}

// --- recommendations -------------------------------------------------------------------------------

export interface RecommendationInput {
  number: string;
  finding: string;
  text: string;
  addressee: string;
  proposed_way: string | null;
  deadline: string | null;
  targets: Target[];
}

export async function insertRecommendations(
  ctx: ModuleContext,
  study: repo.StudyRow,
  inputs: readonly RecommendationInput[],
  actor: Actor,
  action: string,
): Promise<string[]> {
  const now = nowIso(ctx.clock);
  const ids: string[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    let position = Math.max(0, ...(await repo.recommendationNumbers(trx, study.id)).map((r) => r.position));
    for (const input of inputs) {
      const id = newId();
      position += 1;
      await repo.insertRecommendation(trx, {
        id,
        study_id: study.id,
        number: input.number,
        position,
        finding: input.finding,
        text: input.text,
        addressee: input.addressee,
        proposed_way: input.proposed_way,
        deadline: input.deadline,
        response_due_on: null,
        response_kind: null,
        response_text: null,
        response_reason: null,
        responded_on: null,
        closure: null,
        closure_note: null,
        closure_evidence: null,
        closed_on: null,
        closed_by: null,
        is_example: study.is_example,
        created_at: now,
        updated_at: now,
      });
      await repo.replaceLinks(
        trx,
        id,
        input.targets.map((t) => ({ id: newId(), recommendation_id: id, target_kind: t.kind, target_id: t.id })),
      );
      ids.push(id);
    }
    await recordAudit(
      trx,
      { ...actor, action, subjectType: 'evaluation_study', subjectId: study.id, meta: { recommendations: inputs.map((i) => i.number) } },
      ctx.clock,
    );
  });
  return ids;
}

/** The recommendation form's checks; the programme elements are chosen by name (their ids in `targetIds`). */
async function checkRecommendation(
  ctx: ModuleContext,
  study: repo.StudyRow,
  body: FormValues,
  targetIds: readonly string[],
  ownId: string | null,
) {
  const f = new FormChecker(body);
  const number = f.required('number', 'evaluation.rec.number', { max: 20 });
  const finding = f.required('finding', 'evaluation.rec.finding', { max: MAX_TEXT });
  const text = f.required('text', 'evaluation.rec.text', { max: MAX_TEXT });
  const addressee = f.required('addressee', 'evaluation.rec.addressee', { max: 500 });
  const way = f.text('proposed_way');
  if (way.length > MAX_TEXT) f.add('proposed_way', 'evaluation.rec.proposedWay', 'validation.tooLong', { count: MAX_TEXT });
  const deadline = checkDay(f, 'deadline', 'evaluation.rec.deadline');
  const taken = (await repo.listRecommendations(ctx.db, [study.id])).some((r) => r.number === number && r.id !== ownId);
  if (number && taken) f.add('number', 'evaluation.rec.number', 'evaluation.errors.numberTaken', { number });
  const all = await programmeTargets(ctx, study.programme_id);
  const targets = all.filter((t) => targetIds.includes(t.id));
  if (targets.length !== new Set(targetIds).size) f.add('targets', 'evaluation.rec.targets', 'validation.invalid');
  f.assertValid();
  return { number, finding, text, addressee, proposed_way: orNull(way), deadline, targets };
}

/** A recommendation typed in the form. */
export async function createRecommendation(
  ctx: ModuleContext,
  studyId: string,
  body: FormValues,
  targetIds: readonly string[],
  actor: Actor,
) {
  const study = await getStudy(ctx, studyId, false);
  const input = await checkRecommendation(ctx, study, body, targetIds, null);
  const [id] = await insertRecommendations(ctx, study, [input], actor, 'evaluation.recommendation.create');
  return id!;
}

/** Corrects a recommendation's text and links (a typo of the report, an import mistake); its follow-up stays. */
export async function updateRecommendation(ctx: ModuleContext, id: string, body: FormValues, targetIds: readonly string[], actor: Actor) {
  const { rec, study } = await openRecommendation(ctx, id);
  refuseClosed(rec);
  const { targets, ...input } = await checkRecommendation(ctx, study, body, targetIds, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRecommendation(trx, id, { ...input, updated_at: nowIso(ctx.clock) });
    await repo.replaceLinks(
      trx,
      id,
      targets.map((t) => ({ id: newId(), recommendation_id: id, target_kind: t.kind, target_id: t.id })),
    );
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'evaluation.recommendation.update',
        subjectType: 'evaluation_recommendation',
        subjectId: id,
        changes: diffFields<Record<string, unknown>>(rec, input, ['number', 'finding', 'text', 'addressee', 'proposed_way', 'deadline']),
      },
      ctx.clock,
    );
  });
}

/** The form values of a recommendation and the ids of the elements it concerns. */
export async function recommendationForm(ctx: ModuleContext, id: string) {
  const view = await recommendationView(ctx, id);
  const r = view.rec;
  return {
    view,
    values: {
      number: r.number,
      finding: r.finding,
      text: r.text,
      addressee: r.addressee,
      proposed_way: r.proposed_way ?? '',
      deadline: r.deadline ?? '',
    },
    chosen: view.targets.map((t) => t.id),
  };
}

async function openRecommendation(ctx: ModuleContext, id: string) {
  const rec = await repo.findRecommendation(ctx.db, id);
  if (!rec) throw new AppError('http.not_found');
  const study = await getStudy(ctx, rec.study_id, false);
  return { rec, study };
}

function refuseClosed(rec: repo.RecommendationRow): void {
  if (rec.closure) throw new AppError('evaluation.closed');
}

/** The management response; "not accepted" needs a reason. Nothing changes when a check fails. */
export async function respond(ctx: ModuleContext, id: string, body: FormValues, actor: Actor): Promise<void> {
  const { rec } = await openRecommendation(ctx, id);
  refuseClosed(rec);
  const f = new FormChecker(body);
  const kind = f.text('response_kind');
  if (!oneOf(RESPONSE_KINDS, kind)) f.add('response_kind', 'evaluation.response.kind', 'validation.required');
  const reason = f.text('response_reason');
  if (kind === 'not_accepted' && reason === '') f.add('response_reason', 'evaluation.response.reason', 'evaluation.errors.reasonRequired');
  if (reason.length > MAX_TEXT) f.add('response_reason', 'evaluation.response.reason', 'validation.tooLong', { count: MAX_TEXT });
  const text = f.text('response_text');
  if (text.length > MAX_TEXT) f.add('response_text', 'evaluation.response.text', 'validation.tooLong', { count: MAX_TEXT });
  const due = checkDay(f, 'response_due_on', 'evaluation.response.due');
  f.assertValid();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRecommendation(trx, id, {
      response_kind: kind as ResponseKind,
      response_reason: orNull(reason),
      response_text: orNull(text),
      response_due_on: due ?? rec.response_due_on,
      responded_on: warsawToday(ctx.clock),
      updated_at: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'evaluation.recommendation.respond',
        subjectType: 'evaluation_recommendation',
        subjectId: id,
        changes: { response_kind: { before: rec.response_kind, after: kind } },
      },
      ctx.clock,
    );
  });
}

export async function addAction(ctx: ModuleContext, recId: string, body: FormValues, actor: Actor): Promise<string> {
  const { rec } = await openRecommendation(ctx, recId);
  refuseClosed(rec);
  const f = new FormChecker(body);
  if (rec.response_kind !== 'accepted' && rec.response_kind !== 'partly_accepted')
    f.add('description', 'evaluation.action.description', 'evaluation.errors.actionsNeedAcceptance');
  const description = f.required('description', 'evaluation.action.description', { max: MAX_TEXT });
  const unit = f.required('owner_unit', 'evaluation.action.ownerUnit', { max: 300 });
  const person = f.required('owner_person', 'evaluation.action.ownerPerson', { max: 300 });
  if (f.text('deadline') === '') f.add('deadline', 'evaluation.action.deadline', 'validation.required');
  const deadline = checkDay(f, 'deadline', 'evaluation.action.deadline');
  f.assertValid();
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertAction(trx, {
      id,
      recommendation_id: recId,
      description,
      owner_unit: unit,
      owner_person: person,
      deadline: deadline!,
      status: 'planned',
      completed_on: null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(
      trx,
      { ...actor, action: 'evaluation.action.create', subjectType: 'evaluation_action', subjectId: id, meta: { recommendation: recId } },
      ctx.clock,
    );
  });
  return id;
}

export async function setActionStatus(ctx: ModuleContext, actionId: string, body: FormValues, actor: Actor): Promise<string> {
  const action = await repo.findAction(ctx.db, actionId);
  if (!action) throw new AppError('http.not_found');
  const { rec } = await openRecommendation(ctx, action.recommendation_id);
  refuseClosed(rec);
  const f = new FormChecker(body);
  const status = f.text('status');
  if (!oneOf(ACTION_STATUSES, status)) f.add('status', 'evaluation.action.status', 'validation.required');
  f.assertValid();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateAction(trx, actionId, {
      status: status as ActionStatus,
      completed_on: status === 'done' ? warsawToday(ctx.clock) : null,
      updated_at: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'evaluation.action.status',
        subjectType: 'evaluation_action',
        subjectId: actionId,
        changes: { status: { before: action.status, after: status } },
      },
      ctx.clock,
    );
  });
  return rec.id;
}

const LINK = /^https?:\/\/[^\s]+$/u;

/** The owner's proposed rating with evidence (text, link or library document). */
export async function proposeRating(ctx: ModuleContext, recId: string, body: FormValues, actor: Actor): Promise<void> {
  const { rec } = await openRecommendation(ctx, recId);
  refuseClosed(rec);
  const f = new FormChecker(body);
  const rating = f.text('proposed_rating');
  if (!oneOf(RATINGS, rating)) f.add('proposed_rating', 'evaluation.rating.proposed', 'validation.required');
  const text = f.text('evidence_text');
  const link = f.text('evidence_link');
  const doc = f.text('evidence_document_id');
  if (link && (!LINK.test(link) || link.length > 1000)) f.add('evidence_link', 'evaluation.rating.evidenceLink', 'evaluation.errors.link');
  if (doc && !(await documentChoices(ctx)).some((d) => d.id === doc))
    f.add('evidence_document_id', 'evaluation.rating.evidenceDocument', 'validation.invalid');
  if (text.length > MAX_TEXT) f.add('evidence_text', 'evaluation.rating.evidenceText', 'validation.tooLong', { count: MAX_TEXT });
  if (rating !== 'not_rated' && !text && !link && !doc)
    f.add('evidence_text', 'evaluation.rating.evidenceText', 'evaluation.errors.evidenceRequired');
  f.assertValid();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertRating(trx, {
      id,
      recommendation_id: recId,
      proposed_rating: rating as Rating,
      evidence_text: orNull(text),
      evidence_link: orNull(link),
      evidence_document_id: orNull(doc),
      proposed_by: actor.actorId,
      proposed_at: nowIso(ctx.clock),
      validated_rating: null,
      validation_note: null,
      validated_by: null,
      validated_at: null,
    });
    await recordAudit(
      trx,
      { ...actor, action: 'evaluation.rating.propose', subjectType: 'evaluation_recommendation', subjectId: recId, meta: { rating } },
      ctx.clock,
    );
  });
}

/** The coordinator's rating of a proposal; the proposal stays as it was. */
export async function validateRating(ctx: ModuleContext, ratingId: string, body: FormValues, actor: Actor): Promise<string> {
  const r = await repo.findRating(ctx.db, ratingId);
  if (!r) throw new AppError('http.not_found');
  if (r.validated_rating) throw new AppError('evaluation.already_validated');
  const f = new FormChecker(body);
  const rating = f.text('validated_rating');
  if (!oneOf(RATINGS, rating)) f.add('validated_rating', 'evaluation.rating.validated', 'validation.required');
  const note = f.text('validation_note');
  if (note.length > MAX_TEXT) f.add('validation_note', 'evaluation.rating.note', 'validation.tooLong', { count: MAX_TEXT });
  if (rating && rating !== r.proposed_rating && note === '')
    f.add('validation_note', 'evaluation.rating.note', 'evaluation.errors.noteForDifference');
  f.assertValid();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRating(trx, ratingId, {
      validated_rating: rating as Rating,
      validation_note: orNull(note),
      validated_by: actor.actorId,
      validated_at: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'evaluation.rating.validate',
        subjectType: 'evaluation_recommendation',
        subjectId: r.recommendation_id,
        meta: { proposed: r.proposed_rating, validated: rating },
      },
      ctx.clock,
    );
  });
  return r.recommendation_id;
}

/** Closing: only with evidence of what was done, approved by the coordinator submitting it. */
export async function closeRecommendation(ctx: ModuleContext, recId: string, body: FormValues, actor: Actor): Promise<void> {
  const { rec } = await openRecommendation(ctx, recId);
  refuseClosed(rec);
  const f = new FormChecker(body);
  const evidence = f.text('closure_evidence');
  if (evidence === '') f.add('closure_evidence', 'evaluation.close.evidence', 'evaluation.errors.closeEvidence');
  else if (evidence.length > MAX_TEXT) f.add('closure_evidence', 'evaluation.close.evidence', 'validation.tooLong', { count: MAX_TEXT });
  if (f.text('approve') !== '1') f.add('approve', 'evaluation.close.approve', 'evaluation.errors.closeApproval');
  f.assertValid();
  await finish(ctx, rec, { closure: 'closed', closure_evidence: evidence, closure_note: orNull(f.text('closure_note')) }, actor);
}

/** Abandoning: a justification is required, and the recommendation stays public with it. */
export async function abandonRecommendation(ctx: ModuleContext, recId: string, body: FormValues, actor: Actor): Promise<void> {
  const { rec } = await openRecommendation(ctx, recId);
  refuseClosed(rec);
  const f = new FormChecker(body);
  const note = f.text('closure_note');
  if (note === '') f.add('closure_note', 'evaluation.abandon.justification', 'evaluation.errors.abandonJustification');
  else if (note.length > MAX_TEXT) f.add('closure_note', 'evaluation.abandon.justification', 'validation.tooLong', { count: MAX_TEXT });
  f.assertValid();
  await finish(ctx, rec, { closure: 'abandoned', closure_note: note, closure_evidence: null }, actor);
}

async function finish(
  ctx: ModuleContext,
  rec: repo.RecommendationRow,
  values: { closure: 'closed' | 'abandoned'; closure_note: string | null; closure_evidence: string | null },
  actor: Actor,
) {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRecommendation(trx, rec.id, {
      ...values,
      closed_on: warsawToday(ctx.clock),
      closed_by: actor.actorId,
      updated_at: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: `evaluation.recommendation.${values.closure === 'closed' ? 'close' : 'abandon'}`,
        subjectType: 'evaluation_recommendation',
        subjectId: rec.id,
      },
      ctx.clock,
    );
  });
}

// --- views -----------------------------------------------------------------------------------------

export interface ActionView extends repo.ActionRow {
  overdue: boolean;
}

export interface RecommendationView {
  rec: repo.RecommendationRow;
  study: repo.StudyRow;
  status: RecommendationStatus;
  responseDue: string | null;
  responseOverdue: boolean;
  tracked: boolean;
  trackingEnds: string | null;
  actions: ActionView[];
  overdueActions: ActionView[];
  ratings: repo.RatingRow[];
  /** The owner's latest proposal and the coordinator's latest validated rating (null: none yet). */
  proposed: Rating | null;
  validated: Rating | null;
  differs: boolean;
  targets: Target[];
  overdue: boolean;
}

/** The recommendations of these studies with everything derived from them, as of today (Warsaw). */
export async function recommendationViews(ctx: ModuleContext, studies: readonly repo.StudyRow[], today = warsawToday(ctx.clock)) {
  const recs = await repo.listRecommendations(
    ctx.db,
    studies.map((s) => s.id),
  );
  const ids = recs.map((r) => r.id);
  const [actions, ratings, links] = await Promise.all([
    repo.listActions(ctx.db, ids),
    repo.listRatings(ctx.db, ids),
    repo.listLinks(ctx.db, ids),
  ]);
  const targetsByProgramme = new Map<string, Target[]>();
  for (const pid of new Set(studies.map((s) => s.programme_id).filter((x): x is string => !!x))) {
    targetsByProgramme.set(pid, await programmeTargets(ctx, pid));
  }
  const byStudy = new Map(studies.map((s) => [s.id, s]));
  return recs.map((rec): RecommendationView => {
    const study = byStudy.get(rec.study_id)!;
    const mine = actions.filter((a) => a.recommendation_id === rec.id);
    const rated = ratings.filter((r) => r.recommendation_id === rec.id);
    const views = mine.map((a) => ({ ...a, overdue: isActionOverdue(a, rec, study.accepted_on, today) }));
    const latest = rated[rated.length - 1] ?? null;
    const validatedRow = [...rated].reverse().find((r) => r.validated_rating !== null) ?? null;
    const proposed = latest?.proposed_rating ?? null;
    const validated = validatedRow?.validated_rating ?? null;
    const all = targetsByProgramme.get(study.programme_id ?? '') ?? [];
    const linked = new Set(links.filter((l) => l.recommendation_id === rec.id).map((l) => l.target_id));
    const responseOverdue = isResponseOverdue(rec, study.accepted_on, today);
    const overdueActions = views.filter((a) => a.overdue);
    return {
      rec,
      study,
      status: recommendationStatus(rec, mine),
      responseDue: responseDue(rec, study.accepted_on),
      responseOverdue,
      tracked: isTracked(rec, study.accepted_on, today),
      trackingEnds: trackingEnds(study.accepted_on),
      actions: views,
      overdueActions,
      ratings: rated,
      proposed,
      validated,
      differs: validatedRow !== null && validatedRow.validated_rating !== validatedRow.proposed_rating,
      targets: all.filter((t) => linked.has(t.id)),
      overdue: responseOverdue || overdueActions.length > 0,
    };
  });
}

export async function recommendationView(ctx: ModuleContext, id: string): Promise<RecommendationView> {
  const { study } = await openRecommendation(ctx, id);
  const view = (await recommendationViews(ctx, [study])).find((v) => v.rec.id === id);
  if (!view) throw new AppError('http.not_found');
  return view;
}

// --- the public table ------------------------------------------------------------------------------

export interface TableFilter {
  study?: string | undefined;
  status?: string | undefined;
  rating?: string | undefined;
  addressee?: string | undefined;
  element?: string | undefined;
}

export async function publicTable(ctx: ModuleContext, filter: TableFilter) {
  const studies = await repo.listStudies(ctx.db, true);
  const all = await recommendationViews(ctx, studies);
  const rows = all.filter((v) => {
    if (filter.study && v.study.id !== filter.study) return false;
    if (filter.status) {
      if (filter.status === OVERDUE_SLUG) {
        if (!v.overdue) return false;
      } else if (STATUS_SLUGS[v.status] !== filter.status) return false;
    }
    if (filter.rating && RATING_SLUGS[v.validated ?? 'not_rated'] !== filter.rating) return false;
    if (filter.addressee && v.rec.addressee !== filter.addressee) return false;
    if (filter.element && !v.targets.some((t) => t.id === filter.element)) return false;
    return true;
  });
  const addressees = [...new Set(all.map((v) => v.rec.addressee))].sort((a, b) => polishSortKey(a).localeCompare(polishSortKey(b)));
  const targets = new Map<string, Target>();
  for (const v of all) for (const t of v.targets) targets.set(t.id, t);
  return { rows, studies, addressees, targets: [...targets.values()] };
}

/** The recommendations concerning each of these programme elements or indicators (public studies only). */
export async function recommendationsByTarget(ctx: ModuleContext, programmeId: string): Promise<Map<string, RecommendationView[]>> {
  const studies = (await repo.listStudies(ctx.db, true)).filter((s) => s.programme_id === programmeId);
  const out = new Map<string, RecommendationView[]>();
  for (const v of await recommendationViews(ctx, studies)) {
    for (const t of v.targets) out.set(t.id, [...(out.get(t.id) ?? []), v]);
  }
  return out;
}

// --- the digest and the annual report --------------------------------------------------------------

export interface FollowUpItem {
  kind: 'response' | 'action';
  overdue: boolean;
  due: string;
  view: RecommendationView;
  action: ActionView | null;
}

/** Everything overdue or falling due within 30 days, over all tracked recommendations. */
export async function followUpItems(ctx: ModuleContext): Promise<FollowUpItem[]> {
  const today = warsawToday(ctx.clock);
  const soon = addDays(today, DUE_SOON_DAYS);
  const items: FollowUpItem[] = [];
  for (const view of await recommendationViews(ctx, await repo.listStudies(ctx.db, false), today)) {
    if (!view.tracked) continue;
    if (view.rec.response_kind === null && view.responseDue && view.responseDue <= soon)
      items.push({ kind: 'response', overdue: view.responseOverdue, due: view.responseDue, view, action: null });
    if (view.rec.response_kind === 'not_accepted') continue;
    for (const a of view.actions) {
      if (isOpenAction(a) && a.deadline <= soon) items.push({ kind: 'action', overdue: a.overdue, due: a.deadline, view, action: a });
    }
  }
  return items.sort((a, b) => a.due.localeCompare(b.due));
}

export interface ReportSummary {
  total: number;
  byStatus: Map<RecommendationStatus, number>;
  /** Recommendations whose status at the year's end the dated records cannot reconstruct (not counted in byStatus). */
  statusUnknown: number;
  /** The day the statuses are counted at: 31 December of the year, or today for the running year. */
  asOf: string;
  byRating: Map<Rating, number>;
  overdue: RecommendationView[];
}

/**
 * The follow-up of a programme's recommendations for the annual report of `year`: the
 * recommendations of its published studies accepted by the end of that year and still tracked in it,
 * counted by status at the year's end (reconstructed from the dated records — closure, response and
 * action times —, or "not known" where they do not allow it; today's for the running year) and by the
 * coordinator's rating validated by the end of the year, and the overdue ones as of the year's end
 * (or today, for the running year).
 */
export async function reportSummary(ctx: ModuleContext, programmeId: string, year: number): Promise<ReportSummary> {
  const today = warsawToday(ctx.clock);
  const end = `${year}-12-31`;
  const asOf = end < today ? end : today;
  const studies = (await repo.listStudies(ctx.db, true)).filter(
    (s) => s.programme_id === programmeId && (s.accepted_on === null || s.accepted_on <= end),
  );
  const views = (await recommendationViews(ctx, studies, asOf)).filter((v) => {
    const ends = v.trackingEnds;
    return (ends === null || ends >= `${year}-01-01`) && (v.rec.closed_on === null || v.rec.closed_on >= `${year}-01-01`);
  });
  const byStatus = new Map<RecommendationStatus, number>();
  const byRating = new Map<Rating, number>();
  const endMoment = warsawDayStart(end, 1);
  let statusUnknown = 0;
  for (const v of views) {
    const status = asOf === end ? recommendationStatusAt(v.rec, v.actions, end, endMoment) : v.status;
    if (status === null) statusUnknown++;
    else byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    const validated = [...v.ratings]
      .reverse()
      .find((r) => r.validated_rating !== null && r.validated_at !== null && r.validated_at < endMoment);
    const rating = validated?.validated_rating ?? 'not_rated';
    byRating.set(rating, (byRating.get(rating) ?? 0) + 1);
  }
  return { total: views.length, byStatus, statusUnknown, asOf, byRating, overdue: views.filter((v) => v.overdue) };
}

/** The recommendation a rating belongs to (404 when there is no such rating). */
export async function ratingRecommendation(ctx: ModuleContext, ratingId: string): Promise<string> {
  const r = await repo.findRating(ctx.db, ratingId);
  if (!r) throw new AppError('http.not_found');
  return r.recommendation_id;
}
