// Public routes of the evaluation module: /ewaluacja (studies), /ewaluacja/{id} (a study with its
// recommendations and their follow-up), /ewaluacja/rekomendacje (the filterable table, `.csv` the
// same rows as a spreadsheet CSV) and the JSON API /api/v1/ewaluacja/{badania,rekomendacje}.
import { Type, type Static } from 'typebox';
import { spreadsheetCsv } from '../../core/csv/index.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import { contentDisposition } from '../../core/http/uploads.js';
import type { ModuleContext } from '../../core/module.js';
import { translator } from '../../i18n/index.js';
import { LicenceSchema, OPEN_DATA_LICENCE } from '../opendata/index.js';
import { attachedDocuments } from '../portal/index.js';
import { findProgramme, findProgrammeVersion } from '../programme/index.js';
import { evaluationPageExtras } from './evaluation.agenda.js';
import * as repo from './evaluation.repo.js';
import { RECOMMENDATION_STATUSES } from './evaluation.rules.js';
import * as svc from './evaluation.service.js';
import { ACTION_STATUSES, CRITERIA, RATINGS, STUDY_TYPES } from './evaluation.tables.js';
import { StudiesView, StudyView, TABLE_PATH, TableView } from './evaluation.views.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const FilterQuery = Type.Object({
  badanie: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(Type.String({ maxLength: 40 })),
  ocena: Type.Optional(Type.String({ maxLength: 40 })),
  adresat: Type.Optional(Type.String({ maxLength: 500 })),
  element: Type.Optional(Type.String({ maxLength: 64 })),
});
const filterOf = (q: Static<typeof FilterQuery>): svc.TableFilter => ({
  study: q.badanie || undefined,
  status: q.status || undefined,
  rating: q.ocena || undefined,
  addressee: q.adresat || undefined,
  element: q.element || undefined,
});

/** A string enum with its static type (for the OpenAPI document and the response serialiser). */
const oneOf = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);
const Str = Type.String();
const Day = Type.String({ format: 'date' });
const RatingT = oneOf(RATINGS);
const StudyT = Type.Object({
  id: Str,
  title: Str,
  type: oneOf(STUDY_TYPES),
  programme_id: Nullable(Str),
  version_id: Nullable(Str),
  commissioning_unit: Nullable(Str),
  contractor: Nullable(Str),
  year: Type.Union([Type.Integer(), Type.Null()]),
  commissioned_on: Nullable(Day),
  delivered_on: Nullable(Day),
  accepted_on: Nullable(Day),
  method_summary: Nullable(Str),
  criteria: Type.Array(oneOf(CRITERIA)),
  report_document_url: Nullable(Str),
  summary_document_url: Nullable(Str),
  source_note: Nullable(Str),
  is_example: Type.Boolean(),
  url: Str,
});
const ActionT = Type.Object({
  id: Str,
  description: Str,
  owner_unit: Str,
  deadline: Day,
  status: oneOf(ACTION_STATUSES),
  is_overdue: Type.Boolean(),
});
const RatingRowT = Type.Object({
  proposed: RatingT,
  proposed_at: Type.String({ format: 'date-time' }),
  evidence_text: Nullable(Str),
  evidence_link: Nullable(Str),
  validated: Type.Union([RatingT, Type.Null()]),
  validated_at: Nullable(Type.String({ format: 'date-time' })),
  validation_note: Nullable(Str),
});
const RecommendationT = Type.Object({
  id: Str,
  study_id: Str,
  number: Str,
  finding: Str,
  text: Str,
  addressee: Str,
  proposed_way: Nullable(Str),
  deadline: Nullable(Day),
  status: oneOf(RECOMMENDATION_STATUSES, 'derived from the response, the actions and the closure'),
  response: Type.Union([Type.Literal('accepted'), Type.Literal('partly_accepted'), Type.Literal('not_accepted'), Type.Null()]),
  response_reason: Nullable(Str),
  response_due_on: Nullable(Day),
  is_response_overdue: Type.Boolean(),
  closure_note: Nullable(Str),
  closure_evidence: Nullable(Str),
  closed_on: Nullable(Day),
  rating_proposed: Type.Union([RatingT, Type.Null()], { description: "the owner's latest proposal" }),
  rating_validated: Type.Union([RatingT, Type.Null()], { description: "the coordinator's latest validated rating" }),
  ratings: Type.Array(RatingRowT, { description: 'every rating round: proposal and validation, both kept' }),
  actions: Type.Array(ActionT),
  programme_elements: Type.Array(
    Type.Object({ kind: Type.Union([Type.Literal('element'), Type.Literal('indicator')]), code: Str, name: Str, url: Str }),
  ),
  is_example: Type.Boolean(),
  url: Str,
});

