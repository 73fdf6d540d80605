// Routes of the programme itself: the public page of the current programme (`/program`), other
// programmes (`/program/{slug}`), the archive, the JSON API, and the staff pages for the
// programme's data, life cycle and "current" flag. Thin: validate, authorise, call the service,
// render. Expected refusals re-render the form with the problems and change nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import { AppError, isAppError, type Problem } from '../../core/errors/app-error.js';
import { formBody, formProblems, submitForm } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { warsawToday } from '../../core/time/index.js';
import { auditFromRequest } from '../audit/index.js';
import { ApiProgramme, ApiProgrammeList, toApi } from './programme.api.js';
import { programmeElementExtras, programmePageSections } from './programme.extensions.js';
import { canManageProgramme, editProgrammeText, manageProgramme } from './programme.policy.js';
import * as svc from './programme.service.js';
import * as v from './programme.views.js';
import { openDataMeta } from '../opendata/index.js';
import { programmesLastChanged } from './programme.opendata.js';

export const FormBody = formBody({ maxLength: 220_000, maxProperties: 200 });
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });

export function adminCrumbs(request: FastifyRequest, ...rest: { label: string; path?: string }[]) {
  return [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('programme.admin.title'), path: '/admin/program' },
    ...rest,
  ];
}

export const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);

/** The notice of a page reached by a redirect after a change (`?ok=<what>`), or null. */
export function noticeText(request: FastifyRequest, ok: string | undefined): string | null {
  const keys: Record<string, Parameters<FastifyRequest['t']>[0]> = {
    zapisano: 'programme.notice.saved',
    utworzono: 'programme.notice.created',
    status: 'programme.notice.status',
    biezacy: 'programme.notice.current',
    usunieto: 'programme.notice.deleted',
    przesunieto: 'programme.notice.moved',
  };
  return ok && keys[ok] ? request.t(keys[ok]) : null;
}

