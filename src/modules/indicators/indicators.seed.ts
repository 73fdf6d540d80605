// Demo indicators of the programme's demo (`spojnia seed demo`, after the programme's). Two kinds, so nothing
// invented passes for real:
// - computed indicators, which count what the platform's own registry holds (entities with PS
//   status per subregion, active entities per powiat, valid "Zakup Prospołeczny" marks). They have
//   no targets (the programme's real targets are not known) and are named "w rejestrze platformy",
//   because the registry is partial: they say what the platform knows, not how many there are;
// - reported indicators modelled on the KPRES monitoring indicators and typical regional ones
//   (jobs in social enterprises, OWES cooperating with local action groups). They are flagged as
//   examples (is_example): one starts empty, for partners to report; the other carries values
//   flagged is_example, shown as "przykładowe dane".
// Idempotent: an indicator whose code the programme already has is left alone.
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import { DEMO_SLUG } from '../programme/index.js';
import * as repo from './indicators.repo.js';
import type { IndicatorsTable } from './indicators.tables.js';

export interface SeedIndicator extends Omit<
  IndicatorsTable,
  'id' | 'programme_id' | 'position' | 'formula' | 'is_negative_allowed' | 'is_small_count_suppressed'
> {
  is_small_count_suppressed?: boolean;
  /** A built-in formula's key (indicators.formulas.ts). */
  formula: 'registry_entities' | 'registry_ps_entities' | 'registry_valid_marks' | null;
  targets: { year: number; value: number }[];
  /** Example values (flagged is_example): year → territory code → value. */
  values?: Record<number, Record<string, number>>;
}

const KPRES =
  'Wskaźnik przykładowy, wzorowany na wskaźnikach monitoringu Krajowego Programu Rozwoju Ekonomii Społecznej (dane.ekonomiaspoleczna.gov.pl/wskazniki-programowe); definicja, wartość bazowa i cel nie pochodzą z dokumentu programu.';
const REGISTRY_NOTE =
  'Liczone z rejestru podmiotów platformy Spójnia, który jest niepełny: wartość mówi, ile takich podmiotów zna platforma, a nie ile jest ich w województwie.';

export const DEMO_INDICATORS: SeedIndicator[] = [
  {
    code: 'W1',
    name: 'Przedsiębiorstwa społeczne (ze statusem PS) w rejestrze platformy',
    description: `Liczba podmiotów ze statusem przedsiębiorstwa społecznego według decyzji wojewody (ustawa o ekonomii społecznej z 5 sierpnia 2022 r.), stan na 31 grudnia roku. ${REGISTRY_NOTE}`,
    unit: 'podmioty',
    type: 'context',
    baseline_value: null,
    baseline_year: null,
    direction: 'increase',
    frequency: 'annual',
    data_source: 'Rejestr podmiotów platformy Spójnia (decyzje o statusie PS)',
    responsible_partner: 'Regionalny Ośrodek Polityki Społecznej w Toruniu',
    breakdown: 'subregion',
    method: 'computed',
    formula: 'registry_ps_entities',
    formula_params: '{}',
    is_example: false,
    targets: [],
  },
  {
    code: 'W2',
    name: 'Działające podmioty ekonomii społecznej w rejestrze platformy',
    description: `Liczba działających podmiotów ekonomii społecznej wpisanych do rejestru platformy do końca roku (według daty rejestracji, a gdy jej brak – daty wpisu do platformy). Liczą się tylko podmioty, których działalność sprawdził pracownik; podmioty ze źródeł, których obecnej działalności nikt nie sprawdził, nie są liczone. ${REGISTRY_NOTE}`,
    unit: 'podmioty',
    type: 'context',
    baseline_value: null,
    baseline_year: null,
    direction: 'increase',
    frequency: 'annual',
    data_source: 'Rejestr podmiotów platformy Spójnia',
    responsible_partner: 'Regionalny Ośrodek Polityki Społecznej w Toruniu',
    breakdown: 'powiat',
    method: 'computed',
    formula: 'registry_entities',
    formula_params: JSON.stringify({ legalForms: [], lifecycles: ['active'] }),
    is_example: false,
    targets: [],
  },
  {
    code: 'W3',
    name: 'Ważne znaki „Zakup Prospołeczny” w rejestrze platformy',
    description: `Liczba znaków „Zakup Prospołeczny” ważnych na koniec roku (od znanej daty nadania do znanej daty wygaśnięcia, a gdy jej nie podano – do końca rocznej licencji; znaki o nieznanych datach nie są liczone). ${REGISTRY_NOTE}`,
    unit: 'znaki',
    type: 'output',
    baseline_value: null,
    baseline_year: null,
    direction: 'increase',
    frequency: 'annual',
    data_source: 'Rejestr podmiotów platformy Spójnia (znaki „Zakup Prospołeczny” nadawane przez ROPS w Toruniu)',
    responsible_partner: 'Regionalny Ośrodek Polityki Społecznej w Toruniu',
    breakdown: 'none',
    method: 'computed',
    formula: 'registry_valid_marks',
    formula_params: '{}',
    is_example: false,
    targets: [],
  },
  {
    code: 'P1',
    name: 'Miejsca pracy utworzone w przedsiębiorstwach społecznych dla osób zagrożonych wykluczeniem społecznym',
    description: KPRES,
    unit: 'miejsca pracy',
    type: 'result',
    baseline_value: 0,
    baseline_year: 2014,
    direction: 'increase',
    frequency: 'annual',
    data_source: 'Sprawozdania ośrodków wsparcia ekonomii społecznej (OWES)',
    responsible_partner: 'Ośrodki wsparcia ekonomii społecznej w subregionach',
    breakdown: 'subregion',
    method: 'reported',
    formula: null,
    formula_params: '{}',
    is_example: true,
    targets: [
      { year: 2017, value: 150 },
      { year: 2020, value: 350 },
    ],
    values: {
      2015: { region: 40 },
      2016: { region: 85 },
      2017: { region: 130 },
      2018: { region: 190 },
      2019: { region: 240 },
      2020: { region: 300, torun: 80, bydgoszcz: 95, grudziadz: 55, 'wloclawek-inowroclaw': 70 },
    },
  },
  {
    code: 'P2',
    name: 'Ośrodki wsparcia ekonomii społecznej współpracujące z lokalnymi grupami działania',
    description: KPRES,
    unit: 'ośrodki',
    type: 'output',
    baseline_value: 0,
    baseline_year: 2014,
    direction: 'increase',
    frequency: 'annual',
    data_source: 'Informacje ROPS w Toruniu',
    responsible_partner: 'Regionalny Ośrodek Polityki Społecznej w Toruniu',
    breakdown: 'none',
    method: 'reported',
    formula: null,
    formula_params: '{}',
    is_example: true,
    targets: [{ year: 2020, value: 4 }],
  },
];

