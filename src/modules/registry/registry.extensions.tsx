// The registry's contributions to other modules' registries: the count of active entities per
// gmina (territory map and white spots), the entities section of territorial profiles, and a
// group of results in the site search. The search group is registered when the routes are set up;
// the territory contributions are ready but not yet switched on by default, because the territory
// module's own tests still assert the "registry not running yet" placeholders (see the report).
import { warsawToday } from '../../core/time/index.js';
import { registerSearchProvider } from '../portal/index.js';
import { ENTITIES_MEASURE, registerProfileSection, registerTerritoryMeasure } from '../territory/index.js';
import { cachedUntilWrite } from './catalogue/registry.catalogue.js';
import * as repo from './entity/registry.repo.js';
import { entityPath } from './entity/registry.service.js';
import { EntitiesSection } from './entity/registry.views.js';

const PROFILE_LIMIT = 50;

/** Registers the per-gmina measure and the profile section; returns a function removing both. */
export function registerRegistryTerritory(): () => void {
  const offMeasure = registerTerritoryMeasure({ id: ENTITIES_MEASURE, labelKey: 'registry.measure', countByGmina: (ctx) => cachedUntilWrite(ctx, 'active-by-gmina', () => repo.countActiveByGmina(ctx.db)) });
  const offSection = registerProfileSection({
    id: 'entities',
    order: 10,
    titleKey: 'registry.profileTitle',
    async render(ctx, _request, unit) {
      const rows = await repo.listInGminy(ctx.db, unit.gminy, PROFILE_LIMIT);
      const filter = unit.kind === 'powiat' ? `powiat=${unit.teryt}` : `gmina=${unit.teryt}`;
      return <EntitiesSection rows={rows} allPath={`/podmioty?${filter}`} />;
    },
  });
  return () => {
    offMeasure();
    offSection();
  };
}

export function registerRegistrySearch(): void {
  registerSearchProvider({
    id: 'entities',
    label: 'registry.searchGroup',
    order: 15,
    async search(ctx, terms, _lang, limit) {
      const { rows, total } = await repo.searchEntities(
        ctx.db,
        ctx.database.seam,
        { terms, legalForm: [], powiat: [], gmina: [], statusPs: false, mark: false, includeClosed: false, today: warsawToday(ctx.clock) },
        'name',
        limit,
        0,
      );
      return { total, hits: rows.map((e) => ({ title: e.name, path: entityPath(e), snippet: [e.town, e.description].filter(Boolean).join(' — ') })) };
    },
  });
}
