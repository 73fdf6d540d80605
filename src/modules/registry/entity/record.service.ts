// Rules of an entity's record beyond its main fields, as staff keep it: the activity (type, PKD
// codes, sectors), places of activity (gmina checked against TERYT, coordinates inside the
// voivodeship, subregion derived), the PS status history (a legal sequence of grants and losses),
// employment figures per year with the statutory PS conditions, and "Zakup Prospołeczny" marks.
// Every change lands in the entity's field-level history and in the audit log, in one transaction.
// A representative's employment proposal reuses the form's category fields and, once accepted, the
// same writer as a staff edit. No HTTP and no SQL strings here.
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { ModuleContext } from '../../../core/module.js';
import { isCalendarDay, warsawToday } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import { translator, type Lang, type TKey } from '../../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../../audit/index.js';
import { checkGminaField, gminaChoices, listSubregionsWithMembers, subregionOfPowiat } from '../../territory/index.js';
import {
  AT_RISK_CATEGORIES,
  checkConditions,
  figureProblems,
  formatFte,
  parseFte,
  PS_TYPES,
  type ConditionCheck,
  type EmploymentFigures,
  type PsType,
} from './employment.js';
import { markValidity, type MarkValidity, type MarkView } from './mark-validity.js';
import * as rrepo from './record.repo.js';
import type { EmploymentRow, MarkRow, PlaceRow, PsEntryRow } from './record.repo.js';
import * as repo from './registry.repo.js';
import { parseSectors, SECTOR_MAX } from '../catalogue/registry.sectors.js';
import { entitySearchDocument, unitNames } from './registry.service.js';
import { ACTIVITY_TYPES, type ActivityType } from './registry.tables.js';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
type Executor = Parameters<typeof repo.findEntity>[0];

/**
 * Bounding box of kujawsko-pomorskie from data/reference/powiaty_04.geojson (PRG boundaries),
 * widened by BOUNDS_MARGIN degrees (about 7–11 km) so a point on the border is not refused.
 */
export const VOIVODESHIP_BOUNDS = { latMin: 52.330636, latMax: 53.781075, lonMin: 17.247273, lonMax: 19.761595 } as const;
export const BOUNDS_MARGIN = 0.1;
export const MAX_PKD = 20;
export const MAX_SECTORS = 10;
/** The oldest year employment figures are kept for (PS statuses before the Act go back to 2000s). */
export const FIRST_YEAR = 2000;

function notFound(): AppError {
  return new AppError('http.not_found');
}

async function requireEntity(db: Executor, id: string) {
  const e = await repo.findEntity(db, id);
  if (!e) throw notFound();
  return e;
}

/** One change of the record: the history row, the audit entry and the entity's `updated_at`. */
async function logChange(
  trx: Executor,
  ctx: ModuleContext,
  entityId: string,
  actor: Actor,
  change: { field: string; before: unknown; after: unknown; action: string; meta?: Record<string, unknown>; proposedBy?: string },
): Promise<void> {
  const now = nowIso(ctx.clock);
  const text = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
  await repo.insertChanges(trx, [
    {
      id: newId(),
      entity_id: entityId,
      at: now,
      user_id: actor.actorId,
      proposed_by: change.proposedBy ?? null,
      field: change.field,
      old_value: text(change.before),
      new_value: text(change.after),
    },
  ]);
  await repo.updateEntity(trx, entityId, { updated_at: now });
  await recordAudit(
    trx,
    {
      ...actor,
      action: change.action,
      subjectType: 'entity',
      subjectId: entityId,
      changes: { [change.field]: { before: change.before ?? null, after: change.after ?? null } },
      ...(change.meta ? { meta: change.meta } : {}),
    },
    ctx.clock,
  );
}

/** Checks a form with a FormChecker the callback fills; throws one 400 listing every problem. */
function refuse(field: string, label: TKey, key: TKey, params: Record<string, string | number> = {}): never {
  const c = new FormChecker({});
  c.add(field, label, key, params);
  c.assertValid();
  throw new Error('unreachable');
}

// --- activity ----------------------------------------------------------------------------------

export interface ActivityInput {
  activity_type: ActivityType | null;
  pkd: string[];
  sectors: string[];
}

export const ACTIVITY_LABELS = {
  activity_type: 'entityRecord.activity.type',
  pkd: 'entityRecord.activity.pkd',
  sectors: 'entityRecord.activity.sectors',
} as const satisfies Record<string, TKey>;

/** `88.10.Z`, `8810Z`, `88.10 z` → `88.10.Z`; null when it is not a PKD subclass code. */
export function normalisePkd(text: string): string | null {
  const m = /^(\d{2})\.?(\d)(\d)\.?\s?([A-Za-z])$/.exec(text.trim());
  return m ? `${m[1]}.${m[2]}${m[3]}.${m[4]!.toUpperCase()}` : null;
}

