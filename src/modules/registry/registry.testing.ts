// The registry functions the browser suite and the benchmark set their data up with or measure:
// entities and their records made through the services, rows written straight into the tables,
// "To mój podmiot" requests and proposals, import jobs, and the search query (they reach a module
// only through index.ts and *.testing.ts files, checked by scripts/check-architecture.ts).
export { checkEntityForm, createEntity } from './entity/registry.service.js';
export {
  addEmployment,
  addMark,
  addPlace,
  addPsEntry,
  checkActivityForm,
  checkEmploymentForm,
  checkMarkForm,
  checkPlaceForm,
  checkPsForm,
  saveActivity,
} from './entity/record.service.js';
export { insertEntity, listEntities } from './entity/registry.repo.js';
export { submitClaim } from './self-service/claims.service.js';
export { submitProposal } from './self-service/representative.service.js';
export { checkImportJob, createImportJob, importJobsSettled, importJobView, startImportJob } from './data-quality/import.jobs.js';
// the words synthetic names are made of: the benchmark's search queries draw on them
export { SYNTHETIC_ADJECTIVES, SYNTHETIC_NOUNS, SYNTHETIC_SECTORS, seededRandom } from './data-quality/registry.synthetic.js';
export { sectorKey } from './catalogue/registry.sectors.js';
export { LISTED_STATES } from './catalogue/registry.catalogue.js';
