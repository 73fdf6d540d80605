// The chart's data rows (what the bars, the path and the diamonds are drawn from, and what the table
// beside the chart lists) and the SVG drawn from them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { chartRows, IndicatorChart } from './indicators.chart.js';

const text = {
  id: 'c',
  title: 'Tytuł',
  desc: 'Opis',
  yearLabel: 'Rok',
  legendValues: 'wartość',
  legendPath: 'ścieżka',
  legendExample: null,
  formatNumber: (n: number) => new Intl.NumberFormat('pl-PL').format(n),
};

describe('indicator chart', () => {
  it('has a row per year from the earliest to the latest date it knows, with the path between baseline and final target', () => {
    const rows = chartRows({
      baselineValue: 10,
      baselineYear: 2019,
      targets: [
        { year: 2022, value: 40 },
        { year: 2021, value: 25 },
      ],
      values: [{ period: 2020, value: 12, isExample: false }],
      periodFrom: 2020,
      periodTo: 2022,
    });
    assert.deepEqual(
      rows.map((r) => r.year),
      [2019, 2020, 2021, 2022],
    );
    assert.deepEqual(
      rows.map((r) => r.path),
      [10, 20, 30, 40],
    );
    assert.deepEqual(
      rows.map((r) => r.target),
      [null, null, 25, 40],
    );
    assert.deepEqual(
      rows.map((r) => r.value),
      [null, 12, null, null],
    );
  });

  it('has no path without a baseline, or when the target year is not after it', () => {
    assert.ok(
      chartRows({
        baselineValue: null,
        baselineYear: null,
        targets: [{ year: 2022, value: 4 }],
        values: [],
        periodFrom: 2020,
        periodTo: 2022,
      }).every((r) => r.path === null),
    );
    assert.ok(
      chartRows({
        baselineValue: 1,
        baselineYear: 2022,
        targets: [{ year: 2022, value: 4 }],
        values: [],
        periodFrom: 2020,
        periodTo: 2022,
      }).every((r) => r.path === null),
    );
  });

  it('draws one bar per value (hatched for examples), the dashed path and the target diamonds', () => {
    const rows = chartRows({
      baselineValue: 0,
      baselineYear: 2020,
      targets: [{ year: 2023, value: 30000 }],
      values: [
        { period: 2021, value: 12500.5, isExample: false },
        { period: 2022, value: 0, isExample: true },
      ],
      periodFrom: 2020,
      periodTo: 2023,
    });
    const svg = renderToString(<IndicatorChart rows={rows} text={{ ...text, legendExample: 'przykładowe dane' }} />);
    const bars = [...svg.matchAll(/class="indicator-chart__bar" data-year="(\d+)" data-value="([^"]+)"[^>]*fill="([^"]+)"/g)].map((m) => [
      m[1],
      m[2]!.replace(/\u00a0/g, ' '),
      m[3],
    ]);
    assert.deepEqual(bars, [
      ['2021', '12 500,5', '#2f6fa8'],
      ['2022', '0', 'url(#c-hatch)'],
    ]);
    assert.match(svg, /class="indicator-chart__path" d="M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+"/);
    assert.match(svg, /data-year="2023" data-target="30\s000"/);
    assert.match(svg, /role="img" aria-labelledby="c-title" aria-describedby="c-desc"/);
    assert.match(svg, /<\/svg> przykładowe dane<\/li>/);
    // the year axis names every year
    for (const y of [2020, 2021, 2022, 2023]) assert.match(svg, new RegExp(`>${y}</text>`));
  });

  it('keeps negative values below the zero line', () => {
    const rows = chartRows({
      baselineValue: null,
      baselineYear: null,
      targets: [],
      values: [
        { period: 2020, value: -5, isExample: false },
        { period: 2021, value: 5, isExample: false },
      ],
      periodFrom: 2020,
      periodTo: 2021,
    });
    const svg = renderToString(<IndicatorChart rows={rows} text={text} />);
    const [neg, pos] = [...svg.matchAll(/data-year="\d+" data-value="[^"]+" x="[^"]+" y="([\d.]+)" width="[^"]+" height="([\d.]+)"/g)].map(
      (m) => ({ y: Number(m[1]), h: Number(m[2]) }),
    );
    assert.ok(neg && pos);
    assert.ok(Math.abs(neg.y - (pos.y + pos.h)) < 0.01, 'the negative bar starts where the positive one ends (at zero)');
  });
});
