// Rules of the accounts module: creating users (first administrator, invitations, the command
// line), logging in with brute-force limits (per address and account pair, never per account alone,
// the owner told by e-mail) and a second factor, passwords and their reset, roles, deactivation,
// personal-data export and anonymisation. Every change is audited.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { nowIso } from '../../core/db/time.js';
import { FormChecker, normaliseEmail } from '../../core/validation.js';
import type { TKey } from '../../i18n/index.js';
import { isLang, type Lang } from '../../i18n/index.js';
import { diffFields, recordAudit, scrubAuditPersonalData, type AuditEntry } from '../audit/index.js';
import { enqueueMail } from '../mail/index.js';
import * as repo from './accounts.repo.js';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblems, verifyPassword } from './passwords.js';
import { isRole, ROLES, SCOPED_ROLES, STAFF_ROLES, type Role } from './roles.js';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp.js';
import { openTotpSecret, sealTotpSecret } from './totp-secret.js';

export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

const SETUP_TOKEN_KEY = 'accounts.setup_token_sha256';
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
export const RESET_VALID_MS = 60 * 60 * 1000;
export const INVITATION_VALID_MS = 7 * 24 * 60 * 60 * 1000;
export const STAFF_IDLE_MS = 30 * 60 * 1000;
export const STAFF_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const PENDING_LOGIN_MS = 5 * 60 * 1000;
export const TWO_FACTOR_PATH = '/konto/2fa';
const RECOVERY_CODES = 10;
const ISSUER = 'Spójnia';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function token(): string {
  return randomBytes(32).toString('base64url');
}

function later(ctx: ModuleContext, ms: number): string {
  return new Date(ctx.clock.now().getTime() + ms).toISOString();
}

export function isStaff(roles: readonly { role: string }[]): boolean {
  return roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r.role));
}

// --- first administrator ------------------------------------------------------------------------

export async function isSetupNeeded(ctx: ModuleContext): Promise<boolean> {
  return (await repo.countUsers(ctx.db)) === 0;
}

/**
 * When no user exists, makes a new one-time set-up token (only its hash is stored) and returns it
 * for the start-up line; returns null once an administrator exists.
 */
export async function issueSetupToken(ctx: ModuleContext): Promise<string | null> {
  if (!(await isSetupNeeded(ctx))) {
    await ctx.settings.delete(SETUP_TOKEN_KEY);
    return null;
  }
  const t = randomBytes(24).toString('base64url');
  await ctx.settings.set(SETUP_TOKEN_KEY, sha256(t));
  return t;
}

/** Throws the right 403 unless set-up is pending and the token is the current one. */
export async function assertSetupAllowed(ctx: ModuleContext, setupToken: string | undefined): Promise<void> {
  if (!(await isSetupNeeded(ctx))) throw new AppError('setup.already_done');
  const stored = await ctx.settings.get<string | null>(SETUP_TOKEN_KEY, null);
  if (!setupToken || !stored || setupToken.length > 200) throw new AppError('setup.token_required');
  const a = Buffer.from(sha256(setupToken), 'hex');
  const b = Buffer.from(stored, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError('setup.token_required');
}

export interface SetupInput {
  email: string;
  displayName: string;
  password: string;
}

/** Checks a new password and its repetition into the checker (field names as in our forms). */
function checkNewPassword(f: FormChecker, email: string, label: TKey, field = 'password', repeatField = 'password_repeat', repeatLabel: TKey = 'setup.passwordRepeat'): string {
  const password = f.required(field, label, { raw: true, max: MAX_PASSWORD_LENGTH });
  if (password !== '' && !f.hasProblem(field)) {
    for (const p of passwordProblems(password, email)) f.add(field, label, p.key, p.params);
    if (f.raw(repeatField) !== password) f.add(repeatField, repeatLabel, 'validation.mismatch');
  }
  return password;
}

/** Validates the set-up form; throws `http.validation` with every problem, changing nothing. */
export function checkSetupForm(body: Record<string, unknown>): SetupInput {
  const f = new FormChecker(body);
  const email = f.email('email', 'setup.email');
  const displayName = f.required('display_name', 'setup.displayName', { max: 120 });
  const password = checkNewPassword(f, email, 'setup.password');
  f.assertValid();
  return { email, displayName, password };
}

export async function createFirstAdministrator(ctx: ModuleContext, setupToken: string | undefined, input: SetupInput, actor: Actor): Promise<string> {
  await assertSetupAllowed(ctx, setupToken);
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    // a second submission racing the first must not create a second administrator
    if ((await repo.countUsers(trx)) > 0) throw new AppError('setup.already_done');
    const userId = await repo.insertUser(trx, {
      email: input.email,
      emailNorm: normaliseEmail(input.email),
      displayName: input.displayName,
      passwordHash,
      roles: [{ role: 'administrator' }],
      now: nowIso(ctx.clock),
    });
    await recordAudit(trx, { ...actor, actorId: userId, action: 'user.create', subjectType: 'user', subjectId: userId, meta: { via: 'setup', roles: ['administrator'] } }, ctx.clock);
    return userId;
  });
  await ctx.settings.delete(SETUP_TOKEN_KEY);
  return id;
}

