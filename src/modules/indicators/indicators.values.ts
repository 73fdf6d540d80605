// The one place where indicator values change: partners' drafts and submissions, the
// coordinator's approvals, returns and direct entries, the recomputation of computed indicators and
// the snapshot that fixes them when a period closes. Every write is checked against the indicator
// (territory of its breakdown, a period of the programme that is not in the future, a number that
// is finite and not negative unless the indicator allows it), is kept in indicator_value_history
// and in the audit log, and happens in one transaction — a refused value changes nothing.
// Callers authorise (who may act on which indicator and territory); this service enforces the
// rules of the value itself and of its status: draft → submitted → approved | returned.
// A value may be of a quarter of a year (reported in a quarterly round); once a quarter is approved,
// the year's value of that cell is the sum of its approved quarters, written in the same transaction
// (indicators declare no flow or stock, so the one rule is that quarters add up to the year).
import type { Transaction } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { warsawToday } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { computePeriod, coverageLookup, type ComputedPeriod } from './indicators.formulas.js';
import * as repo from './indicators.repo.js';
import type { IndicatorRow, ValueRow } from './indicators.repo.js';
import { isValidTerritory, loadTerritoryIndex, type TerritoryIndex } from './indicators.territory.js';
import { WHOLE_REGION, WHOLE_YEAR, type ValueStatus } from './indicators.tables.js';

export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
export type { ValueRow } from './indicators.repo.js';

export interface ValueInput {
  indicatorId: string;
  /** The year; a number or its text from a form. */
  period: unknown;
  /** A quarter of the year (1–4) when the value is a quarter's; absent or 0: the whole year. */
  quarter?: unknown;
  /** `region`, a powiat/gmina TERYT or a subregion code, per the indicator's breakdown. */
  territoryCode: unknown;
  /** A number, or text with a decimal comma and spaces between thousands (`1 234,5`). */
  value: unknown;
  source?: unknown;
  comment?: unknown;
  /** The monitoring round the value is reported in, if any. */
  roundId?: string | null;
}

export interface CheckedValue {
  period: number;
  /** 0: the whole year; 1–4: a quarter. */
  quarter: number;
  territoryCode: string;
  value: number;
  source: string | null;
  comment: string | null;
}

const MAX_TEXT = 1000;
/** Values beyond this are typing mistakes, not indicator values (and would lose precision). */
const MAX_ABS = 1e12;

/** The first day of a quarter of a year (`YYYY-MM-DD`). */
export function quarterStart(year: number, quarter: number): string {
  return `${year}-${String(3 * (quarter - 1) + 1).padStart(2, '0')}-01`;
}

/** A number typed the Polish way (`1 234,5`, `-3`, `12.5`) or given as a number; null if it is not one. */
export function parseNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw
    .trim()
    .replace(/[\s\u00a0\u202f]/gu, '')
    .replace(/^\u2212/u, '-');
  if (!/^-?\d+([.,]\d+)?$/u.test(text)) return null;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

function textOf(raw: unknown): string {
  if (typeof raw === 'number') return String(raw);
  return typeof raw === 'string' ? raw.trim() : '';
}

/**
 * Checks a value against its indicator. Throws `http.validation` listing every problem (fields
 * `period`, `territory_code`, `value`, `source`, `comment`).
 */
