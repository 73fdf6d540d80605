// Rules of the local governments' awards: staff enter a laureate or distinction of an edition of
// "Samorząd Przyjazny ES" or "Samorząd Rozwijający ES" (silver or gold) for a gmina or powiat chosen
// by name, with the source; every change is audited. The editions are read back for the public
// page, a unit's profile and the Forum's event page (with the units' good practices, through the
// events module's `eventPageSections`).
import type { ModuleContext } from '../../../core/module.js';
import { warsawDay, warsawYear } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import { translator, type Lang } from '../../../i18n/index.js';
import { profilePath } from '../../territory/index.js';
import { AWARD_LEVELS, AWARD_RANKS, AWARDS, type LocalgovAwardsTable } from '../localgov.tables.js';
import { findOrNotFound, removeAudited, saveAudited, type Actor, type RemovedTable, type SavedTable } from '../localgov.audited.service.js';
import { checkUnitField, unitOptions, type UnitOption } from '../localgov.units.js';
import { practicesOfUnit } from '../practices/practices.service.js';
import * as repo from './awards.repo.js';
import type { AwardRow } from './awards.repo.js';

export type { AwardRow } from './awards.repo.js';
export const FIRST_EDITION = 2010;

type AwardInput = Omit<LocalgovAwardsTable, 'id' | 'created_at' | 'updated_at' | 'updated_by'>;

function oneOf<T extends string>(values: readonly T[], v: string): T | null {
  return (values as readonly string[]).includes(v) ? (v as T) : null;
}

export function checkAwardForm(values: Record<string, unknown>, units: readonly UnitOption[], thisYear: number): AwardInput {
  const f = new FormChecker(values);
  const unit = checkUnitField(f, units);
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
    unit_teryt: unit!.teryt,
    note,
    source,
  };
}

const awardTable: SavedTable<AwardInput, AwardRow> & RemovedTable<AwardRow> = {
  subjectType: 'localgov_award',
  find: repo.findAward,
  created: 'localgov.award.create',
  updated: 'localgov.award.update',
  insert: repo.insertAward,
  update: repo.updateAward,
  removed: 'localgov.award.delete',
  remove: repo.deleteAward,
  changes: (before) => ({
    unit_teryt: { before: before.unit_teryt, after: null },
    edition_year: { before: before.edition_year, after: null },
    award: { before: before.award, after: null },
  }),
};

export async function saveAward(ctx: ModuleContext, id: string | null, values: Record<string, unknown>, actor: Actor): Promise<string> {
  const input = checkAwardForm(values, await unitOptions(ctx, 'pl'), warsawYear(ctx.clock));
  return saveAudited(ctx, awardTable, id, input, actor);
}

export async function removeAward(ctx: ModuleContext, id: string, actor: Actor): Promise<void> {
  await removeAudited(ctx, awardTable, id, actor);
}

export async function getAward(ctx: ModuleContext, id: string): Promise<AwardRow> {
  return findOrNotFound(ctx, awardTable, id);
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

/** An award of a Forum edition with the good practices of the unit that received it. */
export interface ForumAwardView extends AwardView {
  practices: { title: string; path: string }[];
}

/** The edition an event belongs to: the Warsaw calendar year of its start. */
export function editionYearOf(startsAt: string): number {
  return Number(warsawDay(startsAt).slice(0, 4));
}

/** The awards given at the Forum held in `year`, each with its unit's good practices (the Forum's page). */
export async function forumAwards(ctx: ModuleContext, year: number, lang: Lang): Promise<ForumAwardView[]> {
  const awards = await awardsOfEdition(ctx, year, lang);
  const practices = new Map(
    await Promise.all(
      [...new Set(awards.map((a) => a.unitTeryt))].map(
        async (teryt) => [teryt, (await practicesOfUnit(ctx, teryt, lang)).map((p) => ({ title: p.title, path: p.path }))] as const,
      ),
    ),
  );
  return awards.map((a) => ({ ...a, practices: practices.get(a.unitTeryt) ?? [] }));
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
