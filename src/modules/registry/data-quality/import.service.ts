// Rules of the entity import, shared by the CLI and the web: what each cell must look like, which
// rows are refused and why (bad identifiers, unknown TERYT or legal form, hard and suspected
// duplicates against the register and within the file), and the commit in one transaction per
// batch. A dry run is the same run without the inserts, so the report staff read before importing
// is the report the import produces (except for rows someone else added in between).
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvSyntaxError, readSpreadsheetCsv, type CsvRow, type SpreadsheetCsv } from '../../../core/csv/index.js';
import { polishSortKey } from '../../../core/db/collation.js';
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import type { ModuleContext } from '../../../core/module.js';
import { calendarDay, warsawToday } from '../../../core/time/index.js';
import { translator, type TKey } from '../../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../../audit/index.js';
import { listUnits } from '../../territory/index.js';
import { isValidKrs, isValidNip, isValidRegon, normaliseIdentifier } from '../entity/identifiers.js';
import { IMPORT_FIELDS, initialMapping, normaliseHeader, type ImportField, type Mapping } from './import.parse.js';
import { entityNameKey } from '../entity/name-key.js';
import * as quality from './quality.repo.js';
import * as repo from '../entity/registry.repo.js';
import { entitySearchDocument, unitNames } from '../entity/registry.service.js';
import { LEGAL_FORMS, type LegalForm } from '../entity/registry.tables.js';

export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
export const DEFAULT_BATCH = 1000;

/** i18n label of each import field (the mapping step and the report use the same one). */
export const IMPORT_FIELD_LABELS: Record<ImportField, TKey> = {
  name: 'registryImport.field.name',
  short_name: 'registryImport.field.short_name',
  legal_form: 'registryImport.field.legal_form',
  nip: 'registryImport.field.nip',
  regon: 'registryImport.field.regon',
  krs: 'registryImport.field.krs',
  gmina_teryt: 'registryImport.field.gmina_teryt',
  town: 'registryImport.field.town',
  address: 'registryImport.field.address',
  email: 'registryImport.field.email',
  phone: 'registryImport.field.phone',
  website: 'registryImport.field.website',
  description: 'registryImport.field.description',
  sectors: 'registryImport.field.sectors',
  registration_date: 'registryImport.field.registration_date',
  creating_body: 'registryImport.field.creating_body',
  source_url: 'registryImport.field.source_url',
  verified_at: 'registryImport.field.verified_at',
};

/** Longest accepted text per field (the same limits as the admin form). */
const MAX_CHARS: Partial<Record<ImportField, number>> = {
  name: 300,
  short_name: 200,
  description: 5000,
  email: 254,
  phone: 50,
  town: 200,
  address: 300,
  website: 500,
  source_url: 500,
  creating_body: 300,
  sectors: 1000,
};

export interface RowProblem {
  /** The line of the file the row starts on (1 = the header), as in a spreadsheet. */
  row: number;
  field: ImportField | null;
  key: TKey;
  params?: Record<string, string | number>;
}

export interface FileProblem {
  key: TKey;
  params?: Record<string, string | number>;
}

export interface ImportOutcome {
  total: number;
  ok: number;
  refused: number;
  imported: number;
  problems: RowProblem[];
  fileProblems: FileProblem[];
}

export interface ImportOptions {
  fileName: string;
  dryRun: boolean;
  actor: Actor;
  batchSize?: number;
  /** The web job this run belongs to (named in the audit entry). */
  importId?: string;
  /** Called after each batch with the rows processed and imported so far (awaited: the web job stores it). */
  onProgress?: (done: number, total: number, imported: number) => unknown;
}

// --- legal forms ------------------------------------------------------------------------------

