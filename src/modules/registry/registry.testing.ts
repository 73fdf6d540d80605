// The registry functions the browser suite and the benchmark set their data up with or measure:
// entities and their records made through the services, rows written straight into the tables,
// "To mój podmiot" requests and proposals, import jobs, and the search query (they reach a module
// only through index.ts and *.testing.ts files, checked by scripts/check-architecture.ts).
export { checkEntityForm, createEntity } from './registry.service.js';
export { addEmployment, addMark, addPlace, addPsEntry, checkActivityForm, checkEmploymentForm, checkMarkForm, checkPlaceForm, checkPsForm, saveActivity } from './record.service.js';
export { insertEntity, listEntities } from './registry.repo.js';
export { submitClaim } from './claims.service.js';
export { submitProposal } from './representative.service.js';
export { checkImportJob, createImportJob, importJobsSettled, importJobView, startImportJob } from './import.jobs.js';
