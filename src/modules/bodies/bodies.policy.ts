// Who may do what with bodies: coordinators and administrators keep the bodies, terms, seats and
// memberships; a member's space opens only to the holder of the member role scoped to that body.
import { hasRole, hasScopedRole, policy, type AccessRule } from '../../core/auth/access.js';
import { AppError } from '../../core/errors/app-error.js';
import type { CurrentUser } from '../../core/http/types.js';
import { MEMBER_ROLE } from './bodies.service.js';

export const canManage = (user: CurrentUser) => hasRole(user, 'coordinator') || hasRole(user, 'administrator');
export const manageBodies = policy('bodies.manage', canManage);

export const isMemberOf = (user: CurrentUser, bodyId: string) => hasScopedRole(user, MEMBER_ROLE.role, MEMBER_ROLE.scopeType, bodyId);

/**
 * The member space of the body a route's `:slug` names (the body is looked up by the caller's
 * resolver); an unknown slug passes, for the handler to answer 404.
 */
export function memberSpace(bodyIdOfSlug: (slug: string) => Promise<string | null>): AccessRule {
  return policy('bodies.member_space', async (user, request) => {
    const params: unknown = request.params;
    const slug = params && typeof params === 'object' && 'slug' in params && typeof params.slug === 'string' ? params.slug : '';
    const id = await bodyIdOfSlug(slug);
    // no such body: nothing to protect, and the page answers 404 for everyone signed in (after the
    // CSRF check of a form, like every other route)
    return id === null || isMemberOf(user, id);
  });
}

/**
 * Who reads what a body publishes with its approved minutes (the register of resolutions, the ZIP of
 * a term's minutes): everyone when the body publishes its minutes, else its members and the staff.
 * The routes are public and ask this: to an anonymous visitor a closed register does not exist (404),
 * other signed-in users get 403.
 */
export function assertMinutesReader(user: CurrentUser | null, body: { id: string; is_minutes_public: boolean }): void {
  if (body.is_minutes_public || isInsider(user, body.id)) return;
  throw new AppError(user ? 'http.forbidden' : 'http.not_found');
}

/** The staff and the body's members: they see every approved meeting, not only the public ones. */
export const isInsider = (user: CurrentUser | null, bodyId: string) => user !== null && (canManage(user) || isMemberOf(user, bodyId));
