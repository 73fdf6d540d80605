// Public views of indicators: the progress badge (an icon and words, never colour alone), the list
// with progress used on the programme page and the indicators page, and the page of one indicator
// with its chart, the table of the same numbers, the breakdown by area (table and map) and the
// definition with its sources.
import type { ComponentChildren } from 'preact';
import { Alert, Table } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import { DataTableDisclosure } from '../../core/ui/data-table.js';
import { CachedFragment, identityKey } from '../../core/ui/fragment.js';
import type { TKey } from '../../i18n/index.js';
import { classify, classOf, MapLegend, TerritoryMap, type MapShape, type MapGeometry } from '../territory/index.js';
import { chartRows, IndicatorChart } from './indicators.chart.js';
import { formatAmount } from './indicators.amount.js';
import { SMALL_COUNT_TEXT } from './indicators.privacy.js';
import { chosenParamNames, parseFormulaParams, type IndicatorFormula } from './indicators.formulas.js';
import type { Progress } from './indicators.progress.js';
import type { Figure, IndicatorView } from './indicators.service.js';

export function indicatorPath(slug: string, code: string): string {
  return `/program/${slug}/wskazniki/${encodeURIComponent(code)}`;
}

function ProgressIcon({ status }: { status: Progress['status'] }) {
  const common = {
    width: 20,
    height: 20,
    viewBox: '0 0 20 20',
    'aria-hidden': 'true' as const,
    focusable: 'false' as const,
    class: 'progress-icon',
  };
  switch (status) {
    case 'achieved':
      return (
        <svg {...common}>
          <circle cx="10" cy="10" r="9" fill="#1a7f37" />
          <path d="M5.5 10.5l3 3 6-7" fill="none" stroke="#ffffff" stroke-width="2.4" />
        </svg>
      );
    case 'on_track':
      return (
        <svg {...common}>
          <circle cx="10" cy="10" r="9" fill="#0b4f6c" />
          <path d="M5 12l4-4 2.5 2.5L15 7M11.5 7H15v3.5" fill="none" stroke="#ffffff" stroke-width="2" />
        </svg>
      );
    case 'at_risk':
      return (
        <svg {...common}>
          <path d="M10 1.5L19 18H1z" fill="#b00020" />
          <path d="M10 7v5.5M10 14.5v2" stroke="#ffffff" stroke-width="2.2" />
        </svg>
      );
    case 'no_data':
      return (
        <svg {...common}>
          <circle cx="10" cy="10" r="8.5" fill="#ffffff" stroke="#595959" stroke-width="2" />
          <path d="M6 10h8" stroke="#595959" stroke-width="2.2" />
        </svg>
      );
  }
}

/** The verdict in words, e.g. "zagrożony"; a verdict on example data says so ("zagrożony — dane przykładowe"). */
export function progressLabel(progress: Progress, t: (k: TKey) => string): string {
  const word = t(`indicators.progress.${progress.status}` as TKey);
  return progress.isExample ? `${word} — ${t('indicators.progress.example')}` : word;
}

export function ProgressBadge({ progress }: { progress: Progress }) {
  const { t } = usePage();
  return (
    <span class={`progress-badge progress-badge--${progress.status}`}>
      <ProgressIcon status={progress.status} /> {progressLabel(progress, t)}
    </span>
  );
}

export function progressSentence(
  progress: Progress,
  t: (k: TKey, p?: Record<string, string | number>) => string,
  n: (v: number) => string,
): string {
  const sentence = t(`indicators.progress.reason.${progress.reason}` as TKey, {
    value: progress.latest ? n(progress.latest.value) : '',
    year: progress.latest?.period ?? '',
    target: progress.target ? n(progress.target.value) : '',
    targetYear: progress.target?.year ?? '',
    expected: progress.expected === null ? '' : n(Math.round(progress.expected * 100) / 100),
  });
  return progress.isExample ? `${sentence} ${t('indicators.progress.exampleNote')}` : sentence;
}

/** Whether anything shown of the indicator is example data: its definition, a target or a figure. */
export function hasExampleData(view: IndicatorView): boolean {
  return view.indicator.is_example || view.targets.some((x) => x.isExample) || view.figures.some((f) => f.isExample);
}

function latestRegion(view: IndicatorView): Figure | null {
  return view.regionSeries.length ? view.regionSeries[view.regionSeries.length - 1]! : null;
}

function ExampleMark() {
  const { t } = usePage();
  return <span class="example-mark">{t('indicators.example')}</span>;
}

