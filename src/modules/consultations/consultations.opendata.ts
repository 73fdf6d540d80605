// The consultations as an open dataset on `/dane`: the published consultations with their texts,
// and, once a report is out, the comments with the responses they got (the API documents both).
import type { OpenDataset } from '../opendata/index.js';
import { lastPublishedChange } from './consultations.repo.js';

export const consultationsDataset: OpenDataset = {
  id: 'konsultacje',
  order: 40,
  titleKey: 'consultations.dataset.title',
  descriptionKey: 'consultations.dataset.description',
  formats: [{ format: 'API', path: '/api/v1/konsultacje', mediaType: 'application/json' }],
  lastChanged: (ctx) => lastPublishedChange(ctx.db),
};
