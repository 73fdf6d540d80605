// What events add to other modules' pages: the home page's "upcoming events" section (site's
// `homeSections`) and the events section of a gmina's or powiat's territorial profile (territory's
// `profileSections`, id `events`), both listing published events that have not ended.
import type { FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../core/module.js';
import { translator } from '../../i18n/index.js';
import type { HomeSection } from '../site/index.js';
import type { ProfileSection, ProfileUnit } from '../territory/index.js';
import * as svc from './events.service.js';
import { listed } from './public.routes.js';
import { EventList } from './public.views.js';
import { localize } from '../../core/http/language.js';
import { cachedUntilWrite } from '../../core/db/write-cache.js';
import { CachedFragment, identityKey } from '../../core/ui/fragment.js';
import type { EventRow } from './events.repo.js';

/** The home page's list: what it reads, as the section's cache names it. */
const HOME_TABLES = ['events', 'territorial_units'];

/**
 * The first instant after `now` at which the listed events' lines change without a write: a listed
 * event ends (it leaves, the next one comes in) or its registration opens or closes. Only a write
 * can bring in an event that starts earlier, so nothing else changes the list.
 */
export function homeListChangesAt(rows: readonly EventRow[], now: Date): Date | null {
  const t = now.toISOString();
  let first: string | null = null;
  for (const e of rows)
    for (const at of [e.ends_at, e.registration_opens_at, e.registration_closes_at])
      if (at !== null && at > t && (first === null || at < first)) first = at;
  return first === null ? null : new Date(first);
}

/**
 * The home page's upcoming events, kept until a write to the events or the gminy, or until the
 * instant their lines change (`homeListChangesAt`): a view runs no query, and the section is
 * rendered once per list and language.
 */
export const eventsHomeSection: HomeSection = {
  id: 'events',
  order: 30,
  async render(ctx: ModuleContext, request: FastifyRequest) {
    const home = await cachedUntilWrite(
      ctx,
      HOME_TABLES,
      'home-upcoming',
      async () => {
        const now = ctx.clock.now();
        const rows = await svc.upcoming(ctx, 3);
        return { items: await listed(ctx, rows), changesAt: homeListChangesAt(rows, now) };
      },
      { expires: { clock: ctx.clock, at: (v) => v.changesAt } },
    );
    const t = translator(request.lang);
    return (
      <CachedFragment contentKey={`${identityKey(home)}`}>
        {() => (
          <section aria-labelledby="home-events" class="home-section">
            <h2 id="home-events">{t('events.upcoming')}</h2>
            {home.items.length ? <EventList items={home.items} /> : <p>{t('events.noneUpcoming')}</p>}
            <p>
              <a href={localize('/wydarzenia', request.lang)}>{t('events.allUpcoming')}</a>
            </p>
          </section>
        )}
      </CachedFragment>
    );
  },
};

export const eventsProfileSection: ProfileSection = {
  id: 'events',
  order: 40,
  titleKey: 'events.profileTitle',
  async render(ctx: ModuleContext, request: FastifyRequest, unit: ProfileUnit) {
    const items = await listed(ctx, await svc.upcoming(ctx, 10, unit.gminy));
    const t = translator(request.lang);
    return items.length ? <EventList items={items} /> : <p>{t('events.profileNone')}</p>;
  },
};