export function checkActivityForm(body: Record<string, string>): ActivityInput {
  const c = new FormChecker(body);
  const type = c.text('activity_type');
  if (type !== '' && !(ACTIVITY_TYPES as readonly string[]).includes(type))
    c.add('activity_type', ACTIVITY_LABELS.activity_type, 'registry.invalid.choice');
  const pkd: string[] = [];
  const bad: string[] = [];
  for (const part of c.text('pkd').split(/[\s,;]+(?=\d)|[,;\n]+/u)) {
    if (part.trim() === '') continue;
    const code = normalisePkd(part);
    if (code === null) bad.push(part.trim().slice(0, 20));
    else if (!pkd.includes(code)) pkd.push(code);
  }
  if (bad.length) c.add('pkd', ACTIVITY_LABELS.pkd, 'entityRecord.invalid.pkd', { codes: bad.join(', ') });
  else if (pkd.length > MAX_PKD) c.add('pkd', ACTIVITY_LABELS.pkd, 'entityRecord.invalid.tooMany', { count: MAX_PKD });
  const sectors: string[] = [];
  for (const line of c.text('sectors').split(/[\n;]+/u)) {
    const s = line.trim().replace(/\s+/g, ' ');
    if (s === '') continue;
    if ([...s].length > SECTOR_MAX) {
      c.add('sectors', ACTIVITY_LABELS.sectors, 'entityRecord.invalid.sectorTooLong', { count: SECTOR_MAX });
      break;
    }
    sectors.push(s);
  }
  const unique = parseSectors(JSON.stringify(sectors)).map((s) => s.sector);
  if (unique.length > MAX_SECTORS) c.add('sectors', ACTIVITY_LABELS.sectors, 'entityRecord.invalid.tooMany', { count: MAX_SECTORS });
  c.assertValid();
  return { activity_type: type === '' ? null : (type as ActivityType), pkd, sectors: unique };
}

export function pkdList(json: string | null): string[] {
  try {
    const v: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export async function saveActivity(ctx: ModuleContext, entityId: string, input: ActivityInput, actor: Actor): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const e = await requireEntity(trx, entityId);
    const before = { activity_type: e.activity_type, pkd: pkdList(e.pkd_codes), sectors: parseSectors(e.sectors).map((s) => s.sector) };
    const changed = (['activity_type', 'pkd', 'sectors'] as const).filter((f) => JSON.stringify(before[f]) !== JSON.stringify(input[f]));
    if (changed.length === 0) return false;
    const sectors = JSON.stringify(input.sectors);
    const gmina = e.gmina_teryt ? ((await unitNames(ctx)).get(e.gmina_teryt) ?? null) : null;
    const doc = entitySearchDocument({ ...e, activity_type: input.activity_type, sectors }, gmina);
    await repo.updateEntity(trx, entityId, {
      activity_type: input.activity_type,
      pkd_codes: input.pkd.length ? JSON.stringify(input.pkd) : null,
      sectors,
      search_doc: doc,
    });
    for (const f of changed) {
      const value = (v: ActivityInput | typeof before) =>
        f === 'activity_type' ? v.activity_type : v[f].length ? v[f].join(f === 'pkd' ? ', ' : '; ') : null;
      await logChange(trx, ctx, entityId, actor, {
        field: f === 'pkd' ? 'pkd_codes' : f,
        before: value(before),
        after: value(input),
        action: 'registry.activity.update',
      });
    }
    return true;
  });
}

// --- places of activity ------------------------------------------------------------------------

export interface PlaceInput {
  gmina_teryt: string;
  town: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
}

export const PLACE_LABELS = {
  gmina_teryt: 'entityRecord.place.gmina',
  town: 'entityRecord.place.town',
  address: 'entityRecord.place.address',
  lat: 'entityRecord.place.lat',
  lon: 'entityRecord.place.lon',
} as const satisfies Record<keyof PlaceInput, TKey>;

function parseCoordinate(text: string): number | null {
  const m = /^-?\d{1,3}(?:[.,]\d{1,8})?$/.exec(text);
  return m ? Number(text.replace(',', '.')) : null;
}

/** The place form; the gmina is named (or its code given) and problems are worded in `lang`. */
export async function checkPlaceForm(ctx: ModuleContext, body: Record<string, string>, lang: Lang = 'pl'): Promise<PlaceInput> {
  const c = new FormChecker(body);
  const gmina =
    checkGminaField(c, translator(lang), await gminaChoices(ctx), 'gmina_teryt', PLACE_LABELS.gmina_teryt, { required: true }) ?? '';
  const town = c.required('town', PLACE_LABELS.town, { max: 200 });
  const address = c.text('address');
  if ([...address].length > 300) c.add('address', PLACE_LABELS.address, 'validation.tooLong', { count: 300 });
  const coord = (f: 'lat' | 'lon', min: number, max: number): number | null => {
    const v = c.text(f);
    if (v === '') return null;
    const n = parseCoordinate(v);
    if (n === null) c.add(f, PLACE_LABELS[f], 'entityRecord.invalid.coordinate');
    else if (n < min - BOUNDS_MARGIN || n > max + BOUNDS_MARGIN)
      c.add(f, PLACE_LABELS[f], 'entityRecord.invalid.outsideRegion', {
        min: (min - BOUNDS_MARGIN).toFixed(2),
        max: (max + BOUNDS_MARGIN).toFixed(2),
      });
    return n;
  };
  const lat = coord('lat', VOIVODESHIP_BOUNDS.latMin, VOIVODESHIP_BOUNDS.latMax);
  const lon = coord('lon', VOIVODESHIP_BOUNDS.lonMin, VOIVODESHIP_BOUNDS.lonMax);
  if ((c.text('lat') === '') !== (c.text('lon') === ''))
    c.add(
      c.text('lat') === '' ? 'lat' : 'lon',
      c.text('lat') === '' ? PLACE_LABELS.lat : PLACE_LABELS.lon,
      'entityRecord.invalid.coordinatePair',
    );
  c.assertValid();
  return { gmina_teryt: gmina, town, address: address === '' ? null : address, lat, lon };
}

