// Rules of the local governments' good practices: staff write a short article (title, text, source)
// for a gmina or powiat chosen by name, name the measure it illustrates and the registry entities
// involved (by their exact names, one per line); every change is audited. Public: the list with a
// Polish-tolerant text filter, the article, the unit's profile and the site search.
import type { ModuleContext } from '../../../core/module.js';
import { queryTerms, textMatches } from '../../../core/search/index.js';
import { FormChecker } from '../../../core/validation.js';
import { translator, type Lang } from '../../../i18n/index.js';
import { entityFacts, entityIdByName, entityPath } from '../../registry/index.js';
import { profilePath } from '../../territory/index.js';
import { PRACTICE_MEASURES, type LocalgovPracticesTable } from '../localgov.tables.js';
import { findOrNotFound, saveAudited, type Actor, type SavedTable } from '../localgov.audited.service.js';
import { checkUnitField, unitOptions } from '../localgov.units.js';
import * as repo from './practices.repo.js';
import type { PracticeRow } from './practices.repo.js';

type PracticeInput = Omit<LocalgovPracticesTable, 'id' | 'created_at' | 'updated_at' | 'updated_by'>;

export function practicePath(id: string): string {
  return `/samorzady/dobre-praktyki/${id}`;
}

async function checkForm(ctx: ModuleContext, values: Record<string, unknown>): Promise<PracticeInput> {
  const f = new FormChecker(values);
  const title = f.required('title', 'localgov.practices.field.title', { max: 200 });
  const body = f.required('body', 'localgov.practices.field.body', { max: 4000 });
  const unit = checkUnitField(f, await unitOptions(ctx, 'pl'));
  const measureText = f.text('measure');
  const measure = (PRACTICE_MEASURES as readonly string[]).includes(measureText) ? (measureText as PracticeInput['measure']) : null;
  if (!measure) f.add('measure', 'localgov.practices.field.measure', 'validation.required');
  const names = [
    ...new Set(
      f
        .text('entities')
        .split('\n')
        .map((n) => n.trim())
        .filter(Boolean),
    ),
  ];
  const ids: string[] = [];
  for (const name of names.slice(0, 20)) {
    const id = await entityIdByName(ctx, name);
    if (id) ids.push(id);
    else f.add('entities', 'localgov.practices.field.entities', 'localgov.practices.problem.entity', { name: name.slice(0, 100) });
  }
  const source = f.required('source', 'localgov.field.source', { max: 500 });
  f.assertValid();
  return { title, body, unit_teryt: unit!.teryt, measure: measure!, entity_ids: JSON.stringify(ids), source };
}

const practiceTable: SavedTable<PracticeInput, PracticeRow> = {
  subjectType: 'localgov_practice',
  find: repo.findPractice,
  created: 'localgov.practice.create',
  updated: 'localgov.practice.update',
  insert: repo.insertPractice,
  update: repo.updatePractice,
};

export async function savePractice(ctx: ModuleContext, id: string | null, values: Record<string, unknown>, actor: Actor): Promise<string> {
  const input = await checkForm(ctx, values);
  return saveAudited(ctx, practiceTable, id, input, actor);
}

export interface PracticeView {
  id: string;
  path: string;
  title: string;
  body: string;
  unitTeryt: string;
  unitLabel: string;
  unitPath: string;
  measure: string;
  entities: { name: string; path: string }[];
  source: string;
}

async function views(ctx: ModuleContext, rows: readonly PracticeRow[], lang: Lang): Promise<PracticeView[]> {
  const t = translator(lang);
  const label = new Map((await unitOptions(ctx, lang)).map((u) => [u.teryt, u.label]));
  const idsOf = (r: PracticeRow) => JSON.parse(r.entity_ids) as string[];
  const facts = await entityFacts(ctx, rows.flatMap(idsOf));
  return rows.map((r) => ({
    id: r.id,
    path: practicePath(r.id),
    title: r.title,
    body: r.body,
    unitTeryt: r.unit_teryt,
    unitLabel: label.get(r.unit_teryt) ?? r.unit_teryt,
    unitPath: profilePath(r.unit_teryt),
    measure: t(`localgov.practices.measure.${r.measure}`),
    entities: idsOf(r)
      .map((id) => facts.get(id))
      .filter((e) => e !== undefined)
      .map((e) => ({ name: e.name, path: entityPath(e) })),
    source: r.source,
  }));
}

/** The practices (newest first), those whose title, text, unit, measure or entities match `q` when given. */
export async function listPractices(ctx: ModuleContext, lang: Lang, q = ''): Promise<PracticeView[]> {
  const all = await views(ctx, await repo.listPractices(ctx.db), lang);
  const terms = queryTerms(q);
  if (terms.length === 0) return all;
  return all.filter((p) => textMatches(terms, p.title, p.body, p.unitLabel, p.measure, ...p.entities.map((e) => e.name)));
}

export async function practicesOfUnit(ctx: ModuleContext, teryt: string, lang: Lang): Promise<PracticeView[]> {
  return views(ctx, await repo.listPractices(ctx.db, { teryt }), lang);
}

export async function getPractice(ctx: ModuleContext, id: string, lang: Lang): Promise<PracticeView> {
  const row = await findOrNotFound(ctx, practiceTable, id);
  return (await views(ctx, [row], lang))[0]!;
}

/** Form values of a practice (for editing): the unit's label and the entities' names, one per line. */
export async function practiceFormValues(ctx: ModuleContext, id: string, lang: Lang): Promise<Record<string, string>> {
  const row = await findOrNotFound(ctx, practiceTable, id);
  const units = await unitOptions(ctx, lang);
  const facts = await entityFacts(ctx, JSON.parse(row.entity_ids) as string[]);
  return {
    title: row.title,
    body: row.body,
    unit: units.find((u) => u.teryt === row.unit_teryt)?.label ?? '',
    measure: row.measure,
    entities: [...facts.values()].map((e) => e.name).join('\n'),
    source: row.source,
  };
}
