// Rules of the OWES subregions: the seeded 2024–2026 grouping with its basis (sources for two
// subregions, stated assumptions for the other two: data/reference/PROVENANCE.md §6), which subregion
// a powiat (and so a gmina) belongs to on a given day, and the coordinators' edits — a subregion's
// name, period and member powiaty, a new period copied from an existing one, removal. A powiat may
// belong to one subregion per day only; every edit is checked against that and recorded in the audit log.
import { newId } from '../../core/db/ids.js';
import { cachedUntilWrite } from '../../core/db/write-cache.js';
import { nowIso } from '../../core/db/time.js';
import { AppError, type Problem } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { readReferenceCsv } from '../../core/data/reference.js';
import { isCalendarDay } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import { polishCollator } from '../../core/db/collation.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import * as repo from './territory.repo.js';
import type { Executor, SubregionRow } from './territory.repo.js';
import { isCityPowiat, periodContains, periodsOverlap, POWIAT_PATTERN } from './units.js';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

/**
 * Why a seeded subregion has its powiaty: `sources` are keys of data/reference/zrodla_programu_es.csv;
 * `assumption` says what was assumed where no source covers 2024–2026 (`unchanged`: the area a
 * source gives for 2019–2022, kept; `remainder`: the powiaty no other subregion covers).
 */
export interface SeedBasis {
  sources: readonly string[];
  assumption: 'unchanged' | 'remainder' | null;
}

/** The grouping of the 2024–2026 funding period (OWES in kujawsko-pomorskie), by powiat TERYT. */
export const SEEDED_PERIOD = { from: '2024-01-01', to: '2026-12-31' } as const;
export const SEEDED_SUBREGIONS: readonly {
  code: string;
  name_pl: string;
  name_en: string;
  powiaty: readonly string[];
  basis: SeedBasis;
}[] = [
  // aleksandrowski, chełmiński, lipnowski, toruński, m. Toruń
  {
    code: 'torun',
    name_pl: 'Subregion toruński',
    name_en: 'Toruń area',
    powiaty: ['0401', '0404', '0408', '0415', '0463'],
    basis: { sources: ['K30'], assumption: 'unchanged' },
  },
  // inowrocławski, mogileński, radziejowski, żniński, włocławski, m. Włocławek
  {
    code: 'wloclawek-inowroclaw',
    name_pl: 'Subregion włocławsko-inowrocławski',
    name_en: 'Włocławek–Inowrocław area',
    powiaty: ['0407', '0409', '0411', '0419', '0418', '0464'],
    basis: { sources: ['K32', 'K31'], assumption: null },
  },
  // brodnicki, golubsko-dobrzyński, grudziądzki, m. Grudziądz, rypiński, wąbrzeski, świecki
  {
    code: 'grudziadz',
    name_pl: 'Subregion grudziądzki',
    name_en: 'Grudziądz area',
    powiaty: ['0402', '0405', '0406', '0462', '0412', '0417', '0414'],
    basis: { sources: ['K33'], assumption: null },
  },
  // bydgoski, nakielski, sępoleński, tucholski, m. Bydgoszcz
  {
    code: 'bydgoszcz',
    name_pl: 'Subregion bydgoski',
    name_en: 'Bydgoszcz area',
    powiaty: ['0403', '0410', '0413', '0416', '0461'],
    basis: { sources: [], assumption: 'remainder' },
  },
];

/** A seeded subregion's basis with the sources' addresses, for the coordinators' page. */
export interface SubregionBasis {
  sources: { key: string; address: string }[];
  assumption: SeedBasis['assumption'];
}

let sourceAddresses: Map<string, string> | null = null;

/**
 * The basis of a subregion exactly as the seed loaded it (same code, period and powiaty); null for
 * one a coordinator added or changed since — then it is their data, and its basis is theirs to know.
 */
export function seededBasis(s: Pick<Subregion, 'code' | 'valid_from' | 'valid_to' | 'powiaty'>): SubregionBasis | null {
  const seeded = SEEDED_SUBREGIONS.find((x) => x.code === s.code);
  if (!seeded || s.valid_from !== SEEDED_PERIOD.from || s.valid_to !== SEEDED_PERIOD.to) return null;
  if ([...s.powiaty].sort().join() !== [...seeded.powiaty].sort().join()) return null;
  // the file ships with the code and never changes while the process runs: read it once
  sourceAddresses ??= new Map(readReferenceCsv<{ key: string; address: string }>('zrodla_programu_es.csv').map((r) => [r.key, r.address]));
  const addresses = sourceAddresses;
  return { sources: seeded.basis.sources.map((key) => ({ key, address: addresses.get(key) ?? key })), assumption: seeded.basis.assumption };
}

