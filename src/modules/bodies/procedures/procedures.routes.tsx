// Routes of written procedures: staff (coordinators, administrators) write a draft resolution, change
// it and open it to the members; a member votes once by the one-click link from the e-mail or in the
// member space; everyone reads the body's register of resolutions where the body publishes its
// minutes (members and staff otherwise).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type Problem } from '../../../core/errors/app-error.js';
import { formBody, submitForm, type FormRefusals } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { renderMarkdown } from '../../../core/text/markdown.js';
import { auditFromRequest } from '../../audit/index.js';
import { assertMinutesReader, isInsider, manageBodies, memberSpace } from '../bodies.policy.js';
import * as repo from '../bodies.repo.js';
import * as svc from '../bodies.service.js';
import { SlugParams } from '../public.routes.js';
import * as prepo from './procedures.repo.js';
import * as psvc from './procedures.service.js';
import * as pv from './procedures.views.js';
import { registerOf } from './register.js';

const ID = '^[0-9a-zA-Z-]{1,64}$';
const SLUG = '^[a-z0-9-]{1,80}$';
const IdParams = Type.Object({ id: Type.String({ pattern: ID }) });
const ProcedureParams = Type.Object({ id: Type.String({ pattern: ID }), procedureId: Type.String({ pattern: ID }) });
const MemberParams = Type.Object({ slug: Type.String({ pattern: SLUG }), procedureId: Type.String({ pattern: ID }) });
const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) });
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });
const FormBody = formBody({ maxLength: 30000, maxProperties: 20 });
type Values = Record<string, string | undefined>;

