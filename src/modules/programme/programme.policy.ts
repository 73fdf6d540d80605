// Who may change the programme. Coordinators of the regional programme and administrators own it:
// its data, life cycle, "current" flag and objective tree. Editors, who keep the portal's texts,
// may also prepare versions of the programme's text (write, import, reorder sections) — the text
// is theirs to type, but the decisions it records (status, adoption, structure) are not.
import { hasRole, policy } from '../../core/auth/access.js';
import type { CurrentUser } from '../../core/http/types.js';

export const canManageProgramme = (user: CurrentUser): boolean => hasRole(user, 'coordinator') || hasRole(user, 'administrator');
export const canEditProgrammeText = (user: CurrentUser): boolean => canManageProgramme(user) || hasRole(user, 'editor');

/** Programme data, life cycle, current flag and objective tree. */
export const manageProgramme = policy('programme.manage', canManageProgramme);
/** Versions of the programme's text (and the admin list of programmes that leads to them). */
export const editProgrammeText = policy('programme.edit_text', canEditProgrammeText);

/** Roles shown the administration entry. */
export const PROGRAMME_ADMIN_ROLES = ['coordinator', 'administrator', 'editor'] as const;
