// The configuration is the first thing an operator gets wrong, so its promises are pinned here:
// safe defaults, every problem reported at once, Secure cookies behind https and a session secret
// that survives restarts without ever being written with loose permissions.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spojnia-config-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('defaults: port 3000 on localhost with the SQLite file under ./data', () => {
  const dataDir = tempDir();
  const config = loadConfig({ DATA_DIR: dataDir });
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.databaseUrl, 'sqlite:./data/spojnia.db');
  assert.equal(config.publicUrl, 'http://localhost:3000');
  assert.equal(config.secureCookies, false);
  assert.equal(config.logLevel, 'info');
  assert.equal(config.trustProxy, false);
  assert.equal(config.smtpUrl, '');
  assert.equal(config.dataDir, dataDir);
  assert.equal(config.pageCacheMs, 5000);
  assert.equal(config.rateLimitPerMinute, 600);
  assert.equal(loadConfig({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '6000' }).rateLimitPerMinute, 6000);
  assert.equal(config.redisUrl, '', 'rate limits counted in memory unless Redis is configured');
});

test('every invalid value is reported together in one ConfigError', () => {
  let caught: unknown;
  try {
    loadConfig({
      DATA_DIR: tempDir(),
      PORT: '70000',
      DATABASE_URL: 'mysql://root@localhost/spojnia',
      LOG_LEVEL: 'verbose',
      PUBLIC_URL: 'ftp://spojnia.example.pl',
      SESSION_SECRET: 'too-short',
    });
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof ConfigError, 'a ConfigError is thrown');
  const problems = caught.problems.join('\n');
  assert.equal(caught.problems.length, 5, problems);
  assert.match(problems, /PORT/);
  assert.match(problems, /70000/);
  assert.match(problems, /DATABASE_URL/);
  assert.match(problems, /LOG_LEVEL/);
  assert.match(problems, /PUBLIC_URL/);
  assert.match(problems, /SESSION_SECRET/);
  for (const p of caught.problems) assert.ok(caught.message.includes(p), `the message lists "${p}"`);
});

test('malformed values of each kind are refused', () => {
  const cases: Record<string, string>[] = [
    { PORT: 'abc' },
    { PORT: '-1' },
    { PORT: '80.5' },
    { DATABASE_URL: 'sqlite:' },
    { DATABASE_URL: '/var/lib/spojnia.db' },
    { PUBLIC_URL: 'not a url' },
    { LOG_LEVEL: 'INFO' },
    { HOST: ' ' },
    { SMTP_URL: 'mail.example.pl' },
    { PAGE_CACHE_MS: '-1' },
    { RATE_LIMIT_PER_MINUTE: '0' },
    { RATE_LIMIT_PER_MINUTE: '10/min' },
    { REDIS_URL: '127.0.0.1:6379' },
    { REDIS_URL: 'http://127.0.0.1:6379' },
    { REDIS_URL: 'redis://' },
    { REDIS_URL: 'redis:127.0.0.1' },
  ];
  for (const env of cases) {
    assert.throws(() => loadConfig({ DATA_DIR: tempDir(), ...env }), ConfigError, JSON.stringify(env));
  }
});

test('an https public URL turns on Secure cookies; a trailing slash is dropped', () => {
  const https = loadConfig({ DATA_DIR: tempDir(), PUBLIC_URL: 'https://spojnia.example.pl/' });
  assert.equal(https.secureCookies, true);
  assert.equal(https.publicUrl, 'https://spojnia.example.pl');
  const http = loadConfig({ DATA_DIR: tempDir(), PUBLIC_URL: 'http://spojnia.example.pl' });
  assert.equal(http.secureCookies, false);
});

test('the session secret is generated once into the data folder (mode 0600) and reused', () => {
  const dataDir = join(tempDir(), 'nested', 'data');
  const first = loadConfig({ DATA_DIR: dataDir });
  assert.ok(first.sessionSecret.length >= 32);
  const file = join(dataDir, 'session-secret');
  assert.equal(readFileSync(file, 'utf8').trim(), first.sessionSecret);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const second = loadConfig({ DATA_DIR: dataDir });
  assert.equal(second.sessionSecret, first.sessionSecret);

  const otherDir = tempDir();
  assert.notEqual(loadConfig({ DATA_DIR: otherDir }).sessionSecret, first.sessionSecret, 'each installation has its own secret');
});

