// The role × route matrix for the evaluation routes that need a record (the shared matrix in
// src/testing/permissions.test.ts holds the static ones): coordinators and administrators manage
// studies and decide; owners of actions (editors, team members) open a recommendation's follow-up
// and propose ratings, but cannot respond, plan, validate, close or abandon; others are refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, loginAs, type TestApp } from '../../testing/app.js';
import { getMismatches, postRefusals } from '../../testing/refusals.js';
import { evaluationFixture, type EvaluationFixture } from './evaluation.testing.js';

type Who = 'anonymous' | 'administrator' | 'coordinator' | 'editor' | 'moderator' | 'team_member' | 'entity_representative';
const WHO: Who[] = ['anonymous', 'administrator', 'coordinator', 'editor', 'moderator', 'team_member', 'entity_representative'];
const CODE: Record<string, number> = { A: 200, L: 302, F: 403 };

let t: TestApp;
let fx: EvaluationFixture;
const cookies = new Map<Who, string>();

before(async () => {
  t = await createTestApp({ reference: false });
  fx = await evaluationFixture(t.ctx);
  for (const who of WHO)
    if (who !== 'anonymous')
      cookies.set(
        who,
        (
          await loginAs(t, [
            who === 'team_member'
              ? { role: who, scopeType: 'team', scopeId: 'x' }
              : who === 'entity_representative'
                ? { role: who, scopeType: 'entity', scopeId: 'x' }
                : { role: who },
          ])
        ).cookie,
      );
});
after(async () => t.close());

test('evaluation: GET routes with records, per role', async () => {
  const matrix: [string, string][] = [
    [`/ewaluacja/${fx.studyId}`, 'AAAAAAA'],
    [`/admin/ewaluacja/${fx.studyId}`, 'LAAFFFF'],
    [`/admin/ewaluacja/${fx.studyId}/rekomendacje/nowa`, 'LAAFFFF'],
    [`/admin/ewaluacja/${fx.studyId}/import`, 'LAAFFFF'],
    // a statutory body's member (team_member) is not an action owner: nothing here
    [`/admin/ewaluacja/rekomendacje/${fx.rec1}`, 'LAAAFFF'],
    [`/admin/ewaluacja/rekomendacje/${fx.rec1}/edycja`, 'LAAFFFF'],
  ];
  assert.deepEqual(await getMismatches(t, cookies, WHO, CODE, matrix), []);
});

test('evaluation: decisions refuse owners and others (403) before the form is read; proposals refuse others', async () => {
  const rating = await t.ctx.db.selectFrom('evaluation_recommendations').select('id').limit(1).executeTakeFirstOrThrow();
  const decide: Who[] = ['editor', 'moderator', 'team_member', 'entity_representative'];
  const posts: [string, Who[]][] = [
    [`/admin/ewaluacja/${fx.studyId}`, decide],
    ['/admin/ewaluacja/nowe', decide],
    [`/admin/ewaluacja/${fx.studyId}/rekomendacje/nowa`, decide],
    [`/admin/ewaluacja/rekomendacje/${fx.rec1}/odpowiedz`, decide],
    [`/admin/ewaluacja/rekomendacje/${fx.rec1}/edycja`, decide],
    [`/admin/ewaluacja/rekomendacje/${fx.rec1}/dzialania`, decide],
    [`/admin/ewaluacja/dzialania/${fx.actionId}`, decide],
    [`/admin/ewaluacja/oceny/${rating.id}/zatwierdz`, decide],
    [`/admin/ewaluacja/rekomendacje/${fx.rec1}/zamknij`, decide],
    [`/admin/ewaluacja/rekomendacje/${fx.rec1}/porzuc`, decide],
    [`/admin/ewaluacja/rekomendacje/${fx.rec1}/ocena`, ['moderator', 'team_member', 'entity_representative']],
  ];
  assert.deepEqual(await postRefusals(t, cookies, posts), []);
  const rec = await t.ctx.db.selectFrom('evaluation_recommendations').selectAll().where('id', '=', fx.rec1).executeTakeFirstOrThrow();
  assert.equal(rec.closure, null);
});
