// Staff routes of the bodies module: bodies, terms, seat categories and memberships. Coordinators and
// administrators only; every change is audited by the service; a refused form re-renders with its
// problems and changes nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type Problem } from '../../core/errors/app-error.js';
import { formBody, submitForm } from '../../core/http/forms.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import type { TKey } from '../../i18n/index.js';
import { auditFromRequest } from '../audit/index.js';
import * as av from './admin.views.js';
import { manageBodies } from './bodies.policy.js';
import * as repo from './bodies.repo.js';
import * as svc from './bodies.service.js';
import { bodiesRefusals, go, ID, IdParams, OkQuery, okNotice, staffCrumbs } from './shared/http.js';

const TermParams = Type.Object({ id: Type.String({ pattern: ID }), termId: Type.String({ pattern: ID }) });
const MemberParams = Type.Object({
  id: Type.String({ pattern: ID }),
  termId: Type.String({ pattern: ID }),
  memberId: Type.String({ pattern: ID }),
});
const FormBody = formBody({ maxLength: 20000, maxProperties: 30 });

type Values = Record<string, string | undefined>;

/** The form values of a saved body, as the form names them. */
function bodyValues(b: repo.BodyRow): Values {
  const flag = (x: boolean) => (x ? '1' : '');
  return {
    name: b.name,
    slug: b.slug,
    type: b.type,
    legal_basis: b.legal_basis ?? '',
    description: b.description,
    is_composition_public: flag(b.is_composition_public),
    is_minutes_public: flag(b.is_minutes_public),
    quorum_kind: b.quorum_kind,
    quorum_fraction: b.quorum_numerator !== null ? `${b.quorum_numerator}/${b.quorum_denominator}` : '',
    quorum_count: b.quorum_count !== null ? String(b.quorum_count) : '',
    majority: b.majority,
    is_substitutes_allowed: flag(b.is_substitutes_allowed),
    is_substitutes_quorum: flag(b.is_substitutes_quorum),
    is_votes_named: flag(b.is_votes_named),
  };
}

const NEW_BODY: Values = {
  type: 'committee',
  quorum_kind: 'fraction',
  quorum_fraction: '1/2',
  majority: 'simple',
  is_composition_public: '1',
};

