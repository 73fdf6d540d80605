// Routes of signing in: the login form with its second step (the code), logout, and two-step
// verification on the account (enrol, confirm, switch off). Thin: read the form, call the auth
// service, render; a refused form is shown again with its problems (status 400/429).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../core/errors/app-error.js';
import { submitForm } from '../../core/http/forms.js';
import { safeReturnPath } from '../../core/http/preferences.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import { FormBody, formRefusals, go, LOGIN_LIMIT, me, page, STRICT } from './accounts.http.js';
import { startUserSession } from './accounts.session.js';
import * as auth from './auth.service.js';
import * as v from './auth.views.js';

const LoginQuery = Type.Object({
  next: Type.Optional(Type.String({ maxLength: 2000 })),
  ok: Type.Optional(Type.String({ maxLength: 20 })),
});

// qrcode is loaded on the first enrolment, not at start-up (ADR 8)
const qrFor = async (otpauth: string) =>
  `data:image/svg+xml;base64,${Buffer.from(await (await import('qrcode')).default.toString(otpauth, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })).toString('base64')}`;

export async function authRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const refusals = formRefusals(ctx);

  // --- login and logout -------------------------------------------------------------------------

  app.get('/konto/logowanie', { config: { access: 'public' }, schema: { querystring: LoginQuery } }, async (request, reply) => {
    const q = request.query;
    if (request.user) return go(request, reply, safeReturnPath(q.next) === '/' ? '/konto' : safeReturnPath(q.next));
    const note = q.ok === 'wylogowano' ? request.t('login.loggedOut') : null;
    return page(request, reply, 'login.title', <v.LoginView csrf={reply.generateCsrf()} next={safeReturnPath(q.next)} notice={note} />);
  });

  app.post(
    '/konto/logowanie',
    { config: { access: 'public', rateLimit: LOGIN_LIMIT }, schema: { body: FormBody } },
    async (request, reply) => {
      const body = request.body;
      const next = safeReturnPath(body.next);
      const result = await submitForm(() => auth.login(ctx, auth.checkLoginForm(body), auditFromRequest(request)), refusals);
      if (!result.ok)
        return page(
          request,
          reply,
          'login.title',
          <v.LoginView csrf={reply.generateCsrf()} next={next} values={{ email: body.email ?? '' }} problems={result.problems} />,
          result.status,
        );
      if (result.value.kind === 'second_factor') {
        request.session.pendingUserId = result.value.userId;
        request.session.pendingAt = ctx.clock.now().toISOString();
        request.session.ip = next; // remembered for after the code; replaced by the real IP at login
        return go(request, reply, '/konto/logowanie/kod');
      }
      await startUserSession(ctx, request, result.value.userId);
      return go(request, reply, next === '/' ? '/konto' : next);
    },
  );

  const pendingUser = (request: FastifyRequest): string | null => {
    const s = request.session;
    if (!s.pendingUserId || !s.pendingAt) return null;
    if (ctx.clock.now().getTime() - Date.parse(s.pendingAt) > auth.PENDING_LOGIN_MS) return null;
    return s.pendingUserId;
  };

  app.get('/konto/logowanie/kod', { config: { access: 'public' } }, async (request, reply) => {
    if (!pendingUser(request)) return go(request, reply, '/konto/logowanie');
    return page(request, reply, 'login.codeTitle', <v.CodeView csrf={reply.generateCsrf()} />);
  });

  app.post(
    '/konto/logowanie/kod',
    { config: { access: 'public', rateLimit: LOGIN_LIMIT }, schema: { body: FormBody } },
    async (request, reply) => {
      const userId = pendingUser(request);
      if (!userId) return go(request, reply, '/konto/logowanie');
      const done = await submitForm(
        () => auth.completeSecondFactor(ctx, userId, request.body.code ?? '', auditFromRequest(request)),
        refusals,
      );
      if (!done.ok)
        return page(request, reply, 'login.codeTitle', <v.CodeView csrf={reply.generateCsrf()} problems={done.problems} />, done.status);
      const next = safeReturnPath(request.session.ip);
      await startUserSession(ctx, request, userId);
      return go(request, reply, next === '/' ? '/konto' : next);
    },
  );

  app.post(
    '/konto/wyloguj',
    { config: { access: 'authenticated', allowPending: true }, schema: { body: FormBody } },
    async (request, reply) => {
      await auth.recordLogout(ctx, auditFromRequest(request));
      await request.session.destroy();
      return go(request, reply, '/konto/logowanie?ok=wylogowano');
    },
  );

  // --- two-step verification --------------------------------------------------------------------

  const showTwoFactor = async (request: FastifyRequest, reply: FastifyReply, problems: Problem[] = [], status = 200) => {
    const user = me(request);
    const state = await auth.twoFactorStatus(ctx, user.id);
    if (state.enabled) {
      const canDisable = !auth.isStaff(user.roles);
      return page(
        request,
        reply,
        'twoFactor.title',
        <v.TwoFactorStatusView csrf={reply.generateCsrf()} recoveryLeft={state.recoveryLeft} canDisable={canDisable} problems={problems} />,
        status,
      );
    }
    const enrolment = await auth.beginTwoFactor(ctx, user.id);
    const view = (
      <v.TwoFactorSetupView
        csrf={reply.generateCsrf()}
        qr={await qrFor(enrolment.otpauth)}
        secret={enrolment.secret}
        required={user.pendingStep !== null}
        problems={problems}
      />
    );
    return page(request, reply, 'twoFactor.title', view, status);
  };

  app.get('/konto/2fa', { config: { access: 'authenticated', allowPending: true } }, async (request, reply) =>
    showTwoFactor(request, reply),
  );

  app.post(
    '/konto/2fa',
    { config: { access: 'authenticated', allowPending: true, rateLimit: STRICT }, schema: { body: FormBody } },
    async (request, reply) => {
      const confirmed = await submitForm(
        () => auth.confirmTwoFactor(ctx, me(request).id, request.body.code ?? '', auditFromRequest(request)),
        refusals,
      );
      if (!confirmed.ok) return showTwoFactor(request, reply, confirmed.problems, confirmed.status);
      // the user's rights changed (2FA now satisfied): new session id
      await startUserSession(ctx, request, me(request).id);
      return page(request, reply, 'twoFactor.title', <v.RecoveryCodesView codes={confirmed.value} />);
    },
  );

  app.post(
    '/konto/2fa/wylacz',
    { config: { access: 'authenticated', rateLimit: STRICT }, schema: { body: FormBody } },
    async (request, reply) => {
      const disabled = await submitForm(
        () => auth.disableTwoFactor(ctx, me(request).id, request.body.password ?? '', auditFromRequest(request)),
        refusals,
      );
      if (!disabled.ok) return showTwoFactor(request, reply, disabled.problems, disabled.status);
      return go(request, reply, '/konto');
    },
  );
}
