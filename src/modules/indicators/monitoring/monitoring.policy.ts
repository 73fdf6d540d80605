// Who may take part in monitoring. Reporting partners report (the pages then narrow everything to
// their scope, see monitoring.scope.ts); coordinators and administrators run the rounds and decide
// on values (manageProgramme). The API accepts a personal token of a partner or a coordinator.
import { hasRole, policy } from '../../../core/auth/access.js';
import type { CurrentUser } from '../../../core/http/types.js';
import { canManageProgramme } from '../../programme/index.js';

export const isReportingPartner = (user: CurrentUser): boolean => hasRole(user, 'reporting_partner');

/** The partner's pages: the list of open rounds and a round's form (scope checked per round). */
export const reportValues = policy('monitoring.report', isReportingPartner);

/** Submission through the API with a personal token. */
export const submitByApi = policy('monitoring.api_submit', (user) => isReportingPartner(user) || canManageProgramme(user));
