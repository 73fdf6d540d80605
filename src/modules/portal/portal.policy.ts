// Who may manage the portal's content (pages, news, documents, the accessibility statement):
// editors and administrators.
import { hasRole, policy } from '../../core/auth/access.js';

export const manageContent = policy('portal.manage_content', (user) => hasRole(user, 'editor') || hasRole(user, 'administrator'));
