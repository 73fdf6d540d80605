// Routes of the accounts module. Thin: read the form, call the service, render. Failed forms are
// shown again with every problem listed (status 400/429), and nothing is changed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import { AppError, isAppError, type Problem } from '../../core/errors/app-error.js';
import { safeReturnPath } from '../../core/http/preferences.js';
import { localize } from '../../core/http/language.js';
import { failClosed } from '../../core/http/rate-limits.js';
import { sendPage } from '../../core/http/render.js';
import type { ModuleContext } from '../../core/module.js';
import type { TKey } from '../../i18n/index.js';
import { auditFromRequest, listAuditEntries } from '../audit/index.js';
import { manageUsers } from './accounts.policy.js';
import * as auth from './auth.service.js';
import * as ownData from './own-data.service.js';
import * as passwords from './passwords.service.js';
import * as users from './users.service.js';
import { startUserSession } from './accounts.session.js';
import * as v from './accounts.views.js';
import { SCOPED_ROLES } from './roles.js';
import { statusIn } from '../../core/errors/catalogue.js';
import { accountsErrors } from './accounts.declarations.js';

const FormBody = Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 5000 }), { maxProperties: 60 });
const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
// Every limited form here guesses or spends a secret (password, code, token), so its limit holds
// even when the shared rate-limit store is down: refused with 503 rather than left unguarded (ADR 10).
const STRICT = failClosed({ max: 10, timeWindow: '1 minute' });
const LOGIN_LIMIT = failClosed({ max: 30, timeWindow: '1 minute' });
const RESET_LIMIT = failClosed({ max: 5, timeWindow: '1 minute' });

type Body = Record<string, string>;

/** The account services by what they do (sign-in, passwords, users, own data), as the handlers below call them. */
const svc = { ...auth, ...passwords, ...users, ...ownData };

/**
 * For pages whose address holds a one-time secret (password reset, invitation): no Referer header
 * carries it to another site, and no cache keeps the page, whatever the answer (errors too).
 */
const secretInAddress = async (_request: FastifyRequest, reply: FastifyReply) => {
  reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
};

/** Problems to show on the form for an expected refusal; anything else propagates. */
function formProblems(err: unknown): { problems: Problem[]; status: number } {
  if (!isAppError(err)) throw err;
  if (err.code === 'http.validation') return { problems: err.problems, status: 400 };
  if (err.code.startsWith('accounts.')) return { problems: [{ key: `errors.${err.code}.detail`, params: err.params }], status: statusIn(accountsErrors, err.code) };
  throw err;
}

function notice(request: FastifyRequest, key: TKey, params?: Record<string, string | number>): string | null {
  const q = request.query as Record<string, string | undefined>;
  return q.ok ? request.t(key, params) : null;
}

