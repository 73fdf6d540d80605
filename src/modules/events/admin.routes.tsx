// Staff routes of events (coordinators and administrators): the list, creating and editing an event,
// its overview with sessions (add, remove one nobody registered for). Forms re-render with their
// problems on a refusal and change nothing; every change is in the audit log.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../core/errors/app-error.js';
import { formBody, submitForm } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest, recordAudit } from '../audit/index.js';
import { contentDisposition } from '../../core/http/uploads.js';
import { participants, participantsCsv, participantsXlsx } from './participants.js';
import { eventCounts } from './counts.service.js';
import { attachDocument, detachDocument, eventDocuments, findDocuments } from './documents.service.js';
import { MAILINGS_PER_DAY, previewMailing, sendMailing, type MailingPreview } from './mailing.service.js';
import { SENT_RETENTION_DAYS } from '../mail/index.js';
import { applyCheckins, correctAttendance, type SyncResult } from './checkin.service.js';
import { newId } from '../../core/db/ids.js';

const MARK_ID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
import * as av from './admin.views.js';
import { manageEvents } from './events.policy.js';
import * as repo from './events.repo.js';
import * as svc from './events.service.js';
import { IdParams } from './public.routes.js';

const FormBody = formBody({ maxLength: 20_000, maxProperties: 40 });
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });
const SessionParams = Type.Object({
  id: Type.String({ pattern: '^[0-9a-f-]{36}$' }),
  sessionId: Type.String({ pattern: '^[0-9a-f-]{36}$' }),
});

