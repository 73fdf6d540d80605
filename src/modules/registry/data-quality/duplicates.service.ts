// Rules for suspected duplicates: two live records with the same folded name in the same gmina.
// Staff either dismiss the pair (remembered, never proposed again) or merge it: one record is kept,
// each differing field takes the value staff chose, the other record's places, PS history, marks,
// change history and representatives move to the kept one, and the other is closed with a pointer
// to the kept one (its address redirects). Everything lands in the field history and the audit log.
import { polishSortKey } from '../../../core/db/collation.js';
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { ModuleContext } from '../../../core/module.js';
import type { TKey } from '../../../i18n/index.js';
import { moveScopedRoles } from '../../accounts/index.js';
import { recordAudit } from '../../audit/index.js';
import type { Actor } from './import.service.js';
import * as quality from './quality.repo.js';
import * as repo from '../entity/registry.repo.js';
import { entitySearchDocument, unitNames, type EntityRow } from '../entity/registry.service.js';

export const MAX_GROUPS = 200;

/** Fields staff choose between when merging (identity, lifecycle and bookkeeping stay the kept record's). */
export const MERGE_FIELDS = [
  'name',
  'short_name',
  'legal_form',
  'creating_body',
  'nip',
  'regon',
  'krs',
  'other_register',
  'registration_date',
  'description',
  'website',
  'email',
  'phone',
  'activity_type',
  'pkd_codes',
  'sectors',
  'gmina_teryt',
  'town',
  'address',
  'data_source',
  'source_url',
  'verified_at',
] as const satisfies readonly (keyof EntityRow)[];
export type MergeField = (typeof MERGE_FIELDS)[number];

export const MERGE_FIELD_LABELS: Record<MergeField, TKey> = {
  name: 'registryImport.field.name',
  short_name: 'registryImport.field.short_name',
  legal_form: 'registryImport.field.legal_form',
  creating_body: 'registryImport.field.creating_body',
  nip: 'registryImport.field.nip',
  regon: 'registryImport.field.regon',
  krs: 'registryImport.field.krs',
  other_register: 'registryDuplicates.field.other_register',
  registration_date: 'registryImport.field.registration_date',
  description: 'registryImport.field.description',
  website: 'registryImport.field.website',
  email: 'registryImport.field.email',
  phone: 'registryImport.field.phone',
  activity_type: 'registryDuplicates.field.activity_type',
  pkd_codes: 'registryDuplicates.field.pkd_codes',
  sectors: 'registryImport.field.sectors',
  gmina_teryt: 'registryImport.field.gmina_teryt',
  town: 'registryImport.field.town',
  address: 'registryImport.field.address',
  data_source: 'registryDuplicates.field.data_source',
  source_url: 'registryImport.field.source_url',
  verified_at: 'registryImport.field.verified_at',
};

/** Labels of the history rows written by the import and the merge (the record's history table shows them). */
export const QUALITY_HISTORY_LABELS: Record<string, TKey> = {
  ...MERGE_FIELD_LABELS,
  import: 'registryDuplicates.history.import',
  merged_from: 'registryDuplicates.history.merged_from',
  merged_into: 'registryDuplicates.history.merged_into',
  merged_representatives: 'registryDuplicates.history.merged_representatives',
};

type Value = string | null;
const valueOf = (e: EntityRow, f: MergeField): Value => {
  const v = (e as unknown as Record<string, unknown>)[f];
  if (v === null || v === undefined) return null;
  const s = String(v);
  // an empty list is no value: the other record's sectors fill it
  return s === '' || s === '[]' ? null : s;
};

export interface SuspectedPair {
  a: quality.DuplicateMember;
  b: quality.DuplicateMember;
  gminaName: string | null;
}

