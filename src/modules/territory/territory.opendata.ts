// The territorial division as an open dataset on `/dane`: gminy and powiaty with their OWES subregion
// on a given day, as JSON and as GeoJSON with the boundaries.
import { laterOf } from '../portal/index.js';
import type { OpenDataset } from '../opendata/index.js';
import { lastTerritoryChange } from './territory.repo.js';

export const territoryDataset: OpenDataset = {
  id: 'terytorium',
  order: 30,
  titleKey: 'territory.dataset.title',
  descriptionKey: 'territory.dataset.description',
  formats: [
    { format: 'JSON', path: '/api/v1/terytorium/gminy', mediaType: 'application/json' },
    { format: 'GeoJSON', path: '/api/v1/terytorium/gminy?format=geojson', mediaType: 'application/geo+json' },
    { format: 'JSON', path: '/api/v1/terytorium/powiaty', mediaType: 'application/json' },
    { format: 'GeoJSON', path: '/api/v1/terytorium/powiaty?format=geojson', mediaType: 'application/geo+json' },
  ],
  lastChanged: async (ctx) => laterOf(...(await lastTerritoryChange(ctx.db))),
};