/** Other names found in spreadsheets, by form; used only for forms the register has. */
const FORM_ALIASES: Record<string, readonly string[]> = {
  spoldzielnia_socjalna: ['social cooperative'],
  fundacja: ['foundation'],
  stowarzyszenie: ['stowarzyszenie rejestrowe', 'stowarzyszenie zwykle', 'association'],
  spolka_non_profit: [
    'spolka non profit',
    'spolka z o o non profit',
    'sp z o o non profit',
    'spolka z ograniczona odpowiedzialnoscia non profit',
    'spolka akcyjna non profit',
    's a non profit',
    'non profit company',
  ],
  cis: ['cis', 'centrum integracji spolecznej'],
  kis: ['kis', 'klub integracji spolecznej'],
  zaz: ['zaz', 'zaklad aktywnosci zawodowej'],
  wtz: ['wtz', 'warsztat terapii zajeciowej', 'warsztaty terapii zajeciowej'],
  kolo_gospodyn_wiejskich: ['kgw', 'kolo gospodyn wiejskich'],
  ochotnicza_straz_pozarna: ['osp', 'ochotnicza straz pozarna'],
  koscielna_osoba_prawna: ['koscielna osoba prawna', 'church legal person'],
  klub_sportowy_non_profit: ['klub sportowy', 'klub sportowy non profit', 'uczniowski klub sportowy'],
  inna: ['inna', 'inna forma', 'other'],
};

let formIndex: Map<string, LegalForm> | null = null;

/** Every way a form may be written (code, Polish and English label, aliases), normalised. */
function legalFormIndex(): Map<string, LegalForm> {
  if (formIndex) return formIndex;
  const index = new Map<string, LegalForm>();
  const [pl, en] = [translator('pl'), translator('en')];
  for (const form of LEGAL_FORMS) {
    const key = `registry.legalForm.${form}` as TKey;
    for (const name of [form, pl(key), en(key), ...(FORM_ALIASES[form] ?? [])]) {
      const n = normaliseHeader(name);
      if (n !== '' && !n.startsWith('registry ')) index.set(n, form);
    }
  }
  formIndex = index;
  return index;
}

/** The form a cell names: exactly, or by its beginning ("Stowarzyszenie Kultury Fizycznej"); null when unknown. */
export function legalFormFromText(text: string): LegalForm | null {
  const n = normaliseHeader(text);
  const index = legalFormIndex();
  const exact = index.get(n);
  if (exact) return exact;
  let best: { len: number; form: LegalForm } | null = null;
  for (const [alias, form] of index) {
    if (alias.length > 3 && n.startsWith(`${alias} `) && (!best || alias.length > best.len)) best = { len: alias.length, form };
  }
  return best?.form ?? null;
}

// --- one row ------------------------------------------------------------------------------------

export interface ImportInput {
  name: string;
  short_name: string | null;
  legal_form: LegalForm;
  nip: string | null;
  regon: string | null;
  krs: string | null;
  gmina_teryt: string | null;
  town: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  description: string | null;
  sectors: string[];
  registration_date: string | null;
  creating_body: string | null;
  source_url: string | null;
  verified_at: string | null;
}

interface Candidate {
  row: number;
  input: ImportInput;
  /** entityNameKey(name), computed once (folding is the costly part of checking a row). */
  nameKey: string;
  problems: RowProblem[];
}

/** `YYYY-MM-DD`, `DD.MM.YYYY`, `DD-MM-YYYY` or `DD/MM/YYYY` of a real day, as ISO; null otherwise. */
export function parseDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
  const pl = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/u.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : pl ? [pl[3], pl[2], pl[1]] : [];
  if (!y || !m || !d) return null;
  return calendarDay(Number(y), Number(m), Number(d));
}

/** A website as typed; `www.example.pl` gets `https://` (spreadsheets rarely carry the scheme). */
function websiteOf(text: string): string | null {
  if (/^https?:\/\/\S+$/iu.test(text)) return text;
  if (/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(\/\S*)?$/u.test(text)) return `https://${text}`;
  return null;
}

