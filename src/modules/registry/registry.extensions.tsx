// The registry's contributions to other modules' extension points (listed in registryModule's
// `contributes`): the count of active entities per gmina (territory map and white spots), the
// entities section of territorial profiles, a group of results in the site search, and its
// dataset on the open-data page.
import { createHash } from 'node:crypto';
import { renderToString } from 'preact-render-to-string';
import type { ModuleContext } from '../../core/module.js';
import { CachedFragment, identityKey } from '../../core/ui/fragment.js';
import { warsawToday } from '../../core/time/index.js';
import type { OpenDataset } from '../opendata/index.js';
import type { SearchProvider } from '../portal/index.js';
import {
  ENTITIES_MEASURE,
  gminySummary,
  mapGeometry,
  WHITE_SPOTS_PATH,
  type ProfileSection,
  type TerritoryMeasure,
} from '../territory/index.js';
import { cachedUntilWrite, registryFigures, registryLastChanged } from './catalogue/registry.catalogue.js';
import { MapTeaserSection, RegistryFiguresSection, TeaserPicture } from './catalogue/registry.catalogue.views.js';
import type { HomeSection } from '../site/index.js';
import type { AdminTask } from '../accounts/index.js';
import { countPending } from './self-service/claims.repo.js';
import * as repo from './entity/registry.repo.js';
import { entityPath } from './entity/registry.service.js';
import { EntitiesSection } from './entity/registry.views.js';

const PROFILE_LIMIT = 50;

/**
 * Active entities per gmina: the territory map's "entities" measure and the white-spot rule; where
 * only entities whose activity nobody checked are located, the rule says "not known", not "none".
 */
export const entitiesMeasure: TerritoryMeasure = {
  id: ENTITIES_MEASURE,
  labelKey: 'registry.measure',
  countByGmina: (ctx) => cachedUntilWrite(ctx, 'active-by-gmina', () => repo.countActiveByGmina(ctx.db)),
  unknownIn: (ctx) => cachedUntilWrite(ctx, 'unchecked-by-gmina', () => repo.gminyWithUncheckedActivity(ctx.db)),
};

/** The entities section of a territorial profile (replaces territory's placeholder). */
export const entitiesProfileSection: ProfileSection = {
  id: 'entities',
  order: 10,
  titleKey: 'registry.profileTitle',
  async render(ctx, _request, unit) {
    const rows = await repo.listInGminy(ctx.db, unit.gminy, PROFILE_LIMIT);
    const filter = unit.kind === 'powiat' ? `powiat=${unit.teryt}` : `gmina=${unit.teryt}`;
    return <EntitiesSection rows={rows} allPath={`/podmioty?${filter}`} />;
  },
};

/** Entities in the site search, best matches of the name first (the catalogue's relevance order). */
export const entitiesSearch: SearchProvider = {
  id: 'entities',
  label: 'registry.searchGroup',
  order: 15,
  async search(ctx, terms, _lang, limit) {
    const { rows, total } = await repo.searchEntities(
      ctx.db,
      ctx.database.seam,
      { terms, legalForm: [], powiat: [], gmina: [], statusPs: false, mark: false, includeClosed: false, today: warsawToday(ctx.clock) },
      'relevance',
      limit,
      0,
    );
    return {
      total,
      hits: rows.map((e) => ({ title: e.name, path: entityPath(e), snippet: [e.town, e.description].filter(Boolean).join(' — ') })),
    };
  },
};

/** The entities as open data: the catalogue's files and the API (registry.routes). */
export const entitiesDataset: OpenDataset = {
  id: 'podmioty',
  order: 10,
  titleKey: 'registry.dataset.title',
  descriptionKey: 'registry.dataset.description',
  formats: [
    { format: 'CSV', path: '/podmioty.csv', mediaType: 'text/csv' },
    { format: 'JSON', path: '/podmioty.json', mediaType: 'application/json' },
    { format: 'API', path: '/api/v1/podmioty', mediaType: 'application/json' },
  ],
  lastChanged: registryLastChanged,
};

/** Claims and proposals waiting for staff, on the administration's front page. */
const STAFF = ['coordinator', 'administrator'] as const;
export const registryAdminTasks: AdminTask[] = [
  {
    id: 'registry.claims',
    order: 10,
    roles: STAFF,
    label: 'claims.waiting.claims',
    path: '/admin/podmioty/zgloszenia',
    count: async (ctx) => (await countPending(ctx.db)).claims,
  },
  {
    id: 'registry.proposals',
    order: 11,
    roles: STAFF,
    label: 'claims.waiting.proposals',
    path: '/admin/podmioty/propozycje',
    count: async (ctx) => (await countPending(ctx.db)).proposals,
  },
];

/**
 * The home page's figures of the registry: the catalogue's own unfiltered counts (cached until a
 * registry write, shared with /podmioty), each linking to the catalogue filtered to it. Entities whose
 * activity nobody checked are said apart, never counted as active; example records are said.
 */
export const registryHomeSection: HomeSection = {
  id: 'registry.figures',
  order: 5,
  async render(ctx) {
    const figures = await registryFigures(ctx);
    return <CachedFragment contentKey={`${identityKey(figures)}`}>{() => <RegistryFiguresSection figures={figures} />}</CachedFragment>;
  },
};

/**
 * The home page's map teaser: the gminy with an active entity shaded on the small map of the
 * voivodeship, the gminy without one and the white spots counted (territory's summary, the same
 * rule as the white-spots page), all from caches: the registry's counts until a registry write, the
 * boundaries once per database.
 */
/** Gminy with an active entity, and those where only entities nobody checked are located. */
async function teaserSets(ctx: ModuleContext) {
  const [counts, unchecked] = await Promise.all([entitiesMeasure.countByGmina(ctx), entitiesMeasure.unknownIn!(ctx)]);
  const withEntity = new Set([...counts].filter(([, n]) => n > 0).map(([teryt]) => teryt));
  const unknown = new Set([...unchecked].filter((teryt) => !withEntity.has(teryt)));
  return { withEntity, unknown };
}

export const TEASER_PICTURE_PATH = '/podmioty/mapa/zajawka.svg';

/**
 * The teaser's picture as SVG text with a short version of its content, drawn once per registry
 * write: the home page links it by version, so browsers keep it until it changes.
 */
export function teaserPicture(ctx: ModuleContext): Promise<{ svg: string; version: string }> {
  return cachedUntilWrite(ctx, 'teaser-picture', async () => {
    const [geometry, sets] = await Promise.all([mapGeometry(ctx.db), teaserSets(ctx)]);
    const svg = renderToString(<TeaserPicture teaser={{ locator: geometry.locator, ...sets }} />);
    return { svg, version: createHash('sha256').update(svg).digest('base64url').slice(0, 16) };
  });
}

export const registryMapTeaser: HomeSection = {
  id: 'registry.map-teaser',
  order: 20,
  async render(ctx) {
    const [geometry, picture, summary] = await Promise.all([mapGeometry(ctx.db), teaserPicture(ctx), gminySummary(ctx)]);
    return (
      <CachedFragment contentKey={`${identityKey(geometry)}|${picture.version}|${identityKey(summary)}`}>
        {() => (
          <MapTeaserSection
            teaser={{
              locator: geometry.locator,
              summary,
              whiteSpotsPath: WHITE_SPOTS_PATH,
              picturePath: `${TEASER_PICTURE_PATH}?v=${picture.version}`,
            }}
          />
        )}
      </CachedFragment>
    );
  },
};