export async function adminRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const config = { access: manageEvents };
  const refusals = { errors: ctx.errors, codes: (code: string) => code === 'events.session_in_use' };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const adminCrumbs = (request: FastifyRequest, e?: repo.EventRow) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('events.admin.title'), path: '/admin/wydarzenia' },
    ...(e ? [{ label: e.title, path: `/admin/wydarzenia/${e.id}` }] : []),
  ];

  app.get('/admin/wydarzenia', { config }, async (request, reply) =>
    sendPage(
      request,
      reply,
      {
        title: request.t('events.admin.title'),
        breadcrumbs: [{ label: request.t('accounts.admin'), path: '/admin' }, { label: request.t('events.admin.title') }],
      },
      <av.AdminListView items={await svc.listForStaff(ctx)} />,
    ),
  );

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    e: repo.EventRow | null,
    values: Record<string, string | undefined>,
    problems: Problem[] = [],
    status = 200,
  ) => {
    const title = e ? request.t('events.admin.edit') : request.t('events.admin.new');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...adminCrumbs(request, e ?? undefined), { label: title }] },
      <av.EventFormView
        id={e?.id ?? null}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
        gminy={await svc.gminaChoices(ctx)}
      />,
      status,
    );
  };

  app.get('/admin/wydarzenia/nowe', { config }, async (request, reply) =>
    formPage(request, reply, null, { mode: 'onsite', organiser: '', type: '' }),
  );

  app.post('/admin/wydarzenia/nowe', { config, schema: { body: FormBody } }, async (request, reply) => {
    const saved = await submitForm(() => svc.createEvent(ctx, request.body, auditFromRequest(request)), refusals);
    if (!saved.ok) return formPage(request, reply, null, request.body, saved.problems, saved.status);
    return go(request, reply, `/admin/wydarzenia/${saved.value}?ok=utworzono`);
  });

  const overview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    ok: string | undefined,
    values: Record<string, string | undefined> = {},
    problems: Problem[] = [],
    status = 200,
  ) => {
    const e = await svc.getEvent(ctx, id);
    const counts = await repo.placeCounts(ctx.db, e.id);
    const sessions = (await repo.listSessions(ctx.db, e.id)).map((s) => ({
      s,
      waiting: counts.filter((c) => c.session_id === s.id && c.status === 'waiting').reduce((a, c) => a + c.n, 0),
    }));
    const notice =
      ok === 'utworzono'
        ? request.t('events.admin.created')
        : ok === 'zapisano'
          ? request.t('events.admin.saved')
          : ok === 'sesja'
            ? request.t('events.admin.sessionAdded')
            : ok === 'usunieto'
              ? request.t('events.admin.sessionRemoved')
              : null;
    return sendPage(
      request,
      reply,
      { title: e.title, breadcrumbs: [...adminCrumbs(request), { label: e.title }] },
      <av.OverviewView
        e={e}
        sessions={sessions}
        counts={await repo.registrationCounts(ctx.db, e.id)}
        figures={await eventCounts(ctx, e.id)}
        powiaty={Object.fromEntries((await svc.powiatChoices(ctx)).map((p) => [p.teryt, p.name]))}
        notice={notice}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
      />,
      status,
    );
  };

  app.get('/admin/wydarzenia/:id', { config, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) =>
    overview(request, reply, request.params.id, request.query.ok),
  );

  app.get('/admin/wydarzenia/:id/uczestnicy', { config, schema: { params: IdParams } }, async (request, reply) => {
    const e = await svc.getEvent(ctx, request.params.id);
    const title = `${request.t('events.admin.participants')}: ${e.title}`;
    reply.header('cache-control', 'no-store');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...adminCrumbs(request, e), { label: request.t('events.admin.participants') }] },
      <av.ParticipantsView e={e} rows={await participants(ctx, e.id)} />,
    );
  });

  app.get('/admin/wydarzenia/:id/uczestnicy.csv', { config, schema: { params: IdParams } }, async (request, reply) => {
    const e = await svc.getEvent(ctx, request.params.id);
    const rows = await participants(ctx, e.id);
    await recordAudit(
      ctx.db,
      {
        ...auditFromRequest(request),
        action: 'event.participants.export',
        subjectType: 'event',
        subjectId: e.id,
        meta: { rows: rows.length },
      },
      ctx.clock,
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', contentDisposition(`uczestnicy-${e.id}.csv`))
      .send(participantsCsv(request.t, e, rows));
  });

  app.get('/admin/wydarzenia/:id/uczestnicy.xlsx', { config, schema: { params: IdParams } }, async (request, reply) => {
    const e = await svc.getEvent(ctx, request.params.id);
    const rows = await participants(ctx, e.id);
    await recordAudit(
      ctx.db,
      {
        ...auditFromRequest(request),
        action: 'event.participants.export',
        subjectType: 'event',
        subjectId: e.id,
        meta: { rows: rows.length, format: 'xlsx' },
      },
      ctx.clock,
    );
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('cache-control', 'no-store')
      .header('content-disposition', contentDisposition(`uczestnicy-${e.id}.xlsx`))
      .send(await participantsXlsx(request.t, e, rows));
  });

  // --- check-in -----------------------------------------------------------------------------------------

  const resultText = (request: FastifyRequest, r: SyncResult) =>
    request.t('events.checkin.result', {
      applied: r.applied.length,
      again: r.alreadyApplied.length,
      duplicates: r.duplicates.length,
      unknown: r.unknown.length,
    });
  const auditSync = (request: FastifyRequest, eventId: string, r: SyncResult) =>
    recordAudit(
      ctx.db,
      {
        ...auditFromRequest(request),
        action: 'event.checkin',
        subjectType: 'event',
        subjectId: eventId,
        meta: { applied: r.applied.length, already: r.alreadyApplied.length, duplicates: r.duplicates.length, unknown: r.unknown.length },
      },
      ctx.clock,
    );

  const checkinPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    result: string | null,
    values: Record<string, string | undefined> = {},
    problems: Problem[] = [],
    status = 200,
  ) => {
    const e = await svc.getEvent(ctx, id);
    const rows = (await repo.checkinList(ctx.db, e.id)).map((r) => ({
      name: r.name ?? request.t('events.admin.erased'),
      code: r.short_code,
      present: r.checkin_id !== null,
      markId: newId(),
    }));
    reply.header('cache-control', 'no-store');
    const title = `${request.t('events.checkin.title')}: ${e.title}`;
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...adminCrumbs(request, e), { label: request.t('events.checkin.title') }] },
      <av.CheckinView e={e} rows={rows} csrf={reply.generateCsrf()} result={result} values={values} problems={problems} />,
      status,
    );
  };

  app.post('/admin/wydarzenia/:id/obecnosc/korekta', { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const e = await svc.getEvent(ctx, request.params.id);
    const done = await submitForm(() => correctAttendance(ctx, e.id, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return checkinPage(request, reply, e.id, null, request.body, done.problems, done.status);
    return checkinPage(request, reply, e.id, request.t(`events.checkin.corrected.${done.value}`));
  });

  app.get('/admin/wydarzenia/:id/obecnosc', { config, schema: { params: IdParams } }, async (request, reply) =>
    checkinPage(request, reply, request.params.id, null),
  );

  app.post(
    '/admin/wydarzenia/:id/obecnosc',
    {
      config,
      schema: {
        params: IdParams,
        body: Type.Object({
          _csrf: Type.Optional(Type.String({ maxLength: 200 })),
          mark_id: Type.String({ pattern: MARK_ID }),
          code: Type.String({ maxLength: 12 }),
        }),
      },
    },
    async (request, reply) => {
      const e = await svc.getEvent(ctx, request.params.id);
      const r = await applyCheckins(ctx, e.id, [{ id: request.body.mark_id, code: request.body.code }], request.user?.id ?? null);
      await auditSync(request, e.id, r);
      return checkinPage(request, reply, e.id, resultText(request, r));
    },
  );

  app.post(
    '/admin/wydarzenia/:id/obecnosc/synchronizacja',
    {
      config,
      schema: {
        params: IdParams,
        body: Type.Object({
          marks: Type.Array(
            Type.Object({
              id: Type.String({ pattern: MARK_ID }),
              code: Type.String({ maxLength: 12 }),
              at: Type.Optional(Type.String({ maxLength: 40 })),
            }),
            { maxItems: 2000 },
          ),
        }),
      },
    },
    async (request) => {
      const e = await svc.getEvent(ctx, request.params.id);
      const r = await applyCheckins(ctx, e.id, request.body.marks, request.user?.id ?? null);
      await auditSync(request, e.id, r);
      return { ...r, message: resultText(request, r) };
    },
  );

  // --- documents -----------------------------------------------------------------------------------------

  const DocumentParams = Type.Object({
    id: Type.String({ pattern: '^[0-9a-f-]{36}$' }),
    documentId: Type.String({ pattern: '^[0-9a-f-]{36}$' }),
  });
  const DocumentsQuery = Type.Object({
    q: Type.Optional(Type.String({ maxLength: 200 })),
    ok: Type.Optional(Type.String({ maxLength: 20 })),
  });

  const documentsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    q: string,
    notice: string | null,
    problems: Problem[] = [],
    status = 200,
  ) => {
    const e = await svc.getEvent(ctx, id);
    const title = `${request.t('events.documents.adminTitle')}: ${e.title}`;
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...adminCrumbs(request, e), { label: request.t('events.documents.adminTitle') }] },
      <av.DocumentsAdminView
        e={e}
        attached={await eventDocuments(ctx, e.id, request.lang)}
        q={q}
        offered={await findDocuments(ctx, e.id, q)}
        notice={notice}
        problems={problems}
        csrf={reply.generateCsrf()}
      />,
      status,
    );
  };

  app.get(
    '/admin/wydarzenia/:id/dokumenty',
    { config, schema: { params: IdParams, querystring: DocumentsQuery } },
    async (request, reply) => {
      const ok = request.query.ok;
      const notice =
        ok === 'dolaczono' ? request.t('events.documents.attached') : ok === 'odlaczono' ? request.t('events.documents.detached') : null;
      return documentsPage(request, reply, request.params.id, (request.query.q ?? '').trim(), notice);
    },
  );

  app.post('/admin/wydarzenia/:id/dokumenty', { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const done = await submitForm(() => attachDocument(ctx, request.params.id, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return documentsPage(request, reply, request.params.id, request.body.q ?? '', null, done.problems, done.status);
    return go(request, reply, `/admin/wydarzenia/${request.params.id}/dokumenty?ok=dolaczono`);
  });

  app.post(
    '/admin/wydarzenia/:id/dokumenty/:documentId/odlacz',
    { config, schema: { params: DocumentParams, body: FormBody } },
    async (request, reply) => {
      await detachDocument(ctx, request.params.id, request.params.documentId, auditFromRequest(request));
      return go(request, reply, `/admin/wydarzenia/${request.params.id}/dokumenty?ok=odlaczono`);
    },
  );

  // --- e-mail to a session's participants ------------------------------------------------------------------

  const mailingPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Record<string, string | undefined>,
    opts: { preview?: MailingPreview; notice?: string | null; problems?: Problem[]; status?: number } = {},
  ) => {
    const e = await svc.getEvent(ctx, id);
    const title = `${request.t('events.mailing.title')}: ${e.title}`;
    reply.header('cache-control', 'no-store');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...adminCrumbs(request, e), { label: request.t('events.mailing.title') }] },
      <av.MailingView
        e={e}
        sessions={await repo.listSessions(ctx.db, e.id)}
        history={await repo.listMailings(ctx.db, e.id)}
        values={values}
        preview={opts.preview ?? null}
        notice={opts.notice ?? null}
        problems={opts.problems ?? []}
        csrf={reply.generateCsrf()}
        retentionDays={SENT_RETENTION_DAYS}
        perDay={MAILINGS_PER_DAY}
      />,
      opts.status ?? 200,
    );
  };
  const mailingRefusals = { errors: ctx.errors, codes: (code: string) => code === 'events.mailing_limit' };

  app.get('/admin/wydarzenia/:id/wiadomosc', { config, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) => {
    const e = await svc.getEvent(ctx, request.params.id);
    const last = request.query.ok === 'wyslano' ? (await repo.listMailings(ctx.db, e.id))[0] : undefined;
    return mailingPage(request, reply, e.id, {}, { notice: last ? request.t('events.mailing.sent', { count: last.recipients }) : null });
  });

  app.post('/admin/wydarzenia/:id/wiadomosc/podglad', { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const done = await submitForm(() => previewMailing(ctx, request.params.id, request.body, request.lang), mailingRefusals);
    if (!done.ok) return mailingPage(request, reply, request.params.id, request.body, { problems: done.problems, status: done.status });
    return mailingPage(request, reply, request.params.id, request.body, { preview: done.value });
  });

  app.post(
    '/admin/wydarzenia/:id/wiadomosc',
    { config: { ...config, rateLimit: { max: 10, timeWindow: '1 hour' } }, schema: { params: IdParams, body: FormBody } },
    async (request, reply) => {
      const done = await submitForm(() => sendMailing(ctx, request.params.id, request.body, auditFromRequest(request)), mailingRefusals);
      if (!done.ok) return mailingPage(request, reply, request.params.id, request.body, { problems: done.problems, status: done.status });
      return go(request, reply, `/admin/wydarzenia/${request.params.id}/wiadomosc?ok=wyslano`);
    },
  );

  app.get('/admin/wydarzenia/:id/edycja', { config, schema: { params: IdParams } }, async (request, reply) => {
    const e = await svc.getEvent(ctx, request.params.id);
    return formPage(request, reply, e, svc.eventFormValues(e));
  });

  app.post('/admin/wydarzenia/:id/edycja', { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const e = await svc.getEvent(ctx, request.params.id);
    const saved = await submitForm(() => svc.updateEvent(ctx, e.id, request.body, auditFromRequest(request)), refusals);
    if (!saved.ok) return formPage(request, reply, e, request.body, saved.problems, saved.status);
    return go(request, reply, `/admin/wydarzenia/${e.id}?ok=zapisano`);
  });

  app.post('/admin/wydarzenia/:id/sesje', { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const saved = await submitForm(() => svc.addSession(ctx, request.params.id, request.body, auditFromRequest(request)), refusals);
    if (!saved.ok) return overview(request, reply, request.params.id, undefined, request.body, saved.problems, saved.status);
    return go(request, reply, `/admin/wydarzenia/${request.params.id}?ok=sesja`);
  });

  app.post(
    '/admin/wydarzenia/:id/sesje/:sessionId/usun',
    { config, schema: { params: SessionParams, body: FormBody } },
    async (request, reply) => {
      const done = await submitForm(
        () => svc.removeSession(ctx, request.params.id, request.params.sessionId, auditFromRequest(request)),
        refusals,
      );
      if (!done.ok) return overview(request, reply, request.params.id, undefined, {}, done.problems, done.status);
      return go(request, reply, `/admin/wydarzenia/${request.params.id}?ok=usunieto`);
    },
  );
}
