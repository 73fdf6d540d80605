// Rules of the local governments' good practices: staff write a short article (title, text, source)
// for a gmina or powiat chosen by name, name the measure it illustrates and the registry entities
// involved (by their exact names, one per line); every change is audited. Public: the list with a
// Polish-tolerant text filter, the article, the unit's profile and the site search.
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { ModuleContext } from '../../../core/module.js';
import { queryTerms, textMatches } from '../../../core/search/index.js';
import { FormChecker } from '../../../core/validation.js';
import { translator, type Lang } from '../../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../../audit/index.js';
import { entityFacts, entityIdByName, entityPath } from '../../registry/index.js';
import { profilePath } from '../../territory/index.js';
import { PRACTICE_MEASURES, type LocalgovPracticesTable } from '../localgov.tables.js';
import { matchUnit, unitOptions } from '../localgov.units.js';
import * as repo from './practices.repo.js';
import type { PracticeRow } from './practices.repo.js';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
type PracticeInput = Omit<LocalgovPracticesTable, 'id' | 'created_at' | 'updated_at' | 'updated_by'>;

export function practicePath(id: string): string {
  return `/samorzady/dobre-praktyki/${id}`;
}

async function checkForm(ctx: ModuleContext, values: Record<string, unknown>): Promise<PracticeInput> {
  const f = new FormChecker(values);
  const title = f.required('title', 'localgov.practices.field.title', { max: 200 });
  const body = f.required('body', 'localgov.practices.field.body', { max: 4000 });
  const unitText = f.text('unit');
  const found = matchUnit(await unitOptions(ctx, 'pl'), unitText);
  if (unitText === '') f.add('unit', 'localgov.field.unit', 'validation.required');
  else if (found.length !== 1)
    f.add('unit', 'localgov.field.unit', found.length === 0 ? 'localgov.problem.unitUnknown' : 'localgov.problem.unitAmbiguous');
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
  return { title, body, unit_teryt: found[0]!.teryt, measure: measure!, entity_ids: JSON.stringify(ids), source };
}

export async function savePractice(ctx: ModuleContext, id: string | null, values: Record<string, unknown>, actor: Actor): Promise<string> {
  const input = await checkForm(ctx, values);
  const existing = id ? await repo.findPractice(ctx.db, id) : undefined;
  if (id && !existing) throw new AppError('http.not_found');
  const now = nowIso(ctx.clock);
  const savedId = existing?.id ?? newId();
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, v] of Object.entries(input)) {
    const before = existing ? existing[k as keyof PracticeInput] : null;
    if (before !== v) changes[k] = { before, after: v };
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (existing) await repo.updatePractice(trx, savedId, { ...input, updated_at: now, updated_by: actor.actorId });
    else await repo.insertPractice(trx, { id: savedId, ...input, created_at: now, updated_at: now, updated_by: actor.actorId });
    await recordAudit(
      trx,
      {
        ...actor,
        action: existing ? 'localgov.practice.update' : 'localgov.practice.create',
        subjectType: 'localgov_practice',
        subjectId: savedId,
        changes,
      },
      ctx.clock,
    );
  });
  return savedId;
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
  const row = await repo.findPractice(ctx.db, id);
  if (!row) throw new AppError('http.not_found');
  return (await views(ctx, [row], lang))[0]!;
}

/** Form values of a practice (for editing): the unit's label and the entities' names, one per line. */
export async function practiceFormValues(ctx: ModuleContext, id: string, lang: Lang): Promise<Record<string, string>> {
  const row = await repo.findPractice(ctx.db, id);
  if (!row) throw new AppError('http.not_found');
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
