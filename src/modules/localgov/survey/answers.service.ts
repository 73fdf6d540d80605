// The survey's text answers: what numbers cannot carry — the programme document's title, date and
// link, the kinds of social clauses, other forms of cooperation and the entities the unit founded or
// co-founded (typed by name, resolved in the registry). A local government's partner answers for its
// own unit, for the year of an open survey round, one answer per unit and year: draft → submitted →
// approved, or returned with staff's message and submitted again. Staff approve or return (audited;
// a return is e-mailed to the unit's partners through the outbox).
//
// The fill rule on approval: the answers fill the unit's cooperation record of that year (a new
// record when there is none) and "ankieta {year}" joins its sources. A field staff entered from
// another source stays as it is; the survey fills it only while it is empty (unknown) — or when every
// value of the record came from this survey (its source is exactly "ankieta {year}"), so a corrected
// and approved again answer replaces the earlier one. A record saying "no programme" keeps its "no"
// and gets no document; a record with the programme unknown becomes "yes" with the document.
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { ModuleContext } from '../../../core/module.js';
import { isCalendarDay } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import { localize } from '../../../core/http/language.js';
import type { Lang } from '../../../i18n/index.js';
import { holdersOfScope } from '../../accounts/index.js';
import { recordAudit } from '../../audit/index.js';
import { openRoundsOfCodes, type OpenRoundByCode } from '../../indicators/index.js';
import { enqueueMail } from '../../mail/index.js';
import type { Actor } from '../localgov.audited.service.js';
import { checkEntityNames, entityNamesText, foundedEntities } from '../localgov.entities.js';
import { unitScope } from '../localgov.policy.js';
import * as recordRepo from '../localgov.repo.js';
import type { CooperationRow } from '../localgov.repo.js';
import { CLAUSE_KINDS, EMPTY_COOPERATION, type CooperationInput } from '../localgov.service.js';
import type { SurveyAnswerStatus } from '../localgov.tables.js';
import { unitOptions } from '../localgov.units.js';
import * as repo from './answers.repo.js';
import type { AnswerRow } from './answers.repo.js';
import { levelOf, SURVEY_MEASURES, surveyCode } from './survey.measures.js';

/** The record's columns the text answers carry. */
export const ANSWER_FIELDS = [
  'programme_title',
  'programme_date',
  'programme_url',
  'clause_kinds',
  'other_forms',
  'founded_entity_ids',
] as const;
type AnswerField = (typeof ANSWER_FIELDS)[number];
export type AnswerFields = Record<AnswerField, string | null>;

const EDITABLE: readonly SurveyAnswerStatus[] = ['draft', 'returned'];

/** The source an approved answer gives the record (stored text, as staff's sources are). */
export function surveySource(year: number): string {
  return `ankieta ${year}`;
}

export function answerPath(teryt: string, year: number): string {
  return `/samorzady/ankieta/${teryt}/${year}`;
}

export function reviewPath(id: string): string {
  return `/admin/samorzady/ankieta/odpowiedzi/${id}`;
}

/** Checks the partner's form: every problem translated, nothing kept while one remains. */
export async function checkAnswerForm(ctx: Pick<ModuleContext, 'db' | 'database'>, values: Record<string, unknown>): Promise<AnswerFields> {
  const f = new FormChecker(values);
  const optional = (field: string, label: Parameters<FormChecker['add']>[1], max: number) => {
    const v = f.text(field);
    if (v.length > max) f.add(field, label, 'validation.tooLong', { count: max });
    return v || null;
  };
  const programme_title = optional('programme_title', 'localgov.field.programmeTitle', 300);
  const programme_date = f.text('programme_date') || null;
  if (programme_date && !isCalendarDay(programme_date)) f.add('programme_date', 'localgov.field.programmeDate', 'localgov.problem.date');
  const programme_url = optional('programme_url', 'localgov.field.programmeUrl', 500);
  if (programme_url && !/^https?:\/\/[^\s/]+\S*$/u.test(programme_url))
    f.add('programme_url', 'localgov.field.programmeUrl', 'localgov.problem.url');
  if ((programme_date || programme_url) && !programme_title)
    f.add('programme_title', 'localgov.field.programmeTitle', 'localgov.survey.answers.problem.titleNeeded');
  const raw = values.clause_kinds;
  const typed = Array.isArray(raw) ? raw : typeof raw === 'string' && raw !== '' ? [raw] : [];
  if (typed.some((k) => !(CLAUSE_KINDS as readonly unknown[]).includes(k)))
    f.add('clause_kinds', 'localgov.field.clauseKinds', 'validation.required');
  const kinds = CLAUSE_KINDS.filter((k) => typed.includes(k));
  const other_forms = optional('other_forms', 'localgov.field.otherForms', 2000);
  const founded = await checkEntityNames(ctx, f, 'founded_entities', 'localgov.field.foundedEntities');
  f.assertValid();
  return {
    programme_title,
    programme_date,
    programme_url,
    clause_kinds: kinds.length ? kinds.join(',') : null,
    other_forms,
    founded_entity_ids: founded && founded.length ? JSON.stringify(founded) : null,
  };
}

