// Public face of the registry module: the catalogue of social economy entities. It places its
// entities on the territory module's map and profiles and in the portal's site search through
// their registries, and exports the few things other modules may ask about entities.
import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../core/module.js';
import { registryMigrations } from './migrations/index.js';
import { registerRegistrySearch, registerRegistryTerritory } from './registry.extensions.js';
import { registryRoutes } from './registry.routes.js';
import { seedRegistryDemo } from './registry.service.js';
import './registry.tables.js';

export { isValidKrs, isValidNip, isValidRegon, normaliseIdentifier } from './identifiers.js';
export { manageRegistry } from './registry.policy.js';
export { entityPath } from './registry.service.js';
export { registerRegistryTerritory } from './registry.extensions.js';

async function routes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  registerRegistrySearch();
  registerRegistryTerritory();
  await registryRoutes(app, ctx);
}

export const registryModule: AppModule = {
  name: 'registry',
  migrations: registryMigrations,
  nav: [{ label: 'registry.nav', path: '/podmioty', order: 20 }],
  admin: [{ label: 'registry.admin.title', path: '/admin/podmioty', order: 40, roles: ['coordinator', 'administrator'] }],
  routes,
  seedDemo: seedRegistryDemo,
};