/** Coordinates as stored may come back as float4 on PostgreSQL; 6 decimals is ~10 cm. */
const round6 = (n: number | null) => (n === null ? null : Math.round(n * 1e6) / 1e6);
const placeValue = (p: Pick<PlaceRow, 'gmina_teryt' | 'town' | 'address' | 'lat' | 'lon'>) => ({
  gmina_teryt: p.gmina_teryt,
  town: p.town,
  address: p.address,
  lat: round6(p.lat),
  lon: round6(p.lon),
});

export async function addPlace(ctx: ModuleContext, entityId: string, input: PlaceInput, actor: Actor): Promise<string> {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await requireEntity(trx, entityId);
    await rrepo.insertPlace(trx, { id, entity_id: entityId, ...input });
    await logChange(trx, ctx, entityId, actor, {
      field: 'place',
      before: null,
      after: placeValue(input),
      action: 'registry.place.create',
      meta: { placeId: id },
    });
  });
  return id;
}

export async function editPlace(ctx: ModuleContext, entityId: string, placeId: string, input: PlaceInput, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await rrepo.findPlace(trx, entityId, placeId);
    if (!before) throw notFound();
    const after = placeValue(input);
    if (JSON.stringify(placeValue(before)) === JSON.stringify(after)) return;
    await rrepo.updatePlace(trx, entityId, placeId, input);
    await logChange(trx, ctx, entityId, actor, {
      field: 'place',
      before: placeValue(before),
      after,
      action: 'registry.place.update',
      meta: { placeId },
    });
  });
}

export async function removePlace(ctx: ModuleContext, entityId: string, placeId: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await rrepo.findPlace(trx, entityId, placeId);
    if (!before) throw notFound();
    await rrepo.deletePlace(trx, entityId, placeId);
    await logChange(trx, ctx, entityId, actor, {
      field: 'place',
      before: placeValue(before),
      after: null,
      action: 'registry.place.delete',
      meta: { placeId },
    });
  });
}

// --- PS status history ---------------------------------------------------------------------------

export interface PsEntryInput {
  kind: 'granted' | 'lost';
  ps_type: PsType | null;
  decision_number: string | null;
  /** The decision date of a grant, the loss date of a loss. */
  decision_date: string;
  loss_reason: string | null;
}

export const GRANT_LABELS = {
  ps_type: 'entityRecord.ps.type',
  decision_number: 'entityRecord.ps.decisionNumber',
  decision_date: 'entityRecord.ps.decisionDate',
} as const satisfies Record<string, TKey>;
export const LOSS_LABELS = {
  loss_date: 'entityRecord.ps.lossDate',
  loss_reason: 'entityRecord.ps.lossReason',
  loss_decision_number: 'entityRecord.ps.lossDecisionNumber',
} as const satisfies Record<string, TKey>;

/** Reads the "status granted" form (`kind` granted) or the "status lost" form (`kind` lost). */
export function checkPsForm(body: Record<string, string>, kind: 'granted' | 'lost', day: string): PsEntryInput {
  const c = new FormChecker(body);
  const date = (f: 'decision_date' | 'loss_date', label: TKey) => {
    const v = c.required(f, label, { max: 10 });
    if (v !== '' && !isCalendarDay(v)) c.add(f, label, 'registry.invalid.date');
    else if (v !== '' && v > day) c.add(f, label, 'entityRecord.invalid.future');
    return v;
  };
  if (kind === 'granted') {
    const type = c.text('ps_type');
    if (!(PS_TYPES as readonly string[]).includes(type)) c.add('ps_type', GRANT_LABELS.ps_type, 'registry.invalid.choice');
    const number = c.required('decision_number', GRANT_LABELS.decision_number, { max: 100 });
    const d = date('decision_date', GRANT_LABELS.decision_date);
    c.assertValid();
    return { kind, ps_type: type as PsType, decision_number: number, decision_date: d, loss_reason: null };
  }
  const d = date('loss_date', LOSS_LABELS.loss_date);
  const reason = c.required('loss_reason', LOSS_LABELS.loss_reason, { max: 1000 });
  const number = c.text('loss_decision_number');
  if ([...number].length > 100) c.add('loss_decision_number', LOSS_LABELS.loss_decision_number, 'validation.tooLong', { count: 100 });
  c.assertValid();
  return { kind, ps_type: null, decision_number: number === '' ? null : number, decision_date: d, loss_reason: reason };
}

export type PsSequenceProblem = { key: 'lossWithoutGrant' | 'grantWhileHeld' | 'sameDay'; date: string };

/**
 * The first break in a status history, or null when it is legal: in date order, the history
 * starts with a grant and alternates grant, loss, grant… (no loss without a status held, no new
 * grant while the status is held), and no two entries share a day (their order would be unknown).
 */
