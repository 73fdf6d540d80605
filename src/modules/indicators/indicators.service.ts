// Rules of indicator definitions and of what is shown about them: the checks of the definition form
// (translated problems, nothing saved while any remain), saving and deleting with the audit log, and
// the read model every page, the CSV and the API share — approved figures per year and territory,
// with the stored figures of computed indicators for years not yet closed (counted ahead of time by
// computed/computed.service.ts, never on a read), and the progress.
import { newId } from '../../core/db/ids.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { warsawToday } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import type { T, TKey } from '../../i18n/index.js';
import { recordAudit } from '../audit/index.js';
import { isInForce } from '../programme/index.js';
import { cachedUntilWrite } from '../../core/db/write-cache.js';
import { readComputed } from './computed/computed.repo.js';
import { computedSignature } from './computed/computed.service.js';
import {
  FILTER_LEGAL_FORMS,
  FILTER_LIFECYCLES,
  findFormula,
  indicatorFormulas,
  paramField,
  parseFormulaParams,
  type IndicatorFormula,
} from './indicators.formulas.js';
import { computeProgress, type Progress } from './indicators.progress.js';
import { isSmallCount, publicCount } from './indicators.privacy.js';
import * as repo from './indicators.repo.js';
import type { Executor, IndicatorRow, TargetRow, ValueRow } from './indicators.repo.js';
import { polishRanks } from '../../core/db/collation.js';
import { loadTerritoryIndex, subregionsForPeriod, territoryName } from './indicators.territory.js';

type ComputedRow = Awaited<ReturnType<typeof readComputed>>[number];
import { closedPeriods, parseNumber, type Actor } from './indicators.values.js';
import { INDICATOR_BREAKDOWNS, INDICATOR_DIRECTIONS, INDICATOR_METHODS, INDICATOR_TYPES, WHOLE_REGION } from './indicators.tables.js';

/** Letters, digits, dots and hyphens; never ending in `.csv`, which addresses the indicator's CSV. */
export const CODE_PATTERN = /^(?!.*\.csv$)[\p{L}\d][\p{L}\d.-]{0,19}$/iu;
export const FREQUENCIES = ['annual'] as const;

export interface ProgrammeRef {
  id: string;
  slug: string;
  title: string;
  period_from: number;
  period_to: number;
  status: string;
}

export async function programmeBySlug(ctx: ModuleContext, slug: string): Promise<ProgrammeRef> {
  const p = await repo.findProgrammeBySlug(ctx.db, slug);
  if (!p) throw new AppError('http.not_found');
  return p;
}

// --- the definition form -------------------------------------------------------------------------

export type DefinitionValues = Record<string, string | string[] | undefined>;

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x !== '');
  return typeof v === 'string' && v !== '' ? [v] : [];
}

function choice<T extends string>(f: FormChecker, field: string, label: TKey, allowed: readonly T[], fallback?: T): T {
  const v = f.text(field);
  if (v === '' && fallback) return fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    f.add(field, label, v === '' ? 'validation.required' : 'indicators.problem.choice');
    return allowed[0]!;
  }
  return v as T;
}

/** Parses "2025: 120" lines; problems name the line. */
export function parseTargets(
  f: FormChecker,
  text: string,
  programme: { period_from: number; period_to: number },
): { year: number; value: number }[] {
  const out: { year: number; value: number }[] = [];
  const lines = text.split(/\r?\n/u);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const m = /^(\d{4})\s*[:=;\t ]\s*(.+)$/u.exec(line);
    const value = m ? parseNumber(m[2]) : null;
    if (!m || value === null) {
      f.add('targets', 'indicators.field.targets', 'indicators.problem.targetLine', { line: i + 1 });
      return;
    }
    const year = Number(m[1]);
    if (year < programme.period_from || year > programme.period_to)
      f.add('targets', 'indicators.field.targets', 'indicators.problem.targetYear', {
        year,
        from: programme.period_from,
        to: programme.period_to,
      });
    else if (out.some((t) => t.year === year)) f.add('targets', 'indicators.field.targets', 'indicators.problem.targetDuplicate', { year });
    else out.push({ year, value });
  });
  return out.sort((a, b) => a.year - b.year);
}

