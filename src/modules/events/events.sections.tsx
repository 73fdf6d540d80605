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

export const eventsHomeSection: HomeSection = {
  id: 'events',
  order: 30,
  async render(ctx: ModuleContext, request: FastifyRequest) {
    const items = await listed(ctx, await svc.upcoming(ctx, 3));
    const t = translator(request.lang);
    return (
      <section aria-labelledby="home-events" class="home-section">
        <h2 id="home-events">{t('events.upcoming')}</h2>
        {items.length ? <EventList items={items} /> : <p>{t('events.noneUpcoming')}</p>}
        <p>
          <a href={localize('/wydarzenia', request.lang)}>{t('events.allUpcoming')}</a>
        </p>
      </section>
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