/** The list of indicators with their latest value, target and progress. */
export function IndicatorTable({ views, slug, caption }: { views: IndicatorView[]; slug: string; caption?: string }) {
  const { t, fmt, href } = usePage();
  if (views.length === 0) return <p>{t('indicators.list.empty')}</p>;
  const hasExample = views.some(hasExampleData);
  return (
    <>
      {hasExample ? <p class="hint">{t('indicators.exampleNote')}</p> : null}
      <Table
        caption={caption ?? t('indicators.list.caption')}
        rowKey={(v) => v.indicator.id}
        rows={views}
        columns={[
          {
            header: t('indicators.field.name'),
            cell: (v) => (
              <>
                <a href={href(indicatorPath(slug, v.indicator.code))}>
                  {v.indicator.code} {v.indicator.name}
                </a>
                {v.indicator.is_example ? <span class="example-mark"> ({t('indicators.exampleIndicator')})</span> : null}
              </>
            ),
          },
          {
            header: t('indicators.list.latest'),
            numeric: true,
            cell: (v) => {
              const f = latestRegion(v);
              if (!f) return t('indicators.list.noValue');
              return (
                <>
                  {f.value === null ? SMALL_COUNT_TEXT : formatAmount(t, fmt, f.value, v.indicator.unit)} ({f.period})
                  {f.isExample ? (
                    <>
                      {' '}
                      <ExampleMark />
                    </>
                  ) : null}
                </>
              );
            },
          },
          {
            header: t('indicators.list.target'),
            numeric: true,
            cell: (v) => {
              const target = v.progress.target;
              if (!target) return t('indicators.public.none');
              const example = v.targets.some((x) => x.year === target.year && x.isExample);
              return (
                <>
                  {`${formatAmount(t, fmt, target.value, v.indicator.unit)} (${target.year})`}
                  {example ? (
                    <>
                      {' '}
                      <ExampleMark />
                    </>
                  ) : null}
                </>
              );
            },
          },
          { header: t('indicators.progress.label'), cell: (v) => <ProgressBadge progress={v.progress} /> },
        ]}
      />
    </>
  );
}

export interface BreakdownData {
  period: number;
  rows: { code: string; name: string; value: number | null; isExample: boolean }[];
  /** For the map: gmina TERYT → the figure of its area, and the area's name. */
  gminy: Map<string, { value: number; area: string }>;
  gminaNames: Map<string, string>;
  geometry: MapGeometry | null;
  groupingFrom: string | null;
}

/** A computed indicator's formula by name, with the entity filters and the formula's own parameters chosen for it. */
export function FormulaDescription({ formula, formulaParams }: { formula: IndicatorFormula; formulaParams: string }) {
  const { t } = usePage();
  const params = parseFormulaParams(formulaParams, formula);
  const parts = [
    formula.label(t),
    ...(params.legalForms.length ? [params.legalForms.map((f) => t(`registry.legalForm.${f}` as TKey)).join(', ')] : []),
    ...(params.lifecycles.length ? [params.lifecycles.map((f) => t(`registry.lifecycle.${f}` as TKey)).join(', ')] : []),
    ...chosenParamNames(formula, params, t).map((p) => t('indicators.public.formulaParam', { label: p.label, names: p.names.join(', ') })),
  ];
  return <>{parts.join(' — ')}</>;
}

