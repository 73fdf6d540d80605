// Monitoring rounds: the coordinator opens a round for a year, or a quarter of a year, with a deadline and the reported
// indicators to collect; every reporting partner whose scope covers one of them is told by e-mail
// and gets a form with only their cells (indicator × territory); they save drafts and submit; the
// coordinator approves or returns each value (the partner is told why); reminders go out 7 and 1
// days before the deadline to partners with values still missing; closing the round fixes the
// computed indicators' figures for its year (a quarterly round closes no year). Values are written
// only through the value service (indicators.values.ts), so the form, the API and the coordinator
// obey the same rules; a quarterly round's values are the quarter's, and the year's value of a cell
// is the sum of its approved quarters (the value service keeps it). One indicator's year is reported
// either by a yearly round or by quarterly rounds, never both, so the two cannot disagree.
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError, validationProblems, type Problem } from '../../../core/errors/app-error.js';
import { localize } from '../../../core/http/language.js';
import type { CurrentUser } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { addDays, daysBetween, isCalendarDay, warsawDay, warsawToday } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import { formatters, operatorText, translator, type Lang } from '../../../i18n/index.js';
import { recordAudit } from '../../audit/index.js';
import { enqueueMail } from '../../mail/index.js';
import * as indicatorsRepo from '../indicators.repo.js';
import { findCurrentProgramme } from '../../programme/index.js';
import type { IndicatorRow, ValueRow } from '../indicators.repo.js';
import { loadTerritoryIndex, territoryName, territoryOptions, type TerritoryIndex } from '../indicators.territory.js';
import { periodLabel } from '../indicators.period.js';
import { QUARTERS, WHOLE_YEAR } from '../indicators.tables.js';
import * as values from '../indicators.values.js';
import { checkValue, quarterStart, type Actor } from '../indicators.values.js';
import { coversCell, partnerScope, type PartnerScope } from './monitoring.scope.js';
import * as repo from './monitoring.repo.js';
import type { RoundRow } from './monitoring.repo.js';

export type { RoundRow } from './monitoring.repo.js';

const MAX_NAME = 120;

export function roundPath(roundId: string): string {
  return `/sprawozdawczosc/${roundId}`;
}

export function adminRoundsPath(slug: string): string {
  return `/admin/program/${slug}/monitorowanie`;
}

// --- cells: what a partner reports ---------------------------------------------------------------

export interface Cell {
  /** `<indicator id>__<territory code>`: the form's field suffix. */
  key: string;
  indicator: IndicatorRow;
  territoryCode: string;
  territoryName: string;
  value: ValueRow | null;
}

/** A cell may be edited by its partner while it has no value, is a draft or was returned. */
export function isEditable(cell: Pick<Cell, 'value'>): boolean {
  return !cell.value || cell.value.status === 'draft' || cell.value.status === 'returned';
}

/** Counted as reported once submitted or approved; anything else is still missing. */
export function isReported(v: ValueRow | null | undefined): boolean {
  return !!v && (v.status === 'submitted' || v.status === 'approved');
}

function cellsOf(
  scope: PartnerScope | null,
  indicators: readonly IndicatorRow[],
  index: TerritoryIndex,
  period: number,
  lang: Lang,
  stored: readonly ValueRow[],
): Cell[] {
  const cells: Cell[] = [];
  for (const indicator of indicators) {
    if (indicator.method !== 'reported') continue;
    for (const option of territoryOptions(index, indicator.breakdown, period, lang)) {
      if (scope && !coversCell(scope, indicator, option.code)) continue;
      const value = stored.find((v) => v.indicator_id === indicator.id && v.territory_code === option.code) ?? null;
      cells.push({
        key: `${indicator.id}__${option.code}`,
        indicator,
        territoryCode: option.code,
        territoryName: territoryName(index, option.code, lang),
        value,
      });
    }
  }
  return cells;
}

interface PartnerInfo {
  userId: string;
  name: string;
  email: string;
  lang: Lang;
  scope: PartnerScope;
}

