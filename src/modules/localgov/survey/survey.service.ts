// The local governments' annual survey, built on the programme's monitoring rounds: staff set up the
// survey's reported indicators in the current programme once (one per measure and level), and give a
// gmina's or powiat's official a partner account chosen by the unit's name — a reporting_partner
// scoped `localgov:<teryt>` (its own unit only) and to the survey's indicators of its level. Staff
// then open an ordinary round; partners report, staff approve or return, and staff may enter values
// from other sources (with the source) as approved values. The approved values are read back here,
// per unit and year, for the public table, maps and ranking.
import { AppError } from '../../../core/errors/app-error.js';
import type { ModuleContext } from '../../../core/module.js';
import { FormChecker } from '../../../core/validation.js';
import { translator, type Lang } from '../../../i18n/index.js';
import { grantScopedRoleByEmail } from '../../accounts/index.js';
import type { AuditEntry } from '../../audit/index.js';
import {
  approvedValuesByCode,
  listProgrammeIndicators,
  listReportingPartnerRoles,
  saveIndicator,
  type ProgrammeRef,
} from '../../indicators/index.js';
import { findCurrentProgramme } from '../../programme/index.js';
import { checkUnitField, unitOptions, type UnitOption } from '../localgov.units.js';
import {
  LEVELS,
  measureOfCode,
  SURVEY_CODES,
  SURVEY_MEASURES,
  surveyCode,
  YES_NO_MEASURES,
  type Level,
  type SurveyMeasure,
} from './survey.measures.js';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

export const SCOPE_PREFIX = 'localgov:';

async function currentProgramme(ctx: Pick<ModuleContext, 'db'>): Promise<ProgrammeRef | null> {
  return (await findCurrentProgramme(ctx.db)) ?? null;
}

export interface SurveyState {
  programme: ProgrammeRef | null;
  /** Codes of the survey's indicators the current programme already has. */
  present: string[];
  missing: string[];
}

export async function surveyState(ctx: ModuleContext): Promise<SurveyState> {
  const programme = await currentProgramme(ctx);
  if (!programme) return { programme: null, present: [], missing: [...SURVEY_CODES] };
  const codes = new Set((await listProgrammeIndicators(ctx.db, programme.id)).map((i) => i.code));
  return { programme, present: SURVEY_CODES.filter((c) => codes.has(c)), missing: SURVEY_CODES.filter((c) => !codes.has(c)) };
}

/** Creates the survey's indicators the current programme lacks (each audited); returns how many. */
export async function setUpSurvey(ctx: ModuleContext, actor: Actor): Promise<number> {
  const state = await surveyState(ctx);
  if (!state.programme) throw new AppError('localgov.no_programme');
  const t = translator('pl');
  let created = 0;
  for (const level of LEVELS)
    for (const measure of SURVEY_MEASURES) {
      const code = surveyCode(measure, level);
      if (!state.missing.includes(code)) continue;
      await saveIndicator(
        ctx,
        state.programme,
        null,
        {
          code,
          name: t('localgov.survey.indicator.name', {
            level: t(`localgov.survey.level.${level}`),
            measure: t(`localgov.survey.measure.${measure}`),
          }),
          description: t('localgov.survey.indicator.description'),
          unit: t(`localgov.survey.unit.${measure}`),
          type: 'context',
          direction: 'increase',
          frequency: 'annual',
          breakdown: level,
          method: 'reported',
          data_source: t('localgov.survey.indicator.dataSource'),
        },
        actor,
      );
      created += 1;
    }
  return created;
}

export interface PartnerInput {
  unit: UnitOption;
  name: string;
  email: string;
  lang: Lang;
}

export function checkPartnerForm(values: Record<string, unknown>, units: readonly UnitOption[]): PartnerInput {
  const f = new FormChecker(values);
  const unit = checkUnitField(f, units);
  const name = f.required('name', 'localgov.survey.field.name', { max: 120 });
  const email = f.email('email', 'localgov.survey.field.email');
  const lang = f.text('lang') === 'en' ? 'en' : 'pl';
  f.assertValid();
  return { unit: unit!, name, email, lang };
}

