// The account journeys end to end through HTTP: login (with brute-force limits and the second
// factor), forced 2FA enrolment for staff, sessions, password change and reset through the
// outbox, invitations, role changes and deactivation, own-data export. Runs on both databases.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { cookieHeader, createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { createUser } from './index.js';
import { totpCode } from './totp.js';
import { beginTwoFactor, confirmTwoFactor, FREE_FAILURES_PER_PAIR, MAX_FAILURES_PER_IP, pairDelayMs } from './auth.service.js';
import { ManualClock } from '../../testing/clock.js';
import { newId } from '../../core/db/ids.js';

const PASSWORD = 'Zielona łąka nad Wisłą 2026';

let t: TestApp;
const clock = new ManualClock();

before(async () => {
  t = await createTestApp({ clock, reference: false });
});
after(async () => t.close());

async function get(url: string, cookie = '') {
  return t.app.inject({ url, headers: cookie ? { cookie } : {} });
}

async function post(url: string, cookie: string, fields: Record<string, string>, csrfPage?: LightMyRequestResponse) {
  const csrf = csrfPage
    ? csrfFrom(csrfPage.body)
    : csrfFrom((await get(url.replace(/\/(zakoncz.*|wylacz|role|aktywnosc|anonimizuj|usun)$/, ''), cookie)).body);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrf, ...fields }),
  });
}

/** Logs in through the real forms; returns the session cookie (and follows the second factor). */
async function login(
  email: string,
  password = PASSWORD,
  secret?: string,
  remoteAddress = '127.0.0.1',
): Promise<{ res: LightMyRequestResponse; cookie: string }> {
  const page = await t.app.inject({ url: '/konto/logowanie', remoteAddress });
  let cookie = cookieHeader(page);
  let res = await t.app.inject({
    method: 'POST',
    url: '/konto/logowanie',
    remoteAddress,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), email, password, next: '/' }),
  });
  cookie = cookieHeader(res, cookie);
  if (secret && res.headers.location === '/konto/logowanie/kod') {
    const codePage = await t.app.inject({ url: '/konto/logowanie/kod', remoteAddress, headers: { cookie } });
    res = await t.app.inject({
      method: 'POST',
      url: '/konto/logowanie/kod',
      remoteAddress,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrfFrom(codePage.body), code: totpCode(secret, clock.now()) }),
    });
    cookie = cookieHeader(res, cookie);
  }
  return { res, cookie };
}

async function outbox() {
  return t.ctx.db.selectFrom('mail_outbox').selectAll().orderBy('created_at').execute();
}

