// Who may administer the territory data (OWES subregions and their periods, gmina statistics):
// coordinators of the regional programme and administrators.
import { hasRole, policy } from '../../core/auth/access.js';

export const manageTerritory = policy('territory.manage', (user) => hasRole(user, 'coordinator') || hasRole(user, 'administrator'));