/**
 * Gives the official of a gmina or powiat a survey partner account (an invitation when the address is
 * new): the role scoped to the unit itself and to the survey's indicators of its level, so its form
 * shows only its own unit's survey cells. Returns whether an invitation was sent.
 */
export async function addSurveyPartner(
  ctx: ModuleContext,
  values: Record<string, unknown>,
  staff: { displayName: string },
  actor: Actor,
): Promise<{ invited: boolean; unit: UnitOption }> {
  const input = checkPartnerForm(values, await unitOptions(ctx, 'pl'));
  const level: Level = input.unit.kind;
  const t = translator(input.lang);
  const scopes = [`${SCOPE_PREFIX}${input.unit.teryt}`, ...SURVEY_MEASURES.map((m) => `indicator:${surveyCode(m, level)}`)];
  let invited = false;
  await ctx.db.transaction().execute(async (trx) => {
    for (const scopeId of scopes) {
      const grant = await grantScopedRoleByEmail(
        ctx,
        trx,
        {
          email: input.email,
          displayName: input.name,
          lang: input.lang,
          role: 'reporting_partner',
          scopeType: 'indicator_or_territory',
          scopeId,
          roleLabel: t('localgov.survey.roleLabel', { unit: input.unit.label }),
          inviterName: staff.displayName,
        },
        actor,
      );
      invited ||= grant.invited;
    }
  });
  return { invited, unit: input.unit };
}

export interface SurveyPartner {
  userId: string;
  name: string;
  email: string;
  /** False while the invitation has not been taken up. */
  active: boolean;
  units: string[];
}

/** The survey's partners (staff only: names and addresses are personal data). */
export async function surveyPartners(ctx: ModuleContext, lang: Lang): Promise<SurveyPartner[]> {
  const [rows, units] = await Promise.all([listReportingPartnerRoles(ctx), unitOptions(ctx, lang)]);
  const label = new Map(units.map((u) => [u.teryt, u.label]));
  const byUser = new Map<string, SurveyPartner>();
  for (const r of rows) {
    const id = r.scope_id ?? '';
    if (!id.startsWith(SCOPE_PREFIX)) continue;
    const teryt = id.slice(SCOPE_PREFIX.length);
    const p = byUser.get(r.user_id) ?? { userId: r.user_id, name: r.display_name, email: r.email, active: r.is_active, units: [] };
    p.units.push(label.get(teryt) ?? teryt);
    byUser.set(r.user_id, p);
  }
  return [...byUser.values()];
}

export interface SurveyFigures {
  teryt: string;
  year: number;
  values: Partial<Record<SurveyMeasure, number | 'yes' | 'no'>>;
  /** Where the values come from: the round's name (or the value's own source), deduplicated. */
  sources: string[];
  isExample: boolean;
}

/** The approved survey values of the current programme, per unit and year (optionally one year). */
export async function surveyFigures(ctx: Pick<ModuleContext, 'db'>, lang: Lang, year?: number): Promise<SurveyFigures[]> {
  const programme = await currentProgramme(ctx);
  if (!programme) return [];
  const t = translator(lang);
  const rows = await approvedValuesByCode(ctx, programme.id, SURVEY_CODES, year);
  const out = new Map<string, SurveyFigures>();
  for (const r of rows) {
    const m = measureOfCode(r.code);
    if (!m || (m.level === 'gmina') !== (r.territory_code.length === 7)) continue;
    let value: number | 'yes' | 'no';
    if (YES_NO_MEASURES.has(m.measure)) {
      if (r.value !== 0 && r.value !== 1) continue; // anything else is not an answer to a yes/no question
      value = r.value === 1 ? 'yes' : 'no';
    } else {
      if (!Number.isInteger(r.value) || r.value < 0) continue;
      value = r.value;
    }
    const key = `${r.territory_code}|${r.period}`;
    const f = out.get(key) ?? { teryt: r.territory_code, year: r.period, values: {}, sources: [], isExample: false };
    f.values[m.measure] = value;
    const source = r.round_name
      ? t('localgov.survey.sourceRound', { round: r.round_name })
      : (r.source ?? t('localgov.survey.sourceStaff'));
    if (!f.sources.includes(source)) f.sources.push(source);
    f.isExample ||= r.is_example;
    out.set(key, f);
  }
  return [...out.values()];
}
