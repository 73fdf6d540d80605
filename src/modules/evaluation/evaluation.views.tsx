// Public views of the evaluation module: the list of studies, a study's page (its facts — unknown
// ones said to be unknown —, documents and recommendations with their follow-up), the filterable
// table of recommendations, and the piece each programme element's entry shows. Study texts are in
// Polish only, so they carry lang="pl" on English pages.
import { FacetLayout, FiltersDisclosure } from '../../core/ui/facets.js';
import type { ComponentChildren, VNode } from 'preact';
import { Alert, Button, PageHeader, Table } from '../../core/ui/components.js';
import { SelectField } from '../../core/ui/fields.js';
import { usePage } from '../../core/ui/context.js';
import type { AttachedDocument } from '../portal/index.js';
import { OVERDUE_SLUG, RECOMMENDATION_STATUSES, STATUS_SLUGS, type RecommendationStatus } from './evaluation.rules.js';
import { criteriaOf, RATING_SLUGS, type RecommendationView, type Target, type TableFilter } from './evaluation.service.js';
import type { StudyRow } from './evaluation.repo.js';
import { RATINGS, type Rating } from './evaluation.tables.js';

export const TABLE_PATH = '/ewaluacja/rekomendacje';

export function useDay(): (day: string | null) => string {
  const { fmt, t } = usePage();
  return (day) => (day ? fmt.date(`${day}T12:00:00Z`) : t('evaluation.notSet'));
}

export function StatusBadge({ status }: { status: RecommendationStatus }) {
  const { t } = usePage();
  return <span class={`badge badge--${status}`}>{t(`evaluation.statuses.${status}`)}</span>;
}

export function OverdueMark({ children }: { children: ComponentChildren }) {
  return <strong class="overdue">{children}</strong>;
}

function Unknown() {
  const { t } = usePage();
  return <span class="hint">{t('evaluation.unknown')}</span>;
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children ?? <Unknown />}</dd>
    </div>
  );
}

/** When the study was done, as precisely as known: its acceptance or delivery day, else its year. */
export function useStudyWhen(): (s: StudyRow) => string {
  const { t } = usePage();
  const day = useDay();
  return (s) => {
    const d = s.accepted_on ?? s.delivered_on;
    if (d) return day(d);
    return s.study_year === null ? t('evaluation.unknownShort') : String(s.study_year);
  };
}

export function StudiesView({ studies, counts }: { studies: readonly StudyRow[]; counts: Map<string, number> }) {
  const { t, href } = usePage();
  const when = useStudyWhen();
  return (
    <>
      <PageHeader title={t('evaluation.title')} lead={t('evaluation.intro')} />
      <p>
        <a href={href(TABLE_PATH)}>{t('evaluation.table.title')}</a>
      </p>
      {studies.length === 0 ? (
        <p>{t('evaluation.noStudies')}</p>
      ) : (
        <Table
          caption={t('evaluation.studiesCaption')}
          rowKey={(s) => s.id}
          rows={[...studies]}
          columns={[
            {
              header: t('evaluation.study.title'),
              cell: (s) => (
                <>
                  <a href={href(`/ewaluacja/${s.id}`)} lang="pl">
                    {s.title}
                  </a>
                  {s.is_example ? <span class="example-mark"> ({t('evaluation.example')})</span> : null}
                </>
              ),
            },
            { header: t('evaluation.study.type'), cell: (s) => t(`evaluation.types.${s.study_type}`) },
            { header: t('evaluation.study.when'), cell: (s) => when(s) },
            { header: t('evaluation.recommendationsCount'), cell: (s) => String(counts.get(s.id) ?? 0), numeric: true },
          ]}
        />
      )}
    </>
  );
}

