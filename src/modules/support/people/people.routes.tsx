// The centre people's page: request counts per subregion and month of the centres their
// `support_centre` role names — only those, and never the requests' texts (staff see every centre's
// counts on /admin/wsparcie).
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { leadCounts } from '../leads.service.js';
import * as repo from '../support.repo.js';
import { centresOf, ownCentreCounts } from '../support.policy.js';
import { OwnCountsView } from './people.views.js';

export const OWN_COUNTS_PATH = '/wsparcie/moje-zgloszenia';

export async function peopleRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  app.get(OWN_COUNTS_PATH, { config: { access: ownCentreCounts } }, async (request, reply) => {
    const centres = [];
    for (const id of centresOf(request.user!)) {
      const centre = await repo.findCentre(ctx.db, id);
      if (centre) centres.push({ name: centre.name, counts: await leadCounts(ctx, request.lang, centre.id) });
    }
    return sendPage(
      request,
      reply,
      {
        title: request.t('support.own.title'),
        breadcrumbs: [{ label: request.t('support.title'), path: '/wsparcie' }, { label: request.t('support.own.title') }],
      },
      <OwnCountsView centres={centres} />,
    );
  });
}