export async function adminRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const config = { access: manageBodies };
  const refusals = bodiesRefusals(ctx);
  const crumbs = staffCrumbs;
  const notices: Record<string, TKey> = {
    utworzono: 'bodies.admin.created',
    zapisano: 'bodies.admin.saved',
    kadencja: 'bodies.admin.termAdded',
    miejsca: 'bodies.admin.seatAdded',
    czlonek: 'bodies.admin.memberAdded',
    koniec: 'bodies.admin.memberEnded',
  };
  const notice = (request: FastifyRequest, ok: string | undefined) => okNotice(request, ok, notices);

  app.get('/admin/zespoly', { config }, async (request, reply) =>
    sendPage(
      request,
      reply,
      {
        title: request.t('bodies.admin.title'),
        breadcrumbs: [{ label: request.t('accounts.admin'), path: '/admin' }, { label: request.t('bodies.admin.title') }],
      },
      <av.AdminListView bodies={await repo.listBodies(ctx.db)} />,
    ),
  );

  const bodyPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: repo.BodyRow | null,
    values: Values,
    problems: Problem[] = [],
    status = 200,
    ok?: string,
  ) => {
    const title = body ? body.name : request.t('bodies.admin.new');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...crumbs(request), { label: title }] },
      <av.BodyFormView
        body={body}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
        notice={notice(request, ok)}
        terms={body ? await repo.listTerms(ctx.db, body.id) : []}
      />,
      status,
    );
  };

  app.get('/admin/zespoly/nowy', { config }, async (request, reply) => bodyPage(request, reply, null, NEW_BODY));

  app.post('/admin/zespoly/nowy', { config, schema: { body: FormBody } }, async (request, reply) => {
    const saved = await submitForm(() => svc.createBody(ctx, request.body, auditFromRequest(request)), refusals);
    if (!saved.ok) return bodyPage(request, reply, null, request.body, saved.problems, saved.status);
    return go(request, reply, `/admin/zespoly/${saved.value}?ok=utworzono`);
  });

  app.get('/admin/zespoly/:id', { config, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) => {
    const body = await svc.getBody(ctx, request.params.id);
    return bodyPage(request, reply, body, bodyValues(body), [], 200, request.query.ok);
  });

  app.post('/admin/zespoly/:id', { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const body = await svc.getBody(ctx, request.params.id);
    const saved = await submitForm(() => svc.updateBody(ctx, body.id, request.body, auditFromRequest(request)), refusals);
    if (!saved.ok) return bodyPage(request, reply, body, request.body, saved.problems, saved.status);
    return go(request, reply, `/admin/zespoly/${body.id}?ok=zapisano`);
  });

  app.post('/admin/zespoly/:id/kadencje', { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const body = await svc.getBody(ctx, request.params.id);
    const saved = await submitForm(() => svc.addTerm(ctx, body.id, request.body, auditFromRequest(request)), refusals);
    if (!saved.ok) return bodyPage(request, reply, body, { ...bodyValues(body), ...request.body }, saved.problems, saved.status);
    return go(request, reply, `/admin/zespoly/${body.id}/kadencje/${saved.value}?ok=kadencja`);
  });

  const termPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: repo.BodyRow,
    term: repo.TermRow,
    values: Values = {},
    problems: Problem[] = [],
    status = 200,
    ok?: string,
  ) => {
    const title = request.t('bodies.admin.openTerm', { number: term.number });
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...crumbs(request, body), { label: title }] },
      <av.TermAdminView
        body={body}
        term={term}
        seats={await repo.listSeats(ctx.db, term.id)}
        memberships={await repo.listMemberships(ctx.db, term.id)}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
        notice={notice(request, ok)}
      />,
      status,
    );
  };

  const load = async (params: { id: string; termId: string }) => {
    const body = await svc.getBody(ctx, params.id);
    return { body, term: await svc.getTerm(ctx, body.id, params.termId) };
  };

  app.get(
    '/admin/zespoly/:id/kadencje/:termId',
    { config, schema: { params: TermParams, querystring: OkQuery } },
    async (request, reply) => {
      const { body, term } = await load(request.params);
      return termPage(request, reply, body, term, {}, [], 200, request.query.ok);
    },
  );

  app.post(
    '/admin/zespoly/:id/kadencje/:termId/miejsca',
    { config, schema: { params: TermParams, body: FormBody } },
    async (request, reply) => {
      const { body, term } = await load(request.params);
      const saved = await submitForm(() => svc.addSeat(ctx, term, request.body, auditFromRequest(request)), refusals);
      if (!saved.ok) return termPage(request, reply, body, term, request.body, saved.problems, saved.status);
      return go(request, reply, `/admin/zespoly/${body.id}/kadencje/${term.id}?ok=miejsca`);
    },
  );

  app.post(
    '/admin/zespoly/:id/kadencje/:termId/czlonkowie',
    { config, schema: { params: TermParams, body: FormBody } },
    async (request, reply) => {
      const { body, term } = await load(request.params);
      const saved = await submitForm(
        () => svc.addMembership(ctx, body, term, request.body, auditFromRequest(request), request.lang, request.user?.displayName ?? ''),
        refusals,
      );
      if (!saved.ok) return termPage(request, reply, body, term, request.body, saved.problems, saved.status);
      return go(request, reply, `/admin/zespoly/${body.id}/kadencje/${term.id}?ok=czlonek`);
    },
  );

  const endPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    params: { id: string; termId: string; memberId: string },
    values: Values = {},
    problems: Problem[] = [],
    status = 200,
  ) => {
    const { body, term } = await load(params);
    const membership = await repo.findMembership(ctx.db, params.memberId);
    if (!membership || membership.term_id !== term.id) throw new AppError('http.not_found');
    const title = request.t('bodies.admin.endMember', { name: membership.person_name });
    return sendPage(
      request,
      reply,
      {
        title,
        breadcrumbs: [
          ...crumbs(request, body),
          { label: request.t('bodies.admin.openTerm', { number: term.number }), path: `/admin/zespoly/${body.id}/kadencje/${term.id}` },
          { label: title },
        ],
      },
      <av.EndMemberView body={body} term={term} membership={membership} values={values} problems={problems} csrf={reply.generateCsrf()} />,
      status,
    );
  };

  app.get(
    '/admin/zespoly/:id/kadencje/:termId/czlonkowie/:memberId/koniec',
    { config, schema: { params: MemberParams } },
    async (request, reply) => endPage(request, reply, request.params),
  );

  app.post(
    '/admin/zespoly/:id/kadencje/:termId/czlonkowie/:memberId/koniec',
    { config, schema: { params: MemberParams, body: FormBody } },
    async (request, reply) => {
      const { body, term } = await load(request.params);
      const saved = await submitForm(
        () => svc.endMembership(ctx, term, request.params.memberId, request.body, auditFromRequest(request)),
        refusals,
      );
      if (!saved.ok) return endPage(request, reply, request.params, request.body, saved.problems, saved.status);
      return go(request, reply, `/admin/zespoly/${body.id}/kadencje/${term.id}?ok=koniec`);
    },
  );
}
