// Routes of passwords: changing one's own, asking for a reset link and setting a new password with
// it. Thin: read the form, call the passwords service, render; a refused form is shown again with
// its problems, and a dead link's page is an error page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../../core/errors/app-error.js';
import { submitForm } from '../../core/http/forms.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import {
  FormBody,
  formRefusals,
  go,
  me,
  notice,
  OkQuery,
  page,
  RESET_LIMIT,
  secretInAddress,
  STRICT,
  TokenParams,
} from './accounts.http.js';
import { MessageView } from './accounts.views.js';
import * as passwords from './passwords.service.js';
import * as v from './passwords.views.js';

export async function passwordRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const refusals = formRefusals(ctx);

  // --- own password -----------------------------------------------------------------------------

  app.get('/konto/haslo', { config: { access: 'authenticated' }, schema: { querystring: OkQuery } }, async (request, reply) =>
    page(
      request,
      reply,
      'password.title',
      <v.PasswordChangeView csrf={reply.generateCsrf()} notice={notice(request, request.query.ok, 'password.changed')} />,
    ),
  );

  app.post(
    '/konto/haslo',
    { config: { access: 'authenticated', rateLimit: STRICT }, schema: { body: FormBody } },
    async (request, reply) => {
      const changed = await submitForm(
        () => passwords.changePassword(ctx, me(request).id, request.body, auditFromRequest(request), request.session.sessionId),
        refusals,
      );
      if (!changed.ok)
        return page(
          request,
          reply,
          'password.title',
          <v.PasswordChangeView csrf={reply.generateCsrf()} problems={changed.problems} />,
          changed.status,
        );
      return go(request, reply, '/konto/haslo?ok=1');
    },
  );

  // --- password reset ---------------------------------------------------------------------------

  app.get('/konto/haslo/reset', { config: { access: 'public' }, schema: { querystring: OkQuery } }, async (request, reply) =>
    page(request, reply, 'reset.title', <v.ResetRequestView csrf={reply.generateCsrf()} sent={request.query.ok === '1'} />),
  );

  app.post(
    '/konto/haslo/reset',
    { config: { access: 'public', rateLimit: RESET_LIMIT }, schema: { body: FormBody } },
    async (request, reply) => {
      const body = request.body;
      const requested = await submitForm(() => passwords.requestPasswordReset(ctx, body, auditFromRequest(request)), refusals);
      if (!requested.ok)
        return page(
          request,
          reply,
          'reset.title',
          <v.ResetRequestView
            csrf={reply.generateCsrf()}
            sent={false}
            values={{ email: body.email ?? '' }}
            problems={requested.problems}
          />,
          requested.status,
        );
      return go(request, reply, '/konto/haslo/reset?ok=1');
    },
  );

  const newPassword = (request: FastifyRequest, reply: FastifyReply, token: string, problems: Problem[] = [], status = 200) =>
    page(
      request,
      reply,
      'reset.newTitle',
      <v.NewPasswordView
        csrf={reply.generateCsrf()}
        problems={problems}
        action={`/konto/haslo/nowe/${token}`}
        title={request.t('reset.newTitle')}
        submit={request.t('reset.newSubmit')}
      />,
      status,
    );

  app.get(
    '/konto/haslo/nowe/:token',
    { config: { access: 'public' }, onRequest: secretInAddress, schema: { params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      await passwords.checkResetToken(ctx, token);
      return newPassword(request, reply, token);
    },
  );

  // a dead link (used, expired, unknown) is an error page, not a problem of the form
  const deadLinkIsAnError = formRefusals(ctx, 'accounts.token_invalid');

  app.post(
    '/konto/haslo/nowe/:token',
    { config: { access: 'public', rateLimit: STRICT }, onRequest: secretInAddress, schema: { params: TokenParams, body: FormBody } },
    async (request, reply) => {
      const { token } = request.params;
      const reset = await submitForm(() => passwords.resetPassword(ctx, token, request.body, auditFromRequest(request)), deadLinkIsAnError);
      if (!reset.ok) return newPassword(request, reply, token, reset.problems, reset.status);
      return page(
        request,
        reply,
        'reset.newTitle',
        <MessageView
          title={request.t('reset.newTitle')}
          text={request.t('reset.done')}
          link={{ path: '/konto/logowanie', label: request.t('accounts.login') }}
        />,
      );
    },
  );
}
