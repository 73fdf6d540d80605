// The programme functions the browser suite and other tests set their pages up with: the demo
// programme, a programme, its objective tree and its text versions made through the services (the
// suite reaches a module only through index.ts and *.testing.ts files, checked by
// scripts/check-architecture.ts).
export { seedProgrammeDemo, DEMO_SLUG } from './programme.seed.js';
export { checkProgrammeForm, createProgramme, makeCurrent } from './programme.service.js';
export { checkElementForm, createElement } from './structure.service.js';
export { createVersion, sectionsOf, versionByNumber } from './versions.service.js';
