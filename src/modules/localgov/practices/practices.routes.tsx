// Routes of the local governments' good practices: the public list (`?q=` filters by words), an
// article, and the staff list and form (coordinators and administrators; audited by the service).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { UUID_PATTERN } from '../../../core/db/ids.js';
import type { Problem } from '../../../core/errors/app-error.js';
import { formBody, submitForm } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { auditFromRequest } from '../../audit/index.js';
import { manageLocalgov } from '../localgov.policy.js';
import { unitOptions } from '../localgov.units.js';
import * as svc from './practices.service.js';
import { PracticeArticle, PracticeFormView, PracticesAdminView, PracticesView } from './practices.views.js';

const PUBLIC = '/samorzady/dobre-praktyki';
const ADMIN = '/admin/samorzady/dobre-praktyki';
const Body = formBody({ maxLength: 4000, maxProperties: 12 });
const Params = Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) });

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

  app.get(`${PUBLIC}/:id`, { config: { access: 'public' }, schema: { params: Params } }, async (request, reply) => {
    const p = await svc.getPractice(ctx, request.params.id, request.lang);
    return sendPage(request, reply, { title: p.title, breadcrumbs: publicCrumbs(request, p.title) }, <PracticeArticle p={p} />);
  });

  const access = manageLocalgov;
  const refusals = { errors: ctx.errors, codes: (code: string) => code.startsWith('localgov.') };
  const crumbs = (request: FastifyRequest, last?: string) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('localgov.admin.title'), path: '/admin/samorzady' },
    ...(last
      ? [{ label: request.t('localgov.practices.title'), path: ADMIN }, { label: last }]
      : [{ label: request.t('localgov.practices.title') }]),
  ];

  app.get(ADMIN, { config: { access } }, async (request, reply) =>
    sendPage(
      request,
      reply,
      { title: request.t('localgov.practices.title'), breadcrumbs: crumbs(request) },
      <PracticesAdminView practices={await svc.listPractices(ctx, request.lang)} />,
    ),
  );

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    values: Record<string, string>,
    opts: { problems?: Problem[]; saved?: boolean; status?: number } = {},
  ) => {
    const title = request.t(id ? 'localgov.practices.editTitle' : 'localgov.practices.newTitle');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: crumbs(request, title) },
      <PracticeFormView
        csrf={reply.generateCsrf()}
        id={id}
        values={values}
        problems={opts.problems ?? []}
        units={await unitOptions(ctx, request.lang)}
        saved={opts.saved ?? false}
        title={title}
      />,
      opts.status ?? 200,
    );
  };

  app.get(`${ADMIN}/nowa`, { config: { access } }, async (request, reply) => formPage(request, reply, null, {}));

  app.post(`${ADMIN}/nowa`, { config: { access }, schema: { body: Body } }, async (request, reply) => {
    const done = await submitForm(() => svc.savePractice(ctx, null, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return formPage(request, reply, null, request.body, { problems: done.problems, status: done.status });
    return reply.redirect(localize(`${ADMIN}/${done.value}?ok=1`, request.lang), 303);
  });

  app.get(
    `${ADMIN}/:id`,
    { config: { access }, schema: { params: Params, querystring: Type.Object({ ok: Type.Optional(Type.Literal('1')) }) } },
    async (request, reply) => {
      const values = await svc.practiceFormValues(ctx, request.params.id, request.lang);
      return formPage(request, reply, request.params.id, values, { saved: request.query.ok === '1' });
    },
  );

  app.post(`${ADMIN}/:id`, { config: { access }, schema: { params: Params, body: Body } }, async (request, reply) => {
    const { id } = request.params;
    const done = await submitForm(() => svc.savePractice(ctx, id, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return formPage(request, reply, id, request.body, { problems: done.problems, status: done.status });
    return reply.redirect(localize(`${ADMIN}/${id}?ok=1`, request.lang), 303);
  });
}
