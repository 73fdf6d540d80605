// Who may read the audit log: administrators only. The log names people, IP addresses and what
// they changed, so even coordinators and editors do not see it.
import { hasRole, policy } from '../../core/auth/access.js';

export const viewAuditLog = policy('audit.view_log', (user) => hasRole(user, 'administrator'));
