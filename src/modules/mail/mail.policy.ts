// Who may read the outbox: administrators only. Messages hold names, addresses and links meant
// for one person.
import { hasRole, policy } from '../../core/auth/access.js';

export const manageMail = policy('mail.manage_outbox', (user) => hasRole(user, 'administrator'));
