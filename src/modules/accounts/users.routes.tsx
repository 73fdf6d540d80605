// Routes of making and keeping accounts: the first-administrator set-up, accepting an invitation
// (the invitee sets a password), and the administration of users (list, invite, roles, activity,
// anonymisation). Thin: read the form, call the users service, render.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../core/errors/app-error.js';
import { formBodyWithLists, submitForm, textFields } from '../../core/http/forms.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import { FormBody, formRefusals, go, IdParams, me, OkQuery, page, secretInAddress, STRICT, TokenParams } from './accounts.http.js';
import { manageUsers } from './accounts.policy.js';
import { MessageView } from './accounts.views.js';
import { NewPasswordView } from './passwords.views.js';
import * as users from './users.service.js';
import * as v from './users.views.js';

const SetupQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) });

/** The role forms: checkbox groups of scopes chosen by name send repeated fields. */
const RolesBody = formBodyWithLists({ maxLength: 5000, maxProperties: 60, maxItems: 200, maxItemLength: 80 });

export async function userRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const refusals = formRefusals(ctx);

  // --- first administrator ----------------------------------------------------------------------

  app.get('/setup', { config: { access: 'public' }, schema: { querystring: SetupQuery } }, async (request, reply) => {
    const { token } = request.query;
    await users.assertSetupAllowed(ctx, token);
    return page(request, reply, 'setup.title', <v.SetupForm token={token!} csrf={reply.generateCsrf()} />);
  });

  app.post('/setup', { config: { access: 'public', rateLimit: STRICT }, schema: { body: FormBody } }, async (request, reply) => {
    const body = request.body;
    await users.assertSetupAllowed(ctx, body.token);
    const created = await submitForm(
      () => users.createFirstAdministrator(ctx, body.token, users.checkSetupForm(body), auditFromRequest(request)),
      refusals,
    );
    if (!created.ok) {
      const values = { email: body.email ?? '', display_name: body.display_name ?? '' };
      return page(
        request,
        reply,
        'setup.title',
        <v.SetupForm token={body.token!} csrf={reply.generateCsrf()} values={values} problems={created.problems} />,
        created.status,
      );
    }
    return page(request, reply, 'setup.doneTitle', <v.SetupDone />);
  });

  // --- accepting an invitation ------------------------------------------------------------------

  const acceptPage = async (request: FastifyRequest, reply: FastifyReply, token: string, problems: Problem[] = [], status = 200) => {
    const inv = await users.checkInvitation(ctx, token);
    const view = (
      <NewPasswordView
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

  app.get(
    '/konto/zaproszenie/:token',
    { config: { access: 'public' }, onRequest: secretInAddress, schema: { params: TokenParams } },
    async (request, reply) => acceptPage(request, reply, request.params.token),
  );

  // a dead link (used, expired, unknown) is an error page, not a problem of the form
  const deadLinkIsAnError = formRefusals(ctx, 'accounts.token_invalid');

  app.post(
    '/konto/zaproszenie/:token',
    { config: { access: 'public', rateLimit: STRICT }, onRequest: secretInAddress, schema: { params: TokenParams, body: FormBody } },
    async (request, reply) => {
      const { token } = request.params;
      const accepted = await submitForm(
        () => users.acceptInvitation(ctx, token, request.body, auditFromRequest(request)),
        deadLinkIsAnError,
      );
      if (!accepted.ok) return acceptPage(request, reply, token, accepted.problems, accepted.status);
      return page(
        request,
        reply,
        'invite.acceptTitle',
        <MessageView
          title={request.t('invite.acceptTitle')}
          text={request.t('invite.accepted')}
          link={{ path: '/konto/logowanie', label: request.t('accounts.login') }}
        />,
      );
    },
  );

  // --- administration of users ------------------------------------------------------------------

  const admin = { access: manageUsers };

  app.get('/admin/uzytkownicy', { config: admin, schema: { querystring: OkQuery } }, async (request, reply) => {
    const { ok } = request.query;
    return page(
      request,
      reply,
      'users.title',
      <v.UsersListView
        users={await users.listUsers(ctx, request.lang)}
        notice={ok ? request.t('invite.sent', { email: ok === '1' ? '' : ok }) : null}
      />,
    );
  });

  app.get('/admin/uzytkownicy/zapros', { config: admin }, async (request, reply) =>
    page(
      request,
      reply,
      'invite.title',
      <v.InviteView csrf={reply.generateCsrf()} roleForm={await users.roleFormOf(ctx, [], request.lang)} />,
    ),
  );

  app.post('/admin/uzytkownicy/zapros', { config: admin, schema: { body: RolesBody } }, async (request, reply) => {
    const body = request.body;
    const values = textFields(body);
    const invited = await submitForm(
      () =>
        users.inviteUser(ctx, body, { id: me(request).id, displayName: me(request).displayName }, auditFromRequest(request), request.lang),
      refusals,
    );
    if (!invited.ok)
      return page(
        request,
        reply,
        'invite.title',
        <v.InviteView
          csrf={reply.generateCsrf()}
          problems={invited.problems}
          values={values}
          roleForm={await users.roleFormOf(ctx, [], request.lang, body)}
        />,
        invited.status,
      );
    return go(request, reply, `/admin/uzytkownicy?ok=${encodeURIComponent(values.email ?? '1').slice(0, 20)}`);
  });

  /** A user's page; `ok` is the notice after a redirect, `extra` a refused roles form shown again. */
  const userPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    ok: string | undefined,
    extra: { problems?: Problem[]; posted?: Record<string, unknown>; status?: number } = {},
  ) => {
    const { user, roles } = await users.userWithNamedRoles(ctx, id, request.lang);
    const history = await users.userHistory(ctx, id, request.lang);
    const note =
      ok === 'role'
        ? request.t('users.rolesSaved')
        : ok === 'off'
          ? request.t('users.deactivated')
          : ok === 'on'
            ? request.t('users.activated')
            : ok === 'anon'
              ? request.t('users.anonymised_done')
              : null;
    const view = (
      <v.UserDetailView
        csrf={reply.generateCsrf()}
        problems={extra.problems ?? []}
        user={{ ...user, roles }}
        roleForm={await users.roleFormOf(ctx, roles, request.lang, extra.posted)}
        history={history}
        notice={note}
      />
    );
    return sendPage(
      request,
      reply,
      {
        title: user.display_name,
        breadcrumbs: [{ label: request.t('users.title'), path: '/admin/uzytkownicy' }, { label: user.display_name }],
      },
      view,
      extra.status ?? 200,
    );
  };

  app.get('/admin/uzytkownicy/:id', { config: admin, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) =>
    userPage(request, reply, request.params.id, request.query.ok),
  );

  app.post('/admin/uzytkownicy/:id/role', { config: admin, schema: { params: IdParams, body: RolesBody } }, async (request, reply) => {
    const { id } = request.params;
    const changed = await submitForm(() => users.changeRoles(ctx, id, request.body, auditFromRequest(request), request.lang), refusals);
    if (!changed.ok)
      return userPage(request, reply, id, undefined, { problems: changed.problems, posted: request.body, status: changed.status });
    return go(request, reply, `/admin/uzytkownicy/${id}?ok=role`);
  });

  app.post('/admin/uzytkownicy/:id/aktywnosc', { config: admin, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    const active = request.body.active === '1';
    await users.setActive(ctx, id, active, auditFromRequest(request));
    return go(request, reply, `/admin/uzytkownicy/${id}?ok=${active ? 'on' : 'off'}`);
  });

  app.post('/admin/uzytkownicy/:id/anonimizuj', { config: admin, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    await users.anonymiseUser(ctx, id, auditFromRequest(request));
    return go(request, reply, `/admin/uzytkownicy/${id}?ok=anon`);
  });
}