export function checkValue(
  indicator: Pick<IndicatorRow, 'breakdown'> & { is_negative_allowed?: boolean },
  programme: { period_from: number; period_to: number },
  index: TerritoryIndex,
  input: Omit<ValueInput, 'indicatorId'>,
  today: string,
): CheckedValue {
  const f = new FormChecker({});
  const currentYear = Number(today.slice(0, 4));
  const periodText = textOf(input.period);
  const period = /^\d{4}$/u.test(periodText) ? Number(periodText) : NaN;
  if (periodText === '') f.add('period', 'indicators.field.period', 'validation.required');
  else if (!Number.isInteger(period)) f.add('period', 'indicators.field.period', 'indicators.problem.periodFormat');
  else if (period < programme.period_from || period > programme.period_to)
    f.add('period', 'indicators.field.period', 'indicators.problem.periodOutside', {
      from: programme.period_from,
      to: programme.period_to,
    });
  else if (period > currentYear) f.add('period', 'indicators.field.period', 'indicators.problem.periodFuture', { year: currentYear });

  const quarterText = textOf(input.quarter);
  const quarter = quarterText === '' ? WHOLE_YEAR : /^[0-4]$/u.test(quarterText) ? Number(quarterText) : NaN;
  if (Number.isNaN(quarter)) f.add('quarter', 'indicators.field.quarter', 'indicators.problem.quarter');
  else if (quarter !== WHOLE_YEAR && !f.hasProblem('period') && quarterStart(period, quarter) > today)
    f.add('quarter', 'indicators.field.quarter', 'indicators.problem.quarterFuture');

  const territoryCode = textOf(input.territoryCode) || WHOLE_REGION;
  if (!f.hasProblem('period') && !isValidTerritory(index, indicator.breakdown, period, territoryCode)) {
    f.add(
      'territory_code',
      'indicators.field.territory',
      indicator.breakdown === 'none' ? 'indicators.problem.territoryNone' : 'indicators.problem.territoryUnknown',
      { code: territoryCode.slice(0, 40) },
    );
  }

  const valueText = textOf(input.value);
  const value = parseNumber(input.value);
  if (valueText === '') f.add('value', 'indicators.field.value', 'validation.required');
  else if (value === null) f.add('value', 'indicators.field.value', 'indicators.problem.notNumber');
  else if (Math.abs(value) > MAX_ABS) f.add('value', 'indicators.field.value', 'indicators.problem.tooLarge');
  else if (value < 0 && !indicator.is_negative_allowed) f.add('value', 'indicators.field.value', 'indicators.problem.negative');

  const source = textOf(input.source);
  const comment = textOf(input.comment);
  if ([...source].length > MAX_TEXT) f.add('source', 'indicators.field.source', 'validation.tooLong', { count: MAX_TEXT });
  if ([...comment].length > MAX_TEXT) f.add('comment', 'indicators.field.comment', 'validation.tooLong', { count: MAX_TEXT });
  f.assertValid();
  return { period, quarter, territoryCode, value: value!, source: source || null, comment: comment || null };
}

async function loadIndicator(ctx: ModuleContext, indicatorId: string) {
  const indicator = await repo.findIndicator(ctx.db, indicatorId);
  if (!indicator) throw new AppError('http.not_found');
  const programme = await repo.findProgramme(ctx.db, indicator.programme_id);
  if (!programme) throw new AppError('http.not_found');
  return { indicator, programme };
}

async function history(
  trx: Transaction<Database>,
  ctx: ModuleContext,
  row: ValueRow,
  action: string,
  userId: string | null,
  comment: string | null,
): Promise<void> {
  await repo.insertHistory(trx, {
    id: newId(),
    value_id: row.id,
    at: nowIso(ctx.clock),
    user_id: userId,
    action,
    status: row.status,
    value: row.value,
    comment,
  });
}

async function audit(
  trx: Transaction<Database>,
  ctx: ModuleContext,
  actor: Actor,
  action: string,
  before: ValueRow | undefined,
  after: ValueRow,
  indicator: IndicatorRow,
): Promise<void> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of ['value', 'status', 'source', 'comment', 'return_reason'] as const) {
    const b = before ? before[k] : null;
    if (b !== after[k]) changes[k] = { before: b, after: after[k] };
  }
  await recordAudit(
    trx,
    {
      ...actor,
      action,
      subjectType: 'indicator_value',
      subjectId: after.id,
      changes,
      meta: {
        indicator: indicator.code,
        period: after.period,
        ...(after.quarter !== WHOLE_YEAR ? { quarter: after.quarter } : {}),
        territory: after.territory_code,
      },
    },
    ctx.clock,
  );
}