// --- command line -------------------------------------------------------------------------------

export interface CreateUserInput {
  email: string;
  displayName?: string;
  roles: string[];
  password: string;
}

/** Used by `spojnia user create`; the same rules as every other way of making an account. */
export async function createUser(ctx: ModuleContext, input: CreateUserInput): Promise<string> {
  const f = new FormChecker({ email: input.email, password: input.password });
  const email = f.email('email', 'setup.email');
  for (const p of passwordProblems(input.password, email)) f.add('password', 'setup.password', p.key, p.params);
  const roles: Role[] = [];
  for (const r of input.roles) {
    if (isRole(r)) roles.push(r);
    else f.add('role', 'accounts.role', 'validation.invalid');
  }
  f.assertValid();
  const emailNorm = normaliseEmail(email);
  if (await repo.findUserByEmail(ctx.db, emailNorm)) throw new AppError('user.email_taken');
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertUser(trx, {
      email,
      emailNorm,
      displayName: input.displayName ?? email.split('@')[0]!,
      passwordHash,
      roles: roles.map((role) => ({ role })),
      now: nowIso(ctx.clock),
    });
    await recordAudit(trx, { actorId: null, ip: null, action: 'user.create', subjectType: 'user', subjectId: id, meta: { via: 'cli', roles } }, ctx.clock);
    return id;
  });
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
  | { kind: 'user'; user: { id: string; email: string; displayName: string; roles: { role: string; scopeType: string | null; scopeId: string | null }[]; pendingStep: string | null }; touch: boolean };

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
  const [pair, byIp] = await Promise.all([repo.pairFailures(ctx.db, emailNorm, ip, new Date(now - PAIR_WINDOW_MS).toISOString()), repo.countFailuresSince(ctx.db, ipSince, { ip })]);
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
      params: { name: user.display_name, count: String(failures), link: `${ctx.config.publicUrl}${lang === 'en' ? '/en' : ''}/konto/haslo/reset` },
    },
    ctx.clock,
  );
}

async function loginFailed(ctx: ModuleContext, emailNorm: string, actor: Actor, reason: string, userId: string | null): Promise<never> {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.recordLoginAttempt(trx, { emailNorm, ip: actor.ip ?? 'unknown', success: false, at: nowIso(ctx.clock) });
    await recordAudit(trx, { ...actor, actorId: null, action: 'user.login_failed', subjectType: 'user', subjectId: userId, meta: { email: emailNorm, reason } }, ctx.clock);
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
    await recordAudit(trx, { ...actor, actorId: userId, action: 'user.login', subjectType: 'user', subjectId: userId, meta: { method } }, ctx.clock);
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
  else if (/^[a-z0-9]{4}-?[a-z0-9]{4}$/i.test(trimmed) && (await repo.useRecoveryCode(ctx.db, userId, sha256(normaliseRecovery(trimmed)), nowIso(ctx.clock)))) {
    method = 'recovery_code';
  }
  if (!method) {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.recordLoginAttempt(trx, { emailNorm: user.email_norm, ip: actor.ip ?? 'unknown', success: false, at: nowIso(ctx.clock) });
      await recordAudit(trx, { ...actor, actorId: null, action: 'user.login_failed', subjectType: 'user', subjectId: userId, meta: { reason: stored ? 'second_factor' : 'second_factor_unreadable' } }, ctx.clock);
      await noticeFailures(ctx, trx, userId, user.email_norm);
    });
    throw new AppError('accounts.code_invalid');
  }
  if (method === 'totp' && stored?.kind === 'clear') await repo.replaceTotpSecret(ctx.db, userId, user.totp_secret, sealTotpSecret(ctx.config, userId, stored.secret));
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
  ctx.log(`accounts: the TOTP secret of user ${userId} cannot be decrypted (SESSION_SECRET changed or the stored value was altered); its codes are refused`);
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
    await recordAudit(trx, { ...actor, actorId: userId, action: 'user.2fa_reset', subjectType: 'user', subjectId: userId, meta: { reason: 'unreadable_secret' } }, ctx.clock);
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
  if (pending?.kind !== 'sealed') await repo.updateUser(ctx.db, userId, { totp_secret: sealTotpSecret(ctx.config, userId, secret) }, nowIso(ctx.clock));
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
    await repo.replaceRecoveryCodes(trx, userId, codes.map((c) => sha256(normaliseRecovery(c))));
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
  return `${sealed} TOTP secret(s) encrypted`;
}

