// Public routes of consultations: the list, one consultation, the comment form and its POST (rate
// limited per IP here and per e-mail in the service; honeypot; CSRF as everywhere), the page of the
// e-mailed link (confirm, withdraw, ask for erasure), the report with its PDF/DOCX/CSV exports and
// the comparison with the next version.
import { consultationPageExtras } from './consultations.extensions.js';
import { contentDisposition } from '../../core/http/uploads.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type Problem } from '../../core/errors/app-error.js';
import { renderDocx, renderPdf } from '../../core/export/index.js';
import { formBody, submitForm, type FormRefusals } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { compareSections } from '../../core/text/word-diff.js';
import { getInstitution } from '../site/index.js';
import { renderMarkdown } from '../../core/text/markdown.js';
import * as comments from './comments.service.js';
import { canManage } from './consultations.policy.js';
import * as repo from './consultations.repo.js';
import * as svc from './consultations.service.js';
import * as v from './public.views.js';
import { buildReport, reportCsv, reportDocument } from './report.js';
import { LICENCE_LINK } from '../opendata/index.js';

export const FormBody = formBody({ maxLength: 20000, maxProperties: 60 });
export const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });
const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });

/** This module's refusals go back to the form as its problems (with validation errors); anything else propagates. */
export function consultationRefusals(ctx: ModuleContext): FormRefusals {
  return { errors: ctx.errors, codes: (code) => code.startsWith('consultations.') };
}

