// Public routes of the bodies module: the list of bodies, a body's page with today's composition,
// the history of a term, and the member space (anonymous visitors get 404 so the space is not even
// seen to exist; other signed-in users 403; members of that body only).
import type { ComponentChildren } from 'preact';
import * as agsvc from './agenda.service.js';
import { PublicAgenda } from './agenda.views.js';
import { Type } from 'typebox';
import { AppError } from '../../core/errors/app-error.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { renderMarkdown } from '../../core/text/markdown.js';
import { listSubregionsWithMembers } from '../territory/index.js';
import { isInsider } from './bodies.policy.js';
import * as repo from './bodies.repo.js';
import * as svc from './bodies.service.js';
import * as v from './public.views.js';
import * as mrepo from './meetings.repo.js';
import * as mv from './meetings.views.js';
import * as nv from './minutes.views.js';
import * as prepo from './procedures/procedures.repo.js';
import * as pv from './procedures/procedures.views.js';
import { memberSpaceRoute, publicCrumbs } from './shared/http.js';

export const SlugParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }) });
const TermQuery = Type.Object({ kadencja: Type.Optional(Type.Integer({ minimum: 1, maximum: 9999 })) });

export async function publicRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const crumbs = publicCrumbs;

  app.get('/zespoly', { config: { access: 'public' } }, async (request, reply) =>
    sendPage(
      request,
      reply,
      { title: request.t('bodies.title'), breadcrumbs: [{ label: request.t('bodies.title') }] },
      <v.ListView bodies={await repo.listBodies(ctx.db)} />,
    ),
  );

  app.get('/zespoly/:slug', { config: { access: 'public' }, schema: { params: SlugParams } }, async (request, reply) => {
    const body = await svc.getBodyBySlug(ctx, request.params.slug);
    const page = await svc.bodyPage(ctx, body);
    const subregion = body.subregion_id ? (await listSubregionsWithMembers(ctx)).find((s) => s.id === body.subregion_id) : undefined;
    const member = request.user ? (await repo.bodyIdsOfUser(ctx.db, request.user.id)).includes(body.id) : false;
    const meetings = (await mrepo.listMeetings(ctx.db, body.id)).filter((m) => m.is_public);
    // the public items of planned meetings, with their documents and linked object (internal items never)
    const agendas = new Map<string, ComponentChildren>();
    for (const m of meetings.filter((x) => x.status === 'planned')) {
      const a = await agsvc.publicAgenda(ctx, m.id, request.lang);
      agendas.set(m.id, <PublicAgenda items={a.items} links={a.links} />);
    }
    return sendPage(
      request,
      reply,
      { title: body.name, breadcrumbs: [...crumbs(request), { label: body.name }] },
      <v.BodyView
        body={body}
        descriptionHtml={body.description ? renderMarkdown(body.description) : ''}
        subregionName={subregion ? (request.lang === 'en' ? subregion.name_en : subregion.name_pl) : null}
        term={page.term}
        terms={page.terms}
        groups={page.groups}
        meetings={<mv.PublicMeetings body={body} meetings={meetings} agendas={agendas} />}
      >
        {member ? (
          <p>
            <a href={localize(`/zespoly/${body.slug}/dla-czlonkow`, request.lang)}>{request.t('bodies.space.link')}</a>
          </p>
        ) : null}
        {body.is_minutes_public || isInsider(request.user, body.id) ? <pv.RecordsLinks slug={body.slug} terms={page.terms} /> : null}
      </v.BodyView>,
    );
  });

  app.get(
    '/zespoly/:slug/historia',
    { config: { access: 'public' }, schema: { params: SlugParams, querystring: TermQuery } },
    async (request, reply) => {
      const body = await svc.getBodyBySlug(ctx, request.params.slug);
      if (!body.is_composition_public) throw new AppError('http.not_found');
      const page = await svc.bodyPage(ctx, body, request.query.kadencja);
      if (!page.term) throw new AppError('http.not_found');
      const title = request.t('bodies.historyOf', { number: page.term.number });
      return sendPage(
        request,
        reply,
        { title, breadcrumbs: [...crumbs(request, body), { label: title }] },
        <v.HistoryView body={body} term={page.term} seats={page.seats} memberships={svc.publicMemberships(page.memberships, true)} />,
      );
    },
  );

  app.get(
    '/zespoly/:slug/dla-czlonkow',
    // to an anonymous visitor the member space does not exist (404 before the access rule)
    { ...memberSpaceRoute(ctx), schema: { params: SlugParams } },
    async (request, reply) => {
      const body = await svc.getBodyBySlug(ctx, request.params.slug);
      const page = await svc.bodyPage(ctx, body);
      const userId = request.user!.id;
      const terms = page.terms;
      const mine: repo.MembershipRow[] = [];
      const seats: repo.SeatRow[] = [];
      for (const term of terms) {
        mine.push(...(await repo.listMemberships(ctx.db, term.id)).filter((m) => m.user_id === userId));
        seats.push(...(await repo.listSeats(ctx.db, term.id)));
      }
      const title = request.t('bodies.space.title', { body: body.name });
      return sendPage(
        request,
        reply,
        { title, breadcrumbs: [...crumbs(request, body), { label: request.t('bodies.space.link') }] },
        <v.SpaceView body={body} mine={mine} seats={seats}>
          <mv.MemberInvitations slug={body.slug} items={await mrepo.listInvitationsOfUser(ctx.db, body.id, userId)} />
          <nv.DraftList slug={body.slug} meetings={mine.length ? await mrepo.listDraftMinutesMeetings(ctx.db, body.id) : []} />
          <pv.MemberProcedures slug={body.slug} items={await prepo.listOpenOfUser(ctx.db, body.id, userId)} />
        </v.SpaceView>,
      );
    },
  );
}
