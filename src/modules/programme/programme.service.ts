// Rules of the programme and its life cycle: the form checks, the graph of legal status changes
// (with the adoption's body, resolution and date), the single "current" programme, the dated
// timeline, and the shapes the public pages and the API read. No HTTP and no SQL strings here.
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { fold } from '../../core/search/index.js';
import { isCalendarDay, warsawToday } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import type { TKey } from '../../i18n/index.js';
import { diffFields, recordAudit, type AuditEntry } from '../audit/index.js';
import * as repo from './programme.repo.js';
import { PROGRAMME_STATUSES, type DatePrecision, type ProgrammeStatus } from './programme.tables.js';
import { loadTrees, type TreeNode } from './structure.service.js';
import { listVersions, type VersionRow } from './versions.repo.js';

export type { ProgrammeRow, StatusEventRow } from './programme.repo.js';
type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

/**
 * The legal graph. Forward one step at a time; a programme in consultation or in ex-ante
 * evaluation may go back to drafting (remarks or the evaluation call for a new draft); an
 * adopted programme is not re-drafted (a new programme is made instead), and nothing leaves
 * `closed`.
 */
export const TRANSITIONS: Readonly<Record<ProgrammeStatus, readonly ProgrammeStatus[]>> = {
  draft: ['consultation'],
  consultation: ['ex_ante', 'draft'],
  ex_ante: ['adopted', 'draft'],
  adopted: ['implementation'],
  implementation: ['closed'],
  closed: [],
};

export function isStatus(v: string): v is ProgrammeStatus {
  return (PROGRAMME_STATUSES as readonly string[]).includes(v);
}

