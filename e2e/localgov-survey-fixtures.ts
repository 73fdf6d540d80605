// Data the local governments' survey answer pages need before a visit: a programme with the survey's
// clauses indicators of both levels and an open 2025 round collecting them, and the gmina Chełmno
// rural's submitted text answers for the staff's review page — created once per test server.
// The partner in the page list answers for the gmina Chełmno (urban).
import { newId } from '../src/core/db/ids.js';
import { insertTestIndicator, insertTestProgramme } from '../src/modules/indicators/indicators.testing.js';
import { submittedSurveyAnswer, surveyClausesCode } from '../src/modules/localgov/localgov.testing.js';
import type { TestRole } from '../src/testing/app.js';
import type { Server } from './support.js';

export const SURVEY_PARTNER: TestRole = { role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'localgov:0404011' };
export const SURVEY_ANSWER_PAGE = '/samorzady/ankieta/0404011/2025';

const DONE = new WeakMap<Server, Promise<{ reviewPath: string }>>();

async function create(server: Server): Promise<{ reviewPath: string }> {
  const ctx = server.testApp.ctx;
  const programme = await insertTestProgramme(ctx, {
    period_from: 2021,
    period_to: 2030,
    title: 'Program (ankieta, test)',
    slug: 'program-ankieta',
  });
  const roundId = newId();
  await ctx.db
    .insertInto('monitoring_rounds')
    .values({
      id: roundId,
      programme_id: programme.id,
      name: 'Ankieta samorządów 2025 (test)',
      period: 2025,
      deadline: '2099-12-31',
      status: 'open',
      created_by: null,
      created_at: new Date().toISOString(),
      closed_at: null,
    })
    .execute();
  for (const level of ['gmina', 'powiat'] as const) {
    const indicatorId = await insertTestIndicator(ctx, programme.id, {
      code: surveyClausesCode(level),
      name: `Ankieta samorządów (${level}): postępowania z klauzulami społecznymi`,
      breakdown: level,
      unit: 'liczba',
    });
    await ctx.db.insertInto('monitoring_round_indicators').values({ round_id: roundId, indicator_id: indicatorId }).execute();
  }
  return { reviewPath: await submittedSurveyAnswer(ctx, '0404022', 2025) };
}

export function localgovSurveyFixtures(server: Server): Promise<{ reviewPath: string }> {
  let done = DONE.get(server);
  if (!done) {
    done = create(server);
    DONE.set(server, done);
  }
  return done;
}
