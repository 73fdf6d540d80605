// Routes of the mail module, for administrators: the outbox list, one message (reading it is
// recorded in the audit log), its HTML part served in a CSP sandbox, re-queueing a failed message
// and queueing a test message. Thin: validate, call the service, render.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Problem } from '../../core/errors/app-error.js';
import { formBody, submitForm } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import { manageMail } from './mail.policy.js';
import * as svc from './mail.service.js';
import { MailDetailView, OUTBOX_PATH, OutboxListView } from './mail.views.js';

const FormBody = formBody({ maxLength: 1000, maxProperties: 20 });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ListQuery = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 10 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  ok: Type.Optional(Type.String({ maxLength: 10 })),
});
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 10 })) });

/** The stored HTML part is shown only under this policy: no script, no plug-ins, no requests out. */
export const HTML_PREVIEW_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

export async function mailRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const config = { access: manageMail };
  const layout = (request: FastifyRequest, title: string, parent = false) => ({
    title,
    breadcrumbs: [
      { label: request.t('accounts.admin'), path: '/admin' },
      ...(parent ? [{ label: request.t('outbox.title'), path: OUTBOX_PATH }] : []),
      { label: title },
    ],
  });

  /** The outbox list as `q` filters it; `extra` is a refused test-mail form shown again. */
  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    q: Static<typeof ListQuery>,
    extra: { problems?: Problem[]; values?: Record<string, string>; status?: number } = {},
  ) => {
    const status = svc.isStatus(q.status) ? q.status : null;
    const result = await svc.listOutbox(ctx, status, q.page ?? 1);
    const view = (
      <OutboxListView
        status={status}
        result={result}
        smtpEnabled={ctx.config.smtpUrl !== ''}
        csrf={reply.generateCsrf()}
        problems={extra.problems ?? []}
        values={extra.values ?? {}}
        notice={q.ok === 'test' ? request.t('outbox.testQueued') : null}
      />
    );
    return sendPage(request, reply, layout(request, request.t('outbox.title')), view, extra.status ?? 200);
  };

  app.get(OUTBOX_PATH, { config, schema: { querystring: ListQuery } }, async (request, reply) => listPage(request, reply, request.query));

  app.post(`${OUTBOX_PATH}/testowa`, { config, schema: { body: FormBody } }, async (request, reply) => {
    const body = request.body;
    const queued = await submitForm(() => svc.queueTestMail(ctx, body, auditFromRequest(request)));
    if (!queued.ok) return listPage(request, reply, {}, { problems: queued.problems, values: body, status: queued.status });
    return reply.redirect(localize(`${OUTBOX_PATH}?ok=test`, request.lang), 303);
  });

  app.get(`${OUTBOX_PATH}/:id`, { config, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) => {
    const { id } = request.params;
    const mail = await svc.readMail(ctx, id, auditFromRequest(request), 'text');
    const notice = request.query.ok === 'retry' ? request.t('outbox.retried') : null;
    reply.header('cache-control', 'no-store');
    const view = (
      <MailDetailView
        mail={mail}
        attempts={await svc.mailAttempts(ctx, id)}
        messageId={svc.messageIdFor(ctx, id)}
        csrf={reply.generateCsrf()}
        notice={notice}
      />
    );
    return sendPage(request, reply, layout(request, mail.subject, true), view);
  });

  app.get(`${OUTBOX_PATH}/:id.html`, { config, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    const mail = await svc.readMail(ctx, id, auditFromRequest(request), 'html');
    return reply
      .header('content-security-policy', HTML_PREVIEW_CSP)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(mail.html_body);
  });

  app.post(`${OUTBOX_PATH}/:id/ponow`, { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    await svc.retryMail(ctx, id, auditFromRequest(request));
    return reply.redirect(localize(`${OUTBOX_PATH}/${id}?ok=retry`, request.lang), 303);
  });
}