export async function procedureRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const config = { access: manageBodies };
  const refusals: FormRefusals = { errors: ctx.errors, codes: (code) => code.startsWith('bodies.') };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const crumbs = (request: FastifyRequest, body: repo.BodyRow) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('bodies.admin.title'), path: '/admin/zespoly' },
    { label: body.name, path: `/admin/zespoly/${body.id}` },
  ];

  // --- staff ---------------------------------------------------------------------------------------

  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: repo.BodyRow,
    values: Values = {},
    problems: Problem[] = [],
    status = 200,
  ) => {
    const title = request.t('bodies.procedure.title');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...crumbs(request, body), { label: title }] },
      <pv.ProceduresAdminView
        body={body}
        procedures={await prepo.listProcedures(ctx.db, body.id)}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
      />,
      status,
    );
  };

  app.get('/admin/zespoly/:id/obiegowe', { config, schema: { params: IdParams } }, async (request, reply) =>
    listPage(request, reply, await svc.getBody(ctx, request.params.id)),
  );

  app.post('/admin/zespoly/:id/obiegowe', { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const body = await svc.getBody(ctx, request.params.id);
    const saved = await submitForm(() => psvc.createProcedure(ctx, body, request.body, auditFromRequest(request)), refusals);
    if (!saved.ok) return listPage(request, reply, body, request.body, saved.problems, saved.status);
    return go(request, reply, `/admin/zespoly/${body.id}/obiegowe/${saved.value}?ok=utworzono`);
  });

  const procedurePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: repo.BodyRow,
    procedureId: string,
    values?: Values,
    problems: Problem[] = [],
    status = 200,
    ok?: string,
  ) => {
    const p = await psvc.getProcedure(ctx, body, procedureId);
    const ballots = await prepo.listBallots(ctx.db, p.id);
    const votes = new Map((await prepo.listVotes(ctx.db, p.id)).map((v) => [v.membership_id, v.vote]));
    const members = new Map((await repo.listMemberships(ctx.db, p.term_id)).map((m) => [m.id, m.person_name]));
    const voted = ballots
      .filter((b) => votes.has(b.membership_id))
      .map((b) => ({ name: members.get(b.membership_id) ?? '', vote: body.is_votes_named ? (votes.get(b.membership_id) ?? null) : null }))
      .sort((a, b) => a.name.localeCompare(b.name, 'pl'));
    const notices: Record<string, string> = {
      utworzono: request.t('bodies.procedure.created'),
      zapisano: request.t('bodies.procedure.saved'),
      otwarto: request.t('bodies.procedure.opened'),
    };
    return sendPage(
      request,
      reply,
      {
        title: p.title,
        breadcrumbs: [
          ...crumbs(request, body),
          { label: request.t('bodies.procedure.title'), path: `/admin/zespoly/${body.id}/obiegowe` },
          { label: p.title },
        ],
      },
      <pv.ProcedureAdminView
        body={body}
        p={p}
        textHtml={renderMarkdown(p.text)}
        ballots={ballots.length}
        voted={voted}
        values={values ?? psvc.procedureFormValues(p)}
        problems={problems}
        csrf={reply.generateCsrf()}
        notice={ok ? (notices[ok] ?? null) : null}
      />,
      status,
    );
  };

  app.get(
    '/admin/zespoly/:id/obiegowe/:procedureId',
    { config, schema: { params: ProcedureParams, querystring: OkQuery } },
    async (request, reply) =>
      procedurePage(
        request,
        reply,
        await svc.getBody(ctx, request.params.id),
        request.params.procedureId,
        undefined,
        [],
        200,
        request.query.ok,
      ),
  );

  app.post(
    '/admin/zespoly/:id/obiegowe/:procedureId',
    { config, schema: { params: ProcedureParams, body: FormBody } },
    async (request, reply) => {
      const body = await svc.getBody(ctx, request.params.id);
      const saved = await submitForm(
        () => psvc.changeProcedure(ctx, body, request.params.procedureId, request.body, auditFromRequest(request)),
        refusals,
      );
      if (!saved.ok) return procedurePage(request, reply, body, request.params.procedureId, request.body, saved.problems, saved.status);
      return go(request, reply, `/admin/zespoly/${body.id}/obiegowe/${request.params.procedureId}?ok=zapisano`);
    },
  );

  app.post(
    '/admin/zespoly/:id/obiegowe/:procedureId/otwarcie',
    { config, schema: { params: ProcedureParams, body: FormBody } },
    async (request, reply) => {
      const body = await svc.getBody(ctx, request.params.id);
      const saved = await submitForm(() => psvc.openProcedure(ctx, body, request.params.procedureId, auditFromRequest(request)), refusals);
      if (!saved.ok) return procedurePage(request, reply, body, request.params.procedureId, undefined, saved.problems, saved.status);
      return go(request, reply, `/admin/zespoly/${body.id}/obiegowe/${request.params.procedureId}?ok=otwarto`);
    },
  );

  // --- ballots -------------------------------------------------------------------------------------

  const ballotPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: psvc.BallotView,
    action: string,
    problems: Problem[] = [],
    status = 200,
    saved = false,
  ) => {
    const title = request.t('bodies.procedure.ballotTitle');
    return sendPage(
      request,
      reply,
      {
        title,
        breadcrumbs: [
          { label: request.t('bodies.title'), path: '/zespoly' },
          { label: view.body.name, path: `/zespoly/${view.body.slug}` },
          { label: title },
        ],
      },
      <pv.BallotPage
        body={view.body}
        p={view.procedure}
        textHtml={renderMarkdown(view.procedure.text)}
        vote={view.vote}
        open={psvc.votingOpen(ctx, view.procedure)}
        action={action}
        csrf={reply.generateCsrf()}
        problems={problems}
        saved={saved}
      />,
      status,
    );
  };

  const vote = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: psvc.BallotView,
    form: Record<string, string>,
    action: string,
  ) => {
    const saved = await submitForm(() => psvc.castVote(ctx, view, form), refusals);
    if (!saved.ok) return ballotPage(request, reply, view, action, saved.problems, saved.status);
    return ballotPage(request, reply, { ...view, vote: saved.value }, action, [], 200, true);
  };

  app.get('/zespoly/glosowanie/:token', { config: { access: 'public' }, schema: { params: TokenParams } }, async (request, reply) =>
    ballotPage(request, reply, await psvc.ballotByToken(ctx, request.params.token), `/zespoly/glosowanie/${request.params.token}`),
  );

  app.post(
    '/zespoly/glosowanie/:token',
    { config: { access: 'public' }, schema: { params: TokenParams, body: FormBody } },
    async (request, reply) =>
      vote(
        request,
        reply,
        await psvc.ballotByToken(ctx, request.params.token),
        request.body,
        `/zespoly/glosowanie/${request.params.token}`,
      ),
  );

  const bodyIdOfSlug = async (slug: string) => (await repo.findBodyBySlug(ctx.db, slug))?.id ?? null;
  const member = {
    config: { access: memberSpace(bodyIdOfSlug) },
    // before the access rule: to an anonymous visitor the member space does not exist
    onRequest: async (request: FastifyRequest) => {
      if (!request.user) throw new AppError('http.not_found');
    },
  };

  app.get('/zespoly/:slug/dla-czlonkow/obiegowe/:procedureId', { ...member, schema: { params: MemberParams } }, async (request, reply) => {
    const body = await svc.getBodyBySlug(ctx, request.params.slug);
    const view = await psvc.ballotOfUser(ctx, request.user!.id, body, request.params.procedureId);
    return ballotPage(request, reply, view, `/zespoly/${body.slug}/dla-czlonkow/obiegowe/${view.procedure.id}`);
  });

  app.post(
    '/zespoly/:slug/dla-czlonkow/obiegowe/:procedureId',
    { ...member, schema: { params: MemberParams, body: FormBody } },
    async (request, reply) => {
      const body = await svc.getBodyBySlug(ctx, request.params.slug);
      const view = await psvc.ballotOfUser(ctx, request.user!.id, body, request.params.procedureId);
      return vote(request, reply, view, request.body, `/zespoly/${body.slug}/dla-czlonkow/obiegowe/${view.procedure.id}`);
    },
  );

  // --- the register of resolutions -------------------------------------------------------------------

  app.get('/zespoly/:slug/uchwaly', { config: { access: 'public' }, schema: { params: SlugParams } }, async (request, reply) => {
    const body = await svc.getBodyBySlug(ctx, request.params.slug);
    assertMinutesReader(request.user, body);
    const title = request.t('bodies.register.title');
    return sendPage(
      request,
      reply,
      {
        title,
        breadcrumbs: [
          { label: request.t('bodies.title'), path: '/zespoly' },
          { label: body.name, path: `/zespoly/${body.slug}` },
          { label: title },
        ],
      },
      // the public sees what the minutes publish; members and staff see every approved meeting too
      <pv.RegisterView body={body} entries={await registerOf(ctx, body, { publicOnly: !isInsider(request.user, body.id) })} />,
    );
  });
}
