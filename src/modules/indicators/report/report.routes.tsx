// Routes of the annual report. Public: /program/{slug}/sprawozdanie/{rok} as an HTML page, and the
// same path + `.pdf` (tagged PDF) or `.docx` (Word). A report not yet published exists only for
// staff (coordinators, administrators), who see it marked as a draft; anyone else gets 404, as if it
// were not there. Staff: /admin/program/{id}/sprawozdanie/{rok} — the narratives per goal and action,
// publishing and withdrawing publication (both audited).
import { contentDisposition } from '../../../core/http/uploads.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError, type Problem } from '../../../core/errors/app-error.js';
import { renderDocx, renderPdf } from '../../../core/export/index.js';
import { formBody, submitForm } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { auditFromRequest } from '../../audit/index.js';
import {
  canManageProgramme,
  findProgramme,
  findProgrammeBySlug,
  manageProgramme,
  type ProgrammePageSection,
} from '../../programme/index.js';
import { reportDocument } from './report.document.js';
import { reportExtras } from './report.extensions.js';
import * as svc from './report.service.js';
import { ReportEditorView, ReportsSection, ReportView } from './report.views.js';

const FileParams = Type.Object({ slug: Type.String({ maxLength: 100 }), file: Type.String({ maxLength: 12 }) });
const AdminParams = Type.Object({ id: Type.String({ maxLength: 100 }), year: Type.String({ maxLength: 4 }) });
const FormBody = formBody({ maxLength: 25000, maxProperties: 400 });
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });
const FILE = /^(\d{4})(?:\.(pdf|docx))?$/u;

const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/** Links to the annual reports on the public programme page (drafts too, for staff). */
export const annualReportsSection: ProgrammePageSection = {
  id: 'annual-reports',
  order: 20,
  async render(ctx, programme, request) {
    const isStaff = !!request.user && canManageProgramme(request.user);
    const years = await svc.reportYears(ctx, programme);
    return <ReportsSection slug={programme.slug} programmeId={programme.id} years={years} isStaff={isStaff} />;
  },
};

