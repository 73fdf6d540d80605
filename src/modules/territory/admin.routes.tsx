// The coordinators' territory routes (/admin/terytorium): OWES subregions and their periods, and
// the two-step statistics import. Thin: read the form, call the service, render or redirect.
// The upload is multipart; @fastify/multipart is registered in this module's scope only, and the
// file is read after the access check (so strangers' uploads are never read) and before CSRF.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import { isAppError, type Problem } from '../../core/errors/app-error.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
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
import { createPeriod, getSubregion, groupPeriods, listSubregionsWithMembers, removeSubregion, saveSubregion, subregionFormValues } from './subregions.service.js';
import { manageTerritory } from './territory.policy.js';
import * as repo from './territory.repo.js';
import { readMultipart, uploadedFile } from '../../core/http/multipart.js';

const FormBody = Type.Record(Type.String({ maxLength: 100 }), Type.Union([Type.String({ maxLength: 2000 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })]), { maxProperties: 60 });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const AdminQuery = Type.Object({
  ok: Type.Optional(Type.String({ maxLength: 30 })),
  n: Type.Optional(Type.String({ maxLength: 10 })),
  rok: Type.Optional(Type.String({ maxLength: 10 })),
});

function validationProblems(err: unknown): Problem[] {
  if (isAppError(err) && err.code === 'http.validation') return err.problems;
  throw err;
}

