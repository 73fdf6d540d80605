// The outbox pages: administrators only; the list with its status filter; one message shown as
// text with one-time links hidden and its HTML never injected into the page; the HTML part served
// alone under a sandboxing CSP; every reading recorded in the audit log; re-queueing a failed
// message and queueing a test message.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cookieHeader, createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { enqueueMail } from './index.js';

let t: TestApp;
let admin: { cookie: string; userId: string };
let editor: { cookie: string; userId: string };
let coordinator: { cookie: string; userId: string };
let resetId: string;
let inviteId: string;
const TOKEN = 'SeCrEtToKeN_0123456789abcdefXYZ';

before(async () => {
  t = await createTestApp({ reference: false });
  admin = await loginAs(t, [{ role: 'administrator' }]);
  editor = await loginAs(t, [{ role: 'editor' }]);
  coordinator = await loginAs(t, [{ role: 'coordinator' }]);
  resetId = await enqueueMail(t.ctx.db, {
    to: 'lucja@example.pl',
    lang: 'pl',
    template: 'password_reset',
    params: {
      name: '<script>alert(1)</script> Łucja',
      link: `https://spojnia.example.pl/konto/haslo/nowe/${TOKEN}`,
      validFor: '1 godzina',
    },
  });
  inviteId = await enqueueMail(t.ctx.db, {
    to: 'jan@example.pl',
    lang: 'en',
    template: 'invitation',
    params: {
      name: 'Jan',
      inviter: 'Anna',
      link: `https://spojnia.example.pl/en/konto/zaproszenie/${TOKEN}`,
      roles: 'editor',
      validFor: '7 days',
    },
  });
  await t.ctx.db
    .updateTable('mail_outbox')
    .set({ status: 'failed', attempts: 6, last_error: '550 no such user' })
    .where('id', '=', inviteId)
    .execute();
});
after(async () => t.close());

const get = (url: string, who?: { cookie: string }) => t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });
const views = () => t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'mail.view').orderBy('id').execute();

test('only administrators reach the outbox pages', async () => {
  for (const url of ['/admin/poczta', `/admin/poczta/${resetId}`, `/admin/poczta/${resetId}.html`]) {
    const anon = await get(url);
    assert.equal(anon.statusCode, 302, url);
    assert.match(String(anon.headers.location), /^\/konto\/logowanie\?next=/);
    assert.equal((await get(url, editor)).statusCode, 403, url);
    assert.equal((await get(url, coordinator)).statusCode, 403, url);
    assert.equal((await get(url, admin)).statusCode, 200, url);
  }
  const post = await t.app.inject({
    method: 'POST',
    url: `/admin/poczta/${inviteId}/ponow`,
    headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: '',
  });
  assert.equal(post.statusCode, 403);
});

test('the list shows messages newest first, filters by status and says sending is off without SMTP', async () => {
  const all = await get('/admin/poczta', admin);
  assert.equal(all.statusCode, 200);
  assert.match(all.body, /<h1>Poczta wychodząca<\/h1>/);
  assert.match(all.body, /nie ustawiono SMTP_URL/);
  const invite = all.body.indexOf('jan@example.pl');
  const reset = all.body.indexOf('lucja@example.pl');
  assert.ok(invite > 0 && reset > invite, 'newest first');
  assert.match(all.body, new RegExp(`href="/admin/poczta/${resetId}"`));
  const failed = await get('/admin/poczta?status=failed', admin);
  assert.match(failed.body, /jan@example\.pl/);
  assert.doesNotMatch(failed.body, /lucja@example\.pl/);
  assert.match(failed.body, /niewysłana/);
  const en = await get('/en/admin/poczta?status=pending', admin);
  assert.match(en.body, /<h1>Outgoing mail<\/h1>/);
  assert.match(en.body, /lucja@example\.pl/);
  assert.doesNotMatch(en.body, /jan@example\.pl/);
});

test('a message is shown as text, one-time links hidden, its HTML never injected, and the reading audited', async () => {
  const before = (await views()).length;
  const res = await get(`/admin/poczta/${resetId}`, admin);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.match(res.body, /<h1>Spójnia: ustawienie nowego hasła<\/h1>/);
  assert.match(res.body, /lucja@example\.pl/);
  // Preact escapes `<` in text (enough to keep it text); the stored HTML's `&lt;` is not used here
  assert.match(res.body, /<pre class="mail-text" lang="pl">Dzień dobry &lt;script>alert\(1\)&lt;\/script> Łucja,/);
  assert.match(res.body, /https:\/\/spojnia\.example\.pl\/konto\/haslo\/nowe\/…/);
  assert.doesNotMatch(res.body, new RegExp(TOKEN), 'the reset token is not shown to the administrator');
  assert.doesNotMatch(res.body, /<script>alert/);
  assert.doesNotMatch(res.body, /<p>Dzień dobry/, 'the stored HTML part is not part of the page');
  assert.match(res.body, new RegExp(`href="/admin/poczta/${resetId}\\.html"`));

  const rows = await views();
  assert.equal(rows.length, before + 1);
  const last = rows.at(-1)!;
  assert.equal(last.actor_id, admin.userId);
  assert.equal(last.subject_type, 'mail');
  assert.equal(last.subject_id, resetId);
  assert.deepEqual(JSON.parse(last.meta!), { format: 'text', template: 'password_reset' });
  assert.doesNotMatch(last.meta!, /lucja@example\.pl/, 'the audit row names the message, not the address');
});