/** The open survey round of the unit's level for this year, if any (its numbers are asked there). */
export async function openRoundFor(ctx: Pick<ModuleContext, 'db'>, teryt: string, year: number): Promise<OpenRoundByCode | null> {
  const codes = SURVEY_MEASURES.map((m) => surveyCode(m, levelOf(teryt)));
  return (await openRoundsOfCodes(ctx, codes)).find((r) => r.period === year) ?? null;
}

/** The status of the unit's answers for the year, null when it has none (the round page's section). */
export async function answerStatus(ctx: Pick<ModuleContext, 'db'>, teryt: string, year: number): Promise<SurveyAnswerStatus | null> {
  return (await repo.findAnswerOf(ctx.db, teryt, year))?.status ?? null;
}

export interface PartnerAnswer {
  teryt: string;
  unitLabel: string;
  year: number;
  round: OpenRoundByCode | null;
  answer: AnswerRow | null;
  /** The partner may save and submit now: a round is open and the answer is new, a draft or returned. */
  editable: boolean;
  /** The stored answers as form values (entities by name, one per line). */
  values: Record<string, string>;
}

function answerValues(a: AnswerRow, entities: string): Record<string, string> {
  const s = (v: string | null) => v ?? '';
  return {
    programme_title: s(a.programme_title),
    programme_date: s(a.programme_date),
    programme_url: s(a.programme_url),
    clause_kinds: s(a.clause_kinds),
    other_forms: s(a.other_forms),
    founded_entities: entities,
  };
}

/** The unit's label (its TERYT code when the territory's units are not loaded, as other localgov lists do). */
async function unitLabel(ctx: ModuleContext, teryt: string, lang: Lang): Promise<string> {
  return (await unitOptions(ctx, lang)).find((u) => u.teryt === teryt)?.label ?? teryt;
}

/** The partner's page of one unit and year (the route's policy has checked the unit is theirs). */
export async function partnerAnswer(ctx: ModuleContext, teryt: string, year: number, lang: Lang): Promise<PartnerAnswer> {
  const label = await unitLabel(ctx, teryt, lang);
  const [round, answer] = await Promise.all([openRoundFor(ctx, teryt, year), repo.findAnswerOf(ctx.db, teryt, year)]);
  return {
    teryt,
    unitLabel: label,
    year,
    round,
    answer: answer ?? null,
    editable: round !== null && (!answer || EDITABLE.includes(answer.status)),
    values: answer ? answerValues(answer, await entityNamesText(ctx, answer.founded_entity_ids)) : {},
  };
}

/** Saves the partner's answers as a draft, or submits them for review. Refused once submitted or without an open round. */
export async function saveAnswer(
  ctx: ModuleContext,
  teryt: string,
  year: number,
  values: Record<string, unknown>,
  submit: boolean,
  actor: Actor,
): Promise<void> {
  if (!(await openRoundFor(ctx, teryt, year))) throw new AppError('localgov.survey_closed');
  const existing = await repo.findAnswerOf(ctx.db, teryt, year);
  if (existing && !EDITABLE.includes(existing.status)) throw new AppError('localgov.answer_state');
  const fields = await checkAnswerForm(ctx, values);
  const now = nowIso(ctx.clock);
  const status: SurveyAnswerStatus = submit ? 'submitted' : existing?.status === 'returned' ? 'returned' : 'draft';
  const submitted = submit ? { submitted_by: actor.actorId, submitted_at: now } : {};
  const id = existing?.id ?? newId();
  await ctx.db.transaction().execute(async (trx) => {
    const written = await repo.putAnswer(
      trx,
      {
        id,
        unit_teryt: teryt,
        year,
        status,
        ...fields,
        return_message: null,
        submitted_by: null,
        submitted_at: null,
        ...submitted,
        decided_by: null,
        decided_at: null,
        created_at: now,
        updated_at: now,
        updated_by: actor.actorId,
      },
      { ...fields, status, ...submitted, updated_at: now, updated_by: actor.actorId },
      EDITABLE,
    );
    // someone submitted (or staff decided) between the read and this write
    if (!written) throw new AppError('localgov.answer_state');
    if (submit)
      await recordAudit(
        trx,
        {
          ...actor,
          action: 'localgov.survey_answer.submit',
          subjectType: 'localgov_survey_answer',
          subjectId: id,
          changes: changesOf(existing, fields),
        },
        ctx.clock,
      );
  });
}