export function psSequenceProblem(entries: readonly Pick<PsEntryInput, 'kind' | 'decision_date'>[]): PsSequenceProblem | null {
  const sorted = [...entries].sort((a, b) => a.decision_date.localeCompare(b.decision_date));
  let held = false;
  for (const [i, e] of sorted.entries()) {
    if (i > 0 && sorted[i - 1]!.decision_date === e.decision_date) return { key: 'sameDay', date: e.decision_date };
    if (e.kind === 'granted') {
      if (held) return { key: 'grantWhileHeld', date: e.decision_date };
      held = true;
    } else {
      if (!held) return { key: 'lossWithoutGrant', date: e.decision_date };
      held = false;
    }
  }
  return null;
}

export interface PsState {
  has: boolean;
  type: PsType | null;
  since: string | null;
  decisionNumber: string | null;
}

/** The status on `day` (or now, without one): the latest entry on or before it, when it is a grant. */
export function psStateOn(history: readonly PsEntryRow[], day?: string): PsState {
  const last = [...history]
    .filter((h) => day === undefined || h.decision_date <= day)
    .sort((a, b) => a.decision_date.localeCompare(b.decision_date))
    .at(-1);
  return last?.kind === 'granted'
    ? { has: true, type: last.ps_type, since: last.decision_date, decisionNumber: last.decision_number }
    : { has: false, type: null, since: null, decisionNumber: null };
}

const psValue = (e: Pick<PsEntryInput, 'kind' | 'ps_type' | 'decision_number' | 'decision_date' | 'loss_reason'>) => ({
  kind: e.kind,
  ps_type: e.ps_type,
  decision_number: e.decision_number,
  decision_date: e.decision_date,
  loss_reason: e.loss_reason,
});

export async function addPsEntry(ctx: ModuleContext, entityId: string, input: PsEntryInput, actor: Actor): Promise<string> {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await requireEntity(trx, entityId);
    const history = await repo.listPsStatus(trx, entityId);
    const problem = psSequenceProblem([...history, input]);
    if (problem) {
      const [field, label] =
        input.kind === 'granted'
          ? (['decision_date', GRANT_LABELS.decision_date] as const)
          : (['loss_date', LOSS_LABELS.loss_date] as const);
      refuse(field, label, `entityRecord.invalid.${problem.key}`, { date: problem.date });
    }
    await repo.insertPsStatus(trx, { id, entity_id: entityId, ...input });
    await logChange(trx, ctx, entityId, actor, {
      field: 'ps_status',
      before: null,
      after: psValue(input),
      action: input.kind === 'granted' ? 'registry.ps.grant' : 'registry.ps.loss',
      meta: { entryId: id },
    });
  });
  return id;
}

/** Corrects an entry (its kind stays); refused (400) when the corrected history would not be legal. */
export async function editPsEntry(ctx: ModuleContext, entityId: string, entryId: string, input: PsEntryInput, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const entry = await rrepo.findPsEntry(trx, entityId, entryId);
    if (!entry || entry.kind !== input.kind) throw notFound();
    if (JSON.stringify(psValue(entry)) === JSON.stringify(psValue(input))) return;
    const history = (await repo.listPsStatus(trx, entityId)).map((h) => (h.id === entryId ? { ...h, ...input } : h));
    const problem = psSequenceProblem(history);
    if (problem) {
      const [field, label] =
        input.kind === 'granted'
          ? (['decision_date', GRANT_LABELS.decision_date] as const)
          : (['loss_date', LOSS_LABELS.loss_date] as const);
      refuse(field, label, `entityRecord.invalid.${problem.key}`, { date: problem.date });
    }
    await rrepo.updatePsEntry(trx, entityId, entryId, input);
    await logChange(trx, ctx, entityId, actor, {
      field: 'ps_status',
      before: psValue(entry),
      after: psValue(input),
      action: 'registry.ps.update',
      meta: { entryId },
    });
  });
}

/** Removes a mistaken entry; refused (400) when what remains would not be a legal history. */
export async function removePsEntry(ctx: ModuleContext, entityId: string, entryId: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const entry = await rrepo.findPsEntry(trx, entityId, entryId);
    if (!entry) throw notFound();
    const rest = (await repo.listPsStatus(trx, entityId)).filter((h) => h.id !== entryId);
    const problem = psSequenceProblem(rest);
    if (problem) refuse('', 'entityRecord.ps.history', `entityRecord.invalid.remove_${problem.key}`, { date: problem.date });
    await rrepo.deletePsEntry(trx, entityId, entryId);
    await logChange(trx, ctx, entityId, actor, {
      field: 'ps_status',
      before: psValue(entry),
      after: null,
      action: 'registry.ps.delete',
      meta: { entryId },
    });
  });
}

// --- marks ---------------------------------------------------------------------------------------

export interface MarkInput {
  subject: string;
  granted_on: string;
  expires_on: string;
  source_url: string | null;
}

export const MARK_LABELS = {
  subject: 'entityRecord.mark.subject',
  granted_on: 'entityRecord.mark.grantedOn',
  expires_on: 'entityRecord.mark.expiresOn',
  source_url: 'entityRecord.mark.sourceUrl',
} as const satisfies Record<keyof MarkInput, TKey>;