async function auditActions(subjectId: string) {
  return (await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', subjectId).execute()).map((r) => r.action);
}

describe('login', () => {
  test('a citizen-level user logs in, gets a new session id, sees the account page and logs out', async () => {
    const id = await createUser(t.ctx, { email: 'rep@podmiot.example.pl', roles: ['entity_representative'], password: PASSWORD });
    const page = await get('/konto/logowanie');
    const anonymousCookie = cookieHeader(page);
    const { res, cookie } = await login('REP@podmiot.example.pl');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/konto');
    assert.notEqual(cookie, anonymousCookie, 'session id changes at login');
    const account = await get('/konto', cookie);
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Moje konto/);
    assert.match(account.body, /Wyloguj się/);
    assert.deepEqual(
      (await auditActions(id)).filter((a) => a === 'user.login'),
      ['user.login'],
    );

    const out = await post('/konto/wyloguj', cookie, {}, account);
    assert.equal(out.statusCode, 303);
    assert.equal((await get('/konto', cookie)).statusCode, 302, 'the old cookie no longer logs in');
  });

  test('wrong password: the same neutral message, nothing revealed, the failure is audited', async () => {
    const { res } = await login('rep@podmiot.example.pl', 'zupełnie złe hasło');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Nieprawidłowy adres e-mail lub hasło/);
    const unknown = await login('nikt@nigdzie.example.pl', 'zupełnie złe hasło');
    assert.equal(unknown.res.statusCode, 400);
    assert.match(unknown.res.body, /Nieprawidłowy adres e-mail lub hasło/);
    const failures = await t.ctx.db.selectFrom('audit_log').select('meta').where('action', '=', 'user.login_failed').execute();
    assert.ok(failures.length >= 2);
    assert.ok(
      failures.every((f) => !String(f.meta).includes('zupełnie złe hasło')),
      'passwords never reach the log',
    );
  });

  test('failures from one address make that address wait longer and longer at that account, never the owner elsewhere', async () => {
    await createUser(t.ctx, { email: 'lock@example.pl', roles: [], password: PASSWORD });
    const attacker = '198.51.100.10';
    for (let i = 0; i < FREE_FAILURES_PER_PAIR; i++)
      assert.equal((await login('lock@example.pl', `bad password ${i}!!`, undefined, attacker)).res.statusCode, 400);
    const waiting = await login('lock@example.pl', PASSWORD, undefined, attacker);
    assert.equal(waiting.res.statusCode, 429, 'even the right password waits at this address');
    assert.match(waiting.res.body, /Spróbuj ponownie za 1 minutę/);
    // the owner, from their own address, is not affected
    const owner = await login('lock@example.pl', PASSWORD, undefined, '203.0.113.20');
    assert.equal(owner.res.statusCode, 303);
    // the waits grow: 30 s, then 1 minute, then 2 minutes…
    assert.deepEqual([3, 4, 5, 6, 7, 8, 20].map(pairDelayMs), [30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
    clock.advance(31_000);
    assert.equal(
      (await login('lock@example.pl', 'bad password again!!', undefined, attacker)).res.statusCode,
      400,
      'one more try after the wait',
    );
    clock.advance(31_000);
    const longer = await login('lock@example.pl', PASSWORD, undefined, attacker);
    assert.equal(longer.res.statusCode, 429, 'the next wait is longer');
    assert.match(longer.res.body, /Spróbuj ponownie za 1 minutę/);
    clock.advance(30_000);
    assert.equal(
      (await login('lock@example.pl', PASSWORD, undefined, attacker)).res.statusCode,
      303,
      'after the wait the right password works',
    );
    // a success starts the count of the pair again
    assert.equal((await login('lock@example.pl', 'one typo!!', undefined, attacker)).res.statusCode, 400);
    assert.equal((await login('lock@example.pl', PASSWORD, undefined, attacker)).res.statusCode, 303);
  });

  test('guessing from many addresses never refuses the owner with the right password and code; the owner is e-mailed once', async () => {
    const email = 'admin-target@rops.example.pl';
    const id = await createUser(t.ctx, { email, roles: ['administrator'], password: PASSWORD });
    const actor = { actorId: id, ip: null };
    const { secret } = await beginTwoFactor(t.ctx, id);
    await confirmTwoFactor(t.ctx, id, totpCode(secret, clock.now()), actor);
    clock.advance(60_000);
    // 40 wrong passwords from 10 addresses: 4 each, so each address is already made to wait
    for (let a = 0; a < 10; a++) {
      for (let i = 0; i < 4; i++) {
        const { res } = await login(email, `guess ${a}-${i}!!`, undefined, `192.0.2.${a + 1}`);
        assert.equal(res.statusCode, i < FREE_FAILURES_PER_PAIR ? 400 : 429);
      }
    }
    const owner = await login(email, PASSWORD, secret, '203.0.113.50');
    assert.equal(owner.res.statusCode, 303, 'the right password and second factor are accepted');
    assert.equal(owner.res.headers.location, '/konto');
    const notices = (await outbox()).filter((m) => m.template === 'login_failures' && m.to_address === email);
    assert.equal(notices.length, 1, 'one e-mail, not one per failure');
    assert.match(notices[0]!.text_body, /nieudanych prób: 5\)/);
    assert.match(notices[0]!.text_body, /http:\/\/localhost:\d+\/konto\/haslo\/reset/);
    assert.doesNotMatch(notices[0]!.text_body, /192\.0\.2\./, 'no addresses in the e-mail');
  });

  test('one address failing at many accounts is still stopped by the per-address limit', async () => {
    const ip = '198.51.100.77';
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++)
      assert.equal((await login(`nobody${i}@example.pl`, 'wrong password!!', undefined, ip)).res.statusCode, 400);
    await createUser(t.ctx, { email: 'fresh@example.pl', roles: [], password: PASSWORD });
    assert.equal((await login('fresh@example.pl', PASSWORD, undefined, ip)).res.statusCode, 429);
    assert.equal((await login('fresh@example.pl', PASSWORD, undefined, '198.51.100.78')).res.statusCode, 303);
  });

  test('anonymous visitors of a protected page are sent to the login page with the way back', async () => {
    const res = await get('/konto/sesje');
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, '/konto/logowanie?next=%2Fkonto%2Fsesje');
    const en = await get('/en/konto/sesje');
    assert.equal(en.headers.location, '/en/konto/logowanie?next=%2Fkonto%2Fsesje');
  });
});

