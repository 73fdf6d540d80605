// Rules of signing in: the session check with the staff timeouts, login with brute-force limits
// (per address and account pair, never per account alone; the owner is told by e-mail), the second
// factor (TOTP or a recovery code), logout, and enrolling in or leaving two-factor authentication
// with its secrets sealed at rest. Every step is audited.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { nowIso } from '../../core/db/time.js';
import { FormChecker, normaliseEmail } from '../../core/validation.js';
import { isLang, operatorText, type Lang } from '../../i18n/index.js';
import { recordAudit } from '../audit/index.js';
import { enqueueMail } from '../mail/index.js';
import { sha256, type Actor } from './accounts.shared.js';
import * as repo from './accounts.repo.js';
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { STAFF_ROLES } from './roles.js';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp.js';
import { openTotpSecret, sealTotpSecret } from './totp-secret.js';

/** Failures of one address (at any account) counted over this window; MAX_FAILURES_PER_IP of them block it. */
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_IP = 20;
/** Failures of one address at one account, since that pair's last success, counted over this window. */
export const PAIR_WINDOW_MS = 60 * 60 * 1000;
export const FREE_FAILURES_PER_PAIR = 3;
export const FIRST_PAIR_DELAY_MS = 30_000;
export const MAX_PAIR_DELAY_MS = 15 * 60 * 1000;
/** Failures at one account (from any addresses, within LOCKOUT_WINDOW_MS) that make its owner get an e-mail. */
export const NOTICE_AFTER_FAILURES = 5;
export const NOTICE_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const STAFF_IDLE_MS = 30 * 60 * 1000;
export const STAFF_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const PENDING_LOGIN_MS = 5 * 60 * 1000;
export const TWO_FACTOR_PATH = '/konto/2fa';
const RECOVERY_CODES = 10;
const ISSUER = 'Spójnia';

export function isStaff(roles: readonly { role: string }[]): boolean {
  return roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r.role));
}

// --- the current user ---------------------------------------------------------------------------

export interface SessionState {
  userId?: string;
  loginAt?: string;
  lastSeenAt?: string;
}

export type SessionVerdict =
  | { kind: 'none' }
  | { kind: 'expired' }
  | {
      kind: 'user';
      user: {
        id: string;
        email: string;
        displayName: string;
        roles: { role: string; scopeType: string | null; scopeId: string | null }[];
        pendingStep: string | null;
      };
      touch: boolean;
    };

/** Decides whether a session still belongs to an active user, applying staff timeouts. */
export async function checkSession(ctx: ModuleContext, s: SessionState): Promise<SessionVerdict> {
  if (!s.userId) return { kind: 'none' };
  const u = await repo.findActiveUserWithRoles(ctx.db, s.userId);
  if (!u) return { kind: 'expired' };
  const now = ctx.clock.now().getTime();
  const staff = isStaff(u.roles);
  if (staff) {
    const loginAt = s.loginAt ? Date.parse(s.loginAt) : 0;
    const lastSeen = s.lastSeenAt ? Date.parse(s.lastSeenAt) : loginAt;
    if (now - loginAt > STAFF_ABSOLUTE_MS || now - lastSeen > STAFF_IDLE_MS) return { kind: 'expired' };
  }
  const lastSeen = s.lastSeenAt ? Date.parse(s.lastSeenAt) : 0;
  return {
    kind: 'user',
    touch: now - lastSeen > 60_000,
    user: {
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      roles: u.roles.map((r) => ({ role: r.role, scopeType: r.scope_type, scopeId: r.scope_id })),
      pendingStep: staff && !u.is_totp_enabled ? TWO_FACTOR_PATH : null,
    },
  };
}

// --- login --------------------------------------------------------------------------------------

export type LoginResult = { kind: 'done'; userId: string } | { kind: 'second_factor'; userId: string };

export function checkLoginForm(body: Record<string, unknown>): { email: string; password: string } {
  const f = new FormChecker(body);
  const email = f.email('email', 'login.email');
  const password = f.required('password', 'login.password', { raw: true, max: MAX_PASSWORD_LENGTH });
  f.assertValid();
  return { email, password };
}

/**
 * How long one address must wait after `failures` failed logins to one account since that pair's
 * last success: a few tries are free, then 30 s, 1, 2, 4, 8 and at most 15 minutes between tries.
 * The wait belongs to the pair, so guessing from elsewhere never locks the owner out.
 */