export function isLegalTransition(from: ProgrammeStatus, to: ProgrammeStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const statusLabel = (s: ProgrammeStatus): TKey => `programme.status.${s}` as TKey;

/** Slugs that name pages of their own under `/program/`. */
const RESERVED_SLUGS = new Set(['archiwum', 'wersje', 'nowy']);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An address segment from a title: folded Polish letters, hyphens, at most 80 characters. */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export function parseAlignment(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

// --- the programme form --------------------------------------------------------------------------

export interface ProgrammeInput {
  slug: string;
  title: string;
  short_name: string | null;
  period_from: number;
  period_to: number;
  legal_basis: string | null;
  alignment: string[];
  responsible_institution: string | null;
  summary: string | null;
}

export const PROGRAMME_FIELDS = [
  'title',
  'short_name',
  'slug',
  'period_from',
  'period_to',
  'legal_basis',
  'alignment',
  'responsible_institution',
  'summary',
] as const;

const optional = (c: FormChecker, field: string, label: TKey, max: number): string | null => {
  const v = c.text(field);
  if ([...v].length > max) c.add(field, label, 'validation.tooLong', { count: max });
  return v === '' ? null : v;
};

function year(c: FormChecker, field: string, label: TKey, required: boolean): number | null {
  const v = c.text(field);
  if (v === '') {
    if (required) c.add(field, label, 'validation.required');
    return null;
  }
  if (!/^\d{4}$/.test(v) || Number(v) < 1990 || Number(v) > 2100) {
    c.add(field, label, 'programme.form.yearInvalid');
    return null;
  }
  return Number(v);
}

/** Checks the programme form; `id` is the programme being edited (null when creating). */
export async function checkProgrammeForm(
  ctx: ModuleContext,
  body: Record<string, unknown>,
  id: string | null,
): Promise<ProgrammeInput & { started_on: string }> {
  const c = new FormChecker(body);
  const title = c.required('title', 'programme.form.title', { max: 300 });
  const shortName = optional(c, 'short_name', 'programme.form.shortName', 80);
  let slug = c.text('slug').toLowerCase();
  if (slug === '') slug = slugify(shortName ?? title);
  if (slug !== '' && !c.hasProblem('title')) {
    if (!SLUG.test(slug) || slug.length > 80) c.add('slug', 'programme.form.slug', 'programme.form.slugInvalid');
    else if (RESERVED_SLUGS.has(slug)) c.add('slug', 'programme.form.slug', 'programme.form.slugReserved');
    else {
      const other = await repo.findProgrammeBySlug(ctx.db, slug);
      if (other && other.id !== id) c.add('slug', 'programme.form.slug', 'programme.form.slugTaken');
    }
  }
  const from = year(c, 'period_from', 'programme.form.periodFrom', true);
  const to = year(c, 'period_to', 'programme.form.periodTo', true);
  if (from !== null && to !== null && to < from) c.add('period_to', 'programme.form.periodTo', 'programme.form.periodOrder');
  const legal = optional(c, 'legal_basis', 'programme.form.legalBasis', 2000);
  const lines = c
    .text('alignment')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 30) c.add('alignment', 'programme.form.alignment', 'programme.form.alignmentTooMany', { count: 30 });
  if (lines.some((l) => [...l].length > 300))
    c.add('alignment', 'programme.form.alignment', 'programme.form.alignmentLineTooLong', { count: 300 });
  const responsible = optional(c, 'responsible_institution', 'programme.form.responsible', 300);
  const summary = optional(c, 'summary', 'programme.form.summary', 20000);
  let started = '';
  if (id === null) {
    started = c.text('started_on') || warsawToday(ctx.clock);
    checkDay(c, ctx, 'started_on', 'programme.form.startedOn', started);
  }
  c.assertValid();
  return {
    slug,
    title,
    short_name: shortName,
    period_from: from!,
    period_to: to!,
    legal_basis: legal,
    alignment: lines,
    responsible_institution: responsible,
    summary,
    started_on: started,
  };
}

function checkDay(c: FormChecker, ctx: ModuleContext, field: string, label: TKey, value: string, notBefore?: string): void {
  if (value === '') c.add(field, label, 'validation.required');
  else if (!isCalendarDay(value)) c.add(field, label, 'programme.form.dateInvalid');
  else if (value > warsawToday(ctx.clock)) c.add(field, label, 'programme.form.dateFuture');
  else if (notBefore && value < notBefore) c.add(field, label, 'programme.form.dateBeforeLast', { date: notBefore });
}

export function programmeFormValues(p: repo.ProgrammeRow): Record<string, string> {
  return {
    title: p.title,
    short_name: p.short_name ?? '',
    slug: p.slug,
    period_from: String(p.period_from),
    period_to: String(p.period_to),
    legal_basis: p.legal_basis ?? '',
    alignment: parseAlignment(p.alignment).join('\n'),
    responsible_institution: p.responsible_institution ?? '',
    summary: p.summary ?? '',
  };
}

const stored = (input: ProgrammeInput) => ({
  slug: input.slug,
  title: input.title,
  short_name: input.short_name,
  period_from: input.period_from,
  period_to: input.period_to,
  legal_basis: input.legal_basis,
  alignment: JSON.stringify(input.alignment),
  responsible_institution: input.responsible_institution,
  summary: input.summary,
});

export async function createProgramme(ctx: ModuleContext, input: ProgrammeInput & { started_on: string }, actor: Actor): Promise<string> {
  const id = newId();
  const now = nowIso(ctx.clock);
  const { started_on, ...data } = input;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertProgramme(trx, {
      id,
      ...stored(data),
      status: 'draft',
      adopted_by: null,
      resolution_number: null,
      adopted_on: null,
      is_current: false,
      created_at: now,
      updated_at: now,
    });
    await repo.insertStatusEvent(trx, {
      id: newId(),
      programme_id: id,
      status: 'draft',
      occurred_on: started_on,
      date_precision: 'day',
      note: null,
      user_id: actor.actorId,
      created_at: now,
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'programme.create',
        subjectType: 'programme',
        subjectId: id,
        changes: Object.fromEntries(PROGRAMME_FIELDS.map((f) => [f, { before: null, after: data[f] }])),
      },
      ctx.clock,
    );
  });
  return id;
}

export async function updateProgramme(ctx: ModuleContext, id: string, input: ProgrammeInput, actor: Actor): Promise<void> {
  const before = await mustFind(ctx, id);
  const beforeInput: ProgrammeInput = { ...programmeInputOf(before) };
  const changes = diffFields(beforeInput as unknown as Record<string, unknown>, input as unknown as Record<string, unknown>, [
    ...PROGRAMME_FIELDS,
  ]);
  if (Object.keys(changes).length === 0) return;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateProgramme(trx, id, { ...stored(input), updated_at: nowIso(ctx.clock) });
    await recordAudit(trx, { ...actor, action: 'programme.update', subjectType: 'programme', subjectId: id, changes }, ctx.clock);
  });
}

