// Routes of monitoring rounds. Partners: /sprawozdawczosc (their open rounds) and
// /sprawozdawczosc/{roundId} (the form with only their cells; 403 for a round with nothing of
// theirs). Coordinators and administrators: /admin/program/{id}/monitorowanie (rounds, open a
// round) and …/monitorowanie/{roundId} (completeness per partner, approve / return each value,
// close). `{id}` is the programme's id, as on the other programme admin pages; its slug works too.
// Thin: validate, authorise, call the service, render; refused forms re-render and change nothing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, isAppError, type Problem } from '../../../core/errors/app-error.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { ModuleContext } from '../../../core/module.js';
import type { T, TKey } from '../../../i18n/index.js';
import { auditFromRequest } from '../../audit/index.js';
import * as indicatorsRepo from '../indicators.repo.js';
import { reportValues } from './monitoring.policy.js';
import * as svc from './monitoring.service.js';
import * as v from './monitoring.views.js';
import { manageProgramme } from '../../programme/index.js';

const FormBody = Type.Record(Type.String({ maxLength: 200 }), Type.Union([Type.String({ maxLength: 5000 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 300 })]), { maxProperties: 3000 });
const RoundParams = Type.Object({ roundId: Type.String({ maxLength: 64 }) });
const AdminParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const AdminRoundParams = Type.Object({ id: Type.String({ maxLength: 100 }), roundId: Type.String({ maxLength: 64 }) });
const AdminValueParams = Type.Object({ id: Type.String({ maxLength: 100 }), roundId: Type.String({ maxLength: 64 }), valueId: Type.String({ maxLength: 64 }) });
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })), n: Type.Optional(Type.String({ maxLength: 10 })) });

function validationProblems(err: unknown): Problem[] {
  if (isAppError(err) && err.code === 'http.validation') return err.problems;
  throw err;
}

/** A problem of one cell of the form names the indicator and territory, not just "Wartość". */
function cellProblems(problems: Problem[], t: T): Problem[] {
  return problems.map((p) => {
    const cell = p.params?.cell;
    if (cell === undefined || !p.label) return p;
    const { label, ...rest } = p;
    return { ...rest, params: { ...p.params, field: `${t(label as TKey)} (${cell})` } };
  });
}

