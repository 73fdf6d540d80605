// Who may manage an entity's profile: only a representative whose role is scoped to that very
// entity (the `:id` of the address). Staff work on the record through the admin screens instead.
import { hasScopedRole, policy } from '../../../core/auth/access.js';

export const representEntity = policy('registry.represent', (user, request) => {
  const id = (request.params as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && id !== '' && hasScopedRole(user, 'entity_representative', 'entity', id);
});