async function listPartners(ctx: ModuleContext): Promise<PartnerInfo[]> {
  const rows = await repo.listPartnerRoles(ctx.db);
  const byUser = new Map<string, PartnerInfo & { roles: { role: string; scopeType: string | null; scopeId: string | null }[] }>();
  for (const r of rows) {
    let p = byUser.get(r.user_id);
    if (!p) {
      p = {
        userId: r.user_id,
        name: r.display_name,
        email: r.email,
        lang: r.lang === 'en' ? 'en' : 'pl',
        scope: { indicators: new Set(), territories: new Set() },
        roles: [],
      };
      byUser.set(r.user_id, p);
    }
    p.roles.push({ role: 'reporting_partner', scopeType: r.scope_type, scopeId: r.scope_id });
  }
  return [...byUser.values()].map((p) => ({ userId: p.userId, name: p.name, email: p.email, lang: p.lang, scope: partnerScope(p.roles)! }));
}

// --- rounds ---------------------------------------------------------------------------------------

export interface RoundContext {
  round: RoundRow;
  programme: { id: string; slug: string; title: string; period_from: number; period_to: number };
  indicators: IndicatorRow[];
}

export async function loadRound(ctx: ModuleContext, roundId: string): Promise<RoundContext> {
  const round = await repo.findRound(ctx.db, roundId);
  if (!round) throw new AppError('http.not_found');
  const programme = await indicatorsRepo.findProgramme(ctx.db, round.programme_id);
  if (!programme) throw new AppError('http.not_found');
  const indicators = await repo.roundIndicators(ctx.db, [round.id]);
  return { round, programme, indicators };
}

export async function roundsOf(ctx: ModuleContext, programmeId: string): Promise<RoundRow[]> {
  return repo.listRounds(ctx.db, programmeId);
}

/** Indicators a round may collect: the reported ones (computed ones fill themselves). */
export async function reportedIndicators(ctx: ModuleContext, programmeId: string): Promise<IndicatorRow[]> {
  return (await indicatorsRepo.listIndicators(ctx.db, programmeId)).filter((i) => i.method === 'reported');
}

export interface RoundInput {
  name: string;
  period: number;
  /** 0: the whole year; 1–4: a quarter of it. */
  quarter: number;
  deadline: string;
  indicatorIds: string[];
}

/** Reads the "open a round" form; throws `http.validation` with every problem. */
export async function checkRoundForm(
  ctx: ModuleContext,
  programme: { id: string; period_from: number; period_to: number },
  body: Record<string, unknown>,
): Promise<RoundInput> {
  const f = new FormChecker(body);
  const name = f.required('name', 'monitoring.field.name', { max: MAX_NAME });
  const today = warsawToday(ctx.clock);
  const periodText = f.text('period');
  const period = /^\d{4}$/u.test(periodText) ? Number(periodText) : NaN;
  if (periodText === '') f.add('period', 'monitoring.field.period', 'validation.required');
  else if (!Number.isInteger(period)) f.add('period', 'monitoring.field.period', 'indicators.problem.periodFormat');
  else if (period < programme.period_from || period > programme.period_to)
    f.add('period', 'monitoring.field.period', 'indicators.problem.periodOutside', {
      from: programme.period_from,
      to: programme.period_to,
    });
  else if (period > Number(today.slice(0, 4)))
    f.add('period', 'monitoring.field.period', 'indicators.problem.periodFuture', { year: Number(today.slice(0, 4)) });
  // a whole year unless the quarter kind is chosen (forms and clients that predate quarters send neither)
  const kind = f.text('period_kind') || 'year';
  const quarterText = f.text('quarter');
  let quarter: number = WHOLE_YEAR;
  if (kind !== 'year' && kind !== 'quarter') f.add('period_kind', 'monitoring.field.periodKind', 'indicators.problem.choice');
  else if (kind === 'quarter') {
    quarter = /^[1-4]$/u.test(quarterText) ? Number(quarterText) : NaN;
    if (quarterText === '') f.add('quarter', 'monitoring.field.quarter', 'validation.required');
    else if (Number.isNaN(quarter)) f.add('quarter', 'monitoring.field.quarter', 'indicators.problem.quarter');
    else if (!f.hasProblem('period') && Number.isInteger(period) && quarterStart(period, quarter) > today)
      f.add('quarter', 'monitoring.field.quarter', 'indicators.problem.quarterFuture');
  }
  const deadline = f.text('deadline');
  if (deadline === '') f.add('deadline', 'monitoring.field.deadline', 'validation.required');
  else if (!isCalendarDay(deadline)) f.add('deadline', 'monitoring.field.deadline', 'monitoring.problem.dateFormat');
  else if (deadline < today) f.add('deadline', 'monitoring.field.deadline', 'monitoring.problem.deadlinePast');
  const raw = body.indicators;
  const chosen = [
    ...new Set((Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).filter((x): x is string => typeof x === 'string')),
  ];
  const allowed = new Set((await reportedIndicators(ctx, programme.id)).map((i) => i.id));
  if (chosen.length === 0) f.add('indicators', 'monitoring.field.indicators', 'monitoring.problem.noIndicators');
  else if (chosen.some((id) => !allowed.has(id))) f.add('indicators', 'monitoring.field.indicators', 'validation.invalid');
  else if (!f.hasProblem('period') && !f.hasProblem('quarter') && !f.hasProblem('period_kind')) {
    const mixed = await otherKindIndicators(ctx, programme.id, period, quarter, chosen);
    if (mixed.length)
      f.add(
        'indicators',
        'monitoring.field.indicators',
        quarter === WHOLE_YEAR ? 'monitoring.problem.reportedByQuarter' : 'monitoring.problem.reportedByYear',
        {
          codes: mixed.join(', '),
          year: period,
        },
      );
  }
  f.assertValid();
  return { name, period, quarter, deadline, indicatorIds: chosen };
}

