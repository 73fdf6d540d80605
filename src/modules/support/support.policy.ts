// Who may manage the support centres: coordinators and administrators (the programme's staff).
import { hasRole, policy } from '../../core/auth/access.js';
import type { CurrentUser } from '../../core/http/types.js';

export const canManageSupport = (user: CurrentUser) => hasRole(user, 'coordinator') || hasRole(user, 'administrator');

export const manageSupport = policy('support.manage', canManageSupport);

/** A support centre's people (role `support_centre`, scoped to their centre): their own centre's request counts. */
export const canSeeOwnCentreCounts = (user: CurrentUser) => hasRole(user, 'support_centre');

export const ownCentreCounts = policy('support.own_centre_counts', canSeeOwnCentreCounts);

/** The centres a user's `support_centre` role names. */
export function centresOf(user: CurrentUser): string[] {
  return user.roles.filter((r) => r.role === 'support_centre' && r.scopeType === 'support_centre' && r.scopeId).map((r) => r.scopeId!);
}