export function checkMarkForm(body: Record<string, string>): MarkInput {
  const c = new FormChecker(body);
  const subject = c.required('subject', MARK_LABELS.subject, { max: 300 });
  const date = (f: 'granted_on' | 'expires_on') => {
    const v = c.required(f, MARK_LABELS[f], { max: 10 });
    if (v !== '' && !isCalendarDay(v)) c.add(f, MARK_LABELS[f], 'registry.invalid.date');
    return v;
  };
  const granted = date('granted_on');
  const expires = date('expires_on');
  if (!c.hasProblem('granted_on') && !c.hasProblem('expires_on') && expires <= granted)
    c.add('expires_on', MARK_LABELS.expires_on, 'entityRecord.invalid.expiryOrder');
  const url = c.text('source_url');
  if (url !== '' && (!/^https?:\/\/\S+$/u.test(url) || url.length > 500))
    c.add('source_url', MARK_LABELS.source_url, 'registry.invalid.url');
  c.assertValid();
  return { subject, granted_on: granted, expires_on: expires, source_url: url === '' ? null : url };
}

const markValue = (m: Pick<MarkRow, 'subject' | 'granted_on' | 'expires_on' | 'source_url'>) => ({
  subject: m.subject,
  granted_on: m.granted_on,
  expires_on: m.expires_on,
  source_url: m.source_url,
});

export async function addMark(ctx: ModuleContext, entityId: string, input: MarkInput, actor: Actor): Promise<string> {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await requireEntity(trx, entityId);
    await repo.insertMark(trx, { id, entity_id: entityId, mark: 'zakup_prospoleczny', ...input, is_expiry_derived: false });
    await logChange(trx, ctx, entityId, actor, {
      field: 'mark',
      before: null,
      after: markValue(input),
      action: 'registry.mark.create',
      meta: { markId: id },
    });
  });
  return id;
}

export async function editMark(ctx: ModuleContext, entityId: string, markId: string, input: MarkInput, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await rrepo.findMark(trx, entityId, markId);
    if (!before) throw notFound();
    if (JSON.stringify(markValue(before)) === JSON.stringify(markValue(input))) return;
    // an expiry kept as it was stays derived; one typed by staff is stated
    await rrepo.updateMark(trx, entityId, markId, {
      ...input,
      is_expiry_derived: before.is_expiry_derived && input.expires_on === before.expires_on && input.granted_on === before.granted_on,
    });
    await logChange(trx, ctx, entityId, actor, {
      field: 'mark',
      before: markValue(before),
      after: markValue(input),
      action: 'registry.mark.update',
      meta: { markId },
    });
  });
}

export async function removeMark(ctx: ModuleContext, entityId: string, markId: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await rrepo.findMark(trx, entityId, markId);
    if (!before) throw notFound();
    await rrepo.deleteMark(trx, entityId, markId);
    await logChange(trx, ctx, entityId, actor, {
      field: 'mark',
      before: markValue(before),
      after: null,
      action: 'registry.mark.delete',
      meta: { markId },
    });
  });
}

// --- activity check ------------------------------------------------------------------------------

/**
 * A staff member states that they checked today that the entity is active: the only way an entity
 * becomes "active" on pages and in counts (activity-state.ts). Refused unless its life cycle says
 * active (a suspended or closed one is changed in the main form first). Audited with the history.
 */
export async function confirmActivity(ctx: ModuleContext, entityId: string, actor: Actor): Promise<void> {
  const day = warsawToday(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const e = await requireEntity(trx, entityId);
    if (e.lifecycle !== 'active') refuse('', 'registry.activity.check', 'registry.activity.notActive');
    await repo.updateEntity(trx, entityId, { activity_verified_on: day, activity_verified_by: actor.actorId });
    await logChange(trx, ctx, entityId, actor, {
      field: 'activity_verified_on',
      before: e.activity_verified_on,
      after: day,
      action: 'registry.activity.verify',
    });
  });
}

// --- employment ----------------------------------------------------------------------------------

/** Form field of each figure (categories are `cat_<category>`). */
export const EMPLOYMENT_FIELDS = {
  year: 'year',
  headcount: 'headcount',
  employees: 'employees',
  fteHundredths: 'fte',
  employeesHalfTime: 'employees_half_time',
  atRisk: 'at_risk',
  atRiskHalfTime: 'at_risk_half_time',
  source: 'source',
} as const satisfies Partial<Record<keyof EmploymentFigures, string>>;

export const EMPLOYMENT_LABELS: Record<string, TKey> = {
  year: 'entityRecord.employment.year',
  headcount: 'entityRecord.employment.headcount',
  employees: 'entityRecord.employment.employees',
  fte: 'entityRecord.employment.fte',
  employees_half_time: 'entityRecord.employment.employeesHalfTime',
  at_risk: 'entityRecord.employment.atRisk',
  at_risk_half_time: 'entityRecord.employment.atRiskHalfTime',
  source: 'entityRecord.employment.source',
  ...Object.fromEntries(AT_RISK_CATEGORIES.map((k) => [`cat_${k}`, `entityRecord.atRisk.${k}` as TKey])),
};