/**
 * Codes of the chosen indicators already in a round of the other kind for the same year (a yearly
 * round when a quarterly one is opened, and the reverse): a year is reported one way only.
 */
async function otherKindIndicators(
  ctx: ModuleContext,
  programmeId: string,
  period: number,
  quarter: number,
  chosen: readonly string[],
): Promise<string[]> {
  const others = (await repo.listRounds(ctx.db, programmeId)).filter(
    (r) => r.period === period && (r.quarter === WHOLE_YEAR) !== (quarter === WHOLE_YEAR),
  );
  const taken = await repo.roundIndicators(
    ctx.db,
    others.map((r) => r.id),
  );
  return [...new Set(taken.filter((i) => chosen.includes(i.id)).map((i) => i.code))].sort();
}

function mailDate(day: string, lang: Lang): string {
  return formatters(lang).date(`${day}T12:00:00Z`);
}

function link(ctx: ModuleContext, path: string, lang: Lang): string {
  return `${ctx.config.publicUrl}${localize(path, lang)}`;
}

/** Opens a round and, in the same transaction, writes the e-mail to every partner it concerns. */
export async function openRound(
  ctx: ModuleContext,
  programme: { id: string; slug: string; title: string },
  input: RoundInput,
  actor: Actor,
): Promise<{ id: string; notified: number }> {
  const id = newId();
  const indicators = (await reportedIndicators(ctx, programme.id)).filter((i) => input.indicatorIds.includes(i.id));
  const index = await loadTerritoryIndex(ctx);
  const partners = (await listPartners(ctx)).filter((p) => cellsOf(p.scope, indicators, index, input.period, 'pl', []).length > 0);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertRound(
      trx,
      {
        id,
        programme_id: programme.id,
        name: input.name,
        period: input.period,
        quarter: input.quarter,
        deadline: input.deadline,
        status: 'open',
        created_by: actor.actorId,
        created_at: nowIso(ctx.clock),
        closed_at: null,
      },
      indicators.map((i) => i.id),
    );
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'monitoring.round.open',
        subjectType: 'monitoring_round',
        subjectId: id,
        meta: {
          programme: programme.slug,
          name: input.name,
          period: input.period,
          ...(input.quarter !== WHOLE_YEAR ? { quarter: input.quarter } : {}),
          deadline: input.deadline,
          indicators: indicators.map((i) => i.code),
          partners: partners.length,
        },
      },
      ctx.clock,
    );
    for (const p of partners) {
      await enqueueMail(
        trx,
        {
          to: p.email,
          lang: p.lang,
          template: 'round_opened',
          params: {
            name: p.name,
            round: input.name,
            programme: programme.title,
            deadline: mailDate(input.deadline, p.lang),
            link: link(ctx, roundPath(id), p.lang),
          },
        },
        ctx.clock,
      );
    }
  });
  return { id, notified: partners.length };
}

/**
 * Closes a round: no more partner entries; a yearly round also fixes the computed indicators'
 * figures for its year (a quarter's round does not: its year goes on).
 */
