// Rules of the purchase share for public buyers (issue 17, `/oferta/zakupy`): staff register the
// buyer institutions (name, powiat, NIP) and choose their representatives by name (a scoped role,
// granted and taken back through the accounts module, audited); a representative uploads the
// yearly spending (dry run first: the problems of every row by its line, nothing saved; a real run
// saves all rows or none, replacing that year's earlier file). A row counts as social economy
// spend when its NIP is a registry entity's; the PS status and the valid mark are those the
// registry shows today. The public sees only aggregates per powiat and year, where a figure
// resting on fewer than 5 rows is shown as "<5" (counts) or withheld (sums and shares).
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError, type Problem } from '../../../core/errors/app-error.js';
import type { Upload } from '../../../core/http/uploads.js';
import type { ModuleContext } from '../../../core/module.js';
import { warsawYear } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import { activeUserChoices, grantScopedRole, revokeScopedRole, scopedRoleHolders } from '../../accounts/index.js';
import { recordAudit, type AuditEntry } from '../../audit/index.js';
import { entitiesByNip, entityFacts, isValidNip, normaliseIdentifier } from '../../registry/index.js';
import { unitChoices } from '../offers.service.js';
import { readPurchaseFile, type PurchaseInput } from './purchases.import.js';
import { BUYER_ROLE, BUYER_SCOPE } from './purchases.policy.js';
import * as repo from './purchases.repo.js';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
export type BuyerRow = repo.BuyerRow;
export type PurchaseRow = repo.PurchaseRow;

/** Publicly, a figure resting on fewer rows than this is not shown. */
export const SUPPRESS_BELOW = 5;
export const FIRST_YEAR = 2015;

export const buyerPath = (b: { id: string }) => `/oferta/zakupy/${b.id}`;
export const adminBuyerPath = (b: { id: string }) => `/admin/oferta/zakupy/${b.id}`;

// --- buyer institutions (staff) ---------------------------------------------------------------------

export const listBuyers = (ctx: Pick<ModuleContext, 'db'>) => repo.listBuyers(ctx.db);

export async function getBuyer(ctx: Pick<ModuleContext, 'db'>, id: string): Promise<BuyerRow> {
  const b = await repo.findBuyer(ctx.db, id);
  if (!b) throw new AppError('offers.buyer_not_found');
  return b;
}

/** The buyers the user represents, by name. */
export async function buyersOf(ctx: Pick<ModuleContext, 'db'>, ids: readonly string[]): Promise<BuyerRow[]> {
  const wanted = new Set(ids);
  return (await repo.listBuyers(ctx.db)).filter((b) => wanted.has(b.id));
}

interface BuyerInput {
  name: string;
  powiat: string;
  nip: string | null;
}

async function checkBuyerInput(ctx: Pick<ModuleContext, 'db'>, body: Record<string, string>): Promise<BuyerInput> {
  const f = new FormChecker(body);
  const name = f.required('name', 'purchases.buyer.name', { max: 300, min: 3 });
  const powiat = f.text('powiat');
  if (!(await unitChoices(ctx)).powiaty.some((p) => p.teryt === powiat)) f.add('powiat', 'purchases.buyer.powiat', 'validation.required');
  const nipText = f.text('nip');
  const nip = nipText === '' ? null : normaliseIdentifier(nipText);
  if (nipText !== '' && (nip === null || !isValidNip(nip))) f.add('nip', 'purchases.buyer.nip', 'purchases.errors.nip');
  f.assertValid();
  return { name, powiat, nip };
}

export async function createBuyer(ctx: ModuleContext, body: Record<string, string>, actor: Actor): Promise<string> {
  const input = await checkBuyerInput(ctx, body);
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertBuyer(trx, { id, ...input, created_at: now, updated_at: now });
    await recordAudit(trx, { ...actor, action: 'purchases.buyer_create', subjectType: 'purchase_buyer', subjectId: id }, ctx.clock);
  });
  return id;
}

export async function updateBuyer(ctx: ModuleContext, id: string, body: Record<string, string>, actor: Actor): Promise<void> {
  const before = await getBuyer(ctx, id);
  const input = await checkBuyerInput(ctx, body);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, v] of Object.entries(input))
    if (before[k as keyof BuyerInput] !== v) changes[k] = { before: before[k as keyof BuyerInput], after: v };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateBuyer(trx, id, { ...input, updated_at: nowIso(ctx.clock) });
    await recordAudit(
      trx,
      { ...actor, action: 'purchases.buyer_update', subjectType: 'purchase_buyer', subjectId: id, changes },
      ctx.clock,
    );
  });
}

const grantOf = (buyerId: string) => ({ role: BUYER_ROLE, scopeType: BUYER_SCOPE, scopeId: buyerId }) as const;

