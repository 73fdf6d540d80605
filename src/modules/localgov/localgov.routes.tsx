// Routes of the localgov module: the public table of a year, its CSV (core/csv: BOM, `;`) and JSON
// (both with the founded entities' names and public pages, example entities labelled as on the card),
// and the staff list and form (coordinators and administrators; every change audited by the service).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { spreadsheetCsv } from '../../core/csv/index.js';
import { UUID_PATTERN } from '../../core/db/ids.js';
import type { Problem } from '../../core/errors/app-error.js';
import { formBodyWithLists, submitForm } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import { contentDisposition } from '../../core/http/uploads.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { translator } from '../../i18n/index.js';
import { auditFromRequest } from '../audit/index.js';
import { manageLocalgov } from './localgov.policy.js';
import * as svc from './localgov.service.js';
import * as v from './localgov.views.js';
import { LICENCE_LINK, OpenDataProperties, openDataMeta } from '../opendata/index.js';
import { localgovDataset } from './localgov.opendata.js';
import { foundedEntitiesOfMany } from './localgov.entities.js';
import { surveyRoutes } from './survey/survey.routes.js';
import { localgovMapRoutes } from './map/map.routes.js';
import { awardsRoutes } from './awards/awards.routes.js';
import { practicesRoutes } from './practices/practices.routes.js';

const Body = formBodyWithLists({ maxLength: 8000, maxProperties: 30, maxItems: 3, maxItemLength: 20 });
const YearQuery = Type.Object({ rok: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })) });
const Params = Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) });
const Nullable = <T extends ReturnType<typeof Type.Integer | typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Record_ = Type.Object({
  unit_teryt: Type.String(),
  unit: Type.String(),
  year: Type.Integer(),
  programme: Nullable(Type.String({ enum: ['yes', 'no'] })),
  programme_title: Nullable(Type.String()),
  programme_date: Nullable(Type.String({ format: 'date' })),
  programme_url: Nullable(Type.String()),
  coordinator: Nullable(Type.String({ enum: ['yes', 'no'] })),
  clauses_count: Nullable(Type.Integer()),
  clauses_value_pln: Nullable(Type.Integer()),
  clause_kinds: Type.Union([Type.Array(Type.String({ enum: [...svc.CLAUSE_KINDS] })), Type.Null()]),
  tasks_count: Nullable(Type.Integer()),
  tasks_value_pln: Nullable(Type.Integer()),
  other_forms: Nullable(Type.String()),
  founded_entities: Type.Union(
    [
      Type.Array(
        Type.Object({
          id: Type.String({ description: 'the registry id (as in /api/v1/podmioty/{id})' }),
          name: Type.String(),
          url: Type.String({ description: 'the entity’s public page' }),
          is_example: Type.Boolean({ description: 'example (demonstration) data, not real' }),
        }),
      ),
      Type.Null(),
    ],
    { description: 'registry entities the local government founded or co-founded; null = unknown' },
  ),
  source: Type.String(),
});

