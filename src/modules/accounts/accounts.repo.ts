// Queries of the accounts module.
import type { Kysely, Transaction } from 'kysely';
import { countAll, type Db } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';
import { newId } from '../../core/db/ids.js';
import { polishSortKey } from '../../core/db/collation.js';
import type { UserTokensTable } from './accounts.tables.js';

export type Q = Db | Transaction<Database> | Kysely<Database>;

export async function countUsers(db: Q): Promise<number> {
  const row = await db.selectFrom('users').select(countAll().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export async function findUserByEmail(db: Q, emailNorm: string) {
  return db.selectFrom('users').selectAll().where('email_norm', '=', emailNorm).executeTakeFirst();
}

export async function findUserById(db: Q, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rolesOf(db: Q, userId: string) {
  return db
    .selectFrom('user_roles')
    .select(['id', 'role', 'scope_type', 'scope_id'])
    .where('user_id', '=', userId)
    .orderBy('role')
    .orderBy('scope_id')
    .execute();
}

export async function findActiveUserWithRoles(db: Q, id: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'is_totp_enabled'])
    .where('id', '=', id)
    .where('is_active', '=', true)
    .executeTakeFirst();
  if (!user) return null;
  return { ...user, roles: await rolesOf(db, id) };
}

export interface RoleGrant {
  role: string;
  scopeType?: string | null;
  scopeId?: string | null;
}

export interface NewUser {
  email: string;
  emailNorm: string;
  displayName: string;
  passwordHash: string | null;
  roles: RoleGrant[];
  now: string;
  isActive?: boolean;
  lang?: string;
}

export async function insertUser(db: Q, u: NewUser): Promise<string> {
  const id = newId();
  await db
    .insertInto('users')
    .values({
      id,
      email: u.email,
      email_norm: u.emailNorm,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      is_active: u.isActive ?? true,
      is_totp_enabled: false,
      lang: u.lang ?? 'pl',
      created_at: u.now,
      updated_at: u.now,
    })
    .execute();
  await replaceRoles(db, id, u.roles, u.now);
  return id;
}

export async function replaceRoles(db: Q, userId: string, roles: RoleGrant[], now: string): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  for (const r of roles) {
    await db
      .insertInto('user_roles')
      .values({ id: newId(), user_id: userId, role: r.role, scope_type: r.scopeType ?? null, scope_id: r.scopeId ?? null, created_at: now })
      .execute();
  }
}

export async function updateUser(
  db: Q,
  id: string,
  values: Partial<{
    email: string;
    email_norm: string;
    display_name: string;
    password_hash: string | null;
    is_active: boolean;
    totp_secret: string | null;
    is_totp_enabled: boolean;
    totp_last_counter: number | null;
    last_login_at: string;
    deletion_requested_at: string | null;
    anonymised_at: string;
    lang: string;
  }>,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Accepts a TOTP step only when it is newer than the last one accepted (atomic, no replay). */
export async function advanceTotpCounter(db: Q, id: string, counter: number): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ totp_last_counter: counter })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_counter', 'is', null), eb('totp_last_counter', '<', counter)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Re-stores a TOTP secret only if it is still the value that was read (a concurrent change wins). */
export async function replaceTotpSecret(db: Q, id: string, from: string, to: string | null): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ totp_secret: to })
    .where('id', '=', id)
    .where('totp_secret', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** TOTP secrets not yet in the sealed `v1:` form (written before they were encrypted). */
export async function listUnsealedTotpSecrets(db: Q) {
  return db
    .selectFrom('users')
    .select(['id', 'totp_secret'])
    .where('totp_secret', 'is not', null)
    .where('totp_secret', 'not like', 'v1:%')
    .orderBy('id')
    .execute();
}

export async function listUsers(db: Q) {
  const users = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'is_active', 'is_totp_enabled', 'last_login_at', 'anonymised_at', 'deletion_requested_at'])
    .execute();
  const roles = await db.selectFrom('user_roles').select(['user_id', 'role', 'scope_type', 'scope_id']).execute();
  const byUser = new Map<string, typeof roles>();
  for (const r of roles) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  return users
    .map((u) => ({ ...u, roles: byUser.get(u.id) ?? [] }))
    .sort((a, b) => (polishSortKey(a.display_name) < polishSortKey(b.display_name) ? -1 : 1));
}

// --- one-time tokens ---------------------------------------------------------------------------

export async function insertToken(
  db: Q,
  t: { userId: string; purpose: UserTokensTable['purpose']; tokenHash: string; expiresAt: string; now: string },
): Promise<void> {
  await db
    .insertInto('user_tokens')
    .values({
      id: newId(),
      user_id: t.userId,
      purpose: t.purpose,
      token_hash: t.tokenHash,
      expires_at: t.expiresAt,
      used_at: null,
      created_at: t.now,
    })
    .execute();
}

export async function findToken(db: Q, tokenHash: string, purpose: UserTokensTable['purpose']) {
  return db.selectFrom('user_tokens').selectAll().where('token_hash', '=', tokenHash).where('purpose', '=', purpose).executeTakeFirst();
}

