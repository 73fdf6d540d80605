// The localgov module's test surface for the browser suite: one cooperation record (Chełmno, 2025),
// one of a powiat (powiat chełmiński, 2025), an award, a good practice and a unit's submitted survey
// answers, each created once per database.
import type { ModuleContext } from '../../core/module.js';
import { findByUnitYear } from './localgov.repo.js';
import { saveCooperation } from './localgov.service.js';
import { listAwards } from './awards/awards.repo.js';
import { saveAward } from './awards/awards.service.js';
import { listPractices } from './practices/practices.repo.js';
import { practicePath, savePractice } from './practices/practices.service.js';
import { findAnswerOf } from './survey/answers.repo.js';
import { reviewPath, saveAnswer } from './survey/answers.service.js';
import { surveyCode } from './survey/survey.measures.js';

/** The code of a survey indicator (e.g. `JST-G-KLAUZ-L`), for fixtures that open a survey round. */
export const surveyClausesCode = (level: 'gmina' | 'powiat') => surveyCode('clauses_count', level);

/**
 * A unit's text answers for a year, submitted (a survey round of that year must be open), created
 * once per database; returns the staff's review path.
 */
export async function submittedSurveyAnswer(ctx: ModuleContext, teryt: string, year: number): Promise<string> {
  const found = await findAnswerOf(ctx.db, teryt, year);
  if (found) return reviewPath(found.id);
  await saveAnswer(
    ctx,
    teryt,
    year,
    {
      programme_title: 'Program współpracy (test)',
      programme_date: '2025-02-14',
      programme_url: 'https://bip.example.pl/program',
      clause_kinds: ['reserved'],
      other_forms: 'Użyczenie lokalu (test)',
    },
    true,
    actor,
  );
  return reviewPath((await findAnswerOf(ctx.db, teryt, year))!.id);
}

const actor = { actorId: null, ip: null, requestId: null };

/** A gold "Samorząd Rozwijający ES" for Chełmno in the 2025 edition, created once per database; returns its id. */
export async function awardRecord(ctx: ModuleContext): Promise<string> {
  const found = (await listAwards(ctx.db, { teryt: '0404011' }))[0];
  if (found) return found.id;
  return saveAward(
    ctx,
    null,
    {
      edition_year: '2025',
      award: 'developing',
      level: 'gold',
      rank: 'laureate',
      unit: 'Chełmno (gmina miejska, powiat chełmiński)',
      source: 'Dane testowe',
    },
    actor,
  );
}

/** A good practice of Chełmno (no entities), created once per database; returns its public path. */
export async function practiceRecord(ctx: ModuleContext): Promise<string> {
  const found = (await listPractices(ctx.db, { teryt: '0404011' }))[0];
  if (found) return practicePath(found.id);
  const id = await savePractice(
    ctx,
    null,
    {
      title: 'Klauzule społeczne w zamówieniach gminy (test)',
      body: 'Opis testowy.',
      unit: 'Chełmno (gmina miejska, powiat chełmiński)',
      measure: 'clauses',
      source: 'Dane testowe',
    },
    actor,
  );
  return practicePath(id);
}

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

/** Powiat chełmiński's record for 2025 (social clauses used), created once per database. */
export async function powiatCooperationRecord(ctx: ModuleContext): Promise<string> {
  const found = await findByUnitYear(ctx.db, '0404', 2025);
  if (found) return found.id;
  return saveCooperation(
    ctx,
    null,
    { unit: 'powiat chełmiński', year: '2025', coordinator: 'yes', clauses_count: '1', source: 'Dane testowe' },
    { actorId: null, ip: null, requestId: null },
  );
}