export async function closeRound(ctx: ModuleContext, roundId: string, actor: Actor): Promise<number> {
  const { round, programme } = await loadRound(ctx, roundId);
  if (round.status !== 'open') throw new AppError('monitoring.round_closed');
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.setRoundClosed(trx, round.id, nowIso(ctx.clock))) !== 1) throw new AppError('monitoring.round_closed');
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'monitoring.round.close',
        subjectType: 'monitoring_round',
        subjectId: round.id,
        meta: { programme: programme.slug, period: round.period, ...(round.quarter !== WHOLE_YEAR ? { quarter: round.quarter } : {}) },
      },
      ctx.clock,
    );
  });
  if (round.quarter !== WHOLE_YEAR) return 0;
  return values.snapshotComputedValues(ctx, programme.id, round.period, actor);
}

// --- the partner's form ---------------------------------------------------------------------------

export interface PartnerRound extends RoundContext {
  cells: Cell[];
}

/** The round as one partner sees it: only their cells. 404 for an unknown round, 403 with no cells. */
export async function partnerRound(ctx: ModuleContext, roundId: string, user: CurrentUser, lang: Lang): Promise<PartnerRound> {
  const rc = await loadRound(ctx, roundId);
  const scope = partnerScope(user.roles);
  if (!scope) throw new AppError('http.forbidden');
  const index = await loadTerritoryIndex(ctx);
  const stored = await indicatorsRepo.listValues(
    ctx.db,
    rc.indicators.map((i) => i.id),
    { period: rc.round.period, quarter: rc.round.quarter },
  );
  const cells = cellsOf(scope, rc.indicators, index, rc.round.period, lang, stored);
  if (cells.length === 0) throw new AppError('http.forbidden');
  return { ...rc, cells };
}

/** Open rounds in which this partner has something to report, with their own counts. */
export async function partnerRounds(
  ctx: ModuleContext,
  user: CurrentUser,
  lang: Lang,
): Promise<{ round: RoundRow; programme: string; cells: number; reported: number }[]> {
  const scope = partnerScope(user.roles);
  if (!scope) return [];
  const rounds = await repo.listOpenRounds(ctx.db);
  if (rounds.length === 0) return [];
  const index = await loadTerritoryIndex(ctx);
  const allIndicators = await repo.roundIndicators(
    ctx.db,
    rounds.map((r) => r.id),
  );
  const out: { round: RoundRow; programme: string; cells: number; reported: number }[] = [];
  for (const round of rounds) {
    const indicators = allIndicators.filter((i) => i.round_id === round.id);
    const stored = await indicatorsRepo.listValues(
      ctx.db,
      indicators.map((i) => i.id),
      { period: round.period, quarter: round.quarter },
    );
    const cells = cellsOf(scope, indicators, index, round.period, lang, stored);
    if (cells.length === 0) continue;
    const programme = await indicatorsRepo.findProgramme(ctx.db, round.programme_id);
    out.push({ round, programme: programme?.title ?? '', cells: cells.length, reported: cells.filter((c) => isReported(c.value)).length });
  }
  return out;
}

export const fieldName = (part: 'value' | 'source' | 'comment', key: string) => `${part}__${key}`;

const FIELD_OF: Record<string, 'value' | 'source' | 'comment'> = {
  value: 'value',
  source: 'source',
  comment: 'comment',
  period: 'value',
  quarter: 'value',
  territory_code: 'value',
};

export interface FormOutcome {
  saved: number;
  submitted: number;
}

/**
 * Saves (or submits) the partner's form. Every filled editable row is checked first with the
 * value service's rules; one bad row refuses the whole form and nothing is written. Then each row
 * is written through the value service (saveValue / submitValue). Rows left empty stay missing;
 * submitted and approved rows are read-only and ignored.
 */