describe('two-step verification', () => {
  test('staff must enrol; the code from the QR secret turns it on; recovery codes work once; codes are not replayable', async () => {
    const id = await createUser(t.ctx, { email: 'editor@rops.example.pl', roles: ['editor'], password: PASSWORD });
    const { cookie } = await login('editor@rops.example.pl');
    const blocked = await get('/konto/sesje', cookie);
    assert.equal(blocked.statusCode, 303);
    assert.equal(blocked.headers.location, '/konto/2fa');
    const setup = await get('/konto/2fa', cookie);
    assert.equal(setup.statusCode, 200);
    assert.match(setup.body, /src="data:image\/svg\+xml;base64,/);
    const secret = /class="secret">([A-Z2-7 ]+)</.exec(setup.body)![1]!.replaceAll(' ', '');

    const wrong = await post('/konto/2fa', cookie, { code: '000000' }, setup);
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Kod jest nieprawidłowy/);

    const ok = await post('/konto/2fa', cookie, { code: totpCode(secret, clock.now()) }, wrong);
    assert.equal(ok.statusCode, 200);
    const codes = [...ok.body.matchAll(/<li>([a-z0-9]{4}-[a-z0-9]{4})<\/li>/g)].map((m) => m[1]!);
    assert.equal(codes.length, 10);
    const newCookie = cookieHeader(ok, cookie);
    assert.equal((await get('/konto/sesje', newCookie)).statusCode, 200, 'staff pages open once 2FA is on');
    assert.ok((await auditActions(id)).includes('user.2fa_enabled'));

    // the next login asks for a code
    clock.advance(60_000);
    const second = await login('editor@rops.example.pl', PASSWORD, secret);
    assert.equal(second.res.statusCode, 303);
    assert.equal(second.res.headers.location, '/konto');
    // replaying the same code in the same 30 s step is refused
    const replay = await login('editor@rops.example.pl');
    assert.equal(replay.res.headers.location, '/konto/logowanie/kod');
    const codePage = await get('/konto/logowanie/kod', replay.cookie);
    const replayed = await post('/konto/logowanie/kod', replay.cookie, { code: totpCode(secret, clock.now()) }, codePage);
    assert.equal(replayed.statusCode, 400);
    // a recovery code works once
    const rec = await post('/konto/logowanie/kod', replay.cookie, { code: codes[0]! }, replayed);
    assert.equal(rec.statusCode, 303);
    const again = await login('editor@rops.example.pl');
    const page2 = await get('/konto/logowanie/kod', again.cookie);
    assert.equal((await post('/konto/logowanie/kod', again.cookie, { code: codes[0]! }, page2)).statusCode, 400);
  });
});

describe('staff session timeouts', () => {
  test('a staff session ends after 30 minutes idle; a non-staff one does not', async () => {
    const id = await createUser(t.ctx, { email: 'idle@rops.example.pl', roles: ['moderator'], password: PASSWORD });
    await t.ctx.db.updateTable('users').set({ is_totp_enabled: true, totp_secret: 'JBSWY3DPEHPK3PXP' }).where('id', '=', id).execute();
    const { cookie } = await login('idle@rops.example.pl', PASSWORD, 'JBSWY3DPEHPK3PXP');
    assert.equal((await get('/konto', cookie)).statusCode, 200);
    clock.advance(29 * 60 * 1000);
    assert.equal((await get('/konto', cookie)).statusCode, 200, 'activity within 30 minutes keeps it');
    clock.advance(31 * 60 * 1000);
    assert.equal((await get('/konto', cookie)).statusCode, 302, 'idle for 31 minutes: logged out');

    await createUser(t.ctx, { email: 'citizen@example.pl', roles: [], password: PASSWORD });
    const c = await login('citizen@example.pl');
    clock.advance(2 * 60 * 60 * 1000);
    assert.equal((await get('/konto', c.cookie)).statusCode, 200);
  });
});

