// Who may manage an entity's profile: only a representative whose role is scoped to that very
// entity (the `:id` of the address). Staff work on the record through the admin screens instead.
// The check runs before the route's schema, so the address's `:id` is read without assuming its type.
// `representsEntity` is the one rule of who represents an entity; other modules (offers) ask it
// through the registry's index.ts.
import { hasScopedRole, policy } from '../../../core/auth/access.js';
import type { CurrentUser } from '../../../core/http/types.js';

/** True when the user holds the representative role scoped to this very entity. */
export function representsEntity(user: CurrentUser, entityId: string): boolean {
  return entityId !== '' && hasScopedRole(user, 'entity_representative', 'entity', entityId);
}

export const representEntity = policy('registry.represent', (user, request) => {
  const params: unknown = request.params;
  const id = typeof params === 'object' && params !== null && 'id' in params ? params.id : undefined;
  return typeof id === 'string' && representsEntity(user, id);
});
