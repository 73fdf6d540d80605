// Routes of written procedures: staff (coordinators, administrators) write a draft resolution, change
// it and open it to the members; a member votes once by the one-click link from the e-mail or in the
// member space; everyone reads the body's register of resolutions where the body publishes its
// minutes (members and staff otherwise).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { formBody } from '../../../core/http/forms.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { renderMarkdown } from '../../../core/text/markdown.js';
import { auditFromRequest } from '../../audit/index.js';
import { assertMinutesReader, isInsider, manageBodies } from '../bodies.policy.js';
import * as repo from '../bodies.repo.js';
import * as svc from '../bodies.service.js';
import { SlugParams } from '../public.routes.js';
import {
  answerFlow,
  go,
  ID,
  IdParams,
  memberSpaceRoute,
  OkQuery,
  okNotice,
  onForm,
  publicPage,
  SLUG,
  staffPage,
  TokenParams,
  type FormState,
} from '../shared/http.js';
import * as prepo from './procedures.repo.js';
import * as psvc from './procedures.service.js';
import * as pv from './procedures.views.js';
import { registerOf } from './register.js';

const ProcedureParams = Type.Object({ id: Type.String({ pattern: ID }), procedureId: Type.String({ pattern: ID }) });
const MemberParams = Type.Object({ slug: Type.String({ pattern: SLUG }), procedureId: Type.String({ pattern: ID }) });
const FormBody = formBody({ maxLength: 30000, maxProperties: 20 });

