// Routes of the audit module: the event log page and its CSV export, both for administrators.
// Thin: check the filter, ask the service, render. Exporting is itself recorded in the log.
import { contentDisposition } from '../../core/http/uploads.js';
import { Type } from 'typebox';
import { AppError } from '../../core/errors/app-error.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { warsawToday } from '../../core/time/index.js';
import { viewAuditLog } from './audit.policy.js';
import { auditFromRequest } from './audit.request.js';
import * as svc from './audit.service.js';
import { AUDIT_PATH, AuditLogView } from './audit.views.js';

const FilterQuery = Type.Object({
  actor: Type.Optional(Type.String({ maxLength: 254 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  subject_type: Type.Optional(Type.String({ maxLength: 100 })),
  subject_id: Type.Optional(Type.String({ maxLength: 200 })),
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
});

export async function auditRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const config = { access: viewAuditLog };

  app.get(AUDIT_PATH, { config, schema: { querystring: FilterQuery } }, async (request, reply) => {
    const { input, query, problems } = svc.checkAuditFilter(request.query);
    const choices = await svc.filterChoices(ctx.db);
    const result = problems.length > 0 ? null : await svc.searchAudit(ctx.db, query, request.query.page ?? 1);
    const view = (
      <AuditLogView input={input} problems={problems} choices={choices} result={result} query={svc.filterParams(input).toString()} />
    );
    const layout = {
      title: request.t('audit.title'),
      breadcrumbs: [{ label: request.t('accounts.admin'), path: '/admin' }, { label: request.t('audit.title') }],
    };
    return sendPage(request, reply, layout, view, problems.length > 0 ? 400 : 200);
  });

  app.get(`${AUDIT_PATH}.csv`, { config, schema: { querystring: FilterQuery } }, async (request, reply) => {
    const { input, query, problems } = svc.checkAuditFilter(request.query);
    if (problems.length > 0) throw new AppError('http.validation', {}, problems);
    const rows = await svc.countMatching(ctx.db, query);
    // recorded before the first byte leaves: an export that breaks off half-way still happened
    const filter = Object.fromEntries(svc.filterParams(input));
    await svc.recordAudit(
      ctx.db,
      { ...auditFromRequest(request), action: 'audit.export', subjectType: 'audit_log', subjectId: null, meta: { filter, rows } },
      ctx.clock,
    );
    const day = warsawToday(ctx.clock);
    const csv = svc.auditCsv(ctx.db, query, request.lang, (err) => request.log.error({ err }, 'audit CSV export failed'));
    return reply
      .header('content-disposition', contentDisposition(`dziennik-zdarzen-${day}.csv`))
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(csv);
  });
}
