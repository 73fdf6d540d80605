// Staff routes of the evaluation module under /admin/ewaluacja: studies, recommendations (form and
// CSV/XLSX import with a dry run), and one recommendation's follow-up. Coordinators and
// administrators decide (evaluation.manage); owners of actions propose ratings with evidence
// (evaluation.follow_up). Thin: validate, call the service, render or redirect.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../core/errors/app-error.js';
import { formBody, formBodyWithLists, formProblems, submitForm, textFields } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import { readUpload, registerUploads, uploadedFile } from '../../core/http/uploads.js';
import type { ModuleContext } from '../../core/module.js';
import type { TKey } from '../../i18n/index.js';
import { auditFromRequest } from '../audit/index.js';
import { documentChoices } from '../portal/index.js';
import {
  ADMIN_PATH,
  AdminIndexView,
  FollowUpView,
  ImportView,
  recPath,
  RecommendationFormView,
  StudyFormView,
} from './evaluation.admin.views.js';
import { importRecommendations, MAX_IMPORT_BYTES, type ImportResult } from './evaluation.import.service.js';
import { canManageEvaluation, followUpEvaluation, manageEvaluation } from './evaluation.policy.js';
import * as svc from './evaluation.service.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });
const FormBody = formBody({ maxLength: 20_000, maxProperties: 60 });
const ListBody = formBodyWithLists({ maxLength: 20_000, maxProperties: 60, maxItems: 500, maxItemLength: 64 });

const NOTICES: Record<string, TKey> = {
  zapisano: 'evaluation.notice.saved',
  odpowiedz: 'evaluation.notice.responded',
  dzialanie: 'evaluation.notice.action',
  status: 'evaluation.notice.status',
  ocena: 'evaluation.notice.proposed',
  zatwierdzono: 'evaluation.notice.validated',
  zamknieto: 'evaluation.notice.closed',
  porzucono: 'evaluation.notice.abandoned',
};