const MAX_COUNT = 100_000;

/** One count of the employment form: empty is zero (or missing when required), else 0…MAX_COUNT. */
function readCount(c: FormChecker, f: string, required: boolean): number {
  const v = c.text(f);
  if (v === '') {
    if (required) c.add(f, EMPLOYMENT_LABELS[f]!, 'validation.required');
    return 0;
  }
  if (!/^\d{1,6}$/.test(v) || Number(v) > MAX_COUNT) {
    c.add(f, EMPLOYMENT_LABELS[f]!, 'entityRecord.invalid.count');
    return 0;
  }
  return Number(v);
}

/**
 * Reads the at-risk categories (`cat_<category>`, empty meaning zero; zeros are not kept). The
 * staff form and a representative's employment proposal share these fields and their checks.
 */
export function readAtRiskCategories(c: FormChecker): EmploymentFigures['categories'] {
  const categories: EmploymentFigures['categories'] = {};
  for (const k of AT_RISK_CATEGORIES) {
    const n = readCount(c, `cat_${k}`, false);
    if (n > 0) categories[k] = n;
  }
  return categories;
}

/** The form field a problem found by `figureProblems` belongs to. */
export function employmentFieldOf(key: ReturnType<typeof figureProblems>[number][0]): string {
  return key.startsWith('category.') ? `cat_${key.slice(9)}` : EMPLOYMENT_FIELDS[key as keyof typeof EMPLOYMENT_FIELDS];
}

/** Reads the employment form; `fixedYear` is the year of an edited row (its year cannot change). */
export function checkEmploymentForm(body: Record<string, string>, thisYear: number, fixedYear?: number): EmploymentFigures {
  const c = new FormChecker(body);
  const count = (f: string, required: boolean): number => readCount(c, f, required);
  let year = fixedYear ?? 0;
  if (fixedYear === undefined) {
    const y = c.text('year');
    if (y === '') c.add('year', EMPLOYMENT_LABELS.year!, 'validation.required');
    else if (!/^\d{4}$/.test(y) || Number(y) < FIRST_YEAR || Number(y) > thisYear)
      c.add('year', EMPLOYMENT_LABELS.year!, 'entityRecord.invalid.year', { min: FIRST_YEAR, max: thisYear });
    else year = Number(y);
  }
  const headcount = count('headcount', true);
  const employees = count('employees', true);
  let fte = 0;
  const fteText = c.text('fte');
  if (fteText === '') c.add('fte', EMPLOYMENT_LABELS.fte!, 'validation.required');
  else {
    const parsed = parseFte(fteText);
    if (parsed === null) c.add('fte', EMPLOYMENT_LABELS.fte!, 'entityRecord.invalid.fte');
    else fte = parsed;
  }
  const figures: EmploymentFigures = {
    year,
    headcount,
    employees,
    fteHundredths: fte,
    employeesHalfTime: count('employees_half_time', true),
    atRisk: count('at_risk', true),
    atRiskHalfTime: count('at_risk_half_time', true),
    categories: readAtRiskCategories(c),
    source: null,
  };
  const source = c.text('source');
  if ([...source].length > 300) c.add('source', EMPLOYMENT_LABELS.source!, 'validation.tooLong', { count: 300 });
  figures.source = source === '' ? null : source;
  if (c.problems.length === 0) {
    for (const [key, reason] of figureProblems(figures)) {
      const field = employmentFieldOf(key);
      c.add(field, EMPLOYMENT_LABELS[field]!, `entityRecord.invalid.${reason}`);
    }
  }
  c.assertValid();
  return figures;
}

export function figuresOf(r: EmploymentRow): EmploymentFigures {
  let categories: EmploymentFigures['categories'] = {};
  try {
    const v: unknown = JSON.parse(r.at_risk_categories);
    if (v && typeof v === 'object')
      categories = Object.fromEntries(
        Object.entries(v).filter(([k, n]) => (AT_RISK_CATEGORIES as readonly string[]).includes(k) && typeof n === 'number'),
      ) as EmploymentFigures['categories'];
  } catch {
    categories = {};
  }
  return {
    year: r.year,
    headcount: r.headcount,
    employees: r.employees,
    fteHundredths: r.fte_hundredths,
    employeesHalfTime: r.employees_half_time,
    atRisk: r.at_risk,
    atRiskHalfTime: r.at_risk_half_time,
    categories,
    source: r.source,
  };
}

const employmentColumns = (f: EmploymentFigures) => ({
  headcount: f.headcount,
  employees: f.employees,
  fte_hundredths: f.fteHundredths,
  employees_half_time: f.employeesHalfTime,
  at_risk: f.atRisk,
  at_risk_half_time: f.atRiskHalfTime,
  at_risk_categories: JSON.stringify(f.categories),
  source: f.source,
});
/** The figures as the history keeps them (FTE as a decimal, as typed). */
const employmentValue = (f: EmploymentFigures) => ({
  ...employmentColumns(f),
  year: f.year,
  fte: formatFte(f.fteHundredths),
  fte_hundredths: undefined,
  at_risk_categories: f.categories,
});