export const representativesOf = (ctx: Pick<ModuleContext, 'db'>, buyerId: string) => scopedRoleHolders(ctx, grantOf(buyerId));
export const peopleChoices = (ctx: Pick<ModuleContext, 'db'>) => activeUserChoices(ctx);

/** Gives the chosen person (by name, from the active accounts) the representative role of this buyer. */
export async function addRepresentative(ctx: ModuleContext, buyerId: string, body: Record<string, string>, actor: Actor): Promise<void> {
  await getBuyer(ctx, buyerId);
  const f = new FormChecker(body);
  const userId = f.text('user_id');
  if (!(await activeUserChoices(ctx)).some((u) => u.id === userId)) f.add('user_id', 'purchases.reps.person', 'validation.required');
  f.assertValid();
  await ctx.db.transaction().execute(async (trx) => {
    await grantScopedRole(ctx, trx, userId, grantOf(buyerId), actor);
  });
}

export async function removeRepresentative(ctx: ModuleContext, buyerId: string, userId: string, actor: Actor): Promise<void> {
  await getBuyer(ctx, buyerId);
  await ctx.db.transaction().execute(async (trx) => {
    await revokeScopedRole(ctx, trx, userId, grantOf(buyerId), actor);
  });
}

// --- the yearly file --------------------------------------------------------------------------------

export interface ImportResult {
  year: number;
  fileProblems: Problem[];
  /** Rows with problems (line and messages); the others passed. */
  badRows: { line: number; problems: Problem[] }[];
  rows: number;
  /** Rows whose NIP is a registry entity's. */
  matched: number;
  /** Rows saved: 0 in a dry run or when anything has a problem. */
  saved: number;
  dryRun: boolean;
  /** A file for that year was already there (a real run replaces it). */
  replaces: boolean;
}

function checkYear(ctx: Pick<ModuleContext, 'clock'>, text: string): number {
  const f = new FormChecker({ year: text });
  const year = Number(text.trim());
  if (!/^\d{4}$/u.test(text.trim()) || year < FIRST_YEAR || year > warsawYear(ctx.clock))
    f.add('year', 'purchases.import.year', 'purchases.errors.year', { from: FIRST_YEAR, to: warsawYear(ctx.clock) });
  f.assertValid();
  return year;
}

/** Reads and checks the file; saves all its rows (replacing the year's earlier file) unless it is a dry run or anything has a problem. */
export async function importPurchases(
  ctx: ModuleContext,
  buyerId: string,
  upload: Upload | null,
  fields: Record<string, string>,
  actor: Actor & { actorId: string },
): Promise<ImportResult> {
  await getBuyer(ctx, buyerId);
  const year = checkYear(ctx, fields.year ?? '');
  const dryRun = fields.dry_run === '1';
  const sheet = await readPurchaseFile(upload);
  const replaces = (await repo.findFile(ctx.db, buyerId, year)) !== undefined;
  const inputs = sheet.rows.map((r) => r.input);
  const known = await entitiesByNip(
    ctx,
    inputs.flatMap((r) => (r.nip ? [r.nip] : [])),
  );
  const badRows = sheet.rows.filter((r) => r.problems.length > 0).map((r) => ({ line: r.input.line, problems: r.problems }));
  const result: ImportResult = {
    year,
    fileProblems: sheet.fileProblems,
    badRows,
    rows: inputs.length,
    matched: inputs.filter((r) => r.nip !== null && known.has(r.nip)).length,
    saved: 0,
    dryRun,
    replaces,
  };
  if (dryRun || sheet.fileProblems.length || badRows.length) return result;
  const fileId = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.replaceFile(
      trx,
      {
        id: fileId,
        buyer_id: buyerId,
        year,
        file_name: (upload?.filename ?? '').split(/[\\/]/u).pop()!.slice(0, 200) || 'plik',
        row_count: inputs.length,
        uploaded_by: actor.actorId,
        uploaded_at: now,
      },
      inputs.map((r: PurchaseInput) => ({
        id: newId(),
        file_id: fileId,
        line: r.line,
        nip: r.nip,
        supplier: r.supplier,
        amount_gr: r.amountGr,
        category: r.category,
      })),
    );
    await recordAudit(
      trx,
      {
        ...actor,
        action: replaces ? 'purchases.file_replace' : 'purchases.file_upload',
        subjectType: 'purchase_buyer',
        subjectId: buyerId,
        meta: { year, rows: inputs.length },
      },
      ctx.clock,
    );
  });
  return { ...result, saved: inputs.length };
}

// --- the buyer's share ------------------------------------------------------------------------------

export interface ShareLine {
  /** '' for the whole year; else the buyer's category ('—' stands for none given). */
  category: string;
  rows: number;
  totalGr: number;
  seGr: number;
  psGr: number;
  markGr: number;
}

