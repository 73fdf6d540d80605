// The coordinators' territory routes (/admin/terytorium): OWES subregions and their periods, and
// the two-step statistics import. Thin: read the form, call the service, render or redirect.
// The upload is multipart; @fastify/multipart is registered in this module's scope only, and the
// file is read after the access check (so strangers' uploads are never read) and before CSRF.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type, type Static } from 'typebox';
import type { Problem } from '../../core/errors/app-error.js';
import { formBodyWithLists, formProblems, submitForm, textFields, type FormFieldsWithLists } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import { ADMIN_PATH, AdminView, PeriodFormView, SubregionFormView, UploadPreviewView } from './admin.views.js';
import {
  cancelStatisticsUpload,
  confirmStatisticsUpload,
  deleteStatisticsYear,
  getUploadPreview,
  MAX_FILE_BYTES,
  previewStatisticsUpload,
  statisticsOverview,
} from './statistics.service.js';
import {
  createPeriod,
  getSubregion,
  groupPeriods,
  listSubregionsWithMembers,
  removeSubregion,
  saveSubregion,
  subregionFormValues,
} from './subregions.service.js';
import { manageTerritory } from './territory.policy.js';
import * as repo from './territory.repo.js';
import { readUpload, registerUploads, uploadedFile } from '../../core/http/uploads.js';

const FormBody = formBodyWithLists({ maxLength: 2000, maxProperties: 60, maxItems: 100, maxItemLength: 100 });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const AdminQuery = Type.Object({
  ok: Type.Optional(Type.String({ maxLength: 30 })),
  n: Type.Optional(Type.String({ maxLength: 10 })),
  rok: Type.Optional(Type.String({ maxLength: 10 })),
});

