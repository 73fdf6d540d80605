// The local governments' cooperation records as an open dataset on `/dane`: per gmina or powiat and
// year, programmes, coordinators, social clauses, commissioned tasks and founded entities (null where
// not known).
import type { OpenDataset } from '../opendata/index.js';
import { lastRecordChange } from './localgov.repo.js';

export const localgovDataset: OpenDataset = {
  id: 'samorzady',
  order: 50,
  titleKey: 'localgov.dataset.title',
  descriptionKey: 'localgov.dataset.description',
  formats: [
    { format: 'CSV', path: '/samorzady.csv', mediaType: 'text/csv' },
    { format: 'API', path: '/api/v1/samorzady', mediaType: 'application/json' },
  ],
  lastChanged: (ctx) => lastRecordChange(ctx.db),
};