export interface DefinitionInput {
  code: string;
  name: string;
  description: string | null;
  unit: string;
  type: IndicatorRow['type'];
  baseline_value: number | null;
  baseline_year: number | null;
  direction: IndicatorRow['direction'];
  frequency: string;
  data_source: string | null;
  responsible_partner: string | null;
  breakdown: IndicatorRow['breakdown'];
  method: IndicatorRow['method'];
  formula: string | null;
  formula_params: string;
  is_negative_allowed: boolean;
  /** The indicator counts people: values below 3 are shown only as "<3" in public (indicators.privacy.ts). */
  is_small_count_suppressed: boolean;
  targets: { year: number; value: number }[];
  elements: string[];
}

/** The formulas the indicator form offers, by key and name. */
export function formulaChoices(ctx: Pick<ModuleContext, 'contributions'>, t: T): { value: string; label: string }[] {
  return indicatorFormulas(ctx).map((f) => ({ value: f.key, label: f.label(t) }));
}

/** A field of the indicator form for a parameter formulas declare (`IndicatorFormula.params`). */
export interface FormulaParamField {
  name: string;
  legend: string;
  /** Which formulas the parameter belongs to. */
  hint: string;
  options: { value: string; label: string }[];
}

/** One field per parameter key the formulas declare (formulas sharing a key share the field), in the formulas' order. */
export function formulaParamFields(ctx: Pick<ModuleContext, 'contributions'>, t: T): FormulaParamField[] {
  const byKey = new Map<string, { param: NonNullable<IndicatorFormula['params']>[number]; formulas: string[] }>();
  for (const f of indicatorFormulas(ctx))
    for (const param of f.params ?? []) {
      const entry = byKey.get(param.key) ?? { param, formulas: [] };
      entry.formulas.push(f.label(t));
      byKey.set(param.key, entry);
    }
  return [...byKey.values()].map(({ param, formulas }) => ({
    name: paramField(param.key),
    legend: t('indicators.field.formulaParam', { label: t(param.label) }),
    hint: t('indicators.hint.formulaParam', { formulas: formulas.join('; ') }),
    options: param.options.map((o) => ({ value: o.value, label: t(o.label) })),
  }));
}