test('a SESSION_SECRET from the environment wins and nothing is written', () => {
  const dataDir = tempDir();
  const secret = 'x'.repeat(32);
  assert.equal(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: secret }).sessionSecret, secret);
  assert.throws(() => statSync(join(dataDir, 'session-secret')), { code: 'ENOENT' });
});

test('the data folder follows the SQLite file unless DATA_DIR is given', () => {
  const dir = tempDir();
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'db', 'spojnia.db')}` });
  assert.equal(config.dataDir, join(dir, 'db'));
});

test('REDIS_URL: redis:// or rediss:// (with password and database), empty for memory; a bad one is named without echoing it', () => {
  const dataDir = tempDir();
  for (const url of ['redis://127.0.0.1:6379', 'rediss://:s3cret@redis.example.pl:6380/2', 'redis://redis']) {
    assert.equal(loadConfig({ DATA_DIR: dataDir, REDIS_URL: url }).redisUrl, url);
  }
  assert.equal(loadConfig({ DATA_DIR: dataDir, REDIS_URL: '' }).redisUrl, '');
  let caught: unknown;
  try {
    loadConfig({ DATA_DIR: dataDir, REDIS_URL: 'memcached://:s3cret@cache:11211' });
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof ConfigError);
  assert.equal(caught.problems.length, 1);
  assert.match(caught.problems[0]!, /^REDIS_URL must be redis:\/\/.* or rediss:\/\//);
  assert.ok(!caught.message.includes('s3cret'), 'a password in the URL is not repeated in the error');
});

test('TRUST_PROXY: nobody by default, an address/CIDR list or a hop count; "true" (any client picks its address) refused in production', () => {
  const dataDir = tempDir();
  assert.equal(loadConfig({ DATA_DIR: dataDir }).trustProxy, false);
  assert.equal(loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: '' }).trustProxy, false);
  assert.equal(loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: 'false' }).trustProxy, false);
  assert.deepEqual(loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy, ['10.0.0.0/8', '127.0.0.1']);
  assert.deepEqual(loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: 'loopback,fd00::/8' }).trustProxy, ['loopback', 'fd00::/8']);
  assert.equal(loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: '2' }).trustProxy, 2);
  // development (http) keeps a meaning for "true": the one proxy in front, never the client's own header
  assert.equal(loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: 'true' }).trustProxy, 1);
  for (const env of [{ PUBLIC_URL: 'https://spojnia.example.pl' }, { NODE_ENV: 'production' }]) {
    let caught: unknown;
    try {
      loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: 'true', ...env });
    } catch (err) {
      caught = err;
    }
    assert.ok(caught instanceof ConfigError, 'true is refused in a production configuration');
    assert.equal(caught.problems.length, 1);
    assert.match(caught.problems[0]!, /TRUST_PROXY=true lets any client choose its address.*TRUST_PROXY=127\.0\.0\.1/);
  }
  for (const bad of ['10.0.0.0/33', 'proxy.example.pl', '0', '127.0.0.1, nginx']) {
    assert.throws(
      () => loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: bad }),
      (err: unknown) => err instanceof ConfigError && /TRUST_PROXY/.test(err.problems[0]!),
      bad,
    );
  }
});

test('MIGRATION_DATABASE_URL: a direct PostgreSQL connection for migrations and backups, DATABASE_URL when unset', () => {
  const dataDir = tempDir();
  const pooled = 'postgres://app@pgbouncer:6432/spojnia';
  const direct = 'postgres://owner@db:5432/spojnia';
  assert.equal(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: pooled, MIGRATION_DATABASE_URL: direct }).migrationDatabaseUrl, direct);
  assert.equal(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: pooled }).migrationDatabaseUrl, pooled);
  assert.equal(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: pooled, MIGRATION_DATABASE_URL: '' }).migrationDatabaseUrl, pooled);
  for (const env of [
    { DATABASE_URL: `sqlite:${join(dataDir, 'x.db')}`, MIGRATION_DATABASE_URL: direct },
    { DATABASE_URL: pooled, MIGRATION_DATABASE_URL: `sqlite:${join(dataDir, 'x.db')}` },
  ]) {
    assert.throws(() => loadConfig({ DATA_DIR: dataDir, ...env }), /MIGRATION_DATABASE_URL is for PostgreSQL only/);
  }
});
