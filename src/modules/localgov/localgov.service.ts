// Rules of the local governments' cooperation records: the staff form (a gmina or powiat chosen by
// name, a year, each value known or left unknown, the source always), one record per unit and year,
// every change audited; the public table of a year and its CSV, and a unit's latest record for its
// profile. Unknown values stay unknown in every output; nothing is shown as "no" unless entered so.
import { polishCollator } from '../../core/db/collation.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { isCalendarDay, warsawYear } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import { translator, type Lang, type TKey } from '../../i18n/index.js';
import { findOrNotFound, removeAudited, saveAudited, type Actor, type RemovedTable, type SavedTable } from './localgov.audited.service.js';
import { checkUnitField, unitOptions, type UnitOption } from './localgov.units.js';
import { checkEntityNames, entityNamesText } from './localgov.entities.js';
import * as repo from './localgov.repo.js';
import { SURVEY_MEASURES } from './survey/survey.measures.js';
import { surveyFigures, type SurveyFigures } from './survey/survey.service.js';
import type { CooperationRow } from './localgov.repo.js';
import type { LocalgovCooperationTable, YesNo } from './localgov.tables.js';

export const CLAUSE_KINDS = ['reserved', 'employment', 'other'] as const;
export const FIRST_YEAR = 2010;

export { matchUnit, unitOptions, type UnitOption } from './localgov.units.js';

/** What the staff form gives: every column of a record except its id and bookkeeping. */
export type CooperationInput = Omit<LocalgovCooperationTable, 'id' | 'created_at' | 'updated_at' | 'updated_by'>;

/** A record's values when nothing is known (every measure unknown, no source). */
export const EMPTY_COOPERATION: Omit<CooperationInput, 'unit_teryt' | 'year'> = {
  programme: null,
  programme_title: null,
  programme_date: null,
  programme_url: null,
  coordinator: null,
  clauses_count: null,
  clauses_value_pln: null,
  clause_kinds: null,
  tasks_count: null,
  tasks_value_pln: null,
  other_forms: null,
  founded_entity_ids: null,
  source: '',
};

function yesNo(f: FormChecker, field: string): YesNo | null {
  const v = f.text(field);
  return v === 'yes' || v === 'no' ? v : null;
}

function count(f: FormChecker, field: string, label: TKey, max: number): number | null {
  const v = f.text(field).replace(/\s+/g, '');
  if (v === '') return null;
  if (!/^\d+$/.test(v) || Number(v) > max) {
    f.add(field, label, 'localgov.problem.number', { max });
    return null;
  }
  return Number(v);
}

export async function checkCooperationForm(
  ctx: Pick<ModuleContext, 'db' | 'database'>,
  values: Record<string, unknown>,
  units: readonly UnitOption[],
  thisYear: number,
): Promise<CooperationInput> {
  const f = new FormChecker(values);
  const unit = checkUnitField(f, units);
  const yearText = f.text('year');
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < FIRST_YEAR || year > thisYear)
    f.add('year', 'localgov.field.year', 'localgov.problem.year', { from: FIRST_YEAR, to: thisYear });
  const programme = yesNo(f, 'programme');
  const programme_title = f.text('programme_title') || null;
  if (programme_title && programme_title.length > 300)
    f.add('programme_title', 'localgov.field.programmeTitle', 'validation.tooLong', { count: 300 });
  const programme_date = f.text('programme_date') || null;
  if (programme_date && !isCalendarDay(programme_date)) f.add('programme_date', 'localgov.field.programmeDate', 'localgov.problem.date');
  const programme_url = f.text('programme_url') || null;
  if (programme_url && !/^https?:\/\/\S+$/u.test(programme_url))
    f.add('programme_url', 'localgov.field.programmeUrl', 'localgov.problem.url');
  if (programme !== 'yes' && (programme_title || programme_date || programme_url))
    f.add('programme', 'localgov.field.programme', 'localgov.problem.programmeDetails');
  const coordinator = yesNo(f, 'coordinator');
  const clauses_count = count(f, 'clauses_count', 'localgov.field.clausesCount', 100_000);
  const clauses_value_pln = count(f, 'clauses_value_pln', 'localgov.field.clausesValue', 1_000_000_000_000);
  const kindsRaw = values.clause_kinds;
  const kinds = (Array.isArray(kindsRaw) ? kindsRaw : typeof kindsRaw === 'string' && kindsRaw !== '' ? [kindsRaw] : []).filter(
    (k): k is (typeof CLAUSE_KINDS)[number] => (CLAUSE_KINDS as readonly unknown[]).includes(k),
  );
  const tasks_count = count(f, 'tasks_count', 'localgov.field.tasksCount', 100_000);
  const tasks_value_pln = count(f, 'tasks_value_pln', 'localgov.field.tasksValue', 1_000_000_000_000);
  const other_forms = f.text('other_forms') || null;
  if (other_forms && other_forms.length > 2000) f.add('other_forms', 'localgov.field.otherForms', 'validation.tooLong', { count: 2000 });
  const founded = await checkEntityNames(ctx, f, 'founded_entities', 'localgov.field.foundedEntities');
  const source = f.required('source', 'localgov.field.source', { max: 500 });
  f.assertValid();
  return {
    unit_teryt: unit!.teryt,
    year,
    programme,
    programme_title,
    programme_date,
    programme_url,
    coordinator,
    clauses_count,
    clauses_value_pln,
    clause_kinds: kinds.length ? CLAUSE_KINDS.filter((k) => kinds.includes(k)).join(',') : null,
    tasks_count,
    tasks_value_pln,
    other_forms,
    founded_entity_ids: founded ? JSON.stringify(founded) : null,
    source,
  };
}

