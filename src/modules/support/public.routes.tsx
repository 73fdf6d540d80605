// Public routes of the support module: the centres, one centre, "Gdzie szukać wsparcia?" (a GET
// form: the gmina by name, Polish letters optional) and the "Chcę założyć podmiot" form (rate limited,
// honeypot, CSRF as every POST), plus the JSON API of centres and of the centre serving a gmina.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../core/errors/app-error.js';
import { UUID_PATTERN } from '../../core/db/ids.js';
import { formBody, submitForm } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { warsawToday } from '../../core/time/index.js';
import { retentionMonths, submitLead } from './leads.service.js';
import * as svc from './support.service.js';
import { resolveGmina } from '../territory/index.js';
import * as v from './public.views.js';
import { centreResults, regionResults } from './results/results.service.js';
import { CentreResultsSection, RegionComparisonSection } from './results/results.views.js';

export const CentreParams = Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) });
const LeadBody = formBody({ maxLength: 4000, maxProperties: 20 });

export async function publicRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const root = (request: FastifyRequest) => ({ label: request.t('support.title'), path: '/wsparcie' });

  app.get('/wsparcie', { config: { access: 'public' } }, async (request, reply) => {
    const [centres, gminy, results] = await Promise.all([
      svc.listCentreDetails(ctx, request.lang),
      svc.gminaOptions(ctx, request.lang),
      regionResults(ctx, request.lang),
    ]);
    return sendPage(
      request,
      reply,
      { title: request.t('support.title') },
      <>
        <v.CentreListView centres={centres} today={warsawToday(ctx.clock)} gminy={gminy} />
        <RegionComparisonSection table={results} />
      </>,
    );
  });

  app.get(
    '/wsparcie/gdzie',
    { config: { access: 'public' }, schema: { querystring: Type.Object({ gmina: Type.Optional(Type.String({ maxLength: 200 })) }) } },
    async (request, reply) => {
      const gminy = await svc.gminaOptions(ctx, request.lang);
      const text = (request.query.gmina ?? '').trim();
      let result: v.FinderResult = { kind: 'empty' };
      if (text !== '') {
        // a near-miss name is offered, never answered for: the person chooses
        const found = resolveGmina(gminy, text);
        if (found.kind === 'found') result = { kind: 'answer', answer: await svc.supportFor(ctx, found.gmina, request.lang) };
        else if (found.kind === 'ambiguous') result = { kind: 'choose', text, options: found.candidates };
        else if (found.kind === 'unknown' && found.suggestions.length > 0) result = { kind: 'suggest', text, options: found.suggestions };
        else result = { kind: 'notFound', text };
      }
      const title =
        result.kind === 'answer'
          ? request.t('support.finder.answerTitle', { name: result.answer.gmina.name })
          : request.t('support.finder.title');
      return sendPage(
        request,
        reply,
        { title, breadcrumbs: [root(request), { label: request.t('support.finder.title') }] },
        <v.FinderView gminy={gminy} result={result} value={result.kind === 'answer' ? result.answer.gmina.label : text} />,
      );
    },
  );

  const leadPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: Problem[] = [],
    sentTo: string | null = null,
    status = 200,
  ) =>
    sendPage(
      request,
      reply,
      { title: request.t('support.lead.title'), breadcrumbs: [root(request), { label: request.t('support.lead.title') }] },
      <v.LeadFormView
        gminy={await svc.gminaOptions(ctx, request.lang)}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
        sentTo={sentTo}
        retentionMonths={await retentionMonths(ctx)}
      />,
      status,
    );

  app.get(
    '/wsparcie/zaloz-podmiot',
    {
      config: { access: 'public' },
      schema: {
        querystring: Type.Object({
          gmina: Type.Optional(Type.String({ maxLength: 200 })),
          wyslano: Type.Optional(Type.String({ maxLength: 40 })),
        }),
      },
    },
    async (request, reply) => {
      const to = request.query.wyslano;
      const centre = to && to !== 'tak' && new RegExp(UUID_PATTERN).test(to) ? await svc.findCentre(ctx, to) : undefined;
      const sentTo = to === undefined ? null : (centre?.name ?? '');
      return leadPage(request, reply, { gmina: request.query.gmina ?? '' }, [], sentTo);
    },
  );

  app.post(
    '/wsparcie/zaloz-podmiot',
    { config: { access: 'public', rateLimit: { max: 5, timeWindow: '10 minutes' } }, schema: { body: LeadBody } },
    async (request, reply) => {
      const sent = await submitForm(() => submitLead(ctx, request.body, request.lang), {
        errors: ctx.errors,
        codes: (code) => code.startsWith('support.'),
      });
      if (!sent.ok) return leadPage(request, reply, request.body, sent.problems, null, sent.status);
      // a bot (honeypot) is told "sent" too, without a centre
      return reply.redirect(localize(`/wsparcie/zaloz-podmiot?wyslano=${sent.value ?? 'tak'}`, request.lang), 303);
    },
  );

  app.get('/wsparcie/:id', { config: { access: 'public' }, schema: { params: CentreParams } }, async (request, reply) => {
    const d = await svc.centreDetail(ctx, request.params.id, request.lang);
    const results = await centreResults(ctx, d.centre.id, request.lang);
    return sendPage(
      request,
      reply,
      { title: d.centre.name, breadcrumbs: [root(request), { label: d.centre.name }] },
      <>
        <v.CentreView d={d} />
        <CentreResultsSection table={results} />
      </>,
    );
  });
}