export async function procedureRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const config = { access: manageBodies };
  const listPath = (body: repo.BodyRow) => `/admin/zespoly/${body.id}/obiegowe`;

  // --- staff ---------------------------------------------------------------------------------------

  const listPage = async (request: FastifyRequest, reply: FastifyReply, body: repo.BodyRow, form: FormState = {}) =>
    staffPage(
      request,
      reply,
      body,
      request.t('bodies.procedure.title'),
      [],
      <pv.ProceduresAdminView
        body={body}
        procedures={await prepo.listProcedures(ctx.db, body.id)}
        values={form.values ?? {}}
        problems={form.problems ?? []}
        csrf={reply.generateCsrf()}
      />,
      form.status,
    );

  app.get('/admin/zespoly/:id/obiegowe', { config, schema: { params: IdParams } }, async (request, reply) =>
    listPage(request, reply, await svc.getBody(ctx, request.params.id)),
  );

  app.post('/admin/zespoly/:id/obiegowe', { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const body = await svc.getBody(ctx, request.params.id);
    return onForm(
      ctx,
      () => psvc.createProcedure(ctx, body, request.body, auditFromRequest(request)),
      (refused) => listPage(request, reply, body, { values: request.body, ...refused }),
      (id) => go(request, reply, `${listPath(body)}/${id}?ok=utworzono`),
    );
  });

  const procedurePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: repo.BodyRow,
    procedureId: string,
    form: FormState & { ok?: string } = {},
  ) => {
    const p = await psvc.getProcedure(ctx, body, procedureId);
    const ballots = await prepo.listBallots(ctx.db, p.id);
    const votes = new Map((await prepo.listVotes(ctx.db, p.id)).map((v) => [v.membership_id, v.vote]));
    const members = new Map((await repo.listMemberships(ctx.db, p.term_id)).map((m) => [m.id, m.person_name]));
    const voted = ballots
      .filter((b) => votes.has(b.membership_id))
      .map((b) => ({ name: members.get(b.membership_id) ?? '', vote: body.is_votes_named ? (votes.get(b.membership_id) ?? null) : null }))
      .sort((a, b) => a.name.localeCompare(b.name, 'pl'));
    return staffPage(
      request,
      reply,
      body,
      p.title,
      [{ label: request.t('bodies.procedure.title'), path: listPath(body) }],
      <pv.ProcedureAdminView
        body={body}
        p={p}
        textHtml={renderMarkdown(p.text)}
        ballots={ballots.length}
        voted={voted}
        values={form.values ?? psvc.procedureFormValues(p)}
        problems={form.problems ?? []}
        csrf={reply.generateCsrf()}
        notice={okNotice(request, form.ok, {
          utworzono: 'bodies.procedure.created',
          zapisano: 'bodies.procedure.saved',
          otwarto: 'bodies.procedure.opened',
        })}
      />,
      form.status,
    );
  };

  app.get(
    '/admin/zespoly/:id/obiegowe/:procedureId',
    { config, schema: { params: ProcedureParams, querystring: OkQuery } },
    async (request, reply) =>
      procedurePage(request, reply, await svc.getBody(ctx, request.params.id), request.params.procedureId, { ok: request.query.ok }),
  );

  /** A change of one procedure (its draft, its opening): a refusal draws its page again, success redirects to it. */
  const procedureAction = (
    suffix: string,
    run: (
      body: repo.BodyRow,
      procedureId: string,
      form: Record<string, string>,
      actor: ReturnType<typeof auditFromRequest>,
    ) => Promise<unknown>,
    ok: string,
    keepValues: boolean,
  ) =>
    app.post(
      `/admin/zespoly/:id/obiegowe/:procedureId${suffix}`,
      { config, schema: { params: ProcedureParams, body: FormBody } },
      async (request, reply) => {
        const body = await svc.getBody(ctx, request.params.id);
        const { procedureId } = request.params;
        return onForm(
          ctx,
          () => run(body, procedureId, request.body, auditFromRequest(request)),
          (refused) => procedurePage(request, reply, body, procedureId, { values: keepValues ? request.body : undefined, ...refused }),
          () => go(request, reply, `${listPath(body)}/${procedureId}?ok=${ok}`),
        );
      },
    );
  procedureAction('', (body, id, form, actor) => psvc.changeProcedure(ctx, body, id, form, actor), 'zapisano', true);
  procedureAction('/otwarcie', (body, id, _form, actor) => psvc.openProcedure(ctx, body, id, actor), 'otwarto', false);

  // --- ballots -------------------------------------------------------------------------------------

  const ballots = answerFlow(
    ctx,
    'bodies.procedure.ballotTitle',
    (view: psvc.BallotView, form) => (
      <pv.BallotPage
        body={view.body}
        p={view.procedure}
        textHtml={renderMarkdown(view.procedure.text)}
        vote={view.vote}
        open={psvc.votingOpen(ctx, view.procedure)}
        {...form}
      />
    ),
    (view, form) => psvc.castVote(ctx, view, form),
    (view, cast) => ({ ...view, vote: cast }),
  );

  /** The ballot a one-click link stands for. */
  const byLink = async (token: string) => ({ view: await psvc.ballotByToken(ctx, token), action: `/zespoly/glosowanie/${token}` });

  app.get('/zespoly/glosowanie/:token', { config: { access: 'public' }, schema: { params: TokenParams } }, async (request, reply) =>
    ballots.show(request, reply, await byLink(request.params.token)),
  );

  app.post(
    '/zespoly/glosowanie/:token',
    { config: { access: 'public' }, schema: { params: TokenParams, body: FormBody } },
    async (request, reply) => ballots.submit(request, reply, await byLink(request.params.token), request.body),
  );

  const member = memberSpaceRoute(ctx);
  /** The signed-in member's ballot in a procedure of their body (`:slug`), cast in the member space. */
  const inSpace = async (userId: string, params: { slug: string; procedureId: string }) => {
    const body = await svc.getBodyBySlug(ctx, params.slug);
    const view = await psvc.ballotOfUser(ctx, userId, body, params.procedureId);
    return { view, action: `/zespoly/${body.slug}/dla-czlonkow/obiegowe/${view.procedure.id}` };
  };

  app.get('/zespoly/:slug/dla-czlonkow/obiegowe/:procedureId', { ...member, schema: { params: MemberParams } }, async (request, reply) =>
    ballots.show(request, reply, await inSpace(request.user!.id, request.params)),
  );

  app.post(
    '/zespoly/:slug/dla-czlonkow/obiegowe/:procedureId',
    { ...member, schema: { params: MemberParams, body: FormBody } },
    async (request, reply) => ballots.submit(request, reply, await inSpace(request.user!.id, request.params), request.body),
  );

  // --- the register of resolutions -------------------------------------------------------------------

  app.get('/zespoly/:slug/uchwaly', { config: { access: 'public' }, schema: { params: SlugParams } }, async (request, reply) => {
    const body = await svc.getBodyBySlug(ctx, request.params.slug);
    assertMinutesReader(request.user, body);
    return publicPage(
      request,
      reply,
      body,
      request.t('bodies.register.title'),
      [],
      // the public sees what the minutes publish; members and staff see every approved meeting too
      <pv.RegisterView body={body} entries={await registerOf(ctx, body, { publicOnly: !isInsider(request.user, body.id) })} />,
    );
  });
}