/** Adds the demo indicators to a programme (linked to its main goal when it has one). */
export async function seedIndicatorsDemo(
  ctx: ModuleContext,
  programmeId: string,
  definitions: readonly SeedIndicator[] = DEMO_INDICATORS,
): Promise<{ summary: string }> {
  const existing = new Set((await repo.listIndicators(ctx.db, programmeId)).map((i) => i.code));
  const mainGoal = (await repo.listProgrammeElements(ctx.db, programmeId)).find((e) => e.kind === 'main_goal');
  const now = nowIso(ctx.clock);
  let added = 0;
  await ctx.db.transaction().execute(async (trx) => {
    let position = await repo.maxPosition(trx, programmeId);
    for (const d of definitions) {
      if (existing.has(d.code)) continue;
      const { targets, values, ...fields } = d;
      const id = newId();
      await repo.insertIndicator(trx, { ...fields, id, programme_id: programmeId, position: ++position, is_negative_allowed: false });
      await repo.replaceTargets(
        trx,
        id,
        targets.map((t) => ({ id: newId(), indicator_id: id, year: t.year, value: t.value, is_example: fields.is_example })),
      );
      if (mainGoal) await repo.replaceIndicatorElements(trx, id, [mainGoal.id]);
      for (const [year, cells] of Object.entries(values ?? {})) {
        for (const [territory, value] of Object.entries(cells)) {
          const valueId = newId();
          await repo.insertValue(trx, {
            id: valueId,
            indicator_id: id,
            period: Number(year),
            territory_code: territory,
            value,
            source: 'przykładowe dane',
            comment: null,
            status: 'approved',
            return_reason: null,
            round_id: null,
            is_computed: false,
            is_example: true,
            entered_by: null,
            approved_by: null,
            created_at: now,
            updated_at: now,
          });
          await repo.insertHistory(trx, {
            id: newId(),
            value_id: valueId,
            at: now,
            user_id: null,
            action: 'approved',
            status: 'approved',
            value,
            comment: 'przykładowe dane',
          });
        }
      }
      added++;
    }
  });
  return { summary: `indicators: ${added} new` };
}

/** Other modules' demo indicators (e.g. the support centres' results), added to the demo programme the same way. */
export async function seedDemoProgrammeIndicators(ctx: ModuleContext, definitions: readonly SeedIndicator[]): Promise<SeedResult> {
  const programme = await repo.findProgrammeBySlug(ctx.db, DEMO_SLUG);
  return programme ? seedIndicatorsDemo(ctx, programme.id, definitions) : { summary: 'indicators: no demo programme' };
}

/** The module's demo seed: the demo indicators of the programme's demo programme, once it exists. */
export async function seedIndicatorsDemoProgramme(ctx: ModuleContext): Promise<SeedResult> {
  const programme = await repo.findProgrammeBySlug(ctx.db, DEMO_SLUG);
  return programme ? seedIndicatorsDemo(ctx, programme.id) : { summary: 'indicators: no demo programme' };
}
