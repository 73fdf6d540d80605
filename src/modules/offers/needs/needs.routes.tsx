// Routes of buyers' needs. Public: the list of published needs and a need's page (its buyer and
// staff also see it in any state, with the next step's form). Logged-in users: a new need, "my
// needs". The buyer and staff: edit, submit, close. Staff: the moderation list and the decision
// (publish / send back with a message / reject), each in the audit log.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../../core/errors/app-error.js';
import { AppError } from '../../../core/errors/app-error.js';
import { formBody, formBodyWithLists, submitForm, type FormRefusals } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { warsawToday } from '../../../core/time/index.js';
import { auditFromRequest } from '../../audit/index.js';
import { cpvLabels } from '../cpv/cpv.service.js';
import { isOffersStaff } from '../offers.policy.js';
import { unitChoices } from '../offers.service.js';
import { representedIds } from '../../registry/index.js';
import { answerAsEntity, manageNeed, moderateNeeds } from './needs.policy.js';
import * as svc from './needs.service.js';
import * as v from './needs.views.js';

const IdParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' }) });
const NoticeQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });
const NeedBody = formBodyWithLists({ maxLength: 2000, maxProperties: 30, maxItems: 200, maxItemLength: 7 });
const DecisionBody = formBody({ maxLength: 2000, maxProperties: 5 });
const PostBody = formBody({ maxLength: 200, maxProperties: 5 });

const NOTICES = {
  dodano: 'needs.notices.created',
  zapisano: 'needs.notices.saved',
  zgloszono: 'needs.notices.submitted',
  zamknieto: 'needs.notices.closed',
  decyzja: 'needs.notices.decided',
  wynik: 'needs.outcome.saved',
} as const;