function changesOf(before: AnswerFields | undefined, after: AnswerFields) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of ANSWER_FIELDS) if ((before?.[k] ?? null) !== after[k]) changes[k] = { before: before?.[k] ?? null, after: after[k] };
  return changes;
}

// --- the fill rule ---------------------------------------------------------------------------------

type RecordValues = Omit<CooperationInput, 'unit_teryt' | 'year'>;

const EMPTY_RECORD: RecordValues = EMPTY_COOPERATION;

/**
 * The record's values after the approved answers of `year` fill it (see the rule at the top of the
 * file), or null when the answers change nothing.
 */
export function filledRecord(record: RecordValues | null, answers: AnswerFields, year: number): RecordValues | null {
  const source = surveySource(year);
  const out: RecordValues = { ...EMPTY_RECORD };
  if (record) for (const k of Object.keys(EMPTY_RECORD) as (keyof RecordValues)[]) Object.assign(out, { [k]: record[k] });
  const fromSurveyOnly = record === null || record.source === source;
  let used = false;
  for (const k of ANSWER_FIELDS) {
    const v = answers[k];
    if (v === null || out[k] === v) continue;
    if (k.startsWith('programme_') && out.programme === 'no') continue; // staff's "no programme" stands
    if (out[k] !== null && !fromSurveyOnly) continue; // a value from another source stands
    out[k] = v;
    used = true;
  }
  if (!used) return null;
  if (out.programme === null && (out.programme_title || out.programme_date || out.programme_url)) out.programme = 'yes';
  const sources = out.source ? out.source.split('; ') : [];
  if (!sources.includes(source)) out.source = [...sources, source].join('; ');
  return out;
}

// --- staff -----------------------------------------------------------------------------------------

export interface AnswerListItem {
  id: string;
  unitLabel: string;
  year: number;
  status: SurveyAnswerStatus;
  updatedAt: string;
}

/** Every unit's answers, those waiting for a decision first. */
export async function answersForStaff(ctx: ModuleContext, lang: Lang): Promise<AnswerListItem[]> {
  const [rows, units] = await Promise.all([repo.listAnswers(ctx.db), unitOptions(ctx, lang)]);
  const label = new Map(units.map((u) => [u.teryt, u.label]));
  const order: Record<SurveyAnswerStatus, number> = { submitted: 0, returned: 1, draft: 2, approved: 3 };
  return rows
    .map((r) => ({ id: r.id, unitLabel: label.get(r.unit_teryt) ?? r.unit_teryt, year: r.year, status: r.status, updatedAt: r.updated_at }))
    .sort((a, b) => order[a.status] - order[b.status] || b.year - a.year);
}

export interface AnswerReview {
  answer: AnswerRow;
  unitLabel: string;
  entities: { id: string; name: string; path: string; isExample: boolean }[];
  /** The unit's record of the year as it stands (null: none yet). */
  record: CooperationRow | null;
  recordEntities: { id: string; name: string; path: string; isExample: boolean }[];
  /** The fields approval would leave as they are because the record has them from another source. */
  kept: AnswerField[];
}

