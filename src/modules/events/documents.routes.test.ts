// Library documents attached to an event, through HTTP on SQLite and PostgreSQL: organisers find a
// published document by words of its title (accent- and case-blind; drafts and documents already
// attached are not offered), attach it with a button (CSRF, audit), see it on the public event page in
// both languages, and detach it; a forged id of an unpublished document is refused and changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, csrfFrom, form, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { createDocument, PDF } from '../../testing/portal.js';
import { makeEvent } from './events.testing.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
const actor = { actorId: null, ip: null, requestId: null };
let t: TestApp;
let coordinator = '';
let ev: { id: string; sessionIds: string[] };
let programme = '';
let draft = '';

const doc = (title: string, published: boolean) =>
  createDocument(
    t.ctx,
    {
      title_pl: title,
      category: 'raporty',
      doc_date: '2027-02-01',
      label_pl: 'wersja ostateczna',
      version_date: '2027-02-01',
      is_published: published ? '1' : '',
      is_accessible: '1',
    },
    { filename: 'plik.pdf', data: PDF, truncated: false },
    actor,
  );

before(async () => {
  t = await createTestApp({ clock });
  coordinator = (await loginAs(t, [{ role: 'coordinator' }])).userId;
  ev = await makeEvent(t.ctx, { title: 'Forum z dokumentami' });
  programme = await doc('Program Forum Ekonomii Społecznej 2027', true);
  await doc('Sprawozdanie roczne ROPS', true);
  draft = await doc('Program Forum — szkic', false);
});
after(async () => t.close());

const page = `/admin/wydarzenia/${'{id}'}/dokumenty`;

test('organisers find a published document by title, attach it, see it on the event page, and detach it', async () => {
  const cookie = await sessionFor(t, coordinator);
  const url = page.replace('{id}', ev.id);
  const empty = await t.app.inject({ url, headers: { cookie } });
  assert.equal(empty.statusCode, 200);
  assert.equal(empty.body.match(/<h1[ >]/g)?.length, 1);
  assert.match(empty.body, /Do wydarzenia nie dołączono dokumentów/);

  // words of the title, without Polish letters or capitals; the draft is never offered
  const found = await t.app.inject({ url: `${url}?q=forum+spolecznej`, headers: { cookie } });
  assert.equal(found.statusCode, 200);
  assert.match(found.body, /Dołącz „Program Forum Ekonomii Społecznej 2027”/);
  assert.ok(!found.body.includes('Sprawozdanie roczne') && !found.body.includes('szkic'));
  const none = await t.app.inject({ url: `${url}?q=szkic`, headers: { cookie } });
  assert.match(none.body, /Żaden opublikowany dokument/);

  const audits = async () =>
    (await t.ctx.db.selectFrom('audit_log').select('id').where('action', 'like', 'event.document.%').execute()).length;
  // a forged id of a draft is refused, nothing attached
  const forged = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(found.body), document_id: draft, q: 'szkic' }),
  });
  assert.equal(forged.statusCode, 400);
  assert.equal((await t.ctx.db.selectFrom('event_documents').select('document_id').execute()).length, 0);
  assert.equal(await audits(), 0);

  const attach = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(found.body), document_id: programme, q: 'forum spolecznej' }),
  });
  assert.equal(attach.statusCode, 303);
  assert.equal(await audits(), 1);
  const after1 = await t.app.inject({ url: `${url}?ok=dolaczono&q=forum`, headers: { cookie } });
  assert.match(after1.body, /Dokument został dołączony/);
  assert.match(after1.body, /Odłącz „Program Forum Ekonomii Społecznej 2027”/);
  assert.ok(!after1.body.includes('Dołącz „Program Forum'), 'an attached document is not offered again');

  const pub = await t.app.inject({ url: `/wydarzenia/${ev.id}` });
  assert.match(pub.body, /<h2 id="documents">Dokumenty<\/h2>/);
  assert.match(pub.body, new RegExp(`<a href="/dokumenty/${programme}">Program Forum Ekonomii Społecznej 2027</a>`));
  const en = await t.app.inject({ url: `/en/wydarzenia/${ev.id}` });
  assert.match(en.body, /<h2 id="documents">Documents<\/h2>/);
  assert.match(en.body, new RegExp(`<a href="/en/dokumenty/${programme}" lang="pl">Program Forum`));

  const detach = await t.app.inject({
    method: 'POST',
    url: `${url}/${programme}/odlacz`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(after1.body) }),
  });
  assert.equal(detach.statusCode, 303);
  assert.equal(await audits(), 2);
  assert.ok(!(await t.app.inject({ url: `/wydarzenia/${ev.id}` })).body.includes('id="documents"'));
  // without the CSRF token nothing changes
  const noCsrf = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ document_id: programme }),
  });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal((await t.ctx.db.selectFrom('event_documents').select('document_id').execute()).length, 0);
});
