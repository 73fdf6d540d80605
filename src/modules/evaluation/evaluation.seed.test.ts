// The demo seed states only what the sources say about the 2013 ex-ante evaluation: the year and the
// programme; every other fact stays empty, the page says it is unknown, no recommendation is made up,
// and a second run changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { DEMO_SLUG, programmeModule } from '../programme/index.js';
import { SEED_TITLE, seedEvaluationDemo } from './evaluation.testing.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test('the 2013 ex-ante study of the 2020 programme, with the unknown left unknown', async () => {
  await programmeModule.seedDemo!(t.ctx);
  await seedEvaluationDemo(t.ctx);
  await seedEvaluationDemo(t.ctx);
  const studies = await t.ctx.db.selectFrom('evaluation_studies').selectAll().execute();
  assert.equal(studies.length, 1);
  const s = studies[0]!;
  const programme = await t.ctx.db.selectFrom('programmes').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
  assert.equal(s.title, SEED_TITLE);
  assert.equal(s.study_type, 'ex_ante');
  assert.equal(s.programme_id, programme.id);
  assert.equal(s.study_year, 2013);
  for (const field of ['contractor', 'commissioning_unit', 'commissioned_on', 'delivered_on', 'accepted_on', 'method_summary'] as const)
    assert.equal(s[field], null, field);
  assert.equal(s.criteria, '[]');
  assert.equal((await t.ctx.db.selectFrom('evaluation_recommendations').select('id').execute()).length, 0);
  const page = await t.app.inject({ method: 'GET', url: `/ewaluacja/${s.id}` });
  assert.equal(page.statusCode, 200);
  assert.ok((page.body.match(/nieznane — źródła tego nie podają/g) ?? []).length >= 8);
  assert.match(page.body, /ewaluacja ex-ante programu odbyła się w 2013 r\./);
});
