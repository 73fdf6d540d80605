// Who sees a buyer's purchase data: a representative whose role is scoped to that very buyer
// institution (`buyer_representative`, scope `buyer`, the `:buyer` of the address) and the
// programme's staff (coordinators, administrators); staff alone manage the institutions and their
// representatives. The public sees only the aggregates per powiat and year.
import { hasScopedRole, policy } from '../../../core/auth/access.js';
import type { CurrentUser } from '../../../core/http/types.js';
import { isOffersStaff } from '../offers.policy.js';

export const BUYER_ROLE = 'buyer_representative';
export const BUYER_SCOPE = 'buyer';

/** True when the user represents this very buyer. */
export function representsBuyer(user: CurrentUser, buyerId: string): boolean {
  return buyerId !== '' && hasScopedRole(user, BUYER_ROLE, BUYER_SCOPE, buyerId);
}

/** Ids of the buyers the user represents. */
export function representedBuyerIds(user: CurrentUser): string[] {
  return user.roles.filter((r) => r.role === BUYER_ROLE && r.scopeType === BUYER_SCOPE && r.scopeId).map((r) => r.scopeId!);
}

/** `/oferta/zakupy/:buyer/…`: that buyer's representatives and staff. */
export const viewBuyerPurchases = policy('purchases.buyer', (user, request) => {
  const params: unknown = request.params;
  const id = typeof params === 'object' && params !== null && 'buyer' in params ? params.buyer : undefined;
  return typeof id === 'string' && (isOffersStaff(user) || representsBuyer(user, id));
});

export const managePurchaseBuyers = policy('purchases.manage', isOffersStaff);