export async function monitoringRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const partner = { access: reportValues };
  const manage = { access: manageProgramme };

  // --- partner -----------------------------------------------------------------------------------

  app.get('/sprawozdawczosc', { config: partner }, async (request, reply) => {
    const rounds = await svc.partnerRounds(ctx, request.user!, request.lang);
    return sendPage(request, reply, { title: request.t('monitoring.partner.title') }, <v.PartnerRoundsView rounds={rounds} />);
  });

  const partnerPage = async (request: FastifyRequest, reply: FastifyReply, typed: Record<string, unknown> | null, problems: Problem[], status = 200) => {
    const { roundId } = request.params as { roundId: string };
    const pr = await svc.partnerRound(ctx, roundId, request.user!, request.lang);
    const ok = (request.query as { ok?: string; n?: string } | undefined)?.ok;
    const n = Number((request.query as { n?: string } | undefined)?.n ?? 0) || 0;
    const notice = status === 200 && ok === 'zapisano' ? request.t('monitoring.partner.saved', { count: n }) : status === 200 && ok === 'wyslano' ? request.t('monitoring.partner.submitted', { count: n }) : null;
    return sendPage(
      request,
      reply,
      { title: pr.round.name, breadcrumbs: [{ label: request.t('monitoring.partner.title'), path: '/sprawozdawczosc' }] },
      <v.PartnerFormView pr={pr} csrf={reply.generateCsrf()} values={svc.formValues(pr.cells, typed, request.fmt.number)} problems={cellProblems(problems, request.t)} notice={notice} />,
      status,
    );
  };

  app.get('/sprawozdawczosc/:roundId', { config: partner, schema: { params: RoundParams, querystring: OkQuery } }, async (request, reply) => partnerPage(request, reply, null, []));

  app.post('/sprawozdawczosc/:roundId', { config: partner, schema: { params: RoundParams, body: FormBody } }, async (request, reply) => {
    const { roundId } = request.params as { roundId: string };
    const body = request.body as Record<string, unknown>;
    const submit = body.action === 'submit';
    let outcome: svc.FormOutcome;
    try {
      outcome = await svc.savePartnerForm(ctx, roundId, request.user!, body, submit, auditFromRequest(request));
    } catch (err) {
      return partnerPage(request, reply, body, validationProblems(err), 400);
    }
    return go(request, reply, `${svc.roundPath(roundId)}?ok=${submit ? 'wyslano' : 'zapisano'}&n=${submit ? outcome.submitted : outcome.saved}`);
  });

  // --- coordinator ---------------------------------------------------------------------------------

  const programmeOf = async (request: FastifyRequest) => {
    const ref = (request.params as { id: string }).id;
    const p = (await indicatorsRepo.findProgramme(ctx.db, ref)) ?? (await indicatorsRepo.findProgrammeBySlug(ctx.db, ref));
    if (!p) throw new AppError('http.not_found');
    return p;
  };
  const roundOf = async (request: FastifyRequest, programmeId: string) => {
    const rc = await svc.loadRound(ctx, (request.params as { roundId: string }).roundId);
    if (rc.programme.id !== programmeId) throw new AppError('http.not_found');
    return rc;
  };
  const adminCrumbs = (request: FastifyRequest, programme: { id: string; title: string }) => [
    { label: request.t('programme.admin.title'), path: '/admin/program' },
    { label: programme.title, path: `/admin/program/${programme.id}` },
  ];

  const roundsPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string | string[] | undefined>, problems: Problem[], status = 200) => {
    const programme = await programmeOf(request);
    const [rounds, indicators] = await Promise.all([svc.roundsOf(ctx, programme.id), svc.reportedIndicators(ctx, programme.id)]);
    const q = request.query as { ok?: string; n?: string } | undefined;
    const notice = status === 200 && q?.ok === 'otwarto' ? request.t('monitoring.admin.opened', { count: Number(q.n ?? 0) || 0 }) : null;
    const title = request.t('monitoring.admin.title', { programme: programme.title });
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: adminCrumbs(request, programme) },
      <v.AdminRoundsView programme={programme} rounds={rounds} indicators={indicators} csrf={reply.generateCsrf()} values={values} problems={problems} notice={notice} />,
      status,
    );
  };

  app.get('/admin/program/:id/monitorowanie', { config: manage, schema: { params: AdminParams, querystring: OkQuery } }, async (request, reply) => roundsPage(request, reply, {}, []));

  app.post('/admin/program/:id/monitorowanie', { config: manage, schema: { params: AdminParams, body: FormBody } }, async (request, reply) => {
    const programme = await programmeOf(request);
    const body = request.body as Record<string, string | string[]>;
    let opened: { id: string; notified: number };
    try {
      opened = await svc.openRound(ctx, programme, await svc.checkRoundForm(ctx, programme, body), auditFromRequest(request));
    } catch (err) {
      return roundsPage(request, reply, body, validationProblems(err), 400);
    }
    return go(request, reply, `${svc.adminRoundsPath(programme.id)}/${opened.id}?ok=otwarto&n=${opened.notified}`);
  });

  const roundPage = async (request: FastifyRequest, reply: FastifyReply, problems: Problem[] = [], status = 200) => {
    const programme = await programmeOf(request);
    const rc = await roundOf(request, programme.id);
    const [progress, values] = await Promise.all([svc.completeness(ctx, rc), svc.roundValues(ctx, rc, request.lang)]);
    const q = request.query as { ok?: string; n?: string } | undefined;
    const notices: Record<string, string> = {
      otwarto: request.t('monitoring.admin.opened', { count: Number(q?.n ?? 0) || 0 }),
      zatwierdzono: request.t('monitoring.admin.approved'),
      zwrocono: request.t('monitoring.admin.returned'),
      zamknieto: request.t('monitoring.admin.closed', { count: Number(q?.n ?? 0) || 0 }),
    };
    return sendPage(
      request,
      reply,
      { title: rc.round.name, breadcrumbs: [...adminCrumbs(request, programme), { label: request.t('monitoring.admin.rounds'), path: svc.adminRoundsPath(programme.id) }] },
      <v.AdminRoundView slug={programme.id} round={rc.round} progress={progress} values={values} csrf={reply.generateCsrf()} problems={problems} notice={status === 200 && q?.ok ? (notices[q.ok] ?? null) : null} />,
      status,
    );
  };

  app.get('/admin/program/:id/monitorowanie/:roundId', { config: manage, schema: { params: AdminRoundParams, querystring: OkQuery } }, async (request, reply) => roundPage(request, reply));

  app.post('/admin/program/:id/monitorowanie/:roundId/zamknij', { config: manage, schema: { params: AdminRoundParams, body: FormBody } }, async (request, reply) => {
    const programme = await programmeOf(request);
    const rc = await roundOf(request, programme.id);
    const n = await svc.closeRound(ctx, rc.round.id, auditFromRequest(request));
    return go(request, reply, `${svc.adminRoundsPath(programme.id)}/${rc.round.id}?ok=zamknieto&n=${n}`);
  });

  app.post('/admin/program/:id/monitorowanie/:roundId/wartosci/:valueId/zatwierdz', { config: manage, schema: { params: AdminValueParams, body: FormBody } }, async (request, reply) => {
    const programme = await programmeOf(request);
    const rc = await roundOf(request, programme.id);
    await svc.approveRoundValue(ctx, rc.round.id, (request.params as { valueId: string }).valueId, auditFromRequest(request));
    return go(request, reply, `${svc.adminRoundsPath(programme.id)}/${rc.round.id}?ok=zatwierdzono`);
  });

  app.post('/admin/program/:id/monitorowanie/:roundId/wartosci/:valueId/zwroc', { config: manage, schema: { params: AdminValueParams, body: FormBody } }, async (request, reply) => {
    const programme = await programmeOf(request);
    const rc = await roundOf(request, programme.id);
    const reason = String((request.body as { reason?: unknown }).reason ?? '');
    try {
      await svc.returnRoundValue(ctx, rc.round.id, (request.params as { valueId: string }).valueId, reason, auditFromRequest(request));
    } catch (err) {
      return roundPage(request, reply, validationProblems(err), 400);
    }
    return go(request, reply, `${svc.adminRoundsPath(programme.id)}/${rc.round.id}?ok=zwrocono`);
  });
}