export async function savePartnerForm(
  ctx: ModuleContext,
  roundId: string,
  user: CurrentUser,
  body: Record<string, unknown>,
  submit: boolean,
  actor: Actor,
): Promise<FormOutcome> {
  const pr = await partnerRound(ctx, roundId, user, 'pl');
  if (pr.round.status !== 'open') throw new AppError('monitoring.round_closed');
  const index = await loadTerritoryIndex(ctx);
  const today = warsawToday(ctx.clock);
  const problems: Problem[] = [];
  const rows: { cell: Cell; input: values.ValueInput }[] = [];
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  for (const cell of pr.cells) {
    if (!isEditable(cell)) continue;
    const input = {
      indicatorId: cell.indicator.id,
      period: pr.round.period,
      quarter: pr.round.quarter,
      territoryCode: cell.territoryCode,
      value: text(fieldName('value', cell.key)),
      source: text(fieldName('source', cell.key)),
      comment: text(fieldName('comment', cell.key)),
      roundId: pr.round.id,
    };
    if (input.value === '' && input.source === '' && input.comment === '') continue;
    try {
      checkValue(cell.indicator, pr.programme, index, input, today);
      rows.push({ cell, input });
    } catch (err) {
      const invalid = validationProblems(err);
      if (!invalid) throw err;
      for (const p of invalid)
        problems.push({
          ...p,
          field: fieldName(FIELD_OF[p.field ?? 'value'] ?? 'value', cell.key),
          params: { ...p.params, cell: `${cell.indicator.code} — ${cell.territoryName}` },
        });
    }
  }
  if (problems.length) throw new AppError('http.validation', {}, problems);
  const outcome: FormOutcome = { saved: 0, submitted: 0 };
  for (const { input } of rows) {
    if (submit) {
      await values.submitValue(ctx, input, actor);
      outcome.submitted += 1;
    } else {
      await values.saveValue(ctx, input, actor);
      outcome.saved += 1;
    }
  }
  return outcome;
}

/** Form values to show: what was typed (after a refused submit) or what is stored. */
export function formValues(
  cells: readonly Cell[],
  typed: Record<string, unknown> | null,
  n: (v: number) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of cells) {
    for (const part of ['value', 'source', 'comment'] as const) {
      const name = fieldName(part, c.key);
      const t = typed?.[name];
      if (typed && typeof t === 'string') out[name] = t;
      else if (c.value)
        out[name] =
          part === 'value'
            ? c.value.value === null
              ? ''
              : n(c.value.value)
            : ((part === 'source' ? c.value.source : c.value.comment) ?? '');
      else out[name] = '';
    }
  }
  return out;
}

// --- the coordinator's decisions --------------------------------------------------------------------

async function valueOfRound(ctx: ModuleContext, roundId: string, valueId: string): Promise<{ rc: RoundContext; value: ValueRow }> {
  const rc = await loadRound(ctx, roundId);
  const value = await indicatorsRepo.findValue(ctx.db, valueId);
  if (
    !value ||
    value.period !== rc.round.period ||
    value.quarter !== rc.round.quarter ||
    !rc.indicators.some((i) => i.id === value.indicator_id)
  )
    throw new AppError('http.not_found');
  return { rc, value };
}

export async function approveRoundValue(ctx: ModuleContext, roundId: string, valueId: string, actor: Actor): Promise<void> {
  await valueOfRound(ctx, roundId, valueId);
  await values.approveValue(ctx, valueId, actor);
}

/** Returns a value to its partner with a reason; the partner who entered it gets an e-mail. */
export async function returnRoundValue(ctx: ModuleContext, roundId: string, valueId: string, reason: string, actor: Actor): Promise<void> {
  const { rc, value } = await valueOfRound(ctx, roundId, valueId);
  const after = await values.returnValue(ctx, valueId, reason, actor);
  const partner = value.entered_by ? await repo.findUser(ctx.db, value.entered_by) : undefined;
  if (!partner || !partner.is_active) return;
  const lang: Lang = partner.lang === 'en' ? 'en' : 'pl';
  const indicator = rc.indicators.find((i) => i.id === value.indicator_id)!;
  const index = await loadTerritoryIndex(ctx);
  // the value service commits the return in its own transaction; the mail follows it
  await enqueueMail(
    ctx.db,
    {
      to: partner.email,
      lang,
      template: 'value_returned',
      params: {
        name: partner.display_name,
        indicator: `${indicator.code} ${indicator.name}`,
        territory: territoryName(index, value.territory_code, lang),
        period: periodLabel(translator(lang), value.period, value.quarter),
        reason: after.return_reason ?? reason,
        link: link(ctx, roundPath(roundId), lang),
      },
    },
    ctx.clock,
  );
}

// --- completeness and reminders --------------------------------------------------------------------

export interface PartnerProgress {
  userId: string;
  name: string;
  email: string;
  expected: number;
  submitted: number;
  approved: number;
  returned: number;
  missing: number;
}

