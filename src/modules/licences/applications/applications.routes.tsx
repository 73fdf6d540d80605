// Routes of "Zakup Prospołeczny" applications. Representatives: their applications, a new one for
// a represented entity, one application (edit while a draft or back for completion, submit, attach
// PDFs). Staff: all applications and the formal check, and the rules editions. The certifying
// board (`/zakup-prospoleczny/kapitula`): applications under assessment, a member's assessment or
// conflict declaration, the chair's decision. CSRF on every form; audit in the service.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../../core/errors/app-error.js';
import { formBody, formBodyWithLists, formProblems, submitForm, textFields, type FormRefusals } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import { readUpload, registerUploads, sendStored, STORED_FILE_METHODS, uploadedFile } from '../../../core/http/uploads.js';
import type { ModuleContext } from '../../../core/module.js';
import { auditFromRequest } from '../../audit/index.js';
import { entityFacts } from '../../registry/index.js';
import { entityOfferChoices } from '../../offers/index.js';
import { manageLicences } from '../licences.policy.js';
import { applicationPolicies } from './applications.policy.js';
import * as svc from './applications.service.js';
import * as v from './applications.views.js';

const IdParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$' }) });
const EntityParams = Type.Object({ entityId: Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$' }) });
const FileParams = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$' }),
  fileId: Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$' }),
});
const Body = formBody({ maxLength: 4000, maxProperties: 20 });
const ApplicationBody = formBodyWithLists({ maxLength: 300, maxProperties: 20, maxItems: 50, maxItemLength: 80 });

