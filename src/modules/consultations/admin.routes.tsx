// Staff routes of consultations. Coordinators and administrators run consultations and answer
// comments; moderators see the comments and may hide abusive ones. Forms re-render with the
// problems on a refusal and change nothing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type Problem } from '../../core/errors/app-error.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import { registerUploads, uploadLimit, uploadOf } from '../portal/index.js';
import * as av from './admin.views.js';
import { canManage, manageConsultations, moderateConsultations } from './consultations.policy.js';
import * as repo from './consultations.repo.js';
import * as svc from './consultations.service.js';
import { FormBody, IdParams, problemsOf, stringFields } from './public.routes.js';

const CommentParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$' }), commentId: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });
/** The response form repeats `also` (one per grouped comment). */
const RespondBody = Type.Record(Type.String({ maxLength: 100 }), Type.Union([Type.String({ maxLength: 20000 }), Type.Array(Type.String({ maxLength: 64 }), { maxItems: 2000 })]), { maxProperties: 20 });
const UPLOAD_BYTES = 10 * 1024 * 1024;

/** Uploads are parsed before the access rule runs, so strangers are turned away before any byte is read. */
async function managersOnlyEarly(request: FastifyRequest): Promise<void> {
  if (!request.user) throw new AppError('http.unauthenticated');
  if (!canManage(request.user)) throw new AppError('http.forbidden');
}

