// Who may administer accounts: administrators only. Own-account pages need only a login.
import { hasRole, policy } from '../../core/auth/access.js';

export const manageUsers = policy('accounts.manage_users', (user) => hasRole(user, 'administrator'));