describe('sessions page', () => {
  test('lists own sessions without exposing ids and ends another one', async () => {
    await createUser(t.ctx, { email: 'two@example.pl', roles: [], password: PASSWORD });
    const a = await login('two@example.pl');
    const b = await login('two@example.pl');
    const page = await get('/konto/sesje', a.cookie);
    assert.equal(page.statusCode, 200);
    const handles = [...page.body.matchAll(/name="session" value="([0-9a-f]{20})"/g)].map((m) => m[1]!);
    assert.equal(handles.length, 1, 'one other session can be ended');
    const sid = decodeURIComponent(a.cookie.split('=')[1]!).split('.')[0]!;
    assert.ok(!page.body.includes(sid), 'the session id itself never appears');
    const ended = await post('/konto/sesje/zakoncz', a.cookie, { session: handles[0]! }, page);
    assert.equal(ended.statusCode, 303);
    assert.equal((await get('/konto', b.cookie)).statusCode, 302, 'the other browser is logged out');
    assert.equal((await get('/konto', a.cookie)).statusCode, 200);
    const bad = await post('/konto/sesje/zakoncz', a.cookie, { session: 'f'.repeat(20) }, page);
    assert.equal(bad.statusCode, 404);
  });
});

describe('passwords', () => {
  test('change password: wrong current one refused, then changed and other sessions ended', async () => {
    await createUser(t.ctx, { email: 'change@example.pl', roles: [], password: PASSWORD });
    const a = await login('change@example.pl');
    const b = await login('change@example.pl');
    const page = await get('/konto/haslo', a.cookie);
    const wrong = await post(
      '/konto/haslo',
      a.cookie,
      { current_password: 'nie to hasło wcale', password: 'Nowe długie hasło 123', password_repeat: 'Nowe długie hasło 123' },
      page,
    );
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /jest nieprawidłowe/);
    const ok = await post(
      '/konto/haslo',
      a.cookie,
      { current_password: PASSWORD, password: 'Nowe długie hasło 123', password_repeat: 'Nowe długie hasło 123' },
      wrong,
    );
    assert.equal(ok.statusCode, 303);
    assert.equal((await get('/konto', b.cookie)).statusCode, 302);
    assert.equal((await login('change@example.pl', 'Nowe długie hasło 123')).res.statusCode, 303);
  });

  test('reset: neutral answer for any address, e-mail with a single-use link valid for one hour', async () => {
    await createUser(t.ctx, { email: 'forgot@example.pl', roles: [], password: PASSWORD });
    const before = (await outbox()).length;
    const page = await get('/konto/haslo/reset');
    const cookie = cookieHeader(page);
    const unknown = await post('/konto/haslo/reset', cookie, { email: 'nobody@example.pl' }, page);
    const known = await post('/konto/haslo/reset', cookie, { email: 'forgot@example.pl' }, page);
    assert.equal(unknown.statusCode, 303);
    assert.equal(known.statusCode, 303);
    assert.equal(unknown.headers.location, known.headers.location, 'same answer whether or not the account exists');
    const mails = await outbox();
    assert.equal(mails.length, before + 1);
    const mail = mails.at(-1)!;
    assert.equal(mail.to_address, 'forgot@example.pl');
    const link = /\/konto\/haslo\/nowe\/[A-Za-z0-9_-]+/.exec(mail.text_body)![0];

    const form1 = await get(link);
    assert.equal(form1.statusCode, 200);
    const c = cookieHeader(form1);
    const short = await post(link, c, { password: 'krótkie', password_repeat: 'krótkie' }, form1);
    assert.equal(short.statusCode, 400);
    const done = await post(link, c, { password: 'Zupełnie nowe hasło 77', password_repeat: 'Zupełnie nowe hasło 77' }, short);
    assert.equal(done.statusCode, 200);
    for (const res of [form1, short, done]) {
      // the address holds the secret: it must not reach another site or stay in a cache
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.equal(res.headers['cache-control'], 'no-store');
    }
    assert.equal((await get(link)).statusCode, 400, 'the link works once');
    assert.equal((await login('forgot@example.pl', 'Zupełnie nowe hasło 77')).res.statusCode, 303);

    await post('/konto/haslo/reset', cookie, { email: 'forgot@example.pl' }, page);
    const link2 = /\/konto\/haslo\/nowe\/[A-Za-z0-9_-]+/.exec((await outbox()).at(-1)!.text_body)![0];
    clock.advance(61 * 60 * 1000);
    assert.equal((await get(link2)).statusCode, 400, 'expired after one hour');
  });
});