export function pairDelayMs(failures: number): number {
  if (failures < FREE_FAILURES_PER_PAIR) return 0;
  return Math.min(MAX_PAIR_DELAY_MS, FIRST_PAIR_DELAY_MS * 2 ** (failures - FREE_FAILURES_PER_PAIR));
}

/**
 * Refuses an attempt (429) while this address must wait before its next try at this account, or
 * when the address failed too often at any account. Failures of other addresses at this account
 * never count here: they would let anyone lock an administrator out (the owner is e-mailed instead).
 */
async function assertNotThrottled(ctx: ModuleContext, emailNorm: string, ip: string): Promise<void> {
  const now = ctx.clock.now().getTime();
  const ipSince = new Date(now - LOCKOUT_WINDOW_MS).toISOString();
  const [pair, byIp] = await Promise.all([
    repo.pairFailures(ctx.db, emailNorm, ip, new Date(now - PAIR_WINDOW_MS).toISOString()),
    repo.countFailuresSince(ctx.db, ipSince, { ip }),
  ]);
  let waitMs = byIp >= MAX_FAILURES_PER_IP ? LOCKOUT_WINDOW_MS : 0;
  if (pair.lastAt) waitMs = Math.max(waitMs, Date.parse(pair.lastAt) + pairDelayMs(pair.count) - now);
  if (waitMs > 0) throw new AppError('accounts.locked_out', { count: Math.ceil(waitMs / 60_000), seconds: Math.ceil(waitMs / 1000) });
}

/**
 * Tells the owner of an account that logins are failing (at most once a day), when failures from
 * any addresses reach the threshold; in the transaction that records the failure.
 */
async function noticeFailures(ctx: ModuleContext, trx: repo.Q, userId: string, emailNorm: string): Promise<void> {
  const now = ctx.clock.now().getTime();
  const failures = await repo.countFailuresSince(trx, new Date(now - LOCKOUT_WINDOW_MS).toISOString(), { emailNorm });
  if (failures < NOTICE_AFTER_FAILURES) return;
  // a conditional update, so concurrent failures send one notice
  if (!(await repo.markFailureNotice(trx, userId, nowIso(ctx.clock), new Date(now - NOTICE_INTERVAL_MS).toISOString()))) return;
  const user = await repo.findUserById(trx, userId);
  if (!user || !user.is_active || user.anonymised_at) return;
  const lang: Lang = isLang(user.lang) ? user.lang : 'pl';
  await enqueueMail(
    trx,
    {
      to: user.email,
      lang,
      template: 'login_failures',
      params: {
        name: user.display_name,
        count: String(failures),
        link: `${ctx.config.publicUrl}${lang === 'en' ? '/en' : ''}/konto/haslo/reset`,
      },
    },
    ctx.clock,
  );
}

async function loginFailed(ctx: ModuleContext, emailNorm: string, actor: Actor, reason: string, userId: string | null): Promise<never> {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.recordLoginAttempt(trx, { emailNorm, ip: actor.ip ?? 'unknown', success: false, at: nowIso(ctx.clock) });
    await recordAudit(
      trx,
      { ...actor, actorId: null, action: 'user.login_failed', subjectType: 'user', subjectId: userId, meta: { email: emailNorm, reason } },
      ctx.clock,
    );
    if (userId) await noticeFailures(ctx, trx, userId, emailNorm);
  });
  throw new AppError('accounts.invalid_credentials');
}

export async function login(ctx: ModuleContext, input: { email: string; password: string }, actor: Actor): Promise<LoginResult> {
  const emailNorm = normaliseEmail(input.email);
  await assertNotThrottled(ctx, emailNorm, actor.ip ?? 'unknown');
  const user = await repo.findUserByEmail(ctx.db, emailNorm);
  // verify against a real hash even for unknown users, so timing does not reveal who has an account
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, input.password);
  if (!user || !user.password_hash || !ok) return loginFailed(ctx, emailNorm, actor, user ? 'password' : 'unknown_email', user?.id ?? null);
  if (!user.is_active) return loginFailed(ctx, emailNorm, actor, 'inactive', user.id);
  if (user.is_totp_enabled) return { kind: 'second_factor', userId: user.id };
  await loginSucceeded(ctx, user.id, emailNorm, actor, 'password');
  return { kind: 'done', userId: user.id };
}

// argon2id hash of a random string, computed once: the cost of verifying an unknown e-mail
let DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$V0S+7H0X5Yw5p0m0mEJmGq1j4Wq0E6Gk8dJgqfS1eZ8';
void hashPassword(randomBytes(16).toString('hex')).then((h) => {
  DUMMY_HASH = h;
});

