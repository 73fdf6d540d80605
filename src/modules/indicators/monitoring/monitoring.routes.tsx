// Routes of monitoring rounds. Partners: /sprawozdawczosc (their open rounds) and
// /sprawozdawczosc/{roundId} (the form with only their cells; 403 for a round with nothing of
// theirs). Coordinators and administrators: /admin/program/{id}/monitorowanie (rounds, open a
// round) and …/monitorowanie/{roundId} (completeness per partner, approve / return each value,
// close). `{id}` is the programme's id, as on the other programme admin pages; its slug works too.
// Thin: validate, authorise, call the service, render; refused forms re-render and change nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError, type Problem } from '../../../core/errors/app-error.js';
import { formBodyWithLists, submitForm, type FormFieldsWithLists } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import type { T, TKey } from '../../../i18n/index.js';
import { auditFromRequest } from '../../audit/index.js';
import * as indicatorsRepo from '../indicators.repo.js';
import { partnerRoundExtras } from './monitoring.extensions.js';
import { reportValues } from './monitoring.policy.js';
import * as svc from './monitoring.service.js';
import * as v from './monitoring.views.js';
import { manageProgramme } from '../../programme/index.js';

const FormBody = formBodyWithLists({ maxLength: 5000, maxProperties: 3000, maxItems: 300, maxItemLength: 100 });
const RoundParams = Type.Object({ roundId: Type.String({ maxLength: 64 }) });
const AdminParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const AdminRoundParams = Type.Object({ id: Type.String({ maxLength: 100 }), roundId: Type.String({ maxLength: 64 }) });
const AdminValueParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  roundId: Type.String({ maxLength: 64 }),
  valueId: Type.String({ maxLength: 64 }),
});
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })), n: Type.Optional(Type.String({ maxLength: 10 })) });
/** The notice after a redirect (`?ok=`, with a count `?n=`); a refused form shown again has none. */
type Notice = Static<typeof OkQuery>;

/** A problem of one cell of the form names the indicator and territory, not just "Wartość". */
function cellProblems(problems: Problem[], t: T): Problem[] {
  return problems.map((p) => {
    const cell = p.params?.cell;
    if (cell === undefined || !p.label) return p;
    const { label, ...rest } = p;
    return { ...rest, params: { ...p.params, field: `${t(label as TKey)} (${cell})` } };
  });
}

