// Who may manage the registry of entities: coordinators of the regional programme and administrators.
import { hasRole, policy } from '../../core/auth/access.js';

export const manageRegistry = policy('registry.manage', (user) => hasRole(user, 'coordinator') || hasRole(user, 'administrator'));
