// The administration's "Czeka na Ciebie": tasks other modules contribute appear for the roles that
// handle them, with their count in plural form and a link; nothing waiting is said once; a count of
// zero leaves no line; a scoped role (a representative) sees no staff list at all. A real task (the
// registry's pending "To mój podmiot" claims) counts what is in the database and links to its page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MODULES } from '../../app.js';
import { newId } from '../../core/db/ids.js';
import type { AppModule } from '../../core/module.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/app.js';
import type { AdminTask } from './index.js';

let waitingClaims = 0;
const task: AdminTask = {
  id: 'test.claims',
  order: 1,
  roles: ['coordinator'],
  label: 'claims.waiting.claims',
  path: '/admin/podmioty/zgloszenia',
  count: async () => waitingClaims,
};
const contributor: AppModule = { name: 'test-tasks', contributes: { adminTasks: [task] } };

const waitingList = (html: string) => /<section aria-labelledby="admin-waiting"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

describe('what waits for staff on /admin', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ modules: [...MODULES, contributor] });
  });
  after(async () => t.close());

  it('lists waiting work per role with plural counts and links, and says when nothing waits', async () => {
    const coordinator = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
    let html = waitingList((await t.app.inject({ url: '/admin', headers: { cookie: coordinator } })).body);
    assert.match(html, /Czeka na Ciebie/);
    assert.match(html, /Nic nie czeka na Twoją decyzję\./);

    waitingClaims = 3;
    html = waitingList((await t.app.inject({ url: '/admin', headers: { cookie: coordinator } })).body);
    assert.match(html, /<a href="\/admin\/podmioty\/zgloszenia">3 zgłoszenia „To mój podmiot” czekają na decyzję<\/a>/);
    assert.doesNotMatch(html, /Nic nie czeka/);
    waitingClaims = 5;
    html = waitingList((await t.app.inject({ url: '/en/admin', headers: { cookie: coordinator } })).body);
    assert.match(html, /<a href="\/en\/admin\/podmioty\/zgloszenia">5 “This is my entity” claims wait for a decision<\/a>/);

    const editor = (await loginAs(t, [{ role: 'editor' }])).cookie;
    html = waitingList((await t.app.inject({ url: '/admin', headers: { cookie: editor } })).body);
    assert.doesNotMatch(html, /zgłoszenia „To mój podmiot”/, 'not an editor’s work');

    const representative = (await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: 'x' }])).cookie;
    assert.equal(waitingList((await t.app.inject({ url: '/admin', headers: { cookie: representative } })).body), '');
  });

  it('counts real pending claims and links to them (the registry’s task)', async () => {
    const app = await createTestApp();
    try {
      const entityId = newId();
      const at = new Date().toISOString();
      // rows as the registry's claim form writes them (its tables; the module is reached only through index.ts)
      await app.ctx.db
        .insertInto('entities')
        .values({
          id: entityId,
          name: 'Fundacja Czekająca',
          name_sort: 'fundacja czekajaca',
          legal_form: 'fundacja',
          sectors: '[]',
          lifecycle: 'active',
          search_doc: 'fundacja czekajaca',
          is_synthetic: false,
          created_at: at,
          updated_at: at,
        })
        .execute();
      for (const [email, status] of [
        ['a@example.pl', 'pending'],
        ['b@example.pl', 'pending'],
        ['c@example.pl', 'rejected'],
      ] as const)
        await app.ctx.db
          .insertInto('entity_claims')
          .values({
            id: newId(),
            entity_id: entityId,
            status,
            name: `Osoba ${email}`,
            email,
            email_norm: email,
            role_in_entity: 'prezes zarządu',
            justification: 'Jestem w zarządzie.',
            lang: 'pl',
            user_id: null,
            consent_at: at,
            created_at: at,
            decided_at: status === 'pending' ? null : at,
            decided_by: null,
            decision_reason: null,
            granted_user_id: null,
            document_erased_at: null,
          })
          .execute();
      const coordinator = (await loginAs(app, [{ role: 'coordinator' }])).cookie;
      const html = waitingList((await app.app.inject({ url: '/admin', headers: { cookie: coordinator } })).body);
      assert.match(html, /<a href="\/admin\/podmioty\/zgloszenia">2 zgłoszenia „To mój podmiot” czekają na decyzję<\/a>/);
      const editor = (await loginAs(app, [{ role: 'editor' }])).cookie;
      assert.doesNotMatch(waitingList((await app.app.inject({ url: '/admin', headers: { cookie: editor } })).body), /podmioty\/zgloszenia/);
    } finally {
      await app.close();
    }
  });
});