export async function twoFactorStatus(ctx: ModuleContext, userId: string): Promise<{ enabled: boolean; recoveryLeft: number }> {
  const user = await repo.findUserById(ctx.db, userId);
  return { enabled: user?.is_totp_enabled ?? false, recoveryLeft: await repo.countUnusedRecoveryCodes(ctx.db, userId) };
}

// --- passwords ----------------------------------------------------------------------------------

export async function changePassword(ctx: ModuleContext, userId: string, body: Record<string, unknown>, actor: Actor, keepSessionId: string): Promise<void> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) throw new AppError('http.not_found');
  const f = new FormChecker(body);
  const current = f.required('current_password', 'password.current', { raw: true, max: MAX_PASSWORD_LENGTH });
  const next = checkNewPassword(f, user.email, 'password.new', 'password', 'password_repeat', 'password.repeat');
  f.assertValid();
  if (!user.password_hash || !(await verifyPassword(user.password_hash, current))) {
    throw new AppError('http.validation', {}, [{ field: 'current_password', label: 'password.current', key: 'validation.passwordWrong' }]);
  }
  const hash = await hashPassword(next);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, userId, { password_hash: hash }, nowIso(ctx.clock));
    // other sessions may belong to whoever knew the old password
    await repo.deleteSessionsOf(trx, userId, keepSessionId);
    await recordAudit(trx, { ...actor, action: 'user.password_change', subjectType: 'user', subjectId: userId }, ctx.clock);
  });
}

/** Always the same outcome for the caller, whether or not the address has an account. */
export async function requestPasswordReset(ctx: ModuleContext, body: Record<string, unknown>, actor: Actor): Promise<void> {
  const f = new FormChecker(body);
  const email = f.email('email', 'reset.email');
  f.assertValid();
  const user = await repo.findUserByEmail(ctx.db, normaliseEmail(email));
  if (!user || !user.is_active || user.anonymised_at) {
    await recordAudit(ctx.db, { ...actor, actorId: null, action: 'user.password_reset_requested', subjectType: 'user', subjectId: null, meta: { email: normaliseEmail(email), known: false } }, ctx.clock);
    return;
  }
  const t = token();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.invalidateTokens(trx, user.id, 'password_reset', now);
    await repo.insertToken(trx, { userId: user.id, purpose: 'password_reset', tokenHash: sha256(t), expiresAt: later(ctx, RESET_VALID_MS), now });
    const lang: Lang = isLang(user.lang) ? user.lang : 'pl';
    await enqueueMail(
      trx,
      {
        to: user.email,
        lang,
        template: 'password_reset',
        params: { name: user.display_name, link: `${ctx.config.publicUrl}${lang === 'en' ? '/en' : ''}/konto/haslo/nowe/${t}`, validFor: lang === 'en' ? '1 hour' : '1 godzina' },
      },
      ctx.clock,
    );
    await recordAudit(trx, { ...actor, actorId: null, action: 'user.password_reset_requested', subjectType: 'user', subjectId: user.id }, ctx.clock);
  });
}

async function validToken(ctx: ModuleContext, t: string, purpose: 'password_reset' | 'invitation') {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(t)) throw new AppError('accounts.token_invalid');
  const row = await repo.findToken(ctx.db, sha256(t), purpose);
  if (!row || row.used_at || row.expires_at <= nowIso(ctx.clock)) throw new AppError('accounts.token_invalid');
  const user = await repo.findUserById(ctx.db, row.user_id);
  if (!user || user.anonymised_at) throw new AppError('accounts.token_invalid');
  return { row, user };
}