/** A gmina code as typed; 6 digits starting with 4 lost their leading zero in a spreadsheet. */
function terytOf(text: string): string {
  const digits = text.replace(/[\s'"\u00a0]/gu, '');
  return /^4\d{5}$/u.test(digits) ? `0${digits}` : digits;
}

function readRow(rec: CsvRow, mapping: Mapping, gminy: ReadonlySet<string>): Candidate {
  const problems: RowProblem[] = [];
  const add = (field: ImportField | null, key: TKey, params?: Record<string, string | number>) =>
    problems.push({ row: rec.line, field, key, ...(params ? { params } : {}) });
  const raw = new Map<ImportField, string>();
  mapping.forEach((field, i) => {
    if (field) raw.set(field, (rec.cells[i] ?? '').replace(/\s+/gu, ' ').trim());
  });
  const text = (f: ImportField): string | null => {
    const v = raw.get(f) ?? '';
    if (v === '') return null;
    const max = MAX_CHARS[f];
    if (max !== undefined && [...v].length > max) {
      add(f, 'registryImport.problem.tooLong', { max });
      return null;
    }
    return v;
  };
  const name = text('name');
  if (name === null && (raw.get('name') ?? '') === '') add('name', 'registryImport.problem.missingName');

  const formText = raw.get('legal_form') ?? '';
  let legal: LegalForm = 'inna';
  if (formText !== '') {
    const found = legalFormFromText(formText);
    if (found) legal = found;
    else add('legal_form', 'registryImport.problem.unknownLegalForm', { value: formText.slice(0, 80) });
  }

  const ident = (f: 'nip' | 'regon' | 'krs', valid: (s: string) => boolean): string | null => {
    const v = raw.get(f) ?? '';
    if (v === '') return null;
    // "PL" before a NIP is the EU VAT form of the same number
    const d = normaliseIdentifier(f === 'nip' ? v.replace(/^PL/iu, '') : v);
    if (!d || !valid(d)) {
      add(f, `registryImport.problem.invalid_${f}`, { value: v.slice(0, 30) });
      return null;
    }
    return d;
  };
  const nip = ident('nip', isValidNip);
  const regon = ident('regon', isValidRegon);
  const krs = ident('krs', (s) => isValidKrs(s.padStart(10, '0')));

  let gmina: string | null = null;
  const terytText = raw.get('gmina_teryt') ?? '';
  if (terytText !== '') {
    const code = terytOf(terytText);
    if (gminy.has(code)) gmina = code;
    else add('gmina_teryt', 'registryImport.problem.unknownTeryt', { value: terytText.slice(0, 20) });
  }

  const email = text('email');
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u.test(email))
    add('email', 'registryImport.problem.invalidEmail', { value: email.slice(0, 60) });
  const url = (f: 'website' | 'source_url') => {
    const v = text(f);
    if (v === null) return null;
    const u = websiteOf(v);
    if (u === null) add(f, 'registryImport.problem.invalidUrl', { value: v.slice(0, 60) });
    return u;
  };
  const day = (f: 'registration_date' | 'verified_at') => {
    const v = text(f);
    if (v === null) return null;
    const d = parseDay(v);
    if (d === null) add(f, 'registryImport.problem.invalidDate', { value: v.slice(0, 20) });
    return d;
  };
  const sectorsText = text('sectors');
  const input: ImportInput = {
    name: name ?? '',
    short_name: text('short_name'),
    legal_form: legal,
    nip,
    regon,
    krs: krs === null ? null : krs.padStart(10, '0'),
    gmina_teryt: gmina,
    town: text('town'),
    address: text('address'),
    email,
    phone: text('phone'),
    website: url('website'),
    description: text('description'),
    sectors:
      sectorsText === null
        ? []
        : [
            ...new Set(
              sectorsText
                .split(/[;,|]/u)
                .map((s) => s.trim())
                .filter(Boolean),
            ),
          ],
    registration_date: day('registration_date'),
    creating_body: text('creating_body'),
    source_url: url('source_url'),
    verified_at: day('verified_at'),
  };
  return { row: rec.line, input, nameKey: entityNameKey(input.name), problems };
}

// --- the whole file -----------------------------------------------------------------------------

/** Problems that make the file unusable as mapped: nothing to read, no name column, one field twice. */
export function mappingProblems(headers: readonly string[], records: readonly CsvRow[], mapping: Mapping): FileProblem[] {
  const problems: FileProblem[] = [];
  if (headers.length === 0) return [{ key: 'registryImport.fileProblem.empty' }];
  if (records.length === 0) problems.push({ key: 'registryImport.fileProblem.noRows' });
  if (!mapping.includes('name')) problems.push({ key: 'registryImport.fileProblem.noName' });
  for (const f of IMPORT_FIELDS) {
    if (mapping.filter((m) => m === f).length > 1) problems.push({ key: 'registryImport.fileProblem.twice', params: { field: f } });
  }
  return problems;
}

const IDENTS = ['nip', 'regon', 'krs'] as const;

/** Same NIP/REGON/KRS or same name in the same gmina as an earlier row of the file. */
function fileDuplicates(candidates: Candidate[]): void {
  const seen = { nip: new Map<string, number>(), regon: new Map<string, number>(), krs: new Map<string, number>() };
  const names = new Map<string, number>();
  for (const c of candidates) {
    for (const f of IDENTS) {
      const v = c.input[f];
      if (v === null) continue;
      const first = seen[f].get(v);
      if (first !== undefined)
        c.problems.push({ row: c.row, field: f, key: 'registryImport.problem.duplicateInFile', params: { other: first } });
      else seen[f].set(v, c.row);
    }
    if (c.input.gmina_teryt && c.input.name) {
      const key = `${c.input.gmina_teryt}|${c.nameKey}`;
      const first = names.get(key);
      if (first !== undefined)
        c.problems.push({ row: c.row, field: 'name', key: 'registryImport.problem.suspectedInFile', params: { other: first } });
      else names.set(key, c.row);
    }
  }
}

/** Hard and suspected duplicates of a batch against the register. */
async function registerDuplicates(db: quality.Executor, batch: Candidate[]): Promise<void> {
  for (const f of IDENTS) {
    const values = batch.map((c) => c.input[f]).filter((v): v is string => v !== null);
    const found = await quality.existingIdentifiers(db, f, values);
    for (const c of batch) {
      const v = c.input[f];
      if (v !== null && found.has(v)) c.problems.push({ row: c.row, field: f, key: 'registryImport.problem.duplicateInRegister' });
    }
  }
  const withGmina = batch.filter((c) => c.input.gmina_teryt && c.input.name);
  const existing = await quality.existingNameKeys(
    db,
    withGmina.map((c) => c.nameKey),
  );
  for (const c of withGmina) {
    if (existing.has(`${c.input.gmina_teryt}|${c.nameKey}`))
      c.problems.push({ row: c.row, field: 'name', key: 'registryImport.problem.suspectedInRegister' });
  }
}

function toRow(input: ImportInput, ctxData: { now: string; dataSource: string; gminaNames: ReadonlyMap<string, string> }): repo.NewEntity {
  const row = {
    id: newId(),
    name: input.name,
    name_sort: polishSortKey(input.name),
    short_name: input.short_name,
    legal_form: input.legal_form,
    creating_body: input.creating_body,
    nip: input.nip,
    regon: input.regon,
    krs: input.krs,
    registration_date: input.registration_date,
    description: input.description,
    website: input.website,
    email: input.email,
    phone: input.phone,
    sectors: JSON.stringify(input.sectors),
    // a file says the entity is active as of its data; until staff check it, it is shown and
    // counted as "activity not verified since <the file's date>" (entity/activity-state.ts)
    lifecycle: 'active' as const,
    data_source: ctxData.dataSource,
    source_url: input.source_url,
    verified_at: input.verified_at,
    activity_verified_on: null,
    gmina_teryt: input.gmina_teryt,
    town: input.town,
    address: input.address,
    is_synthetic: false,
    created_at: ctxData.now,
    updated_at: ctxData.now,
  };
  return { ...row, search_doc: entitySearchDocument(row, input.gmina_teryt ? (ctxData.gminaNames.get(input.gmina_teryt) ?? null) : null) };
}

/**
 * Checks every row and, unless it is a dry run, imports the good ones: file-wide checks first,
 * then per batch (one transaction each) the checks against the register and the bulk insert.
 * Refused rows are reported, never half-saved.
 */
export async function runImport(
  ctx: ModuleContext,
  headers: readonly string[],
  records: readonly CsvRow[],
  mapping: Mapping,
  opts: ImportOptions,
): Promise<ImportOutcome> {
  const total = records.length;
  const fileProblems = mappingProblems(headers, records, mapping);
  if (fileProblems.length) return { total, ok: 0, refused: total, imported: 0, problems: [], fileProblems };

  const gminy = new Set((await listUnits(ctx.db, 'gmina')).map((g) => g.teryt));
  const candidates = records.map((r) => readRow(r, mapping, gminy));
  fileDuplicates(candidates);
  const gminaNames = await unitNames(ctx);
  const now = nowIso(ctx.clock);
  const dataSource = translator('pl')('registryImport.dataSource', { file: opts.fileName, date: warsawToday(ctx.clock) });
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  let imported = 0;
  let done = 0;
  try {
    for (let i = 0; i < candidates.length; i += batchSize) {
      const batch = candidates.slice(i, i + batchSize);
      const work = async (db: quality.Executor) => {
        await registerDuplicates(
          db,
          batch.filter((c) => c.problems.length === 0),
        );
        if (opts.dryRun) return 0;
        const rows = batch.filter((c) => c.problems.length === 0).map((c) => toRow(c.input, { now, dataSource, gminaNames }));
        await repo.insertEntities(db, rows);
        await repo.insertChanges(
          db,
          rows.map((r) => ({
            id: newId(),
            entity_id: r.id,
            at: now,
            user_id: opts.actor.actorId,
            field: 'import',
            old_value: null,
            new_value: opts.fileName,
          })),
        );
        return rows.length;
      };
      imported += opts.dryRun ? await work(ctx.db) : await ctx.db.transaction().execute(work);
      done += batch.length;
      await opts.onProgress?.(done, total, imported);
      // a long import shares the process with web requests
      await nextTurn();
    }
  } finally {
    if (imported > 0) {
      await recordAudit(
        ctx.db,
        {
          ...opts.actor,
          action: 'registry.import',
          subjectType: 'entity_import',
          subjectId: opts.importId ?? null,
          meta: { file: opts.fileName, imported, rows: total },
        },
        ctx.clock,
      );
    }
  }
  const problems = candidates.flatMap((c) => c.problems);
  const refused = candidates.filter((c) => c.problems.length > 0).length;
  return { total, ok: total - refused, refused, imported, problems, fileProblems: [] };
}

/** A problem as a sentence in the reader's language (CLI and web report). */
export function problemText(t: (key: TKey, params?: Record<string, string | number>) => string, p: RowProblem | FileProblem): string {
  const params = { ...(p.params ?? {}) };
  if ('field' in p && p.field) params.field = t(IMPORT_FIELD_LABELS[p.field]);
  if (!('row' in p) && typeof params.field === 'string' && (IMPORT_FIELDS as readonly string[]).includes(params.field))
    params.field = t(IMPORT_FIELD_LABELS[params.field as ImportField]);
  return t(p.key, params);
}

export interface FileImportOptions extends ImportOptions {
  /** `--map` choices by normalised header (see parseMapOptions). */
  overrides?: ReadonlyMap<string, ImportField | null>;
  /** Sees the headers before any row is checked; may throw (the CLI refuses a --map naming no header). */
  checkHeaders?: (headers: string[]) => void;
}

/** Bytes of a CSV file to an import (or a dry run): decode, parse, map the headers, run. */
export async function importEntitiesFile(
  ctx: ModuleContext,
  bytes: Buffer,
  opts: FileImportOptions,
): Promise<ImportOutcome & { encoding: string; delimiter: string; mapping: Mapping; headers: string[] }> {
  let parsed: SpreadsheetCsv;
  try {
    parsed = readSpreadsheetCsv(bytes);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    const problem: FileProblem = { key: 'registryImport.fileProblem.syntax', params: { line: err.line ?? '?' } };
    return {
      total: 0,
      ok: 0,
      refused: 0,
      imported: 0,
      problems: [],
      fileProblems: [problem],
      encoding: '',
      delimiter: '',
      mapping: [],
      headers: [],
    };
  }
  opts.checkHeaders?.(parsed.headers);
  const mapping = initialMapping(parsed.headers, opts.overrides);
  const outcome = await runImport(ctx, parsed.headers, parsed.rows, mapping, opts);
  return { ...outcome, encoding: parsed.encoding, delimiter: parsed.delimiter, mapping, headers: parsed.headers };
}