/** Checks the definition form; throws `http.validation` with every problem. */
export function checkDefinition(
  values: DefinitionValues,
  ctx: {
    programme: ProgrammeRef;
    elementIds: ReadonlySet<string>;
    takenCodes: ReadonlySet<string>;
    /** The formulas a computed indicator may use (indicatorFormulas). */
    formulas: readonly IndicatorFormula[];
    before?: { method: string; breakdown: string; hasValues: boolean; hasLocalValues: boolean };
  },
): DefinitionInput {
  const f = new FormChecker(values as Record<string, unknown>);
  const code = f.required('code', 'indicators.field.code', { max: 20 });
  if (code !== '' && !f.hasProblem('code')) {
    if (!CODE_PATTERN.test(code)) f.add('code', 'indicators.field.code', 'indicators.problem.codeFormat');
    else if (ctx.takenCodes.has(code.toLowerCase())) f.add('code', 'indicators.field.code', 'indicators.problem.codeTaken', { code });
  }
  const name = f.required('name', 'indicators.field.name', { max: 300 });
  const description = f.text('description');
  if ([...description].length > 4000) f.add('description', 'indicators.field.description', 'validation.tooLong', { count: 4000 });
  const unit = f.required('unit', 'indicators.field.unit', { max: 60 });
  const type = choice(f, 'type', 'indicators.field.type', INDICATOR_TYPES);
  const direction = choice(f, 'direction', 'indicators.field.direction', INDICATOR_DIRECTIONS);
  const frequency = choice(f, 'frequency', 'indicators.field.frequency', FREQUENCIES, 'annual');
  const breakdown = choice(f, 'breakdown', 'indicators.field.breakdown', INDICATOR_BREAKDOWNS);
  const method = choice(f, 'method', 'indicators.field.method', INDICATOR_METHODS);
  const is_negative_allowed = f.text('is_negative_allowed') !== '';
  const is_small_count_suppressed = f.text('is_small_count_suppressed') !== '';

  const bvText = f.text('baseline_value');
  const byText = f.text('baseline_year');
  const baseline_value = bvText === '' ? null : parseNumber(bvText);
  if (bvText !== '' && baseline_value === null) f.add('baseline_value', 'indicators.field.baselineValue', 'indicators.problem.notNumber');
  else if (baseline_value !== null && baseline_value < 0 && !is_negative_allowed)
    f.add('baseline_value', 'indicators.field.baselineValue', 'indicators.problem.negative');
  const baseline_year = byText === '' ? null : /^\d{4}$/u.test(byText) ? Number(byText) : NaN;
  if (Number.isNaN(baseline_year)) f.add('baseline_year', 'indicators.field.baselineYear', 'indicators.problem.yearFormat');
  if (!f.hasProblem('baseline_value') && !f.hasProblem('baseline_year') && (bvText === '') !== (byText === ''))
    f.add(
      bvText === '' ? 'baseline_value' : 'baseline_year',
      bvText === '' ? 'indicators.field.baselineValue' : 'indicators.field.baselineYear',
      'indicators.problem.baselinePair',
    );

  const targets = parseTargets(f, typeof values.targets === 'string' ? values.targets : '', ctx.programme);
  if (!is_negative_allowed && targets.some((t) => t.value < 0)) f.add('targets', 'indicators.field.targets', 'indicators.problem.negative');

  const formulaText = f.text('formula');
  let formula: string | null = null;
  let formula_params = '{}';
  if (method === 'computed') {
    const chosen = ctx.formulas.find((x) => x.key === formulaText);
    if (!chosen) f.add('formula', 'indicators.field.formula', 'indicators.problem.formulaRequired');
    else {
      formula = chosen.key;
      const params: Record<string, string[]> = {};
      if (chosen.entityFilters) {
        const legalForms = list(values.legal_forms);
        const lifecycles = list(values.lifecycles);
        if (legalForms.some((x) => !FILTER_LEGAL_FORMS.includes(x)))
          f.add('legal_forms', 'indicators.field.legalForms', 'indicators.problem.choice');
        if (lifecycles.some((x) => !FILTER_LIFECYCLES.includes(x)))
          f.add('lifecycles', 'indicators.field.lifecycles', 'indicators.problem.choice');
        Object.assign(params, { legalForms: [...new Set(legalForms)], lifecycles: [...new Set(lifecycles)] });
      }
      // the formula's own parameters: known values only, stored in the options' order; none = all
      for (const param of chosen.params ?? []) {
        const picked = list(values[paramField(param.key)]);
        const allowed = param.options.map((o) => o.value);
        const unknown = picked.find((x) => !allowed.includes(x));
        if (unknown !== undefined)
          f.add(paramField(param.key), param.label, 'indicators.problem.paramUnknown', { value: unknown.slice(0, 60) });
        const kept = allowed.filter((v) => picked.includes(v));
        if (kept.length) params[param.key] = kept;
      }
      if (Object.keys(params).length) formula_params = JSON.stringify(params);
    }
  } else if (formulaText !== '') {
    f.add('formula', 'indicators.field.formula', 'indicators.problem.formulaReported');
  }
  // stored values were checked against the method and the breakdown: changing either under them
  // would leave figures that mean something else (or areas the indicator no longer has)
  if (ctx.before?.hasValues && !f.hasProblem('method') && method !== ctx.before.method)
    f.add('method', 'indicators.field.method', 'indicators.problem.methodHasValues');
  if (ctx.before?.hasLocalValues && !f.hasProblem('breakdown') && breakdown !== ctx.before.breakdown)
    f.add('breakdown', 'indicators.field.breakdown', 'indicators.problem.breakdownHasValues');
  const elements = [...new Set(list(values.elements))];
  if (elements.some((id) => !ctx.elementIds.has(id))) f.add('elements', 'indicators.field.elements', 'indicators.problem.elementUnknown');

  const data_source = f.text('data_source');
  const responsible_partner = f.text('responsible_partner');
  if ([...data_source].length > 500) f.add('data_source', 'indicators.field.dataSource', 'validation.tooLong', { count: 500 });
  if ([...responsible_partner].length > 300)
    f.add('responsible_partner', 'indicators.field.responsiblePartner', 'validation.tooLong', { count: 300 });
  f.assertValid();
  return {
    code,
    name,
    description: description || null,
    unit,
    type,
    baseline_value,
    baseline_year: baseline_year ?? null,
    direction,
    frequency,
    data_source: data_source || null,
    responsible_partner: responsible_partner || null,
    breakdown,
    method,
    formula,
    formula_params,
    is_negative_allowed,
    is_small_count_suppressed,
    targets,
    elements,
  };
}

