// The statutory employment conditions of a przedsiębiorstwo społeczne (ustawa z 5 sierpnia 2022 o
// ekonomii społecznej): at least 3 persons on umowa o pracę or spółdzielcza umowa o pracę, each at
// ≥ ½ FTE; in the reintegration type, also at least 30 % of all those employees are persons at
// risk of social exclusion employed at ≥ ½ FTE. The figures are aggregates per entity and year,
// entered by staff and never shown publicly. Pure functions, so the rules are tested alone.

/** Categories of persons at risk of social exclusion (art. 2 of the Act; "other" for the rest of the list). */
export const AT_RISK_CATEGORIES = [
  'unemployed',
  'long_term_unemployed',
  'job_seeker_under_30',
  'job_seeker_over_50',
  'disabled',
  'cis_kis_graduate',
  'carer_allowance',
  'foster_care_leaver',
  'mental_disorder',
  'prisoner',
  'juvenile_institution_leaver',
  'older_person',
  'refugee',
  'other',
] as const;
export type AtRiskCategory = (typeof AT_RISK_CATEGORIES)[number];

export const PS_TYPES = ['reintegration', 'social_services'] as const;
export type PsType = (typeof PS_TYPES)[number];

/** Persons employed at ≥ ½ FTE the Act asks for. */
export const MIN_HALF_TIME_EMPLOYEES = 3;
/** Share of at-risk employees (at ≥ ½ FTE) in the reintegration type, in per cent. */
export const MIN_AT_RISK_PERCENT = 30;

export interface EmploymentFigures {
  year: number;
  headcount: number;
  employees: number;
  /** FTE of the employees, in hundredths. */
  fteHundredths: number;
  employeesHalfTime: number;
  atRisk: number;
  atRiskHalfTime: number;
  categories: Partial<Record<AtRiskCategory, number>>;
  source: string | null;
}

export interface ConditionCheck {
  /** ≥ 3 employees at ≥ ½ FTE. */
  minEmployees: { holds: boolean; count: number };
  /**
   * ≥ 30 % at-risk employees at ≥ ½ FTE among all employees; `applies` is false outside the
   * reintegration type, and `percent` is null when there are no employees to divide by.
   */
  atRiskShare: { applies: boolean; holds: boolean; atRisk: number; employees: number; percent: number | null };
  /** Both applicable conditions hold. */
  holds: boolean;
}

/**
 * Checks one year's figures against the conditions of the given PS type. Without a type (an
 * entity that never held the status) only the employment minimum is checked. The share is
 * compared in whole numbers (atRisk × 100 ≥ 30 × employees), so exactly 30 % holds.
 */
export function checkConditions(
  f: Pick<EmploymentFigures, 'employees' | 'employeesHalfTime' | 'atRiskHalfTime'>,
  psType: PsType | null,
): ConditionCheck {
  const minHolds = f.employeesHalfTime >= MIN_HALF_TIME_EMPLOYEES;
  const applies = psType === 'reintegration';
  const shareHolds = f.employees > 0 && f.atRiskHalfTime * 100 >= MIN_AT_RISK_PERCENT * f.employees;
  const percent = f.employees > 0 ? Math.round((f.atRiskHalfTime * 1000) / f.employees) / 10 : null;
  return {
    minEmployees: { holds: minHolds, count: f.employeesHalfTime },
    atRiskShare: { applies, holds: shareHolds, atRisk: f.atRiskHalfTime, employees: f.employees, percent },
    holds: minHolds && (!applies || shareHolds),
  };
}

/** `275` → `"2.75"` (the form and the history show FTE this way). */
export function formatFte(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}

/** `"2,75"` or `"2.75"` → 275; null when it is not a non-negative number with at most 2 decimals. */
export function parseFte(text: string): number | null {
  const m = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/**
 * Problems in the consistency of one year's figures, as [field, reason] pairs. Each count is a
 * subset of the one before it (everyone working ⊇ employees ⊇ employees at ≥ ½ FTE; employees ⊇
 * at-risk employees ⊇ at-risk at ≥ ½ FTE), FTE lies between ½ per half-time employee and 1 per
 * employee, and no category counts more persons than there are at-risk employees.
 */
export function figureProblems(
  f: EmploymentFigures,
): [
  keyof EmploymentFigures | `category.${AtRiskCategory}`,
  'exceedsHeadcount' | 'exceedsEmployees' | 'exceedsHalfTime' | 'exceedsAtRisk' | 'fteTooHigh' | 'fteTooLow',
][] {
  const out: ReturnType<typeof figureProblems> = [];
  if (f.employees > f.headcount) out.push(['employees', 'exceedsHeadcount']);
  if (f.employeesHalfTime > f.employees) out.push(['employeesHalfTime', 'exceedsEmployees']);
  if (f.atRisk > f.employees) out.push(['atRisk', 'exceedsEmployees']);
  if (f.atRiskHalfTime > f.atRisk) out.push(['atRiskHalfTime', 'exceedsAtRisk']);
  else if (f.atRiskHalfTime > f.employeesHalfTime) out.push(['atRiskHalfTime', 'exceedsHalfTime']);
  if (f.fteHundredths > f.employees * 100) out.push(['fteHundredths', 'fteTooHigh']);
  else if (f.fteHundredths * 2 < f.employeesHalfTime * 100) out.push(['fteHundredths', 'fteTooLow']);
  for (const c of AT_RISK_CATEGORIES) if ((f.categories[c] ?? 0) > f.atRisk) out.push([`category.${c}`, 'exceedsAtRisk']);
  return out;
}
