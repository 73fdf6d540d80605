// Who may do what with bodies: coordinators and administrators keep the bodies, terms, seats and
// memberships; a member's space opens only to the holder of the member role scoped to that body.
import { hasRole, hasScopedRole, policy, type AccessRule } from '../../core/auth/access.js';
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
