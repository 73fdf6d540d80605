// Routes of meetings: staff plan, change and cancel a body's meetings (coordinators and
// administrators); members answer an invitation by its signed link or in their space; everyone may
// subscribe to the calendar feed of a body's public meetings.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../core/errors/app-error.js';
import { formBody } from '../../core/http/forms.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { nowIso } from '../../core/db/time.js';
import { auditFromRequest } from '../audit/index.js';
import { manageBodies } from './bodies.policy.js';
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
import {
  answerFlow,
  go,
  ID,
  IdParams,
  memberSpaceRoute,
  OkQuery,
  okNotice,
  onForm,
  publicPage,
  SLUG,
  staffPage,
  TokenParams,
  type FormState,
} from './shared/http.js';

const MeetingParams = Type.Object({ id: Type.String({ pattern: ID }), meetingId: Type.String({ pattern: ID }) });
const ItemParams = Type.Object({
  id: Type.String({ pattern: ID }),
  meetingId: Type.String({ pattern: ID }),
  itemId: Type.String({ pattern: ID }),
});
const PublicMeetingParams = Type.Object({ slug: Type.String({ pattern: SLUG }), meetingId: Type.String({ pattern: ID }) });
const MemberInvitationParams = Type.Object({
  slug: Type.String({ pattern: SLUG }),
  invitationId: Type.String({ pattern: ID }),
});
const FormBody = formBody({ maxLength: 20000, maxProperties: 300 });

type Actor = ReturnType<typeof auditFromRequest>;