export async function monitoringRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const partner = { access: reportValues };
  const manage = { access: manageProgramme };

  // --- partner -----------------------------------------------------------------------------------

  app.get('/sprawozdawczosc', { config: partner }, async (request, reply) => {
    const rounds = await svc.partnerRounds(ctx, request.user!, request.lang);
    return sendPage(request, reply, { title: request.t('monitoring.partner.title') }, <v.PartnerRoundsView rounds={rounds} />);
  });

  const partnerPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    roundId: string,
    q: Notice,
    typed: Record<string, unknown> | null,
    problems: Problem[],
    status = 200,
  ) => {
    const pr = await svc.partnerRound(ctx, roundId, request.user!, request.lang);
    const ok = q.ok;
    const n = Number(q.n ?? 0) || 0;
    const notice =
      status === 200 && ok === 'zapisano'
        ? request.t('monitoring.partner.saved', { count: n })
        : status === 200 && ok === 'wyslano'
          ? request.t('monitoring.partner.submitted', { count: n })
          : null;
    const extras = await partnerRoundExtras(
      ctx,
      {
        id: pr.round.id,
        name: pr.round.name,
        period: pr.round.period,
        quarter: pr.round.quarter,
        isOpen: pr.round.status === 'open',
        codes: pr.indicators.map((i) => i.code),
      },
      request,
    );
    return sendPage(
      request,
      reply,
      { title: pr.round.name, breadcrumbs: [{ label: request.t('monitoring.partner.title'), path: '/sprawozdawczosc' }] },
      <>
        <v.PartnerFormView
          pr={pr}
          csrf={reply.generateCsrf()}
          values={svc.formValues(pr.cells, typed, request.fmt.number)}
          problems={cellProblems(problems, request.t)}
          notice={notice}
        />
        {extras}
      </>,
      status,
    );
  };

  app.get('/sprawozdawczosc/:roundId', { config: partner, schema: { params: RoundParams, querystring: OkQuery } }, async (request, reply) =>
    partnerPage(request, reply, request.params.roundId, request.query, null, []),
  );

  app.post('/sprawozdawczosc/:roundId', { config: partner, schema: { params: RoundParams, body: FormBody } }, async (request, reply) => {
    const { roundId } = request.params;
    const body = request.body;
    const submit = body.action === 'submit';
    const saved = await submitForm(() => svc.savePartnerForm(ctx, roundId, request.user!, body, submit, auditFromRequest(request)));
    if (!saved.ok) return partnerPage(request, reply, roundId, {}, body, saved.problems, saved.status);
    return go(
      request,
      reply,
      `${svc.roundPath(roundId)}?ok=${submit ? 'wyslano' : 'zapisano'}&n=${submit ? saved.value.submitted : saved.value.saved}`,
    );
  });

  // --- coordinator ---------------------------------------------------------------------------------

  /** The programme of an admin address: its id, or its slug. */
  const programmeOf = async (ref: string) => {
    const p = (await indicatorsRepo.findProgramme(ctx.db, ref)) ?? (await indicatorsRepo.findProgrammeBySlug(ctx.db, ref));
    if (!p) throw new AppError('http.not_found');
    return p;
  };
  const roundOf = async (roundId: string, programmeId: string) => {
    const rc = await svc.loadRound(ctx, roundId);
    if (rc.programme.id !== programmeId) throw new AppError('http.not_found');
    return rc;
  };
  const adminCrumbs = (request: FastifyRequest, programme: { id: string; title: string }) => [
    { label: request.t('programme.admin.title'), path: '/admin/program' },
    { label: programme.title, path: `/admin/program/${programme.id}` },
  ];

  const roundsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    programmeRef: string,
    q: Notice,
    values: FormFieldsWithLists,
    problems: Problem[],
    status = 200,
  ) => {
    const programme = await programmeOf(programmeRef);
    const [rounds, indicators] = await Promise.all([svc.roundsOf(ctx, programme.id), svc.reportedIndicators(ctx, programme.id)]);
    const notice = status === 200 && q.ok === 'otwarto' ? request.t('monitoring.admin.opened', { count: Number(q.n ?? 0) || 0 }) : null;
    const title = request.t('monitoring.admin.title', { programme: programme.title });
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: adminCrumbs(request, programme) },
      <v.AdminRoundsView
        programme={programme}
        rounds={rounds}
        indicators={indicators}
        csrf={reply.generateCsrf()}
        values={values}
        problems={problems}
        notice={notice}
      />,
      status,
    );
  };

  app.get(
    '/admin/program/:id/monitorowanie',
    { config: manage, schema: { params: AdminParams, querystring: OkQuery } },
    async (request, reply) => roundsPage(request, reply, request.params.id, request.query, {}, []),
  );

  app.post(
    '/admin/program/:id/monitorowanie',
    { config: manage, schema: { params: AdminParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const body = request.body;
      const opened = await submitForm(async () =>
        svc.openRound(ctx, programme, await svc.checkRoundForm(ctx, programme, body), auditFromRequest(request)),
      );
      if (!opened.ok) return roundsPage(request, reply, request.params.id, {}, body, opened.problems, opened.status);
      return go(request, reply, `${svc.adminRoundsPath(programme.id)}/${opened.value.id}?ok=otwarto&n=${opened.value.notified}`);
    },
  );

  const roundPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    params: Static<typeof AdminRoundParams>,
    q: Notice,
    problems: Problem[] = [],
    status = 200,
  ) => {
    const programme = await programmeOf(params.id);
    const rc = await roundOf(params.roundId, programme.id);
    const [progress, values] = await Promise.all([svc.completeness(ctx, rc), svc.roundValues(ctx, rc, request.lang)]);
    const notices: Record<string, string> = {
      otwarto: request.t('monitoring.admin.opened', { count: Number(q.n ?? 0) || 0 }),
      zatwierdzono: request.t('monitoring.admin.approved'),
      zwrocono: request.t('monitoring.admin.returned'),
      zamknieto: request.t('monitoring.admin.closed', { count: Number(q.n ?? 0) || 0 }),
    };
    return sendPage(
      request,
      reply,
      {
        title: rc.round.name,
        breadcrumbs: [
          ...adminCrumbs(request, programme),
          { label: request.t('monitoring.admin.rounds'), path: svc.adminRoundsPath(programme.id) },
        ],
      },
      <v.AdminRoundView
        slug={programme.id}
        round={rc.round}
        progress={progress}
        values={values}
        csrf={reply.generateCsrf()}
        problems={problems}
        notice={status === 200 && q.ok ? (notices[q.ok] ?? null) : null}
      />,
      status,
    );
  };

  app.get(
    '/admin/program/:id/monitorowanie/:roundId',
    { config: manage, schema: { params: AdminRoundParams, querystring: OkQuery } },
    async (request, reply) => roundPage(request, reply, request.params, request.query),
  );

  app.post(
    '/admin/program/:id/monitorowanie/:roundId/zamknij',
    { config: manage, schema: { params: AdminRoundParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const rc = await roundOf(request.params.roundId, programme.id);
      const n = await svc.closeRound(ctx, rc.round.id, auditFromRequest(request));
      return go(request, reply, `${svc.adminRoundsPath(programme.id)}/${rc.round.id}?ok=zamknieto&n=${n}`);
    },
  );

  app.post(
    '/admin/program/:id/monitorowanie/:roundId/wartosci/:valueId/zatwierdz',
    { config: manage, schema: { params: AdminValueParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const rc = await roundOf(request.params.roundId, programme.id);
      await svc.approveRoundValue(ctx, rc.round.id, request.params.valueId, auditFromRequest(request));
      return go(request, reply, `${svc.adminRoundsPath(programme.id)}/${rc.round.id}?ok=zatwierdzono`);
    },
  );

  app.post(
    '/admin/program/:id/monitorowanie/:roundId/wartosci/:valueId/zwroc',
    { config: manage, schema: { params: AdminValueParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const rc = await roundOf(request.params.roundId, programme.id);
      const reason = String(request.body.reason ?? '');
      const returned = await submitForm(() =>
        svc.returnRoundValue(ctx, rc.round.id, request.params.valueId, reason, auditFromRequest(request)),
      );
      if (!returned.ok) return roundPage(request, reply, request.params, {}, returned.problems, returned.status);
      return go(request, reply, `${svc.adminRoundsPath(programme.id)}/${rc.round.id}?ok=zwrocono`);
    },
  );
}
