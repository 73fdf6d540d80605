// Test helpers for indicators: a programme row and an indicator row written straight into the
// database, so tests of values, rounds and pages do not depend on the admin forms; and the indicator
// functions the browser suite builds its pages with (it reaches modules only through index.ts and
// *.testing.ts files).
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext } from '../../core/module.js';
import type { IndicatorsTable } from './indicators.tables.js';

export { seedIndicatorsDemo } from './indicators.seed.js';
export { submitValue } from './indicators.values.js';

export async function insertTestProgramme(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  over: { slug?: string; period_from?: number; period_to?: number; title?: string } = {},
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
    is_current: false,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.insertInto('programmes').values(row).execute();
  return row;
}

export async function insertTestIndicator(
  ctx: Pick<ModuleContext, 'db'>,
  programmeId: string,
  over: Partial<Omit<IndicatorsTable, 'id' | 'programme_id'>> & { targets?: { year: number; value: number }[] } = {},
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

/** A registry entity (and optionally a PS status grant) written straight into the database. */
export async function insertTestEntity(
  ctx: Pick<ModuleContext, 'db'>,
  over: { gmina: string | null; registered?: string | null; psGranted?: string },
): Promise<string> {
  const id = newId();
  const at = '2026-01-10T00:00:00.000Z';
  await ctx.db
    .insertInto('entities')
    .values({
      id,
      name: `Podmiot ${id.slice(-6)}`,
      name_sort: `podmiot ${id.slice(-6)}`,
      legal_form: 'spoldzielnia_socjalna',
      registration_date: over.registered ?? '2015-01-01',
      sectors: '[]',
      lifecycle: 'active',
      gmina_teryt: over.gmina,
      search_doc: '',
      is_synthetic: false,
      created_at: at,
      updated_at: at,
    })
    .execute();
  if (over.psGranted)
    await ctx.db
      .insertInto('entity_ps_status')
      .values({
        id: newId(),
        entity_id: id,
        kind: 'granted',
        ps_type: null,
        decision_number: null,
        decision_date: over.psGranted,
        loss_reason: null,
      })
      .execute();
  return id;
}
