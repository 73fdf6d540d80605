// The programmes as an open dataset on `/dane`: status, period, timeline and objective tree of every
// programme, from the API.
import { laterOf } from '../portal/index.js';
import type { OpenDataset } from '../opendata/index.js';
import { lastProgrammeChange } from './programme.repo.js';

export const programmesDataset: OpenDataset = {
  id: 'program',
  order: 20,
  titleKey: 'programme.dataset.title',
  descriptionKey: 'programme.dataset.description',
  formats: [{ format: 'API', path: '/api/v1/program', mediaType: 'application/json' }],
  lastChanged: async (ctx) => laterOf(...(await lastProgrammeChange(ctx.db))),
};

/** The dataset's "last changed", for the API answers that carry it. */
export const programmesLastChanged = programmesDataset.lastChanged;
