// Staff routes of consultations. Coordinators and administrators run consultations and answer
// comments; moderators see the comments and may hide abusive ones. Forms re-render with the
// problems on a refusal and change nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type Problem } from '../../core/errors/app-error.js';
import { formBody, formBodyWithLists, formProblems, submitForm, textFields } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import { readUpload, registerUploads, uploadedFile } from '../../core/http/uploads.js';
import * as av from './admin.views.js';
import { canManage, manageConsultations, moderateConsultations } from './consultations.policy.js';
import * as repo from './consultations.repo.js';
import * as svc from './consultations.service.js';
import { consultationRefusals, FormBody, IdParams } from './public.routes.js';

const CommentParams = Type.Object({
  id: Type.String({ pattern: '^[0-9a-f-]{36}$' }),
  commentId: Type.String({ pattern: '^[0-9a-f-]{36}$' }),
});
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });
const DocumentsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  ok: Type.Optional(Type.String({ maxLength: 20 })),
});
const DocumentParams = Type.Object({
  id: Type.String({ pattern: '^[0-9a-f-]{36}$' }),
  documentId: Type.String({ pattern: '^[0-9a-f-]{36}$' }),
});
/** The response form repeats `also` (one per grouped comment). */
const RespondBody = formBodyWithLists({ maxLength: 20000, maxProperties: 20, maxItems: 2000, maxItemLength: 64 });
/** The details form: text fields only (the library documents have their own page). */
const DetailsBody = formBody({ maxLength: 20000, maxProperties: 60 });
const UPLOAD_BYTES = 10 * 1024 * 1024;

/** The forms with a Word file are multipart: read after the access rule, up to this limit. */
const readTextUpload = readUpload({ fileSize: UPLOAD_BYTES, fields: 60, parts: 70 });

/** What a staff page shows besides its data: the notice of the change that led to it (`?ok=`), or a refused form's problems. */
interface Shown {
  ok?: string;
  problems?: Problem[];
  status?: number;
}

