// Public face of the programme module: the regional social economy programme as data — life cycle,
// versions of its text and the objective tree, with their public and staff pages. The consultations
// module reads programme versions, and the indicators module the programmes, their objective tree and
// policies, through the functions exported here; other modules add sections to the public programme
// page by listing sections under `programmePageSections` in their `contributes`.
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext } from '../../core/module.js';
import { registerUploads } from '../../core/http/uploads.js';
import { programmeMigrations } from './migrations/index.js';
import { PROGRAMME_ADMIN_ROLES } from './programme.policy.js';
import { programmeRoutes } from './programme.routes.js';
import { programmeSearch } from './programme.search.js';
import { seedProgrammeDemo } from './programme.seed.js';
import { programmeSitemapSources } from './programme.sitemap.js';
import { structureRoutes } from './structure.routes.js';
import { versionsRoutes } from './versions.routes.js';
import { programmeErrors } from './programme.declarations.js';
import './programme.tables.js';
import { programmesDataset } from './programme.opendata.js';

export {
  listAllVersions,
  listSections as listVersionSections,
  findVersion as findProgrammeVersion,
  type VersionRow,
  type SectionRow,
} from './versions.repo.js';

export type { ProgrammeElementSection, ProgrammePageSection } from './programme.extensions.js';
export { currentProgramme, isInForce, programmePath } from './programme.service.js';
export { findProgramme, findProgrammeBySlug, findCurrentProgramme, listProgrammes } from './programme.repo.js';
export { flatten, loadTrees, type TreeNode } from './structure.service.js';
export type { ElementRow } from './structure.repo.js';
export type { ElementKind } from './programme.tables.js';
export { canManageProgramme, manageProgramme, PROGRAMME_ADMIN_ROLES } from './programme.policy.js';
export { DEMO_SLUG } from './programme.seed.js';

/**
 * Every part of the module registers its routes here, in this one encapsulated scope. Multipart
 * parsing (the text import) is registered once for the whole scope: parts must not register it
 * again. To add a part: import its route function above and add one `await xRoutes(app, ctx);`
 * line below.
 */
async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await registerUploads(app);
  await programmeRoutes(app, ctx);
  await versionsRoutes(app, ctx);
  await structureRoutes(app, ctx);
}

export const programmeModule: AppModule = {
  name: 'programme',
  errors: programmeErrors,
  migrations: programmeMigrations,
  nav: [{ label: 'programme.title', path: '/program', order: 15, intro: 'programme.homeIntro' }],
  admin: [{ label: 'programme.admin.title', path: '/admin/program', order: 40, roles: [...PROGRAMME_ADMIN_ROLES] }],
  contributes: { searchProviders: [programmeSearch], sitemapSources: programmeSitemapSources, openDatasets: [programmesDataset] },
  routes,
  seedDemo: seedProgrammeDemo,
};
