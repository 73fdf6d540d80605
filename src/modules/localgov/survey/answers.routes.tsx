// Routes of the survey's text answers: the local government partner's form for its own unit and a
// year (`answerSurvey`: a partner of another unit gets 403), and the staff's review of one answer with
// approve and return (coordinators and administrators). The list of answers is on the survey's staff
// page (survey.routes.tsx).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { UUID_PATTERN } from '../../../core/db/ids.js';
import type { Problem } from '../../../core/errors/app-error.js';
import { formBody, formBodyWithLists, submitForm } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { auditFromRequest } from '../../audit/index.js';
import { foundedEntities } from '../localgov.entities.js';
import { answerSurvey, manageLocalgov } from '../localgov.policy.js';
import * as svc from './answers.service.js';
import { AnswerReviewView, PartnerAnswerView } from './answers.views.js';

const UnitYear = Type.Object({ teryt: Type.String({ pattern: '^[0-9]{4}([0-9]{3})?$' }), year: Type.String({ pattern: '^[0-9]{4}$' }) });
const PartnerBody = formBodyWithLists({ maxLength: 8000, maxProperties: 12, maxItems: 3, maxItemLength: 20 });
const PartnerQuery = Type.Object({ ok: Type.Optional(Type.Union([Type.Literal('saved'), Type.Literal('submitted')])) });
const IdParams = Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) });
const ReviewBody = formBody({ maxLength: 2000, maxProperties: 4 });
const ReviewQuery = Type.Object({ ok: Type.Optional(Type.Union([Type.Literal('approved'), Type.Literal('returned')])) });

export async function surveyAnswerRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const refusals = { errors: ctx.errors, codes: (code: string) => code.startsWith('localgov.') };

  // --- the local government's partner -----------------------------------------------------------

  const partnerPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    teryt: string,
    year: number,
    shown: {
      values?: Record<string, string | string[]>;
      problems?: Problem[];
      notice?: 'saved' | 'submitted' | null;
      status?: number;
    } = {},
  ) => {
    const pa = await svc.partnerAnswer(ctx, teryt, year, request.lang);
    const title = request.t('localgov.survey.answers.title', { unit: pa.unitLabel, year });
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [{ label: request.t('monitoring.partner.title'), path: '/sprawozdawczosc' }, { label: title }] },
      <PartnerAnswerView
        pa={pa}
        entities={pa.answer ? await foundedEntities(ctx, pa.answer.founded_entity_ids) : []}
        csrf={reply.generateCsrf()}
        values={shown.values ?? pa.values}
        problems={shown.problems ?? []}
        notice={shown.notice ?? null}
      />,
      shown.status ?? 200,
    );
  };

  app.get(
    '/samorzady/ankieta/:teryt/:year',
    { config: { access: answerSurvey }, schema: { params: UnitYear, querystring: PartnerQuery } },
    async (request, reply) =>
      partnerPage(request, reply, request.params.teryt, Number(request.params.year), { notice: request.query.ok ?? null }),
  );

  app.post(
    '/samorzady/ankieta/:teryt/:year',
    { config: { access: answerSurvey }, schema: { params: UnitYear, body: PartnerBody } },
    async (request, reply) => {
      const { teryt } = request.params;
      const year = Number(request.params.year);
      const submit = request.body.action === 'submit';
      const done = await submitForm(() => svc.saveAnswer(ctx, teryt, year, request.body, submit, auditFromRequest(request)), refusals);
      if (!done.ok) return partnerPage(request, reply, teryt, year, { values: request.body, problems: done.problems, status: done.status });
      return reply.redirect(localize(`${svc.answerPath(teryt, year)}?ok=${submit ? 'submitted' : 'saved'}`, request.lang), 303);
    },
  );

  // --- staff -------------------------------------------------------------------------------------

  const reviewPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    shown: { values?: Record<string, string>; problems?: Problem[]; notice?: 'approved' | 'returned' | null; status?: number } = {},
  ) => {
    const review = await svc.answerForReview(ctx, id, request.lang);
    const title = request.t('localgov.survey.answers.reviewTitle', { unit: review.unitLabel, year: review.answer.year });
    return sendPage(
      request,
      reply,
      {
        title,
        breadcrumbs: [
          { label: request.t('accounts.admin'), path: '/admin' },
          { label: request.t('localgov.admin.title'), path: '/admin/samorzady' },
          { label: request.t('localgov.survey.title'), path: '/admin/samorzady/ankieta' },
          { label: title },
        ],
      },
      <AnswerReviewView
        review={review}
        csrf={reply.generateCsrf()}
        values={shown.values ?? {}}
        problems={shown.problems ?? []}
        notice={shown.notice ?? null}
      />,
      shown.status ?? 200,
    );
  };

  app.get(
    '/admin/samorzady/ankieta/odpowiedzi/:id',
    { config: { access: manageLocalgov }, schema: { params: IdParams, querystring: ReviewQuery } },
    async (request, reply) => reviewPage(request, reply, request.params.id, { notice: request.query.ok ?? null }),
  );

  app.post(
    '/admin/samorzady/ankieta/odpowiedzi/:id/zatwierdz',
    { config: { access: manageLocalgov }, schema: { params: IdParams, body: ReviewBody } },
    async (request, reply) => {
      const { id } = request.params;
      const done = await submitForm(() => svc.approveAnswer(ctx, id, auditFromRequest(request)), refusals);
      if (!done.ok) return reviewPage(request, reply, id, { problems: done.problems, status: done.status });
      return reply.redirect(localize(`${svc.reviewPath(id)}?ok=approved`, request.lang), 303);
    },
  );

  app.post(
    '/admin/samorzady/ankieta/odpowiedzi/:id/zwroc',
    { config: { access: manageLocalgov }, schema: { params: IdParams, body: ReviewBody } },
    async (request, reply) => {
      const { id } = request.params;
      const done = await submitForm(() => svc.returnAnswer(ctx, id, request.body, auditFromRequest(request)), refusals);
      if (!done.ok) return reviewPage(request, reply, id, { values: request.body, problems: done.problems, status: done.status });
      return reply.redirect(localize(`${svc.reviewPath(id)}?ok=returned`, request.lang), 303);
    },
  );
}