/** The suspected pairs staff have not dismissed, in name order. */
export async function listSuspectedPairs(ctx: ModuleContext): Promise<SuspectedPair[]> {
  const members = await quality.suspectedGroups(ctx.db, MAX_GROUPS);
  const dismissed = await quality.dismissalsAmong(
    ctx.db,
    members.map((m) => m.id),
  );
  const names = await unitNames(ctx);
  const groups = new Map<string, quality.DuplicateMember[]>();
  for (const m of members) {
    const key = `${m.name_key}|${m.gmina_teryt}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const pairs: SuspectedPair[] = [];
  for (const list of groups.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = ordered(list[i]!, list[j]!);
        if (!dismissed.has(`${a.id}|${b.id}`)) pairs.push({ a, b, gminaName: names.get(a.gmina_teryt) ?? null });
      }
    }
  }
  return pairs;
}

/** A pair is stored and addressed in one order: by id (UUIDv7: older first). */
function ordered<T extends { id: string }>(x: T, y: T): [T, T] {
  return x.id < y.id ? [x, y] : [y, x];
}

export interface PairDetails {
  a: EntityRow;
  b: EntityRow;
  /** Fields where the records differ, with the value preselected (A's, or B's when A has none). */
  differing: { field: MergeField; a: Value; b: Value; preferred: 'a' | 'b' }[];
}

/** Both records of a pair that is still a suspected duplicate; 404 otherwise (merged, dismissed, renamed). */
async function loadPair(db: quality.Executor, idA: string, idB: string): Promise<{ a: EntityRow; b: EntityRow }> {
  if (idA >= idB) throw new AppError('http.not_found');
  const [a, b] = await Promise.all([repo.findEntity(db, idA), repo.findEntity(db, idB)]);
  const suspected =
    a &&
    b &&
    !a.merged_into &&
    !b.merged_into &&
    a.gmina_teryt !== null &&
    a.gmina_teryt === b.gmina_teryt &&
    a.name_key !== null &&
    a.name_key === b.name_key;
  if (!suspected || (await quality.isDismissed(db, idA, idB))) throw new AppError('http.not_found');
  return { a, b };
}

export async function pairDetails(ctx: ModuleContext, idA: string, idB: string): Promise<PairDetails> {
  const { a, b } = await loadPair(ctx.db, idA, idB);
  const differing = MERGE_FIELDS.filter((f) => valueOf(a, f) !== valueOf(b, f)).map((f) => ({
    field: f,
    a: valueOf(a, f),
    b: valueOf(b, f),
    preferred: valueOf(a, f) === null ? ('b' as const) : ('a' as const),
  }));
  return { a, b, differing };
}

export interface MergeChoice {
  keep: 'a' | 'b';
  /** Per differing field, whose value the kept record gets; absent: the preselected one. */
  take: Partial<Record<MergeField, 'a' | 'b'>>;
}

/** Reads the merge form: `keep=a|b` and `take_<field>=a|b`; anything else is ignored. */
export function mergeChoiceFromForm(body: Record<string, string>): MergeChoice {
  const take: MergeChoice['take'] = {};
  for (const f of MERGE_FIELDS) {
    const v = body[`take_${f}`];
    if (v === 'a' || v === 'b') take[f] = v;
  }
  return { keep: body.keep === 'b' ? 'b' : 'a', take };
}

/** Merges the pair; returns the id of the kept record. */
export async function mergePair(ctx: ModuleContext, idA: string, idB: string, choice: MergeChoice, actor: Actor): Promise<string> {
  const names = await unitNames(ctx);
  const now = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const { a, b } = await loadPair(trx, idA, idB);
    const [kept, other] = choice.keep === 'a' ? [a, b] : [b, a];
    const result: Record<string, Value> = {};
    for (const f of MERGE_FIELDS) {
      const va = valueOf(a, f);
      const vb = valueOf(b, f);
      if (va === vb) continue;
      const side = choice.take[f] ?? (va === null ? 'b' : 'a');
      const chosen = side === 'a' ? va : vb;
      if (chosen !== valueOf(kept, f)) result[f] = chosen;
    }
    const changed = Object.keys(result) as MergeField[];
    const merged = { ...kept, ...result, sectors: result.sectors ?? kept.sectors } as EntityRow;
    if (changed.length) {
      await repo.updateEntity(trx, kept.id, {
        ...(result as repo.EntityUpdate),
        sectors: merged.sectors,
        name: merged.name,
        short_name: merged.short_name,
        name_sort: polishSortKey(merged.name),
        search_doc: entitySearchDocument(merged, merged.gmina_teryt ? (names.get(merged.gmina_teryt) ?? null) : null),
        updated_at: now,
      });
    }
    // the closed record gives up identifiers the kept one now holds (one number, one record)
    const released = (['nip', 'regon', 'krs'] as const).filter((f) => other[f] !== null && other[f] === merged[f]);
    await quality.moveDependents(trx, other.id, kept.id);
    // the accounts module owns the roles; its representatives now act for the kept record
    const representatives = await moveScopedRoles(
      ctx,
      trx,
      { role: 'entity_representative', scopeType: 'entity', fromId: other.id, toId: kept.id },
      actor,
    );
    const representativeIds = [...representatives.moved, ...representatives.alreadyHeld];
    await repo.updateEntity(trx, other.id, {
      lifecycle: 'closed',
      merged_into: kept.id,
      ...Object.fromEntries(released.map((f) => [f, null])),
      updated_at: now,
    });
    const change = (entity: string, field: string, before: Value, after: Value) => ({
      id: newId(),
      entity_id: entity,
      at: now,
      user_id: actor.actorId,
      field,
      old_value: before,
      new_value: after,
    });
    await repo.insertChanges(trx, [
      ...changed.map((f) => change(kept.id, f, valueOf(kept, f), result[f] ?? null)),
      change(kept.id, 'merged_from', null, `${other.id} ${other.name}`),
      change(other.id, 'lifecycle', other.lifecycle, 'closed'),
      change(other.id, 'merged_into', null, kept.id),
      ...released.map((f) => change(other.id, f, other[f], null)),
      ...(representativeIds.length ? [change(kept.id, 'merged_representatives', null, representativeIds.join(', '))] : []),
    ]);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'registry.entity.merge',
        subjectType: 'entity',
        subjectId: kept.id,
        changes: Object.fromEntries(changed.map((f) => [f, { before: valueOf(kept, f), after: result[f] ?? null }])),
        meta: { merged: other.id, mergedName: other.name, representatives },
      },
      ctx.clock,
    );
    return kept.id;
  });
}

export async function dismissPair(ctx: ModuleContext, idA: string, idB: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadPair(trx, idA, idB);
    await quality.insertDismissal(trx, {
      id: newId(),
      entity_a: idA,
      entity_b: idB,
      dismissed_by: actor.actorId,
      dismissed_at: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      { ...actor, action: 'registry.duplicate.dismiss', subjectType: 'entity', subjectId: idA, meta: { other: idB } },
      ctx.clock,
    );
  });
}

/** Where a merged record's address leads: the record it was merged into (following later merges). */
export async function mergeTarget(ctx: ModuleContext, entity: EntityRow): Promise<EntityRow | null> {
  let current = entity;
  for (let hops = 0; current.merged_into && hops < 10; hops++) {
    const next = await repo.findEntity(ctx.db, current.merged_into);
    if (!next) return null;
    current = next;
  }
  return current.id === entity.id ? null : current;
}
