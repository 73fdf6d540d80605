// The role × route matrix for the consultations' routes that need a record (the shared matrix in
// src/testing/permissions.test.ts holds the static ones): coordinators and administrators manage,
// moderators read comments and hide, everyone else is refused; POSTs refuse the wrong role before
// the form's token is even looked at.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, loginAs, type TestApp } from '../../testing/app.js';
import { getMismatches, postRefusals } from '../../testing/refusals.js';
import * as repo from './consultations.repo.js';
import { consultationWithReport } from './consultations.testing.js';

type Who = 'anonymous' | 'administrator' | 'coordinator' | 'editor' | 'moderator' | 'team_member';
const WHO: Who[] = ['anonymous', 'administrator', 'coordinator', 'editor', 'moderator', 'team_member'];
const CODE: Record<string, number> = { A: 200, L: 302, F: 403, N: 404 };

let t: TestApp;
let id = '';
let commentId = '';
const cookies = new Map<Who, string>();

before(async () => {
  t = await createTestApp({ reference: false });
  id = await consultationWithReport(t.ctx);
  commentId = (await repo.listConfirmedComments(t.ctx.db, id))[0]!.id;
  for (const who of WHO)
    if (who !== 'anonymous')
      cookies.set(who, (await loginAs(t, [who === 'team_member' ? { role: who, scopeType: 'team', scopeId: 'x' } : { role: who }])).cookie);
});
after(async () => t.close());

const matrix = (): [string, string][] => [
  [`/konsultacje/${id}`, 'AAAAAA'],
  [`/konsultacje/${id}/uwaga`, 'AAAAAA'],
  [`/konsultacje/${id}/raport`, 'AAAAAA'],
  [`/konsultacje/${id}/raport.csv`, 'AAAAAA'],
  [`/api/v1/konsultacje/${id}`, 'AAAAAA'],
  [`/admin/konsultacje/${id}`, 'LAAFAF'],
  [`/admin/konsultacje/${id}/edycja`, 'LAAFFF'],
  [`/admin/konsultacje/${id}/dokumenty`, 'LAAFFF'],
  [`/admin/konsultacje/${id}/uwagi`, 'LAAFAF'],
  [`/admin/konsultacje/${id}/uwagi/${commentId}`, 'LAAFAF'],
  [`/admin/konsultacje/${id}/nowa-wersja`, 'LAAFFF'],
];

test('consultations: GET routes with records, per role', async () => {
  assert.deepEqual(await getMismatches(t, cookies, WHO, CODE, matrix()), []);
});

test('consultations: staff POST routes refuse other roles (403) and anonymous visitors (401 or login)', async () => {
  const posts: [string, Who[]][] = [
    [`/admin/konsultacje/${id}/edycja`, ['editor', 'moderator', 'team_member']],
    [`/admin/konsultacje/${id}/raport`, ['editor', 'moderator', 'team_member']],
    [`/admin/konsultacje/${id}/dokumenty`, ['editor', 'moderator', 'team_member']],
    [`/admin/konsultacje/${id}/dokumenty/${id}/odlacz`, ['editor', 'moderator', 'team_member']],
    [`/admin/konsultacje/${id}/uwagi/${commentId}/odpowiedz`, ['editor', 'moderator', 'team_member']],
    [`/admin/konsultacje/${id}/uwagi/${commentId}/usun-dane`, ['editor', 'moderator', 'team_member']],
    [`/admin/konsultacje/${id}/uwagi/${commentId}/ukryj`, ['editor', 'team_member']],
    ['/admin/konsultacje/ustawienia', ['editor', 'moderator', 'team_member']],
    ['/admin/konsultacje/nowa', ['editor', 'moderator', 'team_member']],
    [`/admin/konsultacje/${id}/nowa-wersja`, ['editor', 'moderator', 'team_member']],
  ];
  assert.deepEqual(await postRefusals(t, cookies, posts), []);
  const c = await repo.findConsultation(t.ctx.db, id);
  assert.equal(c!.is_report_published, true);
});
