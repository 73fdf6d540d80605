// The only reader of process.env. Every setting is validated at boot; a bad value stops the
// process with the full list of problems, never with the first one only.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /**
   * The connection for migrations, backups and restores: MIGRATION_DATABASE_URL when set (a direct
   * connection to PostgreSQL when the application goes through a transaction-pooling proxy),
   * otherwise DATABASE_URL.
   */
  migrationDatabaseUrl: string;
  /** Absolute base URL the site is reached at (links in e-mails, feeds, Secure cookies). */
  publicUrl: string;
  /** True when publicUrl is https: cookies become Secure and `__Host-` prefixed. */
  secureCookies: boolean;
  sessionSecret: string;
  /** Where the session secret is kept when SESSION_SECRET is not set (`<DATA_DIR>/session-secret`); null when it is. */
  sessionSecretFile: string | null;
  smtpUrl: string;
  logLevel: LogLevel;
  /**
   * Which peers may tell the client's address in X-Forwarded-For: nobody (false), the proxies at
   * these addresses or CIDR ranges, or a number of proxy hops in front of the application.
   */
  trustProxy: false | number | string[];
  /** Folder for the SQLite file, the generated session secret and backups. */
  dataDir: string;
  /** How long anonymous visitors may get a copy of an opted-in public page (0: never). */
  pageCacheMs: number;
  /** Requests per minute per client IP for the whole site (stricter limits are set per route). */
  rateLimitPerMinute: number;
  /**
   * Redis holding the rate-limit counters shared by every instance (ADR 10); empty: each process
   * counts in its own memory.
   */
  redisUrl: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads `.env` (if present) into the environment without overriding what is already set. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

function sqliteFile(url: string): string | null {
  if (!url.startsWith('sqlite:')) return null;
  const f = url.slice('sqlite:'.length);
  return f === ':memory:' ? null : f;
}

