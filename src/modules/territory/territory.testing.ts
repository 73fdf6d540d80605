// What the browser suite and the benchmark need from territory beyond index.ts: a statistics upload
// at its preview step (a page of the accessibility suite) and the map page the benchmark renders.
export { previewStatisticsUpload } from './statistics.service.js';
export { buildMapPage } from './territory.routes.js';