const SEED_KEY = 'territory.subregions_seeded';

export interface Subregion extends SubregionRow {
  /** Member powiaty (4-digit TERYT), in code order. */
  powiaty: string[];
}

/**
 * Loads the 2024–2026 grouping once. Afterwards the coordinators own the data: a later reference
 * reload never brings back a subregion they removed or undoes their changes.
 */
export async function seedSubregions(ctx: ModuleContext): Promise<string> {
  const summary = (added: number) =>
    `OWES subregions ${SEEDED_PERIOD.from}–${SEEDED_PERIOD.to}: ${SEEDED_SUBREGIONS.length} (${added} new)`;
  if (await ctx.settings.get<boolean>(SEED_KEY, false)) return summary(0);
  const now = nowIso(ctx.clock);
  let added = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const s of SEEDED_SUBREGIONS) {
      const row = {
        id: newId(),
        code: s.code,
        name_pl: s.name_pl,
        name_en: s.name_en,
        valid_from: SEEDED_PERIOD.from,
        valid_to: SEEDED_PERIOD.to,
        created_at: now,
        updated_at: now,
      };
      if (await repo.insertSubregionIfAbsent(trx, row, s.powiaty)) added += 1;
    }
  });
  await ctx.settings.set(SEED_KEY, true);
  return summary(added);
}

/**
 * The subregions with their powiaty, kept until the subregions are written (core/db/write-cache.ts):
 * entity pages, profiles, the catalogue and the support finder all ask on every view. The list is
 * shared: callers copy before sorting or changing it.
 */
export function listSubregionsWithMembers(ctx: Pick<ModuleContext, 'db' | 'database'>): Promise<readonly Subregion[]> {
  return cachedUntilWrite(ctx, ['subregions', 'subregion_members'], 'subregions-with-members', async () => {
    const [rows, members] = await Promise.all([repo.listSubregions(ctx.db), repo.listSubregionMembers(ctx.db)]);
    const byId = new Map<string, string[]>();
    for (const m of members) byId.set(m.subregion_id, [...(byId.get(m.subregion_id) ?? []), m.powiat_teryt]);
    return rows.map((r) => ({ ...r, powiaty: byId.get(r.id) ?? [] }));
  });
}

/** powiat TERYT → the subregion it belongs to on `day` (first by start date if data overlaps). */
export function subregionOfPowiat(subregions: readonly Subregion[], day: string): Map<string, Subregion> {
  const out = new Map<string, Subregion>();
  const valid = subregions
    .filter((s) => periodContains({ from: s.valid_from, to: s.valid_to }, day))
    .sort((a, b) => a.valid_from.localeCompare(b.valid_from));
  for (const s of valid) for (const p of s.powiaty) if (!out.has(p)) out.set(p, s);
  return out;
}

export interface Period {
  from: string;
  to: string | null;
  subregions: readonly Subregion[];
  /** Powiaty of the voivodeship that no subregion of this period covers. */
  uncovered: string[];
  /** Powiaty in more than one subregion of this period. */
  doubled: string[];
}

