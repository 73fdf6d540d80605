// Every route declares who may call it when it is registered. The declaration is enforced here,
// before the handler runs, and a route without one refuses to register, so nothing is public by
// accident.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { localize } from '../http/language.js';
import { shellLoginPath } from '../http/render.js';
import type { CurrentUser } from '../http/types.js';

export type Policy = (user: CurrentUser, request: FastifyRequest) => boolean | Promise<boolean>;

export type AccessRule = 'public' | 'authenticated' | { policy: Policy; name: string };

export function policy(name: string, check: Policy): AccessRule {
  return { name, policy: check };
}

/** True when the user holds the role (any scope). */
export function hasRole(user: CurrentUser, role: string): boolean {
  return user.roles.some((r) => r.role === role);
}

/** True when the user holds the role for this exact scope. */
export function hasScopedRole(user: CurrentUser, role: string, scopeType: string, scopeId: string): boolean {
  return user.roles.some((r) => r.role === role && r.scopeType === scopeType && r.scopeId === scopeId);
}

export function accessName(rule: AccessRule): string {
  return typeof rule === 'string' ? rule : `policy:${rule.name}`;
}

/** Registers the check: routes without `config.access` fail at start-up; others are enforced. */
export function registerAccessControl(app: FastifyInstance, exempt: (url: string) => boolean): void {
  app.addHook('onRoute', (route) => {
    const rule = (route.config as { access?: AccessRule } | undefined)?.access;
    if (rule === undefined) {
      if (exempt(route.url)) return;
      throw new Error(`route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    }
    const allowPending = (route.config as { allowPending?: boolean } | undefined)?.allowPending === true;
    const check = async (request: FastifyRequest, reply: FastifyReply) => {
      if (rule === 'public') return;
      if (!request.user) {
        const loginPath = shellLoginPath(request);
        if (loginPath && (request.method === 'GET' || request.method === 'HEAD') && !request.plainPath.startsWith('/api/')) {
          const next = encodeURIComponent(request.url.replace(/^\/en(?=\/|$)/, '') || '/');
          return reply.redirect(`${localize(loginPath, request.lang)}?next=${next}`, 302);
        }
        throw new AppError('http.unauthenticated');
      }
      if (request.user.pendingStep && !allowPending) {
        return reply.redirect(localize(request.user.pendingStep, request.lang), 303);
      }
      if (rule === 'authenticated') return;
      if (!(await rule.policy(request.user, request))) throw new AppError('http.forbidden');
    };
    // preValidation: the caller's right is checked before the input is, so a stranger learns
    // nothing from validation messages; the body is parsed by then, which CSRF needs next.
    const existing = route.preValidation;
    route.preValidation = [check, ...(existing ? (Array.isArray(existing) ? existing : [existing]) : [])];
  });
}
