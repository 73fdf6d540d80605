// Rules of what account owners do with their own data: download everything stored about them
// (RODO art. 15/20), ask for deletion, and list or end their sessions. Every step is audited.
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { nowIso } from '../../core/db/time.js';
import { recordAudit } from '../audit/index.js';
import { sha256, type Actor } from './accounts.shared.js';
import * as repo from './accounts.repo.js';
import { userDetail } from './users.service.js';

// --- own data -----------------------------------------------------------------------------------

/** Everything stored about the user, for download (RODO art. 15/20). Secrets are left out. */
export async function exportOwnData(
  ctx: ModuleContext,
  userId: string,
  actor: Actor,
  auditRows: unknown[],
): Promise<Record<string, unknown>> {
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
      return {
        login_at: d.loginAt ?? null,
        last_seen_at: d.lastSeenAt ?? null,
        user_agent: d.userAgent ?? null,
        ip: d.ip ?? null,
        expires_at: s.expires_at,
      };
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
      return {
        handle: sessionHandle(r.id),
        current: r.id === currentId,
        loginAt: d.loginAt ?? null,
        lastSeenAt: d.lastSeenAt ?? r.updated_at,
        userAgent: d.userAgent ?? '',
        ip: d.ip ?? '',
      };
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
  await recordAudit(
    ctx.db,
    { ...actor, action: 'user.session_end_others', subjectType: 'user', subjectId: userId, meta: { count: n } },
    ctx.clock,
  );
  return n;
}