export async function checkResetToken(ctx: ModuleContext, t: string): Promise<{ email: string }> {
  const { user } = await validToken(ctx, t, 'password_reset');
  return { email: user.email };
}

/** Sets the new password, uses the token up and ends every session of the account. */
export async function resetPassword(ctx: ModuleContext, t: string, body: Record<string, unknown>, actor: Actor): Promise<void> {
  const { row, user } = await validToken(ctx, t, 'password_reset');
  const f = new FormChecker(body);
  const password = checkNewPassword(f, user.email, 'password.new', 'password', 'password_repeat', 'password.repeat');
  f.assertValid();
  const hash = await hashPassword(password);
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.consumeToken(trx, row.id, now))) throw new AppError('accounts.token_invalid');
    await repo.updateUser(trx, user.id, { password_hash: hash }, now);
    await repo.deleteSessionsOf(trx, user.id);
    await recordAudit(trx, { ...actor, actorId: user.id, action: 'user.password_reset', subjectType: 'user', subjectId: user.id }, ctx.clock);
  });
}

// --- administration -----------------------------------------------------------------------------

export interface RoleInput {
  role: Role;
  scopeType: string | null;
  scopeId: string | null;
}

/**
 * Reads roles from a form: a checkbox `role_<name>` per role and, for scoped roles, a field
 * `scope_<name>` with one or more ids separated by commas or new lines.
 */
export function rolesFromForm(f: FormChecker): RoleInput[] {
  const out: RoleInput[] = [];
  for (const role of ROLES) {
    if (f.text(`role_${role}`) !== '1') continue;
    const scopeType = SCOPED_ROLES[role as keyof typeof SCOPED_ROLES];
    if (!scopeType) {
      out.push({ role, scopeType: null, scopeId: null });
      continue;
    }
    const ids = f
      .text(`scope_${role}`)
      .split(/[\s,;]+/)
      .filter(Boolean);
    if (ids.length === 0) f.add(`scope_${role}`, `roles.${role}`, 'validation.scopeRequired');
    for (const id of ids) {
      if (!/^[A-Za-z0-9._:-]{1,80}$/.test(id)) f.add(`scope_${role}`, `roles.${role}`, 'validation.invalid');
      else out.push({ role, scopeType, scopeId: id });
    }
  }
  if (out.length === 0 && !f.problems.some((p) => p.field?.startsWith('scope_'))) f.add('roles', 'accounts.roles', 'validation.required');
  return out;
}

export async function inviteUser(ctx: ModuleContext, body: Record<string, unknown>, inviter: { id: string; displayName: string }, actor: Actor): Promise<string> {
  const f = new FormChecker(body);
  const email = f.email('email', 'invite.email');
  const displayName = f.required('display_name', 'invite.displayName', { max: 120 });
  const lang = f.text('lang') === 'en' ? 'en' : 'pl';
  const roles = rolesFromForm(f);
  f.assertValid();
  const emailNorm = normaliseEmail(email);
  if (await repo.findUserByEmail(ctx.db, emailNorm)) {
    throw new AppError('http.validation', {}, [{ field: 'email', label: 'invite.email', key: 'validation.emailTaken' }]);
  }
  const t = token();
  const now = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertUser(trx, { email, emailNorm, displayName, passwordHash: null, roles, now, isActive: false, lang });
    await repo.insertToken(trx, { userId: id, purpose: 'invitation', tokenHash: sha256(t), expiresAt: later(ctx, INVITATION_VALID_MS), now });
    await enqueueMail(
      trx,
      {
        to: email,
        lang,
        template: 'invitation',
        params: {
          name: displayName,
          inviter: inviter.displayName,
          link: `${ctx.config.publicUrl}${lang === 'en' ? '/en' : ''}/konto/zaproszenie/${t}`,
          roles: roles.map((r) => r.role + (r.scopeId ? ` (${r.scopeId})` : '')).join(', '),
          validFor: lang === 'en' ? '7 days' : '7 dni',
        },
      },
      ctx.clock,
    );
    await recordAudit(trx, { ...actor, action: 'user.invite', subjectType: 'user', subjectId: id, changes: { roles: { before: [], after: roles } }, meta: { email: emailNorm } }, ctx.clock);
    return id;
  });
}

