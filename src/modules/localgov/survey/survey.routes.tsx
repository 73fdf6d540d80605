// Staff routes of the local governments' survey: its page (indicators, partners, the units' text
// answers), creating the survey's indicators in the current programme, and giving a gmina's or
// powiat's official a partner account. Numbers are reported on the monitoring module's pages
// (/sprawozdawczosc); the text answers and their review in answers.routes.tsx.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../../core/errors/app-error.js';
import { formBody, submitForm } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { auditFromRequest } from '../../audit/index.js';
import { adminRoundsPath } from '../../indicators/index.js';
import { manageLocalgov } from '../localgov.policy.js';
import { unitOptions } from '../localgov.units.js';
import { answersForStaff } from './answers.service.js';
import { surveyAnswerRoutes } from './answers.routes.js';
import { AnswersSection } from './answers.views.js';
import * as svc from './survey.service.js';
import { SurveyAdminView } from './survey.views.js';

const PATH = '/admin/samorzady/ankieta';
const Body = formBody({ maxLength: 300, maxProperties: 8 });
const NoticeQuery = Type.Object({
  ok: Type.Optional(Type.Union([Type.Literal('created'), Type.Literal('invited'), Type.Literal('granted')])),
});

export async function surveyRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const access = manageLocalgov;
  const refusals = { errors: ctx.errors, codes: (code: string) => code.startsWith('localgov.') };

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    opts: {
      values?: Record<string, string>;
      problems?: Problem[];
      notice?: 'created' | 'invited' | 'granted' | null;
      status?: number;
    } = {},
  ) => {
    const state = await svc.surveyState(ctx);
    const title = request.t('localgov.survey.title');
    return sendPage(
      request,
      reply,
      {
        title,
        breadcrumbs: [
          { label: request.t('accounts.admin'), path: '/admin' },
          { label: request.t('localgov.admin.title'), path: '/admin/samorzady' },
          { label: title },
        ],
      },
      <SurveyAdminView
        csrf={reply.generateCsrf()}
        state={state}
        roundsPath={state.programme ? adminRoundsPath(state.programme.id) : null}
        partners={await svc.surveyPartners(ctx, request.lang)}
        units={await unitOptions(ctx, request.lang)}
        values={opts.values ?? {}}
        problems={opts.problems ?? []}
        notice={opts.notice ?? null}
        answers={<AnswersSection answers={await answersForStaff(ctx, request.lang)} />}
      />,
      opts.status ?? 200,
    );
  };

  app.get(PATH, { config: { access }, schema: { querystring: NoticeQuery } }, async (request, reply) =>
    page(request, reply, { notice: request.query.ok ?? null }),
  );

  app.post(`${PATH}/wskazniki`, { config: { access }, schema: { body: Body } }, async (request, reply) => {
    const done = await submitForm(() => svc.setUpSurvey(ctx, auditFromRequest(request)), refusals);
    if (!done.ok) return page(request, reply, { problems: done.problems, status: done.status });
    return reply.redirect(localize(`${PATH}?ok=created`, request.lang), 303);
  });

  app.post(`${PATH}/partnerzy`, { config: { access }, schema: { body: Body } }, async (request, reply) => {
    const done = await submitForm(
      () => svc.addSurveyPartner(ctx, request.body, { displayName: request.user!.displayName }, auditFromRequest(request)),
      refusals,
    );
    if (!done.ok) return page(request, reply, { values: request.body, problems: done.problems, status: done.status });
    return reply.redirect(localize(`${PATH}?ok=${done.value.invited ? 'invited' : 'granted'}`, request.lang), 303);
  });

  await surveyAnswerRoutes(app, ctx);
}
