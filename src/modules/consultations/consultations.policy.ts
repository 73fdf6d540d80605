// Who may do what with consultations: coordinators (and administrators) run them and answer the
// comments; moderators (and those who run consultations) may hide an abusive comment.
import { hasRole, policy } from '../../core/auth/access.js';
import type { CurrentUser } from '../../core/http/types.js';

export const canManage = (user: CurrentUser) => hasRole(user, 'coordinator') || hasRole(user, 'administrator');
export const canModerate = (user: CurrentUser) => canManage(user) || hasRole(user, 'moderator');

export const manageConsultations = policy('consultations.manage', canManage);
export const moderateConsultations = policy('consultations.moderate', canModerate);
