// The results on the public pages: a centre's figures (a chart of the latest year per subregion it
// served, and the table of every year; where the centre reported by quarters, a chart per measure of
// the latest year's quarters and the table of every quarter) and, on /wsparcie, the comparison of the subregions (a table
// of the latest year and charts of the headline measures). Small counts read "<3"; example figures
// are marked in the table, hatched in the charts and said under them.
import { Table } from '../../../core/ui/components.js';
import { usePage } from '../../../core/ui/context.js';
import type { T } from '../../../i18n/index.js';
import { quarterName, SMALL_COUNT_TEXT } from '../../indicators/index.js';
import { ResultsChart, type Bar } from './results.chart.js';
import type { ResultMeasure } from './results.definitions.js';
import { quarterKey, type QuarterRef, type ResultCell, type ResultRow, type ResultsTable } from './results.service.js';

export function measureLabel(t: T, m: ResultMeasure): string {
  switch (m.kind) {
    case 'supported':
      return t('support.results.supported', { service: t(`support.services.${m.service}`) });
    case 'created':
      return t('support.results.created');
    case 'jobs':
      return t('support.results.jobs', { group: t(`support.results.group.${m.group}`) });
    case 'trained':
      return t('support.results.trained');
  }
}

function CellText({ cell }: { cell: ResultCell | undefined }) {
  const { t, fmt } = usePage();
  if (!cell) return <>{t('support.unknown')}</>;
  return (
    <>
      {cell.isWithheld
        ? t('support.results.withheld')
        : cell.isSuppressed || cell.value === null
          ? SMALL_COUNT_TEXT
          : fmt.number(cell.value)}
      {cell.isExample ? <span class="example-mark"> ({t('support.example')})</span> : null}
    </>
  );
}

function Notes({ table }: { table: ResultsTable }) {
  const { t } = usePage();
  return (
    <>
      <p class="hint">{t('support.results.smallCounts')}</p>
      {table.hasExample ? <p class="example-mark">{t('support.results.exampleNote')}</p> : null}
    </>
  );
}

export function CentreResultsSection({ table }: { table: ResultsTable }) {
  const { t, fmt, href } = usePage();
  const latest = table.years.at(-1);
  const columns = table.years.flatMap((year) => table.subregions.map((s) => ({ year, s })));
  const used = columns.filter(({ year, s }) => table.rows.some((r) => r.cells.get(year)?.has(s.code)));
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t('support.results.title')}</h2>
      {latest === undefined && table.quarters.length === 0 ? (
        <p>{t('support.results.none')}</p>
      ) : (
        <>
          <Notes table={table} />
          {latest === undefined
            ? null
            : table.subregions
                .filter((s) => table.rows.some((r) => r.cells.get(latest)?.has(s.code)))
                .map((s) => (
                  <ResultsChart
                    key={s.code}
                    id={`results-${s.code}`}
                    title={t('support.results.chartTitle', { year: latest, subregion: s.name })}
                    desc={t('support.results.chartDesc')}
                    bars={table.rows.map((r) => barOf(r.measure.code, measureLabel(t, r.measure), r.cells.get(latest)?.get(s.code)))}
                    formatNumber={(n) => fmt.number(n)}
                    exampleNote={table.hasExample ? t('support.results.exampleNote') : null}
                  />
                ))}
          {used.length ? (
            <Table
              caption={t('support.results.tableCaption')}
              rows={table.rows}
              rowKey={(r) => r.measure.code}
              columns={[
                { header: t('support.results.measure'), cell: (r: ResultRow) => measureLabel(t, r.measure) },
                ...used.map(({ year, s }) => ({
                  header: table.subregions.length > 1 ? `${year} (${s.name})` : String(year),
                  numeric: true,
                  cell: (r: ResultRow) => <CellText cell={r.cells.get(year)?.get(s.code)} />,
                })),
              ]}
            />
          ) : null}
          <QuarterlyResults table={table} />
          <p>
            <a href={href('/wsparcie/wyniki.csv')}>{t('support.results.csv')}</a>
          </p>
        </>
      )}
    </section>
  );
}