const cooperationTable: SavedTable<CooperationInput, CooperationRow> & RemovedTable<CooperationRow> = {
  subjectType: 'localgov_cooperation',
  find: repo.findOne,
  created: 'localgov.cooperation.create',
  updated: 'localgov.cooperation.update',
  insert: repo.insert,
  update: repo.update,
  removed: 'localgov.cooperation.delete',
  remove: repo.remove,
  changes: (before) => ({ unit_teryt: { before: before.unit_teryt, after: null }, year: { before: before.year, after: null } }),
};

/** Saves a new record (id null) or changes one; a unit has one record per year. Returns the record's id. */
export async function saveCooperation(
  ctx: ModuleContext,
  id: string | null,
  values: Record<string, unknown>,
  actor: Actor,
): Promise<string> {
  const input = await checkCooperationForm(ctx, values, await unitOptions(ctx, 'pl'), warsawYear(ctx.clock));
  return saveAudited(ctx, cooperationTable, id, input, actor, async (existing) => {
    const clash = await repo.findByUnitYear(ctx.db, input.unit_teryt, input.year);
    if (clash && clash.id !== existing?.id) throw new AppError('localgov.duplicate');
  });
}

export async function removeCooperation(ctx: ModuleContext, id: string, actor: Actor): Promise<void> {
  await removeAudited(ctx, cooperationTable, id, actor);
}

export async function getCooperation(ctx: ModuleContext, id: string): Promise<CooperationRow> {
  return findOrNotFound(ctx, cooperationTable, id);
}

export interface TableRow extends CooperationRow {
  unitLabel: string;
  /** False for a unit known only from the survey (no staff record: nothing to open in the staff list). */
  fromRecord: boolean;
  /** Example survey values were used (labelled in the source too). */
  isExample?: boolean;
}

/** The staff records of a year, in Polish order of the unit's label. */
export async function recordsOfYear(ctx: ModuleContext, year: number, lang: Lang): Promise<TableRow[]> {
  const [rows, units] = await Promise.all([repo.listByYear(ctx.db, year), unitOptions(ctx, lang)]);
  const label = new Map(units.map((u) => [u.teryt, u.label]));
  return rows.map((r) => ({ ...r, unitLabel: label.get(r.unit_teryt) ?? r.unit_teryt, fromRecord: true })).sort(byLabel);
}

function byLabel(a: TableRow, b: TableRow): number {
  return polishCollator.compare(a.unitLabel, b.unitLabel) || a.unit_teryt.localeCompare(b.unit_teryt);
}

/**
 * A staff record and the approved survey values of the same unit and year as one row: a value the
 * record gives (entered by staff from its source) stands; the survey fills what the record leaves
 * unknown, and its round joins the sources. Example survey values are labelled in the source.
 */
