// Public face of the territory module: TERYT units and boundaries of the voivodeship.
import type { AppModule } from '../../core/module.js';
import { territoryMigrations } from './migrations/index.js';
import { seedTerritoryReference } from './territory.service.js';
import './territory.tables.js';

export { countUnitsByKind, listUnits } from './territory.repo.js';

export const territoryModule: AppModule = {
  name: 'territory',
  migrations: territoryMigrations,
  seedReference: seedTerritoryReference,
};