export async function localgovRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  const yearOf = async (rok: string | undefined) => (rok ? Number(rok) : (await svc.yearsWithRecords(ctx))[0]!);

  app.get('/samorzady', { config: { access: 'public' }, schema: { querystring: YearQuery } }, async (request, reply) => {
    const year = await yearOf(request.query.rok);
    const years = [...new Set([year, ...(await svc.yearsWithRecords(ctx))])].sort((a, b) => b - a);
    return sendPage(
      request,
      reply,
      { title: request.t('localgov.titleYear', { year }) },
      <v.YearTableView year={year} years={years} rows={await svc.tableOfYear(ctx, year, request.lang)} />,
    );
  });

  app.get('/samorzady.csv', { config: { access: 'public' }, schema: { querystring: YearQuery } }, async (request, reply) => {
    const year = await yearOf(request.query.rok);
    const t = translator(request.lang);
    const rows = await svc.tableOfYear(ctx, year, request.lang);
    const founded = await foundedEntitiesOfMany(
      ctx,
      rows.map((r) => r.founded_entity_ids),
    );
    const s = (x: string | number | null) => (x === null ? '' : String(x));
    const yn = (x: 'yes' | 'no' | null) => (x === null ? '' : t(`localgov.${x}`));
    const csv = spreadsheetCsv([
      [
        'teryt',
        'unit',
        'year',
        'programme',
        'programme_title',
        'programme_date',
        'programme_url',
        'coordinator',
        'clauses_count',
        'clauses_value_pln',
        'clause_kinds',
        'tasks_count',
        'tasks_value_pln',
        'other_forms',
        'founded_entities',
        'founded_entity_urls',
        'source',
      ].map((k) => t(`localgov.csvHeader.${k as 'teryt'}`)),
      ...rows.map((r, i) => [
        r.unit_teryt,
        r.unitLabel,
        String(r.year),
        yn(r.programme),
        s(r.programme_title),
        s(r.programme_date),
        s(r.programme_url),
        yn(r.coordinator),
        s(r.clauses_count),
        s(r.clauses_value_pln),
        r.clause_kinds === null
          ? ''
          : r.clause_kinds
              .split(',')
              .map((k) => t(`localgov.clauseKinds.${k as 'other'}`))
              .join(', '),
        s(r.tasks_count),
        s(r.tasks_value_pln),
        s(r.other_forms),
        founded[i]!.map((e) => (e.isExample ? `${e.name} (${t('localgov.exampleData')})` : e.name)).join(' | '),
        founded[i]!.map((e) => `${base}${localize(e.path, request.lang)}`).join(' | '),
        r.source,
      ]),
    ]);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition(`samorzady-${year}.csv`))
      .header('link', LICENCE_LINK)
      .send(csv);
  });

  app.get(
    '/api/v1/samorzady',
    {
      config: { access: 'public' },
      schema: {
        tags: ['localgov'],
        summary: 'Cooperation of local governments with the social economy in a year (latest year with records by default); null = unknown',
        querystring: YearQuery,
        response: { 200: Type.Object({ ...OpenDataProperties, year: Type.Integer(), items: Type.Array(Record_) }) },
      },
    },
    async (request) => {
      const year = await yearOf(request.query.rok);
      const [rows, lastChanged] = await Promise.all([svc.tableOfYear(ctx, year, 'pl'), localgovDataset.lastChanged(ctx)]);
      const founded = await foundedEntitiesOfMany(
        ctx,
        rows.map((r) => r.founded_entity_ids),
      );
      return {
        ...openDataMeta(lastChanged),
        year,
        items: rows.map((r, i) => ({
          unit_teryt: r.unit_teryt,
          unit: r.unitLabel,
          year: r.year,
          programme: r.programme,
          programme_title: r.programme_title,
          programme_date: r.programme_date,
          programme_url: r.programme_url,
          coordinator: r.coordinator,
          clauses_count: r.clauses_count,
          clauses_value_pln: r.clauses_value_pln === null ? null : Number(r.clauses_value_pln),
          clause_kinds: r.clause_kinds === null ? null : r.clause_kinds.split(','),
          tasks_count: r.tasks_count,
          tasks_value_pln: r.tasks_value_pln === null ? null : Number(r.tasks_value_pln),
          other_forms: r.other_forms,
          founded_entities:
            r.founded_entity_ids === null
              ? null
              : founded[i]!.map((e) => ({ id: e.id, name: e.name, url: `${base}${e.path}`, is_example: e.isExample })),
          source: r.source,
        })),
      };
    },
  );

  // --- staff ---------------------------------------------------------------------------------------
  const access = manageLocalgov;
  const crumbs = (request: FastifyRequest, last?: string) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    ...(last
      ? [{ label: request.t('localgov.admin.title'), path: '/admin/samorzady' }, { label: last }]
      : [{ label: request.t('localgov.admin.title') }]),
  ];
  const refusals = { errors: ctx.errors, codes: (code: string) => code.startsWith('localgov.') };

  app.get('/admin/samorzady', { config: { access }, schema: { querystring: YearQuery } }, async (request, reply) => {
    const year = await yearOf(request.query.rok);
    const years = [...new Set([year, ...(await svc.yearsWithRecords(ctx))])].sort((a, b) => b - a);
    return sendPage(
      request,
      reply,
      { title: request.t('localgov.admin.title'), breadcrumbs: crumbs(request) },
      <v.AdminListView year={year} years={years} rows={await svc.recordsOfYear(ctx, year, request.lang)} />,
    );
  });

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    values: Record<string, string | string[]>,
    problems: Problem[] = [],
    saved = false,
    status = 200,
  ) => {
    const title = id ? request.t('localgov.admin.editTitle') : request.t('localgov.admin.newTitle');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: crumbs(request, title) },
      <v.CooperationFormView
        csrf={reply.generateCsrf()}
        action={id ? `/admin/samorzady/${id}` : '/admin/samorzady/nowy'}
        values={values}
        problems={problems}
        units={await svc.unitOptions(ctx, request.lang)}
        saved={saved}
        title={title}
      />,
      status,
    );
  };

  app.get('/admin/samorzady/nowy', { config: { access } }, async (request, reply) => formPage(request, reply, null, {}));

  app.post('/admin/samorzady/nowy', { config: { access }, schema: { body: Body } }, async (request, reply) => {
    const done = await submitForm(() => svc.saveCooperation(ctx, null, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return formPage(request, reply, null, request.body, done.problems, false, done.status);
    return reply.redirect(localize(`/admin/samorzady/${done.value}?ok=1`, request.lang), 303);
  });

  app.get(
    '/admin/samorzady/:id',
    { config: { access }, schema: { params: Params, querystring: Type.Object({ ok: Type.Optional(Type.String({ maxLength: 2 })) }) } },
    async (request, reply) => {
      const row = await svc.getCooperation(ctx, request.params.id);
      return formPage(
        request,
        reply,
        row.id,
        await svc.formValues(ctx, row, await svc.unitOptions(ctx, request.lang)),
        [],
        request.query.ok === '1',
      );
    },
  );

  app.post('/admin/samorzady/:id', { config: { access }, schema: { params: Params, body: Body } }, async (request, reply) => {
    const { id } = request.params;
    const done = await submitForm(() => svc.saveCooperation(ctx, id, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return formPage(request, reply, id, request.body, done.problems, false, done.status);
    return reply.redirect(localize(`/admin/samorzady/${id}?ok=1`, request.lang), 303);
  });

  await surveyRoutes(app, ctx);
  await localgovMapRoutes(app, ctx);
  await awardsRoutes(app, ctx);
  await practicesRoutes(app, ctx);
}