export async function meetingRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const config = { access: manageBodies };
  const listPath = (body: repo.BodyRow) => `/admin/zespoly/${body.id}/posiedzenia`;
  const meetingPath = (body: repo.BodyRow, meetingId: string) => `${listPath(body)}/${meetingId}`;
  const meetingTitle = (request: FastifyRequest, meeting: mrepo.MeetingRow) =>
    request.t('bodies.meeting.meetingOf', { when: request.fmt.dateTime(meeting.starts_at) });
  /** The body and the meeting a staff route's `:id` and `:meetingId` name. */
  const load = async (params: { id: string; meetingId: string }) => {
    const body = await svc.getBody(ctx, params.id);
    return { body, meeting: await msvc.getMeeting(ctx, body, params.meetingId) };
  };

  // --- staff ---------------------------------------------------------------------------------------

  const listPage = async (request: FastifyRequest, reply: FastifyReply, body: repo.BodyRow, form: FormState = {}) =>
    staffPage(
      request,
      reply,
      body,
      request.t('bodies.meeting.title'),
      [],
      <mv.MeetingsAdminView
        body={body}
        meetings={await mrepo.listMeetings(ctx.db, body.id)}
        values={form.values ?? {}}
        problems={form.problems ?? []}
        csrf={reply.generateCsrf()}
        notice={null}
      />,
      form.status,
    );

  app.get('/admin/zespoly/:id/posiedzenia', { config, schema: { params: IdParams } }, async (request, reply) =>
    listPage(request, reply, await svc.getBody(ctx, request.params.id), { values: { is_public: '1' } }),
  );

  app.post('/admin/zespoly/:id/posiedzenia', { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const body = await svc.getBody(ctx, request.params.id);
    return onForm(
      ctx,
      () => msvc.createMeeting(ctx, body, request.body, auditFromRequest(request)),
      (refused) => listPage(request, reply, body, { values: request.body, ...refused }),
      (id) => go(request, reply, `${meetingPath(body, id)}?ok=utworzono`),
    );
  });

  const meetingPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: repo.BodyRow,
    meetingId: string,
    form: FormState & { ok?: string } = {},
  ) => {
    const meeting = await msvc.getMeeting(ctx, body, meetingId);
    return staffPage(
      request,
      reply,
      body,
      meetingTitle(request, meeting),
      [{ label: request.t('bodies.meeting.title'), path: listPath(body) }],
      <mv.MeetingAdminView
        body={body}
        meeting={meeting}
        invitations={await mrepo.listInvitations(ctx.db, meeting.id)}
        values={form.values ?? msvc.meetingFormValues(meeting, await mrepo.listAgenda(ctx.db, meeting.id))}
        problems={form.problems ?? []}
        csrf={reply.generateCsrf()}
        notice={okNotice(request, form.ok, {
          utworzono: 'bodies.meeting.created',
          obecnosc: 'bodies.attendance.saved',
          glosowanie: 'bodies.vote.saved',
          protokol: 'bodies.minutes.approved',
          zmieniono: 'bodies.meeting.changed',
          odwolano: 'bodies.meeting.cancelled',
        })}
        attendance={await attendanceOf(body, meeting)}
        agendaList={await agendaListOf(body, meeting, request.lang)}
      />,
      form.status,
    );
  };

  /** The agenda with each item's links and the way to its page. */
  const agendaListOf = async (body: repo.BodyRow, meeting: mrepo.MeetingRow, lang: Lang) => {
    const items = await mrepo.listAgenda(ctx.db, meeting.id);
    return <AgendaAdminList base={meetingPath(body, meeting.id)} items={items} links={await agsvc.itemLinks(ctx, items, lang)} />;
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
      const { body, meeting } = await load(request.params);
      return onForm(
        ctx,
        () => asvc.recordAttendance(ctx, body, meeting, request.body, auditFromRequest(request)),
        (refused) => meetingPage(request, reply, body, meeting.id, { values: request.body, ...refused }),
        () => go(request, reply, `${meetingPath(body, meeting.id)}?ok=obecnosc`),
      );
    },
  );

  const votePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: repo.BodyRow,
    meeting: mrepo.MeetingRow,
    itemId: string,
    form: FormState & { ok?: string } = {},
  ) => {
    const decision = (await asvc.decisions(ctx, body, meeting)).items.find((d) => d.item.id === itemId);
    if (!decision) throw new AppError('http.not_found');
    return staffPage(
      request,
      reply,
      body,
      request.t('bodies.vote.item', { item: decision.item.title }),
      [{ label: meetingTitle(request, meeting), path: meetingPath(body, meeting.id) }],
      <mv.VoteView
        body={body}
        decision={decision}
        values={form.values ?? {}}
        problems={form.problems ?? []}
        csrf={reply.generateCsrf()}
        action={`${meetingPath(body, meeting.id)}/glosowania/${itemId}`}
        notice={okNotice(request, form.ok, { zapisano: 'bodies.vote.saved' })}
      />,
      form.status,
    );
  };

  app.get(
    '/admin/zespoly/:id/posiedzenia/:meetingId/glosowania/:itemId',
    { config, schema: { params: ItemParams, querystring: OkQuery } },
    async (request, reply) => {
      const { body, meeting } = await load(request.params);
      return votePage(request, reply, body, meeting, request.params.itemId, { ok: request.query.ok });
    },
  );

  app.post(
    '/admin/zespoly/:id/posiedzenia/:meetingId/glosowania/:itemId',
    { config, schema: { params: ItemParams, body: FormBody } },
    async (request, reply) => {
      const { body, meeting } = await load(request.params);
      const { itemId } = request.params;
      return onForm(
        ctx,
        () => asvc.recordVote(ctx, body, meeting, itemId, request.body, auditFromRequest(request)),
        (refused) => votePage(request, reply, body, meeting, itemId, { values: request.body, ...refused }),
        () => go(request, reply, `${meetingPath(body, meeting.id)}/glosowania/${itemId}?ok=zapisano`),
      );
    },
  );

  app.get(
    '/admin/zespoly/:id/posiedzenia/:meetingId',
    { config, schema: { params: MeetingParams, querystring: OkQuery } },
    async (request, reply) =>
      meetingPage(request, reply, await svc.getBody(ctx, request.params.id), request.params.meetingId, { ok: request.query.ok }),
  );

  app.post(
    '/admin/zespoly/:id/posiedzenia/:meetingId',
    { config, schema: { params: MeetingParams, body: FormBody } },
    async (request, reply) => {
      const body = await svc.getBody(ctx, request.params.id);
      const { meetingId } = request.params;
      return onForm(
        ctx,
        () => msvc.changeMeeting(ctx, body, meetingId, request.body, auditFromRequest(request)),
        (refused) => meetingPage(request, reply, body, meetingId, { values: request.body, ...refused }),
        () => go(request, reply, `${meetingPath(body, meetingId)}?ok=zmieniono`),
      );
    },
  );

  app.post(
    '/admin/zespoly/:id/posiedzenia/:meetingId/odwolanie',
    { config, schema: { params: MeetingParams, body: FormBody } },
    async (request, reply) => {
      const body = await svc.getBody(ctx, request.params.id);
      await msvc.cancelMeeting(ctx, body, request.params.meetingId, auditFromRequest(request));
      return go(request, reply, `${meetingPath(body, request.params.meetingId)}?ok=odwolano`);
    },
  );

  // --- minutes ------------------------------------------------------------------------------------

  const minutesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: repo.BodyRow,
    meeting: mrepo.MeetingRow,
    form: FormState & { ok?: string } = {},
  ) => {
    const base = meetingPath(body, meeting.id);
    const agenda = await mrepo.listAgenda(ctx.db, meeting.id);
    const texts = await mrepo.listMinutes(ctx.db, meeting.id);
    return staffPage(
      request,
      reply,
      body,
      request.t('bodies.minutes.edit'),
      [{ label: meetingTitle(request, meeting), path: base }],
      <nv.MinutesEditView
        bodyName={body.name}
        base={base}
        agenda={agenda}
        values={form.values ?? Object.fromEntries(agenda.map((a) => [`item_${a.id}`, texts.get(a.id) ?? '']))}
        problems={form.problems ?? []}
        csrf={reply.generateCsrf()}
        notice={
          form.ok === 'zapisano'
            ? request.t('bodies.minutes.saved')
            : form.ok === 'projekt' && meeting.minutes_comments_until
              ? request.t('bodies.minutes.published', { day: request.fmt.date(meeting.minutes_comments_until) })
              : null
        }
        commentsUntil={meeting.minutes_comments_until}
        comments={await mrepo.listMinutesComments(ctx.db, meeting.id)}
      />,
      form.status,
    );
  };

  app.get(
    '/admin/zespoly/:id/posiedzenia/:meetingId/protokol',
    { config, schema: { params: MeetingParams, querystring: OkQuery } },
    async (request, reply) => {
      const { body, meeting } = await load(request.params);
      return minutesPage(request, reply, body, meeting, { ok: request.query.ok });
    },
  );

  /**
   * The three minutes actions (save the texts, share the draft with members, approve): the service
   * does the work; a refusal draws the minutes form again with its problems, success redirects.
   */
  const minutesAction = (
    suffix: string,
    run: (body: repo.BodyRow, meeting: mrepo.MeetingRow, form: Record<string, string>, actor: Actor) => Promise<unknown>,
    done: (meetingPath: string) => string,
    keepValues = true,
  ) =>
    app.post(
      `/admin/zespoly/:id/posiedzenia/:meetingId/protokol${suffix}`,
      { config, schema: { params: MeetingParams, body: FormBody } },
      async (request, reply) => {
        const { body, meeting } = await load(request.params);
        return onForm(
          ctx,
          () => run(body, meeting, request.body, auditFromRequest(request)),
          (refused) => minutesPage(request, reply, body, meeting, { values: keepValues ? request.body : undefined, ...refused }),
          () => go(request, reply, done(meetingPath(body, meeting.id))),
        );
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
      return publicPage(
        request,
        reply,
        body,
        title,
        [],
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

  const answers = answerFlow(
    ctx,
    'bodies.answer.title',
    (view: msvc.InvitationView, form) => (
      <mv.AnswerView body={view.body} meeting={view.meeting} agenda={view.agenda} answer={view.invitation.answer} {...form} />
    ),
    (view, form) => msvc.answerInvitation(ctx, view, form),
    (view, given) => ({ ...view, invitation: { ...view.invitation, answer: given } }),
  );

  /** The invitation a one-click link stands for. */
  const byLink = async (token: string) => ({ view: await msvc.invitationByToken(ctx, token), action: `/zespoly/zaproszenie/${token}` });

  app.get('/zespoly/zaproszenie/:token', { config: { access: 'public' }, schema: { params: TokenParams } }, async (request, reply) =>
    answers.show(request, reply, await byLink(request.params.token)),
  );

  app.post(
    '/zespoly/zaproszenie/:token',
    { config: { access: 'public' }, schema: { params: TokenParams, body: FormBody } },
    async (request, reply) => answers.submit(request, reply, await byLink(request.params.token), request.body),
  );

  const member = memberSpaceRoute(ctx);

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
  const draftPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    d: Awaited<ReturnType<typeof draftOf>>,
    form: FormState & { notice?: string } = {},
  ) => {
    const agenda = await mrepo.listAgenda(ctx.db, d.meeting.id);
    const texts = await mrepo.listMinutes(ctx.db, d.meeting.id);
    const mine = new Map(
      (await mrepo.listMinutesComments(ctx.db, d.meeting.id))
        .filter((c) => c.membership_id === d.membership.id)
        .map((c) => [c.agenda_item_id, c.text]),
    );
    const title = request.t('bodies.minutes.draftOf', { when: request.fmt.dateTime(d.meeting.starts_at) });
    return publicPage(
      request,
      reply,
      d.body,
      title,
      [{ label: request.t('bodies.space.link'), path: `/zespoly/${d.body.slug}/dla-czlonkow` }],
      <nv.DraftMinutesView
        title={title}
        bodyName={d.body.name}
        agenda={agenda}
        texts={agenda.map((a) => renderMarkdown(texts.get(a.id) ?? ''))}
        mine={mine}
        open={nsvc.commentsOpen(ctx, d.meeting)}
        until={d.meeting.minutes_comments_until!}
        action={`/zespoly/${d.body.slug}/dla-czlonkow/protokoly/${d.meeting.id}`}
        values={form.values ?? {}}
        problems={form.problems ?? []}
        csrf={reply.generateCsrf()}
        notice={form.notice ?? null}
      />,
      form.status,
    );
  };

  app.get(
    '/zespoly/:slug/dla-czlonkow/protokoly/:meetingId',
    { ...member, schema: { params: PublicMeetingParams } },
    async (request, reply) => draftPage(request, reply, await draftOf(request.user!.id, request.params.slug, request.params.meetingId)),
  );

  app.post(
    '/zespoly/:slug/dla-czlonkow/protokoly/:meetingId',
    { ...member, schema: { params: PublicMeetingParams, body: FormBody } },
    async (request, reply) => {
      const d = await draftOf(request.user!.id, request.params.slug, request.params.meetingId);
      return onForm(
        ctx,
        () => nsvc.commentDraft(ctx, d.meeting, d.membership, request.body),
        (refused) => draftPage(request, reply, d, { values: request.body, ...refused }),
        () => draftPage(request, reply, d, { notice: request.t('bodies.minutes.commentsSaved') }),
      );
    },
  );

  /** The invitation of the signed-in member on their body's page (`:slug`), answered in the member space. */
  const inSpace = async (userId: string, params: { slug: string; invitationId: string }) => {
    const view = await msvc.invitationOfUser(ctx, userId, params.invitationId);
    if (view.body.slug !== params.slug) throw new AppError('http.not_found');
    return { view, action: `/zespoly/${params.slug}/dla-czlonkow/zaproszenia/${params.invitationId}` };
  };

  app.get(
    '/zespoly/:slug/dla-czlonkow/zaproszenia/:invitationId',
    { ...member, schema: { params: MemberInvitationParams } },
    async (request, reply) => answers.show(request, reply, await inSpace(request.user!.id, request.params)),
  );

  app.post(
    '/zespoly/:slug/dla-czlonkow/zaproszenia/:invitationId',
    { ...member, schema: { params: MemberInvitationParams, body: FormBody } },
    async (request, reply) => answers.submit(request, reply, await inSpace(request.user!.id, request.params), request.body),
  );
}
