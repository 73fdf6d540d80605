// What other modules read from indicators and monitoring through the index, by indicator code: the
// approved values of a programme's indicators (with the round they were reported in) and the people
// holding the reporting_partner role. The localgov module's annual survey builds on these, so it
// needs no reporting system of its own.
import type { ModuleContext } from '../../core/module.js';
import { WHOLE_YEAR } from './indicators.tables.js';
import type { PartnerRoleRow } from './monitoring/monitoring.repo.js';

export interface ApprovedValueByCode {
  code: string;
  period: number;
  territory_code: string;
  value: number;
  source: string | null;
  is_example: boolean;
  /** The monitoring round's name, or null for a value entered by the coordinator outside a round. */
  round_name: string | null;
}

/** Approved values of the programme's indicators with these codes (optionally of one year): whole years only. */
export async function approvedValuesByCode(
  ctx: Pick<ModuleContext, 'db'>,
  programmeId: string,
  codes: readonly string[],
  period?: number,
): Promise<ApprovedValueByCode[]> {
  if (codes.length === 0) return [];
  let q = ctx.db
    .selectFrom('indicator_values as v')
    .innerJoin('indicators as i', 'i.id', 'v.indicator_id')
    .leftJoin('monitoring_rounds as r', 'r.id', 'v.round_id')
    .select(['i.code', 'v.period', 'v.territory_code', 'v.value', 'v.source', 'v.is_example', 'r.name as round_name'])
    .where('i.programme_id', '=', programmeId)
    .where('i.code', 'in', [...codes])
    .where('v.status', '=', 'approved')
    .where('v.quarter', '=', WHOLE_YEAR)
    .where('v.value', 'is not', null);
  if (period !== undefined) q = q.where('v.period', '=', period);
  const rows = await q.orderBy('v.period').orderBy('v.territory_code').orderBy('i.code').execute();
  return rows.map((r) => ({
    code: r.code,
    period: Number(r.period),
    territory_code: r.territory_code,
    value: Number(r.value),
    source: r.source,
    is_example: !!r.is_example,
    round_name: r.round_name,
  }));
}

/**
 * Users holding reporting_partner (also those invited who have not set up their account yet, with
 * `is_active` false), one row per role row; anonymised people are left out.
 */
export async function listReportingPartnerRoles(
  ctx: Pick<ModuleContext, 'db'>,
): Promise<(Omit<PartnerRoleRow, 'lang'> & { is_active: boolean })[]> {
  const rows = await ctx.db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'u.email', 'u.display_name', 'u.is_active', 'r.scope_type', 'r.scope_id'])
    .where('r.role', '=', 'reporting_partner')
    .where('u.anonymised_at', 'is', null)
    .orderBy('u.display_name')
    .orderBy('r.user_id')
    .execute();
  return rows.map((r) => ({ ...r, is_active: !!r.is_active }));
}

/** An open monitoring round as other modules see it (whole year or a quarter). */
export interface OpenRoundByCode {
  id: string;
  name: string;
  period: number;
  quarter: number;
  deadline: string;
  /** The codes of `codes` the round asks for. */
  codes: string[];
}

/** The open rounds that ask for any indicator with one of these codes, with the codes each asks for. */
export async function openRoundsOfCodes(ctx: Pick<ModuleContext, 'db'>, codes: readonly string[]): Promise<OpenRoundByCode[]> {
  if (codes.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('monitoring_rounds as r')
    .innerJoin('monitoring_round_indicators as ri', 'ri.round_id', 'r.id')
    .innerJoin('indicators as i', 'i.id', 'ri.indicator_id')
    .select(['r.id', 'r.name', 'r.period', 'r.quarter', 'r.deadline', 'i.code'])
    .where('r.status', '=', 'open')
    .where('i.code', 'in', [...codes])
    .orderBy('r.period')
    .orderBy('r.id')
    .execute();
  const out = new Map<string, OpenRoundByCode>();
  for (const r of rows) {
    const round = out.get(r.id) ?? {
      id: r.id,
      name: r.name,
      period: Number(r.period),
      quarter: Number(r.quarter),
      deadline: r.deadline,
      codes: [],
    };
    if (!round.codes.includes(r.code)) round.codes.push(r.code);
    out.set(r.id, round);
  }
  return [...out.values()];
}
