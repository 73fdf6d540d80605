// Who may do what with "Zakup Prospołeczny" applications: an entity's representative files and sees
// its own entity's applications only (a representative of X is refused Y's); staff (coordinators,
// administrators) keep the rules editions and make the formal check; today's members of the
// certifying board (bodies module) assess, and its chair records the decision. Attachments are read
// by the applicant, staff and the board. The address's `:id` (or `:entityId`) is read before the
// route's schema runs, so it is checked as unknown input. An application that does not exist has
// nothing to protect: the policy lets the request through and the handler answers 404 after the
// CSRF check of a form, as every other route does (ids are random, so this reveals nothing).
import { hasRole, policy, type AccessRule } from '../../../core/auth/access.js';
import type { FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { representsEntity } from '../../registry/index.js';
import { isLicencesStaff } from '../licences.policy.js';
import { applicationExists, isBoardChair, isBoardMember, representsApplicant } from './applications.service.js';

function param(request: FastifyRequest, name: string): string {
  const params: unknown = request.params;
  const v = typeof params === 'object' && params !== null && name in params ? (params as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : '';
}

export interface ApplicationPolicies {
  representative: AccessRule;
  entity: AccessRule;
  applicant: AccessRule;
  attachment: AccessRule;
  board: AccessRule;
  boardApplication: AccessRule;
  chair: AccessRule;
}

export function applicationPolicies(ctx: ModuleContext): ApplicationPolicies {
  return {
    representative: policy('licences.representative', (user) => hasRole(user, 'entity_representative')),
    entity: policy('licences.apply', (user, request) => representsEntity(user, param(request, 'entityId'))),
    applicant: policy(
      'licences.applicant',
      async (user, request) =>
        !(await applicationExists(ctx, param(request, 'id'))) || representsApplicant(ctx, user, param(request, 'id')),
    ),
    attachment: policy(
      'licences.attachment',
      async (user, request) =>
        isLicencesStaff(user) || (await isBoardMember(ctx, user.id)) || (await representsApplicant(ctx, user, param(request, 'id'))),
    ),
    board: policy('licences.board', (user) => isBoardMember(ctx, user.id)),
    boardApplication: policy(
      'licences.board_application',
      async (user, request) => !(await applicationExists(ctx, param(request, 'id'))) || isBoardMember(ctx, user.id),
    ),
    chair: policy(
      'licences.board_chair',
      async (user, request) => !(await applicationExists(ctx, param(request, 'id'))) || isBoardChair(ctx, user.id),
    ),
  };
}