async function loginSucceeded(ctx: ModuleContext, userId: string, emailNorm: string, actor: Actor, method: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.recordLoginAttempt(trx, { emailNorm, ip: actor.ip ?? 'unknown', success: true, at: now });
    await repo.updateUser(trx, userId, { last_login_at: now }, now);
    await recordAudit(
      trx,
      { ...actor, actorId: userId, action: 'user.login', subjectType: 'user', subjectId: userId, meta: { method } },
      ctx.clock,
    );
  });
}

/** Second step of a login: a TOTP code or an unused recovery code. */
export async function completeSecondFactor(ctx: ModuleContext, userId: string, code: string, actor: Actor): Promise<void> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user || !user.is_active || !user.totp_secret) throw new AppError('accounts.invalid_credentials');
  await assertNotThrottled(ctx, user.email_norm, actor.ip ?? 'unknown');
  const trimmed = code.trim();
  const stored = readTotpSecret(ctx, userId, user.totp_secret);
  // an unreadable secret (SESSION_SECRET rotated, value altered) fails like a wrong code; recovery codes still work
  const counter = stored ? verifyTotp(stored.secret, trimmed, ctx.clock.now()) : null;
  let method: string | null = null;
  if (counter !== null && (await repo.advanceTotpCounter(ctx.db, userId, counter))) method = 'totp';
  else if (
    /^[a-z0-9]{4}-?[a-z0-9]{4}$/i.test(trimmed) &&
    (await repo.useRecoveryCode(ctx.db, userId, sha256(normaliseRecovery(trimmed)), nowIso(ctx.clock)))
  ) {
    method = 'recovery_code';
  }
  if (!method) {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.recordLoginAttempt(trx, { emailNorm: user.email_norm, ip: actor.ip ?? 'unknown', success: false, at: nowIso(ctx.clock) });
      await recordAudit(
        trx,
        {
          ...actor,
          actorId: null,
          action: 'user.login_failed',
          subjectType: 'user',
          subjectId: userId,
          meta: { reason: stored ? 'second_factor' : 'second_factor_unreadable' },
        },
        ctx.clock,
      );
      await noticeFailures(ctx, trx, userId, user.email_norm);
    });
    throw new AppError('accounts.code_invalid');
  }
  if (method === 'totp' && stored?.kind === 'clear')
    await repo.replaceTotpSecret(ctx.db, userId, user.totp_secret, sealTotpSecret(ctx.config, userId, stored.secret));
  if (!stored) await resetUnreadableTwoFactor(ctx, userId, user.totp_secret, actor);
  await loginSucceeded(ctx, userId, user.email_norm, actor, method);
}

/**
 * The stored TOTP secret opened with the installation's key, or null when it cannot be (logged
 * without the value). Clear-text values from before encryption are accepted.
 */
function readTotpSecret(ctx: ModuleContext, userId: string, storedValue: string): { kind: 'sealed' | 'clear'; secret: string } | null {
  const stored = openTotpSecret(ctx.config, userId, storedValue);
  if (stored.kind !== 'unreadable') return stored;
  ctx.log(
    `accounts: the TOTP secret of user ${userId} cannot be decrypted (SESSION_SECRET changed or the stored value was altered); its codes are refused`,
  );
  return null;
}

/**
 * After a login with a recovery code, an enrolment whose secret can no longer be opened is cleared
 * so the user can enrol again (staff are sent to enrolment by the pending-step rule): there is no
 * other way back from a rotated SESSION_SECRET, and the user has just passed both factors.
 */
async function resetUnreadableTwoFactor(ctx: ModuleContext, userId: string, storedValue: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.replaceTotpSecret(trx, userId, storedValue, null))) return;
    await repo.updateUser(trx, userId, { is_totp_enabled: false, totp_last_counter: null }, nowIso(ctx.clock));
    await repo.replaceRecoveryCodes(trx, userId, []);
    await recordAudit(
      trx,
      {
        ...actor,
        actorId: userId,
        action: 'user.2fa_reset',
        subjectType: 'user',
        subjectId: userId,
        meta: { reason: 'unreadable_secret' },
      },
      ctx.clock,
    );
  });
}