export async function applicationsRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const p = applicationPolicies(ctx);
  const refusals: FormRefusals = {
    errors: ctx.errors,
    codes: (code) => code.startsWith('licences.') && code !== 'licences.application_not_found' && code !== 'licences.not_found',
  };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const publicCrumb = (request: FastifyRequest) => ({ label: request.t('licences.title'), path: '/zakup-prospoleczny' });
  const mineCrumb = (request: FastifyRequest) => ({ label: request.t('licences.apply.mine'), path: '/zakup-prospoleczny/wnioski' });
  const adminCrumbs = (request: FastifyRequest) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('licences.admin.title'), path: '/admin/zakup-prospoleczny' },
  ];
  const boardCrumb = (request: FastifyRequest) => ({ label: request.t('licences.board.title'), path: '/zakup-prospoleczny/kapitula' });

  // --- representatives ---------------------------------------------------------------------------

  app.get('/zakup-prospoleczny/wnioski', { config: { access: p.representative } }, async (request, reply) => {
    const user = request.user!;
    const entityIds = user.roles.filter((r) => r.role === 'entity_representative' && r.scopeId).map((r) => r.scopeId!);
    const facts = await entityFacts(ctx, entityIds);
    const entities = entityIds.flatMap((id) => {
      const f = facts.get(id);
      return f ? [{ id, name: f.name }] : [];
    });
    return sendPage(
      request,
      reply,
      { title: request.t('licences.apply.mine'), breadcrumbs: [publicCrumb(request), { label: request.t('licences.apply.mine') }] },
      <v.MyApplicationsView items={await svc.myApplications(ctx, user)} entities={entities} />,
    );
  });

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    target: { entityId: string } | { id: string },
    values: Record<string, string | string[]> | null,
    problems: Problem[],
    status = 200,
  ) => {
    const view = 'id' in target ? await svc.getApplication(ctx, target.id) : null;
    const entityId = view ? view.application.entity_id : (target as { entityId: string }).entityId;
    const facts = (await entityFacts(ctx, [entityId])).get(entityId);
    const edition = view?.edition ?? (await svc.currentEdition(ctx));
    const title = view ? request.t('licences.apply.titleOf', { entity: view.application.entity_name }) : request.t('licences.apply.new');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [publicCrumb(request), mineCrumb(request), { label: title }] },
      <v.ApplicationFormView
        title={title}
        entity={{ id: entityId, name: facts?.name ?? view?.application.entity_name ?? '' }}
        view={view}
        edition={edition}
        offers={await entityOfferChoices(ctx, entityId)}
        values={values}
        problems={problems}
      />,
      status,
    );
  };

  app.get(
    '/zakup-prospoleczny/wnioski/nowy/:entityId',
    { config: { access: p.entity }, schema: { params: EntityParams } },
    async (request, reply) => formPage(request, reply, { entityId: request.params.entityId }, null, []),
  );

  app.post(
    '/zakup-prospoleczny/wnioski/nowy/:entityId',
    { config: { access: p.entity }, schema: { params: EntityParams, body: ApplicationBody } },
    async (request, reply) => {
      const target = { entityId: request.params.entityId };
      const done = await submitForm(
        () => svc.saveApplication(ctx, auditFromRequest(request), target, request.body, request.body.action === 'submit'),
        refusals,
      );
      if (!done.ok) return formPage(request, reply, target, request.body, done.problems, done.status);
      return go(request, reply, svc.applicationPath(done.value));
    },
  );

  app.get('/zakup-prospoleczny/wnioski/:id', { config: { access: p.applicant }, schema: { params: IdParams } }, async (request, reply) =>
    formPage(request, reply, { id: request.params.id }, null, []),
  );

  app.post(
    '/zakup-prospoleczny/wnioski/:id',
    { config: { access: p.applicant }, schema: { params: IdParams, body: ApplicationBody } },
    async (request, reply) => {
      const target = { id: request.params.id };
      const done = await submitForm(
        () => svc.saveApplication(ctx, auditFromRequest(request), target, request.body, request.body.action === 'submit'),
        refusals,
      );
      if (!done.ok) return formPage(request, reply, target, request.body, done.problems, done.status);
      return go(request, reply, svc.applicationPath(done.value));
    },
  );

  await app.register(async (scope: AppInstance) => {
    await registerUploads(scope);
    scope.post(
      '/zakup-prospoleczny/wnioski/:id/zalaczniki',
      {
        config: { access: p.applicant },
        preValidation: readUpload({ fileSize: svc.MAX_ATTACHMENT_BYTES, files: 1, fields: 3, fieldSize: 1000, parts: 4 }),
        schema: { params: IdParams },
      },
      async (request, reply) => {
        try {
          await svc.addAttachment(ctx, auditFromRequest(request), request.params.id, uploadedFile(request, 'attachment'));
        } catch (err) {
          const { problems, status } = formProblems(err, refusals);
          return formPage(request, reply, { id: request.params.id }, null, problems, status);
        }
        return go(request, reply, svc.applicationPath(request.params.id));
      },
    );
  });

  app.route({
    method: STORED_FILE_METHODS,
    url: '/zakup-prospoleczny/wnioski/:id/zalaczniki/:fileId',
    config: { access: p.attachment },
    schema: { params: FileParams },
    handler: async (request, reply) => {
      const file = await svc.attachment(ctx, request.params.id, request.params.fileId);
      await sendStored(
        request,
        reply,
        {
          sha256: file.sha256,
          byteSize: file.byte_size,
          contentType: 'application/pdf',
          fileName: file.file_name,
          cacheControl: 'private, no-store',
        },
        async () => Buffer.from(file.data),
      );
    },
  });

  // --- staff -------------------------------------------------------------------------------------

  app.get('/admin/zakup-prospoleczny/wnioski', { config: { access: manageLicences } }, async (request, reply) =>
    sendPage(
      request,
      reply,
      {
        title: request.t('licences.apply.adminTitle'),
        breadcrumbs: [...adminCrumbs(request), { label: request.t('licences.apply.adminTitle') }],
      },
      <v.AdminApplicationsView items={await svc.listApplications(ctx)} />,
    ),
  );

  const adminPage = async (request: FastifyRequest, reply: FastifyReply, id: string, problems: Problem[], status = 200) => {
    const view = await svc.getApplication(ctx, id);
    const title = request.t('licences.apply.titleOf', { entity: view.application.entity_name });
    return sendPage(
      request,
      reply,
      {
        title,
        breadcrumbs: [
          ...adminCrumbs(request),
          { label: request.t('licences.apply.adminTitle'), path: '/admin/zakup-prospoleczny/wnioski' },
          { label: title },
        ],
      },
      <v.AdminApplicationView title={title} view={view} problems={problems} />,
      status,
    );
  };

  app.get(
    '/admin/zakup-prospoleczny/wnioski/:id',
    { config: { access: manageLicences }, schema: { params: IdParams } },
    async (request, reply) => adminPage(request, reply, request.params.id, []),
  );

  app.post(
    '/admin/zakup-prospoleczny/wnioski/:id',
    { config: { access: manageLicences }, schema: { params: IdParams, body: Body } },
    async (request, reply) => {
      const done = await submitForm(() => svc.formalCheck(ctx, auditFromRequest(request), request.params.id, request.body), refusals);
      if (!done.ok) return adminPage(request, reply, request.params.id, done.problems, done.status);
      return go(request, reply, svc.adminApplicationPath(request.params.id));
    },
  );

  const editionsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: Problem[],
    status = 200,
  ) =>
    sendPage(
      request,
      reply,
      {
        title: request.t('licences.editions.title'),
        breadcrumbs: [...adminCrumbs(request), { label: request.t('licences.editions.title') }],
      },
      <v.EditionsView editions={await svc.listEditions(ctx)} current={await svc.currentEdition(ctx)} values={values} problems={problems} />,
      status,
    );

  app.get('/admin/zakup-prospoleczny/zasady', { config: { access: manageLicences } }, async (request, reply) =>
    editionsPage(request, reply, {}, []),
  );

  app.post('/admin/zakup-prospoleczny/zasady', { config: { access: manageLicences }, schema: { body: Body } }, async (request, reply) => {
    const done = await submitForm(() => svc.addEdition(ctx, auditFromRequest(request), request.body), refusals);
    if (!done.ok) return editionsPage(request, reply, request.body, done.problems, done.status);
    return go(request, reply, '/admin/zakup-prospoleczny/zasady');
  });

  // --- the certifying board ----------------------------------------------------------------------

  app.get('/zakup-prospoleczny/kapitula', { config: { access: p.board } }, async (request, reply) =>
    sendPage(
      request,
      reply,
      { title: request.t('licences.board.title'), breadcrumbs: [publicCrumb(request), { label: request.t('licences.board.title') }] },
      <v.BoardListView items={await svc.listApplications(ctx, ['in_assessment', 'granted', 'refused'])} />,
    ),
  );

  const boardPage = async (request: FastifyRequest, reply: FastifyReply, id: string, problems: Problem[], status = 200) => {
    const view = await svc.boardView(ctx, id);
    if (!['in_assessment', 'granted', 'refused'].includes(view.application.status)) return svc.getApplication(ctx, ''); // 404 before the formal check
    const title = request.t('licences.apply.titleOf', { entity: view.application.entity_name });
    const me = view.members.find((m) => m.userId === request.user!.id);
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [publicCrumb(request), boardCrumb(request), { label: title }] },
      <v.BoardApplicationView
        title={title}
        view={view}
        userId={request.user!.id}
        isChair={me?.role === 'chair'}
        problems={problems}
        values={request.method === 'POST' ? textFields(request.body) : {}}
      />,
      status,
    );
  };

  app.get(
    '/zakup-prospoleczny/kapitula/:id',
    { config: { access: p.boardApplication }, schema: { params: IdParams } },
    async (request, reply) => boardPage(request, reply, request.params.id, []),
  );

  const boardAction = (
    path: string,
    access: typeof p.board,
    run: (id: string, body: Record<string, string>, request: FastifyRequest) => Promise<unknown>,
  ) =>
    app.post(
      `/zakup-prospoleczny/kapitula/:id/${path}`,
      { config: { access }, schema: { params: IdParams, body: Body } },
      async (request, reply) => {
        const done = await submitForm(() => run(request.params.id, request.body, request), refusals);
        if (!done.ok) return boardPage(request, reply, request.params.id, done.problems, done.status);
        return go(request, reply, svc.boardApplicationPath(request.params.id));
      },
    );
  boardAction('ocena', p.boardApplication, (id, body, request) => svc.assess(ctx, auditFromRequest(request), id, body));
  boardAction('konflikt', p.boardApplication, (id, _body, request) => svc.declareConflict(ctx, auditFromRequest(request), id));
  boardAction('decyzja', p.chair, (id, body, request) => svc.decide(ctx, auditFromRequest(request), id, body));
}
