// Routes of meetings: staff plan, change and cancel a body's meetings (coordinators and
// administrators); members answer an invitation by its signed link or in their space; everyone may
// subscribe to the calendar feed of a body's public meetings.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type Problem } from '../../core/errors/app-error.js';
import { formBody, submitForm, type FormRefusals } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { nowIso } from '../../core/db/time.js';
import { auditFromRequest } from '../audit/index.js';
import { manageBodies, memberSpace } from './bodies.policy.js';
import * as repo from './bodies.repo.js';
import * as svc from './bodies.service.js';
import { feedIcs } from './meetings.ical.js';
import * as mrepo from './meetings.repo.js';
import * as msvc from './meetings.service.js';
import * as asvc from './attendance.service.js';
import { minutesDocument } from './minutes.document.js';
import * as nsvc from './minutes.service.js';
import * as nv from './minutes.views.js';
import { renderPdf } from '../../core/export/index.js';
import { contentDisposition } from '../../core/http/uploads.js';
import { renderMarkdown } from '../../core/text/markdown.js';
import { translator, type Lang } from '../../i18n/index.js';
import * as agsvc from './agenda.service.js';
import { AgendaAdminList } from './agenda.views.js';
import { getInstitution } from '../site/index.js';
import * as mv from './meetings.views.js';
import { SlugParams } from './public.routes.js';

const ID = '^[0-9a-zA-Z-]{1,64}$';
const IdParams = Type.Object({ id: Type.String({ pattern: ID }) });
const MeetingParams = Type.Object({ id: Type.String({ pattern: ID }), meetingId: Type.String({ pattern: ID }) });
const ItemParams = Type.Object({
  id: Type.String({ pattern: ID }),
  meetingId: Type.String({ pattern: ID }),
  itemId: Type.String({ pattern: ID }),
});
const PublicMeetingParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }), meetingId: Type.String({ pattern: ID }) });
const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) });
const MemberInvitationParams = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }),
  invitationId: Type.String({ pattern: ID }),
});
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });
const FormBody = formBody({ maxLength: 20000, maxProperties: 300 });
type Values = Record<string, string | undefined>;