/** Writes a checked value into its cell (insert or update) with the given status; returns the row. */
async function writeCell(
  ctx: ModuleContext,
  indicator: IndicatorRow,
  checked: CheckedValue,
  status: ValueStatus,
  actor: Actor,
  opts: { action: string; roundId?: string | null; allowFrom: readonly ValueStatus[]; approve?: boolean },
): Promise<ValueRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findValueCell(trx, indicator.id, checked.period, checked.territoryCode, checked.quarter);
    if (before && !opts.allowFrom.includes(before.status)) throw new AppError('indicators.value_locked');
    const now = nowIso(ctx.clock);
    const fields = {
      value: checked.value,
      source: checked.source,
      comment: checked.comment,
      status,
      return_reason: null,
      is_computed: false,
      // a figure of an example indicator is example data, whoever enters it
      is_example: indicator.is_example,
      entered_by: actor.actorId,
      approved_by: opts.approve ? actor.actorId : null,
      updated_at: now,
      ...(opts.roundId !== undefined ? { round_id: opts.roundId } : {}),
    };
    let after: ValueRow;
    if (before) {
      await repo.updateValue(trx, before.id, fields);
      after = { ...before, ...fields };
    } else {
      after = {
        id: newId(),
        indicator_id: indicator.id,
        period: checked.period,
        quarter: checked.quarter,
        territory_code: checked.territoryCode,
        round_id: null,
        created_at: now,
        ...fields,
      };
      await repo.insertValue(trx, after);
    }
    await history(trx, ctx, after, opts.action, actor.actorId, checked.comment);
    await audit(trx, ctx, actor, `indicator.value.${opts.action}`, before, after, indicator);
    if (after.quarter !== WHOLE_YEAR && after.status === 'approved') await sumQuarters(trx, ctx, indicator, after, actor);
    return after;
  });
}

async function prepare(ctx: ModuleContext, input: ValueInput) {
  const { indicator, programme } = await loadIndicator(ctx, input.indicatorId);
  if (indicator.method === 'computed') throw new AppError('indicators.computed_only');
  const index = await loadTerritoryIndex(ctx);
  const checked = checkValue(indicator, programme, index, input, warsawToday(ctx.clock));
  return { indicator, checked };
}

/** A partner's (or the coordinator's) draft: new, or replacing a draft or a returned value. */
export async function saveValue(ctx: ModuleContext, input: ValueInput, actor: Actor): Promise<ValueRow> {
  const { indicator, checked } = await prepare(ctx, input);
  return writeCell(ctx, indicator, checked, 'draft', actor, { action: 'saved', roundId: input.roundId, allowFrom: ['draft', 'returned'] });
}

/**
 * Submits a value for approval (saving it in the same step). A submitted value may be corrected
 * and submitted again until the coordinator decides; an approved one is locked.
 */
export async function submitValue(ctx: ModuleContext, input: ValueInput, actor: Actor): Promise<ValueRow> {
  const { indicator, checked } = await prepare(ctx, input);
  return writeCell(ctx, indicator, checked, 'submitted', actor, {
    action: 'submitted',
    roundId: input.roundId,
    allowFrom: ['draft', 'returned', 'submitted'],
  });
}

/** Submits an already saved draft (or returned value) as it stands. */
export async function submitSavedValue(ctx: ModuleContext, valueId: string, actor: Actor): Promise<ValueRow> {
  return decide(ctx, valueId, actor, { from: ['draft', 'returned'], to: 'submitted', action: 'submitted' });
}

/**
 * The coordinator enters a value directly as approved (or corrects an approved one); the previous
 * figure stays in the history.
 */
export async function enterApprovedValue(ctx: ModuleContext, input: ValueInput, actor: Actor): Promise<ValueRow> {
  const { indicator, checked } = await prepare(ctx, input);
  return writeCell(ctx, indicator, checked, 'approved', actor, {
    action: 'approved',
    roundId: input.roundId,
    allowFrom: ['draft', 'submitted', 'returned', 'approved'],
    approve: true,
  });
}

async function decide(
  ctx: ModuleContext,
  valueId: string,
  actor: Actor,
  step: { from: readonly ValueStatus[]; to: ValueStatus; action: string; reason?: string },
): Promise<ValueRow> {
  const before = await repo.findValue(ctx.db, valueId);
  if (!before) throw new AppError('http.not_found');
  const { indicator } = await loadIndicator(ctx, before.indicator_id);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findValue(trx, valueId);
    if (!current || !step.from.includes(current.status)) throw new AppError('indicators.value_state');
    const fields = {
      status: step.to,
      return_reason: step.to === 'returned' ? (step.reason ?? null) : null,
      ...(step.to === 'approved' ? { approved_by: actor.actorId } : {}),
      updated_at: nowIso(ctx.clock),
    };
    await repo.updateValue(trx, valueId, fields);
    const after = { ...current, ...fields };
    await history(trx, ctx, after, step.action, actor.actorId, step.reason ?? null);
    await audit(trx, ctx, actor, `indicator.value.${step.action}`, current, after, indicator);
    if (after.quarter !== WHOLE_YEAR && after.status === 'approved') await sumQuarters(trx, ctx, indicator, after, actor);
    return after;
  });
}

