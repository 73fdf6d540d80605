// Routes of agenda items' links (coordinators and administrators): the page of one item of a
// meeting, where staff make it public or internal, attach library documents found by title and link
// the object it concerns, found by name among the kinds other modules contribute.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../core/errors/app-error.js';
import { formBody, submitForm } from '../../core/http/forms.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import * as asvc from './agenda.service.js';
import { AgendaItemView } from './agenda.views.js';
import { manageBodies } from './bodies.policy.js';
import * as svc from './bodies.service.js';
import * as msvc from './meetings.service.js';
import { bodiesRefusals, go, ID, staffCrumbs } from './shared/http.js';

const ItemParams = Type.Object({
  id: Type.String({ pattern: ID }),
  meetingId: Type.String({ pattern: ID }),
  itemId: Type.String({ pattern: ID }),
});
const ItemQuery = Type.Object({
  dq: Type.Optional(Type.String({ maxLength: 200 })),
  rodzaj: Type.Optional(Type.String({ maxLength: 60 })),
  oq: Type.Optional(Type.String({ maxLength: 200 })),
  ok: Type.Optional(Type.String({ maxLength: 20 })),
});
const FormBody = formBody({ maxLength: 2000, maxProperties: 200 });

export async function agendaRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const config = { access: manageBodies };
  const refusals = bodiesRefusals(ctx);
  const PATH = '/admin/zespoly/:id/posiedzenia/:meetingId/punkty/:itemId';

  const load = async (params: { id: string; meetingId: string; itemId: string }) => {
    const body = await svc.getBody(ctx, params.id);
    const meeting = await msvc.getMeeting(ctx, body, params.meetingId);
    const item = await asvc.getAgendaItem(ctx, meeting, params.itemId);
    return { body, meeting, item };
  };

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    loaded: Awaited<ReturnType<typeof load>>,
    search: { documents?: string; kind?: string; objects?: string },
    values: Record<string, string> | null = null,
    problems: Problem[] = [],
    status = 200,
    ok?: string,
  ) => {
    const { body, meeting, item } = loaded;
    const meetingPath = `/admin/zespoly/${body.id}/posiedzenia/${meeting.id}`;
    const meetingTitle = request.t('bodies.meeting.meetingOf', { when: request.fmt.dateTime(meeting.starts_at) });
    const title = request.t('bodies.agenda.editOf', { item: item.title });
    const editor = await asvc.itemEditor(ctx, item, search, request.lang);
    return sendPage(
      request,
      reply,
      {
        title,
        breadcrumbs: [
          ...staffCrumbs(request, body),
          { label: request.t('bodies.meeting.title'), path: `/admin/zespoly/${body.id}/posiedzenia` },
          { label: meetingTitle, path: meetingPath },
          { label: title },
        ],
      },
      <AgendaItemView
        bodyName={body.name}
        path={`${meetingPath}/punkty/${item.id}`}
        editor={editor}
        search={{ documents: search.documents ?? '', kind: search.kind ?? '', objects: search.objects ?? '' }}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
        notice={ok === 'zapisano' ? request.t('bodies.agenda.saved') : null}
        locked={meeting.status !== 'planned' && meeting.status !== 'held'}
      />,
      status,
    );
  };

  app.get(PATH, { config, schema: { params: ItemParams, querystring: ItemQuery } }, async (request, reply) => {
    const q = request.query;
    return page(request, reply, await load(request.params), { documents: q.dq, kind: q.rodzaj, objects: q.oq }, null, [], 200, q.ok);
  });

  app.post(PATH, { config, schema: { params: ItemParams, body: FormBody } }, async (request, reply) => {
    const loaded = await load(request.params);
    const saved = await submitForm(
      () => asvc.saveAgendaItem(ctx, loaded.body, loaded.meeting, loaded.item, request.body, auditFromRequest(request)),
      refusals,
    );
    if (!saved.ok) return page(request, reply, loaded, {}, request.body, saved.problems, saved.status);
    const path = `/admin/zespoly/${loaded.body.id}/posiedzenia/${loaded.meeting.id}/punkty/${loaded.item.id}?ok=zapisano`;
    return go(request, reply, path);
  });
}