describe('administration', () => {
  test('administrator invites a user with scoped roles; the invitee sets a password and logs in', async () => {
    const admin = await loginAs(t, [{ role: 'administrator' }]);
    const entityId = newId();
    await t.ctx.db
      .insertInto('entities')
      .values({
        id: entityId,
        name: 'Fundacja Nowa Droga',
        name_sort: 'fundacja nowa droga',
        // the registry's folded name (registry/entity/name-key.ts), by which a typed name finds it
        name_key: 'fundacja nowa droga',
        legal_form: 'fundacja',
        sectors: '[]',
        lifecycle: 'active',
        search_doc: '',
        is_synthetic: false,
        created_at: '2026-01-10T00:00:00.000Z',
        updated_at: '2026-01-10T00:00:00.000Z',
      })
      .execute();
    const page = await get('/admin/uzytkownicy/zapros', admin.cookie);
    assert.equal(page.statusCode, 200);
    const missingScope = await post(
      '/admin/uzytkownicy/zapros',
      admin.cookie,
      { email: 'nowa@owes.example.pl', display_name: 'Ewa Nowa', lang: 'pl', role_entity_representative: '1' },
      page,
    );
    assert.equal(missingScope.statusCode, 400);
    assert.match(missingScope.body, /wymaga podania zakresu/);
    const ok = await post(
      '/admin/uzytkownicy/zapros',
      admin.cookie,
      {
        email: 'nowa@owes.example.pl',
        display_name: 'Ewa Nowa',
        lang: 'en',
        role_entity_representative: '1',
        scope_entity_representative: 'Fundacja Nowa Droga',
      },
      missingScope,
    );
    assert.equal(ok.statusCode, 303);
    const user = await t.ctx.db.selectFrom('users').selectAll().where('email_norm', '=', 'nowa@owes.example.pl').executeTakeFirstOrThrow();
    assert.equal(user.is_active, false);
    const roles = await t.ctx.db
      .selectFrom('user_roles')
      .select(['role', 'scope_id'])
      .where('user_id', '=', user.id)
      .orderBy('scope_id')
      .execute();
    assert.deepEqual(
      roles.map((r) => r.scope_id),
      [entityId],
    );
    const mail = (await outbox()).at(-1)!;
    assert.match(mail.text_body, /Entity representative: Fundacja Nowa Droga/);
    assert.equal(mail.to_address, 'nowa@owes.example.pl');
    assert.equal(mail.lang, 'en');
    const link = /\/en\/konto\/zaproszenie\/[A-Za-z0-9_-]+/.exec(mail.text_body)![0];
    const accept = await get(link);
    assert.equal(accept.statusCode, 200);
    assert.match(accept.body, /lang="en"/);
    const done = await post(
      link,
      cookieHeader(accept),
      { password: 'Hasło partnera OWES 2026', password_repeat: 'Hasło partnera OWES 2026' },
      accept,
    );
    assert.equal(done.statusCode, 200);
    assert.equal((await login('nowa@owes.example.pl', 'Hasło partnera OWES 2026')).res.statusCode, 303);
    assert.deepEqual((await auditActions(user.id)).sort(), ['user.invitation_accepted', 'user.invite', 'user.login'].sort());
  });

  test('role change and deactivation end the user’s sessions and are audited; history is shown', async () => {
    const admin = await loginAs(t, [{ role: 'administrator' }]);
    const id = await createUser(t.ctx, { email: 'target@example.pl', roles: ['entity_representative'], password: PASSWORD });
    await t.ctx.db.updateTable('user_roles').set({ scope_type: 'entity', scope_id: 'E1' }).where('user_id', '=', id).execute();
    const victim = await login('target@example.pl');
    const page = await get(`/admin/uzytkownicy/${id}`, admin.cookie);
    assert.equal(page.statusCode, 200);
    const changed = await post(`/admin/uzytkownicy/${id}/role`, admin.cookie, { role_moderator: '1' }, page);
    assert.equal(changed.statusCode, 303);
    assert.equal((await get('/konto', victim.cookie)).statusCode, 302, 'sessions end at privilege change');
    const log = await t.ctx.db
      .selectFrom('audit_log')
      .select(['changes', 'actor_id'])
      .where('subject_id', '=', id)
      .where('action', '=', 'user.role_change')
      .executeTakeFirstOrThrow();
    assert.equal(log.actor_id, admin.userId);
    assert.match(String(log.changes), /entity_representative:entity:E1/);
    assert.match(String(log.changes), /moderator::/);

    const again = await login('target@example.pl');
    const detail = await get(`/admin/uzytkownicy/${id}`, admin.cookie);
    assert.match(detail.body, /user.role_change/);
    const off = await post(`/admin/uzytkownicy/${id}/aktywnosc`, admin.cookie, { active: '0' }, detail);
    assert.equal(off.statusCode, 303);
    assert.equal((await get('/konto', again.cookie)).statusCode, 302);
    assert.equal((await login('target@example.pl')).res.statusCode, 400, 'deactivated users cannot log in');
  });

  test('anonymisation replaces name and e-mail and keeps audit rows by id only', async () => {
    const admin = await loginAs(t, [{ role: 'administrator' }]);
    const id = await createUser(t.ctx, { email: 'forget.me@example.pl', displayName: 'Jan Zapomniany', roles: [], password: PASSWORD });
    await login('forget.me@example.pl', 'wrong password here');
    const page = await get(`/admin/uzytkownicy/${id}`, admin.cookie);
    const res = await post(`/admin/uzytkownicy/${id}/anonimizuj`, admin.cookie, {}, page);
    assert.equal(res.statusCode, 303);
    const user = await t.ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(!user.email.includes('forget.me'));
    assert.ok(!user.display_name.includes('Zapomniany'));
    assert.equal(user.password_hash, null);
    const rows = await t.ctx.db.selectFrom('audit_log').select(['meta']).where('subject_id', '=', id).execute();
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => !String(r.meta).includes('forget.me')));
  });

  test('administrators cannot remove their own administrator role or deactivate themselves', async () => {
    const admin = await loginAs(t, [{ role: 'administrator' }]);
    const page = await get(`/admin/uzytkownicy/${admin.userId}`, admin.cookie);
    const res = await post(`/admin/uzytkownicy/${admin.userId}/role`, admin.cookie, { role_editor: '1' }, page);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Nie możesz odebrać sobie roli administratora/);
    const off = await post(`/admin/uzytkownicy/${admin.userId}/aktywnosc`, admin.cookie, { active: '0' }, page);
    assert.equal(off.statusCode, 400);
  });
});

describe('own data', () => {
  test('export contains the user, roles, sessions and audit, without secrets, and is audited', async () => {
    const id = await createUser(t.ctx, { email: 'data@example.pl', roles: ['team_member'], password: PASSWORD });
    const { cookie } = await login('data@example.pl');
    const res = await get('/konto/dane.json', cookie);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /attachment/);
    const data = JSON.parse(res.body) as { user: { email: string }; roles: unknown[]; sessions: unknown[]; audit_log: unknown[] };
    assert.equal(data.user.email, 'data@example.pl');
    assert.equal(data.roles.length, 1);
    assert.ok(data.sessions.length >= 1);
    assert.ok(data.audit_log.length >= 1);
    assert.ok(!res.body.includes('argon2'), 'no password hash');
    assert.ok((await auditActions(id)).includes('user.export'));
    const page = await get('/konto/dane', cookie);
    const del = await post('/konto/dane/usun', cookie, {}, page);
    assert.equal(del.statusCode, 303);
    assert.match((await get('/konto/dane', cookie)).body, /Prośba o usunięcie konta została złożona/);
  });
});
