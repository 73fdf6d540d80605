// Public routes of events: the list with filters, the month calendar, the archive, one event, the
// iCalendar feed and per-event file, the registration form (rate limited, honeypot, CSRF) and the
// pages of the e-mailed links (confirm; see, cancel, accept or decline an offered place).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../core/errors/app-error.js';
import { formBody, formBodyWithLists, submitForm, textFields, type FormRefusals } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { renderMarkdown } from '../../core/text/markdown.js';
import { contentDisposition } from '../../core/http/uploads.js';
import { eventDocuments } from './documents.service.js';
import { eventPageExtras } from './events.extensions.js';
import * as repo from './events.repo.js';
import { eventFile, eventsFeed } from './events.ics.js';
import * as svc from './events.service.js';
import * as reg from './registration.service.js';
import { certificatePdf } from './certificate.service.js';
import * as v from './public.views.js';

export const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });
const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });
const ListQuery = Type.Object({
  rodzaj: Type.Optional(Type.String({ maxLength: 20 })),
  miesiac: Type.Optional(Type.String({ maxLength: 7 })),
  powiat: Type.Optional(Type.String({ maxLength: 4 })),
  forma: Type.Optional(Type.String({ maxLength: 20 })),
  otwarta: Type.Optional(Type.String({ maxLength: 2 })),
});
const RegisterBody = formBodyWithLists({ maxLength: 2000, maxProperties: 30, maxItems: 50, maxItemLength: 40 });
const PlaceBody = formBody({ maxLength: 100, maxProperties: 5 });

export function eventRefusals(ctx: ModuleContext): FormRefusals {
  return { errors: ctx.errors, codes: (code) => code === 'events.already_registered' || code === 'events.registration_closed' };
}

/** The filters a visitor chose; anything unrecognised is ignored (the list then shows more, never an error). */
export function parseFilters(q: Record<string, string | undefined>): svc.ListFilters {
  const f: svc.ListFilters = {};
  if (svc.isEventType(q.rodzaj)) f.type = q.rodzaj;
  if (q.miesiac && svc.monthRange(q.miesiac)) f.month = q.miesiac;
  if (q.powiat && /^04\d{2}$/u.test(q.powiat)) f.powiat = q.powiat;
  if (q.forma === 'online') f.mode = 'online';
  if (q.forma === 'stacjonarnie') f.mode = 'onsite';
  if (q.otwarta === '1') f.open = true;
  return f;
}

export async function listed(ctx: ModuleContext, rows: readonly repo.EventRow[]): Promise<v.ListedEvent[]> {
  const gminy = new Map((await svc.gminaChoices(ctx)).map((g) => [g.teryt, g]));
  const now = ctx.clock.now();
  return rows.map((e) => ({ e, place: v.placeLabel(e, gminy), state: svc.registrationState(e, now) }));
}

async function sessionViews(ctx: ModuleContext, eventId: string): Promise<v.SessionView[]> {
  return (await repo.listSessions(ctx.db, eventId)).map((s) => ({
    s,
    free: s.capacity === null ? null : Math.max(0, s.capacity - s.taken),
  }));
}

async function icsContext(ctx: ModuleContext, request: FastifyRequest) {
  return {
    publicUrl: ctx.config.publicUrl,
    lang: request.lang,
    stamp: ctx.clock.now(),
    gminaNames: new Map((await svc.gminaChoices(ctx)).map((g) => [g.teryt, g.name])),
  };
}