export async function evaluationAdminRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const manage = { access: manageEvaluation };
  const followUp = { access: followUpEvaluation };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const notice = (request: FastifyRequest, ok: string | undefined) => (ok && NOTICES[ok] ? request.t(NOTICES[ok]) : null);
  const adminCrumbs = (request: FastifyRequest) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('evaluation.admin.title'), path: ADMIN_PATH },
  ];

  app.get(ADMIN_PATH, { config: followUp }, async (request, reply) => {
    const [studies, items] = await Promise.all([svc.listStudies(ctx, false), svc.followUpItems(ctx)]);
    return sendPage(
      request,
      reply,
      {
        title: request.t('evaluation.admin.title'),
        breadcrumbs: [{ label: request.t('accounts.admin'), path: '/admin' }, { label: request.t('evaluation.admin.title') }],
      },
      <AdminIndexView studies={studies} items={items} canManage={!!request.user && canManageEvaluation(request.user)} />,
    );
  });

  const studyPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    studyId: string | null,
    values: Record<string, string> | null,
    problems: Problem[] = [],
    status = 200,
    ok?: string,
  ) => {
    const study = studyId ? await svc.getStudy(ctx, studyId, false) : null;
    const [choices, views] = await Promise.all([
      svc.studyChoices(ctx),
      study ? svc.recommendationViews(ctx, [study]) : Promise.resolve([]),
    ]);
    return sendPage(
      request,
      reply,
      { title: study ? study.title : request.t('evaluation.admin.newStudy'), breadcrumbs: adminCrumbs(request) },
      <StudyFormView
        study={study}
        values={values ?? (study ? svc.studyFormValues(study) : { is_published: '1' })}
        problems={problems}
        csrf={reply.generateCsrf()}
        choices={choices}
        views={views}
        notice={status === 200 ? notice(request, ok) : null}
      />,
      status,
    );
  };

  app.get(`${ADMIN_PATH}/nowe`, { config: manage }, async (request, reply) => studyPage(request, reply, null, null));
  app.post(`${ADMIN_PATH}/nowe`, { config: manage, schema: { body: FormBody } }, async (request, reply) => {
    const body = request.body;
    const saved = await submitForm(() => svc.createStudy(ctx, body, auditFromRequest(request)));
    if (!saved.ok) return studyPage(request, reply, null, body, saved.problems, saved.status);
    return go(request, reply, `${ADMIN_PATH}/${saved.value}?ok=zapisano`);
  });

  app.get(`${ADMIN_PATH}/:id`, { config: manage, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) =>
    studyPage(request, reply, request.params.id, null, [], 200, request.query.ok),
  );
  app.post(`${ADMIN_PATH}/:id`, { config: manage, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const body = request.body;
    const saved = await submitForm(() => svc.updateStudy(ctx, request.params.id, body, auditFromRequest(request)));
    if (!saved.ok) return studyPage(request, reply, request.params.id, body, saved.problems, saved.status);
    return go(request, reply, `${ADMIN_PATH}/${request.params.id}?ok=zapisano`);
  });

  // --- recommendations -------------------------------------------------------------------------------

  const recForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    studyId: string,
    values: Record<string, string> = {},
    chosen: string[] = [],
    problems: Problem[] = [],
    status = 200,
  ) => {
    const study = await svc.getStudy(ctx, studyId, false);
    const targets = await svc.programmeTargets(ctx, study.programme_id);
    return sendPage(
      request,
      reply,
      {
        title: request.t('evaluation.admin.newRecommendation'),
        breadcrumbs: [...adminCrumbs(request), { label: study.title, path: `${ADMIN_PATH}/${study.id}` }],
      },
      <RecommendationFormView
        study={study}
        values={values}
        chosen={chosen}
        problems={problems}
        csrf={reply.generateCsrf()}
        targets={targets}
      />,
      status,
    );
  };

  app.get(`${ADMIN_PATH}/:id/rekomendacje/nowa`, { config: manage, schema: { params: IdParams } }, async (request, reply) =>
    recForm(request, reply, request.params.id),
  );
  app.post(
    `${ADMIN_PATH}/:id/rekomendacje/nowa`,
    { config: manage, schema: { params: IdParams, body: ListBody } },
    async (request, reply) => {
      const values = textFields(request.body);
      const raw = request.body.targets;
      const chosen = Array.isArray(raw) ? raw : raw ? [raw] : [];
      const saved = await submitForm(() => svc.createRecommendation(ctx, request.params.id, values, chosen, auditFromRequest(request)));
      if (!saved.ok) return recForm(request, reply, request.params.id, values, chosen, saved.problems, saved.status);
      return go(request, reply, `${recPath(saved.value)}?ok=zapisano`);
    },
  );

  const editForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    recId: string,
    values?: Record<string, string>,
    chosen?: string[],
    problems: Problem[] = [],
    status = 200,
  ) => {
    const form = await svc.recommendationForm(ctx, recId);
    const study = form.view.study;
    const targets = await svc.programmeTargets(ctx, study.programme_id);
    return sendPage(
      request,
      reply,
      {
        title: request.t('evaluation.admin.editRecommendation', { number: form.view.rec.number }),
        breadcrumbs: [
          ...adminCrumbs(request),
          { label: study.title, path: `${ADMIN_PATH}/${study.id}` },
          { label: request.t('evaluation.admin.followUpTitle', { number: form.view.rec.number }), path: recPath(recId) },
        ],
      },
      <RecommendationFormView
        study={study}
        recId={recId}
        values={values ?? form.values}
        chosen={chosen ?? form.chosen}
        problems={problems}
        csrf={reply.generateCsrf()}
        targets={targets}
      />,
      status,
    );
  };

  app.get(`${ADMIN_PATH}/rekomendacje/:id/edycja`, { config: manage, schema: { params: IdParams } }, async (request, reply) =>
    editForm(request, reply, request.params.id),
  );
  app.post(
    `${ADMIN_PATH}/rekomendacje/:id/edycja`,
    { config: manage, schema: { params: IdParams, body: ListBody } },
    async (request, reply) => {
      const values = textFields(request.body);
      const raw = request.body.targets;
      const chosen = Array.isArray(raw) ? raw : raw ? [raw] : [];
      const saved = await submitForm(() => svc.updateRecommendation(ctx, request.params.id, values, chosen, auditFromRequest(request)), {
        errors: ctx.errors,
        codes: ['evaluation.closed'],
      });
      if (!saved.ok) return editForm(request, reply, request.params.id, values, chosen, saved.problems, saved.status);
      return go(request, reply, `${recPath(request.params.id)}?ok=zapisano`);
    },
  );

  await app.register(async (scope: AppInstance) => {
    await registerUploads(scope);
    const importPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      studyId: string,
      result: ImportResult | null,
      problems: Problem[] = [],
      status = 200,
    ) => {
      const study = await svc.getStudy(ctx, studyId, false);
      return sendPage(
        request,
        reply,
        {
          title: request.t('evaluation.import.title'),
          breadcrumbs: [...adminCrumbs(request), { label: study.title, path: `${ADMIN_PATH}/${study.id}` }],
        },
        <ImportView study={study} csrf={reply.generateCsrf()} problems={problems} result={result} />,
        status,
      );
    };
    scope.get(`${ADMIN_PATH}/:id/import`, { config: manage, schema: { params: IdParams } }, async (request, reply) =>
      importPage(request, reply, request.params.id, null),
    );
    scope.post(
      `${ADMIN_PATH}/:id/import`,
      {
        config: manage,
        schema: { params: IdParams },
        preValidation: readUpload({ fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6, headerPairs: 50 }),
      },
      async (request, reply) => {
        const fields = textFields(request.body);
        const file = uploadedFile(request, 'file');
        try {
          const result = await importRecommendations(ctx, request.params.id, file, fields.dry_run === '1', auditFromRequest(request));
          const refused = result.fileProblems.length > 0 || result.rows.some((r) => r.problems.length > 0);
          return importPage(request, reply, request.params.id, result, [], refused ? 400 : 200);
        } catch (err) {
          const { problems, status } = formProblems(err);
          return importPage(request, reply, request.params.id, null, problems, status);
        }
      },
    );
  });

  // --- follow-up of one recommendation ---------------------------------------------------------------

  const followUpPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    recId: string,
    values: Record<string, string> = {},
    problems: Problem[] = [],
    status = 200,
    ok?: string,
  ) => {
    const v = await svc.recommendationView(ctx, recId);
    return sendPage(
      request,
      reply,
      {
        title: request.t('evaluation.admin.followUpTitle', { number: v.rec.number }),
        breadcrumbs: [...adminCrumbs(request), { label: v.study.title, path: `${ADMIN_PATH}/${v.study.id}` }],
      },
      <FollowUpView
        v={v}
        csrf={reply.generateCsrf()}
        canManage={!!request.user && canManageEvaluation(request.user)}
        documents={await documentChoices(ctx)}
        problems={problems}
        values={values}
        notice={status === 200 ? notice(request, ok) : null}
      />,
      status,
    );
  };
  const refusals = { errors: ctx.errors, codes: ['evaluation.closed', 'evaluation.already_validated'] as const };

  app.get(
    `${ADMIN_PATH}/rekomendacje/:id`,
    { config: followUp, schema: { params: IdParams, querystring: OkQuery } },
    async (request, reply) => followUpPage(request, reply, request.params.id, {}, [], 200, request.query.ok),
  );

  const recAction = (
    path: string,
    config: typeof manage,
    ok: string,
    action: (id: string, body: Record<string, string>, request: FastifyRequest) => Promise<unknown>,
  ) =>
    app.post(`${ADMIN_PATH}/rekomendacje/:id/${path}`, { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
      const body = request.body;
      const done = await submitForm(() => action(request.params.id, body, request), refusals);
      if (!done.ok) return followUpPage(request, reply, request.params.id, body, done.problems, done.status);
      return go(request, reply, `${recPath(request.params.id)}?ok=${ok}`);
    });

  recAction('odpowiedz', manage, 'odpowiedz', (id, body, r) => svc.respond(ctx, id, body, auditFromRequest(r)));
  recAction('dzialania', manage, 'dzialanie', (id, body, r) => svc.addAction(ctx, id, body, auditFromRequest(r)));
  recAction('ocena', followUp, 'ocena', (id, body, r) => svc.proposeRating(ctx, id, body, auditFromRequest(r)));
  recAction('zamknij', manage, 'zamknieto', (id, body, r) => svc.closeRecommendation(ctx, id, body, auditFromRequest(r)));
  recAction('porzuc', manage, 'porzucono', (id, body, r) => svc.abandonRecommendation(ctx, id, body, auditFromRequest(r)));

  app.post(`${ADMIN_PATH}/dzialania/:id`, { config: manage, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const recId = await svc.setActionStatus(ctx, request.params.id, request.body, auditFromRequest(request));
    return go(request, reply, `${recPath(recId)}?ok=status`);
  });

  app.post(
    `${ADMIN_PATH}/oceny/:id/zatwierdz`,
    { config: manage, schema: { params: IdParams, body: FormBody } },
    async (request, reply) => {
      const body = request.body;
      const recId = await svc.ratingRecommendation(ctx, request.params.id);
      const done = await submitForm(() => svc.validateRating(ctx, request.params.id, body, auditFromRequest(request)), refusals);
      if (!done.ok) return followUpPage(request, reply, recId, body, done.problems, done.status);
      return go(request, reply, `${recPath(recId)}?ok=zatwierdzono`);
    },
  );
}
