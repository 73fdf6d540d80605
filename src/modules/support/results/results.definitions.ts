// The results a support centre (OWES) reports: programme indicators broken down by subregion, reported
// through the indicators module's monitoring rounds by the centre's reporting partner account (scoped
// to its subregion), never through a second system. The measures follow issue 18: entities supported
// by service type, new entities created, new jobs in social enterprises by group of people at risk,
// people trained. All are counts, so public outputs show values below 3 as "<3". No source gives the
// centres' figures: the definitions and the demo values are examples, labelled as such everywhere.
import type { SeedIndicator } from '../../indicators/index.js';
import { SUPPORT_SERVICES, type SupportService } from '../services.js';

/** Groups of people at risk of social exclusion for the jobs measure (after the act on social economy of 5 August 2022, art. 2). */
export const RISK_GROUPS = ['disability', 'unemployed', 'homeless', 'other'] as const;
export type RiskGroup = (typeof RISK_GROUPS)[number];

export type ResultMeasure =
  | { kind: 'supported'; code: string; service: SupportService }
  | { kind: 'created'; code: string }
  | { kind: 'jobs'; code: string; group: RiskGroup }
  | { kind: 'trained'; code: string };

const SERVICE_CODE: Record<SupportService, string> = {
  animation: 'ANI',
  incubation: 'INK',
  advice: 'DOR',
  training: 'SZK',
  reintegration: 'REI',
  procurement: 'ZAM',
  job_grants: 'DOT',
};
const GROUP_CODE: Record<RiskGroup, string> = { disability: 'NPS', unemployed: 'BEZ', homeless: 'BDO', other: 'INN' };

/** Every measure with its indicator code (`OWES-…`, unique in a programme). */
export const RESULT_MEASURES: readonly ResultMeasure[] = [
  ...SUPPORT_SERVICES.map((service) => ({ kind: 'supported' as const, code: `OWES-W-${SERVICE_CODE[service]}`, service })),
  { kind: 'created', code: 'OWES-N' },
  ...RISK_GROUPS.map((group) => ({ kind: 'jobs' as const, code: `OWES-M-${GROUP_CODE[group]}`, group })),
  { kind: 'trained', code: 'OWES-S' },
];
export const RESULT_CODES: readonly string[] = RESULT_MEASURES.map((m) => m.code);

const NOTE =
  'Wskaźnik przykładowy: definicja i wartości demonstracyjne, nie pochodzą ze sprawozdań ośrodków. Ośrodek wsparcia ekonomii społecznej sprawozdaje go w rundach monitoringu dla obsługiwanego subregionu; liczby mniejsze niż 3 są publikowane jako „<3”.';
const SERVICE_PL: Record<SupportService, string> = {
  animation: 'animacja lokalna',
  incubation: 'inkubacja nowych podmiotów',
  advice: 'doradztwo biznesowe i prawne',
  training: 'szkolenia',
  reintegration: 'wsparcie reintegracji',
  procurement: 'pomoc w zamówieniach publicznych',
  job_grants: 'dotacje na nowe miejsca pracy',
};
const GROUP_PL: Record<RiskGroup, string> = {
  disability: 'osoby z niepełnosprawnościami',
  unemployed: 'osoby bezrobotne',
  homeless: 'osoby w kryzysie bezdomności',
  other: 'inne osoby zagrożone wykluczeniem społecznym',
};

function nameOf(m: ResultMeasure): { name: string; unit: string } {
  switch (m.kind) {
    case 'supported':
      return { name: `Podmioty ekonomii społecznej objęte wsparciem OWES: ${SERVICE_PL[m.service]}`, unit: 'podmioty' };
    case 'created':
      return { name: 'Nowe podmioty ekonomii społecznej utworzone z pomocą OWES', unit: 'podmioty' };
    case 'jobs':
      return { name: `Nowe miejsca pracy w przedsiębiorstwach społecznych: ${GROUP_PL[m.group]}`, unit: 'miejsca pracy' };
    case 'trained':
      return { name: 'Osoby przeszkolone przez OWES', unit: 'osoby' };
  }
}

/** Example figures of the demo: year → subregion code → value (small ones show the "<3" rule at work). */
function exampleValues(index: number): Record<number, Record<string, number>> {
  const base = [14, 6, 9, 2, 5, 1, 4][index % 7]!;
  return {
    2019: { torun: base + 3, 'wloclawek-inowroclaw': base + 1, grudziadz: Math.max(1, base - 2), bydgoszcz: base + 5 },
    2020: { torun: base + 4, 'wloclawek-inowroclaw': base, grudziadz: Math.max(2, base - 1), bydgoszcz: base + 6 },
  };
}

/** The measures as example indicator definitions for the demo programme (`seed demo`). */
export function resultIndicatorSeeds(): SeedIndicator[] {
  return RESULT_MEASURES.map((m, i) => ({
    code: m.code,
    ...nameOf(m),
    description: NOTE,
    type: m.kind === 'trained' || m.kind === 'supported' ? 'output' : 'result',
    baseline_value: null,
    baseline_year: null,
    direction: 'increase',
    frequency: 'annual',
    data_source: 'Sprawozdania ośrodków wsparcia ekonomii społecznej (rundy monitoringu)',
    responsible_partner: 'Ośrodki wsparcia ekonomii społecznej',
    breakdown: 'subregion',
    method: 'reported',
    formula: null,
    formula_params: '{}',
    is_example: true,
    is_small_count_suppressed: true,
    targets: [],
    values: exampleValues(i),
  }));
}
