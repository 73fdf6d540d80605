// The indicators as an open dataset on `/dane`: per programme, the definitions, targets, progress and
// approved values with their example flags, from the API (one address per programme).
import type { OpenDataset } from '../opendata/index.js';
import { listProgrammes } from '../programme/index.js';
import { lastValueChange } from './indicators.repo.js';

export const indicatorsDataset: OpenDataset = {
  id: 'wskazniki',
  order: 25,
  titleKey: 'indicators.dataset.title',
  descriptionKey: 'indicators.dataset.description',
  formats: async (ctx) =>
    (await listProgrammes(ctx.db)).map((p) => ({
      format: 'API',
      path: `/api/v1/program/${p.slug}/wskazniki`,
      mediaType: 'application/json',
    })),
  lastChanged: (ctx) => lastValueChange(ctx.db),
};
