// Who may change the institution's data, office hours and closed days: editors and administrators.
// The logo in every page's header is the institution's mark: administrators only.
import type { CurrentUser } from '../../core/http/types.js';
import { hasRole, policy } from '../../core/auth/access.js';

export const manageInstitution = policy('site.manage_institution', (user) => hasRole(user, 'editor') || hasRole(user, 'administrator'));

export function mayManageLogo(user: CurrentUser): boolean {
  return hasRole(user, 'administrator');
}

export const manageLogo = policy('site.manage_logo', mayManageLogo);
