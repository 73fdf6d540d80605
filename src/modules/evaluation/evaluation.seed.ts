// Demo seed (`spojnia seed demo`): the 2013 ex-ante evaluation of the "Kujawsko-Pomorski Program na
// Rzecz Ekonomii Społecznej do roku 2020", with only what the project's sources say — that the
// evaluation took place in 2013 (domain notes §2.1; data/reference/PROVENANCE.md §5 lists what the
// sources do not say). Every other fact stays empty and the pages say it is unknown; no
// recommendation is invented. Idempotent: a study with the seed's title is left as it is.
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import { DEMO_SLUG, findProgrammeBySlug } from '../programme/index.js';
import * as repo from './evaluation.repo.js';

export const SEED_TITLE = 'Ewaluacja ex-ante Kujawsko-Pomorskiego Programu na Rzecz Ekonomii Społecznej do roku 2020';

const SOURCE_NOTE =
  'Źródła projektu podają tylko, że ewaluacja ex-ante programu odbyła się w 2013 r., po konsultacjach projektu (zakończonych do 7 marca 2013 r.) i przed przyjęciem programu przez Zarząd Województwa 10 czerwca 2014 r. (notatki dziedzinowe projektu, §2.1; przyjęcie programu: ropstorun.home.pl/ekonomia2/programy-projekty-akty-prawne/kujawsko-pomorski-program-na-rzecz-ekonomii-spolecznej-do-roku-2020/2014). ' +
  'Nie są znane: instytucja zlecająca, wykonawca, daty zlecenia, odbioru i przyjęcia, metoda, kryteria, raport i jego streszczenie ani rekomendacje — dlatego te pola są puste.';

export async function seedEvaluationDemo(ctx: ModuleContext): Promise<SeedResult> {
  const existing = (await repo.listStudies(ctx.db, false)).find((s) => s.title === SEED_TITLE);
  if (existing) return { summary: 'evaluation: the 2013 ex-ante study kept' };
  const programme = await findProgrammeBySlug(ctx.db, DEMO_SLUG);
  const now = nowIso(ctx.clock);
  await repo.insertStudy(ctx.db, {
    id: newId(),
    title: SEED_TITLE,
    title_sort: polishSortKey(SEED_TITLE),
    study_type: 'ex_ante',
    programme_id: programme?.id ?? null,
    version_id: null,
    commissioning_unit: null,
    contractor: null,
    study_year: 2013,
    commissioned_on: null,
    delivered_on: null,
    accepted_on: null,
    method_summary: null,
    criteria: '[]',
    report_document_id: null,
    summary_document_id: null,
    source_note: SOURCE_NOTE,
    is_published: true,
    is_example: false,
    created_at: now,
    updated_at: now,
  });
  return { summary: 'evaluation: the 2013 ex-ante study of the 2020 programme (facts from the sources only)' };
}