export interface ScopedGrant {
  email: string;
  displayName: string;
  lang: Lang;
  role: Role;
  scopeType: string;
  scopeId: string;
  /** How the role reads in the invitation e-mail, e.g. "przedstawiciel podmiotu: Fundacja X". */
  roleLabel: string;
  inviterName: string;
}

/**
 * Gives a scoped role to the account with this e-mail, or invites a new account holding it (an
 * invitation e-mail with a one-time link). Runs in the caller's transaction, so another module's
 * decision (an approved request) and the grant are kept or rolled back together.
 */
export async function grantScopedRoleByEmail(ctx: ModuleContext, trx: repo.Q, g: ScopedGrant, actor: Actor): Promise<{ userId: string; invited: boolean }> {
  const emailNorm = normaliseEmail(g.email);
  const now = nowIso(ctx.clock);
  const grant = { role: g.role, scopeType: g.scopeType, scopeId: g.scopeId };
  const existing = await repo.findUserByEmail(trx, emailNorm);
  if (existing && !existing.anonymised_at) {
    if (await repo.addRoleIfMissing(trx, existing.id, grant, now)) {
      await recordAudit(trx, { ...actor, action: 'user.role_grant', subjectType: 'user', subjectId: existing.id, changes: { roles: { before: null, after: roleKey(grant) } } }, ctx.clock);
    }
    return { userId: existing.id, invited: false };
  }
  const t = token();
  const id = await repo.insertUser(trx, { email: g.email, emailNorm, displayName: g.displayName, passwordHash: null, roles: [grant], now, isActive: false, lang: g.lang });
  await repo.insertToken(trx, { userId: id, purpose: 'invitation', tokenHash: sha256(t), expiresAt: later(ctx, INVITATION_VALID_MS), now });
  await enqueueMail(
    trx,
    {
      to: g.email,
      lang: g.lang,
      template: 'invitation',
      params: { name: g.displayName, inviter: g.inviterName, link: `${ctx.config.publicUrl}${g.lang === 'en' ? '/en' : ''}/konto/zaproszenie/${t}`, roles: g.roleLabel, validFor: g.lang === 'en' ? '7 days' : '7 dni' },
    },
    ctx.clock,
  );
  await recordAudit(trx, { ...actor, action: 'user.invite', subjectType: 'user', subjectId: id, changes: { roles: { before: [], after: [grant] } }, meta: { email: emailNorm } }, ctx.clock);
  return { userId: id, invited: true };
}

export interface ScopeMove {
  role: Role;
  scopeType: string;
  /** The scope that ceases to exist (e.g. an entity merged into another). */
  fromId: string;
  /** The scope that takes its place. */
  toId: string;
}

/**
 * Moves every grant of a scoped role from one scope to another, e.g. the representatives of an
 * entity merged into another one become representatives of the one kept. A holder who already has
 * the role on the new scope keeps that single grant (the old one is removed, never duplicated).
 * Runs in the caller's transaction, so the other module's change and the move stand or fall
 * together; each holder's change is audited. Rights are read per request, so sessions stay.
 */
export async function moveScopedRoles(ctx: ModuleContext, trx: repo.Q, m: ScopeMove, actor: Actor): Promise<{ moved: string[]; alreadyHeld: string[] }> {
  const from = { role: m.role, scopeType: m.scopeType, scopeId: m.fromId };
  const to = { role: m.role, scopeType: m.scopeType, scopeId: m.toId };
  const moved: string[] = [];
  const alreadyHeld: string[] = [];
  if (m.fromId === m.toId) return { moved, alreadyHeld };
  for (const grant of await repo.grantsOfScope(trx, m.role, m.scopeType, m.fromId)) {
    const held = await repo.holdsRole(trx, grant.user_id, to);
    if (held) await repo.deleteRole(trx, grant.id);
    else await repo.setRoleScope(trx, grant.id, m.toId);
    (held ? alreadyHeld : moved).push(grant.user_id);
    await recordAudit(
      trx,
      { ...actor, action: 'user.role_move', subjectType: 'user', subjectId: grant.user_id, changes: { roles: { before: held ? [roleKey(from), roleKey(to)] : [roleKey(from)], after: [roleKey(to)] } } },
      ctx.clock,
    );
  }
  return { moved, alreadyHeld };
}

