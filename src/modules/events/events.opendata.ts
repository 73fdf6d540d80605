// The events API as a dataset on the open-data page (opendata's `openDatasets`): published events
// with sessions and free places, nothing about registrants; its time of change is that of the events
// the API lists by default (those not yet ended).
import type { OpenDataset } from '../opendata/index.js';
import { lastChangedOf } from './api.routes.js';
import * as svc from './events.service.js';

/** The events API as a dataset on the open-data page. */
export const eventsDataset: OpenDataset = {
  id: 'wydarzenia',
  order: 60,
  titleKey: 'events.dataset.title',
  descriptionKey: 'events.dataset.description',
  formats: [{ format: 'API', path: '/api/v1/wydarzenia', mediaType: 'application/json' }],
  lastChanged: async (ctx) => lastChangedOf(await svc.listForPublic(ctx, {})),
};
