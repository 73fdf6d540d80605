// Routes of indicators. Public: the list (/program/{slug}/wskazniki), one indicator with its chart
// (/program/{slug}/wskazniki/{code}), its CSV (same path + `.csv`) and the JSON API
// (/api/v1/program/{slug}/wskazniki). Staff (coordinators, administrators): definitions, values,
// recomputation and closing a year under /admin/program/{id}/wskazniki (the programme's id, as on
// the other programme admin pages; its slug works too). Thin: validate, authorise, call the
// service, render; refused forms re-render with the problems and change nothing.
import { contentDisposition } from '../../core/http/uploads.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError, type Problem } from '../../core/errors/app-error.js';
import { formBodyWithLists, submitForm, textFields } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { indicatorPageExtras } from './indicators.extensions.js';
import { warsawYear } from '../../core/time/index.js';
import { auditFromRequest } from '../audit/index.js';
import { mapGeometry } from '../territory/index.js';
import { DefinitionForm, IndicatorAdminList, adminBase, ValuesAdminView, type AdminProgramme } from './indicators.admin.views.js';
import { indicatorCsv } from './indicators.public.js';
import * as repo from './indicators.repo.js';
import * as svc from './indicators.service.js';
import { loadTerritoryIndex, territoryName, territoryOptions } from './indicators.territory.js';
import * as values from './indicators.values.js';
import { IndicatorDetail, IndicatorTable } from './indicators.views.js';
import { manageProgramme } from '../programme/index.js';
import { PageHeader } from '../../core/ui/components.js';
import { OpenDataProperties, openDataMeta } from '../opendata/index.js';
import { indicatorsDataset } from './indicators.opendata.js';