/** The form values of an existing indicator. */
export function definitionFormValues(
  ctx: Pick<ModuleContext, 'contributions'>,
  indicator: IndicatorRow,
  targets: readonly TargetRow[],
  elementIds: readonly string[],
): DefinitionValues {
  const formula = findFormula(ctx, indicator.formula);
  const params = parseFormulaParams(indicator.formula_params, formula);
  const declared = Object.fromEntries((formula?.params ?? []).map((p) => [paramField(p.key), [...(params.chosen?.[p.key] ?? [])]]));
  const num = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));
  return {
    code: indicator.code,
    name: indicator.name,
    description: indicator.description ?? '',
    unit: indicator.unit,
    type: indicator.type,
    baseline_value: num(indicator.baseline_value),
    baseline_year: indicator.baseline_year === null ? '' : String(indicator.baseline_year),
    direction: indicator.direction,
    frequency: indicator.frequency,
    data_source: indicator.data_source ?? '',
    responsible_partner: indicator.responsible_partner ?? '',
    breakdown: indicator.breakdown,
    method: indicator.method,
    formula: indicator.formula ?? '',
    legal_forms: params.legalForms,
    lifecycles: params.lifecycles,
    ...declared,
    is_negative_allowed: indicator.is_negative_allowed ? 'on' : '',
    is_small_count_suppressed: indicator.is_small_count_suppressed ? 'on' : '',
    targets: targets.map((t) => `${t.year}: ${num(t.value)}`).join('\n'),
    elements: [...elementIds],
  };
}

type Snapshot = Omit<DefinitionInput, 'targets' | 'elements'> & { targets: string; elements: string[] };

function snapshot(d: DefinitionInput): Snapshot {
  const { targets, ...rest } = d;
  return { ...rest, targets: targets.map((t) => `${t.year}:${t.value}`).join(', ') };
}

function diff(before: Snapshot | null, after: Snapshot | null): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]) as Set<keyof Snapshot>;
  for (const k of keys) {
    const b = before ? before[k] : null;
    const a = after ? after[k] : null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: b, after: a };
  }
  return out;
}

async function currentDefinition(db: Executor, indicator: IndicatorRow): Promise<DefinitionInput> {
  const [targets, elements] = await Promise.all([repo.listTargets(db, [indicator.id]), repo.listIndicatorElements(db, [indicator.id])]);
  const { id: _i, programme_id: _p, position: _pos, is_example: _e, ...fields } = indicator;
  return { ...fields, targets: targets.map((t) => ({ year: t.year, value: t.value })), elements: elements.map((e) => e.element_id) };
}

