// What the support module adds to other modules' pages: "Twój ośrodek wsparcia" on every entity page
// (registry `entityPageSections`) and on every gmina and powiat profile (territory `profileSections`),
// the centres in the site search and their pages in the sitemap.
import type { EntityPageSection } from '../registry/index.js';
import type { ProfileSection } from '../territory/index.js';
import { listedSource, type SearchProvider, type SitemapSource } from '../portal/index.js';
import { textMatches } from '../../core/search/index.js';
import { translator } from '../../i18n/index.js';
import { warsawToday } from '../../core/time/index.js';
import { cachedUntilWrite } from '../../core/db/write-cache.js';
import type { ModuleContext } from '../../core/module.js';
import * as svc from './support.service.js';
import * as repo from './support.repo.js';
import { centrePath, YourCentre } from './public.views.js';

/** What "which centre serves a gmina today" reads: a write to any of them recomputes it. */
const SERVING_TABLES = [
  'support_centres',
  'support_centre_partners',
  'support_centre_areas',
  'support_centre_offices',
  'support_centre_contacts',
  'support_centre_services',
  'support_accreditations',
  'subregions',
  'subregion_members',
];

/**
 * The centre serving each gmina today, with its details. Shown on every entity page and profile, so
 * the whole map is built at once (one read of the subregions and areas, one detail per centre) and
 * kept until the centres, subregions or territorial units change (core/db/write-cache.ts), rather
 * than looked up again for each gmina.
 */
function centresByGmina(ctx: ModuleContext, lang: 'pl' | 'en'): Promise<Map<string, svc.CentreDetail>> {
  const today = warsawToday(ctx.clock);
  return cachedUntilWrite(ctx, [...SERVING_TABLES, 'territorial_units'], `centres:${today}:${lang}`, async () => {
    const gminy = (await gminaOptions(ctx, lang)).map((g) => g.teryt);
    const serving = await svc.servingCentres(ctx, gminy, today);
    const details = new Map<string, svc.CentreDetail | null>();
    for (const id of new Set([...serving.values()].map((s) => s.centreId))) details.set(id, await svc.centreDetail(ctx, id, lang));
    const out = new Map<string, svc.CentreDetail>();
    for (const [gmina, s] of serving) {
      const detail = details.get(s.centreId);
      if (detail) out.set(gmina, detail);
    }
    return out;
  });
}

async function centreOf(ctx: ModuleContext, gminaTeryt: string, lang: 'pl' | 'en'): Promise<svc.CentreDetail | null> {
  return (await centresByGmina(ctx, lang)).get(gminaTeryt) ?? null;
}

/** The gminy with their powiat, as the finder names them: kept until the territorial units change. */
function gminaOptions(ctx: ModuleContext, lang: 'pl' | 'en'): Promise<svc.GminaOption[]> {
  return cachedUntilWrite(ctx, ['territorial_units'], `gmina-options:${lang}`, () => svc.gminaOptions(ctx, lang));
}

export const entitySupportSection: EntityPageSection = {
  id: 'support-centre',
  order: 50,
  async render(ctx, request, entity) {
    const t = request.t;
    const gmina = entity.gminaTeryt ? ((await gminaOptions(ctx, request.lang)).find((g) => g.teryt === entity.gminaTeryt) ?? null) : null;
    const centre = gmina ? await centreOf(ctx, gmina.teryt, request.lang) : null;
    return (
      <section aria-labelledby="support-centre-heading">
        <h2 id="support-centre-heading">{t('support.section.title')}</h2>
        <YourCentre intro={gmina ? t('support.section.entity', { gmina: gmina.name }) : ''} centre={centre} gmina={gmina} />
      </section>
    );
  },
};

export const profileSupportSection: ProfileSection = {
  id: 'support-centre',
  order: 15,
  titleKey: 'support.section.title',
  async render(ctx, request, unit) {
    const t = request.t;
    const options = await gminaOptions(ctx, request.lang);
    if (unit.kind === 'gmina') {
      const gmina = options.find((g) => g.teryt === unit.teryt) ?? null;
      return (
        <YourCentre
          intro={t('support.section.gmina')}
          centre={gmina ? await centreOf(ctx, gmina.teryt, request.lang) : null}
          gmina={gmina}
        />
      );
    }
    // a powiat: the centre of its gminy (one subregion per powiat and day)
    const first = options.find((g) => unit.gminy.includes(g.teryt)) ?? null;
    return (
      <YourCentre
        intro={t('support.section.powiat')}
        centre={first ? await centreOf(ctx, first.teryt, request.lang) : null}
        gmina={first}
      />
    );
  },
};

export const centresSearch: SearchProvider = {
  id: 'support',
  label: 'support.searchGroup',
  order: 40,
  async search(ctx, terms, lang, limit) {
    const t = translator(lang);
    const found = (await svc.listCentreDetails(ctx, lang)).filter((d) =>
      textMatches(terms, d.centre.name, ...d.partners.map((p) => p.name)),
    );
    return {
      total: found.length,
      hits: found.slice(0, limit).map((d) => ({
        title: d.centre.name,
        path: centrePath(d.centre.id),
        snippet: d.partners.length ? `${t('support.page.partnership')}: ${d.partners.map((p) => p.name).join(', ')}` : '',
      })),
    };
  },
};

export const supportSitemapSources: SitemapSource[] = [
  listedSource('support.pages', 55, async (ctx) => [
    { path: '/wsparcie', lastmod: null },
    { path: '/wsparcie/gdzie', lastmod: null },
    { path: '/wsparcie/zaloz-podmiot', lastmod: null },
    ...(await repo.listCentres(ctx.db)).map((c) => ({ path: centrePath(c.id), lastmod: c.updated_at })),
  ]),
];
