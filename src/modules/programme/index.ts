// Public face of the programme module: the regional social economy programme as data — life cycle,
// versions of its text, the objective tree, indicators with monitoring rounds, public pages with
// charts and the generated annual report. The consultations module reads programme versions
// through the functions exported here.
import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../core/module.js';
import { programmeMigrations } from './migrations/index.js';
import './programme.tables.js';

export { listAllVersions, listSections as listVersionSections, findVersion as findProgrammeVersion, type VersionRow, type SectionRow } from './versions.repo.js';

async function routes(_app: FastifyInstance, _ctx: ModuleContext): Promise<void> {
  // routes are registered here as the programme's parts land
}

export const programmeModule: AppModule = {
  name: 'programme',
  migrations: programmeMigrations,
  routes,
};
