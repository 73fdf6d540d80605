// Who may change the institution's data, office hours and closed days: editors and administrators.
import { hasRole, policy } from '../../core/auth/access.js';

export const manageInstitution = policy('site.manage_institution', (user) => hasRole(user, 'editor') || hasRole(user, 'administrator'));
