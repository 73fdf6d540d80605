// Who may manage "Zakup Prospołeczny" licences (record a grant, renew, suspend, withdraw): the
// programme's staff (coordinators, administrators). Everything else of the module is public.
import { hasRole, policy } from '../../core/auth/access.js';
import type { CurrentUser } from '../../core/http/types.js';

export const isLicencesStaff = (user: CurrentUser) => hasRole(user, 'coordinator') || hasRole(user, 'administrator');

export const manageLicences = policy('licences.manage', isLicencesStaff);
