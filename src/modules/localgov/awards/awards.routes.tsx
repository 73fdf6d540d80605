// Routes of the local governments' awards: the public list by edition (`/samorzady/nagrody`) and
// the staff list, form and removal (coordinators and administrators; audited by the service).
import { formBody } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { auditFromRequest } from '../../audit/index.js';
import { IdParams, SavedQuery, staffPages } from '../localgov.http.js';
import { manageLocalgov } from '../localgov.policy.js';
import { unitOptions } from '../localgov.units.js';
import * as svc from './awards.service.js';
import { AwardFormView, AwardsAdminView, AwardsView } from './awards.views.js';

const ADMIN = '/admin/samorzady/nagrody';
const Body = formBody({ maxLength: 600, maxProperties: 12 });

export async function awardsRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  app.get('/samorzady/nagrody', { config: { access: 'public' } }, async (request, reply) => {
    const title = request.t('localgov.awards.title');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [{ label: request.t('localgov.nav'), path: '/samorzady' }, { label: title }] },
      <AwardsView awards={await svc.allAwards(ctx, request.lang)} />,
    );
  });

  const access = manageLocalgov;
  const staff = staffPages(ctx, {
    path: ADMIN,
    listTitle: 'localgov.awards.adminTitle',
    newTitle: 'localgov.awards.newTitle',
    editTitle: 'localgov.awards.editTitle',
    Form: AwardFormView,
    save: svc.saveAward,
  });

  app.get(ADMIN, { config: { access } }, async (request, reply) =>
    staff.list(request, reply, <AwardsAdminView awards={await svc.allAwards(ctx, request.lang)} />),
  );

  app.get(`${ADMIN}/nowa`, { config: { access } }, async (request, reply) => staff.form(request, reply, null, {}));

  app.post(`${ADMIN}/nowa`, { config: { access }, schema: { body: Body } }, async (request, reply) =>
    staff.submit(request, reply, null, request.body),
  );

  app.get(`${ADMIN}/:id`, { config: { access }, schema: { params: IdParams, querystring: SavedQuery } }, async (request, reply) => {
    const row = await svc.getAward(ctx, request.params.id);
    return staff.form(request, reply, row.id, svc.awardFormValues(row, await unitOptions(ctx, request.lang)), {
      saved: request.query.ok === '1',
    });
  });

  app.post(`${ADMIN}/:id`, { config: { access }, schema: { params: IdParams, body: Body } }, async (request, reply) =>
    staff.submit(request, reply, request.params.id, request.body),
  );

  app.post(`${ADMIN}/:id/usun`, { config: { access }, schema: { params: IdParams, body: Body } }, async (request, reply) => {
    await svc.removeAward(ctx, request.params.id, auditFromRequest(request));
    return reply.redirect(localize(ADMIN, request.lang), 303);
  });
}
