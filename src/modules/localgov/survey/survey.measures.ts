// The measures of the local governments' annual survey and the codes of the programme indicators
// that carry them: one reported indicator per measure and level (gminy, powiaty), so the survey is
// an ordinary monitoring round. Yes/no measures are reported as 1 (yes) or 0 (no).
export const SURVEY_MEASURES = [
  'programme',
  'coordinator',
  'clauses_count',
  'clauses_value_pln',
  'tasks_count',
  'tasks_value_pln',
] as const;
export type SurveyMeasure = (typeof SURVEY_MEASURES)[number];
export type Level = 'gmina' | 'powiat';
export const LEVELS: readonly Level[] = ['gmina', 'powiat'];

export const YES_NO_MEASURES: ReadonlySet<SurveyMeasure> = new Set(['programme', 'coordinator']);

const CODE_PART: Record<SurveyMeasure, string> = {
  programme: 'PROGRAM',
  coordinator: 'KOORD',
  clauses_count: 'KLAUZ-L',
  clauses_value_pln: 'KLAUZ-W',
  tasks_count: 'ZADANIA-L',
  tasks_value_pln: 'ZADANIA-W',
};

/** E.g. `JST-G-KLAUZ-L`: the indicator code of a measure at a level. */
export function surveyCode(measure: SurveyMeasure, level: Level): string {
  return `JST-${level === 'gmina' ? 'G' : 'P'}-${CODE_PART[measure]}`;
}

export const SURVEY_CODES: readonly string[] = LEVELS.flatMap((l) => SURVEY_MEASURES.map((m) => surveyCode(m, l)));

export function measureOfCode(code: string): { measure: SurveyMeasure; level: Level } | null {
  for (const level of LEVELS) for (const measure of SURVEY_MEASURES) if (surveyCode(measure, level) === code) return { measure, level };
  return null;
}

export function levelOf(teryt: string): Level {
  return teryt.length === 7 ? 'gmina' : 'powiat';
}