const FormBody = formBodyWithLists({ maxLength: 5000, maxProperties: 60, maxItems: 300, maxItemLength: 100 });
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });
const CodeParams = Type.Object({ slug: Type.String({ maxLength: 100 }), code: Type.String({ maxLength: 60 }) });
const AdminParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const IndicatorParams = Type.Object({ id: Type.String({ maxLength: 100 }), indicatorId: Type.String({ maxLength: 64 }) });
const ValueParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  indicatorId: Type.String({ maxLength: 64 }),
  valueId: Type.String({ maxLength: 64 }),
});
const OkQuery = Type.Object({
  ok: Type.Optional(Type.String({ maxLength: 20 })),
  n: Type.Optional(Type.String({ maxLength: 10 })),
  rok: Type.Optional(Type.String({ maxLength: 4 })),
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ApiIndicator = Type.Object({
  code: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  unit: Type.String(),
  type: Type.String({ description: 'output | result | context' }),
  direction: Type.String({ description: 'increase | decrease' }),
  frequency: Type.String(),
  breakdown: Type.String({ description: 'none | powiat | gmina | subregion' }),
  method: Type.String({ description: 'reported | computed' }),
  formula: Nullable(Type.String()),
  is_example: Type.Boolean({
    description: 'An example indicator of the demonstration: its definition, baseline, targets and values are not real',
  }),
  data_source: Nullable(Type.String()),
  responsible_partner: Nullable(Type.String()),
  baseline: Nullable(
    Type.Object({
      value: Type.Number(),
      year: Type.Integer(),
      is_example: Type.Boolean({ description: 'Invented for the demonstration' }),
    }),
  ),
  targets: Type.Array(
    Type.Object({
      year: Type.Integer(),
      value: Type.Number(),
      is_example: Type.Boolean({ description: 'Invented for the demonstration' }),
    }),
  ),
  elements: Type.Array(Type.Object({ code: Type.String(), title: Type.String() })),
  progress: Type.Object({
    status: Type.String({ description: 'achieved | on_track | at_risk | no_data' }),
    reason: Type.String(),
    latest: Nullable(Type.Object({ period: Type.Integer(), value: Type.Number() })),
    target: Nullable(Type.Object({ year: Type.Integer(), value: Type.Number() })),
    is_example: Type.Boolean({ description: 'The verdict rests on example data (the definition, the target or the latest value)' }),
  }),
  values: Type.Array(
    Type.Object({
      period: Type.Integer(),
      territory_code: Type.String({ description: '`region`, a powiat or gmina TERYT code, or an OWES subregion code' }),
      value: Type.Union([Type.Number(), Type.Null()], { description: 'null when is_suppressed' }),
      is_suppressed: Type.Boolean({ description: 'A count of people below 3, published only as "<3" (value null)' }),
      is_example: Type.Boolean({ description: 'Demonstration data, not a real figure' }),
      is_computed: Type.Boolean(),
      is_live: Type.Boolean({ description: 'Computed now from the registry for a year not closed yet (may still change)' }),
    }),
    { description: 'Approved values only (and, for computed indicators, the current figures of open years)' },
  ),
  url: Type.String(),
});
export const ApiIndicatorList = Type.Object({
  ...OpenDataProperties,
  programme: Type.Object({ slug: Type.String(), title: Type.String(), period_from: Type.Integer(), period_to: Type.Integer() }),
  items: Type.Array(ApiIndicator),
});

function toApi(v: svc.IndicatorView, slug: string, publicUrl: string): Static<typeof ApiIndicator> {
  const i = v.indicator;
  return {
    code: i.code,
    name: i.name,
    description: i.description,
    unit: i.unit,
    type: i.type,
    direction: i.direction,
    frequency: i.frequency,
    breakdown: i.breakdown,
    method: i.method,
    formula: i.formula,
    is_example: i.is_example,
    data_source: i.data_source,
    responsible_partner: i.responsible_partner,
    baseline:
      i.baseline_value !== null && i.baseline_year !== null
        ? { value: i.baseline_value, year: i.baseline_year, is_example: i.is_example }
        : null,
    targets: v.targets.map((x) => ({ year: x.year, value: x.value, is_example: x.isExample })),
    elements: v.elements.map((e) => ({ code: e.code, title: e.title })),
    progress: {
      status: v.progress.status,
      reason: v.progress.reason,
      latest: v.progress.latest,
      target: v.progress.target,
      is_example: v.progress.isExample,
    },
    values: v.figures.map((f) => ({
      period: f.period,
      territory_code: f.territoryCode,
      value: f.value,
      is_suppressed: f.isSuppressed === true,
      is_example: f.isExample,
      is_computed: f.isComputed,
      is_live: f.isLive,
    })),
    url: `${publicUrl}/program/${slug}/wskazniki/${encodeURIComponent(i.code)}`,
  };
}

export async function indicatorRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const manage = { access: manageProgramme };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);

  // --- public ----------------------------------------------------------------------------------------

  app.get('/program/:slug/wskazniki', { config: { access: 'public' }, schema: { params: SlugParams } }, async (request, reply) => {
    const programme = await svc.programmeBySlug(ctx, request.params.slug);
    const views = await svc.indicatorViews(ctx, programme);
    const t = request.t;
    const title = `${t('indicators.title')}: ${programme.title}`;
    return sendPage(
      request,
      reply,
      {
        title,
        breadcrumbs: [
          { label: t('programme.title'), path: '/program' },
          { label: programme.title, path: `/program/${programme.slug}` },
          { label: t('indicators.title') },
        ],
      },
      <>
        <PageHeader title={title} />
        <p>{t('indicators.public.intro')}</p>
        <IndicatorTable views={views} slug={programme.slug} />
      </>,
    );
  });

  app.get('/program/:slug/wskazniki/:code', { config: { access: 'public' }, schema: { params: CodeParams } }, async (request, reply) => {
    const params = request.params;
    const programme = await svc.programmeBySlug(ctx, params.slug);
    const csv = params.code.endsWith('.csv');
    const code = csv ? params.code.slice(0, -4) : params.code;
    const [view] = await svc.indicatorViews(ctx, programme, { code });
    if (!view) throw new AppError('http.not_found');
    const t = request.t;
    if (csv) {
      const body = await indicatorCsv(ctx, view, t, request.lang);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(`wskaznik-${programme.slug}-${code}.csv`))
        .send(body);
    }
    const breakdown = await svc.breakdownOf(ctx, view, request.lang);
    const geometry = breakdown && breakdown.rows.length ? await mapGeometry(ctx.db) : null;
    const extras = await indicatorPageExtras(ctx, programme, view.indicator, request);
    return sendPage(
      request,
      reply,
      {
        title: `${view.indicator.code} ${view.indicator.name}`,
        breadcrumbs: [
          { label: t('programme.title'), path: '/program' },
          { label: programme.title, path: `/program/${programme.slug}` },
          { label: t('indicators.title'), path: `/program/${programme.slug}/wskazniki` },
          { label: view.indicator.code },
        ],
      },
      <>
        <PageHeader title={`${view.indicator.code} ${view.indicator.name}`} />
        <IndicatorDetail view={view} programme={programme} breakdown={breakdown ? { ...breakdown, geometry } : null} />
        {extras}
      </>,
    );
  });

  app.get(
    '/api/v1/program/:slug/wskazniki',
    {
      config: { access: 'public' },
      schema: {
        tags: ['programme'],
        summary: 'Indicators of a programme: definitions, targets, progress and approved values',
        params: SlugParams,
        response: { 200: ApiIndicatorList },
      },
    },
    async (request) => {
      const programme = await svc.programmeBySlug(ctx, request.params.slug);
      const [views, lastChanged] = await Promise.all([svc.indicatorViews(ctx, programme), indicatorsDataset.lastChanged(ctx)]);
      return {
        ...openDataMeta(lastChanged),
        programme: { slug: programme.slug, title: programme.title, period_from: programme.period_from, period_to: programme.period_to },
        items: views.map((v) => toApi(v, programme.slug, ctx.config.publicUrl)),
      };
    },
  );

  // --- staff -----------------------------------------------------------------------------------------

  /** The programme of an admin address: its id, or its slug. */
  const programmeOf = async (ref: string): Promise<AdminProgramme> => {
    const p = (await repo.findProgramme(ctx.db, ref)) ?? (await repo.findProgrammeBySlug(ctx.db, ref));
    if (!p) throw new AppError('http.not_found');
    return p;
  };
  const indicatorOf = async (indicatorId: string, programme: AdminProgramme) => {
    const i = await repo.findIndicator(ctx.db, indicatorId);
    if (!i || i.programme_id !== programme.id) throw new AppError('http.not_found');
    return i;
  };
  const crumbs = (request: FastifyRequest, programme: AdminProgramme, last?: string) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('programme.admin.title'), path: '/admin/program' },
    { label: programme.title, path: `/admin/program/${programme.id}` },
    ...(last
      ? [{ label: request.t('indicators.admin.title'), path: adminBase(programme) }, { label: last }]
      : [{ label: request.t('indicators.admin.title') }]),
  ];
  const openYears = (programme: AdminProgramme) => {
    const current = warsawYear(ctx.clock);
    const years: number[] = [];
    for (let y = programme.period_from; y <= Math.min(programme.period_to, current); y++) years.push(y);
    return years;
  };

  app.get(
    '/admin/program/:id/wskazniki',
    { config: manage, schema: { params: AdminParams, querystring: OkQuery } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const views = await svc.indicatorViews(ctx, programme);
      const q = request.query;
      const notices: Record<string, string> = {
        zapisano: request.t('indicators.admin.saved'),
        usunieto: request.t('indicators.admin.deleted'),
        zamknieto: request.t('indicators.admin.closed', { year: q.rok ?? '', count: Number(q.n ?? 0) || 0 }),
      };
      return sendPage(
        request,
        reply,
        { title: request.t('indicators.admin.title'), breadcrumbs: crumbs(request, programme) },
        <>
          <PageHeader title={request.t('indicators.admin.title')} />
          <IndicatorAdminList
            programme={programme}
            views={views}
            csrf={reply.generateCsrf()}
            notice={q.ok ? (notices[q.ok] ?? null) : null}
            years={openYears(programme)}
          />
        </>,
      );
    },
  );

  const definitionPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    programme: AdminProgramme,
    id: string | null,
    formValues: svc.DefinitionValues,
    problems: Problem[] = [],
    status = 200,
  ) => {
    const elements = await repo.listProgrammeElements(ctx.db, programme.id);
    const title = id
      ? request.t('indicators.admin.editTitle', { code: String(formValues.code ?? '') })
      : request.t('indicators.admin.newTitle');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: crumbs(request, programme, title) },
      <>
        <PageHeader title={title} />
        <DefinitionForm
          programme={programme}
          id={id}
          values={formValues}
          problems={problems}
          csrf={reply.generateCsrf()}
          elements={elements}
          formulas={svc.formulaChoices(ctx, request.t)}
          formulaParams={svc.formulaParamFields(ctx, request.t)}
        />
      </>,
      status,
    );
  };

  app.get('/admin/program/:id/wskazniki/nowy', { config: manage, schema: { params: AdminParams } }, async (request, reply) =>
    definitionPage(request, reply, await programmeOf(request.params.id), null, {
      type: 'output',
      direction: 'increase',
      breakdown: 'none',
      method: 'reported',
      frequency: 'annual',
    }),
  );

  app.post(
    '/admin/program/:id/wskazniki/nowy',
    { config: manage, schema: { params: AdminParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const body = request.body;
      const saved = await submitForm(() => svc.saveIndicator(ctx, programme, null, body, auditFromRequest(request)));
      if (!saved.ok) return definitionPage(request, reply, programme, null, body, saved.problems, saved.status);
      return go(request, reply, `${adminBase(programme)}?ok=zapisano`);
    },
  );

  app.post(
    '/admin/program/:id/wskazniki/zamknij-rok',
    { config: manage, schema: { params: AdminParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const year = Number(request.body.year);
      if (!openYears(programme).includes(year)) throw new AppError('http.bad_request');
      const count = await values.snapshotComputedValues(ctx, programme.id, year, auditFromRequest(request));
      return go(request, reply, `${adminBase(programme)}?ok=zamknieto&rok=${year}&n=${count}`);
    },
  );

  app.get('/admin/program/:id/wskazniki/:indicatorId', { config: manage, schema: { params: IndicatorParams } }, async (request, reply) => {
    const programme = await programmeOf(request.params.id);
    const indicator = await indicatorOf(request.params.indicatorId, programme);
    const [targets, elements] = await Promise.all([
      repo.listTargets(ctx.db, [indicator.id]),
      repo.listIndicatorElements(ctx.db, [indicator.id]),
    ]);
    return definitionPage(
      request,
      reply,
      programme,
      indicator.id,
      svc.definitionFormValues(
        ctx,
        indicator,
        targets,
        elements.map((e) => e.element_id),
      ),
    );
  });

  app.post(
    '/admin/program/:id/wskazniki/:indicatorId',
    { config: manage, schema: { params: IndicatorParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const indicator = await indicatorOf(request.params.indicatorId, programme);
      const body = request.body;
      const saved = await submitForm(() => svc.saveIndicator(ctx, programme, indicator.id, body, auditFromRequest(request)));
      if (!saved.ok) return definitionPage(request, reply, programme, indicator.id, body, saved.problems, saved.status);
      return go(request, reply, `${adminBase(programme)}?ok=zapisano`);
    },
  );

  app.post(
    '/admin/program/:id/wskazniki/:indicatorId/usun',
    { config: manage, schema: { params: IndicatorParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const indicator = await indicatorOf(request.params.indicatorId, programme);
      await svc.deleteIndicator(ctx, programme, indicator.id, auditFromRequest(request));
      return go(request, reply, `${adminBase(programme)}?ok=usunieto`);
    },
  );

  /** The values of an indicator; `q` the notice after a redirect, `extra` a refused form shown again. */
  const valuesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    programme: AdminProgramme,
    indicatorId: string,
    q: Static<typeof OkQuery>,
    extra: { problems?: Problem[]; form?: Record<string, string> } = {},
    status = 200,
  ) => {
    const indicator = await repo.findIndicator(ctx.db, indicatorId);
    if (!indicator) throw new AppError('http.not_found');
    const [[view], stored, index] = await Promise.all([
      svc.indicatorViews(ctx, programme, { code: indicator.code }),
      repo.listValues(ctx.db, [indicator.id]),
      loadTerritoryIndex(ctx),
    ]);
    const lang = request.lang;
    const shown = stored.filter((v) => !v.is_computed).map((v) => ({ ...v, territoryName: territoryName(index, v.territory_code, lang) }));
    const byId = new Map(stored.map((v) => [v.id, v]));
    const history = (
      await values.valueHistory(
        ctx,
        stored.map((v) => v.id),
      )
    )
      .slice(0, 200)
      .map((h) => {
        const v = byId.get(h.value_id)!;
        return { ...h, period: v.period, territoryName: territoryName(index, v.territory_code, lang) };
      });
    const years = openYears(programme);
    const notices: Record<string, string> = {
      wpisano: request.t('indicators.admin.entered'),
      zatwierdzono: request.t('indicators.admin.approved'),
      zwrocono: request.t('indicators.admin.returned'),
      przeliczono: request.t('indicators.admin.recomputed', { count: Number(q.n ?? 0) || 0 }),
    };
    const title = request.t('indicators.admin.valuesTitle', { code: indicator.code });
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: crumbs(request, programme, title) },
      <>
        <PageHeader title={title} />
        <ValuesAdminView
          data={{
            programme,
            view: view!,
            values: shown,
            history,
            territories: territoryOptions(index, indicator.breakdown, years[years.length - 1] ?? programme.period_from, lang),
            years,
            closedYears: values.closedPeriods(stored),
          }}
          csrf={reply.generateCsrf()}
          notice={q.ok ? (notices[q.ok] ?? null) : null}
          problems={extra.problems ?? []}
          form={extra.form ?? {}}
        />
      </>,
      status,
    );
  };

  app.get(
    '/admin/program/:id/wskazniki/:indicatorId/wartosci',
    { config: manage, schema: { params: IndicatorParams, querystring: OkQuery } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const indicator = await indicatorOf(request.params.indicatorId, programme);
      return valuesPage(request, reply, programme, indicator.id, request.query);
    },
  );

  app.post(
    '/admin/program/:id/wskazniki/:indicatorId/wartosci',
    { config: manage, schema: { params: IndicatorParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const indicator = await indicatorOf(request.params.indicatorId, programme);
      const body = request.body;
      const entered = await submitForm(() =>
        values.enterApprovedValue(
          ctx,
          {
            indicatorId: indicator.id,
            period: body.period,
            territoryCode: body.territory_code,
            value: body.value,
            source: body.source,
            comment: body.comment,
          },
          auditFromRequest(request),
        ),
      );
      if (!entered.ok)
        return valuesPage(
          request,
          reply,
          programme,
          indicator.id,
          {},
          { problems: entered.problems, form: textFields(body) },
          entered.status,
        );
      return go(request, reply, `${adminBase(programme)}/${indicator.id}/wartosci?ok=wpisano`);
    },
  );

  app.post(
    '/admin/program/:id/wskazniki/:indicatorId/przelicz',
    { config: manage, schema: { params: IndicatorParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const indicator = await indicatorOf(request.params.indicatorId, programme);
      const n = await values.recomputeIndicator(ctx, indicator.id, auditFromRequest(request));
      return go(request, reply, `${adminBase(programme)}/${indicator.id}/wartosci?ok=przeliczono&n=${n}`);
    },
  );

  const valueOf = async (valueId: string, indicatorId: string) => {
    const v = await repo.findValue(ctx.db, valueId);
    if (!v || v.indicator_id !== indicatorId) throw new AppError('http.not_found');
    return v;
  };

  app.post(
    '/admin/program/:id/wskazniki/:indicatorId/wartosci/:valueId/zatwierdz',
    { config: manage, schema: { params: ValueParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const indicator = await indicatorOf(request.params.indicatorId, programme);
      const v = await valueOf(request.params.valueId, indicator.id);
      await values.approveValue(ctx, v.id, auditFromRequest(request));
      return go(request, reply, `${adminBase(programme)}/${indicator.id}/wartosci?ok=zatwierdzono`);
    },
  );

  app.post(
    '/admin/program/:id/wskazniki/:indicatorId/wartosci/:valueId/zwroc',
    { config: manage, schema: { params: ValueParams, body: FormBody } },
    async (request, reply) => {
      const programme = await programmeOf(request.params.id);
      const indicator = await indicatorOf(request.params.indicatorId, programme);
      const v = await valueOf(request.params.valueId, indicator.id);
      const returned = await submitForm(() => values.returnValue(ctx, v.id, String(request.body.reason ?? ''), auditFromRequest(request)));
      if (!returned.ok) {
        const problems = returned.problems.map((p) => ({ ...p, field: `reason-${v.id}` }));
        return valuesPage(request, reply, programme, indicator.id, {}, { problems }, returned.status);
      }
      return go(request, reply, `${adminBase(programme)}/${indicator.id}/wartosci?ok=zwrocono`);
    },
  );
}