export function mergeRow(record: CooperationRow | null, figures: SurveyFigures | null, unitLabel: string, lang: Lang): TableRow {
  const base: CooperationRow = record ?? {
    id: `survey-${figures!.teryt}-${figures!.year}`,
    unit_teryt: figures!.teryt,
    year: figures!.year,
    ...EMPTY_COOPERATION,
    created_at: '',
    updated_at: '',
    updated_by: null,
  };
  const row: TableRow = { ...base, unitLabel, fromRecord: record !== null };
  if (!figures) return row;
  let used = false;
  for (const m of SURVEY_MEASURES) {
    const v = figures.values[m];
    if (v === undefined || row[m] !== null) continue;
    (row as unknown as Record<string, unknown>)[m] = v;
    used = true;
  }
  if (used) {
    row.isExample = figures.isExample;
    const extra = figures.sources.join('; ') + (figures.isExample ? ` (${translator(lang)('localgov.exampleData')})` : '');
    row.source = row.source ? `${row.source}; ${extra}` : extra;
  }
  return row;
}

/** The year's table: staff records and approved survey values, in Polish order of the unit's label. */
export async function tableOfYear(ctx: Pick<ModuleContext, 'db'>, year: number, lang: Lang): Promise<TableRow[]> {
  const [rows, units, figures] = await Promise.all([repo.listByYear(ctx.db, year), unitOptions(ctx, lang), surveyFigures(ctx, lang, year)]);
  const label = new Map(units.map((u) => [u.teryt, u.label]));
  const fig = new Map(figures.map((f) => [f.teryt, f]));
  const out = rows.map((r) => mergeRow(r, fig.get(r.unit_teryt) ?? null, label.get(r.unit_teryt) ?? r.unit_teryt, lang));
  const recorded = new Set(rows.map((r) => r.unit_teryt));
  for (const f of figures) if (!recorded.has(f.teryt)) out.push(mergeRow(null, f, label.get(f.teryt) ?? f.teryt, lang));
  return out.sort(byLabel);
}

/** The years with records or approved survey values, newest first; the current year when there are none. */
export async function yearsWithRecords(ctx: ModuleContext): Promise<number[]> {
  const [ys, figures] = await Promise.all([repo.years(ctx.db), surveyFigures(ctx, 'pl')]);
  const all = [...new Set([...ys, ...figures.map((f) => f.year)])].sort((a, b) => b - a);
  return all.length ? all : [warsawYear(ctx.clock)];
}

/** A unit's newest year, record and survey merged (for its profile card); null when nothing is known. */
export async function latestOfUnit(ctx: ModuleContext, teryt: string, lang: Lang = 'pl'): Promise<TableRow | null> {
  const [records, figures] = await Promise.all([repo.listOfUnit(ctx.db, teryt), surveyFigures(ctx, lang)]);
  const mine = figures.filter((f) => f.teryt === teryt);
  const year = Math.max(-1, ...records.map((r) => r.year), ...mine.map((f) => f.year));
  if (year < 0) return null;
  return mergeRow(records.find((r) => r.year === year) ?? null, mine.find((f) => f.year === year) ?? null, teryt, lang);
}

/** Form values of a record (for editing): the founded entities by name, one per line. */
export async function formValues(ctx: ModuleContext, r: CooperationRow, units: readonly UnitOption[]): Promise<Record<string, string>> {
  const s = (v: string | number | null) => (v === null ? '' : String(v));
  return {
    unit: units.find((u) => u.teryt === r.unit_teryt)?.label ?? '',
    year: String(r.year),
    programme: s(r.programme),
    programme_title: s(r.programme_title),
    programme_date: s(r.programme_date),
    programme_url: s(r.programme_url),
    coordinator: s(r.coordinator),
    clauses_count: s(r.clauses_count),
    clauses_value_pln: s(r.clauses_value_pln),
    clause_kinds: s(r.clause_kinds),
    tasks_count: s(r.tasks_count),
    tasks_value_pln: s(r.tasks_value_pln),
    other_forms: s(r.other_forms),
    founded_entities: await entityNamesText(ctx, r.founded_entity_ids),
    source: r.source,
  };
}