export async function territoryAdminRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await registerUploads(app);

  const config = { access: manageTerritory };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const crumbs = (request: FastifyRequest, last?: string) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    ...(last
      ? [{ label: request.t('territory.admin.title'), path: ADMIN_PATH }, { label: last }]
      : [{ label: request.t('territory.admin.title') }]),
  ];
  const powiatyList = () => repo.listUnits(ctx.db, 'powiat').then((rows) => rows.map((r) => ({ ...r, kind: 'powiat' as const })));

  /** The admin page; `q` is the notice after a redirect (`?ok=`, `?n=`, `?rok=`), `extra` a refused form's state. */
  const adminPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    q: Static<typeof AdminQuery>,
    extra: { uploadProblems?: Problem[]; uploadValues?: Record<string, string>; deleteProblems?: Problem[] } = {},
    status = 200,
  ) => {
    const [subregions, powiaty, summary] = await Promise.all([listSubregionsWithMembers(ctx), powiatyList(), statisticsOverview(ctx)]);
    const periods = groupPeriods(
      subregions,
      powiaty.map((p) => p.teryt),
      request.lang,
    );
    const n = Number(q.n ?? 0) || 0;
    const notices: Record<string, string> = {
      zapisano: request.t('territory.stats.saved', { count: n }),
      anulowano: request.t('territory.stats.cancelled'),
      'usunieto-rok': request.t('territory.stats.deleted', { count: n, year: q.rok ?? '' }),
      subregion: request.t('territory.admin.saved'),
      'usunieto-subregion': request.t('territory.admin.deleted'),
      okres: request.t('territory.admin.periodCreated', { count: n }),
    };
    const notice = q.ok ? (notices[q.ok] ?? null) : null;
    return sendPage(
      request,
      reply,
      { title: request.t('territory.admin.title'), breadcrumbs: crumbs(request) },
      <AdminView csrf={reply.generateCsrf()} periods={periods} powiaty={powiaty} summary={summary} notice={notice} {...extra} />,
      status,
    );
  };

  app.get(ADMIN_PATH, { config, schema: { querystring: AdminQuery } }, async (request, reply) => adminPage(request, reply, request.query));

  // --- subregions -------------------------------------------------------------------------------

  const subregionForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    values: FormFieldsWithLists,
    problems: Problem[] = [],
    status = 200,
  ) => {
    const title = id ? request.t('territory.admin.editTitle') : request.t('territory.admin.newTitle');
    const view: VNode = (
      <SubregionFormView csrf={reply.generateCsrf()} id={id} values={values} powiaty={await powiatyList()} problems={problems} />
    );
    return sendPage(request, reply, { title, breadcrumbs: crumbs(request, title) }, view, status);
  };

  app.get(`${ADMIN_PATH}/subregiony/nowy`, { config }, async (request, reply) => subregionForm(request, reply, null, {}));

  app.post(`${ADMIN_PATH}/subregiony/nowy`, { config, schema: { body: FormBody } }, async (request, reply) => {
    const saved = await submitForm(() => saveSubregion(ctx, null, request.body, request.lang, auditFromRequest(request)));
    if (!saved.ok) return subregionForm(request, reply, null, request.body, saved.problems, saved.status);
    return go(request, reply, `${ADMIN_PATH}?ok=subregion`);
  });

  app.get(`${ADMIN_PATH}/subregiony/:id`, { config, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    return subregionForm(request, reply, id, subregionFormValues(await getSubregion(ctx, id)));
  });

  app.post(`${ADMIN_PATH}/subregiony/:id`, { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    const saved = await submitForm(() => saveSubregion(ctx, id, request.body, request.lang, auditFromRequest(request)));
    if (!saved.ok) return subregionForm(request, reply, id, request.body, saved.problems, saved.status);
    return go(request, reply, `${ADMIN_PATH}?ok=subregion`);
  });

  app.post(`${ADMIN_PATH}/subregiony/:id/usun`, { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    await removeSubregion(ctx, request.params.id, auditFromRequest(request));
    return go(request, reply, `${ADMIN_PATH}?ok=usunieto-subregion`);
  });

  const periodForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: Problem[] = [],
    status = 200,
  ) => {
    const [subregions, powiaty] = await Promise.all([listSubregionsWithMembers(ctx), powiatyList()]);
    const periods = groupPeriods(
      subregions,
      powiaty.map((p) => p.teryt),
      request.lang,
    );
    const title = request.t('territory.admin.periodTitle');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: crumbs(request, title) },
      <PeriodFormView csrf={reply.generateCsrf()} periods={periods} values={values} problems={problems} />,
      status,
    );
  };

  app.get(`${ADMIN_PATH}/okresy/nowy`, { config }, async (request, reply) => periodForm(request, reply, {}));

  app.post(`${ADMIN_PATH}/okresy/nowy`, { config, schema: { body: FormBody } }, async (request, reply) => {
    const created = await submitForm(() => createPeriod(ctx, request.body, auditFromRequest(request)));
    if (!created.ok) return periodForm(request, reply, textFields(request.body), created.problems, created.status);
    return go(request, reply, `${ADMIN_PATH}?ok=okres&n=${created.value}`);
  });

  // --- statistics -------------------------------------------------------------------------------

  app.post(
    `${ADMIN_PATH}/statystyki`,
    { config, preValidation: readUpload({ fileSize: MAX_FILE_BYTES, files: 1, fields: 10, fieldSize: 4000, parts: 12, headerPairs: 50 }) },
    async (request, reply) => {
      const source = textFields(request.body).source ?? '';
      const file = uploadedFile(request, 'file');
      let id: string;
      try {
        id = await previewStatisticsUpload(
          ctx,
          { fileName: file?.filename ?? '', data: file?.data ?? null, truncated: file?.truncated ?? false, source },
          auditFromRequest(request),
        );
      } catch (err) {
        const { problems, status } = formProblems(err);
        return adminPage(request, reply, {}, { uploadProblems: problems, uploadValues: { source } }, status);
      }
      return go(request, reply, `${ADMIN_PATH}/statystyki/${id}`);
    },
  );

  app.get(`${ADMIN_PATH}/statystyki/:id`, { config, schema: { params: IdParams } }, async (request, reply) => {
    const preview = await getUploadPreview(ctx, request.params.id);
    const names = new Map((await repo.listUnits(ctx.db, 'gmina')).map((g) => [g.teryt, g.name]));
    const title = request.t('territory.stats.previewTitle');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: crumbs(request, title) },
      <UploadPreviewView csrf={reply.generateCsrf()} preview={preview} names={names} />,
    );
  });

  app.post(`${ADMIN_PATH}/statystyki/:id/zapisz`, { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const saved = await confirmStatisticsUpload(ctx, request.params.id, auditFromRequest(request));
    return go(request, reply, `${ADMIN_PATH}?ok=zapisano&n=${saved}`);
  });

  app.post(`${ADMIN_PATH}/statystyki/:id/anuluj`, { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    await cancelStatisticsUpload(ctx, request.params.id);
    return go(request, reply, `${ADMIN_PATH}?ok=anulowano`);
  });

  app.post(`${ADMIN_PATH}/statystyki/usun-rok`, { config, schema: { body: FormBody } }, async (request, reply) => {
    const deleted = await submitForm(() => deleteStatisticsYear(ctx, request.body, auditFromRequest(request)));
    if (!deleted.ok) return adminPage(request, reply, {}, { deleteProblems: deleted.problems }, deleted.status);
    return go(request, reply, `${ADMIN_PATH}?ok=usunieto-rok&n=${deleted.value.removed}&rok=${deleted.value.year}`);
  });
}