/** Per partner: how many cells they have in the round and in what state. */
export async function completeness(ctx: ModuleContext, rc: RoundContext): Promise<PartnerProgress[]> {
  const index = await loadTerritoryIndex(ctx);
  const stored = await indicatorsRepo.listValues(
    ctx.db,
    rc.indicators.map((i) => i.id),
    { period: rc.round.period, quarter: rc.round.quarter },
  );
  const out: PartnerProgress[] = [];
  for (const p of await listPartners(ctx)) {
    const cells = cellsOf(p.scope, rc.indicators, index, rc.round.period, 'pl', stored);
    if (cells.length === 0) continue;
    const count = (s: string) => cells.filter((c) => c.value?.status === s).length;
    out.push({
      userId: p.userId,
      name: p.name,
      email: p.email,
      expected: cells.length,
      submitted: count('submitted'),
      approved: count('approved'),
      returned: count('returned'),
      missing: cells.filter((c) => !isReported(c.value)).length,
    });
  }
  return out;
}

export interface RoundValue {
  value: ValueRow;
  indicator: IndicatorRow;
  territoryName: string;
  enteredBy: string | null;
}

/** Every stored value of the round's indicators for its year, submitted ones first. */
export async function roundValues(ctx: ModuleContext, rc: RoundContext, lang: Lang): Promise<RoundValue[]> {
  const index = await loadTerritoryIndex(ctx);
  const stored = (
    await indicatorsRepo.listValues(
      ctx.db,
      rc.indicators.map((i) => i.id),
      { period: rc.round.period, quarter: rc.round.quarter },
    )
  ).filter((v) => !v.is_computed);
  const names = new Map<string, string>();
  for (const id of new Set(stored.map((v) => v.entered_by).filter((x): x is string => !!x))) {
    const u = await repo.findUser(ctx.db, id);
    if (u) names.set(id, u.display_name);
  }
  const order = { submitted: 0, returned: 1, draft: 2, approved: 3 } as const;
  return stored
    .map((v) => ({
      value: v,
      indicator: rc.indicators.find((i) => i.id === v.indicator_id)!,
      territoryName: territoryName(index, v.territory_code, lang),
      enteredBy: v.entered_by ? (names.get(v.entered_by) ?? null) : null,
    }))
    .sort(
      (a, b) =>
        order[a.value.status] - order[b.value.status] ||
        a.indicator.position - b.indicator.position ||
        a.indicator.code.localeCompare(b.indicator.code) ||
        a.value.territory_code.localeCompare(b.value.territory_code),
    );
}

/** Which reminder is due on `today` for a round, if any: `7d` in the week before, `1d` on the last two days. */
export function reminderDue(round: Pick<RoundRow, 'deadline' | 'created_at'>, today: string): '7d' | '1d' | null {
  const left = daysBetween(today, round.deadline);
  if (left < 0) return null;
  if (left <= 1) return '1d';
  // a round opened less than a week before its deadline had its opening e-mail instead
  const openedOn = warsawDay(round.created_at);
  if (left <= 7 && daysBetween(openedOn, round.deadline) > 7) return '7d';
  return null;
}

/**
 * The scheduled job: for each open round, the due reminder goes to every partner with values still
 * missing, once (the unique key of monitoring_reminders makes a second run send nothing).
 */
export async function sendRoundReminders(ctx: ModuleContext): Promise<string> {
  const today = warsawToday(ctx.clock);
  let sent = 0;
  for (const round of await repo.listOpenRounds(ctx.db)) {
    const kind = reminderDue(round, today);
    if (!kind) continue;
    const rc = await loadRound(ctx, round.id);
    const partners = await listPartners(ctx);
    for (const progress of await completeness(ctx, rc)) {
      if (progress.missing === 0) continue;
      const p = partners.find((x) => x.userId === progress.userId)!;
      const didSend = await ctx.db.transaction().execute(async (trx) => {
        if (!(await repo.insertReminder(trx, { id: newId(), round_id: round.id, kind, user_id: p.userId, sent_at: nowIso(ctx.clock) })))
          return false;
        await enqueueMail(
          trx,
          {
            to: p.email,
            lang: p.lang,
            template: 'round_reminder',
            params: {
              name: p.name,
              round: round.name,
              programme: rc.programme.title,
              deadline: mailDate(round.deadline, p.lang),
              days: String(daysBetween(today, round.deadline)),
              missing: String(progress.missing),
              link: link(ctx, roundPath(round.id), p.lang),
            },
          },
          ctx.clock,
        );
        return true;
      });
      if (didSend) sent += 1;
    }
  }
  return operatorText('monitoring.cli.remindersSent', { count: sent });
}

