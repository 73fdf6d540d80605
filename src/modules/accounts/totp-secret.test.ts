// TOTP secrets at rest: what enrolment stores is sealed (`v1:`), never the secret; codes from the
// authenticator still verify; an altered or foreign value is refused as a wrong code (no 500) and
// logged without the value; clear-text secrets from before encryption still work and get sealed,
// on use and by the daily job; after a key change a recovery code lets the user enrol again.
// Runs on both databases.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../config.js';
import { runDueJobs } from '../../core/jobs.js';
import { cookieHeader, createTestApp, csrfFrom, form, TEST_SECRET, type TestApp } from '../../testing/app.js';
import { accountsModule, createUser } from './index.js';
import { openTotpSecret, sealTotpSecret } from './totp-secret.js';
import { newTotpSecret, totpCode } from './totp.js';
import { ManualClock } from '../../testing/clock.js';

const PASSWORD = 'Zielona łąka nad Wisłą 2026';

const clock = new ManualClock();
const logLines: string[] = [];
let t: TestApp;

before(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  t = await createTestApp({ clock, reference: false, logger: { level: 'info', stream } });
});
after(async () => t.close());

async function get(url: string, cookie = '') {
  return t.app.inject({ url, headers: cookie ? { cookie } : {} });
}

async function post(url: string, cookie: string, fields: Record<string, string>, csrfPage: LightMyRequestResponse) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(csrfPage.body), ...fields }),
  });
}

/** Password step of the login; returns the cookie of the pending login. */
async function passwordStep(email: string): Promise<{ res: LightMyRequestResponse; cookie: string }> {
  const page = await get('/konto/logowanie');
  const cookie = cookieHeader(page);
  const res = await post('/konto/logowanie', cookie, { email, password: PASSWORD, next: '/konto' }, page);
  return { res, cookie: cookieHeader(res, cookie) };
}

/** Full login; `code` is what the user types on the second-factor page. */
async function loginWithCode(email: string, code: string): Promise<{ res: LightMyRequestResponse; cookie: string }> {
  const first = await passwordStep(email);
  assert.equal(first.res.headers.location, '/konto/logowanie/kod');
  const codePage = await get('/konto/logowanie/kod', first.cookie);
  const res = await post('/konto/logowanie/kod', first.cookie, { code }, codePage);
  return { res, cookie: cookieHeader(res, first.cookie) };
}

async function storedSecret(userId: string): Promise<string | null> {
  return (await t.ctx.db.selectFrom('users').select('totp_secret').where('id', '=', userId).executeTakeFirstOrThrow()).totp_secret;
}

async function auditRows(userId: string) {
  return t.ctx.db.selectFrom('audit_log').select(['action', 'meta']).where('subject_id', '=', userId).orderBy('at').orderBy('id').execute();
}

/** A staff user enrolled through the real pages; returns the secret from the page and the recovery codes. */
async function enrolledStaff(email: string): Promise<{ id: string; secret: string; codes: string[] }> {
  const id = await createUser(t.ctx, { email, roles: ['editor'], password: PASSWORD });
  const { cookie } = await passwordStep(email);
  const setup = await get('/konto/2fa', cookie);
  const secret = /class="secret">([A-Z2-7 ]+)</.exec(setup.body)![1]!.replaceAll(' ', '');
  const ok = await post('/konto/2fa', cookie, { code: totpCode(secret, clock.now()) }, setup);
  assert.equal(ok.statusCode, 200);
  const codes = [...ok.body.matchAll(/<li>([a-z0-9]{4}-[a-z0-9]{4})<\/li>/g)].map((m) => m[1]!);
  assert.equal(codes.length, 10);
  clock.advance(60_000);
  return { id, secret, codes };
}