function programmeInputOf(p: repo.ProgrammeRow): ProgrammeInput {
  return {
    slug: p.slug,
    title: p.title,
    short_name: p.short_name,
    period_from: p.period_from,
    period_to: p.period_to,
    legal_basis: p.legal_basis,
    alignment: parseAlignment(p.alignment),
    responsible_institution: p.responsible_institution,
    summary: p.summary,
  };
}

export async function mustFind(ctx: ModuleContext, id: string): Promise<repo.ProgrammeRow> {
  const p = await repo.findProgramme(ctx.db, id);
  if (!p) throw new AppError('http.not_found');
  return p;
}

// --- life cycle ----------------------------------------------------------------------------------

export interface TransitionInput {
  status: ProgrammeStatus;
  occurred_on: string;
  note: string | null;
  adopted_by: string | null;
  resolution_number: string | null;
}

/**
 * Moves the programme to another status with a dated event. An illegal target is refused with
 * `programme.illegal_transition`; bad fields with a 400 listing them; in both cases nothing changes.
 */
export async function changeStatus(ctx: ModuleContext, id: string, body: Record<string, unknown>, actor: Actor): Promise<ProgrammeStatus> {
  const p = await mustFind(ctx, id);
  const c = new FormChecker(body);
  const target = c.text('status');
  if (target === '') c.add('status', 'programme.lifecycle.target', 'validation.required');
  else if (!isStatus(target)) c.add('status', 'programme.lifecycle.target', 'programme.lifecycle.unknownStatus');
  c.assertValid();
  const to = target as ProgrammeStatus;
  if (!isLegalTransition(p.status, to)) throw new AppError('programme.illegal_transition', { from: p.status, to });
  const events = await repo.listStatusEvents(ctx.db, [id]);
  const last = events.at(-1)?.occurred_on;
  const occurredOn = c.text('occurred_on');
  checkDay(c, ctx, 'occurred_on', 'programme.lifecycle.date', occurredOn, last);
  const note = optional(c, 'note', 'programme.lifecycle.note', 2000);
  let adoptedBy: string | null = null;
  let resolution: string | null = null;
  if (to === 'adopted') {
    adoptedBy = c.required('adopted_by', 'programme.lifecycle.adoptedBy', { max: 300 });
    resolution = c.required('resolution_number', 'programme.lifecycle.resolution', { max: 120 });
  }
  c.assertValid();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const patch =
      to === 'adopted'
        ? { adopted_by: adoptedBy, resolution_number: resolution, adopted_on: occurredOn }
        : to === 'draft'
          ? { adopted_by: null, resolution_number: null, adopted_on: null }
          : {};
    await repo.updateProgramme(trx, id, { status: to, ...patch, updated_at: now });
    await repo.insertStatusEvent(trx, {
      id: newId(),
      programme_id: id,
      status: to,
      occurred_on: occurredOn,
      date_precision: 'day',
      note,
      user_id: actor.actorId,
      created_at: now,
    });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'programme.status',
        subjectType: 'programme',
        subjectId: id,
        changes: {
          status: { before: p.status, after: to },
          ...(to === 'adopted'
            ? {
                adopted_by: { before: p.adopted_by, after: adoptedBy },
                resolution_number: { before: p.resolution_number, after: resolution },
                adopted_on: { before: p.adopted_on, after: occurredOn },
              }
            : {}),
        },
        meta: { occurred_on: occurredOn, ...(note ? { note } : {}) },
      },
      ctx.clock,
    );
  });
  return to;
}

/** Makes the programme the one `/program` shows; the previous current one loses the flag. */
export async function makeCurrent(ctx: ModuleContext, id: string, actor: Actor): Promise<void> {
  const p = await mustFind(ctx, id);
  if (p.is_current) return;
  const previous = await repo.findCurrentProgramme(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setCurrentProgramme(trx, id, nowIso(ctx.clock));
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'programme.current',
        subjectType: 'programme',
        subjectId: id,
        changes: { is_current: { before: false, after: true } },
        meta: previous ? { previous: previous.id } : {},
      },
      ctx.clock,
    );
  });
}

