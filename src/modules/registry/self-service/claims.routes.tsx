// Routes of "To mój podmiot" and the staff queues. The public form is multipart (the document);
// its parser lives in a scope of its own so other registry routes keep their body parsing. Staff
// (coordinators, administrators) decide requests and representatives' proposals; the document is
// sent to staff only, as an attachment that is never cached.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { hasScopedRole } from '../../../core/auth/access.js';
import type { Problem } from '../../../core/errors/app-error.js';
import { formBody, formProblems, submitForm, textFields, type FormFields, type FormRefusals } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { auditFromRequest } from '../../audit/index.js';
import { readUpload, registerUploads, sendStored, STORED_FILE_METHODS, uploadedFile } from '../../../core/http/uploads.js';
import * as svc from './claims.service.js';
import * as v from './claims.views.js';
import { manageRegistry } from '../registry.policy.js';
import * as rep from './representative.service.js';
import { entityPath } from '../entity/registry.service.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const FormBody = formBody({ maxLength: 10000, maxProperties: 20 });
const StateQuery = Type.Object({ stan: Type.Optional(Type.String({ maxLength: 20 })), ok: Type.Optional(Type.String({ maxLength: 20 })) });

export async function claimsRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  /** Besides bad input, a form shows "already decided" (another staff member was quicker) as its problem. */
  const refusals: FormRefusals = { errors: ctx.errors, codes: ['registry.claim_decided', 'registry.proposal_decided'] };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const staff = { access: manageRegistry };

  // --- public request ----------------------------------------------------------------------------

  const claimForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Record<string, string | undefined> | null,
    problems: Problem[] = [],
    status = 200,
  ) => {
    const entity = await svc.claimableEntity(ctx, id);
    const user = request.user;
    const initial = values ?? (user ? { name: user.displayName, email: user.email } : {});
    return sendPage(
      request,
      reply,
      {
        title: request.t('claims.form.title', { entity: entity.name }),
        breadcrumbs: [
          { label: request.t('registry.nav'), path: '/podmioty' },
          { label: entity.name, path: entityPath(entity) },
          { label: request.t('claims.link') },
        ],
      },
      <v.ClaimFormView
        entity={entity}
        csrf={reply.generateCsrf()}
        values={initial}
        problems={problems}
        fromAccount={!values && !!user}
        represents={!!user && hasScopedRole(user, 'entity_representative', 'entity', entity.id)}
      />,
      status,
    );
  };

  app.get('/podmioty/:id/to-moj-podmiot', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) =>
    claimForm(request, reply, request.params.id, null),
  );

  await app.register(async (scope: AppInstance) => {
    await registerUploads(scope);
    scope.post(
      '/podmioty/:id/to-moj-podmiot',
      {
        config: { access: 'public', rateLimit: { max: 5, timeWindow: '10 minutes' } },
        preValidation: readUpload({ fileSize: svc.CLAIM_MAX_BYTES }),
        schema: { params: IdParams },
      },
      async (request, reply) => {
        const { id } = request.params;
        const body = textFields(request.body);
        try {
          await svc.submitClaim(
            ctx,
            id,
            body,
            uploadedFile(request, 'document'),
            { lang: request.lang, userId: request.user?.id ?? null },
            auditFromRequest(request),
          );
        } catch (err) {
          const { problems, status } = formProblems(err, refusals);
          return claimForm(request, reply, id, body, problems, status);
        }
        return go(request, reply, `/podmioty/${id}/to-moj-podmiot/wyslano`);
      },
    );
  });

  app.get(
    '/podmioty/:id/to-moj-podmiot/wyslano',
    { config: { access: 'public' }, schema: { params: IdParams } },
    async (request, reply) => {
      const entity = await svc.claimableEntity(ctx, request.params.id);
      return sendPage(
        request,
        reply,
        {
          title: request.t('claims.sent.title'),
          breadcrumbs: [
            { label: request.t('registry.nav'), path: '/podmioty' },
            { label: entity.name, path: entityPath(entity) },
            { label: request.t('claims.sent.title') },
          ],
        },
        <v.ClaimSentView entity={entity} />,
      );
    },
  );

  // --- staff: requests ---------------------------------------------------------------------------

  const crumbs = (request: FastifyRequest, list: { label: string; path: string }, last?: string) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('registry.admin.title'), path: '/admin/podmioty' },
    ...(last ? [list, { label: last }] : [{ label: list.label }]),
  ];
  const claimsCrumb = (request: FastifyRequest) => ({ label: request.t('claims.admin.title'), path: '/admin/podmioty/zgloszenia' });
  const proposalsCrumb = (request: FastifyRequest) => ({
    label: request.t('claims.admin.proposalsTitle'),
    path: '/admin/podmioty/propozycje',
  });

  app.get('/admin/podmioty/zgloszenia', { config: staff, schema: { querystring: StateQuery } }, async (request, reply) => {
    const q = request.query;
    const status = svc.parseClaimStatus(q.stan);
    const rows = await svc.listClaims(ctx, status);
    const notice =
      q.ok === 'przyjete' ? request.t('claims.admin.approved') : q.ok === 'odrzucone' ? request.t('claims.admin.rejected') : null;
    return sendPage(
      request,
      reply,
      { title: request.t('claims.admin.title'), breadcrumbs: crumbs(request, claimsCrumb(request)) },
      <v.ClaimsListView status={status} rows={rows} notice={notice} />,
    );
  });

  const claimPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: FormFields = {},
    problems: Problem[] = [],
    status = 200,
  ) => {
    const d = await svc.claimDetail(ctx, id);
    return sendPage(
      request,
      reply,
      {
        title: request.t('claims.admin.detailTitle', { entity: d.entity.name }),
        breadcrumbs: crumbs(request, claimsCrumb(request), d.entity.name),
      },
      <v.ClaimDetailView
        claim={d.claim}
        entity={d.entity}
        file={d.file}
        csrf={reply.generateCsrf()}
        values={values}
        problems={problems}
        notice={null}
      />,
      status,
    );
  };

  app.get('/admin/podmioty/zgloszenia/:id', { config: staff, schema: { params: IdParams } }, async (request, reply) =>
    claimPage(request, reply, request.params.id),
  );

  app.post('/admin/podmioty/zgloszenia/:id', { config: staff, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    const decided = await submitForm(
      () =>
        svc.decideClaim(ctx, id, request.body, { id: request.user!.id, displayName: request.user!.displayName }, auditFromRequest(request)),
      refusals,
    );
    if (!decided.ok) return claimPage(request, reply, id, request.body, decided.problems, decided.status);
    return go(request, reply, `/admin/podmioty/zgloszenia?ok=${decided.value === 'approve' ? 'przyjete' : 'odrzucone'}`);
  });

  app.route({
    method: STORED_FILE_METHODS,
    url: '/admin/podmioty/zgloszenia/:id/dokument',
    config: staff,
    schema: { params: IdParams },
    handler: async (request, reply) => {
      const { head, read } = await svc.claimDocument(ctx, request.params.id, auditFromRequest(request));
      reply.header('x-content-type-options', 'nosniff');
      await sendStored(
        request,
        reply,
        {
          sha256: head.sha256,
          byteSize: head.byte_size,
          contentType: head.content_type,
          fileName: head.file_name,
          cacheControl: 'private, no-store',
        },
        read,
      );
      return reply;
    },
  });

  // --- staff: proposals --------------------------------------------------------------------------

  app.get('/admin/podmioty/propozycje', { config: staff, schema: { querystring: StateQuery } }, async (request, reply) => {
    const q = request.query;
    const status = q.stan === 'accepted' || q.stan === 'rejected' ? q.stan : 'pending';
    const rows = await rep.pendingProposals(ctx, status);
    const notice =
      q.ok === 'przyjeta' ? request.t('claims.admin.accepted') : q.ok === 'odrzucona' ? request.t('claims.admin.proposalRejected') : null;
    return sendPage(
      request,
      reply,
      { title: request.t('claims.admin.proposalsTitle'), breadcrumbs: crumbs(request, proposalsCrumb(request)) },
      <v.ProposalsListView status={status} rows={rows} notice={notice} />,
    );
  });

  const proposalPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: FormFields = {},
    problems: Problem[] = [],
    status = 200,
  ) => {
    const d = await rep.proposalDetail(ctx, id, request.lang);
    const kind = request.t(`claims.kinds.${d.proposal.kind}`);
    return sendPage(
      request,
      reply,
      {
        title: request.t('claims.admin.proposalTitle', { kind, entity: d.entity.name }),
        breadcrumbs: crumbs(request, proposalsCrumb(request), `${kind} — ${d.entity.name}`),
      },
      <v.ProposalDetailView
        proposal={d.proposal}
        entity={d.entity}
        lines={d.lines}
        csrf={reply.generateCsrf()}
        values={values}
        problems={problems}
        notice={null}
      />,
      status,
    );
  };

  app.get('/admin/podmioty/propozycje/:id', { config: staff, schema: { params: IdParams } }, async (request, reply) =>
    proposalPage(request, reply, request.params.id),
  );

  app.post('/admin/podmioty/propozycje/:id', { config: staff, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    const decided = await submitForm(
      () => rep.decideProposal(ctx, id, request.body, request.user!.id, auditFromRequest(request)),
      refusals,
    );
    if (!decided.ok) return proposalPage(request, reply, id, request.body, decided.problems, decided.status);
    return go(request, reply, `/admin/podmioty/propozycje?ok=${decided.value === 'accept' ? 'przyjeta' : 'odrzucona'}`);
  });
}