export interface BuyerShare {
  year: number;
  file: repo.FileRow;
  overall: ShareLine;
  categories: ShareLine[];
  rows: (PurchaseRow & { entity: { name: string; isPs: boolean; hasValidMark: boolean; path: string } | null })[];
}

/** Percent with one decimal, or null when the base is 0. */
export function sharePercent(part: number, total: number): number | null {
  return total > 0 ? Math.round((part / total) * 1000) / 10 : null;
}

/** Years with a file, newest first. */
export const filesOf = (ctx: Pick<ModuleContext, 'db'>, buyerId: string) => repo.filesOf(ctx.db, buyerId);

export async function buyerShare(ctx: ModuleContext, buyerId: string, year: number): Promise<BuyerShare | null> {
  const file = await repo.findFile(ctx.db, buyerId, year);
  if (!file) return null;
  const rows = await repo.rowsOf(ctx.db, file.id);
  const byNip = await entitiesByNip(
    ctx,
    rows.flatMap((r) => (r.nip ? [r.nip] : [])),
  );
  const facts = await entityFacts(ctx, [...byNip.values()]);
  const line = (category: string): ShareLine => ({ category, rows: 0, totalGr: 0, seGr: 0, psGr: 0, markGr: 0 });
  const overall = line('');
  const categories = new Map<string, ShareLine>();
  const withEntities = rows.map((r) => {
    const id = r.nip ? byNip.get(r.nip) : undefined;
    const e = id ? facts.get(id) : undefined;
    const cat = categories.get(r.category) ?? line(r.category);
    categories.set(r.category, cat);
    for (const l of [overall, cat]) {
      l.rows++;
      l.totalGr += r.amount_gr;
      if (e) {
        l.seGr += r.amount_gr;
        if (e.isPs) l.psGr += r.amount_gr;
        if (e.hasValidMark) l.markGr += r.amount_gr;
      }
    }
    return { ...r, entity: e ? { name: e.name, isPs: e.isPs, hasValidMark: e.hasValidMark, path: e.path } : null };
  });
  return {
    year,
    file: { ...file, year: Number(file.year), row_count: Number(file.row_count) },
    overall,
    categories: [...categories.values()].sort((a, b) => b.totalGr - a.totalGr || a.category.localeCompare(b.category, 'pl')),
    rows: withEntities,
  };
}

// --- public aggregates ------------------------------------------------------------------------------

export interface PublicCell {
  powiat: string;
  year: number;
  /** Row counts: null when fewer than SUPPRESS_BELOW (shown as "<5"); a 0 stays 0. */
  rows: number | null;
  seRows: number | null;
  /** Sums in grosze and the share: null when the rows they rest on are fewer than SUPPRESS_BELOW. */
  totalGr: number | null;
  seGr: number | null;
  share: number | null;
}

const suppressed = (n: number) => (n > 0 && n < SUPPRESS_BELOW ? null : n);

/** Per powiat and year: rows, rows with social economy suppliers, sums and share — small cells withheld. */
export async function publicAggregates(ctx: ModuleContext): Promise<PublicCell[]> {
  const rows = await repo.allRows(ctx.db);
  const byNip = await entitiesByNip(
    ctx,
    rows.flatMap((r) => (r.nip ? [r.nip] : [])),
  );
  const cells = new Map<string, { powiat: string; year: number; rows: number; seRows: number; totalGr: number; seGr: number }>();
  for (const r of rows) {
    const key = `${r.year}|${r.powiat}`;
    const c = cells.get(key) ?? { powiat: r.powiat, year: r.year, rows: 0, seRows: 0, totalGr: 0, seGr: 0 };
    c.rows++;
    c.totalGr += r.amount_gr;
    if (r.nip && byNip.has(r.nip)) {
      c.seRows++;
      c.seGr += r.amount_gr;
    }
    cells.set(key, c);
  }
  return [...cells.values()]
    .sort((a, b) => b.year - a.year || a.powiat.localeCompare(b.powiat))
    .map((c) => {
      const enough = c.rows >= SUPPRESS_BELOW;
      const seEnough = enough && (c.seRows === 0 || c.seRows >= SUPPRESS_BELOW);
      return {
        powiat: c.powiat,
        year: c.year,
        rows: suppressed(c.rows),
        seRows: enough ? suppressed(c.seRows) : null,
        totalGr: enough ? c.totalGr : null,
        seGr: seEnough ? c.seGr : null,
        share: seEnough ? sharePercent(c.seGr, c.totalGr) : null,
      };
    });
}

export const lastUpload = (ctx: Pick<ModuleContext, 'db'>) => repo.lastUpload(ctx.db);