export async function answerForReview(ctx: ModuleContext, id: string, lang: Lang): Promise<AnswerReview> {
  const answer = await repo.findAnswer(ctx.db, id);
  if (!answer) throw new AppError('http.not_found');
  const record = (await recordRepo.findByUnitYear(ctx.db, answer.unit_teryt, answer.year)) ?? null;
  const filled = filledRecord(record, answer, answer.year);
  const kept = ANSWER_FIELDS.filter((k) => answer[k] !== null && (filled ?? record)?.[k] !== answer[k]);
  return {
    answer,
    unitLabel: await unitLabel(ctx, answer.unit_teryt, lang),
    entities: await foundedEntities(ctx, answer.founded_entity_ids),
    record,
    recordEntities: record ? await foundedEntities(ctx, record.founded_entity_ids) : [],
    kept,
  };
}

/** Approves submitted answers: they fill the unit's record of the year by the rule above, all in one transaction. */
export async function approveAnswer(ctx: ModuleContext, id: string, actor: Actor): Promise<void> {
  const answer = await repo.findAnswer(ctx.db, id);
  if (!answer) throw new AppError('http.not_found');
  if (answer.status !== 'submitted') throw new AppError('localgov.answer_state');
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await repo.decideAnswer(trx, id, 'submitted', { status: 'approved', decided_by: actor.actorId, decided_at: now, updated_at: now }))
    )
      throw new AppError('localgov.answer_state');
    await recordAudit(
      trx,
      { ...actor, action: 'localgov.survey_answer.approve', subjectType: 'localgov_survey_answer', subjectId: id },
      ctx.clock,
    );
    const record = await recordRepo.findByUnitYear(trx, answer.unit_teryt, answer.year);
    const filled = filledRecord(record ?? null, answer, answer.year);
    if (!filled) return;
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [k, v] of Object.entries(filled)) {
      const before = record ? (record[k as keyof RecordValues] ?? null) : null;
      if (before !== v) changes[k] = { before, after: v };
    }
    const recordId = record?.id ?? newId();
    if (record) await recordRepo.update(trx, record.id, { ...filled, updated_at: now, updated_by: actor.actorId });
    else
      await recordRepo.insert(trx, {
        id: recordId,
        unit_teryt: answer.unit_teryt,
        year: answer.year,
        ...filled,
        created_at: now,
        updated_at: now,
        updated_by: actor.actorId,
      });
    await recordAudit(
      trx,
      {
        ...actor,
        action: record ? 'localgov.cooperation.update' : 'localgov.cooperation.create',
        subjectType: 'localgov_cooperation',
        subjectId: recordId,
        changes,
      },
      ctx.clock,
    );
  });
}

/** Returns submitted answers with a message; the unit's partners get it by e-mail (same transaction). */
export async function returnAnswer(ctx: ModuleContext, id: string, values: Record<string, unknown>, actor: Actor): Promise<void> {
  const f = new FormChecker(values);
  const message = f.required('message', 'localgov.survey.answers.field.message', { max: 1000, min: 3 });
  f.assertValid();
  const answer = await repo.findAnswer(ctx.db, id);
  if (!answer) throw new AppError('http.not_found');
  if (answer.status !== 'submitted') throw new AppError('localgov.answer_state');
  const now = nowIso(ctx.clock);
  const partners = (await holdersOfScope(ctx, 'reporting_partner', 'indicator_or_territory', unitScope(answer.unit_teryt))).filter(
    (p) => p.isActive,
  );
  const labels = { pl: await unitLabel(ctx, answer.unit_teryt, 'pl'), en: await unitLabel(ctx, answer.unit_teryt, 'en') };
  await ctx.db.transaction().execute(async (trx) => {
    const change = { status: 'returned' as const, return_message: message, decided_by: actor.actorId, decided_at: now, updated_at: now };
    if (!(await repo.decideAnswer(trx, id, 'submitted', change))) throw new AppError('localgov.answer_state');
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'localgov.survey_answer.return',
        subjectType: 'localgov_survey_answer',
        subjectId: id,
        changes: { status: { before: 'submitted', after: 'returned' }, return_message: { before: answer.return_message, after: message } },
      },
      ctx.clock,
    );
    for (const p of partners)
      await enqueueMail(
        trx,
        {
          to: p.email,
          lang: p.lang,
          template: 'localgov_survey_returned',
          params: {
            name: p.displayName,
            unit: labels[p.lang],
            year: String(answer.year),
            message,
            link: `${ctx.config.publicUrl}${localize(answerPath(answer.unit_teryt, answer.year), p.lang)}`,
          },
        },
        ctx.clock,
      );
  });
}
