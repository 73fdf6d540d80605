// The audit log's rules: secrets never reach the database, differences are computed field by
// field, Warsaw calendar days become the right UTC bounds (DST included), anonymisation erases the
// e-mail and nothing else, and no code anywhere updates or deletes audit rows except that one
// documented helper.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.js';
import {
  changeLines,
  checkAuditFilter,
  diffFields,
  listAuditEntries,
  maskSecrets,
  recordAudit,
  scrubAuditPersonalData,
  setSettingAudited,
} from './audit.service.js';
import { ManualClock } from '../../testing/clock.js';

let t: TestApp;
before(async () => {
  t = await createTestApp({ reference: false });
});
after(async () => t.close());

const fixed = (iso: string) => new ManualClock(iso);

test('secret-named keys are masked at any depth, other values kept', () => {
  const masked = maskSecrets({
    email: 'a@example.pl',
    password: 'hunter2',
    nested: { apiToken: 'tok', list: [{ client_secret: 's', keep: 1 }], TOTP_code: '123456' },
    Cookie: 'sid=1',
    _csrf: 'c',
    recoveryCodes: ['a', 'b'],
    passwordHash: '$argon2id$',
  });
  assert.deepEqual(masked, {
    email: 'a@example.pl',
    password: '***',
    nested: { apiToken: '***', list: [{ client_secret: '***', keep: 1 }], TOTP_code: '***' },
    Cookie: '***',
    _csrf: '***',
    recoveryCodes: '***',
    passwordHash: '***',
  });
});

test('recordAudit stores masked changes and meta; a secret field keeps its before/after shape', async () => {
  await recordAudit(
    t.ctx.db,
    {
      actorId: 'actor-1',
      ip: '203.0.113.5',
      requestId: 'req-1',
      action: 'test.masking',
      subjectType: 'user',
      subjectId: 'subject-1',
      changes: {
        password_hash: { before: 'old-hash-value', after: 'new-hash-value' },
        display_name: { before: 'Anna', after: 'Anna Nowak' },
      },
      meta: { email: 'anna@example.pl', deep: { resetToken: 'tok-abc', n: [{ secret: 'zzz' }] } },
    },
    fixed('2026-05-01T10:00:00.000Z'),
  );
  const row = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'test.masking').executeTakeFirstOrThrow();
  assert.equal(row.at, '2026-05-01T10:00:00.000Z');
  assert.equal(row.ip, '203.0.113.5');
  assert.equal(row.request_id, 'req-1');
  for (const secret of ['old-hash-value', 'new-hash-value', 'tok-abc', 'zzz']) {
    assert.ok(!`${row.changes}${row.meta}`.includes(secret), `${secret} must not be stored`);
  }
  assert.deepEqual(JSON.parse(row.changes!), {
    password_hash: { before: '***', after: '***' },
    display_name: { before: 'Anna', after: 'Anna Nowak' },
  });
  assert.deepEqual(JSON.parse(row.meta!), { email: 'anna@example.pl', deep: { resetToken: '***', n: [{ secret: '***' }] } });
  assert.deepEqual(changeLines(row.changes), ['password_hash: *** → ***', 'display_name: Anna → Anna Nowak']);
});

test('setSettingAudited stores the setting and logs its change from before to after', async () => {
  const actor = { actorId: null, ip: '192.0.2.7', requestId: 'req-setting' };
  await setSettingAudited(t.ctx, { key: 'test.audited_months', value: 9, before: 6, action: 'test.setting', field: 'months' }, actor);
  assert.equal(await t.ctx.settings.get('test.audited_months', 0), 9);
  const row = await t.ctx.db.selectFrom('audit_log').selectAll().where('request_id', '=', 'req-setting').executeTakeFirstOrThrow();
  assert.deepEqual(
    { action: row.action, subject_type: row.subject_type, subject_id: row.subject_id, ip: row.ip, changes: JSON.parse(row.changes!) },
    {
      action: 'test.setting',
      subject_type: 'setting',
      subject_id: 'test.audited_months',
      ip: '192.0.2.7',
      changes: { months: { before: 6, after: 9 } },
    },
  );
});

test('diffFields lists only the changed fields, comparing arrays and objects by value', () => {
  const before = { name: 'A', roles: ['editor'], active: true, note: null as string | null };
  const after = { name: 'A', roles: ['editor', 'administrator'], active: false, note: null as string | null };
  assert.deepEqual(diffFields(before, after, ['name', 'roles', 'active', 'note']), {
    roles: { before: ['editor'], after: ['editor', 'administrator'] },
    active: { before: true, after: false },
  });
  assert.deepEqual(diffFields(before, { ...before, roles: ['editor'] }, ['roles']), {});
});

