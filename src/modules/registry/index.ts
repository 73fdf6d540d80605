// Public face of the registry module: the catalogue of social economy entities. It places its
// entities on the territory module's map and profiles and in the portal's site search and sitemap
// through their extension points (`contributes`), and exports the few things other modules may ask about entities.
import { registryCommands } from './registry.commands.js';
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext, ScheduledJob } from '../../core/module.js';
import { entityScopeNames } from './entity/entity-scope.js';
import { registryMigrations } from './migrations/index.js';
import {
  entitiesDataset,
  entitiesMeasure,
  entitiesProfileSection,
  entitiesSearch,
  registryAdminTasks,
  registryHomeSection,
  registryMapTeaser,
} from './registry.extensions.js';
import { registrySitemapSources } from './registry.sitemap.js';
import { recordRoutes } from './entity/record.routes.js';
import { claimsRoutes } from './self-service/claims.routes.js';
import { eraseOldClaimDocuments } from './self-service/claims.service.js';
import { representativeRoutes } from './self-service/representative.routes.js';
import { registryRoutes } from './entity/registry.routes.js';
import { importRoutes } from './data-quality/import.routes.js';
import { duplicatesRoutes } from './data-quality/duplicates.routes.js';
import { seedRegistryDemo } from './entity/registry.service.js';
import { registryErrors } from './registry.declarations.js';
import './entity/registry.tables.js';
import './data-quality/quality.tables.js';
import './entity/record.tables.js';
import './self-service/claims.tables.js';

export { isValidKrs, isValidNip, isValidRegon, normaliseIdentifier } from './entity/identifiers.js';
export { manageRegistry } from './registry.policy.js';
export { representsEntity } from './self-service/representative.policy.js';
export { representedIds, representativeEmails } from './self-service/representative.service.js';
export {
  entityFacts,
  entityIdByName,
  entitiesByNip,
  entitiesNamed,
  type EntityFacts,
  type NamedEntity,
} from './entity/entity-facts.service.js';
export { LEGAL_FORMS, type LegalForm } from './entity/registry.tables.js';
export { importEntitiesFile, type ImportOutcome } from './data-quality/import.service.js';
export { entityPath } from './entity/registry.service.js';
export { derivedExpiry, markValidity, type MarkValidity } from './entity/mark-validity.js';
export { putGrantedMark, removeGrantedMark, type GrantedMark } from './entity/mark-sync.js';
export { type EntityPageSection, type EntityPageSubject } from './entity/entity-page.extensions.js';
export { seedSynthetic, SYNTHETIC_PREFIX } from './data-quality/registry.synthetic.js';
export {
  countEntitiesByGmina,
  countPsEntitiesByGmina,
  countValidMarksByGmina,
  type GminaCount,
  type EntityCountFilter,
  METRIC_LEGAL_FORMS,
  METRIC_LIFECYCLES,
  registryCoverageStart,
} from './catalogue/registry.metrics.js';

/** The claims' documents are deleted 90 days after the decision (claims.service.ts). */
export const registryJobs: ScheduledJob[] = [
  { name: 'registry.claim-document-retention', intervalMs: 24 * 3600_000, run: eraseOldClaimDocuments },
];

async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
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
  commands: registryCommands,
  contributes: {
    scopeNames: [entityScopeNames],
    homeSections: [registryHomeSection, registryMapTeaser],
    adminTasks: registryAdminTasks,
    territoryMeasures: [entitiesMeasure],
    profileSections: [entitiesProfileSection],
    searchProviders: [entitiesSearch],
    sitemapSources: registrySitemapSources,
    openDatasets: [entitiesDataset],
  },
  migrations: registryMigrations,
  nav: [{ label: 'registry.nav', path: '/podmioty', order: 20, intro: 'registry.homeIntro' }],
  admin: [
    { label: 'registry.admin.title', path: '/admin/podmioty', order: 40, roles: ['coordinator', 'administrator'] },
    { label: 'claims.admin.title', path: '/admin/podmioty/zgloszenia', order: 41, roles: ['coordinator', 'administrator'] },
    { label: 'claims.admin.proposalsTitle', path: '/admin/podmioty/propozycje', order: 42, roles: ['coordinator', 'administrator'] },
    { label: 'claims.mine.nav', path: '/moje-podmioty', order: 43, roles: ['entity_representative'], personal: true },
  ],
  routes,
  seedDemo: seedRegistryDemo,
  jobs: registryJobs,
};