export async function accountsRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const page = (request: FastifyRequest, reply: FastifyReply, title: TKey, body: VNode, status = 200) =>
    sendPage(request, reply, { title: request.t(title) }, body, status);
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const me = (request: FastifyRequest) => request.user!;

  // --- first administrator ----------------------------------------------------------------------

  app.get('/setup', { config: { access: 'public' }, schema: { querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) }) } }, async (request, reply) => {
    const { token } = request.query as { token?: string };
    await svc.assertSetupAllowed(ctx, token);
    return page(request, reply, 'setup.title', <v.SetupForm token={token!} csrf={reply.generateCsrf()} />);
  });

  app.post('/setup', { config: { access: 'public', rateLimit: STRICT }, schema: { body: FormBody } }, async (request, reply) => {
    const body = request.body as Body;
    await svc.assertSetupAllowed(ctx, body.token);
    try {
      await svc.createFirstAdministrator(ctx, body.token, svc.checkSetupForm(body), auditFromRequest(request));
    } catch (err) {
      const { problems, status } = formProblems(err);
      const values = { email: body.email ?? '', display_name: body.display_name ?? '' };
      return page(request, reply, 'setup.title', <v.SetupForm token={body.token!} csrf={reply.generateCsrf()} values={values} problems={problems} />, status);
    }
    return page(request, reply, 'setup.doneTitle', <v.SetupDone />);
  });

  // --- login and logout -------------------------------------------------------------------------

  const LoginQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })), ok: Type.Optional(Type.String({ maxLength: 20 })) });

  app.get('/konto/logowanie', { config: { access: 'public' }, schema: { querystring: LoginQuery } }, async (request, reply) => {
    const q = request.query as { next?: string; ok?: string };
    if (request.user) return go(request, reply, safeReturnPath(q.next) === '/' ? '/konto' : safeReturnPath(q.next));
    const note = q.ok === 'wylogowano' ? request.t('login.loggedOut') : null;
    return page(request, reply, 'login.title', <v.LoginView csrf={reply.generateCsrf()} next={safeReturnPath(q.next)} notice={note} />);
  });

  app.post('/konto/logowanie', { config: { access: 'public', rateLimit: LOGIN_LIMIT }, schema: { body: FormBody } }, async (request, reply) => {
    const body = request.body as Body;
    const next = safeReturnPath(body.next);
    try {
      const result = await svc.login(ctx, svc.checkLoginForm(body), auditFromRequest(request));
      if (result.kind === 'second_factor') {
        request.session.pendingUserId = result.userId;
        request.session.pendingAt = ctx.clock.now().toISOString();
        request.session.ip = next; // remembered for after the code; replaced by the real IP at login
        return go(request, reply, '/konto/logowanie/kod');
      }
      await startUserSession(ctx, request, result.userId);
      return go(request, reply, next === '/' ? '/konto' : next);
    } catch (err) {
      const { problems, status } = formProblems(err);
      return page(request, reply, 'login.title', <v.LoginView csrf={reply.generateCsrf()} next={next} values={{ email: body.email ?? '' }} problems={problems} />, status);
    }
  });

  const pendingUser = (request: FastifyRequest): string | null => {
    const s = request.session;
    if (!s.pendingUserId || !s.pendingAt) return null;
    if (ctx.clock.now().getTime() - Date.parse(s.pendingAt) > svc.PENDING_LOGIN_MS) return null;
    return s.pendingUserId;
  };

  app.get('/konto/logowanie/kod', { config: { access: 'public' } }, async (request, reply) => {
    if (!pendingUser(request)) return go(request, reply, '/konto/logowanie');
    return page(request, reply, 'login.codeTitle', <v.CodeView csrf={reply.generateCsrf()} />);
  });

  app.post('/konto/logowanie/kod', { config: { access: 'public', rateLimit: LOGIN_LIMIT }, schema: { body: FormBody } }, async (request, reply) => {
    const userId = pendingUser(request);
    if (!userId) return go(request, reply, '/konto/logowanie');
    const body = request.body as Body;
    try {
      await svc.completeSecondFactor(ctx, userId, body.code ?? '', auditFromRequest(request));
    } catch (err) {
      const { problems, status } = formProblems(err);
      return page(request, reply, 'login.codeTitle', <v.CodeView csrf={reply.generateCsrf()} problems={problems} />, status);
    }
    const next = safeReturnPath(request.session.ip);
    await startUserSession(ctx, request, userId);
    return go(request, reply, next === '/' ? '/konto' : next);
  });

  app.post('/konto/wyloguj', { config: { access: 'authenticated', allowPending: true }, schema: { body: FormBody } }, async (request, reply) => {
    await svc.recordLogout(ctx, auditFromRequest(request));
    await request.session.destroy();
    return go(request, reply, '/konto/logowanie?ok=wylogowano');
  });

  // --- own account ------------------------------------------------------------------------------

  const OkQuery = { querystring: Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })), n: Type.Optional(Type.String({ maxLength: 6 })) }) };

  app.get('/konto', { config: { access: 'authenticated' }, schema: OkQuery }, async (request, reply) =>
    page(request, reply, 'accounts.myAccount', <v.AccountHomeView notice={notice(request, 'reset.done')} />),
  );

  app.get('/admin', { config: { access: 'authenticated' } }, async (request, reply) => page(request, reply, 'accounts.admin', <v.AdminIndexView />));

  // qrcode is loaded on the first enrolment, not at start-up (ADR 8)
  const qrFor = async (otpauth: string) => `data:image/svg+xml;base64,${Buffer.from(await (await import('qrcode')).default.toString(otpauth, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })).toString('base64')}`;

  const showTwoFactor = async (request: FastifyRequest, reply: FastifyReply, problems: Problem[] = [], status = 200) => {
    const user = me(request);
    const state = await svc.twoFactorStatus(ctx, user.id);
    if (state.enabled) {
      const canDisable = !svc.isStaff(user.roles);
      return page(request, reply, 'twoFactor.title', <v.TwoFactorStatusView csrf={reply.generateCsrf()} recoveryLeft={state.recoveryLeft} canDisable={canDisable} problems={problems} />, status);
    }
    const enrolment = await svc.beginTwoFactor(ctx, user.id);
    const view = <v.TwoFactorSetupView csrf={reply.generateCsrf()} qr={await qrFor(enrolment.otpauth)} secret={enrolment.secret} required={user.pendingStep !== null} problems={problems} />;
    return page(request, reply, 'twoFactor.title', view, status);
  };

  app.get('/konto/2fa', { config: { access: 'authenticated', allowPending: true } }, async (request, reply) => showTwoFactor(request, reply));

  app.post('/konto/2fa', { config: { access: 'authenticated', allowPending: true, rateLimit: STRICT }, schema: { body: FormBody } }, async (request, reply) => {
    const body = request.body as Body;
    try {
      const codes = await svc.confirmTwoFactor(ctx, me(request).id, body.code ?? '', auditFromRequest(request));
      // the user's rights changed (2FA now satisfied): new session id
      await startUserSession(ctx, request, me(request).id);
      return page(request, reply, 'twoFactor.title', <v.RecoveryCodesView codes={codes} />);
    } catch (err) {
      const { problems, status } = formProblems(err);
      return showTwoFactor(request, reply, problems, status);
    }
  });

  app.post('/konto/2fa/wylacz', { config: { access: 'authenticated', rateLimit: STRICT }, schema: { body: FormBody } }, async (request, reply) => {
    try {
      await svc.disableTwoFactor(ctx, me(request).id, (request.body as Body).password ?? '', auditFromRequest(request));
    } catch (err) {
      const { problems, status } = formProblems(err);
      return showTwoFactor(request, reply, problems, status);
    }
    return go(request, reply, '/konto');
  });

  app.get('/konto/haslo', { config: { access: 'authenticated' }, schema: OkQuery }, async (request, reply) =>
    page(request, reply, 'password.title', <v.PasswordChangeView csrf={reply.generateCsrf()} notice={notice(request, 'password.changed')} />),
  );

  app.post('/konto/haslo', { config: { access: 'authenticated', rateLimit: STRICT }, schema: { body: FormBody } }, async (request, reply) => {
    try {
      await svc.changePassword(ctx, me(request).id, request.body as Body, auditFromRequest(request), request.session.sessionId);
    } catch (err) {
      const { problems, status } = formProblems(err);
      return page(request, reply, 'password.title', <v.PasswordChangeView csrf={reply.generateCsrf()} problems={problems} />, status);
    }
    return go(request, reply, '/konto/haslo?ok=1');
  });

  app.get('/konto/sesje', { config: { access: 'authenticated' }, schema: OkQuery }, async (request, reply) => {
    const sessions = await svc.listOwnSessions(ctx, me(request).id, request.session.sessionId);
    const q = request.query as { ok?: string; n?: string };
    const note = q.ok === 'jedna' ? request.t('sessions.ended') : q.ok === 'inne' ? request.t('sessions.endedOthers', { count: Number(q.n ?? 0) || 0 }) : null;
    return page(request, reply, 'sessions.title', <v.SessionsView csrf={reply.generateCsrf()} sessions={sessions} notice={note} />);
  });

  app.post('/konto/sesje/zakoncz', { config: { access: 'authenticated' }, schema: { body: FormBody } }, async (request, reply) => {
    const handle = (request.body as Body).session ?? '';
    if (!/^[0-9a-f]{20}$/.test(handle)) throw new AppError('http.validation', {}, [{ field: 'session', key: 'validation.invalidParam', params: { field: 'session' } }]);
    await svc.endOwnSession(ctx, me(request).id, handle, auditFromRequest(request));
    return go(request, reply, '/konto/sesje?ok=jedna');
  });

  app.post('/konto/sesje/zakoncz-inne', { config: { access: 'authenticated' }, schema: { body: FormBody } }, async (request, reply) => {
    const n = await svc.endOtherSessions(ctx, me(request).id, request.session.sessionId, auditFromRequest(request));
    return go(request, reply, `/konto/sesje?ok=inne&n=${n}`);
  });

  app.get('/konto/dane', { config: { access: 'authenticated' }, schema: OkQuery }, async (request, reply) => {
    const { user } = await svc.userDetail(ctx, me(request).id);
    return page(request, reply, 'privacy.title', <v.PrivacyView csrf={reply.generateCsrf()} deletionRequestedAt={user.deletion_requested_at} />);
  });

  app.get('/konto/dane.json', { config: { access: 'authenticated' } }, async (request, reply) => {
    const id = me(request).id;
    const audit = await listAuditEntries(ctx.db, { actorId: id, limit: 10_000 });
    const data = await svc.exportOwnData(ctx, id, auditFromRequest(request), audit);
    return reply.header('content-disposition', 'attachment; filename="spojnia-moje-dane.json"').type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  });

  app.post('/konto/dane/usun', { config: { access: 'authenticated' }, schema: { body: FormBody } }, async (request, reply) => {
    await svc.requestDeletion(ctx, me(request).id, auditFromRequest(request));
    return go(request, reply, '/konto/dane');
  });

  // --- password reset and invitations -----------------------------------------------------------

  app.get('/konto/haslo/reset', { config: { access: 'public' }, schema: OkQuery }, async (request, reply) =>
    page(request, reply, 'reset.title', <v.ResetRequestView csrf={reply.generateCsrf()} sent={(request.query as { ok?: string }).ok === '1'} />),
  );

  app.post('/konto/haslo/reset', { config: { access: 'public', rateLimit: RESET_LIMIT }, schema: { body: FormBody } }, async (request, reply) => {
    const body = request.body as Body;
    try {
      await svc.requestPasswordReset(ctx, body, auditFromRequest(request));
    } catch (err) {
      const { problems, status } = formProblems(err);
      return page(request, reply, 'reset.title', <v.ResetRequestView csrf={reply.generateCsrf()} sent={false} values={{ email: body.email ?? '' }} problems={problems} />, status);
    }
    return go(request, reply, '/konto/haslo/reset?ok=1');
  });

  const newPassword = (request: FastifyRequest, reply: FastifyReply, token: string, problems: Problem[] = [], status = 200) =>
    page(
      request,
      reply,
      'reset.newTitle',
      <v.NewPasswordView csrf={reply.generateCsrf()} problems={problems} action={`/konto/haslo/nowe/${token}`} title={request.t('reset.newTitle')} submit={request.t('reset.newSubmit')} />,
      status,
    );

  app.get('/konto/haslo/nowe/:token', { config: { access: 'public' }, onRequest: secretInAddress, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    await svc.checkResetToken(ctx, token);
    return newPassword(request, reply, token);
  });

  app.post('/konto/haslo/nowe/:token', { config: { access: 'public', rateLimit: STRICT }, onRequest: secretInAddress, schema: { params: TokenParams, body: FormBody } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    try {
      await svc.resetPassword(ctx, token, request.body as Body, auditFromRequest(request));
    } catch (err) {
      if (isAppError(err) && err.code === 'accounts.token_invalid') throw err;
      const { problems, status } = formProblems(err);
      return newPassword(request, reply, token, problems, status);
    }
    return page(request, reply, 'reset.newTitle', <v.MessageView title={request.t('reset.newTitle')} text={request.t('reset.done')} link={{ path: '/konto/logowanie', label: request.t('accounts.login') }} />);
  });

  const acceptPage = async (request: FastifyRequest, reply: FastifyReply, token: string, problems: Problem[] = [], status = 200) => {
    const inv = await svc.checkInvitation(ctx, token);
    const view = (
      <v.NewPasswordView
        csrf={reply.generateCsrf()}
        problems={problems}
        action={`/konto/zaproszenie/${token}`}
        title={request.t('invite.acceptTitle')}
        intro={request.t('invite.acceptIntro', { email: inv.email })}
        submit={request.t('invite.acceptSubmit')}
      />
    );
    return page(request, reply, 'invite.acceptTitle', view, status);
  };

  app.get('/konto/zaproszenie/:token', { config: { access: 'public' }, onRequest: secretInAddress, schema: { params: TokenParams } }, async (request, reply) =>
    acceptPage(request, reply, (request.params as { token: string }).token),
  );

  app.post('/konto/zaproszenie/:token', { config: { access: 'public', rateLimit: STRICT }, onRequest: secretInAddress, schema: { params: TokenParams, body: FormBody } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    try {
      await svc.acceptInvitation(ctx, token, request.body as Body, auditFromRequest(request));
    } catch (err) {
      if (isAppError(err) && err.code === 'accounts.token_invalid') throw err;
      const { problems, status } = formProblems(err);
      return acceptPage(request, reply, token, problems, status);
    }
    return page(request, reply, 'invite.acceptTitle', <v.MessageView title={request.t('invite.acceptTitle')} text={request.t('invite.accepted')} link={{ path: '/konto/logowanie', label: request.t('accounts.login') }} />);
  });

  // --- administration of users ------------------------------------------------------------------

  const admin = { access: manageUsers };

  app.get('/admin/uzytkownicy', { config: admin, schema: OkQuery }, async (request, reply) => {
    const q = request.query as { ok?: string; n?: string };
    return page(request, reply, 'users.title', <v.UsersListView users={await svc.listUsers(ctx)} notice={q.ok ? request.t('invite.sent', { email: q.ok === '1' ? '' : q.ok }) : null} />);
  });

  app.get('/admin/uzytkownicy/zapros', { config: admin }, async (request, reply) => page(request, reply, 'invite.title', <v.InviteView csrf={reply.generateCsrf()} />));

  app.post('/admin/uzytkownicy/zapros', { config: admin, schema: { body: FormBody } }, async (request, reply) => {
    const body = request.body as Body;
    try {
      await svc.inviteUser(ctx, body, { id: me(request).id, displayName: me(request).displayName }, auditFromRequest(request));
    } catch (err) {
      const { problems, status } = formProblems(err);
      return page(request, reply, 'invite.title', <v.InviteView csrf={reply.generateCsrf()} problems={problems} values={body} />, status);
    }
    return go(request, reply, `/admin/uzytkownicy?ok=${encodeURIComponent(body.email ?? '1').slice(0, 20)}`);
  });

  const roleValuesOf = (roles: { role: string; scope_id: string | null }[]): Record<string, string> => {
    const values: Record<string, string> = {};
    for (const r of roles) {
      values[`role_${r.role}`] = '1';
      if (r.role in SCOPED_ROLES && r.scope_id) values[`scope_${r.role}`] = values[`scope_${r.role}`] ? `${values[`scope_${r.role}`]}, ${r.scope_id}` : r.scope_id;
    }
    return values;
  };

  const userPage = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: { problems?: Problem[]; values?: Record<string, string>; status?: number } = {}) => {
    const { user, roles } = await svc.userDetail(ctx, id);
    const entries = await listAuditEntries(ctx.db, { subjectType: 'user', subjectId: id, limit: 200 });
    const history = entries.map((e) => ({ id: e.id, at: e.at, actor: e.actorName ?? e.actorId ?? '—', action: e.action, details: e.summary }));
    const q = request.query as { ok?: string };
    const note = q.ok === 'role' ? request.t('users.rolesSaved') : q.ok === 'off' ? request.t('users.deactivated') : q.ok === 'on' ? request.t('users.activated') : q.ok === 'anon' ? request.t('users.anonymised_done') : null;
    const view = (
      <v.UserDetailView
        csrf={reply.generateCsrf()}
        problems={extra.problems ?? []}
        user={{ ...user, roles }}
        roleValues={extra.values ?? roleValuesOf(roles)}
        history={history}
        notice={note}
      />
    );
    return sendPage(request, reply, { title: user.display_name, breadcrumbs: [{ label: request.t('users.title'), path: '/admin/uzytkownicy' }, { label: user.display_name }] }, view, extra.status ?? 200);
  };

  app.get('/admin/uzytkownicy/:id', { config: admin, schema: { params: IdParams, ...OkQuery } }, async (request, reply) => userPage(request, reply, (request.params as { id: string }).id));

  app.post('/admin/uzytkownicy/:id/role', { config: admin, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    try {
      await svc.changeRoles(ctx, id, request.body as Body, auditFromRequest(request));
    } catch (err) {
      const { problems, status } = formProblems(err);
      return userPage(request, reply, id, { problems, values: request.body as Body, status });
    }
    return go(request, reply, `/admin/uzytkownicy/${id}?ok=role`);
  });

  app.post('/admin/uzytkownicy/:id/aktywnosc', { config: admin, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const active = (request.body as Body).active === '1';
    await svc.setActive(ctx, id, active, auditFromRequest(request));
    return go(request, reply, `/admin/uzytkownicy/${id}?ok=${active ? 'on' : 'off'}`);
  });

  app.post('/admin/uzytkownicy/:id/anonimizuj', { config: admin, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    await svc.anonymiseUser(ctx, id, auditFromRequest(request));
    return go(request, reply, `/admin/uzytkownicy/${id}?ok=anon`);
  });
}
