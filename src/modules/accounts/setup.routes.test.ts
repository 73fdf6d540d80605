// The first-administrator set-up: 403 without the one-time token, one link for instances that
// start together (a later start issues a new one), validation that changes nothing, CSRF refusal,
// success, and the link dying after use.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cookieHeader, createTestApp, csrfFrom, form, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { issueSetupToken, isSetupNeeded } from './index.js';
import { SETUP_LINK_SHARED_MS } from './users.service.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test('setup without a token answers 403 with an explanation in both languages', async () => {
  const pl = await t.app.inject({ url: '/setup' });
  assert.equal(pl.statusCode, 403);
  assert.match(pl.body, /jednorazowy link/);
  const en = await t.app.inject({ url: '/en/setup?token=wrong' });
  assert.equal(en.statusCode, 403);
  assert.match(en.body, /one-time link/);
  assert.match(en.body, /<html lang="en"/);
});

test('instances starting together print the same link; a start after SETUP_LINK_SHARED_MS issues a new one and the old one stops working', async () => {
  const clock = new ManualClock();
  const u = await createTestApp({ clock });
  try {
    const first = (await issueSetupToken(u.ctx))!;
    // another instance on the same database (same SESSION_SECRET) starting a moment later
    clock.advance(2000);
    assert.equal(await issueSetupToken(u.ctx), first);
    assert.equal((await u.app.inject({ url: `/setup?token=${first}` })).statusCode, 200);
    const stored = await u.ctx.db.selectFrom('settings').select('value').where('key', 'like', 'accounts.setup_token%').execute();
    assert.ok(
      stored.every((r) => !r.value.includes(first)),
      'the database holds the token sealed, not readable',
    );

    clock.advance(SETUP_LINK_SHARED_MS);
    const later = (await issueSetupToken(u.ctx))!;
    assert.notEqual(later, first);
    assert.equal((await u.app.inject({ url: `/setup?token=${first}` })).statusCode, 403);
    assert.equal((await u.app.inject({ url: `/setup?token=${later}` })).statusCode, 200);
  } finally {
    await u.close();
  }
});

test('the first administrator is created through the one-time link, which then stops working', async () => {
  const token = (await issueSetupToken(t.ctx))!;
  assert.ok(token);
  const page = await t.app.inject({ url: `/setup?token=${token}` });
  assert.equal(page.statusCode, 200);
  const cookie = cookieHeader(page);
  const csrf = csrfFrom(page.body);

  const noCsrf = await t.app.inject({
    method: 'POST',
    url: '/setup',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({
      token,
      email: 'admin@rops.example.pl',
      display_name: 'Anna Nowak',
      password: 'długie hasło do testu',
      password_repeat: 'długie hasło do testu',
    }),
  });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal(await isSetupNeeded(t.ctx), true, 'nothing changed after a CSRF refusal');

  const bad = await t.app.inject({
    method: 'POST',
    url: '/setup',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrf, token, email: 'not-an-email', display_name: '', password: 'short', password_repeat: 'x' }),
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /data-error-summary/);
  assert.match(bad.body, /Adres e-mail/);
  assert.match(bad.body, /co najmniej 12 znaków/);
  assert.equal(await isSetupNeeded(t.ctx), true, 'nothing changed after invalid input');

  const common = await t.app.inject({
    method: 'POST',
    url: '/setup',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({
      _csrf: csrfFrom(bad.body),
      token,
      email: 'admin@rops.example.pl',
      display_name: 'Anna',
      password: 'password1234',
      password_repeat: 'password1234',
    }),
  });
  assert.equal(common.statusCode, 400);
  assert.match(common.body, /zbyt popularne/);

  const ok = await t.app.inject({
    method: 'POST',
    url: '/setup',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({
      _csrf: csrfFrom(common.body),
      token,
      email: 'Admin@Rops.example.pl',
      display_name: 'Anna Nowak',
      password: 'długie hasło do testu',
      password_repeat: 'długie hasło do testu',
    }),
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(await isSetupNeeded(t.ctx), false);

  const user = await t.ctx.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
  assert.equal(user.email_norm, 'admin@rops.example.pl');
  assert.equal(user.is_active, true);
  assert.match(user.password_hash ?? '', /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  const roles = await t.ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
  assert.deepEqual(
    roles.map((r) => r.role),
    ['administrator'],
  );

  const again = await t.app.inject({ url: `/setup?token=${token}` });
  assert.equal(again.statusCode, 403);
  assert.match(again.body, /Konto administratora już istnieje/);
  assert.equal(await issueSetupToken(t.ctx), null);
});
