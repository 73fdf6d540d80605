// The localgov module's test surface for the browser suite: one cooperation record (Chełmno, 2025),
// created once per database.
import type { ModuleContext } from '../../core/module.js';
import { findByUnitYear } from './localgov.repo.js';
import { saveCooperation } from './localgov.service.js';

export async function cooperationRecord(ctx: ModuleContext): Promise<string> {
  const found = await findByUnitYear(ctx.db, '0404011', 2025);
  if (found) return found.id;
  return saveCooperation(
    ctx,
    null,
    {
      unit: 'Chełmno (gmina miejska, powiat chełmiński)',
      year: '2025',
      programme: 'yes',
      programme_title: 'Program przykładowy (test)',
      programme_url: 'https://bip.example.pl/program',
      clauses_count: '2',
      clause_kinds: ['reserved', 'employment'],
      tasks_count: '3',
      tasks_value_pln: '120000',
      source: 'Dane testowe',
    },
    { actorId: null, ip: null, requestId: null },
  );
}