/** How near its deadline an open round with values still missing is staff's business: the first reminder's week. */
export const DUE_SOON_DAYS = 7;

/**
 * Open rounds past their deadline or within DUE_SOON_DAYS of it in which a partner still has a
 * cell not submitted (empty, a draft or returned) — the cells the round page and the reminders
 * count. One query when no round is that near; otherwise the near rounds' indicators, the partners
 * and each near round's values (the territories are cached).
 */
export async function roundsWithMissingValues(ctx: ModuleContext): Promise<RoundRow[]> {
  const due = await repo.listOpenRoundsDueBy(ctx.db, addDays(warsawToday(ctx.clock), DUE_SOON_DAYS));
  if (due.length === 0) return [];
  const [indicators, partners, index] = await Promise.all([
    repo.roundIndicators(
      ctx.db,
      due.map((r) => r.id),
    ),
    listPartners(ctx),
    loadTerritoryIndex(ctx),
  ]);
  const missing: RoundRow[] = [];
  for (const round of due) {
    const mine = indicators.filter((i) => i.round_id === round.id);
    const stored = await indicatorsRepo.listValues(
      ctx.db,
      mine.map((i) => i.id),
      { period: round.period, quarter: round.quarter },
    );
    if (partners.some((p) => cellsOf(p.scope, mine, index, round.period, 'pl', stored).some((c) => !isReported(c.value))))
      missing.push(round);
  }
  return missing;
}

// --- the reporting API ---------------------------------------------------------------------------

export interface ApiValueInput {
  programmeSlug: string | undefined;
  code: string;
  period: number;
  /** 1–4 for a quarter's value (a quarterly round); absent: the whole year. */
  quarter?: number;
  territory: string;
  value: number | string;
  source?: string;
  comment?: string;
  submit?: boolean;
}

/**
 * A value sent through the API by a partner (or a coordinator). The programme is the one named by
 * `programmeSlug`, else the current one. A partner may report only cells of their scope, for an
 * indicator and year of an open round; a coordinator or administrator may report any reported
 * indicator. The value service checks the value itself, exactly as for the form.
 */
export async function submitViaApi(ctx: ModuleContext, user: CurrentUser, input: ApiValueInput, actor: Actor): Promise<ValueRow> {
  const programme = input.programmeSlug
    ? await indicatorsRepo.findProgrammeBySlug(ctx.db, input.programmeSlug)
    : await findCurrentProgramme(ctx.db);
  if (!programme) throw new AppError('http.not_found');
  const indicator = await indicatorsRepo.findIndicatorByCode(ctx.db, programme.id, input.code);
  if (!indicator) throw new AppError('http.not_found');
  const isStaff = user.roles.some((r) => r.role === 'coordinator' || r.role === 'administrator');
  let roundId: string | null = null;
  const quarter = input.quarter ?? WHOLE_YEAR;
  if (quarter !== WHOLE_YEAR && !(QUARTERS as readonly number[]).includes(quarter)) {
    throw new AppError('http.validation', {}, [{ field: 'quarter', label: 'indicators.field.quarter', key: 'indicators.problem.quarter' }]);
  }
  if (!isStaff) {
    const scope = partnerScope(user.roles);
    if (!scope || !coversCell(scope, indicator, input.territory)) throw new AppError('monitoring.out_of_scope');
    const open = (await repo.listOpenRounds(ctx.db)).filter(
      (r) => r.programme_id === programme.id && r.period === input.period && r.quarter === quarter,
    );
    const withIndicator = (
      await repo.roundIndicators(
        ctx.db,
        open.map((r) => r.id),
      )
    ).find((i) => i.id === indicator.id);
    if (!withIndicator) throw new AppError('monitoring.no_open_round');
    roundId = withIndicator.round_id;
    const cell = await indicatorsRepo.findValueCell(ctx.db, indicator.id, input.period, input.territory, quarter);
    if (cell && !isEditable({ value: cell })) throw new AppError('indicators.value_locked');
  }
  const valueInput: values.ValueInput = {
    indicatorId: indicator.id,
    period: input.period,
    quarter,
    territoryCode: input.territory,
    value: input.value,
    source: input.source ?? '',
    comment: input.comment ?? '',
    ...(roundId ? { roundId } : {}),
  };
  return input.submit ? values.submitValue(ctx, valueInput, actor) : values.saveValue(ctx, valueInput, actor);
}