/**
 * Writes one year's figures the way the staff screens do: the row inserted (no `existing` row) or
 * updated, one history row and one audit entry; nothing when the figures are unchanged. A
 * representative's accepted proposal is written here too, `proposedBy` naming them in the history
 * (the actor is the staff member who verified it). Returns the change as history and audit keep it.
 */
export async function writeEmploymentYear(
  trx: Executor,
  ctx: ModuleContext,
  entityId: string,
  existing: EmploymentRow | undefined,
  f: EmploymentFigures,
  actor: Actor,
  opts: { proposedBy?: string; meta?: Record<string, unknown> } = {},
): Promise<{ before: unknown; after: unknown } | null> {
  const now = nowIso(ctx.clock);
  const before = existing ? employmentValue(figuresOf(existing)) : null;
  const after = employmentValue(f);
  if (JSON.stringify(before) === JSON.stringify(after)) return null;
  if (existing) await rrepo.updateEmployment(trx, entityId, f.year, { ...employmentColumns(f), updated_at: now });
  else
    await rrepo.insertEmployment(trx, {
      id: newId(),
      entity_id: entityId,
      year: f.year,
      ...employmentColumns(f),
      created_at: now,
      updated_at: now,
    });
  const action = existing ? 'registry.employment.update' : 'registry.employment.create';
  await logChange(trx, ctx, entityId, actor, {
    field: 'employment',
    before,
    after,
    action,
    meta: { year: f.year, ...opts.meta },
    ...(opts.proposedBy ? { proposedBy: opts.proposedBy } : {}),
  });
  return { before, after };
}

export async function addEmployment(ctx: ModuleContext, entityId: string, f: EmploymentFigures, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await requireEntity(trx, entityId);
    if (await rrepo.findEmployment(trx, entityId, f.year))
      refuse('year', EMPLOYMENT_LABELS.year!, 'entityRecord.invalid.yearTaken', { year: f.year });
    await writeEmploymentYear(trx, ctx, entityId, undefined, f, actor);
  });
}

export async function editEmployment(ctx: ModuleContext, entityId: string, f: EmploymentFigures, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await rrepo.findEmployment(trx, entityId, f.year);
    if (!row) throw notFound();
    await writeEmploymentYear(trx, ctx, entityId, row, f, actor);
  });
}

export async function removeEmployment(ctx: ModuleContext, entityId: string, year: number, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await rrepo.findEmployment(trx, entityId, year);
    if (!row) throw notFound();
    await rrepo.deleteEmployment(trx, entityId, year);
    await logChange(trx, ctx, entityId, actor, {
      field: 'employment',
      before: employmentValue(figuresOf(row)),
      after: null,
      action: 'registry.employment.delete',
      meta: { year },
    });
  });
}

// --- the record as staff see it ------------------------------------------------------------------

export interface SubregionName {
  pl: string;
  en: string;
}

export interface PlaceView extends PlaceRow {
  gminaName: string | null;
  subregion: SubregionName | null;
}

export interface EmploymentYear {
  figures: EmploymentFigures;
  /** The PS type the year is checked against: the one in force at the year's end, else the latest. */
  psType: PsType | null;
  check: ConditionCheck;
}

export interface RecordOverview {
  entity: repo.EntityRow;
  ps: PsState;
  psHistory: PsEntryRow[];
  places: PlaceView[];
  seatSubregion: SubregionName | null;
  /** Every mark with its state today (mark-validity.ts). */
  marks: (MarkRow & { validity: MarkValidity })[];
  /** Who checked that the entity is active (`entity.activity_verified_by`), by display name. */
  activityVerifiedBy: string | null;
  /** Newest year first. */
  employment: EmploymentYear[];
  /**
   * Set while the entity holds the PS status: `failed` when the latest year's figures do not meet
   * the statutory conditions, `noData` when no figures were entered.
   */
  warning: { kind: 'failed'; year: EmploymentYear } | { kind: 'noData' } | null;
  pkd: string[];
  sectors: string[];
}

/** gmina TERYT → its subregion today (through its powiat). */
async function subregionFinder(ctx: ModuleContext, day: string): Promise<(gmina: string | null) => SubregionName | null> {
  const byPowiat = subregionOfPowiat(await listSubregionsWithMembers(ctx), day);
  return (gmina) => {
    const s = gmina ? byPowiat.get(gmina.slice(0, 4)) : undefined;
    return s ? { pl: s.name_pl, en: s.name_en } : null;
  };
}