function normaliseRecovery(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

export async function recordLogout(ctx: ModuleContext, actor: Actor): Promise<void> {
  if (!actor.actorId) return;
  await recordAudit(ctx.db, { ...actor, action: 'user.logout', subjectType: 'user', subjectId: actor.actorId }, ctx.clock);
}

// --- two-factor enrolment -----------------------------------------------------------------------

export interface Enrolment {
  secret: string;
  otpauth: string;
}

/** Starts (or restarts) enrolment: a new secret that becomes active only after a correct code. */
export async function beginTwoFactor(ctx: ModuleContext, userId: string): Promise<Enrolment> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) throw new AppError('http.not_found');
  if (user.is_totp_enabled) throw new AppError('accounts.two_factor_active');
  // a pending (not yet confirmed) secret is shown again, so a reload does not invalidate a scanned QR
  const pending = user.totp_secret ? readTotpSecret(ctx, userId, user.totp_secret) : null;
  const secret = pending?.secret ?? newTotpSecret();
  if (pending?.kind !== 'sealed')
    await repo.updateUser(ctx.db, userId, { totp_secret: sealTotpSecret(ctx.config, userId, secret) }, nowIso(ctx.clock));
  return { secret, otpauth: otpauthUrl(secret, user.email, ISSUER) };
}

/** Confirms enrolment with a code; returns the recovery codes, shown once. */
export async function confirmTwoFactor(ctx: ModuleContext, userId: string, code: string, actor: Actor): Promise<string[]> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user || !user.totp_secret || user.is_totp_enabled) throw new AppError('accounts.code_invalid');
  const stored = readTotpSecret(ctx, userId, user.totp_secret);
  const counter = stored ? verifyTotp(stored.secret, code, ctx.clock.now()) : null;
  if (counter === null || !stored) throw new AppError('accounts.code_invalid');
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(5).toString('hex').slice(0, 8);
    return `${raw.slice(0, 4)}-${raw.slice(4)}`;
  });
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const sealed = stored.kind === 'clear' ? { totp_secret: sealTotpSecret(ctx.config, userId, stored.secret) } : {};
    await repo.updateUser(trx, userId, { ...sealed, is_totp_enabled: true, totp_last_counter: counter }, now);
    await repo.replaceRecoveryCodes(
      trx,
      userId,
      codes.map((c) => sha256(normaliseRecovery(c))),
    );
    await recordAudit(trx, { ...actor, action: 'user.2fa_enabled', subjectType: 'user', subjectId: userId }, ctx.clock);
  });
  return codes;
}

/** Turning 2FA off is allowed only for non-staff users (staff must keep it) with their password. */
export async function disableTwoFactor(ctx: ModuleContext, userId: string, password: string, actor: Actor): Promise<void> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, password))) throw new AppError('accounts.password_wrong');
  const roles = await repo.rolesOf(ctx.db, userId);
  if (isStaff(roles)) throw new AppError('accounts.two_factor_required');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, userId, { is_totp_enabled: false, totp_secret: null, totp_last_counter: null }, nowIso(ctx.clock));
    await repo.replaceRecoveryCodes(trx, userId, []);
    await recordAudit(trx, { ...actor, action: 'user.2fa_disabled', subjectType: 'user', subjectId: userId }, ctx.clock);
  });
}

/**
 * Seals every TOTP secret still stored in clear text (written before encryption, or by an older
 * process during a rolling upgrade). A migration cannot do it: migrations get no configuration,
 * hence no key. Idempotent; a value changed meanwhile is left to its writer.
 */
export async function sealClearTotpSecrets(ctx: ModuleContext): Promise<string> {
  let sealed = 0;
  let unreadable = 0;
  for (const row of await repo.listUnsealedTotpSecrets(ctx.db)) {
    if (row.totp_secret === null) continue;
    const stored = openTotpSecret(ctx.config, row.id, row.totp_secret);
    if (stored.kind !== 'clear') {
      unreadable++;
      continue;
    }
    if (await repo.replaceTotpSecret(ctx.db, row.id, row.totp_secret, sealTotpSecret(ctx.config, row.id, stored.secret))) sealed++;
  }
  if (unreadable > 0) ctx.log(`accounts: ${unreadable} stored TOTP secret(s) are neither sealed nor base32 and were left as they are`);
  return operatorText('accounts.cli.totpSealed', { count: sealed });
}

export async function twoFactorStatus(ctx: ModuleContext, userId: string): Promise<{ enabled: boolean; recoveryLeft: number }> {
  const user = await repo.findUserById(ctx.db, userId);
  return { enabled: user?.is_totp_enabled ?? false, recoveryLeft: await repo.countUnusedRecoveryCodes(ctx.db, userId) };
}

export async function purgeOldLoginAttempts(ctx: ModuleContext): Promise<void> {
  await repo.purgeLoginAttemptsBefore(ctx.db, new Date(ctx.clock.now().getTime() - 24 * 3600_000).toISOString());
}
