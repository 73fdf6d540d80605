// Test helpers shared by the modules that build on a programme (indicators, evaluation, the browser
// suite): a programme row, an element of its objective tree and an indicator row written straight
// into the database, so tests do not depend on the admin forms. They live here, not in one module's
// *.testing.ts, because a module's tests reach another module only through its index.ts.
import { newId } from '../core/db/ids.js';
import { nowIso } from '../core/db/time.js';
import type { ModuleContext } from '../core/module.js';
import type { Selectable } from 'kysely';
import type { IndicatorsTable } from '../modules/indicators/indicators.tables.js';
import type { ElementKind } from '../modules/programme/programme.tables.js';

export async function insertTestProgramme(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  over: { slug?: string; period_from?: number; period_to?: number; title?: string; is_current?: boolean } = {},
): Promise<{ id: string; slug: string; title: string; period_from: number; period_to: number }> {
  const now = nowIso(ctx.clock);
  const row = {
    id: newId(),
    slug: over.slug ?? `program-${newId().slice(-8)}`,
    title: over.title ?? 'Program testowy',
    short_name: null,
    period_from: over.period_from ?? 2020,
    period_to: over.period_to ?? 2030,
    legal_basis: null,
    alignment: '[]',
    responsible_institution: null,
    summary: null,
    status: 'implementation' as const,
    adopted_by: null,
    resolution_number: null,
    adopted_on: null,
    is_current: over.is_current ?? false,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.insertInto('programmes').values(row).execute();
  return row;
}

/** An element of a programme's objective tree written straight into the database; returns its id. */
export async function insertTestElement(
  ctx: Pick<ModuleContext, 'db'>,
  programmeId: string,
  el: { parent: string | null; kind: ElementKind; code: string; title: string; is_example?: boolean },
): Promise<string> {
  const id = newId();
  await ctx.db
    .insertInto('programme_elements')
    .values({
      id,
      programme_id: programmeId,
      parent_id: el.parent,
      kind: el.kind,
      code: el.code,
      title: el.title,
      description: null,
      responsible: null,
      partners: null,
      year_from: null,
      year_to: null,
      position: 0,
      is_example: el.is_example ?? false,
    })
    .execute();
  return id;
}

export async function insertTestIndicator(
  ctx: Pick<ModuleContext, 'db'>,
  programmeId: string,
  over: Partial<Omit<Selectable<IndicatorsTable>, 'id' | 'programme_id'>> & { targets?: { year: number; value: number }[] } = {},
): Promise<string> {
  const { targets = [], ...fields } = over;
  const id = newId();
  await ctx.db
    .insertInto('indicators')
    .values({
      id,
      programme_id: programmeId,
      code: `W${id.slice(-6)}`,
      name: 'Wskaźnik testowy',
      description: null,
      unit: 'szt.',
      type: 'output',
      baseline_value: null,
      baseline_year: null,
      direction: 'increase',
      frequency: 'annual',
      data_source: null,
      responsible_partner: null,
      breakdown: 'none',
      method: 'reported',
      formula: null,
      formula_params: '{}',
      position: 0,
      is_example: false,
      is_negative_allowed: false,
      ...fields,
    })
    .execute();
  if (targets.length)
    await ctx.db
      .insertInto('indicator_targets')
      .values(targets.map((t) => ({ id: newId(), indicator_id: id, year: t.year, value: t.value, is_example: fields.is_example ?? false })))
      .execute();
  return id;
}
