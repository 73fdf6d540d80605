// Who may manage an entity's profile: only a representative whose role is scoped to that very
// entity (the `:id` of the address). Staff work on the record through the admin screens instead.
// The check runs before the route's schema, so the address's `:id` is read without assuming its type.
import { hasScopedRole, policy } from '../../../core/auth/access.js';

export const representEntity = policy('registry.represent', (user, request) => {
  const params: unknown = request.params;
  const id = typeof params === 'object' && params !== null && 'id' in params ? params.id : undefined;
  return typeof id === 'string' && id !== '' && hasScopedRole(user, 'entity_representative', 'entity', id);
});