/** A sum of decimal figures without the binary tail (0.1 + 0.2 is 0.3). */
function cleanSum(values: readonly number[]): number {
  return Number(values.reduce((s, v) => s + v, 0).toFixed(9));
}

/**
 * The year's value of a cell reported by quarters: the sum of its approved quarters, stored as the
 * approved whole-year value (in the caller's transaction, after a quarter was approved). A year
 * with quarters still missing has the sum of those approved so far; the history keeps every step.
 */
async function sumQuarters(
  trx: Transaction<Database>,
  ctx: ModuleContext,
  indicator: IndicatorRow,
  quarter: ValueRow,
  actor: Actor,
): Promise<void> {
  const quarters = await repo.approvedQuarters(trx, indicator.id, quarter.period, quarter.territory_code);
  const total = cleanSum(quarters.map((q) => q.value ?? 0));
  const before = await repo.findValueCell(trx, indicator.id, quarter.period, quarter.territory_code);
  if (before && before.status === 'approved' && before.value === total && !before.is_computed) return;
  const now = nowIso(ctx.clock);
  const fields = {
    value: total,
    source: null,
    comment: null,
    status: 'approved' as const,
    return_reason: null,
    is_computed: false,
    is_example: indicator.is_example || quarters.some((q) => q.is_example),
    entered_by: null,
    approved_by: actor.actorId,
    round_id: quarter.round_id,
    updated_at: now,
  };
  let after: ValueRow;
  if (before) {
    await repo.updateValue(trx, before.id, fields);
    after = { ...before, ...fields };
  } else {
    after = {
      id: newId(),
      indicator_id: indicator.id,
      period: quarter.period,
      quarter: WHOLE_YEAR,
      territory_code: quarter.territory_code,
      created_at: now,
      ...fields,
    };
    await repo.insertValue(trx, after);
  }
  await history(trx, ctx, after, 'summed', actor.actorId, null);
  await audit(trx, ctx, actor, 'indicator.value.summed', before, after, indicator);
}

/** The coordinator approves a submitted value. */
export async function approveValue(ctx: ModuleContext, valueId: string, actor: Actor): Promise<ValueRow> {
  return decide(ctx, valueId, actor, { from: ['submitted'], to: 'approved', action: 'approved' });
}

/** The coordinator returns a submitted value to its partner, saying why (required). */
export async function returnValue(ctx: ModuleContext, valueId: string, reason: string, actor: Actor): Promise<ValueRow> {
  const f = new FormChecker({ reason });
  f.required('reason', 'indicators.field.returnReason', { max: MAX_TEXT });
  f.assertValid();
  return decide(ctx, valueId, actor, { from: ['submitted'], to: 'returned', action: 'returned', reason: reason.trim() });
}

/** Every change of a value, newest first, with the name of who made it. */
export async function valueHistory(ctx: ModuleContext, valueIds: readonly string[]) {
  return repo.listHistory(ctx.db, valueIds);
}

// --- computed indicators ---------------------------------------------------------------------

/** Periods of a computed indicator already closed by a snapshot (approved computed values). */
export function closedPeriods(values: readonly ValueRow[]): Set<number> {
  return new Set(values.filter((v) => v.is_computed && v.status === 'approved').map((v) => v.period));
}