export function TargetLinks({ targets }: { targets: readonly Target[] }) {
  const { t, href } = usePage();
  if (targets.length === 0) return <span class="hint">{t('evaluation.rec.noTargets')}</span>;
  return (
    <ul class="plain-list">
      {targets.map((x) => (
        <li key={x.id}>
          <a href={href(x.path)} lang="pl">
            {x.kind === 'indicator' ? t('evaluation.indicator') : t(`programme.kind.${x.elementKind ?? 'action'}`)} {x.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function RatingPair({ v }: { v: RecommendationView }) {
  const { t } = usePage();
  const label = (r: Rating | null) => (r ? t(`evaluation.ratings.${r}`) : t('evaluation.ratings.none'));
  return (
    <>
      {t('evaluation.rating.ownerShort')}: {label(v.proposed)}; {t('evaluation.rating.coordinatorShort')}: {label(v.validated)}
      {v.differs ? <strong class="rating-difference"> — {t('evaluation.rating.differs')}</strong> : null}
    </>
  );
}

/** A recommendation with its follow-up, as the public sees it (the study page, a programme element). */
export function RecommendationBlock({
  v,
  level = 3,
  withStudy = false,
}: {
  v: RecommendationView;
  level?: 2 | 3 | 4;
  withStudy?: boolean;
}) {
  const { t, href } = usePage();
  const day = useDay();
  const H = level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  const r = v.rec;
  return (
    <article class="recommendation" aria-labelledby={`rec-${r.id}`}>
      <H id={`rec-${r.id}`}>
        {t('evaluation.rec.heading', { number: r.number })}
        {withStudy ? (
          <>
            {' — '}
            <a href={href(`/ewaluacja/${v.study.id}#rec-${r.id}`)} lang="pl">
              {v.study.title}
            </a>
          </>
        ) : null}
      </H>
      {r.is_example ? <p class="example-mark">{t('evaluation.exampleRecommendation')}</p> : null}
      <p>
        <StatusBadge status={v.status} />
        {v.responseOverdue ? <OverdueMark> {t('evaluation.responseOverdue')}</OverdueMark> : null}
        {v.overdueActions.length ? <OverdueMark> {t('evaluation.actionsOverdue', { count: v.overdueActions.length })}</OverdueMark> : null}
      </p>
      <dl class="facts">
        <Fact label={t('evaluation.rec.finding')}>
          <span lang="pl">{r.finding}</span>
        </Fact>
        <Fact label={t('evaluation.rec.text')}>
          <span lang="pl">{r.text}</span>
        </Fact>
        <Fact label={t('evaluation.rec.addressee')}>
          <span lang="pl">{r.addressee}</span>
        </Fact>
        <Fact label={t('evaluation.rec.proposedWay')}>{r.proposed_way ? <span lang="pl">{r.proposed_way}</span> : null}</Fact>
        <Fact label={t('evaluation.rec.deadline')}>{r.deadline ? day(r.deadline) : null}</Fact>
        <Fact label={t('evaluation.rec.targets')}>
          <TargetLinks targets={v.targets} />
        </Fact>
        <Fact label={t('evaluation.response.title')}>
          {r.response_kind ? (
            <>
              {t(`evaluation.responseKinds.${r.response_kind}`)} ({day(r.responded_on)})
              {r.response_reason ? (
                <>
                  {' — '}
                  <span lang="pl">{r.response_reason}</span>
                </>
              ) : null}
              {r.response_text ? (
                <>
                  {' '}
                  <span lang="pl">{r.response_text}</span>
                </>
              ) : null}
            </>
          ) : (
            <>{t('evaluation.response.awaited', { due: day(v.responseDue) })}</>
          )}
        </Fact>
        <Fact label={t('evaluation.rating.title')}>
          <RatingPair v={v} />
        </Fact>
        {r.closure ? (
          <Fact label={t(r.closure === 'closed' ? 'evaluation.close.closedOn' : 'evaluation.abandon.abandonedOn')}>
            {day(r.closed_on)}
            {r.closure_evidence ? (
              <>
                {' — '}
                <span lang="pl">{r.closure_evidence}</span>
              </>
            ) : null}
            {r.closure_note ? (
              <>
                {' — '}
                <span lang="pl">{r.closure_note}</span>
              </>
            ) : null}
          </Fact>
        ) : null}
      </dl>
      {v.actions.length ? <ActionsTable v={v} /> : null}
    </article>
  );
}

export function ActionsTable({ v }: { v: RecommendationView }) {
  const { t } = usePage();
  const day = useDay();
  return (
    <Table
      caption={t('evaluation.action.caption', { number: v.rec.number })}
      rowKey={(a) => a.id}
      rows={v.actions}
      columns={[
        { header: t('evaluation.action.description'), cell: (a) => <span lang="pl">{a.description}</span> },
        { header: t('evaluation.action.owner'), cell: (a) => <span lang="pl">{a.owner_unit}</span> },
        {
          header: t('evaluation.action.deadline'),
          cell: (a) => (
            <>
              {day(a.deadline)}
              {a.overdue ? <OverdueMark> {t('evaluation.overdue')}</OverdueMark> : null}
            </>
          ),
        },
        { header: t('evaluation.action.status'), cell: (a) => t(`evaluation.actionStatuses.${a.status}`) },
      ]}
    />
  );
}

export function StudyView({
  study,
  programme,
  version,
  documents,
  views,
  extras,
}: {
  /** Sections other modules contribute (evaluationPageSections), at the end of the page. */
  extras?: VNode[];
  study: StudyRow;
  programme: { title: string; slug: string } | null;
  version: { number: number; label: string } | null;
  documents: { report: AttachedDocument | null; summary: AttachedDocument | null };
  views: readonly RecommendationView[];
}) {
  const { t, href, lang } = usePage();
  const day = useDay();
  const criteria = criteriaOf(study);
  const doc = (d: AttachedDocument | null) =>
    d ? (
      <a href={href(d.href)} lang={d.isFallback ? 'pl' : undefined}>
        {d.title}
      </a>
    ) : null;
  return (
    <>
      <PageHeader title={study.title} lang="pl" />
      {lang !== 'pl' ? <p class="portal-lang-note">{t('evaluation.polishOnly')}</p> : null}
      {study.is_example ? <Alert kind="warning">{t('evaluation.exampleStudy')}</Alert> : null}
      <section aria-labelledby="study-facts">
        <h2 id="study-facts">{t('evaluation.study.facts')}</h2>
        <dl class="facts">
          <Fact label={t('evaluation.study.type')}>{t(`evaluation.types.${study.study_type}`)}</Fact>
          <Fact label={t('evaluation.study.programme')}>
            {programme ? (
              <a href={href(`/program/${programme.slug}`)} lang="pl">
                {programme.title}
              </a>
            ) : null}
          </Fact>
          <Fact label={t('evaluation.study.version')}>{version ? `${version.number}. ${version.label}` : null}</Fact>
          <Fact label={t('evaluation.study.year')}>{study.study_year === null ? null : String(study.study_year)}</Fact>
          <Fact label={t('evaluation.study.commissioningUnit')}>{study.commissioning_unit}</Fact>
          <Fact label={t('evaluation.study.contractor')}>{study.contractor}</Fact>
          <Fact label={t('evaluation.study.commissionedOn')}>{study.commissioned_on ? day(study.commissioned_on) : null}</Fact>
          <Fact label={t('evaluation.study.deliveredOn')}>{study.delivered_on ? day(study.delivered_on) : null}</Fact>
          <Fact label={t('evaluation.study.acceptedOn')}>{study.accepted_on ? day(study.accepted_on) : null}</Fact>
          <Fact label={t('evaluation.study.method')}>{study.method_summary ? <span lang="pl">{study.method_summary}</span> : null}</Fact>
          <Fact label={t('evaluation.study.criteria')}>
            {criteria.length ? criteria.map((c) => t(`evaluation.criteria.${c}`)).join(', ') : null}
          </Fact>
          <Fact label={t('evaluation.study.report')}>{doc(documents.report)}</Fact>
          <Fact label={t('evaluation.study.summary')}>{doc(documents.summary)}</Fact>
        </dl>
        {study.source_note ? (
          <>
            <h3>{t('evaluation.study.sourceNote')}</h3>
            <p lang="pl">{study.source_note}</p>
          </>
        ) : null}
      </section>
      <section aria-labelledby="study-recs">
        <h2 id="study-recs">{t('evaluation.recommendations')}</h2>
        {views.length === 0 ? <p>{t('evaluation.noRecommendations')}</p> : views.map((v) => <RecommendationBlock key={v.rec.id} v={v} />)}
      </section>
      {extras}
    </>
  );
}

export function tableQuery(filter: TableFilter): string {
  const q = new URLSearchParams();
  if (filter.study) q.set('badanie', filter.study);
  if (filter.status) q.set('status', filter.status);
  if (filter.rating) q.set('ocena', filter.rating);
  if (filter.addressee) q.set('adresat', filter.addressee);
  if (filter.element) q.set('element', filter.element);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function TableView({
  rows,
  filter,
  studies,
  addressees,
  targets,
}: {
  rows: readonly RecommendationView[];
  filter: TableFilter;
  studies: readonly StudyRow[];
  addressees: readonly string[];
  targets: readonly Target[];
}) {
  const { t, href } = usePage();
  const any = { value: '', label: t('evaluation.table.any') };
  return (
    <>
      <PageHeader title={t('evaluation.table.title')} lead={t('evaluation.table.intro')} />
      <FacetLayout
        filters={
          <form method="get" action={href(TABLE_PATH)} class="filters" data-live-filters>
            <FiltersDisclosure
              chosen={[filter.study, filter.status, filter.rating, filter.addressee, filter.element].filter(Boolean).length}
            >
              <SelectField
                name="badanie"
                label={t('evaluation.table.study')}
                value={filter.study ?? ''}
                options={[any, ...studies.map((s) => ({ value: s.id, label: s.title }))]}
              />
              <SelectField
                name="status"
                label={t('evaluation.table.status')}
                value={filter.status ?? ''}
                options={[
                  any,
                  { value: OVERDUE_SLUG, label: t('evaluation.table.overdue') },
                  ...RECOMMENDATION_STATUSES.map((s) => ({ value: STATUS_SLUGS[s], label: t(`evaluation.statuses.${s}`) })),
                ]}
              />
              <SelectField
                name="ocena"
                label={t('evaluation.table.rating')}
                value={filter.rating ?? ''}
                options={[any, ...RATINGS.map((r) => ({ value: RATING_SLUGS[r], label: t(`evaluation.ratings.${r}`) }))]}
              />
              <SelectField
                name="adresat"
                label={t('evaluation.table.addressee')}
                value={filter.addressee ?? ''}
                options={[any, ...addressees.map((a) => ({ value: a, label: a }))]}
              />
              <SelectField
                name="element"
                label={t('evaluation.table.element')}
                value={filter.element ?? ''}
                options={[any, ...targets.map((x) => ({ value: x.id, label: x.label }))]}
              />
              <Button>{t('evaluation.table.apply')}</Button>
            </FiltersDisclosure>
          </form>
        }
        resultsId="recommendations-found"
        resultsCount={rows.length}
      >
        <p>
          <a href={href(`${TABLE_PATH}.csv${tableQuery(filter)}`)}>{t('evaluation.table.csv')}</a>
        </p>
        <p role="status" id="recommendations-found">
          {t('evaluation.table.count', { count: rows.length })}
        </p>
        {rows.length ? (
          <Table
            caption={t('evaluation.table.caption')}
            rowKey={(v) => v.rec.id}
            rows={[...rows]}
            columns={[
              {
                header: t('evaluation.table.recommendation'),
                cell: (v) => (
                  <a href={href(`/ewaluacja/${v.study.id}#rec-${v.rec.id}`)}>
                    {t('evaluation.rec.heading', { number: v.rec.number })}: <span lang="pl">{v.study.title}</span>
                  </a>
                ),
              },
              { header: t('evaluation.rec.text'), cell: (v) => <span lang="pl">{v.rec.text}</span> },
              { header: t('evaluation.rec.addressee'), cell: (v) => <span lang="pl">{v.rec.addressee}</span> },
              { header: t('evaluation.table.status'), cell: (v) => <StatusBadge status={v.status} /> },
              { header: t('evaluation.table.rating'), cell: (v) => <RatingPair v={v} /> },
              {
                header: t('evaluation.table.overdue'),
                cell: (v) =>
                  v.overdue ? (
                    <ul class="plain-list">
                      {v.responseOverdue ? <li>{t('evaluation.responseOverdue')}</li> : null}
                      {v.overdueActions.map((a) => (
                        <li key={a.id}>
                          {t('evaluation.table.overdueAction')}: <span lang="pl">{a.description}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t('evaluation.table.notOverdue')
                  ),
              },
              { header: t('evaluation.table.element'), cell: (v) => <TargetLinks targets={v.targets} /> },
            ]}
          />
        ) : null}
      </FacetLayout>
    </>
  );
}

/** What a programme element's entry on the programme page shows: the recommendations concerning it. */
export function ElementRecommendations({ views, elementCode }: { views: readonly RecommendationView[]; elementCode: string }) {
  const { t, href } = usePage();
  return (
    <div class="element-recommendations">
      <p>
        <strong>{t('evaluation.element.title', { count: views.length, code: elementCode })}</strong>
      </p>
      <ul>
        {views.map((v) => (
          <li key={v.rec.id}>
            <a href={href(`/ewaluacja/${v.study.id}#rec-${v.rec.id}`)}>
              {t('evaluation.rec.heading', { number: v.rec.number })} (<span lang="pl">{v.study.title}</span>)
            </a>{' '}
            — <StatusBadge status={v.status} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The section of an indicator's page: the recommendations concerning it, with their follow-up. */
export function IndicatorRecommendations({ views, code }: { views: readonly RecommendationView[]; code: string }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="indicator-recommendations">
      <h2 id="indicator-recommendations">{t('evaluation.element.title', { count: views.length, code })}</h2>
      {views.map((v) => (
        <RecommendationBlock key={v.rec.id} v={v} withStudy />
      ))}
    </section>
  );
}
