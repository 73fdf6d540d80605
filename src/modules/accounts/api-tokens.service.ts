// Personal API tokens: created by the user in their account (named, shown once), stored as a
// SHA-256 hash, revocable, with the date of last use. A token stands for its user with the roles
// the user holds at the time of the call, so taking a role away also takes it from the token.
// Only reporting partners, coordinators and administrators may hold tokens: the API they open is
// the submission of indicator values.
import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { CurrentUser } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { FormChecker } from '../../core/validation.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { rolesOf } from './accounts.repo.js';
import * as repo from './api-tokens.repo.js';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

export const TOKEN_PREFIX = 'spj_';
export const MAX_ACTIVE_TOKENS = 10;
const MAX_NAME = 80;
/** Last use is written at most this often, so a busy integration does not write on every call. */
const TOUCH_EVERY_MS = 60_000;

export const API_TOKEN_ROLES = ['reporting_partner', 'coordinator', 'administrator'] as const;

export function mayHoldApiTokens(roles: CurrentUser['roles']): boolean {
  return roles.some((r) => (API_TOKEN_ROLES as readonly string[]).includes(r.role));
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function checkTokenForm(body: Record<string, unknown>): { name: string } {
  const f = new FormChecker(body);
  const name = f.required('name', 'monitoring.tokens.name', { max: MAX_NAME });
  f.assertValid();
  return { name };
}

/** Creates a token and returns it — the only moment the secret exists outside the caller's hands. */
export async function createApiToken(
  ctx: ModuleContext,
  userId: string,
  input: { name: string },
  actor: Actor,
): Promise<{ id: string; token: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.countActiveTokens(trx, userId)) >= MAX_ACTIVE_TOKENS) {
      const f = new FormChecker({});
      f.add('name', 'monitoring.tokens.name', 'monitoring.tokens.tooMany', { count: MAX_ACTIVE_TOKENS });
      f.assertValid();
    }
    await repo.insertToken(trx, {
      id,
      user_id: userId,
      name: input.name,
      token_hash: hashToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      created_at: nowIso(ctx.clock),
      last_used_at: null,
      revoked_at: null,
    });
    await recordAudit(
      trx,
      { ...actor, action: 'api_token.create', subjectType: 'api_token', subjectId: id, meta: { name: input.name } },
      ctx.clock,
    );
  });
  return { id, token };
}

export async function listApiTokens(ctx: ModuleContext, userId: string): Promise<repo.ApiTokenRow[]> {
  return repo.listTokens(ctx.db, userId);
}

export async function revokeApiToken(ctx: ModuleContext, userId: string, id: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.revokeToken(trx, userId, id, nowIso(ctx.clock))) !== 1) throw new AppError('http.not_found');
    await recordAudit(trx, { ...actor, action: 'api_token.revoke', subjectType: 'api_token', subjectId: id }, ctx.clock);
  });
}

/**
 * The user a bearer token stands for, or null (unknown, revoked, owner deactivated, or the owner no
 * longer holds a role that may use tokens). Records the last use.
 */
export async function authenticateApiToken(ctx: ModuleContext, token: string): Promise<CurrentUser | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await repo.findLiveToken(ctx.db, hashToken(token));
  if (!row) return null;
  const roles = (await rolesOf(ctx.db, row.user_id)).map((r) => ({ role: r.role, scopeType: r.scope_type, scopeId: r.scope_id }));
  if (!mayHoldApiTokens(roles)) return null;
  const now = ctx.clock.now();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= TOUCH_EVERY_MS)
    await repo.touchToken(ctx.db, row.id, now.toISOString());
  return { id: row.user_id, email: row.email, displayName: row.display_name, roles, pendingStep: null };
}
