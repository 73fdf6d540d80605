// Routes of the local governments' awards: the public list by edition (`/samorzady/nagrody`) and
// the staff list, form and removal (coordinators and administrators; audited by the service).
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
import * as svc from './awards.service.js';
import { AwardFormView, AwardsAdminView, AwardsView } from './awards.views.js';

const ADMIN = '/admin/samorzady/nagrody';
const Body = formBody({ maxLength: 600, maxProperties: 12 });
const Params = Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) });
const OkQuery = Type.Object({ ok: Type.Optional(Type.Literal('1')) });

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
  const refusals = { errors: ctx.errors, codes: (code: string) => code.startsWith('localgov.') };
  const crumbs = (request: FastifyRequest, last?: string) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('localgov.admin.title'), path: '/admin/samorzady' },
    ...(last
      ? [{ label: request.t('localgov.awards.adminTitle'), path: ADMIN }, { label: last }]
      : [{ label: request.t('localgov.awards.adminTitle') }]),
  ];

  app.get(ADMIN, { config: { access } }, async (request, reply) =>
    sendPage(
      request,
      reply,
      { title: request.t('localgov.awards.adminTitle'), breadcrumbs: crumbs(request) },
      <AwardsAdminView awards={await svc.allAwards(ctx, request.lang)} />,
    ),
  );

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    values: Record<string, string>,
    opts: { problems?: Problem[]; saved?: boolean; status?: number } = {},
  ) => {
    const title = request.t(id ? 'localgov.awards.editTitle' : 'localgov.awards.newTitle');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: crumbs(request, title) },
      <AwardFormView
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
    const done = await submitForm(() => svc.saveAward(ctx, null, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return formPage(request, reply, null, request.body, { problems: done.problems, status: done.status });
    return reply.redirect(localize(`${ADMIN}/${done.value}?ok=1`, request.lang), 303);
  });

  app.get(`${ADMIN}/:id`, { config: { access }, schema: { params: Params, querystring: OkQuery } }, async (request, reply) => {
    const row = await svc.getAward(ctx, request.params.id);
    return formPage(request, reply, row.id, svc.awardFormValues(row, await unitOptions(ctx, request.lang)), {
      saved: request.query.ok === '1',
    });
  });

  app.post(`${ADMIN}/:id`, { config: { access }, schema: { params: Params, body: Body } }, async (request, reply) => {
    const { id } = request.params;
    const done = await submitForm(() => svc.saveAward(ctx, id, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return formPage(request, reply, id, request.body, { problems: done.problems, status: done.status });
    return reply.redirect(localize(`${ADMIN}/${id}?ok=1`, request.lang), 303);
  });

  app.post(`${ADMIN}/:id/usun`, { config: { access }, schema: { params: Params, body: Body } }, async (request, reply) => {
    await svc.removeAward(ctx, request.params.id, auditFromRequest(request));
    return reply.redirect(localize(ADMIN, request.lang), 303);
  });
}