describe('enrolment stores the secret sealed', () => {
  test('the stored value starts with v1: and is not the secret; the QR secret is shown again on reload; its codes verify', async () => {
    await createUser(t.ctx, { email: 'sealed@rops.example.pl', roles: ['editor'], password: PASSWORD });
    const { cookie } = await passwordStep('sealed@rops.example.pl');
    const setup = await get('/konto/2fa', cookie);
    const secret = /class="secret">([A-Z2-7 ]+)</.exec(setup.body)![1]!.replaceAll(' ', '');
    const id = (
      await t.ctx.db.selectFrom('users').select('id').where('email_norm', '=', 'sealed@rops.example.pl').executeTakeFirstOrThrow()
    ).id;
    const pending = (await storedSecret(id))!;
    assert.match(pending, /^v1:/);
    assert.ok(!pending.includes(secret), 'the secret is not in the stored value');
    assert.equal(openTotpSecret(t.config, id, pending).kind, 'sealed');

    const again = await get('/konto/2fa', cookie);
    assert.match(again.body, new RegExp(`class="secret">${secret.match(/.{1,4}/g)!.join(' ')}<`), 'a reload shows the same secret');
    assert.equal(await storedSecret(id), pending, 'a reload does not rewrite the sealed pending secret');

    const ok = await post('/konto/2fa', cookie, { code: totpCode(secret, clock.now()) }, again);
    assert.equal(ok.statusCode, 200);
    assert.match((await storedSecret(id))!, /^v1:/);

    clock.advance(60_000);
    const login = await loginWithCode('sealed@rops.example.pl', totpCode(secret, clock.now()));
    assert.equal(login.res.statusCode, 303);
    assert.equal(login.res.headers.location, '/konto');
    // replay protection is unchanged
    const replay = await loginWithCode('sealed@rops.example.pl', totpCode(secret, clock.now()));
    assert.equal(replay.res.statusCode, 400);
  });
});

describe('an unreadable stored secret', () => {
  test('an altered value fails like a wrong code (400, not 500), is audited and logged without the value', async () => {
    const { id, secret } = await enrolledStaff('tampered@rops.example.pl');
    const sealed = (await storedSecret(id))!;
    const parts = sealed.split(':');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    const tampered = [parts[0], parts[1], parts[2], ct.toString('base64url')].join(':');
    await t.ctx.db.updateTable('users').set({ totp_secret: tampered }).where('id', '=', id).execute();
    logLines.length = 0;

    const { res } = await loginWithCode('tampered@rops.example.pl', totpCode(secret, clock.now()));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Kod jest nieprawidłowy/);
    const failed = (await auditRows(id)).filter((r) => r.action === 'user.login_failed').at(-1)!;
    assert.match(String(failed.meta), /second_factor_unreadable/);
    const logged = logLines.filter((l) => l.includes('cannot be decrypted'));
    assert.equal(logged.length, 1, 'the event is logged once');
    assert.ok(logged[0]!.includes(id));
    for (const line of logLines) {
      assert.ok(!line.includes(secret), `secret in log: ${line}`);
      assert.ok(!line.includes(tampered) && !line.includes(sealed), `stored value in log: ${line}`);
    }
    assert.equal(await storedSecret(id), tampered, 'a failed code changes nothing');
  });

  test('a value sealed for another user does not open for this one', async () => {
    const a = await enrolledStaff('owner@rops.example.pl');
    const b = await enrolledStaff('thief@rops.example.pl');
    await t.ctx.db
      .updateTable('users')
      .set({ totp_secret: await storedSecret(a.id) })
      .where('id', '=', b.id)
      .execute();
    const { res } = await loginWithCode('thief@rops.example.pl', totpCode(a.secret, clock.now()));
    assert.equal(res.statusCode, 400);
  });

  test('after a SESSION_SECRET change codes are refused; a recovery code signs in and sends staff to enrol again', async () => {
    const { id, secret, codes } = await enrolledStaff('rotated@rops.example.pl');
    // what the installation would hold had the secret been sealed under the previous SESSION_SECRET
    const previous = loadConfig({ DATABASE_URL: t.config.databaseUrl, SESSION_SECRET: `${TEST_SECRET}-previous`, LOG_LEVEL: 'silent' });
    const old = sealTotpSecret(previous, id, secret);
    await t.ctx.db.updateTable('users').set({ totp_secret: old }).where('id', '=', id).execute();
    assert.equal(openTotpSecret(t.config, id, old).kind, 'unreadable');

    const refused = await loginWithCode('rotated@rops.example.pl', totpCode(secret, clock.now()));
    assert.equal(refused.res.statusCode, 400);

    const rescued = await loginWithCode('rotated@rops.example.pl', codes[0]!);
    assert.equal(rescued.res.statusCode, 303);
    const blocked = await get('/konto/sesje', rescued.cookie);
    assert.equal(blocked.headers.location, '/konto/2fa', 'staff must enrol again before anything else');
    const row = await t.ctx.db
      .selectFrom('users')
      .select(['totp_secret', 'is_totp_enabled'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.totp_secret, null);
    assert.equal(row.is_totp_enabled, false);
    const reset = (await auditRows(id)).find((r) => r.action === 'user.2fa_reset');
    assert.ok(reset, 'the reset is audited');
    assert.match(String(reset.meta), /unreadable_secret/);

    const setup = await get('/konto/2fa', rescued.cookie);
    const fresh = /class="secret">([A-Z2-7 ]+)</.exec(setup.body)![1]!.replaceAll(' ', '');
    assert.notEqual(fresh, secret);
    const ok = await post('/konto/2fa', rescued.cookie, { code: totpCode(fresh, clock.now()) }, setup);
    assert.equal(ok.statusCode, 200);
    assert.equal((await get('/konto/sesje', cookieHeader(ok, rescued.cookie))).statusCode, 200);
    // the old recovery codes went with the old enrolment
    clock.advance(60_000);
    assert.equal((await loginWithCode('rotated@rops.example.pl', codes[1]!)).res.statusCode, 400);
  });
});

