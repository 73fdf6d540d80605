// Public face of the territory module: TERYT units and boundaries of the voivodeship, OWES
// subregions, gmina statistics, the maps and territorial profiles, and the extension points
// (`territoryMeasures`, `profileSections`) through which other modules place their things (entities,
// offers, events, indicator values) in gminy without this module importing them.
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext } from '../../core/module.js';
import { territoryAdminRoutes } from './admin.routes.js';
import { territoryMigrations } from './migrations/index.js';
import { territoryRoutes } from './territory.routes.js';
import { unitsSearch } from './territory.search.js';
import { seedTerritoryReference } from './territory.service.js';
import { territorySitemapSources } from './territory.sitemap.js';
import './territory.tables.js';
import { territoryDataset } from './territory.opendata.js';
import { territoryScopeNames } from './territory-scope.js';

export { countUnitsByKind, listUnits } from './territory.repo.js';
export { ENTITIES_MEASURE, CERTIFIED_OFFERS_MEASURE, type TerritoryMeasure, type ProfileSection, type ProfileUnit } from './extension.js';
export { manageTerritory } from './territory.policy.js';
// the home page's map teaser says how many gminy have no entity and how many are white spots
export { gminySummary, type GminySummary } from './territory.service.js';
export { WHITE_SPOTS_PATH } from './territory.views.js';
// the registry's entity map draws on the same projected boundaries and groups gminy by subregion
export { focusView, mapGeometry, type MapGeometry, type MapView, type Projected, type TownLabel } from './map.geometry.js';
// the programme's indicator pages shade gminy by the value of their area with the same map and legend;
// the entity map draws the same town names and zooms the same way
export { MapLegend, MapZoomNote, TerritoryMap, TownLabels, viewBoxOf, type MapShape } from './map.views.js';
export { classify, classOf } from './map.style.js';
export { listSubregionsWithMembers, subregionOfPowiat, type Subregion } from './subregions.service.js';
export { GMINA_PATTERN, POWIAT_PATTERN, profilePath, isCityPowiat, gminaTypeKey, periodContains, periodsOverlap } from './units.js';
export type { StatMeasure } from './territory.tables.js';
// the localgov module's maps count values per inhabitant with the loaded population
export { measureForYear } from './statistics.service.js';
// every form where a person names a gmina: the choices, the resolver of typed names and the field
export {
  checkGminaField,
  gminaChoices,
  gminaFieldText,
  gminaFullLabel,
  gminaLabel,
  resolveGmina,
  type GminaChoice,
  type GminaResolution,
} from './gmina-choice.js';
// the registry's search recognises towns among the words and maps each to its gmina
export { listTowns, type Town } from './towns.js';
export { GminaDatalist, GminaField, UnitDatalist, UnitNameField, type UnitSuggestion } from './gmina-field.js';

async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await territoryRoutes(app, ctx);
  await territoryAdminRoutes(app, ctx);
}

export const territoryModule: AppModule = {
  name: 'territory',
  migrations: territoryMigrations,
  nav: [{ label: 'territory.nav', path: '/terytorium', order: 70, intro: 'territory.homeIntro' }],
  admin: [{ label: 'territory.admin.title', path: '/admin/terytorium', order: 50, roles: ['coordinator', 'administrator'] }],
  contributes: {
    searchProviders: [unitsSearch],
    sitemapSources: territorySitemapSources,
    openDatasets: [territoryDataset],
    // a reporting partner's territory by name in user administration (accounts)
    scopeNames: [territoryScopeNames],
  },
  routes,
  seedReference: seedTerritoryReference,
};
