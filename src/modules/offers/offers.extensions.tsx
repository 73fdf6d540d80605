// The offers module's contributions to other modules' extension points (listed in offersModule's
// `contributes`): the entity page's offers section (registry), a group of the site search and the
// sitemap's pages (portal), the dataset on the open-data page (opendata) and the `offers` section
// of territorial profiles (territory), which counts the offers covering a powiat or gmina — offers
// for the whole region included.
import { cachedUntilWrite } from '../../core/db/write-cache.js';
import { markdownToText } from '../../core/text/markdown.js';
import type { OpenDataset } from '../opendata/index.js';
import { listedSource, type SearchProvider, type SitemapSource } from '../portal/index.js';
import type { EntityPageSection } from '../registry/index.js';
import type { ProfileSection } from '../territory/index.js';
import { lastPublishedChange } from './needs/needs.service.js';
import * as repo from './offers.repo.js';
import * as svc from './offers.service.js';
import { EntityOffersSection, ProfileOffers } from './offers.views.js';

export const offersEntitySection: EntityPageSection = {
  id: 'offers',
  order: 10,
  async render(ctx, _request, entity) {
    // most entities publish no offer: the set of those that do is kept until an offer changes, so
    // their pages run no query for this section
    const publishing = await cachedUntilWrite(ctx, ['offers'], 'publishing-entities', () => repo.publishingEntityIds(ctx.db));
    if (!publishing.has(entity.id)) return null;
    const offers = await svc.entityOffers(ctx, entity.id, true);
    return offers.length ? <EntityOffersSection offers={offers} /> : null;
  },
};

export const offersSearch: SearchProvider = {
  id: 'offers',
  label: 'offers.searchGroup',
  order: 20,
  async search(ctx, terms, lang, limit) {
    const { total, cards } = await svc.searchOffers(ctx, terms, limit);
    return {
      total,
      hits: cards.map((c) => ({
        title: c.offer.title,
        path: svc.offerPath(c.offer),
        snippet: `${c.entity.name} — ${markdownToText(c.offer.description)}`,
        ...(lang === 'en' ? { lang: 'pl' as const } : {}),
      })),
    };
  },
};

/** The catalogue: its date is the last change of a published offer. */
const landing = listedSource('offers.landing', 25, async (ctx) => [{ path: '/oferta', lastmod: await repo.lastChanged(ctx.db) }]);

/** Every published offer, in batches of the primary key (keyset). */
const offerPages: SitemapSource = {
  id: 'offers.pages',
  order: 26,
  count: (ctx) => repo.countPublished(ctx.db),
  async list(ctx, from, limit) {
    const rows = await repo.publishedHeads(ctx.db, from, limit);
    return {
      pages: rows.map((o) => ({ path: svc.offerPath(o), lastmod: o.updated_at })),
      next: rows.length === limit ? rows[rows.length - 1]!.id : null,
    };
  },
};

export const offersSitemapSources: readonly SitemapSource[] = [landing, offerPages];

export const offersDataset: OpenDataset = {
  id: 'oferta',
  order: 20,
  titleKey: 'offers.dataset.title',
  descriptionKey: 'offers.dataset.description',
  formats: [{ format: 'API', path: '/api/v1/oferta', mediaType: 'application/json' }],
  lastChanged: (ctx) => repo.lastChanged(ctx.db),
};

/** Buyers' published needs (`/api/v1/oferta/potrzeby`): its date is the last change of a published need. */
export const needsDataset: OpenDataset = {
  id: 'oferta-potrzeby',
  order: 21,
  titleKey: 'needs.dataset.title',
  descriptionKey: 'needs.dataset.description',
  formats: [{ format: 'API', path: '/api/v1/oferta/potrzeby', mediaType: 'application/json' }],
  lastChanged: (ctx) => lastPublishedChange(ctx),
};

export const offersProfileSection: ProfileSection = {
  id: 'offers',
  order: 20,
  titleKey: 'offers.profile.title',
  async render(ctx, _request, unit) {
    const query = svc.parseCatalogueQuery(unit.kind === 'powiat' ? { powiat: unit.teryt } : { gmina: unit.teryt });
    const { total } = await svc.searchCatalogue(ctx, query, 1);
    return <ProfileOffers count={total} link={`/oferta?${svc.catalogueParams(query).toString()}`} />;
  },
};