export async function adminRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await registerUploads(app);
  const manage = { access: manageConsultations };
  const moderate = { access: moderateConsultations };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const adminCrumbs = (request: FastifyRequest, c?: repo.ConsultationRow) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('consultations.admin.title'), path: '/admin/konsultacje' },
    ...(c ? [{ label: c.title, path: `/admin/konsultacje/${c.id}` }] : []),
  ];
  const refusals = consultationRefusals(ctx);

  app.get('/admin/konsultacje', { config: moderate }, async (request, reply) => {
    const items = await svc.listForStaff(ctx);
    let erasureRequests = 0;
    for (const { c } of items)
      erasureRequests += (await repo.listConfirmedComments(ctx.db, c.id)).filter((x) => x.erasure_requested_at && !x.is_erased).length;
    return sendPage(
      request,
      reply,
      {
        title: request.t('consultations.admin.title'),
        breadcrumbs: [{ label: request.t('accounts.admin'), path: '/admin' }, { label: request.t('consultations.admin.title') }],
      },
      <av.AdminListView items={items} erasureRequests={erasureRequests} />,
    );
  });

  // --- create and edit ----------------------------------------------------------------------------

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    c: repo.ConsultationRow | null,
    values: Record<string, string | undefined>,
    shown: Shown = {},
  ) => {
    const title = c ? request.t('consultations.admin.edit') : request.t('consultations.admin.new');
    const view = (
      <av.ConsultationFormView
        id={c?.id ?? null}
        values={values}
        problems={shown.problems ?? []}
        csrf={reply.generateCsrf()}
        versions={c ? [] : await svc.programmeVersionChoices(ctx)}
        saved={shown.ok === '1'}
      />
    );
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...adminCrumbs(request, c ?? undefined), { label: title }] },
      view,
      shown.status ?? 200,
    );
  };

  app.get('/admin/konsultacje/nowa', { config: manage }, async (request, reply) =>
    formPage(request, reply, null, { who_may_comment: 'everyone', source: 'text', clause: await svc.defaultClause(ctx) }),
  );

  app.post(
    '/admin/konsultacje/nowa',
    { config: manage, preValidation: readTextUpload, schema: { body: DetailsBody } },
    async (request, reply) => {
      const body = textFields(request.body);
      let id: string;
      try {
        id = await svc.createConsultation(ctx, body, uploadedFile(request, 'file'), auditFromRequest(request));
      } catch (err) {
        return formPage(request, reply, null, body, formProblems(err, refusals));
      }
      return go(request, reply, `/admin/konsultacje/${id}?ok=utworzono`);
    },
  );

  app.get('/admin/konsultacje/:id', { config: moderate, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) =>
    overview(request, reply, request.params.id, { ok: request.query.ok }),
  );

  const overview = async (request: FastifyRequest, reply: FastifyReply, id: string, shown: Shown = {}) => {
    const c = await svc.getConsultation(ctx, id);
    const comments = await repo.listConfirmedComments(ctx.db, c.id);
    const counts = {
      confirmed: comments.length,
      lacking: comments.filter((x) => !x.response_kind).length,
      sections: (await repo.listSections(ctx.db, c.id, 'consulted')).length,
      nextSections: (await repo.listSections(ctx.db, c.id, 'next')).length,
      documents: (await svc.documentsOf(ctx, c, request.lang)).length,
    };
    const { ok } = shown;
    const notice =
      ok === 'utworzono'
        ? request.t('consultations.admin.created')
        : ok === 'raport'
          ? request.t('consultations.admin.published')
          : ok === 'wersja'
            ? request.t('consultations.next.saved')
            : null;
    return sendPage(
      request,
      reply,
      { title: c.title, breadcrumbs: [...adminCrumbs(request), { label: c.title }] },
      <av.OverviewView
        c={c}
        phase={svc.phase(ctx, c)}
        counts={counts}
        csrf={reply.generateCsrf()}
        problems={shown.problems ?? []}
        notice={notice}
      />,
      shown.status ?? 200,
    );
  };

  app.get(
    '/admin/konsultacje/:id/edycja',
    { config: manage, schema: { params: IdParams, querystring: OkQuery } },
    async (request, reply) => {
      const c = await svc.getConsultation(ctx, request.params.id);
      return formPage(request, reply, c, await svc.detailsFormValues(ctx, c), { ok: request.query.ok });
    },
  );

  app.post('/admin/konsultacje/:id/edycja', { config: manage, schema: { params: IdParams, body: DetailsBody } }, async (request, reply) => {
    const c = await svc.getConsultation(ctx, request.params.id);
    const body = textFields(request.body);
    const saved = await submitForm(() => svc.updateConsultation(ctx, c.id, body, auditFromRequest(request)), refusals);
    if (!saved.ok) return formPage(request, reply, c, body, { problems: saved.problems, status: saved.status });
    return go(request, reply, `/admin/konsultacje/${c.id}/edycja?ok=1`);
  });

  // --- library documents ---------------------------------------------------------------------------

  const documentsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    q: string,
    shown: Shown & { notice?: string | null } = {},
  ) => {
    const c = await svc.getConsultation(ctx, id);
    const title = `${request.t('consultations.admin.documentsTitle')}: ${c.title}`;
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...adminCrumbs(request, c), { label: request.t('consultations.admin.documentsTitle') }] },
      <av.DocumentsView
        c={c}
        attached={await svc.documentsOf(ctx, c, request.lang)}
        q={q}
        offered={await svc.findDocuments(ctx, c, q)}
        notice={shown.notice ?? null}
        problems={shown.problems ?? []}
        csrf={reply.generateCsrf()}
      />,
      shown.status ?? 200,
    );
  };

  app.get(
    '/admin/konsultacje/:id/dokumenty',
    { config: manage, schema: { params: IdParams, querystring: DocumentsQuery } },
    async (request, reply) => {
      const { ok } = request.query;
      const notice =
        ok === 'dolaczono'
          ? request.t('consultations.admin.documentAttached')
          : ok === 'odlaczono'
            ? request.t('consultations.admin.documentDetached')
            : null;
      return documentsPage(request, reply, request.params.id, (request.query.q ?? '').trim(), { notice });
    },
  );

  app.post('/admin/konsultacje/:id/dokumenty', { config: manage, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    const done = await submitForm(() => svc.attachDocument(ctx, id, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return documentsPage(request, reply, id, request.body.q ?? '', { problems: done.problems, status: done.status });
    return go(request, reply, `/admin/konsultacje/${id}/dokumenty?ok=dolaczono`);
  });

  app.post(
    '/admin/konsultacje/:id/dokumenty/:documentId/odlacz',
    { config: manage, schema: { params: DocumentParams, body: FormBody } },
    async (request, reply) => {
      const { id, documentId } = request.params;
      const done = await submitForm(() => svc.detachDocument(ctx, id, documentId, auditFromRequest(request)), refusals);
      if (!done.ok) return documentsPage(request, reply, id, '', { problems: done.problems, status: done.status });
      return go(request, reply, `/admin/konsultacje/${id}/dokumenty?ok=odlaczono`);
    },
  );

  app.post('/admin/konsultacje/:id/raport', { config: manage, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    const published = await submitForm(() => svc.publishReport(ctx, id, auditFromRequest(request)), refusals);
    if (!published.ok) return overview(request, reply, id, { problems: published.problems, status: published.status });
    return go(request, reply, `/admin/konsultacje/${id}?ok=raport`);
  });

  // --- the next version of the text ---------------------------------------------------------------

  const nextPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Record<string, string | undefined>,
    shown: Shown = {},
  ) => {
    const c = await svc.getConsultation(ctx, id);
    const current = (await repo.listSections(ctx.db, c.id, 'next')).length;
    return sendPage(
      request,
      reply,
      {
        title: request.t('consultations.next.title'),
        breadcrumbs: [...adminCrumbs(request, c), { label: request.t('consultations.next.title') }],
      },
      <av.NextTextView
        c={c}
        values={values}
        problems={shown.problems ?? []}
        csrf={reply.generateCsrf()}
        versions={await svc.programmeVersionChoices(ctx)}
        current={current}
      />,
      shown.status ?? 200,
    );
  };

  app.get('/admin/konsultacje/:id/nowa-wersja', { config: manage, schema: { params: IdParams } }, async (request, reply) => {
    const c = await svc.getConsultation(ctx, request.params.id);
    const p = svc.phase(ctx, c);
    if (p !== 'closed' && p !== 'report') throw new AppError('consultations.not_closed');
    return nextPage(request, reply, c.id, { source: 'text' });
  });

  app.post(
    '/admin/konsultacje/:id/nowa-wersja',
    { config: manage, preValidation: readTextUpload, schema: { params: IdParams } },
    async (request, reply) => {
      const body = textFields(request.body);
      try {
        await svc.setNextText(ctx, request.params.id, body, uploadedFile(request, 'file'), auditFromRequest(request));
      } catch (err) {
        return nextPage(request, reply, request.params.id, body, formProblems(err, refusals));
      }
      return go(request, reply, `/admin/konsultacje/${request.params.id}?ok=wersja`);
    },
  );

  // --- comments -------------------------------------------------------------------------------------

  app.get(
    '/admin/konsultacje/:id/uwagi',
    { config: moderate, schema: { params: IdParams, querystring: Type.Object({ brak: Type.Optional(Type.String({ maxLength: 2 })) }) } },
    async (request, reply) => {
      const c = await svc.getConsultation(ctx, request.params.id);
      const all = await repo.listConfirmedComments(ctx.db, c.id);
      const numbers = new Map(all.map((x, i) => [x.id, i + 1]));
      const lackingOnly = request.query.brak === '1';
      const sections = new Map((await repo.listSections(ctx.db, c.id, 'consulted')).map((s) => [s.id, s]));
      const title = request.t('consultations.admin.commentsOf', { title: c.title });
      return sendPage(
        request,
        reply,
        { title, breadcrumbs: [...adminCrumbs(request, c), { label: request.t('consultations.admin.comments') }] },
        <av.CommentsView
          c={c}
          comments={lackingOnly ? all.filter((x) => !x.response_kind) : all}
          numbers={numbers}
          lackingOnly={lackingOnly}
          sections={sections}
        />,
      );
    },
  );

  const commentPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    { id, commentId }: { id: string; commentId: string },
    values: Record<string, string | undefined>,
    shown: Shown = {},
  ) => {
    const c = await svc.getConsultation(ctx, id);
    const all = await repo.listConfirmedComments(ctx.db, c.id);
    const comment = all.find((x) => x.id === commentId);
    if (!comment) throw new AppError('http.not_found');
    const numbers = new Map(all.map((x, i) => [x.id, i + 1]));
    const section = comment.section_id
      ? (await repo.listSections(ctx.db, c.id, 'consulted')).find((s) => s.id === comment.section_id)
      : undefined;
    const clause = (await repo.listClauses(ctx.db, c.id)).find((x) => x.id === comment.clause_id);
    const { ok } = shown;
    const notice =
      ok === 'odpowiedz'
        ? request.t('consultations.respond.saved')
        : ok === 'ukryto'
          ? request.t('consultations.hide.saved')
          : ok === 'usunieto'
            ? request.t('consultations.erase.done')
            : null;
    const no = numbers.get(comment.id)!;
    return sendPage(
      request,
      reply,
      {
        title: request.t('consultations.admin.commentNo', { no }),
        breadcrumbs: [
          ...adminCrumbs(request, c),
          { label: request.t('consultations.admin.comments'), path: `/admin/konsultacje/${c.id}/uwagi` },
          { label: request.t('consultations.admin.commentNo', { no }) },
        ],
      },
      <av.CommentView
        c={c}
        comment={comment}
        no={no}
        section={section}
        others={all.filter((x) => x.id !== comment.id)}
        numbers={numbers}
        clauseVersion={clause?.version ?? 0}
        values={values}
        problems={shown.problems ?? []}
        csrf={reply.generateCsrf()}
        notice={notice}
        canManage={request.user !== null && canManage(request.user)}
      />,
      shown.status ?? 200,
    );
  };
  const commentPath = ({ id, commentId }: { id: string; commentId: string }) => `/admin/konsultacje/${id}/uwagi/${commentId}`;

  app.get(
    '/admin/konsultacje/:id/uwagi/:commentId',
    { config: moderate, schema: { params: CommentParams, querystring: OkQuery } },
    async (request, reply) => commentPage(request, reply, request.params, {}, { ok: request.query.ok }),
  );

  app.post(
    '/admin/konsultacje/:id/uwagi/:commentId/odpowiedz',
    { config: manage, schema: { params: CommentParams, body: RespondBody } },
    async (request, reply) => {
      const { id, commentId } = request.params;
      const also = request.body.also;
      const body = textFields(request.body);
      const saved = await submitForm(
        () => svc.respond(ctx, id, commentId, body, typeof also === 'string' ? [also] : (also ?? []), auditFromRequest(request)),
        refusals,
      );
      if (!saved.ok) return commentPage(request, reply, request.params, body, { problems: saved.problems, status: saved.status });
      return go(request, reply, `${commentPath(request.params)}?ok=odpowiedz`);
    },
  );

  app.post(
    '/admin/konsultacje/:id/uwagi/:commentId/ukryj',
    { config: moderate, schema: { params: CommentParams, body: FormBody } },
    async (request, reply) => {
      const { id, commentId } = request.params;
      const saved = await submitForm(() => svc.hideComment(ctx, id, commentId, request.body, auditFromRequest(request)), refusals);
      if (!saved.ok) return commentPage(request, reply, request.params, request.body, { problems: saved.problems, status: saved.status });
      return go(request, reply, `${commentPath(request.params)}?ok=ukryto`);
    },
  );

  app.post(
    '/admin/konsultacje/:id/uwagi/:commentId/usun-dane',
    { config: manage, schema: { params: CommentParams, body: FormBody } },
    async (request, reply) => {
      const { id, commentId } = request.params;
      await svc.eraseAuthor(ctx, id, commentId, auditFromRequest(request));
      return go(request, reply, `${commentPath(request.params)}?ok=usunieto`);
    },
  );

  // --- settings ----------------------------------------------------------------------------------------

  const settingsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string | undefined>,
    shown: Shown = {},
  ) =>
    sendPage(
      request,
      reply,
      {
        title: request.t('consultations.settings.title'),
        breadcrumbs: [...adminCrumbs(request), { label: request.t('consultations.settings.title') }],
      },
      <av.SettingsView
        months={await svc.retentionMonths(ctx)}
        clause={await svc.defaultClause(ctx)}
        values={values}
        problems={shown.problems ?? []}
        csrf={reply.generateCsrf()}
        saved={shown.ok === '1'}
      />,
      shown.status ?? 200,
    );

  app.get('/admin/konsultacje/ustawienia', { config: manage, schema: { querystring: OkQuery } }, async (request, reply) =>
    settingsPage(request, reply, {}, { ok: request.query.ok }),
  );

  app.post('/admin/konsultacje/ustawienia', { config: manage, schema: { body: FormBody } }, async (request, reply) => {
    const body = request.body;
    const saved = await submitForm(() => svc.setRetentionMonths(ctx, body, auditFromRequest(request)), refusals);
    if (!saved.ok) return settingsPage(request, reply, body, { problems: saved.problems, status: saved.status });
    return go(request, reply, '/admin/konsultacje/ustawienia?ok=1');
  });
}
