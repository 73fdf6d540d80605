// Who may enter local governments' cooperation records: coordinators and administrators. Who may
// answer a unit's survey questions: a reporting partner whose role is scoped to that very unit
// (`localgov:<teryt>`, the `:teryt` of the address) — a partner of another gmina or powiat is refused.
// The check runs before the route's schema, so the address's `:teryt` is read without assuming its type.
import { hasRole, hasScopedRole, policy } from '../../core/auth/access.js';
import type { CurrentUser } from '../../core/http/types.js';

export const canManageLocalgov = (user: CurrentUser) => hasRole(user, 'coordinator') || hasRole(user, 'administrator');
export const manageLocalgov = policy('localgov.manage', canManageLocalgov);

/** The scope id of a local government's survey partner. */
export const unitScope = (teryt: string) => `localgov:${teryt}`;

/** True when the user answers the survey for this very gmina or powiat. */
export function answersForUnit(user: CurrentUser, teryt: string): boolean {
  return /^\d{4}(\d{3})?$/u.test(teryt) && hasScopedRole(user, 'reporting_partner', 'indicator_or_territory', unitScope(teryt));
}

/** The units the user answers the survey for. */
export function unitsAnsweredBy(user: CurrentUser): string[] {
  return user.roles.flatMap((r) =>
    r.role === 'reporting_partner' && r.scopeType === 'indicator_or_territory' && r.scopeId?.startsWith('localgov:')
      ? [r.scopeId.slice('localgov:'.length)]
      : [],
  );
}

export const answerSurvey = policy('localgov.survey_answer', (user, request) => {
  const params: unknown = request.params;
  const teryt = typeof params === 'object' && params !== null && 'teryt' in params ? params.teryt : undefined;
  return typeof teryt === 'string' && answersForUnit(user, teryt);
});