async function storeComputed(
  trx: Transaction<Database>,
  ctx: ModuleContext,
  indicator: IndicatorRow,
  computed: ComputedPeriod,
  status: 'draft' | 'approved',
  action: 'computed' | 'snapshot',
  actor: Actor,
): Promise<number> {
  let changed = 0;
  const now = nowIso(ctx.clock);
  for (const [code, n] of computed.values) {
    const before = await repo.findValueCell(trx, indicator.id, computed.period, code);
    if (before && before.status === 'approved' && before.is_computed && status === 'draft') continue;
    const fields = {
      value: n,
      source: null,
      comment: null,
      status,
      return_reason: null,
      is_computed: true,
      is_example: computed.isExample || indicator.is_example,
      entered_by: null,
      approved_by: status === 'approved' ? actor.actorId : null,
      updated_at: now,
    };
    let after: ValueRow;
    if (before) {
      if (before.value === n && before.status === status && before.is_computed) continue;
      await repo.updateValue(trx, before.id, fields);
      after = { ...before, ...fields };
    } else {
      after = {
        id: newId(),
        indicator_id: indicator.id,
        period: computed.period,
        quarter: WHOLE_YEAR,
        territory_code: code,
        round_id: null,
        created_at: now,
        ...fields,
      };
      await repo.insertValue(trx, after);
    }
    await history(trx, ctx, after, action, actor.actorId, null);
    changed += 1;
  }
  return changed;
}

/**
 * Recomputes a computed indicator now for every open period of the programme up to this year and
 * stores the figures as computed drafts (history keeps each change); closed periods stay as
 * snapshotted. Returns how many cells changed.
 */
export async function recomputeIndicator(ctx: ModuleContext, indicatorId: string, actor: Actor): Promise<number> {
  const { indicator, programme } = await loadIndicator(ctx, indicatorId);
  if (indicator.method !== 'computed') return 0;
  const index = await loadTerritoryIndex(ctx);
  const today = warsawToday(ctx.clock);
  const closed = closedPeriods(await repo.listValues(ctx.db, [indicator.id]));
  const coverage = coverageLookup(ctx);
  const periods: ComputedPeriod[] = [];
  for (let year = programme.period_from; year <= programme.period_to; year++) {
    if (closed.has(year)) continue;
    const c = await computePeriod(ctx, index, indicator, year, today, coverage);
    if (c) periods.push(c);
  }
  return ctx.db.transaction().execute(async (trx) => {
    let changed = 0;
    for (const c of periods) changed += await storeComputed(trx, ctx, indicator, c, 'draft', 'computed', actor);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'indicator.recompute',
        subjectType: 'indicator',
        subjectId: indicator.id,
        meta: { code: indicator.code, changed },
      },
      ctx.clock,
    );
    return changed;
  });
}

/**
 * Closes a period for the computed indicators of a programme: their figures for that period are
 * computed now and stored as approved values (is_computed = true), after which reading no longer
 * recomputes them. Safe to repeat: a closed period keeps its snapshot. Returns the cells stored.
 */
export async function snapshotComputedValues(
  ctx: ModuleContext,
  programmeId: string,
  period: number,
  actor: Actor = { actorId: null, ip: null },
): Promise<number> {
  const programme = await repo.findProgramme(ctx.db, programmeId);
  if (!programme) throw new AppError('http.not_found');
  const indicators = (await repo.listIndicators(ctx.db, programmeId)).filter((i) => i.method === 'computed');
  const index = await loadTerritoryIndex(ctx);
  const today = warsawToday(ctx.clock);
  const existing = await repo.listValues(
    ctx.db,
    indicators.map((i) => i.id),
    { period },
  );
  const coverage = coverageLookup(ctx);
  const todo: { indicator: IndicatorRow; computed: ComputedPeriod }[] = [];
  for (const indicator of indicators) {
    if (closedPeriods(existing.filter((v) => v.indicator_id === indicator.id)).has(period)) continue;
    const computed = await computePeriod(ctx, index, indicator, period, today, coverage);
    if (computed) todo.push({ indicator, computed });
  }
  return ctx.db.transaction().execute(async (trx) => {
    let stored = 0;
    for (const { indicator, computed } of todo) {
      stored += await storeComputed(trx, ctx, indicator, computed, 'approved', 'snapshot', actor);
      await recordAudit(
        trx,
        {
          ...actor,
          action: 'indicator.snapshot',
          subjectType: 'indicator',
          subjectId: indicator.id,
          meta: { code: indicator.code, period },
        },
        ctx.clock,
      );
    }
    return stored;
  });
}