/** Marks a token used; false when it was already used (two submissions racing). */
export async function consumeToken(db: Q, id: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function invalidateTokens(db: Q, userId: string, purpose: UserTokensTable['purpose'], now: string): Promise<void> {
  await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

// --- recovery codes ----------------------------------------------------------------------------

export async function replaceRecoveryCodes(db: Q, userId: string, hashes: string[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  for (const h of hashes)
    await db.insertInto('recovery_codes').values({ id: newId(), user_id: userId, code_hash: h, used_at: null }).execute();
}

export async function useRecoveryCode(db: Q, userId: string, hash: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Q, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select(countAll().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

// --- login attempts ----------------------------------------------------------------------------

export async function recordLoginAttempt(db: Q, a: { emailNorm: string; ip: string; success: boolean; at: string }): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({ id: newId(), at: a.at, email_norm: a.emailNorm, ip: a.ip, is_success: a.success })
    .execute();
}

export async function countFailuresSince(db: Q, since: string, by: { emailNorm?: string; ip?: string }): Promise<number> {
  let q = db.selectFrom('login_attempts').select(countAll().as('n')).where('at', '>', since).where('is_success', '=', false);
  if (by.emailNorm !== undefined) q = q.where('email_norm', '=', by.emailNorm);
  if (by.ip !== undefined) q = q.where('ip', '=', by.ip);
  return (await q.executeTakeFirstOrThrow()).n;
}

/**
 * Failed attempts of one address at one account after `since` and after the pair's last success
 * (a successful login starts the count again), with the newest one's time.
 */
export async function pairFailures(db: Q, emailNorm: string, ip: string, since: string): Promise<{ count: number; lastAt: string | null }> {
  const success = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('email_norm', '=', emailNorm)
    .where('ip', '=', ip)
    .where('is_success', '=', true)
    .where('at', '>', since)
    .executeTakeFirst();
  const from = success?.at && success.at > since ? success.at : since;
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [countAll().as('n'), eb.fn.max('at').as('last')])
    .where('email_norm', '=', emailNorm)
    .where('ip', '=', ip)
    .where('is_success', '=', false)
    .where('at', '>', from)
    .executeTakeFirstOrThrow();
  return { count: row.n, lastAt: row.last ?? null };
}

/** Records that the owner was told about failed logins, unless they were after `notBefore`; true when recorded. */
export async function markFailureNotice(db: Q, userId: string, now: string, notBefore: string): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ failed_login_notice_at: now })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('failed_login_notice_at', 'is', null), eb('failed_login_notice_at', '<=', notBefore)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function purgeLoginAttemptsBefore(db: Q, before: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}

// --- sessions (the core stores them; the account owner lists and ends them) ----------------------

export async function sessionsOf(db: Q, userId: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'data', 'expires_at', 'updated_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', nowIso)
    .execute();
}

export async function deleteSessionsOf(db: Q, userId: string, exceptId?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function deleteSession(db: Q, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function loginAttemptsOf(db: Q, emailNorm: string) {
  return db
    .selectFrom('login_attempts')
    .select(['at', 'ip', 'is_success'])
    .where('email_norm', '=', emailNorm)
    .orderBy('at', 'desc')
    .limit(500)
    .execute();
}

/** Anonymisation: the e-mail's login attempts and the user's one-time tokens go with the person. */
export async function deleteLoginAttemptsOf(db: Q, emailNorm: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('email_norm', '=', emailNorm).execute();
}

export async function deleteTokensOf(db: Q, userId: string): Promise<void> {
  await db.deleteFrom('user_tokens').where('user_id', '=', userId).execute();
}

/** Whether the user holds this role with exactly this scope. */
export async function holdsRole(db: Q, userId: string, r: RoleGrant): Promise<boolean> {
  let q = db.selectFrom('user_roles').select('id').where('user_id', '=', userId).where('role', '=', r.role);
  q = r.scopeType ? q.where('scope_type', '=', r.scopeType) : q.where('scope_type', 'is', null);
  q = r.scopeId ? q.where('scope_id', '=', r.scopeId) : q.where('scope_id', 'is', null);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Adds one role unless the user already holds it with the same scope; true when added. */
export async function addRoleIfMissing(db: Q, userId: string, r: RoleGrant, now: string): Promise<boolean> {
  if (await holdsRole(db, userId, r)) return false;
  await db
    .insertInto('user_roles')
    .values({ id: newId(), user_id: userId, role: r.role, scope_type: r.scopeType ?? null, scope_id: r.scopeId ?? null, created_at: now })
    .execute();
  return true;
}

/** Every grant of a role naming this scope, oldest first. */
export async function grantsOfScope(db: Q, role: string, scopeType: string, scopeId: string) {
  return db
    .selectFrom('user_roles')
    .select(['id', 'user_id'])
    .where('role', '=', role)
    .where('scope_type', '=', scopeType)
    .where('scope_id', '=', scopeId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function setRoleScope(db: Q, id: string, scopeId: string): Promise<void> {
  await db.updateTable('user_roles').set({ scope_id: scopeId }).where('id', '=', id).execute();
}

export async function deleteRole(db: Q, id: string): Promise<void> {
  await db.deleteFrom('user_roles').where('id', '=', id).execute();
}