export async function territoryAdminRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, fieldSize: 4000, parts: 12, headerPairs: 50 },
  });

  const config = { access: manageTerritory };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const crumbs = (request: FastifyRequest, last?: string) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    ...(last ? [{ label: request.t('territory.admin.title'), path: ADMIN_PATH }, { label: last }] : [{ label: request.t('territory.admin.title') }]),
  ];
  const powiatyList = () => repo.listUnits(ctx.db, 'powiat').then((rows) => rows.map((r) => ({ ...r, kind: 'powiat' as const })));

  const adminPage = async (request: FastifyRequest, reply: FastifyReply, extra: { uploadProblems?: Problem[]; uploadValues?: Record<string, string>; deleteProblems?: Problem[] } = {}, status = 200) => {
    const [subregions, powiaty, summary] = await Promise.all([listSubregionsWithMembers(ctx), powiatyList(), statisticsOverview(ctx)]);
    const periods = groupPeriods(subregions, powiaty.map((p) => p.teryt), request.lang);
    const q = request.query as { ok?: string; n?: string; rok?: string };
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

  app.get(ADMIN_PATH, { config, schema: { querystring: AdminQuery } }, async (request, reply) => adminPage(request, reply));

  // --- subregions -------------------------------------------------------------------------------

  const subregionForm = async (request: FastifyRequest, reply: FastifyReply, id: string | null, values: Record<string, string | string[]>, problems: Problem[] = [], status = 200) => {
    const title = id ? request.t('territory.admin.editTitle') : request.t('territory.admin.newTitle');
    const view: VNode = <SubregionFormView csrf={reply.generateCsrf()} id={id} values={values} powiaty={await powiatyList()} problems={problems} />;
    return sendPage(request, reply, { title, breadcrumbs: crumbs(request, title) }, view, status);
  };

  app.get(`${ADMIN_PATH}/subregiony/nowy`, { config }, async (request, reply) => subregionForm(request, reply, null, {}));

  app.post(`${ADMIN_PATH}/subregiony/nowy`, { config, schema: { body: FormBody } }, async (request, reply) => {
    const body = request.body as Record<string, string | string[]>;
    try {
      await saveSubregion(ctx, null, body, request.lang, auditFromRequest(request));
    } catch (err) {
      return subregionForm(request, reply, null, body, validationProblems(err), 400);
    }
    return go(request, reply, `${ADMIN_PATH}?ok=subregion`);
  });

  app.get(`${ADMIN_PATH}/subregiony/:id`, { config, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    return subregionForm(request, reply, id, subregionFormValues(await getSubregion(ctx, id)));
  });

  app.post(`${ADMIN_PATH}/subregiony/:id`, { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = request.body as Record<string, string | string[]>;
    try {
      await saveSubregion(ctx, id, body, request.lang, auditFromRequest(request));
    } catch (err) {
      return subregionForm(request, reply, id, body, validationProblems(err), 400);
    }
    return go(request, reply, `${ADMIN_PATH}?ok=subregion`);
  });

  app.post(`${ADMIN_PATH}/subregiony/:id/usun`, { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    await removeSubregion(ctx, (request.params as { id: string }).id, auditFromRequest(request));
    return go(request, reply, `${ADMIN_PATH}?ok=usunieto-subregion`);
  });

  const periodForm = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, problems: Problem[] = [], status = 200) => {
    const [subregions, powiaty] = await Promise.all([listSubregionsWithMembers(ctx), powiatyList()]);
    const periods = groupPeriods(subregions, powiaty.map((p) => p.teryt), request.lang);
    const title = request.t('territory.admin.periodTitle');
    return sendPage(request, reply, { title, breadcrumbs: crumbs(request, title) }, <PeriodFormView csrf={reply.generateCsrf()} periods={periods} values={values} problems={problems} />, status);
  };

  app.get(`${ADMIN_PATH}/okresy/nowy`, { config }, async (request, reply) => periodForm(request, reply, {}));

  app.post(`${ADMIN_PATH}/okresy/nowy`, { config, schema: { body: FormBody } }, async (request, reply) => {
    const body = request.body as Record<string, string>;
    let created: number;
    try {
      created = await createPeriod(ctx, body, auditFromRequest(request));
    } catch (err) {
      return periodForm(request, reply, body, validationProblems(err), 400);
    }
    return go(request, reply, `${ADMIN_PATH}?ok=okres&n=${created}`);
  });

  // --- statistics -------------------------------------------------------------------------------

  app.post(`${ADMIN_PATH}/statystyki`, { config, preValidation: readMultipart }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const source = typeof body.source === 'string' ? body.source : '';
    const file = uploadedFile(request);
    let id: string;
    try {
      id = await previewStatisticsUpload(ctx, { fileName: file?.name ?? '', data: file?.data ?? null, truncated: file?.truncated ?? false, source }, auditFromRequest(request));
    } catch (err) {
      return adminPage(request, reply, { uploadProblems: validationProblems(err), uploadValues: { source } }, 400);
    }
    return go(request, reply, `${ADMIN_PATH}/statystyki/${id}`);
  });

  app.get(`${ADMIN_PATH}/statystyki/:id`, { config, schema: { params: IdParams } }, async (request, reply) => {
    const preview = await getUploadPreview(ctx, (request.params as { id: string }).id);
    const names = new Map((await repo.listUnits(ctx.db, 'gmina')).map((g) => [g.teryt, g.name]));
    const title = request.t('territory.stats.previewTitle');
    return sendPage(request, reply, { title, breadcrumbs: crumbs(request, title) }, <UploadPreviewView csrf={reply.generateCsrf()} preview={preview} names={names} />);
  });

  app.post(`${ADMIN_PATH}/statystyki/:id/zapisz`, { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const saved = await confirmStatisticsUpload(ctx, (request.params as { id: string }).id, auditFromRequest(request));
    return go(request, reply, `${ADMIN_PATH}?ok=zapisano&n=${saved}`);
  });

  app.post(`${ADMIN_PATH}/statystyki/:id/anuluj`, { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    await cancelStatisticsUpload(ctx, (request.params as { id: string }).id);
    return go(request, reply, `${ADMIN_PATH}?ok=anulowano`);
  });

  app.post(`${ADMIN_PATH}/statystyki/usun-rok`, { config, schema: { body: FormBody } }, async (request, reply) => {
    let result: { year: number; removed: number };
    try {
      result = await deleteStatisticsYear(ctx, request.body as Record<string, string>, auditFromRequest(request));
    } catch (err) {
      return adminPage(request, reply, { deleteProblems: validationProblems(err) }, 400);
    }
    return go(request, reply, `${ADMIN_PATH}?ok=usunieto-rok&n=${result.removed}&rok=${result.year}`);
  });
}
