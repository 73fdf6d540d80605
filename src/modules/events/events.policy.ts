// Who may do what with events: coordinators and administrators publish events and see their
// registrations (the organisers of the ROPS's own events).
import { hasRole, policy } from '../../core/auth/access.js';
import type { CurrentUser } from '../../core/http/types.js';

export const canManageEvents = (user: CurrentUser) => hasRole(user, 'coordinator') || hasRole(user, 'administrator');

export const manageEvents = policy('events.manage', canManageEvents);