/** The quarters a centre reported in quarterly rounds: a chart per subregion and measure of the latest such year, and the table of every quarter. */
function QuarterlyResults({ table }: { table: ResultsTable }) {
  const { t, fmt } = usePage();
  const lastYear = table.quarters.at(-1)?.year;
  if (lastYear === undefined) return null;
  const ofLastYear = table.quarters.filter((q) => q.year === lastYear);
  const has = (r: ResultRow, q: QuarterRef, code: string) => r.quarterCells.get(quarterKey(q))?.has(code) ?? false;
  const columns = table.quarters.flatMap((q) => table.subregions.map((s) => ({ q, s })));
  const used = columns.filter(({ q, s }) => table.rows.some((r) => has(r, q, s.code)));
  const rows = table.rows.filter((r) => r.quarterCells.size > 0);
  return (
    <>
      <h3 id="results-quarters-heading">{t('support.results.quartersTitle')}</h3>
      <p>{t('support.results.quartersIntro')}</p>
      {rows.some((r) => [...r.quarterCells.values()].some((c) => [...c.values()].some((x) => x.isWithheld))) ? (
        <p class="hint">{t('support.results.withheldNote')}</p>
      ) : null}
      {table.subregions.flatMap((s) =>
        rows
          .filter((r) => ofLastYear.some((q) => has(r, q, s.code)))
          .map((r) => (
            <ResultsChart
              key={`${s.code}-${r.measure.code}`}
              id={`results-q-${s.code}-${r.measure.code}`}
              title={t('support.results.quarterChartTitle', { measure: measureLabel(t, r.measure), year: lastYear, subregion: s.name })}
              desc={t('support.results.quarterChartDesc')}
              bars={ofLastYear.map((q) =>
                barOf(`q${q.quarter}`, quarterName(t, q.year, q.quarter), r.quarterCells.get(quarterKey(q))?.get(s.code), t),
              )}
              formatNumber={(n) => fmt.number(n)}
              exampleNote={table.hasExample ? t('support.results.exampleNote') : null}
            />
          )),
      )}
      <Table
        caption={t('support.results.quartersCaption')}
        rows={rows}
        rowKey={(r) => r.measure.code}
        columns={[
          { header: t('support.results.measure'), cell: (r: ResultRow) => measureLabel(t, r.measure) },
          ...used.map(({ q, s }) => ({
            header: table.subregions.length > 1 ? `${quarterName(t, q.year, q.quarter)} (${s.name})` : quarterName(t, q.year, q.quarter),
            numeric: true,
            cell: (r: ResultRow) => <CellText cell={r.quarterCells.get(quarterKey(q))?.get(s.code)} />,
          })),
        ]}
      />
    </>
  );
}

function barOf(key: string, label: string, cell: ResultCell | undefined, t?: T): Bar {
  const bar = { key, label, value: cell?.value ?? null, isSuppressed: cell?.isSuppressed ?? false, isExample: cell?.isExample ?? false };
  return cell?.isWithheld && t ? { ...bar, text: t('support.results.withheld') } : bar;
}

/** Headline measures charted on the region page (the table has them all). */
const HEADLINE = ['created', 'trained'] as const;

export function RegionComparisonSection({ table }: { table: ResultsTable }) {
  const { t, fmt, href } = usePage();
  const latest = table.years.at(-1);
  if (latest === undefined) return null;
  return (
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t('support.results.compareTitle', { year: latest })}</h2>
      <Notes table={table} />
      {table.rows
        .filter((r) => (HEADLINE as readonly string[]).includes(r.measure.kind))
        .map((r) => (
          <ResultsChart
            key={r.measure.code}
            id={`compare-${r.measure.code}`}
            title={`${measureLabel(t, r.measure)} (${latest})`}
            desc={t('support.results.compareDesc')}
            bars={table.subregions.map((s) => barOf(s.code, s.name, r.cells.get(latest)?.get(s.code)))}
            formatNumber={(n) => fmt.number(n)}
            exampleNote={table.hasExample ? t('support.results.exampleNote') : null}
          />
        ))}
      <Table
        caption={t('support.results.compareCaption', { year: latest })}
        rows={table.rows}
        rowKey={(r) => r.measure.code}
        columns={[
          { header: t('support.results.measure'), cell: (r: ResultRow) => measureLabel(t, r.measure) },
          ...table.subregions.map((s) => ({
            header: s.name,
            numeric: true,
            cell: (r: ResultRow) => <CellText cell={r.cells.get(latest)?.get(s.code)} />,
          })),
        ]}
      />
      <p>
        <a href={href('/wsparcie/wyniki.csv')}>{t('support.results.csv')}</a>
      </p>
    </section>
  );
}
