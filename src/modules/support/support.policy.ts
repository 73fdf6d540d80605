// Who may manage the support centres: coordinators and administrators (the programme's staff).
import { hasRole, policy } from '../../core/auth/access.js';
import type { CurrentUser } from '../../core/http/types.js';

export const canManageSupport = (user: CurrentUser) => hasRole(user, 'coordinator') || hasRole(user, 'administrator');

export const manageSupport = policy('support.manage', canManageSupport);
