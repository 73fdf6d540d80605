// Routes of the local governments' good practices: the public list (`?q=` filters by words), an
// article, and the staff list and form (coordinators and administrators; audited by the service).
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { formBody } from '../../../core/http/forms.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { IdParams, staffPages, SavedQuery } from '../localgov.http.js';
import { manageLocalgov } from '../localgov.policy.js';
import * as svc from './practices.service.js';
import { PracticeArticle, PracticeFormView, PracticesAdminView, PracticesView } from './practices.views.js';

const PUBLIC = '/samorzady/dobre-praktyki';
const ADMIN = '/admin/samorzady/dobre-praktyki';
const Body = formBody({ maxLength: 4000, maxProperties: 12 });

export async function practicesRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const publicCrumbs = (request: FastifyRequest, last?: string) => [
    { label: request.t('localgov.nav'), path: '/samorzady' },
    ...(last
      ? [{ label: request.t('localgov.practices.title'), path: PUBLIC }, { label: last }]
      : [{ label: request.t('localgov.practices.title') }]),
  ];

  app.get(
    PUBLIC,
    { config: { access: 'public' }, schema: { querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) }) } },
    async (request, reply) => {
      const q = request.query.q ?? '';
      return sendPage(
        request,
        reply,
        { title: request.t('localgov.practices.title'), breadcrumbs: publicCrumbs(request) },
        <PracticesView practices={await svc.listPractices(ctx, request.lang, q)} q={q} />,
      );
    },
  );

  app.get(`${PUBLIC}/:id`, { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) => {
    const p = await svc.getPractice(ctx, request.params.id, request.lang);
    return sendPage(request, reply, { title: p.title, breadcrumbs: publicCrumbs(request, p.title) }, <PracticeArticle p={p} />);
  });

  const access = manageLocalgov;
  const staff = staffPages(ctx, {
    path: ADMIN,
    listTitle: 'localgov.practices.title',
    newTitle: 'localgov.practices.newTitle',
    editTitle: 'localgov.practices.editTitle',
    Form: PracticeFormView,
    save: svc.savePractice,
  });

  app.get(ADMIN, { config: { access } }, async (request, reply) =>
    staff.list(request, reply, <PracticesAdminView practices={await svc.listPractices(ctx, request.lang)} />),
  );

  app.get(`${ADMIN}/nowa`, { config: { access } }, async (request, reply) => staff.form(request, reply, null, {}));

  app.post(`${ADMIN}/nowa`, { config: { access }, schema: { body: Body } }, async (request, reply) =>
    staff.submit(request, reply, null, request.body),
  );

  app.get(`${ADMIN}/:id`, { config: { access }, schema: { params: IdParams, querystring: SavedQuery } }, async (request, reply) => {
    const values = await svc.practiceFormValues(ctx, request.params.id, request.lang);
    return staff.form(request, reply, request.params.id, values, { saved: request.query.ok === '1' });
  });

  app.post(`${ADMIN}/:id`, { config: { access }, schema: { params: IdParams, body: Body } }, async (request, reply) =>
    staff.submit(request, reply, request.params.id, request.body),
  );
}