/**
 * Builds the configuration from an environment. `env` defaults to process.env; tests pass their
 * own object. The session secret, when unset, is generated once and kept in the data folder.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) problems.push(`PORT must be a number 0–65535 (got "${portText}")`);

  const host = env.HOST ?? '127.0.0.1';
  if (host.trim() === '') problems.push('HOST must not be empty (use 0.0.0.0 to listen on every interface)');

  const databaseUrl = env.DATABASE_URL ?? 'sqlite:./data/spojnia.db';
  if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(databaseUrl)) {
    problems.push('DATABASE_URL must be sqlite:PATH, sqlite::memory: or postgres://user@host/db');
  }

  const migrationDatabaseUrl = env.MIGRATION_DATABASE_URL || databaseUrl;
  if (env.MIGRATION_DATABASE_URL && !(/^postgres(ql)?:\/\/.+/.test(migrationDatabaseUrl) && /^postgres(ql)?:\/\//.test(databaseUrl))) {
    problems.push('MIGRATION_DATABASE_URL is for PostgreSQL only: postgres://user@host/db, with DATABASE_URL on PostgreSQL too');
  }

  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${Number.isFinite(port) ? port : 3000}`).replace(/\/+$/, '');
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') problems.push('PUBLIC_URL must start with http:// or https://');
  } catch {
    problems.push(`PUBLIC_URL is not a valid URL (got "${publicUrl}")`);
  }

  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const smtpUrl = env.SMTP_URL ?? '';
  if (smtpUrl !== '' && !/^smtps?:\/\/.+/.test(smtpUrl)) problems.push('SMTP_URL must be smtp://… or smtps://… (or empty)');

  const production = publicUrl.startsWith('https://') || env.NODE_ENV === 'production';
  const trustProxy = parseTrustProxy(env.TRUST_PROXY ?? '', production, problems);

  const sessionSecretEnv = env.SESSION_SECRET;
  if (sessionSecretEnv !== undefined && sessionSecretEnv.length < 32) problems.push('SESSION_SECRET must be at least 32 characters');

  const dataDir = resolve(env.DATA_DIR ?? dirname(sqliteFile(databaseUrl) ?? './data/spojnia.db'));

  const pageCacheText = env.PAGE_CACHE_MS ?? '5000';
  const pageCacheMs = Number(pageCacheText);
  if (!/^\d+$/.test(pageCacheText) || pageCacheMs > 600_000)
    problems.push(`PAGE_CACHE_MS must be milliseconds 0–600000 (got "${pageCacheText}")`);

  const rateText = env.RATE_LIMIT_PER_MINUTE ?? '600';
  const rateLimitPerMinute = Number(rateText);
  if (!/^\d+$/.test(rateText) || rateLimitPerMinute < 1)
    problems.push(`RATE_LIMIT_PER_MINUTE must be a whole number of requests, at least 1 (got "${rateText}")`);

  const redisUrl = env.REDIS_URL ?? '';
  if (redisUrl !== '') {
    let ok: boolean;
    try {
      const u = new URL(redisUrl);
      ok = (u.protocol === 'redis:' || u.protocol === 'rediss:') && u.hostname !== '';
    } catch {
      ok = false;
    }
    // the URL may carry a password, so it is not repeated in the message
    if (!ok) problems.push('REDIS_URL must be redis://host:port or rediss://host:port (or empty)');
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port,
    host,
    databaseUrl,
    migrationDatabaseUrl,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    sessionSecret: sessionSecretEnv ?? storedSessionSecret(dataDir),
    sessionSecretFile: sessionSecretEnv === undefined ? sessionSecretPath(dataDir) : null,
    smtpUrl,
    logLevel,
    trustProxy,
    dataDir,
    pageCacheMs,
    rateLimitPerMinute,
    redisUrl,
  };
}

/** Names proxy-addr accepts for groups of addresses. */
const ADDRESS_GROUPS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (ADDRESS_GROUPS.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: empty or `false` (nobody), a number of proxy hops, or a comma-separated list of
 * proxy addresses and CIDR ranges. `true` would take the address from any client's own
 * X-Forwarded-For header, so anyone could pick an address and escape the per-IP limits: it is
 * refused for a production configuration (an https PUBLIC_URL or NODE_ENV=production).
 */
function parseTrustProxy(text: string, production: boolean, problems: string[]): false | number | string[] {
  const value = text.trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') {
    if (production) {
      problems.push(
        'TRUST_PROXY=true lets any client choose its address with an X-Forwarded-For header (and so escape the login and form limits); ' +
          'set the address of your reverse proxy instead (e.g. TRUST_PROXY=127.0.0.1 when nginx runs on the same machine, or its CIDR range), or the number of proxies in front (TRUST_PROXY=1)',
      );
      return false;
    }
    // development only: one hop, which for a local proxy is what `true` meant
    return 1;
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1 || hops > 10) problems.push(`TRUST_PROXY as a number of proxy hops must be 1–10 (got "${value}")`);
    return hops;
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (bad.length > 0 || entries.length === 0) {
    problems.push(
      `TRUST_PROXY must be false, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ranges (not understood: ${bad.map((b) => `"${b}"`).join(', ') || `"${value}"`})`,
    );
    return false;
  }
  return entries;
}

function sessionSecretPath(dataDir: string): string {
  return resolve(dataDir, 'session-secret');
}

function storedSessionSecret(dataDir: string): string {
  const file = sessionSecretPath(dataDir);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Settings of the test harness only (never read by the application itself). */
export function testSettings(env: Env = process.env): {
  databaseUrl: string | null;
  ci: boolean;
  chromium: string | null;
  redisUrl: string;
} {
  return {
    databaseUrl: env.TEST_DATABASE_URL && env.TEST_DIALECT === 'postgres' ? env.TEST_DATABASE_URL : null,
    ci: env.CI === 'true',
    chromium: env.CHROMIUM_PATH ?? null,
    // the Redis of the shared rate-limit tests (ADR 10); with CI=true it must answer
    redisUrl: env.TEST_REDIS_URL || 'redis://127.0.0.1:6379',
  };
}