/** Creates (id null) or updates an indicator of a programme; returns its id. */
export async function saveIndicator(
  ctx: ModuleContext,
  programme: ProgrammeRef,
  id: string | null,
  values: DefinitionValues,
  actor: Actor,
): Promise<string> {
  const before = id ? await repo.findIndicator(ctx.db, id) : undefined;
  if (id && (!before || before.programme_id !== programme.id)) throw new AppError('http.not_found');
  const [all, elements, stored] = await Promise.all([
    repo.listIndicators(ctx.db, programme.id),
    repo.listProgrammeElements(ctx.db, programme.id),
    // a quarter's value counts as much as a year's: either fixes how the indicator is reported
    before ? repo.listValues(ctx.db, [before.id], { quarter: 'all' }) : [],
  ]);
  const input = checkDefinition(values, {
    programme,
    formulas: indicatorFormulas(ctx),
    elementIds: new Set(elements.map((e) => e.id)),
    takenCodes: new Set(all.filter((i) => i.id !== id).map((i) => i.code.toLowerCase())),
    ...(before
      ? {
          before: {
            method: before.method,
            breakdown: before.breakdown,
            hasValues: stored.length > 0,
            hasLocalValues: stored.some((v) => v.territory_code !== WHOLE_REGION),
          },
        }
      : {}),
  });
  const { targets, elements: elementIds, ...fields } = input;
  const savedId = id ?? newId();
  await ctx.db.transaction().execute(async (trx) => {
    const old = before ? await currentDefinition(trx, before) : null;
    if (before) await repo.updateIndicator(trx, savedId, fields);
    else
      await repo.insertIndicator(trx, {
        id: savedId,
        programme_id: programme.id,
        ...fields,
        position: (await repo.maxPosition(trx, programme.id)) + 1,
        is_example: false,
      });
    // the targets of an example indicator are invented with it: they stay examples when edited
    const isExample = before?.is_example ?? false;
    await repo.replaceTargets(
      trx,
      savedId,
      targets.map((t) => ({ id: newId(), indicator_id: savedId, year: t.year, value: t.value, is_example: isExample })),
    );
    await repo.replaceIndicatorElements(trx, savedId, elementIds);
    await recordAudit(
      trx,
      {
        ...actor,
        action: before ? 'indicator.update' : 'indicator.create',
        subjectType: 'indicator',
        subjectId: savedId,
        changes: diff(old ? snapshot(old) : null, snapshot(input)),
        meta: { programme: programme.slug },
      },
      ctx.clock,
    );
  });
  return savedId;
}

export async function deleteIndicator(ctx: ModuleContext, programme: ProgrammeRef, id: string, actor: Actor): Promise<void> {
  const before = await repo.findIndicator(ctx.db, id);
  if (!before || before.programme_id !== programme.id) throw new AppError('http.not_found');
  await ctx.db.transaction().execute(async (trx) => {
    const old = await currentDefinition(trx, before);
    await repo.deleteIndicator(trx, id);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'indicator.delete',
        subjectType: 'indicator',
        subjectId: id,
        changes: diff(snapshot(old), null),
        meta: { programme: programme.slug },
      },
      ctx.clock,
    );
  });
}

// --- the read model ----------------------------------------------------------------------------

export interface Figure {
  period: number;
  territoryCode: string;
  /** null when the value is a small count shown as "<3" (`isSuppressed`, indicators.privacy.ts). */
  value: number | null;
  isSuppressed?: boolean;
  isExample: boolean;
  isComputed: boolean;
  /** Counted for a year not closed yet (stored by the refresh, not an approved value). */
  isLive: boolean;
}