describe('clear-text secrets from before encryption', () => {
  test('a clear-text secret still verifies and is re-stored sealed on that login', async () => {
    const id = await createUser(t.ctx, { email: 'legacy@rops.example.pl', roles: ['moderator'], password: PASSWORD });
    const secret = newTotpSecret();
    await t.ctx.db.updateTable('users').set({ is_totp_enabled: true, totp_secret: secret }).where('id', '=', id).execute();

    const first = await loginWithCode('legacy@rops.example.pl', totpCode(secret, clock.now()));
    assert.equal(first.res.statusCode, 303);
    const stored = (await storedSecret(id))!;
    assert.match(stored, /^v1:/);
    assert.ok(!stored.includes(secret));

    clock.advance(60_000);
    const second = await loginWithCode('legacy@rops.example.pl', totpCode(secret, clock.now()));
    assert.equal(second.res.statusCode, 303, 'the same authenticator keeps working');
    assert.equal(await storedSecret(id), stored, 'a sealed value is not rewritten');
  });

  test('the daily job seals every clear-text secret once, leaves sealed and unreadable ones alone, and codes still verify', async () => {
    const enrolled = await createUser(t.ctx, { email: 'dormant@rops.example.pl', roles: ['moderator'], password: PASSWORD });
    const pending = await createUser(t.ctx, { email: 'pending@rops.example.pl', roles: ['editor'], password: PASSWORD });
    const garbled = await createUser(t.ctx, { email: 'garbled@rops.example.pl', roles: ['moderator'], password: PASSWORD });
    const enrolledSecret = newTotpSecret();
    const pendingSecret = newTotpSecret();
    await t.ctx.db.updateTable('users').set({ is_totp_enabled: true, totp_secret: enrolledSecret }).where('id', '=', enrolled).execute();
    await t.ctx.db.updateTable('users').set({ totp_secret: pendingSecret }).where('id', '=', pending).execute();
    await t.ctx.db.updateTable('users').set({ is_totp_enabled: true, totp_secret: 'not base32!' }).where('id', '=', garbled).execute();
    const alreadySealed = await t.ctx.db.selectFrom('users').select(['id', 'totp_secret']).where('totp_secret', 'like', 'v1:%').execute();
    assert.ok(alreadySealed.length > 0);

    const job = accountsModule.jobs!.find((j) => j.name === 'accounts.totp-secret-encryption')!;
    const [outcome] = await runDueJobs(t.ctx, [job], { force: true });
    assert.equal(outcome!.error, undefined);
    assert.match(outcome!.result!, /^2 TOTP secrets encrypted$/);

    for (const [id, secret] of [
      [enrolled, enrolledSecret],
      [pending, pendingSecret],
    ] as const) {
      const stored = (await storedSecret(id))!;
      assert.match(stored, /^v1:/);
      assert.ok(!stored.includes(secret));
      assert.deepEqual(openTotpSecret(t.config, id, stored), { kind: 'sealed', secret });
    }
    assert.equal(await storedSecret(garbled), 'not base32!', 'an unreadable value is left for the operator');
    for (const row of alreadySealed) assert.equal(await storedSecret(row.id), row.totp_secret, 'sealed values are not re-sealed');

    const [again] = await runDueJobs(t.ctx, [job], { force: true });
    assert.equal(again!.result, '0 TOTP secrets encrypted', 'idempotent');

    const login = await loginWithCode('dormant@rops.example.pl', totpCode(enrolledSecret, clock.now()));
    assert.equal(login.res.statusCode, 303);
    // the pending enrolment shows the same secret and confirms with its code
    const { cookie } = await passwordStep('pending@rops.example.pl');
    const setup = await get('/konto/2fa', cookie);
    assert.equal(/class="secret">([A-Z2-7 ]+)</.exec(setup.body)![1]!.replaceAll(' ', ''), pendingSecret);
    assert.equal((await post('/konto/2fa', cookie, { code: totpCode(pendingSecret, clock.now()) }, setup)).statusCode, 200);

    const bad = await loginWithCode('garbled@rops.example.pl', '123456');
    assert.equal(bad.res.statusCode, 400, 'garbage fails like a wrong code');
  });
});
