// Who may do what in the follow-up of evaluations. Coordinators (and administrators) own the
// studies, recommendations, management responses and actions, validate ratings and close or
// abandon recommendations. The owners of actions — staff of the units carrying them out, with an
// editor account — propose progress ratings with evidence; they cannot validate them. The scoped
// `team_member` role gives nothing here: it is a statutory body's membership (bodies module), held by
// people from outside ROPS as well.
import { hasRole, policy } from '../../core/auth/access.js';
import type { CurrentUser } from '../../core/http/types.js';

export const canManageEvaluation = (user: CurrentUser): boolean => hasRole(user, 'coordinator') || hasRole(user, 'administrator');
export const canFollowUp = (user: CurrentUser): boolean => canManageEvaluation(user) || hasRole(user, 'editor');

export const manageEvaluation = policy('evaluation.manage', canManageEvaluation);
export const followUpEvaluation = policy('evaluation.follow_up', canFollowUp);
