// Public face of the registry module: the catalogue of social economy entities. It places its
// entities on the territory module's map and profiles and in the portal's site search through
// their registries, and exports the few things other modules may ask about entities.
import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext, ScheduledJob } from '../../core/module.js';
import { registryMigrations } from './migrations/index.js';
import { registerRegistrySearch, registerRegistryTerritory } from './registry.extensions.js';
import { recordRoutes } from './record.routes.js';
import { claimsRoutes } from './claims.routes.js';
import { eraseOldClaimDocuments } from './claims.service.js';
import { representativeRoutes } from './representative.routes.js';
import { registryRoutes } from './registry.routes.js';
import { importRoutes } from './import.routes.js';
import { duplicatesRoutes } from './duplicates.routes.js';
import { seedRegistryDemo } from './registry.service.js';
import { registryErrors } from './registry.declarations.js';
import './registry.tables.js';
import './quality.tables.js';
import './record.tables.js';
import './claims.tables.js';

export { isValidKrs, isValidNip, isValidRegon, normaliseIdentifier } from './identifiers.js';
export { manageRegistry } from './registry.policy.js';
export { importEntitiesFile, problemText as importProblemText, type ImportOutcome } from './import.service.js';
export { IMPORT_FIELDS, parseMapOptions, unknownOverrides } from './import.parse.js';
export { entityPath } from './registry.service.js';
export { seedSynthetic, SYNTHETIC_PREFIX } from './registry.synthetic.js';
export { registerRegistryTerritory } from './registry.extensions.js';
export { countEntitiesByGmina, countPsEntitiesByGmina, countValidMarksByGmina, type GminaCount, type EntityCountFilter, METRIC_LEGAL_FORMS, METRIC_LIFECYCLES, registryCoverageStart } from './registry.metrics.js';

/** The claims' documents are deleted 90 days after the decision (claims.service.ts). */
export const registryJobs: ScheduledJob[] = [{ name: 'registry.claim-document-retention', intervalMs: 24 * 3600_000, run: eraseOldClaimDocuments }];

async function routes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  registerRegistrySearch();
  registerRegistryTerritory();
  await registryRoutes(app, ctx);
  await recordRoutes(app, ctx);
  await claimsRoutes(app, ctx);
  await representativeRoutes(app, ctx);
  await importRoutes(app, ctx);
  await duplicatesRoutes(app, ctx);
}

export const registryModule: AppModule = {
  name: 'registry',
  errors: registryErrors,
  migrations: registryMigrations,
  nav: [{ label: 'registry.nav', path: '/podmioty', order: 20 }],
  admin: [
    { label: 'registry.admin.title', path: '/admin/podmioty', order: 40, roles: ['coordinator', 'administrator'] },
    { label: 'claims.admin.title', path: '/admin/podmioty/zgloszenia', order: 41, roles: ['coordinator', 'administrator'] },
    { label: 'claims.admin.proposalsTitle', path: '/admin/podmioty/propozycje', order: 42, roles: ['coordinator', 'administrator'] },
    { label: 'claims.mine.nav', path: '/moje-podmioty', order: 43, roles: ['entity_representative'] },
  ],
  routes,
  seedDemo: seedRegistryDemo,
  jobs: registryJobs,
};
