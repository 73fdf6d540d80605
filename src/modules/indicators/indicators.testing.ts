// Test helpers for indicators: a programme, its elements and indicator rows written straight into the
// database (shared from src/testing/programmes.ts), so tests of values, rounds and pages do not depend
// on the admin forms; a registry entity; and the indicator
// functions the browser suite builds its pages with (it reaches modules only through index.ts and
// *.testing.ts files).
import { newId } from '../../core/db/ids.js';
import type { ModuleContext } from '../../core/module.js';

export { seedIndicatorsDemo } from './indicators.seed.js';
export { submitValue } from './indicators.values.js';
export { refreshComputedNow } from './computed/computed.service.js';
export { insertTestElement, insertTestIndicator, insertTestProgramme } from '../../testing/programmes.js';

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