export async function checkInvitation(ctx: ModuleContext, t: string): Promise<{ email: string; displayName: string }> {
  const { user } = await validToken(ctx, t, 'invitation');
  return { email: user.email, displayName: user.display_name };
}

export async function acceptInvitation(ctx: ModuleContext, t: string, body: Record<string, unknown>, actor: Actor): Promise<string> {
  const { row, user } = await validToken(ctx, t, 'invitation');
  const f = new FormChecker(body);
  const password = checkNewPassword(f, user.email, 'password.new', 'password', 'password_repeat', 'password.repeat');
  f.assertValid();
  const hash = await hashPassword(password);
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.consumeToken(trx, row.id, now))) throw new AppError('accounts.token_invalid');
    await repo.updateUser(trx, user.id, { password_hash: hash, is_active: true }, now);
    await recordAudit(trx, { ...actor, actorId: user.id, action: 'user.invitation_accepted', subjectType: 'user', subjectId: user.id }, ctx.clock);
  });
  return user.id;
}

export async function listUsers(ctx: ModuleContext) {
  return repo.listUsers(ctx.db);
}

export async function userDetail(ctx: ModuleContext, id: string) {
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw new AppError('http.not_found');
  return { user, roles: await repo.rolesOf(ctx.db, id) };
}

function roleKey(r: { role: string; scope_type?: string | null; scopeType?: string | null; scope_id?: string | null; scopeId?: string | null }): string {
  return `${r.role}:${r.scope_type ?? r.scopeType ?? ''}:${r.scope_id ?? r.scopeId ?? ''}`;
}

/** Replaces a user's roles; their sessions end so the new rights apply from a fresh login. */
export async function changeRoles(ctx: ModuleContext, userId: string, body: Record<string, unknown>, actor: Actor): Promise<void> {
  const { roles: before } = await userDetail(ctx, userId);
  const f = new FormChecker(body);
  const roles = rolesFromForm(f);
  if (userId === actor.actorId && !roles.some((r) => r.role === 'administrator')) f.add('roles', 'accounts.roles', 'validation.cannotDropOwnAdmin');
  f.assertValid();
  const beforeKeys = before.map(roleKey).sort();
  const afterKeys = roles.map(roleKey).sort();
  if (beforeKeys.join('|') === afterKeys.join('|')) return;
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.replaceRoles(trx, userId, roles, now);
    await repo.deleteSessionsOf(trx, userId);
    await recordAudit(trx, { ...actor, action: 'user.role_change', subjectType: 'user', subjectId: userId, changes: { roles: { before: beforeKeys, after: afterKeys } } }, ctx.clock);
  });
}

export async function setActive(ctx: ModuleContext, userId: string, active: boolean, actor: Actor): Promise<void> {
  const { user } = await userDetail(ctx, userId);
  if (userId === actor.actorId && !active) throw new AppError('accounts.cannot_deactivate_self');
  if (user.is_active === active) return;
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, userId, { is_active: active }, now);
    if (!active) await repo.deleteSessionsOf(trx, userId);
    await recordAudit(trx, { ...actor, action: active ? 'user.activate' : 'user.deactivate', subjectType: 'user', subjectId: userId, changes: diffFields({ is_active: user.is_active }, { is_active: active }, ['is_active']) }, ctx.clock);
  });
}

/** Replaces name and e-mail, removes password, roles, 2FA and sessions; audit rows keep the id. */
export async function anonymiseUser(ctx: ModuleContext, userId: string, actor: Actor): Promise<void> {
  const { user } = await userDetail(ctx, userId);
  if (userId === actor.actorId) throw new AppError('accounts.cannot_deactivate_self');
  if (user.anonymised_at) return;
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(
      trx,
      userId,
      { email: `usuniety-${userId}@invalid`, email_norm: `usuniety-${userId}@invalid`, display_name: `#${userId.slice(-8)}`, password_hash: null, is_active: false, totp_secret: null, is_totp_enabled: false, anonymised_at: now },
      now,
    );
    await repo.replaceRoles(trx, userId, [], now);
    await repo.replaceRecoveryCodes(trx, userId, []);
    await repo.deleteSessionsOf(trx, userId);
    await repo.deleteTokensOf(trx, userId);
    await repo.deleteLoginAttemptsOf(trx, user.email_norm);
    await scrubAuditPersonalData(trx, userId);
    await recordAudit(trx, { ...actor, action: 'user.anonymise', subjectType: 'user', subjectId: userId }, ctx.clock);
  });
}

