// Rules of the local governments' awards: staff enter a laureate or distinction of an edition of
// "Samorząd Przyjazny ES" or "Samorząd Rozwijający ES" (silver or gold) for a gmina or powiat chosen
// by name, with the source; every change is audited. The editions are read back for the public
// page, a unit's profile and — through the module's index — the Forum's event page.
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { ModuleContext } from '../../../core/module.js';
import { warsawYear } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import { translator, type Lang } from '../../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../../audit/index.js';
import { profilePath } from '../../territory/index.js';
import { AWARD_LEVELS, AWARD_RANKS, AWARDS, type LocalgovAwardsTable } from '../localgov.tables.js';
import { matchUnit, unitOptions, type UnitOption } from '../localgov.units.js';
import * as repo from './awards.repo.js';
import type { AwardRow } from './awards.repo.js';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
export type { AwardRow } from './awards.repo.js';
export const FIRST_EDITION = 2010;

type AwardInput = Omit<LocalgovAwardsTable, 'id' | 'created_at' | 'updated_at' | 'updated_by'>;

function oneOf<T extends string>(values: readonly T[], v: string): T | null {
  return (values as readonly string[]).includes(v) ? (v as T) : null;
}

export function checkAwardForm(values: Record<string, unknown>, units: readonly UnitOption[], thisYear: number): AwardInput {
  const f = new FormChecker(values);
  const unitText = f.text('unit');
  const found = matchUnit(units, unitText);
  if (unitText === '') f.add('unit', 'localgov.field.unit', 'validation.required');
  else if (found.length !== 1)
    f.add('unit', 'localgov.field.unit', found.length === 0 ? 'localgov.problem.unitUnknown' : 'localgov.problem.unitAmbiguous');
  const yearText = f.text('edition_year');
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < FIRST_EDITION || year > thisYear)
    f.add('edition_year', 'localgov.awards.field.edition', 'localgov.problem.year', { from: FIRST_EDITION, to: thisYear });
  const award = oneOf(AWARDS, f.text('award'));
  if (!award) f.add('award', 'localgov.awards.field.award', 'validation.required');
  const level = oneOf(AWARD_LEVELS, f.text('level'));
  if (award === 'developing' && !level) f.add('level', 'localgov.awards.field.level', 'localgov.awards.problem.levelRequired');
  if (award === 'friendly' && level) f.add('level', 'localgov.awards.field.level', 'localgov.awards.problem.levelNone');
  const rank = oneOf(AWARD_RANKS, f.text('rank'));
  if (!rank) f.add('rank', 'localgov.awards.field.rank', 'validation.required');
  const note = f.text('note') || null;
  if (note && [...note].length > 500) f.add('note', 'localgov.awards.field.note', 'validation.tooLong', { count: 500 });
  const source = f.required('source', 'localgov.field.source', { max: 500 });
  f.assertValid();
  return {
    edition_year: year,
    award: award!,
    level: award === 'developing' ? level : null,
    rank: rank!,
    unit_teryt: found[0]!.teryt,
    note,
    source,
  };
}

export async function saveAward(ctx: ModuleContext, id: string | null, values: Record<string, unknown>, actor: Actor): Promise<string> {
  const input = checkAwardForm(values, await unitOptions(ctx, 'pl'), warsawYear(ctx.clock));
  const existing = id ? await repo.findAward(ctx.db, id) : undefined;
  if (id && !existing) throw new AppError('http.not_found');
  const now = nowIso(ctx.clock);
  const savedId = existing?.id ?? newId();
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, v] of Object.entries(input)) {
    const before = existing ? existing[k as keyof AwardInput] : null;
    if (before !== v) changes[k] = { before, after: v };
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (existing) await repo.updateAward(trx, savedId, { ...input, updated_at: now, updated_by: actor.actorId });
    else await repo.insertAward(trx, { id: savedId, ...input, created_at: now, updated_at: now, updated_by: actor.actorId });
    await recordAudit(
      trx,
      {
        ...actor,
        action: existing ? 'localgov.award.update' : 'localgov.award.create',
        subjectType: 'localgov_award',
        subjectId: savedId,
        changes,
      },
      ctx.clock,
    );
  });
  return savedId;
}

export async function removeAward(ctx: ModuleContext, id: string, actor: Actor): Promise<void> {
  const before = await repo.findAward(ctx.db, id);
  if (!before) throw new AppError('http.not_found');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteAward(trx, id);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'localgov.award.delete',
        subjectType: 'localgov_award',
        subjectId: id,
        changes: {
          unit_teryt: { before: before.unit_teryt, after: null },
          edition_year: { before: before.edition_year, after: null },
          award: { before: before.award, after: null },
        },
      },
      ctx.clock,
    );
  });
}

export async function getAward(ctx: ModuleContext, id: string): Promise<AwardRow> {
  const row = await repo.findAward(ctx.db, id);
  if (!row) throw new AppError('http.not_found');
  return row;
}

/** An award as people read it, e.g. "Samorząd Rozwijający Ekonomię Społeczną — złoty, laureat". */
export interface AwardView {
  id: string;
  year: number;
  unitTeryt: string;
  unitLabel: string;
  path: string;
  /** The award's name with its level. */
  title: string;
  /** "laureat" or "wyróżnienie". */
  rank: string;
  note: string | null;
  source: string;
}

async function views(ctx: ModuleContext, rows: readonly AwardRow[], lang: Lang): Promise<AwardView[]> {
  const t = translator(lang);
  const label = new Map((await unitOptions(ctx, lang)).map((u) => [u.teryt, u.label]));
  return rows.map((r) => ({
    id: r.id,
    year: r.edition_year,
    unitTeryt: r.unit_teryt,
    unitLabel: label.get(r.unit_teryt) ?? r.unit_teryt,
    path: profilePath(r.unit_teryt),
    title: r.level
      ? t('localgov.awards.withLevel', { award: t(`localgov.awards.award.${r.award}`), level: t(`localgov.awards.level.${r.level}`) })
      : t(`localgov.awards.award.${r.award}`),
    rank: t(`localgov.awards.rank.${r.rank}`),
    note: r.note,
    source: r.source,
  }));
}

/** Every award, newest edition first. */
export async function allAwards(ctx: ModuleContext, lang: Lang): Promise<AwardView[]> {
  return views(ctx, await repo.listAwards(ctx.db), lang);
}

/** The laureates and distinctions of one edition (the Forum's page shows them through the index). */
export async function awardsOfEdition(ctx: ModuleContext, year: number, lang: Lang): Promise<AwardView[]> {
  return views(ctx, await repo.listAwards(ctx.db, { year }), lang);
}

export async function awardsOfUnit(ctx: ModuleContext, teryt: string, lang: Lang): Promise<AwardView[]> {
  return views(ctx, await repo.listAwards(ctx.db, { teryt }), lang);
}

export function awardFormValues(r: AwardRow, units: readonly UnitOption[]): Record<string, string> {
  return {
    unit: units.find((u) => u.teryt === r.unit_teryt)?.label ?? '',
    edition_year: String(r.edition_year),
    award: r.award,
    level: r.level ?? '',
    rank: r.rank,
    note: r.note ?? '',
    source: r.source,
  };
}