export async function meetingRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const config = { access: manageBodies };
  const refusals: FormRefusals = { errors: ctx.errors, codes: (code) => code.startsWith('bodies.') };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const crumbs = (request: FastifyRequest, body: repo.BodyRow) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('bodies.admin.title'), path: '/admin/zespoly' },
    { label: body.name, path: `/admin/zespoly/${body.id}` },
  ];

  // --- staff ---------------------------------------------------------------------------------------

  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: repo.BodyRow,
    values: Values = {},
    problems: Problem[] = [],
    status = 200,
  ) => {
    const title = request.t('bodies.meeting.title');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...crumbs(request, body), { label: title }] },
      <mv.MeetingsAdminView
        body={body}
        meetings={await mrepo.listMeetings(ctx.db, body.id)}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
        notice={null}
      />,
      status,
    );
  };

  app.get('/admin/zespoly/:id/posiedzenia', { config, schema: { params: IdParams } }, async (request, reply) =>
    listPage(request, reply, await svc.getBody(ctx, request.params.id), { is_public: '1' }),
  );

  app.post('/admin/zespoly/:id/posiedzenia', { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const body = await svc.getBody(ctx, request.params.id);
    const saved = await submitForm(() => msvc.createMeeting(ctx, body, request.body, auditFromRequest(request)), refusals);
    if (!saved.ok) return listPage(request, reply, body, request.body, saved.problems, saved.status);
    return go(request, reply, `/admin/zespoly/${body.id}/posiedzenia/${saved.value}?ok=utworzono`);
  });

  const meetingPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: repo.BodyRow,
    meetingId: string,
    values?: Values,
    problems: Problem[] = [],
    status = 200,
    ok?: string,
  ) => {
    const meeting = await msvc.getMeeting(ctx, body, meetingId);
    const title = request.t('bodies.meeting.meetingOf', { when: request.fmt.dateTime(meeting.starts_at) });
    const notices: Record<string, string> = {
      utworzono: request.t('bodies.meeting.created'),
      obecnosc: request.t('bodies.attendance.saved'),
      glosowanie: request.t('bodies.vote.saved'),
      protokol: request.t('bodies.minutes.approved'),
      zmieniono: request.t('bodies.meeting.changed'),
      odwolano: request.t('bodies.meeting.cancelled'),
    };
    return sendPage(
      request,
      reply,
      {
        title,
        breadcrumbs: [
          ...crumbs(request, body),
          { label: request.t('bodies.meeting.title'), path: `/admin/zespoly/${body.id}/posiedzenia` },
          { label: title },
        ],
      },
      <mv.MeetingAdminView
        body={body}
        meeting={meeting}
        invitations={await mrepo.listInvitations(ctx.db, meeting.id)}
        values={values ?? msvc.meetingFormValues(meeting, await mrepo.listAgenda(ctx.db, meeting.id))}
        problems={problems}
        csrf={reply.generateCsrf()}
        notice={ok ? (notices[ok] ?? null) : null}
        attendance={await attendanceOf(body, meeting)}
        agendaList={await agendaListOf(body, meeting, request.lang)}
      />,
      status,
    );
  };

  /** The agenda with each item's links and the way to its page. */
  const agendaListOf = async (body: repo.BodyRow, meeting: mrepo.MeetingRow, lang: Lang) => {
    const items = await mrepo.listAgenda(ctx.db, meeting.id);
    return (
      <AgendaAdminList
        base={`/admin/zespoly/${body.id}/posiedzenia/${meeting.id}`}
        items={items}
        links={await agsvc.itemLinks(ctx, items, lang)}
      />
    );
  };

  /** What the attendance section shows, once the meeting has started and unless it was cancelled. */
  const attendanceOf = async (body: repo.BodyRow, meeting: mrepo.MeetingRow) => {
    if (meeting.status === 'cancelled' || meeting.starts_at > nowIso(ctx.clock)) return null;
    const recorded = new Map((await mrepo.listAttendance(ctx.db, meeting.id)).map((a) => [a.membership_id, a.status]));
    const members = await asvc.membersOfMeeting(ctx, meeting);
    const d = await asvc.decisions(ctx, body, meeting);
    return {
      members: members.map((m) => ({ id: m.id, name: m.person_name, status: recorded.get(m.id) ?? null })),
      guests: await mrepo.listGuests(ctx.db, meeting.id),
      present: d.present,
      decisions: d.items,
      flagged: await asvc.absenceFlags(ctx, meeting.term_id),
    };
  };

  app.post(
    '/admin/zespoly/:id/posiedzenia/:meetingId/obecnosc',
    { config, schema: { params: MeetingParams, body: FormBody } },
    async (request, reply) => {
      const body = await svc.getBody(ctx, request.params.id);
      const meeting = await msvc.getMeeting(ctx, body, request.params.meetingId);
      const saved = await submitForm(() => asvc.recordAttendance(ctx, body, meeting, request.body, auditFromRequest(request)), refusals);
      if (!saved.ok) return meetingPage(request, reply, body, meeting.id, request.body, saved.problems, saved.status);
      return go(request, reply, `/admin/zespoly/${body.id}/posiedzenia/${meeting.id}?ok=obecnosc`);
    },
  );

  const votePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: repo.BodyRow,
    meeting: mrepo.MeetingRow,
    itemId: string,
    values: Values = {},
    problems: Problem[] = [],
    status = 200,
    ok?: string,
  ) => {
    const decision = (await asvc.decisions(ctx, body, meeting)).items.find((d) => d.item.id === itemId);
    if (!decision) throw new AppError('http.not_found');
    const title = request.t('bodies.vote.item', { item: decision.item.title });
    const meetingTitle = request.t('bodies.meeting.meetingOf', { when: request.fmt.dateTime(meeting.starts_at) });
    return sendPage(
      request,
      reply,
      {
        title,
        breadcrumbs: [
          ...crumbs(request, body),
          { label: meetingTitle, path: `/admin/zespoly/${body.id}/posiedzenia/${meeting.id}` },
          { label: title },
        ],
      },
      <mv.VoteView
        body={body}
        decision={decision}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
        action={`/admin/zespoly/${body.id}/posiedzenia/${meeting.id}/glosowania/${itemId}`}
        notice={ok === 'zapisano' ? request.t('bodies.vote.saved') : null}
      />,
      status,
    );
  };

  app.get(
    '/admin/zespoly/:id/posiedzenia/:meetingId/glosowania/:itemId',
    { config, schema: { params: ItemParams, querystring: OkQuery } },
    async (request, reply) => {
      const body = await svc.getBody(ctx, request.params.id);
      const meeting = await msvc.getMeeting(ctx, body, request.params.meetingId);
      return votePage(request, reply, body, meeting, request.params.itemId, {}, [], 200, request.query.ok);
    },
  );

  app.post(
    '/admin/zespoly/:id/posiedzenia/:meetingId/glosowania/:itemId',
    { config, schema: { params: ItemParams, body: FormBody } },
    async (request, reply) => {
      const body = await svc.getBody(ctx, request.params.id);
      const meeting = await msvc.getMeeting(ctx, body, request.params.meetingId);
      const saved = await submitForm(
        () => asvc.recordVote(ctx, body, meeting, request.params.itemId, request.body, auditFromRequest(request)),
        refusals,
      );
      if (!saved.ok) return votePage(request, reply, body, meeting, request.params.itemId, request.body, saved.problems, saved.status);
      return go(request, reply, `/admin/zespoly/${body.id}/posiedzenia/${meeting.id}/glosowania/${request.params.itemId}?ok=zapisano`);
    },
  );

  app.get(
    '/admin/zespoly/:id/posiedzenia/:meetingId',
    { config, schema: { params: MeetingParams, querystring: OkQuery } },
    async (request, reply) =>
      meetingPage(
        request,
        reply,
        await svc.getBody(ctx, request.params.id),
        request.params.meetingId,
        undefined,
        [],
        200,
        request.query.ok,
      ),
  );

  app.post(
    '/admin/zespoly/:id/posiedzenia/:meetingId',
    { config, schema: { params: MeetingParams, body: FormBody } },
    async (request, reply) => {
      const body = await svc.getBody(ctx, request.params.id);
      const saved = await submitForm(
        () => msvc.changeMeeting(ctx, body, request.params.meetingId, request.body, auditFromRequest(request)),
        refusals,
      );
      if (!saved.ok) return meetingPage(request, reply, body, request.params.meetingId, request.body, saved.problems, saved.status);
      return go(request, reply, `/admin/zespoly/${body.id}/posiedzenia/${request.params.meetingId}?ok=zmieniono`);
    },
  );

  app.post(
    '/admin/zespoly/:id/posiedzenia/:meetingId/odwolanie',
    { config, schema: { params: MeetingParams, body: FormBody } },
    async (request, reply) => {
      const body = await svc.getBody(ctx, request.params.id);
      await msvc.cancelMeeting(ctx, body, request.params.meetingId, auditFromRequest(request));
      return go(request, reply, `/admin/zespoly/${body.id}/posiedzenia/${request.params.meetingId}?ok=odwolano`);
    },
  );

  // --- minutes ------------------------------------------------------------------------------------

  const minutesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: repo.BodyRow,
    meeting: mrepo.MeetingRow,
    values?: Values,
    problems: Problem[] = [],
    status = 200,
    ok?: string,
  ) => {
    const base = `/admin/zespoly/${body.id}/posiedzenia/${meeting.id}`;
    const agenda = await mrepo.listAgenda(ctx.db, meeting.id);
    const texts = await mrepo.listMinutes(ctx.db, meeting.id);
    const meetingTitle = request.t('bodies.meeting.meetingOf', { when: request.fmt.dateTime(meeting.starts_at) });
    return sendPage(
      request,
      reply,
      {
        title: request.t('bodies.minutes.edit'),
        breadcrumbs: [...crumbs(request, body), { label: meetingTitle, path: base }, { label: request.t('bodies.minutes.edit') }],
      },
      <nv.MinutesEditView
        bodyName={body.name}
        base={base}
        agenda={agenda}
        values={values ?? Object.fromEntries(agenda.map((a) => [`item_${a.id}`, texts.get(a.id) ?? '']))}
        problems={problems}
        csrf={reply.generateCsrf()}
        notice={
          ok === 'zapisano'
            ? request.t('bodies.minutes.saved')
            : ok === 'projekt' && meeting.minutes_comments_until
              ? request.t('bodies.minutes.published', { day: request.fmt.date(meeting.minutes_comments_until) })
              : null
        }
        commentsUntil={meeting.minutes_comments_until}
        comments={await mrepo.listMinutesComments(ctx.db, meeting.id)}
      />,
      status,
    );
  };

  app.get(
    '/admin/zespoly/:id/posiedzenia/:meetingId/protokol',
    { config, schema: { params: MeetingParams, querystring: OkQuery } },
    async (request, reply) => {
      const body = await svc.getBody(ctx, request.params.id);
      return minutesPage(
        request,
        reply,
        body,
        await msvc.getMeeting(ctx, body, request.params.meetingId),
        undefined,
        [],
        200,
        request.query.ok,
      );
    },
  );

  /**
   * The three minutes actions (save the texts, share the draft with members, approve): the service
   * does the work; a refusal draws the minutes form again with its problems, success redirects.
   */
  const minutesAction = (
    suffix: string,
    run: (
      body: repo.BodyRow,
      meeting: mrepo.MeetingRow,
      form: Record<string, string>,
      actor: ReturnType<typeof auditFromRequest>,
    ) => Promise<unknown>,
    done: (meetingPath: string) => string,
    keepValues = true,
  ) =>
    app.post(
      `/admin/zespoly/:id/posiedzenia/:meetingId/protokol${suffix}`,
      { config, schema: { params: MeetingParams, body: FormBody } },
      async (request, reply) => {
        const body = await svc.getBody(ctx, request.params.id);
        const meeting = await msvc.getMeeting(ctx, body, request.params.meetingId);
        const saved = await submitForm(() => run(body, meeting, request.body, auditFromRequest(request)), refusals);
        if (!saved.ok)
          return minutesPage(request, reply, body, meeting, keepValues ? request.body : undefined, saved.problems, saved.status);
        return go(request, reply, done(`/admin/zespoly/${body.id}/posiedzenia/${meeting.id}`));
      },
    );
  minutesAction(
    '',
    (body, meeting, form, actor) => nsvc.saveMinutes(ctx, body, meeting, form, actor),
    (path) => `${path}/protokol?ok=zapisano`,
  );
  minutesAction(
    '/projekt',
    (body, meeting, form, actor) => nsvc.publishDraft(ctx, body, meeting, form, actor),
    (path) => `${path}/protokol?ok=projekt`,
  );
  minutesAction(
    '/zatwierdzenie',
    (body, meeting, _form, actor) => nsvc.approveMinutes(ctx, body, meeting, actor),
    (path) => `${path}?ok=protokol`,
    false,
  );

  app.get(
    '/zespoly/:slug/posiedzenia/:meetingId/protokol',
    { config: { access: 'public' }, schema: { params: PublicMeetingParams } },
    async (request, reply) => {
      const body = await svc.getBodyBySlug(ctx, request.params.slug);
      const m = await nsvc.publicMinutes(ctx, body, request.params.meetingId, request.lang);
      const title = request.t('bodies.minutes.title', { when: request.fmt.dateTime(m.meeting.starts_at) });
      return sendPage(
        request,
        reply,
        {
          title,
          breadcrumbs: [
            { label: request.t('bodies.title'), path: '/zespoly' },
            { label: body.name, path: `/zespoly/${body.slug}` },
            { label: title },
          ],
        },
        <nv.MinutesView
          m={m}
          title={title}
          pdfPath={`/zespoly/${body.slug}/posiedzenia/${m.meeting.id}/protokol.pdf`}
          itemsHtml={m.items.map((i) => renderMarkdown(i.text))}
        />,
      );
    },
  );

  app.get(
    '/zespoly/:slug/posiedzenia/:meetingId/protokol.pdf',
    { config: { access: 'public' }, schema: { params: PublicMeetingParams } },
    async (request, reply) => {
      const body = await svc.getBodyBySlug(ctx, request.params.slug);
      const m = await nsvc.publicMinutes(ctx, body, request.params.meetingId, request.lang);
      const when = request.fmt.dateTime(m.meeting.starts_at);
      const bytes = await renderPdf(minutesDocument(m, translator(request.lang), request.lang, when, (await getInstitution(ctx)).name));
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`protokol-${body.slug}-${m.meeting.starts_at.slice(0, 10)}.pdf`))
        .send(bytes);
    },
  );

  // --- the public feed -----------------------------------------------------------------------------

  app.get('/zespoly/:slug/posiedzenia.ics', { config: { access: 'public' }, schema: { params: SlugParams } }, async (request, reply) => {
    const body = await svc.getBodyBySlug(ctx, request.params.slug);
    const meetings = (await mrepo.listMeetings(ctx.db, body.id)).filter((m) => m.is_public);
    const items = [];
    for (const m of meetings) {
      const agenda = (await mrepo.listAgenda(ctx.db, m.id)).filter((a) => a.is_public);
      items.push({
        uid: msvc.meetingUid(ctx, m.id),
        sequence: m.sequence,
        startsAt: m.starts_at,
        endsAt: m.ends_at,
        summary: request.t('bodies.meeting.summary', { body: body.name }),
        description: agenda.map((a, i) => `${i + 1}. ${a.title}`).join('\n'),
        location: [m.place, m.online_url].filter(Boolean).join(', '),
        url: `${ctx.config.publicUrl.replace(/\/$/, '')}/zespoly/${body.slug}`,
        isCancelled: m.status === 'cancelled',
      });
    }
    return reply.type('text/calendar; charset=utf-8').send(feedIcs(body.name, items, nowIso(ctx.clock)));
  });

  // --- answers -------------------------------------------------------------------------------------

  const answerPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: msvc.InvitationView,
    action: string,
    problems: Problem[] = [],
    status = 200,
    saved = false,
  ) =>
    sendPage(
      request,
      reply,
      {
        title: request.t('bodies.answer.title'),
        breadcrumbs: [
          { label: request.t('bodies.title'), path: '/zespoly' },
          { label: view.body.name, path: `/zespoly/${view.body.slug}` },
          { label: request.t('bodies.answer.title') },
        ],
      },
      <mv.AnswerView
        body={view.body}
        meeting={view.meeting}
        agenda={view.agenda}
        answer={view.invitation.answer}
        action={action}
        csrf={reply.generateCsrf()}
        problems={problems}
        saved={saved}
      />,
      status,
    );

  const answer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: msvc.InvitationView,
    form: Record<string, string>,
    action: string,
  ) => {
    const saved = await submitForm(() => msvc.answerInvitation(ctx, view, form), refusals);
    if (!saved.ok) return answerPage(request, reply, view, action, saved.problems, saved.status);
    return answerPage(request, reply, { ...view, invitation: { ...view.invitation, answer: saved.value } }, action, [], 200, true);
  };

  app.get('/zespoly/zaproszenie/:token', { config: { access: 'public' }, schema: { params: TokenParams } }, async (request, reply) =>
    answerPage(request, reply, await msvc.invitationByToken(ctx, request.params.token), `/zespoly/zaproszenie/${request.params.token}`),
  );

  app.post(
    '/zespoly/zaproszenie/:token',
    { config: { access: 'public' }, schema: { params: TokenParams, body: FormBody } },
    async (request, reply) =>
      answer(
        request,
        reply,
        await msvc.invitationByToken(ctx, request.params.token),
        request.body,
        `/zespoly/zaproszenie/${request.params.token}`,
      ),
  );

  const bodyIdOfSlug = async (slug: string) => (await repo.findBodyBySlug(ctx.db, slug))?.id ?? null;
  const member = {
    config: { access: memberSpace(bodyIdOfSlug) },
    onRequest: async (request: FastifyRequest) => {
      if (!request.user) throw new AppError('http.not_found');
    },
  };

  /** The draft minutes of a meeting of the member's body, with the member's membership in its term. */
  const draftOf = async (userId: string, slug: string, meetingId: string) => {
    const body = await svc.getBodyBySlug(ctx, slug);
    const meeting = await mrepo.findMeeting(ctx.db, meetingId);
    if (!meeting || meeting.body_id !== body.id || meeting.status !== 'held' || !meeting.minutes_comments_until)
      throw new AppError('http.not_found');
    const membership = (await repo.listMemberships(ctx.db, meeting.term_id)).find((m) => m.user_id === userId);
    if (!membership) throw new AppError('http.not_found');
    return { body, meeting, membership };
  };
  const DraftParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }), meetingId: Type.String({ pattern: ID }) });
  const draftPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    d: Awaited<ReturnType<typeof draftOf>>,
    values: Values = {},
    problems: Problem[] = [],
    status = 200,
    notice: string | null = null,
  ) => {
    const agenda = await mrepo.listAgenda(ctx.db, d.meeting.id);
    const texts = await mrepo.listMinutes(ctx.db, d.meeting.id);
    const mine = new Map(
      (await mrepo.listMinutesComments(ctx.db, d.meeting.id))
        .filter((c) => c.membership_id === d.membership.id)
        .map((c) => [c.agenda_item_id, c.text]),
    );
    const title = request.t('bodies.minutes.draftOf', { when: request.fmt.dateTime(d.meeting.starts_at) });
    const path = `/zespoly/${d.body.slug}/dla-czlonkow/protokoly/${d.meeting.id}`;
    return sendPage(
      request,
      reply,
      {
        title,
        breadcrumbs: [
          { label: request.t('bodies.title'), path: '/zespoly' },
          { label: d.body.name, path: `/zespoly/${d.body.slug}` },
          { label: request.t('bodies.space.link'), path: `/zespoly/${d.body.slug}/dla-czlonkow` },
          { label: title },
        ],
      },
      <nv.DraftMinutesView
        title={title}
        bodyName={d.body.name}
        agenda={agenda}
        texts={agenda.map((a) => renderMarkdown(texts.get(a.id) ?? ''))}
        mine={mine}
        open={nsvc.commentsOpen(ctx, d.meeting)}
        until={d.meeting.minutes_comments_until!}
        action={path}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
        notice={notice}
      />,
      status,
    );
  };

  app.get('/zespoly/:slug/dla-czlonkow/protokoly/:meetingId', { ...member, schema: { params: DraftParams } }, async (request, reply) =>
    draftPage(request, reply, await draftOf(request.user!.id, request.params.slug, request.params.meetingId)),
  );

  app.post(
    '/zespoly/:slug/dla-czlonkow/protokoly/:meetingId',
    { ...member, schema: { params: DraftParams, body: FormBody } },
    async (request, reply) => {
      const d = await draftOf(request.user!.id, request.params.slug, request.params.meetingId);
      const saved = await submitForm(() => nsvc.commentDraft(ctx, d.meeting, d.membership, request.body), refusals);
      if (!saved.ok) return draftPage(request, reply, d, request.body, saved.problems, saved.status);
      return draftPage(request, reply, d, {}, [], 200, request.t('bodies.minutes.commentsSaved'));
    },
  );

  app.get(
    '/zespoly/:slug/dla-czlonkow/zaproszenia/:invitationId',
    { ...member, schema: { params: MemberInvitationParams } },
    async (request, reply) => {
      const view = await msvc.invitationOfUser(ctx, request.user!.id, request.params.invitationId);
      if (view.body.slug !== request.params.slug) throw new AppError('http.not_found');
      return answerPage(request, reply, view, `/zespoly/${request.params.slug}/dla-czlonkow/zaproszenia/${request.params.invitationId}`);
    },
  );

  app.post(
    '/zespoly/:slug/dla-czlonkow/zaproszenia/:invitationId',
    { ...member, schema: { params: MemberInvitationParams, body: FormBody } },
    async (request, reply) => {
      const view = await msvc.invitationOfUser(ctx, request.user!.id, request.params.invitationId);
      if (view.body.slug !== request.params.slug) throw new AppError('http.not_found');
      return answer(
        request,
        reply,
        view,
        request.body,
        `/zespoly/${request.params.slug}/dla-czlonkow/zaproszenia/${request.params.invitationId}`,
      );
    },
  );
}