/** An approved value of one quarter of a year (reported in a quarterly round). */
export interface QuarterFigure extends Figure {
  /** 1–4. */
  quarter: number;
  /**
   * Public views only: not a small count itself, but hidden (value null) because another quarter of
   * the same year and territory is one, and the year's published sum would give that one away.
   */
  isWithheld?: boolean;
}

export interface IndicatorView {
  indicator: IndicatorRow;
  /** `isExample`: an invented target (its own flag, or the indicator is an example). */
  targets: { year: number; value: number; isExample: boolean }[];
  elements: { id: string; code: string; title: string }[];
  /** Approved (or, for open years of computed indicators, live) figures, by period then territory. */
  figures: Figure[];
  /** Figures for the whole region, one per period, in year order. */
  regionSeries: Figure[];
  /** Approved quarters' figures (quarterly rounds), by year, quarter, then territory; the years' sums are in `figures`. */
  quarterFigures: QuarterFigure[];
  progress: Progress;
  /** `YYYY-MM-DD` the stored figure of the current year describes (the day it was counted), when there is one. */
  liveAsOf: string | null;
  /** A computed indicator of a programme in force not counted yet (for its current definition). */
  computing: boolean;
  /** The formula of a computed indicator (null when reported, or its formula is no longer offered). */
  formula: IndicatorFormula | null;
}

/**
 * The stored figures of the programme's years not closed yet (a year after the period is never
 * stored: today's registry says nothing about a programme that has ended). Only a programme in
 * force shows them; the caller decides. Null when the indicator has not been counted for its current
 * definition yet (the page then says its figures are being computed).
 */
function storedFigures(
  indicator: IndicatorRow,
  programme: { period_from: number; period_to: number },
  stored: readonly ValueRow[],
  rows: readonly ComputedRow[],
): { figures: Figure[]; asOf: string | null } | null {
  if (rows.length === 0 || rows[0]!.signature !== computedSignature(indicator, programme)) return null;
  const closed = closedPeriods(stored);
  const out: Figure[] = [];
  let asOf: string | null = null;
  for (const r of rows) {
    if (r.period === null || r.value === null || r.territory_code === null || closed.has(r.period)) continue;
    if (r.period > programme.period_to || r.period < programme.period_from) continue;
    out.push({
      period: r.period,
      territoryCode: r.territory_code,
      value: r.value,
      isExample: !!r.is_example || indicator.is_example,
      isComputed: true,
      isLive: true,
    });
    // the current year is counted as of the refresh day; past years as of 31 December
    if (r.as_of && r.period === Number(r.refresh_day.slice(0, 4))) asOf = r.as_of;
  }
  return { figures: out, asOf };
}

/** Every table the read model below is made of: a write to any of them makes the next read fresh. */
const READ_MODEL_TABLES = [
  'indicators',
  'indicator_targets',
  'indicator_elements',
  'programme_elements',
  'indicator_values',
  'indicator_computed_values',
  'indicator_computed_refreshes',
] as const;

/**
 * The rows of a programme's indicators the pages are built from, read in five statements and kept
 * until a write to one of their tables (or 30 s, which bounds another instance's writes): the
 * programme page, every indicator page, the CSV, the API and the report read them again and again.
 */
function readModelRows(ctx: ModuleContext, programmeId: string) {
  return cachedUntilWrite(ctx, READ_MODEL_TABLES, `indicator-views:${programmeId}`, async () => {
    const indicators = await repo.listIndicators(ctx.db, programmeId);
    const ids = indicators.map((i) => i.id);
    const [targets, elements, approved, approvedQuarters, computedRows] = await Promise.all([
      repo.listTargets(ctx.db, ids),
      repo.listIndicatorElements(ctx.db, ids),
      repo.listValues(ctx.db, ids, { status: 'approved' }),
      repo.listValues(ctx.db, ids, { status: 'approved', quarter: 'quarters' }),
      readComputed(
        ctx.db,
        indicators.filter((i) => i.method === 'computed').map((i) => i.id),
      ),
    ]);
    return { indicators, targets, elements, approved, approvedQuarters, computedRows };
  });
}