// --- reading -------------------------------------------------------------------------------------

const RANK = new Map<ProgrammeStatus, number>(PROGRAMME_STATUSES.map((s, i) => [s, i]));

/** Events by date; events of one day (or one year, when only the year is known) in life-cycle order of insertion. */
export function timeline(events: readonly repo.StatusEventRow[]): repo.StatusEventRow[] {
  return [...events].sort((a, b) =>
    a.occurred_on < b.occurred_on
      ? -1
      : a.occurred_on > b.occurred_on
        ? 1
        : a.created_at < b.created_at
          ? -1
          : a.created_at > b.created_at
            ? 1
            : a.id < b.id
              ? -1
              : a.id > b.id
                ? 1
                : RANK.get(a.status)! - RANK.get(b.status)!,
  );
}

export interface ProgrammeDetails {
  programme: repo.ProgrammeRow;
  alignment: string[];
  events: repo.StatusEventRow[];
  tree: TreeNode[];
  versions: VersionRow[];
}

async function details(ctx: ModuleContext, p: repo.ProgrammeRow): Promise<ProgrammeDetails> {
  const [events, trees, versions] = await Promise.all([
    repo.listStatusEvents(ctx.db, [p.id]),
    loadTrees(ctx, [p.id]),
    listVersions(ctx.db, p.id),
  ]);
  return { programme: p, alignment: parseAlignment(p.alignment), events: timeline(events), tree: trees.get(p.id) ?? [], versions };
}

export async function currentProgramme(ctx: ModuleContext): Promise<ProgrammeDetails | null> {
  const p = await repo.findCurrentProgramme(ctx.db);
  return p ? details(ctx, p) : null;
}

export async function programmeBySlug(ctx: ModuleContext, slug: string): Promise<ProgrammeDetails> {
  const p = await repo.findProgrammeBySlug(ctx.db, slug);
  if (!p) throw new AppError('http.not_found');
  return details(ctx, p);
}

export async function programmeById(ctx: ModuleContext, id: string): Promise<ProgrammeDetails> {
  return details(ctx, await mustFind(ctx, id));
}

export async function listProgrammes(ctx: ModuleContext): Promise<repo.ProgrammeRow[]> {
  return repo.listProgrammes(ctx.db);
}

/** Every programme with its timeline and tree, for the API (a handful of programmes at most). */
export async function allProgrammeDetails(ctx: ModuleContext): Promise<ProgrammeDetails[]> {
  const programmes = await repo.listProgrammes(ctx.db);
  const ids = programmes.map((p) => p.id);
  const [events, trees] = await Promise.all([repo.listStatusEvents(ctx.db, ids), loadTrees(ctx, ids)]);
  return programmes.map((p) => ({
    programme: p,
    alignment: parseAlignment(p.alignment),
    events: timeline(events.filter((e) => e.programme_id === p.id)),
    tree: trees.get(p.id) ?? [],
    versions: [],
  }));
}

/** The statuses of an adopted programme still to be carried out (with its years, see isInForce). */
const IN_FORCE_STATUSES: readonly string[] = ['adopted', 'implementation'] satisfies ProgrammeStatus[];

/**
 * Whether a programme is in force on a calendar day of the office (Warsaw, `warsawToday`): adopted or
 * being implemented, and the day's year within its period. A draft, a closed programme, or one whose
 * years have passed is not; only a programme in force gets figures computed live from the registry.
 */
export function isInForce(p: { status: string; period_from: number; period_to: number }, today: string): boolean {
  const year = Number(today.slice(0, 4));
  return IN_FORCE_STATUSES.includes(p.status) && year >= p.period_from && year <= p.period_to;
}

/** Public address of a programme: the current one lives at `/program`. */
export function programmePath(p: { slug: string; is_current: boolean }): string {
  return p.is_current ? '/program' : `/program/${p.slug}`;
}

export type { DatePrecision };