export async function adminRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  await registerUploads(app);
  const manage = { access: manageConsultations };
  const moderate = { access: moderateConsultations };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const adminCrumbs = (request: FastifyRequest, c?: repo.ConsultationRow) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('consultations.admin.title'), path: '/admin/konsultacje' },
    ...(c ? [{ label: c.title, path: `/admin/konsultacje/${c.id}` }] : []),
  ];
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
  const okOf = (request: FastifyRequest) => (request.query as { ok?: string } | undefined)?.ok;

  app.get('/admin/konsultacje', { config: moderate }, async (request, reply) => {
    const items = await svc.listForStaff(ctx);
    let erasureRequests = 0;
    for (const { c } of items) erasureRequests += (await repo.listConfirmedComments(ctx.db, c.id)).filter((x) => x.erasure_requested_at && !x.is_erased).length;
    return sendPage(request, reply, { title: request.t('consultations.admin.title'), breadcrumbs: [{ label: request.t('accounts.admin'), path: '/admin' }, { label: request.t('consultations.admin.title') }] }, <av.AdminListView items={items} erasureRequests={erasureRequests} />);
  });

  // --- create and edit ----------------------------------------------------------------------------

  const formPage = async (request: FastifyRequest, reply: FastifyReply, c: repo.ConsultationRow | null, values: Record<string, string | undefined>, problems: Problem[] = [], status = 200) => {
    const title = c ? request.t('consultations.admin.edit') : request.t('consultations.admin.new');
    const view = <av.ConsultationFormView id={c?.id ?? null} values={values} problems={problems} csrf={reply.generateCsrf()} versions={c ? [] : await svc.programmeVersionChoices(ctx)} saved={okOf(request) === '1' && status === 200} />;
    return sendPage(request, reply, { title, breadcrumbs: [...adminCrumbs(request, c ?? undefined), { label: title }] }, view, status);
  };

  app.get('/admin/konsultacje/nowa', { config: manage }, async (request, reply) => formPage(request, reply, null, { who_may_comment: 'everyone', source: 'text' }));

  app.post('/admin/konsultacje/nowa', { config: { ...manage, ...uploadLimit(UPLOAD_BYTES) }, onRequest: managersOnlyEarly }, async (request, reply) => {
    const body = stringFields(request);
    let id: string;
    try {
      id = await svc.createConsultation(ctx, body, uploadOf(request, 'file'), auditFromRequest(request));
    } catch (err) {
      const { problems, status } = problemsOf(err);
      return formPage(request, reply, null, body, problems, status);
    }
    return go(request, reply, `/admin/konsultacje/${id}?ok=utworzono`);
  });

  app.get('/admin/konsultacje/:id', { config: moderate, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) => overview(request, reply));

  const overview = async (request: FastifyRequest, reply: FastifyReply, problems: Problem[] = [], status = 200) => {
    const c = await svc.getConsultation(ctx, idOf(request));
    const comments = await repo.listConfirmedComments(ctx.db, c.id);
    const counts = {
      confirmed: comments.length,
      lacking: comments.filter((x) => !x.response_kind).length,
      sections: (await repo.listSections(ctx.db, c.id, 'consulted')).length,
      nextSections: (await repo.listSections(ctx.db, c.id, 'next')).length,
    };
    const ok = okOf(request);
    const notice = status !== 200 ? null : ok === 'utworzono' ? request.t('consultations.admin.created') : ok === 'raport' ? request.t('consultations.admin.published') : ok === 'wersja' ? request.t('consultations.next.saved') : null;
    return sendPage(request, reply, { title: c.title, breadcrumbs: [...adminCrumbs(request), { label: c.title }] }, <av.OverviewView c={c} phase={svc.phase(ctx, c)} counts={counts} csrf={reply.generateCsrf()} problems={problems} notice={notice} />, status);
  };

  app.get('/admin/konsultacje/:id/edycja', { config: manage, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) => {
    const c = await svc.getConsultation(ctx, idOf(request));
    return formPage(request, reply, c, await svc.detailsFormValues(ctx, c));
  });

  app.post('/admin/konsultacje/:id/edycja', { config: manage, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const c = await svc.getConsultation(ctx, idOf(request));
    const body = stringFields(request);
    try {
      await svc.updateConsultation(ctx, c.id, body, auditFromRequest(request));
    } catch (err) {
      const { problems, status } = problemsOf(err);
      return formPage(request, reply, c, body, problems, status);
    }
    return go(request, reply, `/admin/konsultacje/${c.id}/edycja?ok=1`);
  });

  app.post('/admin/konsultacje/:id/raport', { config: manage, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    try {
      await svc.publishReport(ctx, idOf(request), auditFromRequest(request));
    } catch (err) {
      const { problems, status } = problemsOf(err);
      return overview(request, reply, problems, status);
    }
    return go(request, reply, `/admin/konsultacje/${idOf(request)}?ok=raport`);
  });

  // --- the next version of the text ---------------------------------------------------------------

  const nextPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string | undefined>, problems: Problem[] = [], status = 200) => {
    const c = await svc.getConsultation(ctx, idOf(request));
    const current = (await repo.listSections(ctx.db, c.id, 'next')).length;
    return sendPage(
      request,
      reply,
      { title: request.t('consultations.next.title'), breadcrumbs: [...adminCrumbs(request, c), { label: request.t('consultations.next.title') }] },
      <av.NextTextView c={c} values={values} problems={problems} csrf={reply.generateCsrf()} versions={await svc.programmeVersionChoices(ctx)} current={current} />,
      status,
    );
  };

  app.get('/admin/konsultacje/:id/nowa-wersja', { config: manage, schema: { params: IdParams } }, async (request, reply) => {
    const c = await svc.getConsultation(ctx, idOf(request));
    const p = svc.phase(ctx, c);
    if (p !== 'closed' && p !== 'report') throw new AppError('consultations.not_closed');
    return nextPage(request, reply, { source: 'text' });
  });

  app.post('/admin/konsultacje/:id/nowa-wersja', { config: { ...manage, ...uploadLimit(UPLOAD_BYTES) }, onRequest: managersOnlyEarly, schema: { params: IdParams } }, async (request, reply) => {
    const body = stringFields(request);
    try {
      await svc.setNextText(ctx, idOf(request), body, uploadOf(request, 'file'), auditFromRequest(request));
    } catch (err) {
      const { problems, status } = problemsOf(err);
      return nextPage(request, reply, body, problems, status);
    }
    return go(request, reply, `/admin/konsultacje/${idOf(request)}?ok=wersja`);
  });

  // --- comments -------------------------------------------------------------------------------------

  app.get('/admin/konsultacje/:id/uwagi', { config: moderate, schema: { params: IdParams, querystring: Type.Object({ brak: Type.Optional(Type.String({ maxLength: 2 })) }) } }, async (request, reply) => {
    const c = await svc.getConsultation(ctx, idOf(request));
    const all = await repo.listConfirmedComments(ctx.db, c.id);
    const numbers = new Map(all.map((x, i) => [x.id, i + 1]));
    const lackingOnly = (request.query as { brak?: string }).brak === '1';
    const sections = new Map((await repo.listSections(ctx.db, c.id, 'consulted')).map((s) => [s.id, s]));
    const title = request.t('consultations.admin.commentsOf', { title: c.title });
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...adminCrumbs(request, c), { label: request.t('consultations.admin.comments') }] },
      <av.CommentsView c={c} comments={lackingOnly ? all.filter((x) => !x.response_kind) : all} numbers={numbers} lackingOnly={lackingOnly} sections={sections} />,
    );
  });

  const commentPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string | undefined> = {}, problems: Problem[] = [], status = 200) => {
    const { id, commentId } = request.params as { id: string; commentId: string };
    const c = await svc.getConsultation(ctx, id);
    const all = await repo.listConfirmedComments(ctx.db, c.id);
    const comment = all.find((x) => x.id === commentId);
    if (!comment) throw new AppError('http.not_found');
    const numbers = new Map(all.map((x, i) => [x.id, i + 1]));
    const section = comment.section_id ? (await repo.listSections(ctx.db, c.id, 'consulted')).find((s) => s.id === comment.section_id) : undefined;
    const clause = (await repo.listClauses(ctx.db, c.id)).find((x) => x.id === comment.clause_id);
    const ok = okOf(request);
    const notice = status !== 200 ? null : ok === 'odpowiedz' ? request.t('consultations.respond.saved') : ok === 'ukryto' ? request.t('consultations.hide.saved') : ok === 'usunieto' ? request.t('consultations.erase.done') : null;
    const no = numbers.get(comment.id)!;
    return sendPage(
      request,
      reply,
      { title: request.t('consultations.admin.commentNo', { no }), breadcrumbs: [...adminCrumbs(request, c), { label: request.t('consultations.admin.comments'), path: `/admin/konsultacje/${c.id}/uwagi` }, { label: request.t('consultations.admin.commentNo', { no }) }] },
      <av.CommentView
        c={c}
        comment={comment}
        no={no}
        section={section}
        others={all.filter((x) => x.id !== comment.id)}
        numbers={numbers}
        clauseVersion={clause?.version ?? 0}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
        notice={notice}
        canManage={request.user !== null && canManage(request.user)}
      />,
      status,
    );
  };
  const commentBase = (request: FastifyRequest) => {
    const { id, commentId } = request.params as { id: string; commentId: string };
    return { id, commentId, path: `/admin/konsultacje/${id}/uwagi/${commentId}` };
  };

  app.get('/admin/konsultacje/:id/uwagi/:commentId', { config: moderate, schema: { params: CommentParams, querystring: OkQuery } }, async (request, reply) => commentPage(request, reply));

  app.post('/admin/konsultacje/:id/uwagi/:commentId/odpowiedz', { config: manage, schema: { params: CommentParams, body: RespondBody } }, async (request, reply) => {
    const { id, commentId, path } = commentBase(request);
    const raw = (request.body ?? {}) as Record<string, string | string[]>;
    const also = typeof raw.also === 'string' ? [raw.also] : Array.isArray(raw.also) ? raw.also : [];
    try {
      await svc.respond(ctx, id, commentId, stringFields(request), also, auditFromRequest(request));
    } catch (err) {
      const { problems, status } = problemsOf(err);
      return commentPage(request, reply, stringFields(request), problems, status);
    }
    return go(request, reply, `${path}?ok=odpowiedz`);
  });

  app.post('/admin/konsultacje/:id/uwagi/:commentId/ukryj', { config: moderate, schema: { params: CommentParams, body: FormBody } }, async (request, reply) => {
    const { id, commentId, path } = commentBase(request);
    try {
      await svc.hideComment(ctx, id, commentId, stringFields(request), auditFromRequest(request));
    } catch (err) {
      const { problems, status } = problemsOf(err);
      return commentPage(request, reply, stringFields(request), problems, status);
    }
    return go(request, reply, `${path}?ok=ukryto`);
  });

  app.post('/admin/konsultacje/:id/uwagi/:commentId/usun-dane', { config: manage, schema: { params: CommentParams, body: FormBody } }, async (request, reply) => {
    const { id, commentId, path } = commentBase(request);
    await svc.eraseAuthor(ctx, id, commentId, auditFromRequest(request));
    return go(request, reply, `${path}?ok=usunieto`);
  });

  // --- settings ----------------------------------------------------------------------------------------

  const settingsPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string | undefined> = {}, problems: Problem[] = [], status = 200) =>
    sendPage(
      request,
      reply,
      { title: request.t('consultations.settings.title'), breadcrumbs: [...adminCrumbs(request), { label: request.t('consultations.settings.title') }] },
      <av.SettingsView months={await svc.retentionMonths(ctx)} values={values} problems={problems} csrf={reply.generateCsrf()} saved={okOf(request) === '1' && status === 200} />,
      status,
    );

  app.get('/admin/konsultacje/ustawienia', { config: manage, schema: { querystring: OkQuery } }, async (request, reply) => settingsPage(request, reply));

  app.post('/admin/konsultacje/ustawienia', { config: manage, schema: { body: FormBody } }, async (request, reply) => {
    const body = stringFields(request);
    try {
      await svc.setRetentionMonths(ctx, body, auditFromRequest(request));
    } catch (err) {
      const { problems, status } = problemsOf(err);
      return settingsPage(request, reply, body, problems, status);
    }
    return go(request, reply, '/admin/konsultacje/ustawienia?ok=1');
  });
}