/**
 * The indicators of a programme as shown publicly: approved values only (plus, while the programme
 * is in force, the live figures of computed indicators for its years not closed yet), targets,
 * linked elements and progress. Everything of an example indicator is flagged as example data.
 */
export async function indicatorViews(
  ctx: ModuleContext,
  programme: { id: string; period_from: number; period_to: number; status: string },
  filter: { code?: string } = {},
): Promise<IndicatorView[]> {
  const rows = await readModelRows(ctx, programme.id);
  const indicators = filter.code === undefined ? rows.indicators : rows.indicators.filter((i) => i.code === filter.code);
  if (indicators.length === 0) return [];
  const { targets, elements, approved, approvedQuarters, computedRows } = rows;
  const today = warsawToday(ctx.clock);
  const live = isInForce(programme, today);
  const views: IndicatorView[] = [];
  for (const indicator of indicators) {
    const stored = approved.filter((v) => v.indicator_id === indicator.id && v.value !== null);
    const figures: Figure[] = stored.map((v) => ({
      period: v.period,
      territoryCode: v.territory_code,
      value: v.value!,
      isExample: v.is_example || indicator.is_example,
      isComputed: v.is_computed,
      isLive: false,
    }));
    const fromStore =
      live && indicator.method === 'computed'
        ? storedFigures(
            indicator,
            programme,
            stored,
            computedRows.filter((r) => r.indicator_id === indicator.id),
          )
        : undefined;
    if (fromStore) figures.push(...fromStore.figures);
    figures.sort((a, b) => a.period - b.period || a.territoryCode.localeCompare(b.territoryCode));
    const myTargets = targets
      .filter((t) => t.indicator_id === indicator.id)
      .map((t) => ({ year: t.year, value: t.value, isExample: t.is_example || indicator.is_example }));
    const regionSeries = figures.filter((f) => f.territoryCode === WHOLE_REGION);
    views.push({
      indicator,
      targets: myTargets,
      elements: elements.filter((e) => e.indicator_id === indicator.id).map((e) => ({ id: e.element_id, code: e.code, title: e.title })),
      figures,
      regionSeries,
      quarterFigures: approvedQuarters
        .filter((v) => v.indicator_id === indicator.id && v.value !== null)
        .map((v) => ({
          period: v.period,
          quarter: v.quarter,
          territoryCode: v.territory_code,
          value: v.value!,
          isExample: v.is_example || indicator.is_example,
          isComputed: false,
          isLive: false,
        })),
      progress: computeProgress({
        direction: indicator.direction,
        baselineValue: indicator.baseline_value,
        baselineYear: indicator.baseline_year,
        isExample: indicator.is_example,
        targets: myTargets,
        values: regionSeries
          .filter((f) => f.period <= programme.period_to)
          .map((f) => ({ period: f.period, value: f.value, isExample: f.isExample })),
      }),
      liveAsOf: fromStore?.figures.length ? fromStore.asOf : null,
      computing: fromStore === null,
      formula: indicator.method === 'computed' ? (findFormula(ctx, indicator.formula) ?? null) : null,
    });
  }
  return views.map(suppressSmallCounts);
}

/**
 * The public views of the current programme's indicators with these codes (for another module's
 * page, e.g. a support centre's results): the same read model as the indicator pages, small counts
 * already suppressed. Empty when there is no current programme.
 */
export async function publicIndicatorViews(
  ctx: ModuleContext,
  codes: readonly string[],
): Promise<{ programme: { slug: string; period_from: number; period_to: number } | null; views: IndicatorView[] }> {
  const programme = await repo.findCurrentProgramme(ctx.db);
  if (!programme) return { programme: null, views: [] };
  const wanted = new Set(codes);
  const views = (await indicatorViews(ctx, programme)).filter((v) => wanted.has(v.indicator.code));
  return { programme, views };
}

