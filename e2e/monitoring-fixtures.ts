// Data the monitoring and annual-report page templates need before a visit: a programme with a
// small objective tree, a reported indicator `M1` (no territorial breakdown) with values, an open
// monitoring round collecting it, narratives, a draft report for 2025 and a published one for
// 2024 — created once per test server. Partners in the page list log in with the scope `indicator:M1`.
import { newId } from '../src/core/db/ids.js';
import { insertTestElement, insertTestIndicator, insertTestProgramme } from '../src/modules/indicators/indicators.testing.js';
import type { TestRole } from '../src/testing/app.js';
import type { Server } from './support.js';

export interface MonitoringFixtures {
  programmeId: string;
  slug: string;
  roundId: string;
  indicatorId: string;
}

export const PARTNER_M1: TestRole = { role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'indicator:M1' };

const DONE = new WeakMap<Server, Promise<MonitoringFixtures>>();

async function create(server: Server): Promise<MonitoringFixtures> {
  const ctx = server.testApp.ctx;
  const programme = await insertTestProgramme(ctx, {
    period_from: 2021,
    period_to: 2030,
    title: 'Program ekonomii społecznej (test)',
    slug: 'program-monitorowanie',
  });
  const element = (parent: string | null, kind: 'main_goal' | 'specific_goal' | 'action', code: string, title: string) =>
    insertTestElement(ctx, programme.id, { parent, kind, code, title, is_example: true });
  const goal = await element(null, 'main_goal', '1', 'Większy udział ekonomii społecznej w rozwoju regionu');
  const specific = await element(goal, 'specific_goal', '1.1', 'Silne podmioty ekonomii społecznej');
  const action = await element(specific, 'action', '1.1.1', 'Doradztwo dla spółdzielni socjalnych');
  const indicatorId = await insertTestIndicator(ctx, programme.id, {
    code: 'M1',
    name: 'Liczba porad udzielonych spółdzielniom',
    unit: 'porady',
    baseline_value: 100,
    baseline_year: 2021,
    targets: [{ year: 2030, value: 300 }],
  });
  await ctx.db.insertInto('indicator_elements').values({ indicator_id: indicatorId, element_id: action }).execute();
  const at = new Date().toISOString();
  for (const [period, value] of [
    [2023, 140],
    [2024, 170],
  ] as const) {
    await ctx.db
      .insertInto('indicator_values')
      .values({
        id: newId(),
        indicator_id: indicatorId,
        period,
        territory_code: 'region',
        value,
        source: 'sprawozdania OWES',
        comment: null,
        status: 'approved',
        return_reason: null,
        round_id: null,
        is_computed: false,
        is_example: true,
        entered_by: null,
        approved_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  for (const year of [2024, 2025]) {
    await ctx.db
      .insertInto('report_narratives')
      .values({
        id: newId(),
        element_id: action,
        year,
        body: `W roku ${year} udzielono porad spółdzielniom socjalnym.\n\n- doradztwo prawne\n- doradztwo księgowe`,
        updated_by: null,
        updated_at: at,
      })
      .execute();
  }
  await ctx.db
    .insertInto('annual_reports')
    .values({ id: newId(), programme_id: programme.id, year: 2024, status: 'published', published_at: at, published_by: null })
    .execute();
  const roundId = newId();
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await ctx.db
    .insertInto('monitoring_rounds')
    .values({
      id: roundId,
      programme_id: programme.id,
      name: 'Monitorowanie 2025',
      period: 2025,
      deadline,
      status: 'open',
      created_by: null,
      created_at: at,
      closed_at: null,
    })
    .execute();
  await ctx.db.insertInto('monitoring_round_indicators').values({ round_id: roundId, indicator_id: indicatorId }).execute();
  return { programmeId: programme.id, slug: programme.slug, roundId, indicatorId };
}

export function monitoringFixtures(server: Server): Promise<MonitoringFixtures> {
  let p = DONE.get(server);
  if (!p) {
    p = create(server);
    DONE.set(server, p);
  }
  return p;
}