export async function programmeRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const manage = { access: manageProgramme };

  const renderProgramme = async (request: FastifyRequest, reply: FastifyReply, d: svc.ProgrammeDetails, isCurrentPage: boolean) => {
    const ref = {
      id: d.programme.id,
      slug: d.programme.slug,
      period_from: d.programme.period_from,
      period_to: d.programme.period_to,
      status: d.programme.status,
    };
    const extras = (await Promise.all(programmePageSections(ctx).map((s) => s.render(ctx, ref, request)))).filter(
      (x): x is VNode => x !== null,
    );
    const elementExtras = await programmeElementExtras(ctx, ref, request);
    const crumbs = isCurrentPage
      ? [{ label: request.t('programme.title') }]
      : [{ label: request.t('programme.title'), path: '/program' }, { label: d.programme.short_name ?? d.programme.title }];
    return sendPage(
      request,
      reply,
      { title: d.programme.title, breadcrumbs: crumbs },
      <v.ProgrammePageView
        d={d}
        extras={extras}
        elementExtras={elementExtras}
        isCurrentPage={isCurrentPage}
        today={warsawToday(ctx.clock)}
      />,
    );
  };

  // --- public --------------------------------------------------------------------------------------

  app.get('/program', { config: { access: 'public' } }, async (request, reply) => {
    const d = await svc.currentProgramme(ctx);
    if (d) return renderProgramme(request, reply, d, true);
    // no current programme yet: a useful page, not an error
    return sendPage(
      request,
      reply,
      { title: request.t('programme.title') },
      <v.NoCurrentView programmes={await svc.listProgrammes(ctx)} today={warsawToday(ctx.clock)} />,
    );
  });

  app.get('/program/archiwum', { config: { access: 'public' } }, async (request, reply) => {
    const programmes = await svc.listProgrammes(ctx);
    return sendPage(
      request,
      reply,
      {
        title: request.t('programme.archive.title'),
        breadcrumbs: [{ label: request.t('programme.title'), path: '/program' }, { label: request.t('programme.archive.title') }],
      },
      <v.ArchiveView programmes={programmes} today={warsawToday(ctx.clock)} />,
    );
  });

  app.get('/program/:slug', { config: { access: 'public' }, schema: { params: SlugParams } }, async (request, reply) => {
    const d = await svc.programmeBySlug(ctx, request.params.slug);
    // the current programme has one address; it changes when another one becomes current
    if (d.programme.is_current) return reply.redirect(localize('/program', request.lang), 302);
    return renderProgramme(request, reply, d, false);
  });

  app.get(
    '/api/v1/program',
    {
      config: { access: 'public' },
      schema: {
        tags: ['programme'],
        summary: 'Regional social economy programmes: status, period, current flag, timeline and objective tree',
        response: { 200: ApiProgrammeList },
      },
    },
    async () => ({
      ...openDataMeta(await programmesLastChanged(ctx)),
      items: (await svc.allProgrammeDetails(ctx)).map((d) => toApi(d, ctx.config.publicUrl, warsawToday(ctx.clock))),
    }),
  );

  app.get(
    '/api/v1/program/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: ['programme'],
        summary: 'One programme with its timeline and objective tree',
        params: SlugParams,
        response: { 200: ApiProgramme },
      },
    },
    async (request) => toApi(await svc.programmeBySlug(ctx, request.params.slug), ctx.config.publicUrl, warsawToday(ctx.clock)),
  );

  // --- staff ---------------------------------------------------------------------------------------

  app.get('/admin/program', { config: { access: editProgrammeText }, schema: { querystring: OkQuery } }, async (request, reply) => {
    const canManage = !!request.user && canManageProgramme(request.user);
    return sendPage(
      request,
      reply,
      { title: request.t('programme.admin.title'), breadcrumbs: adminCrumbs(request).slice(0, 2) },
      <v.ProgrammesAdminView
        programmes={await svc.listProgrammes(ctx)}
        canManage={canManage}
        notice={noticeText(request, request.query.ok)}
      />,
    );
  });

  const newForm = (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, problems: Problem[] = [], status = 200) =>
    sendPage(
      request,
      reply,
      { title: request.t('programme.admin.new'), breadcrumbs: adminCrumbs(request, { label: request.t('programme.admin.new') }) },
      <v.ProgrammeNewView values={values} problems={problems} csrf={reply.generateCsrf()} />,
      status,
    );

  app.get('/admin/program/nowy', { config: manage }, async (request, reply) =>
    newForm(request, reply, { started_on: warsawToday(ctx.clock) }),
  );

  app.post('/admin/program/nowy', { config: manage, schema: { body: FormBody } }, async (request, reply) => {
    const body = request.body;
    const created = await submitForm(async () =>
      svc.createProgramme(ctx, await svc.checkProgrammeForm(ctx, body, null), auditFromRequest(request)),
    );
    if (!created.ok) return newForm(request, reply, body, created.problems, created.status);
    return go(request, reply, `/admin/program/${created.value}?ok=utworzono`);
  });

  const editPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: {
      ok?: string;
      values?: Record<string, string>;
      problems?: Problem[];
      statusValues?: Record<string, string>;
      statusProblems?: Problem[];
      status?: number;
    } = {},
  ) => {
    const d = await svc.programmeById(ctx, id);
    const statusValues = extra.statusValues ?? {
      occurred_on: warsawToday(ctx.clock),
      status: svc.TRANSITIONS[d.programme.status][0] ?? '',
    };
    return sendPage(
      request,
      reply,
      { title: d.programme.title, breadcrumbs: adminCrumbs(request, { label: d.programme.short_name ?? d.programme.title }) },
      <v.ProgrammeAdminView
        d={d}
        values={extra.values ?? svc.programmeFormValues(d.programme)}
        problems={extra.problems ?? []}
        statusValues={statusValues}
        statusProblems={extra.statusProblems ?? []}
        csrf={reply.generateCsrf()}
        notice={noticeText(request, extra.ok)}
      />,
      extra.status ?? 200,
    );
  };

  app.get('/admin/program/:id', { config: manage, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) =>
    editPage(request, reply, request.params.id, { ok: request.query.ok }),
  );

  app.post('/admin/program/:id', { config: manage, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    await svc.mustFind(ctx, id);
    const body = request.body;
    const saved = await submitForm(async () =>
      svc.updateProgramme(ctx, id, await svc.checkProgrammeForm(ctx, body, id), auditFromRequest(request)),
    );
    if (!saved.ok) return editPage(request, reply, id, { values: body, problems: saved.problems, status: saved.status });
    return go(request, reply, `/admin/program/${id}?ok=zapisano`);
  });

  app.post('/admin/program/:id/status', { config: manage, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    const body = request.body;
    try {
      await svc.changeStatus(ctx, id, body, auditFromRequest(request));
    } catch (err) {
      // an illegal transition is shown on the status field with both statuses named; bad input as on every form
      if (isAppError(err) && err.code === 'programme.illegal_transition') {
        const p = await svc.mustFind(ctx, id);
        const to = String(err.params.to);
        const problem: Problem = {
          field: 'status',
          key: 'programme.lifecycle.illegal',
          params: { from: request.t(svc.statusLabel(p.status)), to: svc.isStatus(to) ? request.t(svc.statusLabel(to)) : to },
        };
        return editPage(request, reply, id, { statusValues: body, statusProblems: [problem], status: 409 });
      }
      const { problems, status } = formProblems(err);
      return editPage(request, reply, id, { statusValues: body, statusProblems: problems, status });
    }
    return go(request, reply, `/admin/program/${id}?ok=status`);
  });

  app.post('/admin/program/:id/biezacy', { config: manage, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    await svc.makeCurrent(ctx, id, auditFromRequest(request));
    return go(request, reply, `/admin/program/${id}?ok=biezacy`);
  });
}

/** The programme of an admin page by id, or 404 (used by the versions and structure routes). */
export async function programmeOr404(ctx: ModuleContext, id: string): Promise<svc.ProgrammeRow> {
  const p = await svc.mustFind(ctx, id);
  if (!p) throw new AppError('http.not_found');
  return p;
}