/** The public view of an indicator of people: values below 3 become null, flagged `isSuppressed`. */
function suppressSmallCounts(view: IndicatorView): IndicatorView {
  const i = view.indicator;
  if (!i.is_small_count_suppressed) return view;
  const hide = (f: Figure): Figure => {
    const shown = publicCount(i, f.value);
    return { ...f, value: shown.value, isSuppressed: shown.isSuppressed };
  };
  const latest = view.progress.latest;
  return {
    ...view,
    figures: view.figures.map(hide),
    regionSeries: view.regionSeries.map(hide),
    quarterFigures: withholdQuarters(view.quarterFigures.map((f) => ({ ...f, ...hide(f) }))),
    progress: latest && isSmallCount(i, latest.value) ? { ...view.progress, latest: null } : view.progress,
  };
}

/**
 * Complementary suppression of quarters: the year's figure is the sum of its quarters and is
 * published, so with one quarter shown as "<3" the others would tell it exactly (6 − 5 = 1). When a
 * quarter of a year and territory is a small count, the other quarters of that year and territory
 * are withheld too (value null, `isWithheld`); the year's figure follows its own rule.
 */
export function withholdQuarters(figures: QuarterFigure[]): QuarterFigure[] {
  const key = (f: QuarterFigure) => `${f.period}\u0000${f.territoryCode}`;
  const small = new Set(figures.filter((f) => f.isSuppressed).map(key));
  return figures.map((f) => (small.has(key(f)) && !f.isSuppressed ? { ...f, value: null, isWithheld: true } : f));
}

// --- the breakdown by area ---------------------------------------------------------------------

export interface Breakdown {
  period: number;
  /** `value` null: a small count shown as "<3" (not shaded on the map). */
  rows: { code: string; name: string; value: number | null; isExample: boolean }[];
  /** gmina TERYT → the figure of the area it belongs to (for shading the map). */
  gminy: Map<string, { value: number; area: string }>;
  gminaNames: Map<string, string>;
  /** The first day of the subregion grouping used, when the breakdown is by subregion. */
  groupingFrom: string | null;
}

/** The latest year with figures by area, as rows and as a per-gmina shading; null without a breakdown. */
export async function breakdownOf(ctx: ModuleContext, view: IndicatorView, lang: 'pl' | 'en'): Promise<Breakdown | null> {
  const breakdown = view.indicator.breakdown;
  if (breakdown === 'none') return null;
  const local = view.figures.filter((f) => f.territoryCode !== WHOLE_REGION);
  const period = local.length ? Math.max(...local.map((f) => f.period)) : (view.regionSeries[view.regionSeries.length - 1]?.period ?? null);
  if (period === null) return null;
  const index = await loadTerritoryIndex(ctx);
  const unsorted = local
    .filter((f) => f.period === period)
    .map((f) => ({ code: f.territoryCode, name: territoryName(index, f.territoryCode, lang), value: f.value, isExample: f.isExample }));
  const compare = polishRanks(unsorted.map((r) => r.name));
  const rows = unsorted.sort((a, b) => compare(a.name, b.name));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const groups = breakdown === 'subregion' ? subregionsForPeriod(index.subregions, period) : [];
  const subregionOf = new Map<string, string>();
  for (const s of groups) for (const p of s.powiaty) subregionOf.set(p, s.code);
  const gminy = new Map<string, { value: number; area: string }>();
  for (const teryt of index.gminy.keys()) {
    const area = breakdown === 'gmina' ? teryt : breakdown === 'powiat' ? teryt.slice(0, 4) : subregionOf.get(teryt.slice(0, 4));
    const row = area ? byCode.get(area) : undefined;
    if (row && row.value !== null) gminy.set(teryt, { value: row.value, area: row.name });
  }
  return { period, rows, gminy, gminaNames: index.gminy, groupingFrom: groups[0]?.valid_from ?? null };
}
