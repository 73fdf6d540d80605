// Routes of the signed-in user's own pages: the account page and the administration index, the
// sessions (list, end one, end all others), and own data (download as JSON, ask for deletion).
import { contentDisposition } from '../../core/http/uploads.js';
import { AppError } from '../../core/errors/app-error.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest, listAuditEntries } from '../audit/index.js';
import { FormBody, go, me, notice, OkQuery, page } from './accounts.http.js';
import * as ownData from './own-data.service.js';
import * as v from './own-data.views.js';
import { userDetail } from './users.service.js';
import { waitingTasks } from './admin-tasks.js';
import { namedRoles } from './scope-names.js';

export async function ownDataRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  // --- the account page and the administration index -------------------------------------------

  app.get('/konto', { config: { access: 'authenticated' }, schema: { querystring: OkQuery } }, async (request, reply) =>
    page(
      request,
      reply,
      'accounts.myAccount',
      <v.AccountHomeView
        notice={notice(request, request.query.ok, 'reset.done')}
        roles={await namedRoles(ctx, me(request).roles, request.lang)}
      />,
    ),
  );

  app.get('/admin', { config: { access: 'authenticated' } }, async (request, reply) =>
    page(request, reply, 'accounts.admin', <v.AdminIndexView tasks={await waitingTasks(ctx, me(request))} />),
  );

  // --- sessions ---------------------------------------------------------------------------------

  app.get('/konto/sesje', { config: { access: 'authenticated' }, schema: { querystring: OkQuery } }, async (request, reply) => {
    const sessions = await ownData.listOwnSessions(ctx, me(request).id, request.session.sessionId);
    const q = request.query;
    const note =
      q.ok === 'jedna'
        ? request.t('sessions.ended')
        : q.ok === 'inne'
          ? request.t('sessions.endedOthers', { count: Number(q.n ?? 0) || 0 })
          : null;
    return page(request, reply, 'sessions.title', <v.SessionsView csrf={reply.generateCsrf()} sessions={sessions} notice={note} />);
  });

  app.post('/konto/sesje/zakoncz', { config: { access: 'authenticated' }, schema: { body: FormBody } }, async (request, reply) => {
    const handle = request.body.session ?? '';
    if (!/^[0-9a-f]{20}$/.test(handle))
      throw new AppError('http.validation', {}, [{ field: 'session', key: 'validation.invalidParam', params: { field: 'session' } }]);
    await ownData.endOwnSession(ctx, me(request).id, handle, auditFromRequest(request));
    return go(request, reply, '/konto/sesje?ok=jedna');
  });

  app.post('/konto/sesje/zakoncz-inne', { config: { access: 'authenticated' }, schema: { body: FormBody } }, async (request, reply) => {
    const n = await ownData.endOtherSessions(ctx, me(request).id, request.session.sessionId, auditFromRequest(request));
    return go(request, reply, `/konto/sesje?ok=inne&n=${n}`);
  });

  // --- own data ---------------------------------------------------------------------------------

  app.get('/konto/dane', { config: { access: 'authenticated' }, schema: { querystring: OkQuery } }, async (request, reply) => {
    const { user } = await userDetail(ctx, me(request).id);
    return page(
      request,
      reply,
      'privacy.title',
      <v.PrivacyView csrf={reply.generateCsrf()} deletionRequestedAt={user.deletion_requested_at} />,
    );
  });

  app.get('/konto/dane.json', { config: { access: 'authenticated' } }, async (request, reply) => {
    const id = me(request).id;
    const audit = await listAuditEntries(ctx.db, { actorId: id, limit: 10_000 });
    const data = await ownData.exportOwnData(ctx, id, auditFromRequest(request), audit);
    return reply
      .header('content-disposition', contentDisposition('spojnia-moje-dane.json'))
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.post('/konto/dane/usun', { config: { access: 'authenticated' }, schema: { body: FormBody } }, async (request, reply) => {
    await ownData.requestDeletion(ctx, me(request).id, auditFromRequest(request));
    return go(request, reply, '/konto/dane');
  });
}
