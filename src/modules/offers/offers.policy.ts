// Who may manage offers: the representatives of the offering entity (the registry's rule,
// `representsEntity`) and the programme's staff (coordinators, administrators). Routes about one
// offer look its entity up first, so a representative of X is refused on Y's offers; staff see
// the enquiry counts (never the texts).
import { hasRole, policy, type AccessRule } from '../../core/auth/access.js';
import type { CurrentUser } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { representsEntity } from '../registry/index.js';
import * as repo from './offers.repo.js';

export const isOffersStaff = (user: CurrentUser) => hasRole(user, 'coordinator') || hasRole(user, 'administrator');

export function mayManageEntityOffers(user: CurrentUser, entityId: string): boolean {
  return isOffersStaff(user) || representsEntity(user, entityId);
}

const paramOf = (params: unknown, name: string): string | undefined => {
  const v = typeof params === 'object' && params !== null && name in params ? (params as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : undefined;
};

/** Routes under `/oferta/podmiot/:entity`: that entity's representatives and staff. */
export const manageEntityOffers = policy('offers.manage_entity', (user, request) => {
  const id = paramOf(request.params, 'entity');
  return id !== undefined && mayManageEntityOffers(user, id);
});

/** Routes under `/oferta/:id/…` that change an offer: its entity's representatives and staff. */
export function manageOffer(ctx: Pick<ModuleContext, 'db'>): AccessRule {
  return policy('offers.manage_offer', async (user, request) => {
    if (isOffersStaff(user)) return true;
    const id = paramOf(request.params, 'id');
    const entityId = id === undefined ? undefined : await repo.offerEntityId(ctx.db, id);
    return entityId !== undefined && representsEntity(user, entityId);
  });
}

export const viewOfferStats = policy('offers.stats', isOffersStaff);