// --- own data -----------------------------------------------------------------------------------

/** Everything stored about the user, for download (RODO art. 15/20). Secrets are left out. */
export async function exportOwnData(ctx: ModuleContext, userId: string, actor: Actor, auditRows: unknown[]): Promise<Record<string, unknown>> {
  const { user, roles } = await userDetail(ctx, userId);
  const sessions = await repo.sessionsOf(ctx.db, userId, nowIso(ctx.clock));
  await recordAudit(ctx.db, { ...actor, action: 'user.export', subjectType: 'user', subjectId: userId }, ctx.clock);
  return {
    exported_at: nowIso(ctx.clock),
    user: {
      id: user.id,
      email: user.email,
      display_name: user.display_name,
      language: user.lang,
      is_active: user.is_active,
      two_factor_enabled: user.is_totp_enabled,
      last_login_at: user.last_login_at,
      deletion_requested_at: user.deletion_requested_at,
      created_at: user.created_at,
      updated_at: user.updated_at,
    },
    roles: roles.map((r) => ({ role: r.role, scope_type: r.scope_type, scope_id: r.scope_id })),
    sessions: sessions.map((s) => {
      const d = JSON.parse(s.data) as { loginAt?: string; lastSeenAt?: string; userAgent?: string; ip?: string };
      return { login_at: d.loginAt ?? null, last_seen_at: d.lastSeenAt ?? null, user_agent: d.userAgent ?? null, ip: d.ip ?? null, expires_at: s.expires_at };
    }),
    login_attempts: await repo.loginAttemptsOf(ctx.db, user.email_norm),
    audit_log: auditRows,
  };
}

export async function requestDeletion(ctx: ModuleContext, userId: string, actor: Actor): Promise<void> {
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, userId, { deletion_requested_at: now }, now);
    await recordAudit(trx, { ...actor, action: 'user.deletion_requested', subjectType: 'user', subjectId: userId }, ctx.clock);
  });
}

// --- sessions -----------------------------------------------------------------------------------

/** A session's public handle: never the id itself, which is the bearer secret. */
export function sessionHandle(sessionId: string): string {
  return sha256(`session:${sessionId}`).slice(0, 20);
}

export async function listOwnSessions(ctx: ModuleContext, userId: string, currentId: string) {
  const rows = await repo.sessionsOf(ctx.db, userId, nowIso(ctx.clock));
  return rows
    .map((r) => {
      const d = JSON.parse(r.data) as { loginAt?: string; lastSeenAt?: string; userAgent?: string; ip?: string };
      return { handle: sessionHandle(r.id), current: r.id === currentId, loginAt: d.loginAt ?? null, lastSeenAt: d.lastSeenAt ?? r.updated_at, userAgent: d.userAgent ?? '', ip: d.ip ?? '' };
    })
    .sort((a, b) => ((b.lastSeenAt ?? '') < (a.lastSeenAt ?? '') ? -1 : 1));
}

export async function endOwnSession(ctx: ModuleContext, userId: string, handle: string, actor: Actor): Promise<boolean> {
  const rows = await repo.sessionsOf(ctx.db, userId, nowIso(ctx.clock));
  const target = rows.find((r) => sessionHandle(r.id) === handle);
  if (!target) throw new AppError('http.not_found');
  await repo.deleteSession(ctx.db, target.id);
  await recordAudit(ctx.db, { ...actor, action: 'user.session_end', subjectType: 'user', subjectId: userId }, ctx.clock);
  return true;
}

export async function endOtherSessions(ctx: ModuleContext, userId: string, currentId: string, actor: Actor): Promise<number> {
  const n = await repo.deleteSessionsOf(ctx.db, userId, currentId);
  await recordAudit(ctx.db, { ...actor, action: 'user.session_end_others', subjectType: 'user', subjectId: userId, meta: { count: n } }, ctx.clock);
  return n;
}

export async function purgeOldLoginAttempts(ctx: ModuleContext): Promise<void> {
  await repo.purgeLoginAttemptsBefore(ctx.db, new Date(ctx.clock.now().getTime() - 24 * 3600_000).toISOString());
}