export async function needsRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const refusals: FormRefusals = { errors: ctx.errors, codes: (code) => code === 'offers.need_state' };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const listCrumb = (request: FastifyRequest) => [
    { label: request.t('offers.title'), path: '/oferta' },
    { label: request.t('needs.title'), path: '/oferta/potrzeby' },
  ];
  const unitNames = async () => {
    const u = await unitChoices(ctx);
    return new Map([...u.powiaty, ...u.gminy].map((x) => [x.teryt, x.name]));
  };
  const noticeOf = (request: FastifyRequest, ok: string | undefined) =>
    ok !== undefined && ok in NOTICES ? request.t(NOTICES[ok as keyof typeof NOTICES]) : null;

  app.get('/oferta/potrzeby', { config: { access: 'public' } }, async (request, reply) =>
    sendPage(
      request,
      reply,
      { title: request.t('needs.title'), breadcrumbs: [listCrumb(request)[0]!, { label: request.t('needs.title') }] },
      <v.NeedsListView needs={await svc.publishedNeeds(ctx)} canAdd={request.user !== null} />,
    ),
  );

  app.get('/oferta/potrzeby/moje', { config: { access: 'authenticated' } }, async (request, reply) =>
    sendPage(
      request,
      reply,
      { title: request.t('needs.mine'), breadcrumbs: [...listCrumb(request), { label: request.t('needs.mine') }] },
      <v.MyNeedsView needs={await svc.needsOf(ctx, request.user!.id)} />,
    ),
  );

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    need: svc.NeedRow | null,
    values: Record<string, string | string[] | undefined>,
    problems: Problem[] = [],
    status = 200,
  ) => {
    const title = request.t(need ? 'needs.editTitle' : 'needs.newTitle');
    const crumbs = need ? [...listCrumb(request), { label: need.title, path: svc.needPath(need) }] : listCrumb(request);
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...crumbs, { label: title }] },
      <v.NeedFormView
        title={title}
        action={need ? `${svc.needPath(need)}/edycja` : '/oferta/potrzeby/nowa'}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
        units={await unitChoices(ctx)}
        recipients={need ? await svc.recipientCount(ctx, need) : null}
      />,
      status,
    );
  };

  app.get('/oferta/potrzeby/nowa', { config: { access: 'authenticated' } }, async (request, reply) =>
    formPage(request, reply, null, { kind: 'quote', area_scope: 'region', amount_kind: 'undisclosed' }),
  );

  app.post('/oferta/potrzeby/nowa', { config: { access: 'authenticated' }, schema: { body: NeedBody } }, async (request, reply) => {
    const actor = { ...auditFromRequest(request), actorId: request.user!.id };
    const saved = await submitForm(() => svc.createNeed(ctx, request.body, actor), refusals);
    if (!saved.ok) return formPage(request, reply, null, request.body, saved.problems, saved.status);
    return go(request, reply, `/oferta/potrzeby/${saved.value}?ok=dodano`);
  });

  const needPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    notice: string | null,
    decision: { values: Record<string, string>; problems: Problem[]; status: number } = { values: {}, problems: [], status: 200 },
  ) => {
    const user = request.user;
    const need = await svc.needForPage(ctx, id, user);
    const manages = svc.mayManage(user, need);
    if (manages) reply.header('cache-control', 'private, no-store');
    const staff = user !== null && isOffersStaff(user);
    return sendPage(
      request,
      reply,
      { title: need.title, breadcrumbs: [...listCrumb(request), { label: need.title }] },
      <v.NeedView
        need={need}
        cpvLabels={await cpvLabels(ctx, need.cpv ? [need.cpv] : [])}
        areas={await svc.areasOf(ctx, need.id)}
        unitNames={await unitNames()}
        notice={notice}
        representing={
          user !== null && need.status === 'published'
            ? (await svc.answersForRepresentative(ctx, need.id, representedIds(user))).map((a) => ({
                id: a.row.entity_id,
                name: a.entityName,
              }))
            : []
        }
        manage={
          manages
            ? {
                recipients: await svc.recipientCount(ctx, need),
                canEdit: svc.mayEdit(user, need),
                canSubmit: svc.isOwner(user, need) && (need.status === 'draft' || need.status === 'changes_requested'),
                canClose: need.status === 'published',
                canDecide: staff && need.status === 'submitted',
                csrf: reply.generateCsrf(),
                problems: decision.problems,
                values: decision.values,
                answers: await svc.answersOf(ctx, need.id),
                showFunnel: staff,
                canRecordOutcome: svc.mayRecordOutcome(need, warsawToday(ctx.clock)),
              }
            : null
        }
      />,
      decision.status,
    );
  };

  app.get(
    '/oferta/potrzeby/:id',
    { config: { access: 'public' }, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => needPage(request, reply, request.params.id, noticeOf(request, request.query.ok)),
  );

  const manage = { access: manageNeed(ctx) };

  app.get('/oferta/potrzeby/:id/edycja', { config: manage, schema: { params: IdParams } }, async (request, reply) => {
    const need = await svc.getNeed(ctx, request.params.id);
    if (!svc.mayEdit(request.user, need)) throw new AppError('offers.need_state', { state: need.status });
    return formPage(request, reply, need, await svc.formValuesOf(ctx, need));
  });

  app.post('/oferta/potrzeby/:id/edycja', { config: manage, schema: { params: IdParams, body: NeedBody } }, async (request, reply) => {
    const need = await svc.getNeed(ctx, request.params.id);
    if (!svc.mayEdit(request.user, need)) throw new AppError('offers.need_state', { state: need.status });
    const saved = await submitForm(() => svc.updateNeed(ctx, need.id, request.body, auditFromRequest(request)), refusals);
    if (!saved.ok) return formPage(request, reply, need, request.body, saved.problems, saved.status);
    return go(request, reply, `${svc.needPath(need)}?ok=zapisano`);
  });

  app.post('/oferta/potrzeby/:id/zglos', { config: manage, schema: { params: IdParams, body: PostBody } }, async (request, reply) => {
    const need = await svc.getNeed(ctx, request.params.id);
    if (!svc.isOwner(request.user, need)) throw new AppError('http.forbidden');
    await svc.submitNeed(ctx, need.id, auditFromRequest(request));
    return go(request, reply, `${svc.needPath(need)}?ok=zgloszono`);
  });

  app.post('/oferta/potrzeby/:id/zamknij', { config: manage, schema: { params: IdParams, body: PostBody } }, async (request, reply) => {
    await svc.closeNeed(ctx, request.params.id, auditFromRequest(request));
    return go(request, reply, `/oferta/potrzeby/${request.params.id}?ok=zamknieto`);
  });

  app.post(
    '/oferta/potrzeby/:id/decyzja',
    { config: { access: moderateNeeds }, schema: { params: IdParams, body: DecisionBody } },
    async (request, reply) => {
      const done = await submitForm(() => svc.decide(ctx, request.params.id, request.body, auditFromRequest(request)), refusals);
      if (!done.ok)
        return needPage(request, reply, request.params.id, null, { values: request.body, problems: done.problems, status: done.status });
      return go(request, reply, `/oferta/potrzeby/${request.params.id}?ok=decyzja`);
    },
  );

  // --- an entity's answer through the link in its e-mail (the token is the credential) ---------------

  const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });
  const AnswerBody = formBody({ maxLength: 1000, maxProperties: 5 });
  const answerPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string | { needId: string; entityId: string },
    saved: boolean,
    form: { values: Record<string, string>; problems: Problem[]; status: number } = { values: {}, problems: [], status: 200 },
  ) => {
    const answer =
      typeof token === 'string' ? await svc.openAnswerLink(ctx, token) : await svc.openEntityAnswer(ctx, token.needId, token.entityId);
    const action =
      typeof token === 'string' ? svc.answerPath(token) : `/oferta/potrzeby/${token.needId}/odpowiedz-podmiot/${token.entityId}`;
    // the address is a credential: never cached, never sent on as a referrer
    reply.header('cache-control', 'private, no-store');
    reply.header('referrer-policy', 'no-referrer');
    const title = request.t('needs.answer.title');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...listCrumb(request), { label: title }] },
      <v.AnswerFormView
        answer={answer}
        action={action}
        csrf={reply.generateCsrf()}
        problems={form.problems}
        values={form.values}
        saved={saved}
      />,
      form.status,
    );
  };

  app.get(
    '/oferta/potrzeby/odpowiedz/:token',
    { config: { access: 'public' }, schema: { params: TokenParams, querystring: NoticeQuery } },
    async (request, reply) => answerPage(request, reply, request.params.token, request.query.ok === 'zapisano'),
  );

  app.post(
    '/oferta/potrzeby/odpowiedz/:token',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } }, schema: { params: TokenParams, body: AnswerBody } },
    async (request, reply) => {
      const { token } = request.params;
      const done = await submitForm(() => svc.recordAnswer(ctx, token, request.body), refusals);
      if (!done.ok) return answerPage(request, reply, token, false, { values: request.body, problems: done.problems, status: done.status });
      return go(request, reply, `${svc.answerPath(token)}?ok=zapisano`);
    },
  );

  app.post(
    '/oferta/potrzeby/odpowiedz/:token/wynik',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } }, schema: { params: TokenParams, body: AnswerBody } },
    async (request, reply) => {
      const { token } = request.params;
      const done = await submitForm(() => svc.recordEntityOutcome(ctx, token, request.body), refusals);
      if (!done.ok) return answerPage(request, reply, token, false, { values: request.body, problems: done.problems, status: done.status });
      return go(request, reply, `${svc.answerPath(token)}?ok=zapisano`);
    },
  );

  // the same answer by a logged-in representative of the entity, from the need's page
  const EntityAnswerParams = Type.Object({ id: IdParams.properties.id, entity: IdParams.properties.id });
  app.get(
    '/oferta/potrzeby/:id/odpowiedz-podmiot/:entity',
    { config: { access: answerAsEntity }, schema: { params: EntityAnswerParams, querystring: NoticeQuery } },
    async (request, reply) =>
      answerPage(request, reply, { needId: request.params.id, entityId: request.params.entity }, request.query.ok === 'zapisano'),
  );
  app.post(
    '/oferta/potrzeby/:id/odpowiedz-podmiot/:entity',
    { config: { access: answerAsEntity }, schema: { params: EntityAnswerParams, body: AnswerBody } },
    async (request, reply) => {
      const { id, entity } = request.params;
      const done = await submitForm(() => svc.recordEntityAnswer(ctx, id, entity, request.body), refusals);
      if (!done.ok)
        return answerPage(request, reply, { needId: id, entityId: entity }, false, {
          values: request.body,
          problems: done.problems,
          status: done.status,
        });
      return go(request, reply, `/oferta/potrzeby/${id}/odpowiedz-podmiot/${entity}?ok=zapisano`);
    },
  );

  app.post(
    '/oferta/potrzeby/:id/odpowiedz-podmiot/:entity/wynik',
    { config: { access: answerAsEntity }, schema: { params: EntityAnswerParams, body: AnswerBody } },
    async (request, reply) => {
      const who = { needId: request.params.id, entityId: request.params.entity };
      const done = await submitForm(() => svc.recordEntityOutcome(ctx, who, request.body), refusals);
      if (!done.ok) return answerPage(request, reply, who, false, { values: request.body, problems: done.problems, status: done.status });
      return go(request, reply, `/oferta/potrzeby/${who.needId}/odpowiedz-podmiot/${who.entityId}?ok=zapisano`);
    },
  );

  // --- the buyer's outcome, 30 days after the deadline (asked by e-mail; possible from the day after it) ---

  const outcomePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: { values: Record<string, string>; problems: Problem[]; status: number } = { values: {}, problems: [], status: 200 },
  ) => {
    const need = await svc.getNeed(ctx, id);
    if (!svc.mayRecordOutcome(need, warsawToday(ctx.clock))) throw new AppError('offers.need_state', { state: need.status });
    const title = request.t('needs.outcome.title');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...listCrumb(request), { label: need.title, path: svc.needPath(need) }, { label: title }] },
      <v.OutcomeFormView need={need} csrf={reply.generateCsrf()} problems={form.problems} values={form.values} />,
      form.status,
    );
  };

  app.get('/oferta/potrzeby/:id/wynik', { config: manage, schema: { params: IdParams } }, async (request, reply) =>
    outcomePage(request, reply, request.params.id),
  );

  app.post('/oferta/potrzeby/:id/wynik', { config: manage, schema: { params: IdParams, body: AnswerBody } }, async (request, reply) => {
    const { id } = request.params;
    const done = await submitForm(() => svc.recordBuyerOutcome(ctx, id, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return outcomePage(request, reply, id, { values: request.body, problems: done.problems, status: done.status });
    return go(request, reply, `/oferta/potrzeby/${id}?ok=wynik`);
  });

  app.get('/admin/oferta/potrzeby/liczby', { config: { access: moderateNeeds } }, async (request, reply) =>
    sendPage(
      request,
      reply,
      { title: request.t('needs.figures.title') },
      <v.FiguresView rows={await svc.needFigures(ctx)} unitNames={await unitNames()} />,
    ),
  );

  app.get('/admin/oferta/potrzeby', { config: { access: moderateNeeds } }, async (request, reply) =>
    sendPage(request, reply, { title: request.t('needs.moderation.title') }, <v.ModerationView needs={await svc.moderationQueue(ctx)} />),
  );
}