export async function publicRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const crumbs = (request: FastifyRequest, e?: repo.EventRow) => [
    { label: request.t('events.title'), path: '/wydarzenia' },
    ...(e ? [{ label: e.title, path: `/wydarzenia/${e.id}` }] : []),
  ];

  app.get('/wydarzenia', { config: { access: 'public' }, schema: { querystring: ListQuery } }, async (request, reply) => {
    const filters = parseFilters(request.query);
    const month = filters.month ?? svc.currentMonth(ctx);
    const current = svc.currentMonth(ctx);
    const months = Array.from({ length: 12 }, (_, i) => svc.shiftMonth(current, i));
    if (filters.month && !months.includes(filters.month)) months.unshift(filters.month);
    const view = (
      <v.ListView
        items={await listed(ctx, await svc.listForPublic(ctx, filters))}
        filters={filters}
        choices={{ powiaty: await svc.powiatChoices(ctx), months }}
        month={month}
      />
    );
    return sendPage(request, reply, { title: request.t('events.title') }, view);
  });

  app.get('/wydarzenia/archiwum', { config: { access: 'public' } }, async (request, reply) =>
    sendPage(
      request,
      reply,
      { title: request.t('events.archive'), breadcrumbs: [...crumbs(request), { label: request.t('events.archive') }] },
      <v.ArchiveView items={await listed(ctx, await svc.listArchive(ctx))} />,
    ),
  );

  app.get(
    '/wydarzenia/kalendarz',
    { config: { access: 'public' }, schema: { querystring: Type.Object({ miesiac: Type.Optional(Type.String({ maxLength: 7 })) }) } },
    async (request, reply) => {
      const month = request.query.miesiac && svc.monthRange(request.query.miesiac) ? request.query.miesiac : svc.currentMonth(ctx);
      const events = await svc.listForPublic(ctx, { month });
      const { weeks, undated } = svc.calendarWeeks(month, events);
      const title = request.t('events.calendarTitle', { month: v.monthLabel(month, request.fmt.locale) });
      return sendPage(
        request,
        reply,
        { title, breadcrumbs: [...crumbs(request), { label: title }] },
        <v.CalendarView
          month={month}
          weeks={weeks}
          undated={undated}
          previous={svc.shiftMonth(month, -1)}
          next={svc.shiftMonth(month, 1)}
        />,
      );
    },
  );

  app.get('/wydarzenia.ics', { config: { access: 'public' } }, async (request, reply) => {
    const since = new Date(ctx.clock.now().getTime() - 365 * 86_400_000).toISOString();
    const rows = await repo.listEvents(ctx.db, { publishedOnly: true, endsAfter: since });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', contentDisposition('wydarzenia.ics', 'inline'))
      .send(eventsFeed(rows, await icsContext(ctx, request)));
  });

  app.get('/wydarzenia/:id', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) => {
    const e = await svc.publicEvent(ctx, request.params.id);
    const place = (await listed(ctx, [e]))[0]!.place;
    return sendPage(
      request,
      reply,
      { title: e.title, breadcrumbs: [...crumbs(request), { label: e.title }] },
      <v.EventView
        e={e}
        descriptionHtml={renderMarkdown(e.description)}
        place={place}
        sessions={await sessionViews(ctx, e.id)}
        state={svc.registrationState(e, ctx.clock.now())}
        listed={await repo.publicParticipants(ctx.db, e.id)}
        documents={await eventDocuments(ctx, e.id, request.lang)}
        extras={await eventPageExtras(ctx, { id: e.id, type: e.type, startsAt: e.starts_at }, request)}
      />,
    );
  });

  app.get('/wydarzenia/:id/kalendarz.ics', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) => {
    const e = await svc.publicEvent(ctx, request.params.id);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', contentDisposition(`wydarzenie-${e.id}.ics`, 'attachment'))
      .send(eventFile(e, await repo.listSessions(ctx.db, e.id), await icsContext(ctx, request)));
  });

  // --- registration -----------------------------------------------------------------------------------

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    e: repo.EventRow,
    values: Record<string, string | undefined>,
    chosen: readonly string[],
    problems: Problem[] = [],
    status = 200,
    needs: readonly string[] = [],
  ) => {
    reply.header('cache-control', 'no-store');
    const now = ctx.clock.now().toISOString();
    const title = request.t('events.register.title', { event: e.title });
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...crumbs(request, e), { label: request.t('events.registration') }] },
      <v.RegisterFormView
        e={e}
        sessions={(await sessionViews(ctx, e.id)).filter((s) => s.s.starts_at > now)}
        values={values}
        chosen={chosen}
        problems={problems}
        csrf={reply.generateCsrf()}
        offered={reg.accessNeedsOffered(e)}
        needs={needs}
        gminy={await svc.gminaChoices(ctx)}
      />,
      status,
    );
  };

  const openEvent = async (id: string) => {
    const e = await svc.publicEvent(ctx, id);
    return { e, open: svc.registrationState(e, ctx.clock.now()) === 'open' };
  };

  app.get('/wydarzenia/:id/rejestracja', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) => {
    const { e, open } = await openEvent(request.params.id);
    if (!open)
      return sendPage(
        request,
        reply,
        { title: request.t('events.registration'), breadcrumbs: [...crumbs(request, e), { label: request.t('events.registration') }] },
        <p>{request.t('events.register.closed')}</p>,
        409,
      );
    return formPage(request, reply, e, {}, []);
  });

  app.post(
    '/wydarzenia/:id/rejestracja',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } }, schema: { params: IdParams, body: RegisterBody } },
    async (request, reply) => {
      const e = await svc.publicEvent(ctx, request.params.id);
      const body = request.body;
      const sent = await submitForm(() => reg.register(ctx, e.id, body, request.lang), eventRefusals(ctx));
      if (!sent.ok) {
        const list = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw : raw ? [raw] : []);
        return formPage(request, reply, e, textFields(body), list(body.sessions), sent.problems, sent.status, list(body.access_needs));
      }
      return reply.redirect(localize(`/wydarzenia/${e.id}/rejestracja/wyslano`, request.lang), 303);
    },
  );

  app.get('/wydarzenia/:id/rejestracja/wyslano', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) => {
    const e = await svc.publicEvent(ctx, request.params.id);
    return sendPage(
      request,
      reply,
      {
        title: request.t('events.register.sentTitle'),
        breadcrumbs: [...crumbs(request, e), { label: request.t('events.register.sentTitle') }],
      },
      <v.SentView />,
    );
  });

  // --- the e-mailed links ---------------------------------------------------------------------------------

  const secret = (reply: FastifyReply) => reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
  const strict = { max: 30, timeWindow: '1 minute' };

  app.get(
    '/wydarzenia/potwierdzenie/:token',
    { config: { access: 'public', rateLimit: strict }, schema: { params: TokenParams } },
    async (request, reply) => {
      secret(reply);
      const e = await reg.confirmTarget(ctx, request.params.token);
      return sendPage(
        request,
        reply,
        { title: request.t('events.confirm.title') },
        <v.ConfirmView event={e.title} action={`/wydarzenia/potwierdzenie/${request.params.token}`} csrf={reply.generateCsrf()} />,
      );
    },
  );

  app.post(
    '/wydarzenia/potwierdzenie/:token',
    { config: { access: 'public', rateLimit: strict }, schema: { params: TokenParams, body: PlaceBody } },
    async (request, reply) => {
      secret(reply);
      const manage = await reg.confirm(ctx, request.params.token);
      return reply.redirect(localize(`/wydarzenia/rejestracja/${manage}?ok=potwierdzono`, request.lang), 303);
    },
  );

  const managePage = async (request: FastifyRequest, reply: FastifyReply, token: string, ok: string | undefined) => {
    secret(reply);
    const view = await reg.byManageToken(ctx, token);
    const notice =
      ok === 'potwierdzono'
        ? request.t('events.manage.confirmed')
        : ok === 'anulowano'
          ? request.t('events.manage.cancelled')
          : ok === 'przyjeto'
            ? request.t('events.manage.accepted')
            : ok === 'odrzucono'
              ? request.t('events.manage.declined')
              : null;
    return sendPage(
      request,
      reply,
      {
        title: request.t('events.manage.title'),
        breadcrumbs: [...crumbs(request, view.event), { label: request.t('events.manage.title') }],
      },
      <v.ManageView
        view={view}
        action={`/wydarzenia/rejestracja/${token}`}
        csrf={reply.generateCsrf()}
        notice={notice}
        attended={(await repo.findCheckinOf(ctx.db, view.registration.id)) !== undefined}
      />,
    );
  };

  app.get(
    '/wydarzenia/rejestracja/:token',
    {
      config: { access: 'public', rateLimit: strict },
      schema: { params: TokenParams, querystring: Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) }) },
    },
    async (request, reply) => managePage(request, reply, request.params.token, request.query.ok),
  );

  app.get(
    '/wydarzenia/rejestracja/:token/zaswiadczenie.pdf',
    { config: { access: 'public', rateLimit: strict }, schema: { params: TokenParams } },
    async (request, reply) => {
      secret(reply);
      const { pdf, number } = await certificatePdf(ctx, request.params.token, request.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`zaswiadczenie-${number}.pdf`))
        .send(pdf);
    },
  );

  const back = (request: FastifyRequest, reply: FastifyReply, token: string, ok: string) =>
    reply.redirect(localize(`/wydarzenia/rejestracja/${token}?ok=${ok}`, request.lang), 303);

  app.post(
    '/wydarzenia/rejestracja/:token/anuluj',
    { config: { access: 'public', rateLimit: strict }, schema: { params: TokenParams, body: PlaceBody } },
    async (request, reply) => {
      secret(reply);
      await reg.cancel(ctx, request.params.token);
      return back(request, reply, request.params.token, 'anulowano');
    },
  );

  app.post(
    '/wydarzenia/rejestracja/:token/przyjmij',
    { config: { access: 'public', rateLimit: strict }, schema: { params: TokenParams, body: PlaceBody } },
    async (request, reply) => {
      secret(reply);
      await reg.acceptOffer(ctx, request.params.token, request.body.place ?? '');
      return back(request, reply, request.params.token, 'przyjeto');
    },
  );

  app.post(
    '/wydarzenia/rejestracja/:token/odrzuc',
    { config: { access: 'public', rateLimit: strict }, schema: { params: TokenParams, body: PlaceBody } },
    async (request, reply) => {
      secret(reply);
      await reg.declineOffer(ctx, request.params.token, request.body.place ?? '');
      return back(request, reply, request.params.token, 'odrzucono');
    },
  );
}