/** Subregions grouped by their exact period, newest first, with a coverage check of each period. */
export function groupPeriods(subregions: readonly Subregion[], allPowiaty: readonly string[], lang: 'pl' | 'en'): Period[] {
  const groups = new Map<string, Subregion[]>();
  for (const s of subregions) {
    const key = `${s.valid_from}|${s.valid_to ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.entries()]
    .map(([key, list]) => {
      const [from, to] = key.split('|') as [string, string];
      const count = new Map<string, number>();
      for (const s of list) for (const p of s.powiaty) count.set(p, (count.get(p) ?? 0) + 1);
      return {
        from,
        to: to === '' ? null : to,
        subregions: [...list].sort((a, b) =>
          polishCollator.compare(lang === 'pl' ? a.name_pl : a.name_en, lang === 'pl' ? b.name_pl : b.name_en),
        ),
        uncovered: allPowiaty.filter((p) => !count.has(p)),
        doubled: [...count.entries()].filter(([, n]) => n > 1).map(([p]) => p),
      };
    })
    .sort((a, b) => b.from.localeCompare(a.from));
}

// --- editing ----------------------------------------------------------------------------------

export interface SubregionInput {
  code: string;
  name_pl: string;
  name_en: string;
  valid_from: string;
  valid_to: string | null;
  powiaty: string[];
}

/** Form values as arrays are sent for checkboxes; one box ticked arrives as a single string. */
export function listValue(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' && v !== '' ? [v] : [];
}

function checkPeriod(f: FormChecker): { from: string; to: string | null } {
  const from = f.text('valid_from');
  const to = f.text('valid_to');
  if (from === '') f.add('valid_from', 'territory.admin.validFrom', 'validation.required');
  else if (!isCalendarDay(from)) f.add('valid_from', 'territory.admin.validFrom', 'territory.admin.problem.date');
  if (to !== '' && !isCalendarDay(to)) f.add('valid_to', 'territory.admin.validTo', 'territory.admin.problem.date');
  else if (to !== '' && isCalendarDay(from) && to < from)
    f.add('valid_to', 'territory.admin.validTo', 'territory.admin.problem.endBeforeStart');
  return { from, to: to === '' ? null : to };
}

/**
 * Checks a subregion form. `others` are the existing subregions except the one being edited; a
 * ticked powiat that already belongs to one of them in an overlapping period is refused, naming
 * the subregion, so the coordinator knows which one to change first.
 */
export function checkSubregionForm(
  values: Record<string, unknown>,
  ctx: { powiaty: ReadonlyMap<string, string>; others: readonly Subregion[]; lang: 'pl' | 'en' },
): { input: SubregionInput; problems: Problem[] } {
  const f = new FormChecker(values);
  const code = f.required('code', 'territory.admin.code', { max: 40 });
  if (code !== '' && !f.hasProblem('code') && !/^[a-z0-9]+(-[a-z0-9]+)*$/u.test(code))
    f.add('code', 'territory.admin.code', 'territory.admin.problem.code');
  const name_pl = f.required('name_pl', 'territory.admin.namePl', { max: 120 });
  const name_en = f.required('name_en', 'territory.admin.nameEn', { max: 120 });
  const period = checkPeriod(f);
  const powiaty = [...new Set(listValue(values.powiaty))];
  if (powiaty.length === 0) f.add('powiaty', 'territory.admin.powiaty', 'territory.admin.problem.noPowiaty');
  else if (powiaty.some((p) => !POWIAT_PATTERN.test(p) || !ctx.powiaty.has(p)))
    f.add('powiaty', 'territory.admin.powiaty', 'territory.admin.problem.unknownPowiat');
  if (!f.hasProblem('valid_from') && !f.hasProblem('valid_to')) {
    for (const other of ctx.others) {
      if (!periodsOverlap(period, { from: other.valid_from, to: other.valid_to })) continue;
      if (other.code === code && !f.hasProblem('code'))
        f.add('code', 'territory.admin.code', 'territory.admin.problem.codeTaken', { period: other.valid_from });
      const shared = powiaty.filter((p) => other.powiaty.includes(p));
      if (shared.length > 0) {
        f.add('powiaty', 'territory.admin.powiaty', 'territory.admin.problem.powiatTaken', {
          powiaty: shared.map((p) => ctx.powiaty.get(p) ?? p).join(', '),
          subregion: ctx.lang === 'pl' ? other.name_pl : other.name_en,
          from: other.valid_from,
          to: other.valid_to ?? '…',
        });
      }
    }
  }
  const input = { code, name_pl, name_en, valid_from: period.from, valid_to: period.to, powiaty: powiaty.sort() };
  return { input, problems: f.problems };
}

/** The form values of an existing subregion. */
export function subregionFormValues(s: Subregion): Record<string, string | string[]> {
  return { code: s.code, name_pl: s.name_pl, name_en: s.name_en, valid_from: s.valid_from, valid_to: s.valid_to ?? '', powiaty: s.powiaty };
}

/** Display names of the powiaty (the same in both languages: they are proper names). */
async function powiatNames(ctx: ModuleContext): Promise<Map<string, string>> {
  const rows = await repo.listUnits(ctx.db, 'powiat');
  return new Map(rows.map((r) => [r.teryt, isCityPowiat(r.teryt) ? r.name : `powiat ${r.name}`]));
}

export async function getSubregion(ctx: ModuleContext, id: string): Promise<Subregion> {
  const all = await listSubregionsWithMembers(ctx);
  const found = all.find((s) => s.id === id);
  if (!found) throw new AppError('http.not_found');
  return found;
}

/** Creates (id null) or updates a subregion; throws `http.validation` with every problem. */
export async function saveSubregion(
  ctx: ModuleContext,
  id: string | null,
  values: Record<string, unknown>,
  lang: 'pl' | 'en',
  actor: Actor,
): Promise<string> {
  const all = await listSubregionsWithMembers(ctx);
  const before = id ? all.find((s) => s.id === id) : undefined;
  if (id && !before) throw new AppError('http.not_found');
  const { input, problems } = checkSubregionForm(values, { powiaty: await powiatNames(ctx), others: all.filter((s) => s.id !== id), lang });
  if (problems.length > 0) throw new AppError('http.validation', {}, problems);
  const now = nowIso(ctx.clock);
  const { powiaty, ...fields } = input;
  const savedId = id ?? newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (before) await repo.updateSubregion(trx, savedId, { ...fields, updated_at: now }, powiaty);
    else await repo.insertSubregion(trx, { id: savedId, ...fields, created_at: now, updated_at: now }, powiaty);
    await audit(
      trx,
      ctx,
      actor,
      before ? 'territory.subregion.update' : 'territory.subregion.create',
      savedId,
      before ? diff(before, input) : diff(null, input),
    );
  });
  return savedId;
}

export async function removeSubregion(ctx: ModuleContext, id: string, actor: Actor): Promise<void> {
  const before = await getSubregion(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSubregion(trx, id);
    await audit(trx, ctx, actor, 'territory.subregion.delete', id, diff(before, null));
  });
}

/**
 * A new funding period: the subregions of an existing period copied with new dates, for the
 * coordinator to adjust. Refused when the new dates overlap the period being copied (a powiat
 * would then sit in two subregions at once) or any other subregion of its powiaty.
 */
export async function createPeriod(ctx: ModuleContext, values: Record<string, unknown>, actor: Actor): Promise<number> {
  const f = new FormChecker(values);
  const period = checkPeriod(f);
  const all = await listSubregionsWithMembers(ctx);
  const copyFrom = f.text('copy_from');
  const template = all.filter((s) => `${s.valid_from}|${s.valid_to ?? ''}` === copyFrom);
  if (copyFrom === '' || template.length === 0) f.add('copy_from', 'territory.admin.copyFrom', 'territory.admin.problem.chooseTemplate');
  if (f.problems.length === 0) {
    const clash = all.find((s) => periodsOverlap(period, { from: s.valid_from, to: s.valid_to }) && s.powiaty.length > 0);
    if (clash)
      f.add('valid_from', 'territory.admin.validFrom', 'territory.admin.problem.periodOverlap', {
        from: clash.valid_from,
        to: clash.valid_to ?? '…',
      });
  }
  f.assertValid();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    for (const s of template) {
      const id = newId();
      const row = {
        id,
        code: s.code,
        name_pl: s.name_pl,
        name_en: s.name_en,
        valid_from: period.from,
        valid_to: period.to,
        created_at: now,
        updated_at: now,
      };
      await repo.insertSubregion(trx, row, s.powiaty);
      await audit(trx, ctx, actor, 'territory.subregion.create', id, diff(null, { ...row, powiaty: s.powiaty }), { copiedFrom: s.id });
    }
  });
  return template.length;
}

type Snapshot = Pick<SubregionInput, 'code' | 'name_pl' | 'name_en' | 'valid_from' | 'valid_to' | 'powiaty'>;

function diff(before: Snapshot | null, after: Snapshot | null): Record<string, { before: unknown; after: unknown }> {
  const keys: (keyof Snapshot)[] = ['code', 'name_pl', 'name_en', 'valid_from', 'valid_to', 'powiaty'];
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of keys) {
    const b = before ? before[k] : null;
    const a = after ? after[k] : null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: b, after: a };
  }
  return out;
}

async function audit(
  trx: Executor,
  ctx: ModuleContext,
  actor: Actor,
  action: string,
  subjectId: string,
  changes: Record<string, { before: unknown; after: unknown }>,
  meta?: Record<string, unknown>,
): Promise<void> {
  await recordAudit(trx, { ...actor, action, subjectType: 'subregion', subjectId, changes, ...(meta ? { meta } : {}) }, ctx.clock);
}