export async function recordOverview(ctx: ModuleContext, id: string): Promise<RecordOverview | null> {
  const entity = await repo.findEntity(ctx.db, id);
  if (!entity) return null;
  const day = warsawToday(ctx.clock);
  const [psHistory, places, marks, employment, names, subregionOf, verifier] = await Promise.all([
    repo.listPsStatus(ctx.db, id),
    rrepo.listPlaces(ctx.db, id),
    repo.listMarks(ctx.db, id),
    rrepo.listEmployment(ctx.db, id),
    unitNames(ctx),
    subregionFinder(ctx, day),
    entity.activity_verified_by ? rrepo.userDisplayName(ctx.db, entity.activity_verified_by) : Promise.resolve(null),
  ]);
  const ps = psStateOn(psHistory);
  const latestType = ([...psHistory].reverse().find((h) => h.kind === 'granted')?.ps_type ?? null) as PsType | null;
  const years = employment.map((r) => {
    const atYearEnd = psStateOn(psHistory, `${r.year}-12-31`);
    const psType = (atYearEnd.type ?? latestType) as PsType | null;
    const figures = figuresOf(r);
    return { figures, psType, check: checkConditions(figures, psType) };
  });
  const latest = years[0];
  const warning = !ps.has
    ? null
    : latest === undefined
      ? ({ kind: 'noData' } as const)
      : !checkConditions(latest.figures, ps.type).holds
        ? ({ kind: 'failed', year: { ...latest, psType: ps.type, check: checkConditions(latest.figures, ps.type) } } as const)
        : null;
  return {
    entity,
    ps,
    psHistory,
    places: places.map((p) => ({
      ...p,
      lat: round6(p.lat),
      lon: round6(p.lon),
      gminaName: p.gmina_teryt ? (names.get(p.gmina_teryt) ?? null) : null,
      subregion: subregionOf(p.gmina_teryt),
    })),
    seatSubregion: subregionOf(entity.gmina_teryt),
    marks: marks.map((m) => ({ ...m, validity: markValidity(m, day) })),
    activityVerifiedBy: verifier,
    employment: years,
    warning,
    pkd: pkdList(entity.pkd_codes),
    sectors: parseSectors(entity.sectors).map((s) => s.sector),
  };
}

/** For the staff list: each entity holding the PS status now, and whether its latest figures fail (or are missing). */
export type PsFlag = 'ok' | 'failed' | 'noData';

/** The flags of the entities on one page of the staff list (read for those entities only, never the whole registry). */
export async function psFlags(ctx: ModuleContext, entityIds: readonly string[]): Promise<Map<string, PsFlag>> {
  const [entries, latest] = await Promise.all([rrepo.listPsEntriesOf(ctx.db, entityIds), rrepo.listLatestEmploymentOf(ctx.db, entityIds)]);
  const byEntity = new Map<string, PsEntryRow[]>();
  for (const e of entries) byEntity.set(e.entity_id, [...(byEntity.get(e.entity_id) ?? []), e]);
  const figures = new Map(latest.map((r) => [r.entity_id, figuresOf(r)]));
  const out = new Map<string, PsFlag>();
  for (const [id, history] of byEntity) {
    const ps = psStateOn(history);
    if (!ps.has) continue;
    const f = figures.get(id);
    out.set(id, f === undefined ? 'noData' : checkConditions(f, ps.type).holds ? 'ok' : 'failed');
  }
  return out;
}

/** What the public entity page shows of the record: never the employment figures. */
export interface PublicRecord {
  ps: PsState;
  /** Grants and losses without the reasons of a loss (those stay with staff). */
  psHistory: Pick<PsEntryRow, 'id' | 'kind' | 'ps_type' | 'decision_number' | 'decision_date'>[];
  places: PlaceView[];
  /** Every mark with its state: valid ones, and the others saying why they are not (expired, dates unknown). */
  marks: MarkView[];
  activityType: ActivityType | null;
  pkd: string[];
  sectors: string[];
  creatingBody: string | null;
}

/**
 * Subregions for public pages, kept a minute per database: the entity page has a budget of
 * statements per request, and OWES subregions change a few times per funding period.
 */
const publicSubregions = new WeakMap<object, { until: number; day: string; find: (gmina: string | null) => SubregionName | null }>();
const PUBLIC_SUBREGIONS_TTL_MS = 60_000;

async function cachedSubregionFinder(ctx: ModuleContext, day: string) {
  const now = ctx.clock.now().getTime();
  const hit = publicSubregions.get(ctx.db);
  if (hit && hit.until > now && hit.day === day) return hit.find;
  const find = await subregionFinder(ctx, day);
  publicSubregions.set(ctx.db, { until: now + PUBLIC_SUBREGIONS_TTL_MS, day, find });
  return find;
}

/** The public part of the record, from what the entity page already loaded. */
export async function publicRecordOf(
  ctx: ModuleContext,
  details: { entity: repo.EntityRow; psHistory: PsEntryRow[]; places: PlaceRow[]; marks: MarkView[] },
  names: Map<string, string>,
): Promise<PublicRecord> {
  const e = details.entity;
  const subregionOf = details.places.length ? await cachedSubregionFinder(ctx, warsawToday(ctx.clock)) : () => null;
  return {
    ps: psStateOn(details.psHistory),
    psHistory: details.psHistory.map((h) => ({
      id: h.id,
      kind: h.kind,
      ps_type: h.ps_type,
      decision_number: h.decision_number,
      decision_date: h.decision_date,
    })),
    places: details.places.map((p) => ({
      ...p,
      lat: round6(p.lat),
      lon: round6(p.lon),
      gminaName: p.gmina_teryt ? (names.get(p.gmina_teryt) ?? null) : null,
      subregion: subregionOf(p.gmina_teryt),
    })),
    marks: details.marks,
    activityType: (ACTIVITY_TYPES as readonly string[]).includes(e.activity_type ?? '') ? (e.activity_type as ActivityType) : null,
    pkd: pkdList(e.pkd_codes),
    sectors: parseSectors(e.sectors).map((s) => s.sector),
    creatingBody: e.creating_body,
  };
}