export async function reportRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);

  app.get('/program/:slug/sprawozdanie/:file', { config: { access: 'public' }, schema: { params: FileParams } }, async (request, reply) => {
    const { slug, file } = request.params;
    const m = FILE.exec(file);
    const programme = m ? await findProgrammeBySlug(ctx.db, slug) : undefined;
    if (!m || !programme) throw new AppError('http.not_found');
    const year = Number(m[1]);
    const isStaff = !!request.user && canManageProgramme(request.user);
    const format = m[2] as 'pdf' | 'docx' | undefined;
    if (format) {
      const build = async () => {
        const model = await svc.reportModel(ctx, programme, year);
        const extras = await reportExtras(ctx, programme, year, request.t, request.fmt);
        const author = programme.responsible_institution || request.t('monitoring.report.author');
        return { status: model.status, doc: reportDocument(model, request.lang, request.t, request.fmt, author, extras) };
      };
      const render = async () => {
        const { doc } = await build();
        return format === 'pdf' ? renderPdf(doc) : renderDocx(doc);
      };
      const state = await svc.reportFileState(ctx, { programme, year, format, lang: request.lang }, build);
      let bytes: Buffer;
      if (state.version === null) {
        // drafts change with every edit and are for staff only: never cached
        if (!isStaff) throw new AppError('http.not_found');
        reply.header('cache-control', 'private, no-store');
        bytes = await render();
      } else {
        // a published report is generated once per content version and then served from storage
        const etag = `"${state.version}"`;
        reply.header('etag', etag).header('cache-control', 'public, no-cache');
        if (request.headers['if-none-match'] === etag) return reply.code(304).send();
        bytes = await svc.storedReportFile(ctx, { version: state.version, programme_id: programme.id, year, format }, render);
      }
      const name = `sprawozdanie-${programme.slug}-${year}${state.version === null ? '-projekt' : ''}.${format}`;
      return reply
        .type(MIME[format])
        .header('content-disposition', contentDisposition(name, format === 'pdf' ? 'inline' : 'attachment'))
        .send(bytes);
    }
    const model = await svc.reportModel(ctx, programme, year);
    if (model.status === 'draft' && !isStaff) throw new AppError('http.not_found');
    // drafts change with every edit and are for staff only: never cached
    if (model.status === 'draft') reply.header('cache-control', 'private, no-store');
    const extras = await reportExtras(ctx, programme, year, request.t, request.fmt);
    return sendPage(
      request,
      reply,
      {
        title: request.t('monitoring.report.title', { year }),
        breadcrumbs: [
          { label: request.t('programme.title'), path: '/program' },
          { label: programme.title, path: `/program/${programme.slug}` },
        ],
      },
      <ReportView model={model} isStaff={isStaff} extras={extras} />,
    );
  });

  /** The programme of an admin address: its id, or its slug. */
  const programmeOf = async (ref: string) => {
    const p = (await findProgramme(ctx.db, ref)) ?? (await findProgrammeBySlug(ctx.db, ref));
    if (!p) throw new AppError('http.not_found');
    return p;
  };
  const yearOf = (y: string) => {
    if (!/^\d{4}$/u.test(y)) throw new AppError('http.not_found');
    return Number(y);
  };
  const manage = { access: manageProgramme };

  /** The narratives editor; `ok` the notice after a redirect, `values` and `problems` a refused form. */
  const editor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    params: Static<typeof AdminParams>,
    ok: string | undefined,
    values: Record<string, string> = {},
    problems: Problem[] = [],
    status = 200,
  ) => {
    const programme = await programmeOf(params.id);
    const model = await svc.reportModel(ctx, programme, yearOf(params.year));
    const notices: Record<string, string> = {
      zapisano: request.t('monitoring.report.saved'),
      opublikowano: request.t('monitoring.report.publishedNotice'),
      wycofano: request.t('monitoring.report.unpublishedNotice'),
    };
    return sendPage(
      request,
      reply,
      {
        title: request.t('monitoring.report.editorTitle', { year: model.year }),
        breadcrumbs: [
          { label: request.t('programme.admin.title'), path: '/admin/program' },
          { label: programme.title, path: `/admin/program/${programme.id}` },
        ],
      },
      <ReportEditorView
        model={model}
        csrf={reply.generateCsrf()}
        values={values}
        problems={problems}
        notice={status === 200 && ok ? (notices[ok] ?? null) : null}
      />,
      status,
    );
  };

  app.get(
    '/admin/program/:id/sprawozdanie/:year',
    { config: manage, schema: { params: AdminParams, querystring: OkQuery } },
    async (request, reply) => editor(request, reply, request.params, request.query.ok),
  );

  app.post(
    '/admin/program/:id/sprawozdanie/:year',
    { config: manage, schema: { params: AdminParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const year = yearOf(request.params.year);
      const body = request.body;
      const saved = await submitForm(() => svc.saveNarratives(ctx, programme, year, body, auditFromRequest(request)));
      if (!saved.ok) return editor(request, reply, request.params, undefined, body, saved.problems, saved.status);
      return go(request, reply, `${svc.adminReportPath(programme.id, year)}?ok=zapisano`);
    },
  );

  app.post(
    '/admin/program/:id/sprawozdanie/:year/publikuj',
    { config: manage, schema: { params: AdminParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const year = yearOf(request.params.year);
      await svc.publishReport(ctx, programme, year, auditFromRequest(request));
      return go(request, reply, `${svc.adminReportPath(programme.id, year)}?ok=opublikowano`);
    },
  );

  app.post(
    '/admin/program/:id/sprawozdanie/:year/wycofaj',
    { config: manage, schema: { params: AdminParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const year = yearOf(request.params.year);
      await svc.unpublishReport(ctx, programme, year, auditFromRequest(request));
      return go(request, reply, `${svc.adminReportPath(programme.id, year)}?ok=wycofano`);
    },
  );
}