export async function evaluationRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  const crumbs = (request: { t: (k: 'evaluation.title') => string }) => [{ label: request.t('evaluation.title'), path: '/ewaluacja' }];

  app.get('/ewaluacja', { config: { access: 'public' } }, async (request, reply) => {
    const studies = await svc.listStudies(ctx, true);
    const views = await svc.recommendationViews(ctx, studies);
    const counts = new Map<string, number>();
    for (const v of views) counts.set(v.study.id, (counts.get(v.study.id) ?? 0) + 1);
    return sendPage(
      request,
      reply,
      { title: request.t('evaluation.title'), breadcrumbs: [{ label: request.t('evaluation.title') }] },
      <StudiesView studies={studies} counts={counts} />,
    );
  });

  app.get(TABLE_PATH, { config: { access: 'public' }, schema: { querystring: FilterQuery } }, async (request, reply) => {
    const filter = filterOf(request.query);
    const table = await svc.publicTable(ctx, filter);
    return sendPage(
      request,
      reply,
      { title: request.t('evaluation.table.title'), breadcrumbs: crumbs(request) },
      <TableView rows={table.rows} filter={filter} studies={table.studies} addressees={table.addressees} targets={table.targets} />,
    );
  });

  app.get(
    `${TABLE_PATH}.csv`,
    {
      config: { access: 'public' },
      schema: { querystring: FilterQuery, tags: ['evaluation'], summary: 'The recommendations table as CSV (BOM, `;`)' },
    },
    async (request, reply) => {
      const t = translator(request.lang);
      const { rows } = await svc.publicTable(ctx, filterOf(request.query));
      const rating = (r: (typeof RATINGS)[number] | null) => (r ? t(`evaluation.ratings.${r}`) : t('evaluation.ratings.none'));
      const csv = spreadsheetCsv([
        [
          t('evaluation.csv.study'),
          t('evaluation.rec.number'),
          t('evaluation.rec.finding'),
          t('evaluation.rec.text'),
          t('evaluation.rec.addressee'),
          t('evaluation.rec.deadline'),
          t('evaluation.csv.status'),
          t('evaluation.csv.response'),
          t('evaluation.csv.responseDue'),
          t('evaluation.csv.ratingOwner'),
          t('evaluation.csv.ratingCoordinator'),
          t('evaluation.csv.overdueResponse'),
          t('evaluation.csv.overdueActions'),
          t('evaluation.rec.targets'),
          t('evaluation.csv.example'),
        ],
        ...rows.map((v) => [
          v.study.title,
          v.rec.number,
          v.rec.finding,
          v.rec.text,
          v.rec.addressee,
          v.rec.deadline,
          t(`evaluation.statuses.${v.status}`),
          v.rec.response_kind ? t(`evaluation.responseKinds.${v.rec.response_kind}`) : '',
          v.responseDue,
          rating(v.proposed),
          rating(v.validated),
          v.responseOverdue ? t('evaluation.csv.yes') : t('evaluation.csv.no'),
          v.overdueActions.map((a) => a.description).join(' | '),
          v.targets.map((x) => x.label).join(' | '),
          v.rec.is_example ? t('evaluation.example') : '',
        ]),
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition('rekomendacje-ewaluacyjne.csv'))
        .header('link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`)
        .send(csv);
    },
  );

  app.get('/ewaluacja/:id', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) => {
    const study = await svc.getStudy(ctx, request.params.id, true);
    const programme = study.programme_id ? await findProgramme(ctx.db, study.programme_id) : undefined;
    const version = study.version_id ? await findProgrammeVersion(ctx.db, study.version_id) : undefined;
    const docIds = [study.report_document_id, study.summary_document_id].filter((x): x is string => !!x);
    const docs = await attachedDocuments(ctx, docIds, request.lang);
    const views = await svc.recommendationViews(ctx, [study]);
    return sendPage(
      request,
      reply,
      { title: study.title, breadcrumbs: crumbs(request) },
      <StudyView
        study={study}
        programme={programme ? { title: programme.title, slug: programme.slug } : null}
        version={version ? { number: version.number, label: version.label } : null}
        documents={{
          report: docs.find((d) => d.id === study.report_document_id) ?? null,
          summary: docs.find((d) => d.id === study.summary_document_id) ?? null,
        }}
        views={views}
        extras={await evaluationPageExtras(ctx, { kind: 'study', id: study.id }, request)}
      />,
    );
  });

  // --- API -------------------------------------------------------------------------------------------

  const studyJson = async (s: repo.StudyRow): Promise<Static<typeof StudyT>> => {
    const docs = await attachedDocuments(
      ctx,
      [s.report_document_id, s.summary_document_id].filter((x): x is string => !!x),
      'pl',
    );
    const url = (id: string | null) => {
      const d = docs.find((x) => x.id === id);
      return d ? `${base}${d.href}` : null;
    };
    return {
      id: s.id,
      title: s.title,
      type: s.study_type,
      programme_id: s.programme_id,
      version_id: s.version_id,
      commissioning_unit: s.commissioning_unit,
      contractor: s.contractor,
      year: s.study_year,
      commissioned_on: s.commissioned_on,
      delivered_on: s.delivered_on,
      accepted_on: s.accepted_on,
      method_summary: s.method_summary,
      criteria: svc.criteriaOf(s),
      report_document_url: url(s.report_document_id),
      summary_document_url: url(s.summary_document_id),
      source_note: s.source_note,
      is_example: s.is_example,
      url: `${base}/ewaluacja/${s.id}`,
    };
  };

  app.get(
    '/api/v1/ewaluacja/badania',
    {
      config: { access: 'public' },
      schema: {
        tags: ['evaluation'],
        summary: 'Published evaluation studies; unknown facts are null',
        response: { 200: Type.Object({ licence: LicenceSchema, items: Type.Array(StudyT) }) },
      },
    },
    async () => ({ licence: { ...OPEN_DATA_LICENCE }, items: await Promise.all((await svc.listStudies(ctx, true)).map(studyJson)) }),
  );

  app.get(
    '/api/v1/ewaluacja/rekomendacje',
    {
      config: { access: 'public' },
      schema: {
        tags: ['evaluation'],
        summary: 'Recommendations of published studies with their response, actions and both ratings; the same filters as the page',
        querystring: FilterQuery,
        response: { 200: Type.Object({ licence: LicenceSchema, items: Type.Array(RecommendationT) }) },
      },
    },
    async (request) => {
      const { rows } = await svc.publicTable(ctx, filterOf(request.query));
      return {
        licence: { ...OPEN_DATA_LICENCE },
        items: rows.map((v) => ({
          id: v.rec.id,
          study_id: v.study.id,
          number: v.rec.number,
          finding: v.rec.finding,
          text: v.rec.text,
          addressee: v.rec.addressee,
          proposed_way: v.rec.proposed_way,
          deadline: v.rec.deadline,
          status: v.status,
          response: v.rec.response_kind,
          response_reason: v.rec.response_reason,
          response_due_on: v.responseDue,
          is_response_overdue: v.responseOverdue,
          closure_note: v.rec.closure_note,
          closure_evidence: v.rec.closure_evidence,
          closed_on: v.rec.closed_on,
          rating_proposed: v.proposed,
          rating_validated: v.validated,
          ratings: v.ratings.map((r) => ({
            proposed: r.proposed_rating,
            proposed_at: r.proposed_at,
            evidence_text: r.evidence_text,
            evidence_link: r.evidence_link,
            validated: r.validated_rating,
            validated_at: r.validated_at,
            validation_note: r.validation_note,
          })),
          actions: v.actions.map((a) => ({
            id: a.id,
            description: a.description,
            owner_unit: a.owner_unit,
            deadline: a.deadline,
            status: a.status,
            is_overdue: a.overdue,
          })),
          programme_elements: v.targets.map((x) => ({ kind: x.kind, code: x.code, name: x.label, url: `${base}${x.path}` })),
          is_example: v.rec.is_example,
          url: `${base}/ewaluacja/${v.study.id}#rec-${v.rec.id}`,
        })),
      };
    },
  );
}
