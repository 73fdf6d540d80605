// Who may enter local governments' cooperation records: coordinators and administrators.
import { hasRole, policy } from '../../core/auth/access.js';
import type { CurrentUser } from '../../core/http/types.js';

export const canManageLocalgov = (user: CurrentUser) => hasRole(user, 'coordinator') || hasRole(user, 'administrator');
export const manageLocalgov = policy('localgov.manage', canManageLocalgov);
