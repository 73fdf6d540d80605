// Public face of the open-data module: the `/dane` page listing the datasets other modules publish
// (extension point `openDatasets`), and the licence every dataset carries (`OPEN_DATA_LICENCE`, with
// its typebox schema for the API answers). It has no tables; it lists its page in portal's sitemap.
import type { AppModule } from '../../core/module.js';
import { opendataRoutes } from './opendata.routes.js';
import { opendataSitemapSources } from './opendata.sitemap.js';

export type { DatasetFormat, OpenDataset } from './extension.js';
export { LICENCE_LINK, LicenceSchema, OPEN_DATA_LICENCE, OpenDataProperties, openDataMeta } from './licence.js';

export const opendataModule: AppModule = {
  name: 'opendata',
  nav: [{ label: 'opendata.nav', path: '/dane', order: 85 }],
  routes: opendataRoutes,
  contributes: { sitemapSources: opendataSitemapSources },
};