function Definition({ view }: { view: IndicatorView }) {
  const { t, fmt, lang } = usePage();
  const i = view.indicator;
  const none = t('indicators.public.none');
  const example = (text: string, isExample: boolean) => (isExample ? `${text} (${t('indicators.example')})` : text);
  const entries: [string, ComponentChildren][] = [
    [t('indicators.field.code'), i.code],
    [t('indicators.field.unit'), i.unit],
    [t('indicators.field.type'), t(`indicators.type.${i.type}` as TKey)],
    [t('indicators.field.direction'), t(`indicators.direction.${i.direction}` as TKey)],
    [
      t('indicators.field.baselineValue'),
      i.baseline_value !== null && i.baseline_year !== null
        ? example(t('indicators.public.baseline', { value: fmt.number(i.baseline_value), year: i.baseline_year }), i.is_example)
        : none,
    ],
    [
      t('indicators.field.targets'),
      view.targets.length ? view.targets.map((x) => example(`${x.year}: ${fmt.number(x.value)}`, x.isExample)).join('; ') : none,
    ],
    [t('indicators.field.frequency'), i.frequency === 'annual' ? t('indicators.frequency.annual') : i.frequency],
    [t('indicators.field.breakdown'), t(`indicators.breakdown.${i.breakdown}` as TKey)],
    [
      t('indicators.field.method'),
      <>
        {t(`indicators.method.${i.method}` as TKey)}
        {view.formula ? (
          <>
            {': '}
            <FormulaDescription formula={view.formula} formulaParams={i.formula_params} />
            <br />
            {t('indicators.computedNote')}
          </>
        ) : null}
      </>,
    ],
    [t('indicators.field.dataSource'), i.data_source ?? none],
    [t('indicators.field.responsiblePartner'), i.responsible_partner ?? none],
    [t('indicators.public.linkedElements'), view.elements.length ? view.elements.map((e) => `${e.code} ${e.title}`).join('; ') : none],
  ];
  return (
    <section aria-labelledby="ind-definition">
      <h2 id="ind-definition">{t('indicators.public.definition')}</h2>
      {i.description ? <p lang={lang === 'en' ? 'pl' : undefined}>{i.description}</p> : null}
      <dl class="definition-list">
        {entries.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * Everything the breakdown shows: the indicator's words, the year's figures per area and, by
 * identity, the territory index they were grouped with and the map's geometry (both kept until their
 * tables are written). The map with 144 labelled gminy is most of the page's rendering.
 */
function breakdownKey(data: BreakdownData, view: IndicatorView): string {
  const i = view.indicator;
  return JSON.stringify([
    'indicator-breakdown',
    i.name,
    i.unit,
    i.breakdown,
    data.period,
    data.groupingFrom,
    data.rows.map((r) => [r.code, r.name, r.value, r.isExample]),
    [...data.gminy].map(([teryt, g]) => [teryt, g.value, g.area]),
    identityKey(data.gminaNames),
    data.geometry ? identityKey(data.geometry) : 0,
  ]);
}

function BreakdownSection({ data, view }: { data: BreakdownData; view: IndicatorView }) {
  const { t, fmt, href } = usePage();
  const unit = view.indicator.unit;
  if (data.rows.length === 0) {
    return (
      <section aria-labelledby="ind-breakdown">
        <h2 id="ind-breakdown">{t('indicators.public.breakdownTitle', { year: data.period })}</h2>
        <p>{t('indicators.public.breakdownNone')}</p>
      </section>
    );
  }
  let map: ComponentChildren = null;
  if (data.geometry) {
    const values = [...data.gminy.values()].map((g) => g.value);
    const classes = classify(values, { zeroClass: true });
    const shapes: MapShape[] = [...data.gminaNames].map(([teryt, name]) => {
      const g = data.gminy.get(teryt);
      return {
        teryt,
        href: href(`/terytorium/${teryt}`),
        label: g ? `${name} — ${g.area}: ${formatAmount(t, fmt, g.value, unit)}` : `${name}: ${t('indicators.list.noValue')}`,
        fill: g ? (classOf(classes, g.value)?.fill ?? null) : null,
      };
    });
    const noData = shapes.filter((s) => s.fill === null).length;
    map = (
      <div class="indicator-map">
        <TerritoryMap
          id="indicator-map"
          units={data.geometry.gminy}
          powiatBorders={data.geometry.powiatBorders}
          shapes={shapes}
          title={t('indicators.public.mapTitle', { name: view.indicator.name, year: data.period })}
          desc={t('indicators.public.mapDesc')}
          towns={data.geometry.towns}
        />
        <MapLegend
          heading={t('indicators.public.mapLegend', { name: view.indicator.name, unit })}
          decimals={2}
          items={[
            ...classes.map((c) => ({ kind: 'range' as const, ...c })),
            ...(noData ? [{ kind: 'nodata' as const, count: noData }] : []),
          ]}
        />
      </div>
    );
  }
  return (
    <section aria-labelledby="ind-breakdown">
      <h2 id="ind-breakdown">{t('indicators.public.breakdownTitle', { year: data.period })}</h2>
      {data.groupingFrom ? <p class="hint">{t('indicators.public.subregionGrouping', { from: data.groupingFrom })}</p> : null}
      <DataTableDisclosure rows={data.rows.length}>
        <Table
          caption={t('indicators.public.breakdownCaption', { year: data.period })}
          rowKey={(r) => r.code}
          rows={data.rows}
          columns={[
            { header: t('indicators.field.territory'), cell: (r) => r.name },
            {
              header: `${t('indicators.field.value')} (${unit})`,
              numeric: true,
              cell: (r) => (
                <>
                  {r.value === null ? SMALL_COUNT_TEXT : fmt.number(r.value)}
                  {r.isExample ? (
                    <>
                      {' '}
                      <ExampleMark />
                    </>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      </DataTableDisclosure>
      {map}
    </section>
  );
}

export function IndicatorDetail({
  view,
  programme,
  breakdown,
}: {
  view: IndicatorView;
  programme: { slug: string; period_from: number; period_to: number };
  breakdown: BreakdownData | null;
}) {
  const { t, fmt, href } = usePage();
  const i = view.indicator;
  const rows = chartRows({
    baselineValue: i.baseline_value,
    baselineYear: i.baseline_year,
    isExample: i.is_example,
    targets: view.targets,
    values: view.regionSeries.map((f) => ({
      period: f.period,
      value: f.value,
      isExample: f.isExample,
      isSuppressed: f.isSuppressed === true,
    })),
    periodFrom: programme.period_from,
    periodTo: programme.period_to,
  });
  const hasExample = hasExampleData(view);
  const live = view.regionSeries.find((f) => f.isLive && view.liveAsOf && f.period === Number(view.liveAsOf.slice(0, 4)));
  const n = (v: number | null) => (v === null ? '—' : fmt.number(v));
  return (
    <>
      {i.is_example ? (
        <Alert kind="info" title={t('indicators.exampleIndicator')}>
          {t('indicators.exampleIndicatorNote')}
        </Alert>
      ) : null}
      {hasExample ? (
        <Alert kind="info" title={t('indicators.example')}>
          {t('indicators.exampleNote')}
        </Alert>
      ) : null}
      <p class="indicator-progress">
        <ProgressBadge progress={view.progress} /> {progressSentence(view.progress, t, fmt.number)}
      </p>
      <section aria-labelledby="ind-values">
        <h2 id="ind-values">{t('indicators.public.values')}</h2>
        {view.computing ? <p>{t('indicators.public.computing')}</p> : null}
        {view.regionSeries.length === 0 && !view.computing ? <p>{t('indicators.public.noValues')}</p> : null}
        <IndicatorChart
          rows={rows}
          text={{
            id: 'indicator-chart',
            title: t('indicators.chart.title', { name: `${i.code} ${i.name}` }),
            desc: t('indicators.chart.desc', { from: rows[0]?.year ?? '', to: rows[rows.length - 1]?.year ?? '' }),
            yearLabel: t('indicators.chart.year'),
            legendValues: t('indicators.chart.legendValues'),
            legendPath: t('indicators.chart.legendPath'),
            legendExample: view.figures.some((f) => f.isExample) ? t('indicators.chart.legendExample') : null,
            exampleNote: i.is_example ? t('indicators.exampleIndicatorNote') : null,
            formatNumber: fmt.number,
          }}
        />
        <Table
          caption={
            i.is_example
              ? `${t('indicators.public.valuesCaption')} (${t('indicators.exampleIndicator')})`
              : t('indicators.public.valuesCaption')
          }
          rowKey={(r) => String(r.year)}
          rows={rows}
          columns={[
            { header: t('indicators.chart.year'), cell: (r) => String(r.year) },
            {
              header: `${t('indicators.chart.value')} (${i.unit})`,
              numeric: true,
              cell: (r) => (
                <>
                  {r.isSuppressed ? SMALL_COUNT_TEXT : n(r.value)}
                  {r.value !== null && r.isExample ? (
                    <>
                      {' '}
                      <ExampleMark />
                    </>
                  ) : null}
                  {r.value !== null && live && r.year === live.period ? (
                    <span class="hint"> {t('indicators.public.live', { date: fmt.date(view.liveAsOf!) })}</span>
                  ) : null}
                </>
              ),
            },
            {
              header: t('indicators.chart.path'),
              numeric: true,
              cell: (r) => (
                <>
                  {n(r.path)}
                  {r.path !== null && r.pathIsExample ? (
                    <>
                      {' '}
                      <ExampleMark />
                    </>
                  ) : null}
                </>
              ),
            },
            {
              header: t('indicators.chart.target'),
              numeric: true,
              cell: (r) => (
                <>
                  {n(r.target)}
                  {r.target !== null && r.targetIsExample ? (
                    <>
                      {' '}
                      <ExampleMark />
                    </>
                  ) : null}
                </>
              ),
            },
          ]}
        />
        <p>
          <a href={href(`${indicatorPath(programme.slug, i.code)}.csv`)} download>
            {t('indicators.public.csv')}
          </a>
        </p>
      </section>
      {breakdown ? (
        <CachedFragment contentKey={breakdownKey(breakdown, view)}>
          {() => <BreakdownSection data={breakdown} view={view} />}
        </CachedFragment>
      ) : null}
      <Definition view={view} />
    </>
  );
}
