// Loading the official CPV vocabulary (the EU's CPV 2008 file, CSV or XLSX, with a CODE column and
// one column per language: PL, EN, …) that an operator provides, since the full vocabulary with
// Polish labels is not shipped. Each code is checked with the offers' CPV rule (format and check
// digit); refused rows are reported with their line; re-importing the same file changes nothing and
// a newer one rewrites labels. Pages then show the Polish label next to a code the table knows.
import { readSpreadsheetFile } from '../../../core/csv/index.js';
import { nowIso } from '../../../core/db/time.js';
import type { Problem } from '../../../core/errors/app-error.js';
import type { ModuleContext } from '../../../core/module.js';
import type { T } from '../../../i18n/index.js';
import { isValidCpv, normaliseCpv } from '../offers.categories.js';
import { cpvRows, upsertCpv } from './cpv.repo.js';
import type { CpvCodesTable } from './cpv.tables.js';

export interface CpvRowProblem extends Problem {
  line: number;
}

export interface CpvImportOutcome {
  /** Data rows read. */
  total: number;
  added: number;
  updated: number;
  unchanged: number;
  refused: number;
  /** Problems with the whole file (unreadable, a missing column): nothing was saved. */
  fileProblems: Problem[];
  problems: CpvRowProblem[];
}

/** Reads the file, checks every row and saves the valid ones (inserted or labels updated). */
export async function importCpvFile(ctx: ModuleContext, data: Buffer): Promise<CpvImportOutcome> {
  const outcome: CpvImportOutcome = { total: 0, added: 0, updated: 0, unchanged: 0, refused: 0, fileProblems: [], problems: [] };
  const sheet = await readSpreadsheetFile(data);
  if (sheet === null) {
    outcome.fileProblems.push({ key: 'offers.cpvImport.errors.unreadable' });
    return outcome;
  }
  const column = (name: string) => sheet.headers.findIndex((h) => h.trim().toUpperCase() === name);
  const [code, pl, en] = [column('CODE'), column('PL'), column('EN')];
  for (const [index, name] of [
    [code, 'CODE'],
    [pl, 'PL'],
  ] as const)
    if (index < 0) outcome.fileProblems.push({ key: 'offers.cpvImport.errors.missingColumn', params: { column: name } });
  if (sheet.rows.length === 0) outcome.fileProblems.push({ key: 'offers.cpvImport.errors.noRows' });
  if (outcome.fileProblems.length) return outcome;

  outcome.total = sheet.rows.length;
  const valid = new Map<string, { line: number; labelPl: string; labelEn: string | null }>();
  for (const { line, cells } of sheet.rows) {
    const raw = (cells[code] ?? '').trim();
    const labelPl = (cells[pl] ?? '').trim();
    const labelEn = en < 0 ? null : (cells[en] ?? '').trim() || null;
    const normalised = normaliseCpv(raw);
    let problem: Problem | null = null;
    if (normalised === null) problem = { key: 'offers.validation.cpvFormat', params: { code: raw.slice(0, 20) } };
    else if (!isValidCpv(normalised)) problem = { key: 'offers.validation.cpvCheckDigit', params: { code: normalised } };
    else if (labelPl === '') problem = { key: 'offers.cpvImport.errors.noLabel', params: { code: normalised } };
    else if (valid.has(normalised))
      problem = { key: 'offers.cpvImport.errors.duplicate', params: { code: normalised, line: valid.get(normalised)!.line } };
    if (problem) outcome.problems.push({ ...problem, line });
    else valid.set(normalised!, { line, labelPl, labelEn });
  }
  outcome.refused = outcome.problems.length;

  const existing = await cpvRows(ctx.db, [...valid.keys()]);
  const now = nowIso(ctx.clock);
  const changed: CpvCodesTable[] = [];
  for (const [c, v] of valid) {
    const old = existing.get(c);
    if (!old) outcome.added += 1;
    else if (old.label_pl === v.labelPl && old.label_en === v.labelEn) {
      outcome.unchanged += 1;
      continue;
    } else outcome.updated += 1;
    changed.push({ code: c, label_pl: v.labelPl, label_en: v.labelEn, updated_at: now });
  }
  if (changed.length) await ctx.db.transaction().execute((trx) => upsertCpv(trx, changed));
  return outcome;
}

/** The summary line of an import, counts with their plural forms. */
export function cpvSummary(t: T, file: string, o: CpvImportOutcome): string {
  return t('offers.cpvImport.summary', {
    file,
    count: o.total,
    added: o.added,
    updated: o.updated,
    unchanged: o.unchanged,
    refused: o.refused,
  });
}

/** The Polish labels of the codes the vocabulary table holds (absent codes are left out). */
export async function cpvLabels(ctx: ModuleContext, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await cpvRows(ctx.db, codes);
  return new Map([...rows].map(([c, r]) => [c, r.label_pl]));
}
