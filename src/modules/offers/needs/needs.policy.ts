// Who may do what with a buyer's need: any logged-in user posts one (acting for an institution;
// staff too), its buyer — the user who created it — and staff manage it, staff alone moderate.
// Routes about one need look it up first, so another user's need answers 403. An entity's
// representatives answer for it from the need's page.
import { policy, type AccessRule } from '../../../core/auth/access.js';
import type { ModuleContext } from '../../../core/module.js';
import { representsEntity } from '../../registry/index.js';
import { isOffersStaff } from '../offers.policy.js';
import * as repo from './needs.repo.js';

const paramOf = (params: unknown, name: string): string | undefined => {
  const v = typeof params === 'object' && params !== null && name in params ? (params as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : undefined;
};

/** `/oferta/potrzeby/:id/…` that change a need: its buyer and staff. */
export function manageNeed(ctx: Pick<ModuleContext, 'db'>): AccessRule {
  return policy('needs.manage', async (user, request) => {
    if (isOffersStaff(user)) return true;
    const id = paramOf(request.params, 'id');
    const need = id === undefined ? undefined : await repo.findNeed(ctx.db, id);
    return need !== undefined && need.created_by === user.id;
  });
}

export const moderateNeeds = policy('needs.moderate', isOffersStaff);

/** `/oferta/potrzeby/:id/odpowiedz-podmiot/:entity`: the entity's representatives only (the answer is the entity's). */
export const answerAsEntity = policy('needs.answer_as_entity', (user, request) => {
  const entity = paramOf(request.params, 'entity');
  return entity !== undefined && representsEntity(user, entity);
});
