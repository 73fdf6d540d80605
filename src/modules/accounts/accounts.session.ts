// The bridge between the core's session handling and the accounts rules: which user a session
// belongs to (active, within staff timeouts), and what a session records at login.
import type { FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../core/http/types.js';
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext } from '../../core/module.js';
import { checkSession } from './auth.service.js';

declare module 'fastify' {
  /** What the login flow keeps in a session besides the core's `userId`. */
  interface Session {
    /** ISO time of login and of the last request (idle and absolute timeouts). */
    loginAt?: string;
    lastSeenAt?: string;
    /** Password accepted, second factor still required. */
    pendingUserId?: string;
    pendingAt?: string;
    userAgent?: string;
    ip?: string;
  }
}

export async function resolveSessionUser(ctx: ModuleContext, request: FastifyRequest): Promise<CurrentUser | null> {
  const s = request.session;
  const verdict = await checkSession(ctx, { userId: s.userId, loginAt: s.loginAt, lastSeenAt: s.lastSeenAt });
  if (verdict.kind === 'none') return null;
  if (verdict.kind === 'expired') {
    // the row is rewritten without a user, so the old cookie no longer means anyone
    s.userId = undefined;
    s.loginAt = undefined;
    s.lastSeenAt = undefined;
    return null;
  }
  if (verdict.touch) s.lastSeenAt = nowIso(ctx.clock);
  return verdict.user;
}

/** A fresh session id for the logged-in user (prevents session fixation). */
export async function startUserSession(ctx: ModuleContext, request: FastifyRequest, userId: string): Promise<void> {
  await request.session.regenerate();
  const now = nowIso(ctx.clock);
  request.session.userId = userId;
  request.session.loginAt = now;
  request.session.lastSeenAt = now;
  request.session.userAgent = (request.headers['user-agent'] ?? '').slice(0, 200);
  request.session.ip = request.ip;
}