test('the filter checks dates and their order and makes "to" inclusive of the whole day', () => {
  const ok = checkAuditFilter({ actor: ' A@Example.pl ', from: '2026-03-01', to: '2026-03-01', action: 'user.login' });
  assert.deepEqual(ok.problems, []);
  assert.deepEqual(ok.query, {
    actor: 'A@Example.pl',
    action: 'user.login',
    fromIso: '2026-02-28T23:00:00.000Z',
    toIso: '2026-03-01T23:00:00.000Z',
  });
  const bad = checkAuditFilter({ from: '2026-02-30', to: 'yesterday' });
  assert.deepEqual(
    bad.problems.map((p) => [p.field, p.key]),
    [
      ['from', 'validation.invalid'],
      ['to', 'validation.invalid'],
    ],
  );
  const reversed = checkAuditFilter({ from: '2026-03-02', to: '2026-03-01' });
  assert.deepEqual(
    reversed.problems.map((p) => [p.field, p.key]),
    [['to', 'audit.rangeOrder']],
  );
});

test('anonymisation erases e-mail addresses in meta of rows about the user, and nothing else', async () => {
  const entry = { actorId: null, ip: '198.51.100.1', subjectType: 'user' } as const;
  await recordAudit(t.ctx.db, {
    ...entry,
    action: 'scrub.login_failed',
    subjectId: 'user-x',
    meta: { email: 'x@example.pl', attempts: 3 },
  });
  await recordAudit(t.ctx.db, {
    ...entry,
    action: 'scrub.invite',
    subjectId: 'user-x',
    meta: { invitee: { email: 'x@example.pl', display_name: 'Xena' } },
  });
  await recordAudit(t.ctx.db, { ...entry, action: 'scrub.other', subjectId: 'user-y', meta: { email: 'y@example.pl' } });
  await recordAudit(t.ctx.db, {
    ...entry,
    action: 'scrub.role',
    subjectId: 'user-x',
    actorId: 'admin-1',
    changes: { roles: { before: [], after: ['editor'] } },
  });

  assert.equal(await scrubAuditPersonalData(t.ctx.db, 'user-x'), 2);
  const rows = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', 'like', 'scrub.%').orderBy('action').execute();
  const byAction = Object.fromEntries(rows.map((r) => [r.action, r]));
  assert.deepEqual(JSON.parse(byAction['scrub.login_failed']!.meta!), { email: '***', attempts: 3 });
  assert.deepEqual(JSON.parse(byAction['scrub.invite']!.meta!), { invitee: { email: '***', display_name: '***' } });
  assert.deepEqual(JSON.parse(byAction['scrub.other']!.meta!), { email: 'y@example.pl' }, "another user's rows are untouched");
  assert.equal(byAction['scrub.role']!.actor_id, 'admin-1', 'who did what stays');
  assert.equal(byAction['scrub.role']!.changes, JSON.stringify({ roles: { before: [], after: ['editor'] } }));
  assert.equal(await scrubAuditPersonalData(t.ctx.db, 'user-x'), 0, 'running it again changes nothing');
});

test('listAuditEntries filters by exact actor id (an e-mail never matches an id)', async () => {
  await recordAudit(t.ctx.db, {
    actorId: 'actor-list',
    ip: null,
    action: 'list.one',
    subjectType: 'thing',
    subjectId: '1',
    changes: { a: { before: 1, after: 2 } },
  });
  await recordAudit(t.ctx.db, { actorId: 'someone-else', ip: null, action: 'list.two', subjectType: 'thing', subjectId: '1' });
  const mine = await listAuditEntries(t.ctx.db, { actorId: 'actor-list' });
  assert.deepEqual(
    mine.map((e) => [e.action, e.summary]),
    [['list.one', 'a: 1 → 2']],
  );
  const about = await listAuditEntries(t.ctx.db, { subjectType: 'thing', subjectId: '1' });
  assert.deepEqual(about.map((e) => e.action).sort(), ['list.one', 'list.two']);
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const full = join(dir, e);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx)$/.test(e) ? [full] : [];
  });
}

test('append-only: no code in src/ updates or deletes audit rows except the documented scrub helper', () => {
  const src = join(import.meta.dirname, '..', '..');
  const builder = /\.(updateTable|deleteFrom)\(\s*['"`]audit_log['"`]/g;
  const rawSql = /\b(update|delete\s+from|truncate(\s+table)?)\s+["`]?audit_log\b/gi;
  const hits: string[] = [];
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    for (const m of [...text.matchAll(builder), ...text.matchAll(rawSql)]) hits.push(`${relative(src, file)}: ${m[0]}`);
  }
  // spelled in pieces so this file does not match its own search
  assert.deepEqual(hits, [`${join('modules', 'audit', 'audit.repo.ts')}: ${['.update', "Table('audit_log'"].join('')}`]);
  const repo = readFileSync(join(import.meta.dirname, 'audit.repo.ts'), 'utf8');
  assert.equal([...repo.matchAll(/export async function (\w+)/g)].filter((m) => /update|delete|remove|purge/i.test(m[1]!)).length, 0);
  // the one update sets `meta` only
  assert.match(repo, /updateTable\('audit_log'\)\.set\(\{ meta \}\)/);
});