export async function publicRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const crumbs = (request: FastifyRequest, c?: repo.ConsultationRow) => [
    { label: request.t('consultations.title'), path: '/konsultacje' },
    ...(c ? [{ label: c.title, path: `/konsultacje/${c.id}` }] : []),
  ];

  app.get('/konsultacje', { config: { access: 'public' } }, async (request, reply) =>
    sendPage(request, reply, { title: request.t('consultations.title') }, <v.ListView items={await svc.listForPublic(ctx)} />),
  );

  /** Comments the public may read now: while open only when the coordinator chose so. */
  const visibleComments = async (c: repo.ConsultationRow, phase: string, request: FastifyRequest): Promise<v.PublicComment[] | null> => {
    if (!(c.is_comments_public || phase === 'report')) return null;
    const report = await buildReport(ctx.db, c, request.lang);
    return report.rows.map((r) => ({
      id: r.commentId,
      sectionId: r.sectionId,
      author: r.author,
      text: r.comment,
      proposedChange: r.proposedChange,
      hidden: r.hidden,
    }));
  };

  app.get('/konsultacje/:id', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) => {
    const c = await svc.publicConsultation(ctx, request.params.id);
    const phase = svc.phase(ctx, c);
    const sections = await repo.listSections(ctx.db, c.id, 'consulted');
    const next = await repo.listSections(ctx.db, c.id, 'next');
    const view = (
      <v.ConsultationView
        c={c}
        phase={phase}
        descriptionHtml={renderMarkdown(c.description)}
        sections={sections.map((s) => ({ ...s, html: renderMarkdown(s.body) }))}
        documents={await svc.documentsOf(ctx, c, request.lang)}
        comments={await visibleComments(c, phase, request)}
        counts={await svc.commentCounts(ctx, c.id)}
        now={ctx.clock.now()}
        hasNext={next.length > 0}
        extras={await consultationPageExtras(ctx, c, request)}
      />
    );
    return sendPage(
      request,
      reply,
      { title: c.title, breadcrumbs: [{ label: request.t('consultations.title'), path: '/konsultacje' }, { label: c.title }] },
      view,
    );
  });

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    c: repo.ConsultationRow,
    values: Record<string, string | undefined>,
    problems: Problem[] = [],
    status = 200,
  ) => {
    const clause = (await repo.currentClause(ctx.db, c.id)) ?? null;
    const closed = svc.phase(ctx, c) !== 'open';
    const sections = await repo.listSections(ctx.db, c.id, 'consulted');
    const chosen = sections.find((s) => s.id === values.section);
    // the form holds its one-time submission value: no cache may hand it to someone else
    reply.header('cache-control', 'no-store');
    const view = (
      <v.CommentFormView
        c={c}
        sections={sections}
        quoted={chosen ? { ...chosen, html: renderMarkdown(chosen.body) } : null}
        clause={clause}
        clauseHtml={renderMarkdown(clause?.body ?? '')}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
        closed={closed}
      />
    );
    return sendPage(
      request,
      reply,
      {
        title: request.t('consultations.comment.title'),
        breadcrumbs: [...crumbs(request, c), { label: request.t('consultations.comment.title') }],
      },
      view,
      status,
    );
  };

  app.get(
    '/konsultacje/:id/uwaga',
    {
      config: { access: 'public' },
      schema: { params: IdParams, querystring: Type.Object({ sekcja: Type.Optional(Type.String({ maxLength: 40 })) }) },
    },
    async (request, reply) => {
      const c = await svc.publicConsultation(ctx, request.params.id);
      // a new one-time value per form shown: sending this form again is recognised as the same comment
      return formPage(request, reply, c, {
        section: request.query.sekcja ?? comments.GENERAL,
        author_kind: c.who_may_comment === 'organisations' ? 'organisation' : '',
        [comments.SUBMISSION_KEY_FIELD]: comments.newSubmissionKey(),
      });
    },
  );

  app.post(
    '/konsultacje/:id/uwaga',
    { config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } }, schema: { params: IdParams, body: FormBody } },
    async (request, reply) => {
      const c = await svc.publicConsultation(ctx, request.params.id);
      const body = request.body;
      // too many comments from one address is an error page, not a problem of this form
      const sent = await submitForm(() => comments.submitComment(ctx, c.id, body, request.lang), {
        errors: ctx.errors,
        codes: (code) => code !== 'consultations.too_many' && code.startsWith('consultations.'),
      });
      if (!sent.ok) return formPage(request, reply, c, body, sent.problems, sent.status);
      return reply.redirect(localize(`/konsultacje/${c.id}/uwaga/wyslano`, request.lang), 303);
    },
  );

  app.get('/konsultacje/:id/uwaga/wyslano', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) => {
    const c = await svc.publicConsultation(ctx, request.params.id);
    return sendPage(
      request,
      reply,
      {
        title: request.t('consultations.sent.title'),
        breadcrumbs: [...crumbs(request, c), { label: request.t('consultations.sent.title') }],
      },
      <v.SentView c={c} />,
    );
  });

  // --- the e-mailed link ------------------------------------------------------------------------------

  const tokenPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    view: comments.TokenView,
    notice: 'confirmed' | 'erasure' | null,
  ) => {
    const cm = view.comment;
    // the page carries a one-time secret in its address: no referrer leaves it, nothing caches it
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
    return sendPage(
      request,
      reply,
      { title: request.t('consultations.confirm.title') },
      <v.TokenPage
        token={token}
        c={view.consultation}
        section={view.section}
        csrf={reply.generateCsrf()}
        notice={notice}
        comment={{
          status: cm.status,
          justification: cm.justification,
          proposed_change: cm.proposed_change,
          author: comments.authorName(cm),
          erasure_requested_at: cm.erasure_requested_at,
          token_expires_at: cm.token_expires_at,
        }}
      />,
    );
  };
  const strict = { max: 20, timeWindow: '1 minute' };

  app.get(
    '/konsultacje/potwierdzenie/:token',
    {
      config: { access: 'public', rateLimit: strict },
      schema: { params: TokenParams, querystring: Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) }) },
    },
    async (request, reply) => {
      const { token } = request.params;
      const { ok } = request.query;
      return tokenPage(
        request,
        reply,
        token,
        await comments.byToken(ctx, token),
        ok === 'potwierdzono' ? 'confirmed' : ok === 'usuniecie' ? 'erasure' : null,
      );
    },
  );

  app.post(
    '/konsultacje/potwierdzenie/:token/potwierdz',
    { config: { access: 'public', rateLimit: strict }, schema: { params: TokenParams, body: FormBody } },
    async (request, reply) => {
      const { token } = request.params;
      await comments.confirmComment(ctx, token);
      return reply.redirect(localize(`/konsultacje/potwierdzenie/${token}?ok=potwierdzono`, request.lang), 303);
    },
  );

  app.post(
    '/konsultacje/potwierdzenie/:token/wycofaj',
    { config: { access: 'public', rateLimit: strict }, schema: { params: TokenParams, body: FormBody } },
    async (request, reply) => {
      await comments.withdrawComment(ctx, request.params.token);
      reply.header('referrer-policy', 'no-referrer');
      return sendPage(request, reply, { title: request.t('consultations.confirm.withdrawnTitle') }, <v.WithdrawnView />);
    },
  );

  app.post(
    '/konsultacje/potwierdzenie/:token/usuniecie',
    { config: { access: 'public', rateLimit: strict }, schema: { params: TokenParams, body: FormBody } },
    async (request, reply) => {
      const { token } = request.params;
      await comments.requestErasure(ctx, token, request.ip ?? null);
      return reply.redirect(localize(`/konsultacje/potwierdzenie/${token}?ok=usuniecie`, request.lang), 303);
    },
  );

  // --- the report ----------------------------------------------------------------------------------

  /** The report once published; staff may preview it before (`?podglad=1`). */
  const reportOf = async (request: FastifyRequest, id: string, podglad: string | undefined) => {
    const c = await svc.getConsultation(ctx, id);
    const preview = podglad === '1' && request.user !== null && canManage(request.user);
    if (!c.is_report_published && !preview) throw new AppError('http.not_found');
    return buildReport(ctx.db, c, request.lang);
  };
  const ReportQuery = Type.Object({ podglad: Type.Optional(Type.String({ maxLength: 2 })) });
  const fileName = (c: repo.ConsultationRow, ext: string) => `raport-konsultacji-${c.id.slice(0, 8)}.${ext}`;

  app.get(
    '/konsultacje/:id/raport',
    { config: { access: 'public' }, schema: { params: IdParams, querystring: ReportQuery } },
    async (request, reply) => {
      const report = await reportOf(request, request.params.id, request.query.podglad);
      const title = request.t('consultations.report.title', { title: report.consultation.title });
      return sendPage(
        request,
        reply,
        { title, breadcrumbs: [...crumbs(request, report.consultation), { label: request.t('consultations.report.short') }] },
        <v.ReportView report={report} />,
      );
    },
  );

  app.get(
    '/konsultacje/:id/raport.csv',
    { config: { access: 'public' }, schema: { params: IdParams, querystring: ReportQuery } },
    async (request, reply) => {
      const report = await reportOf(request, request.params.id, request.query.podglad);
      return reply
        .header('content-disposition', contentDisposition(fileName(report.consultation, 'csv')))
        .header('link', LICENCE_LINK)
        .type('text/csv; charset=utf-8')
        .send(reportCsv(report, request.lang));
    },
  );

  app.get(
    '/konsultacje/:id/raport.pdf',
    { config: { access: 'public' }, schema: { params: IdParams, querystring: ReportQuery } },
    async (request, reply) => {
      const report = await reportOf(request, request.params.id, request.query.podglad);
      const bytes = await renderPdf(reportDocument(report, request.lang, (await getInstitution(ctx)).name));
      return reply
        .header('content-disposition', contentDisposition(fileName(report.consultation, 'pdf')))
        .type('application/pdf')
        .send(bytes);
    },
  );

  app.get(
    '/konsultacje/:id/raport.docx',
    { config: { access: 'public' }, schema: { params: IdParams, querystring: ReportQuery } },
    async (request, reply) => {
      const report = await reportOf(request, request.params.id, request.query.podglad);
      const bytes = await renderDocx(reportDocument(report, request.lang, (await getInstitution(ctx)).name));
      return reply
        .header('content-disposition', contentDisposition(fileName(report.consultation, 'docx')))
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .send(bytes);
    },
  );

  // --- the comparison --------------------------------------------------------------------------------

  app.get('/konsultacje/:id/zmiany', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) => {
    const c = await svc.publicConsultation(ctx, request.params.id);
    const before = await repo.listSections(ctx.db, c.id, 'consulted');
    const after = await repo.listSections(ctx.db, c.id, 'next');
    if (!after.length) throw new AppError('http.not_found');
    const commentsVisible = c.is_report_published || c.is_comments_public;
    const report = commentsVisible ? await buildReport(ctx.db, c, request.lang) : null;
    const changes = compareSections(before, after).map((change) => {
      const sectionId = change.before ? before.find((s) => s === change.before)?.id : undefined;
      const rows = sectionId && report ? report.rows.filter((r) => r.sectionId === sectionId && !r.hidden) : [];
      return {
        change,
        comments: rows.map((r) => ({
          no: r.no,
          accepted: r.responseKind === 'accepted' || r.responseKind === 'partly_accepted',
          text: r.comment,
          response: r.response,
        })),
      };
    });
    return sendPage(
      request,
      reply,
      {
        title: request.t('consultations.changes.title', { title: c.title }),
        breadcrumbs: [...crumbs(request, c), { label: request.t('consultations.changes.short') }],
      },
      <v.ChangesView c={c} changes={changes} reportPublished={c.is_report_published} />,
    );
  });
}
