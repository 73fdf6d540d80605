// What the evaluation module adds to other modules' pages: under each goal and action of the
// programme page, the recommendations concerning it (programme's `programmeElementSections`); in
// the annual report, the generated section "Follow-up of evaluation recommendations" (indicators'
// `annualReportSections`): counts by status and by the coordinator's rating, and the overdue list;
// and the recommendations with their follow-up as an open dataset (opendata's `openDatasets`).
import type { AnnualReportSection, IndicatorPageSection } from '../indicators/index.js';
import type { OpenDataset } from '../opendata/index.js';
import { lastChange } from './evaluation.repo.js';
import type { ProgrammeElementSection } from '../programme/index.js';
import { RECOMMENDATION_STATUSES } from './evaluation.rules.js';
import { recommendationsByTarget, reportSummary } from './evaluation.service.js';
import { RATINGS } from './evaluation.tables.js';
import { ElementRecommendations, IndicatorRecommendations } from './evaluation.views.js';

export const elementRecommendations: ProgrammeElementSection = {
  id: 'evaluation.recommendations',
  order: 10,
  async load(ctx, programme) {
    const byTarget = await recommendationsByTarget(ctx, programme.id);
    const out = new Map<string, ReturnType<typeof ElementRecommendations>>();
    for (const [id, views] of byTarget) {
      const code = views[0]!.targets.find((t) => t.id === id)?.code ?? '';
      if (views[0]!.targets.find((t) => t.id === id)?.kind === 'element')
        out.set(id, <ElementRecommendations views={views} elementCode={code} />);
    }
    return out;
  },
};

export const indicatorRecommendations: IndicatorPageSection = {
  id: 'evaluation.recommendations',
  order: 50,
  async render(ctx, programme, indicator) {
    const views = (await recommendationsByTarget(ctx, programme.id)).get(indicator.id) ?? [];
    return views.length ? <IndicatorRecommendations views={views} code={indicator.code} /> : null;
  },
};

export const followUpReportSection: AnnualReportSection = {
  id: 'evaluation.follow-up',
  order: 50,
  // the studies with their recommendations, actions, ratings and links, and the programme's goals
  // and indicators the links name
  tables: [
    'evaluation_studies',
    'evaluation_recommendations',
    'evaluation_actions',
    'evaluation_ratings',
    'evaluation_recommendation_links',
    'programmes',
    'programme_elements',
    'programme_budget_lines',
    'indicators',
  ],
  async build(ctx, programme, year, t, fmt) {
    const s = await reportSummary(ctx, programme.id, year);
    const title = t('evaluation.report.title');
    if (s.total === 0) return { title, blocks: [{ kind: 'paragraph', text: t('evaluation.report.none') }] };
    return {
      title,
      blocks: [
        { kind: 'paragraph', text: t('evaluation.report.intro', { count: s.total, year }) },
        {
          kind: 'table',
          caption: t(s.asOf === `${year}-12-31` ? 'evaluation.report.byStatusYearEnd' : 'evaluation.report.byStatus', { year }),
          head: [t('evaluation.table.status'), t('evaluation.report.count')],
          rows: [
            ...RECOMMENDATION_STATUSES.filter((st) => s.byStatus.has(st)).map((st) => [
              t(`evaluation.statuses.${st}`),
              fmt.number(s.byStatus.get(st)!),
            ]),
            ...(s.statusUnknown ? [[t('evaluation.report.statusUnknown'), fmt.number(s.statusUnknown)]] : []),
          ],
          numeric: [false, true],
        },
        ...(s.statusUnknown
          ? [{ kind: 'paragraph' as const, text: t('evaluation.report.statusUnknownNote', { count: s.statusUnknown, year }) }]
          : []),
        {
          kind: 'table',
          caption: t('evaluation.report.byRating', { year }),
          head: [t('evaluation.rating.validated'), t('evaluation.report.count')],
          rows: RATINGS.filter((r) => s.byRating.has(r)).map((r) => [t(`evaluation.ratings.${r}`), fmt.number(s.byRating.get(r)!)]),
          numeric: [false, true],
        },
        s.overdue.length
          ? {
              kind: 'list',
              items: s.overdue.map((v) =>
                [
                  `${t('evaluation.rec.heading', { number: v.rec.number })} (${v.study.title})`,
                  v.responseOverdue ? t('evaluation.responseOverdue') : null,
                  ...v.overdueActions.map(
                    (a) =>
                      `${t('evaluation.table.overdueAction')}: ${a.description} (${t('evaluation.digest.due', { due: fmt.date(`${a.deadline}T12:00:00Z`) })})`,
                  ),
                ]
                  .filter(Boolean)
                  .join(' — '),
              ),
            }
          : { kind: 'paragraph', text: t('evaluation.report.noOverdue') },
      ],
    };
  },
};

/** The recommendations of published studies with their follow-up, as open data (CSV and API). */
export const recommendationsDataset: OpenDataset = {
  id: 'rekomendacje',
  order: 40,
  titleKey: 'evaluation.dataset.title',
  descriptionKey: 'evaluation.dataset.description',
  formats: [
    { format: 'CSV', path: '/ewaluacja/rekomendacje.csv', mediaType: 'text/csv' },
    { format: 'API', path: '/api/v1/ewaluacja/rekomendacje', mediaType: 'application/json' },
    { format: 'API', path: '/api/v1/ewaluacja/badania', mediaType: 'application/json' },
  ],
  lastChanged: (ctx) => lastChange(ctx.db),
};