test('the HTML part is served alone under a sandboxing CSP, with links masked, and audited', async () => {
  const before = (await views()).length;
  const res = await get(`/admin/poczta/${resetId}.html`, admin);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /^sandbox(;|$)/);
  assert.match(csp, /default-src 'none'/);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.match(res.body, /^<!doctype html>\n<html lang="pl">/);
  assert.match(res.body, /<p>Dzień dobry &lt;script&gt;alert\(1\)&lt;\/script&gt; Łucja,<\/p>/);
  assert.doesNotMatch(res.body, new RegExp(TOKEN));
  const rows = await views();
  assert.equal(rows.length, before + 1);
  assert.deepEqual(JSON.parse(rows.at(-1)!.meta!), { format: 'html', template: 'password_reset' });
});

test('an unknown message is 404 and its absence is not audited as a reading', async () => {
  const before = (await views()).length;
  assert.equal((await get('/admin/poczta/0192aaaa-0000-7000-8000-000000000000', admin)).statusCode, 404);
  assert.equal((await get('/admin/poczta/0192aaaa-0000-7000-8000-000000000000.html', admin)).statusCode, 404);
  assert.equal((await views()).length, before);
});

test('a failed message can be put back in the queue (audited); CSRF is required', async () => {
  const page = await get(`/admin/poczta/${inviteId}`, admin);
  assert.match(page.body, /550 no such user/);
  assert.match(page.body, /Wyślij ponownie/);
  const cookie = cookieHeader(page, admin.cookie);
  const headers = { cookie, 'content-type': 'application/x-www-form-urlencoded' };
  const noCsrf = await t.app.inject({ method: 'POST', url: `/admin/poczta/${inviteId}/ponow`, headers, payload: '' });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal(
    (await t.ctx.db.selectFrom('mail_outbox').select('status').where('id', '=', inviteId).executeTakeFirstOrThrow()).status,
    'failed',
  );

  const ok = await t.app.inject({
    method: 'POST',
    url: `/admin/poczta/${inviteId}/ponow`,
    headers,
    payload: form({ _csrf: csrfFrom(page.body) }),
  });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, `/admin/poczta/${inviteId}?ok=retry`);
  const r = await t.ctx.db.selectFrom('mail_outbox').selectAll().where('id', '=', inviteId).executeTakeFirstOrThrow();
  assert.equal(r.status, 'pending');
  assert.equal(r.attempts, 0);
  const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'mail.retry').execute();
  assert.deepEqual(
    audit.map((a) => [a.actor_id, a.subject_id]),
    [[admin.userId, inviteId]],
  );
});

test('an administrator can queue a test message; a bad address is refused with the form shown again', async () => {
  const page = await get('/admin/poczta', admin);
  const cookie = cookieHeader(page, admin.cookie);
  const headers = { cookie, 'content-type': 'application/x-www-form-urlencoded' };
  const bad = await t.app.inject({
    method: 'POST',
    url: '/admin/poczta/testowa',
    headers,
    payload: form({ _csrf: csrfFrom(page.body), to: 'not-an-address', lang: 'en' }),
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /data-error-summary/);
  assert.match(bad.body, /value="not-an-address"/);
  const ok = await t.app.inject({
    method: 'POST',
    url: '/admin/poczta/testowa',
    headers,
    payload: form({ _csrf: csrfFrom(bad.body), to: 'Tester@Example.pl', lang: 'en' }),
  });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/admin/poczta?ok=test');
  const queued = await t.ctx.db.selectFrom('mail_outbox').selectAll().where('template', '=', 'test').executeTakeFirstOrThrow();
  assert.equal(queued.to_address, 'tester@example.pl');
  assert.equal(queued.lang, 'en');
  assert.equal(queued.subject, 'Spójnia: test message');
  assert.equal(queued.status, 'pending');
  const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'mail.test').execute();
  assert.deepEqual(
    audit.map((a) => [a.actor_id, a.subject_id]),
    [[admin.userId, queued.id]],
  );
  const after = await get('/admin/poczta?ok=test', admin);
  assert.match(after.body, /Wiadomość testowa czeka w kolejce/);
});
