// The indicator chart, drawn on the server as SVG with d3-scale and d3-shape: one bar per year for
// the approved value, a dashed line for the path from the baseline to the target, diamonds for the
// targets, a year axis and numbers in the page's locale. It is an image with a title and a
// description; the same numbers are in the table built from `chartRows` (indicators.progress.ts)
// next to it, so nothing is known from the picture alone. Example (demo) values are hatched, not
// only lighter; an example indicator says so in the chart's description and caption.
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ChartRow } from './indicators.progress.js';

// the rows are computed beside the progress rule (services use them without drawing)
export { chartRows, type ChartInput, type ChartRow } from './indicators.progress.js';

export interface ChartText {
  id: string;
  title: string;
  desc: string;
  yearLabel: string;
  legendValues: string;
  legendPath: string;
  legendExample: string | null;
  /** The indicator is an example: said in the description and under the chart (not by the hatching alone). */
  exampleNote?: string | null;
  formatNumber: (n: number) => string;
}

const WIDTH = 720;
const HEIGHT = 320;
const M = { top: 20, right: 20, bottom: 64, left: 72 };
const BAR = '#2f6fa8';
const PATH = '#b00020';
const AXIS = '#1b1b1b';

export function IndicatorChart({ rows, text }: { rows: readonly ChartRow[]; text: ChartText }) {
  const years = rows.map((r) => String(r.year));
  const x = scaleBand<string>()
    .domain(years)
    .range([M.left, WIDTH - M.right])
    .padding(0.25);
  const numbers = rows.flatMap((r) => [r.value, r.path, r.target]).filter((n): n is number => n !== null);
  const lo = Math.min(0, ...numbers);
  const hi = Math.max(0, ...numbers);
  const y = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  const ticks = y.ticks(5);
  const centre = (year: number) => (x(String(year)) ?? 0) + x.bandwidth() / 2;
  const pathPoints = rows.filter((r) => r.path !== null).map((r) => [centre(r.year), y(r.path!)] as [number, number]);
  const d = pathPoints.length > 1 ? (line()(pathPoints) ?? '') : '';
  const hatch = `${text.id}-hatch`;
  const zero = y(0);
  const labelEvery = Math.ceil(rows.length / 12);
  return (
    <figure class="indicator-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby={`${text.id}-title`}
        aria-describedby={`${text.id}-desc`}
        class="indicator-chart__svg"
      >
        <title id={`${text.id}-title`}>{text.title}</title>
        <desc id={`${text.id}-desc`}>{text.exampleNote ? `${text.desc} ${text.exampleNote}` : text.desc}</desc>
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#c6dbef" />
            <path d="M0 0V6" stroke={BAR} stroke-width="2" />
          </pattern>
        </defs>
        <g class="indicator-chart__grid" stroke="#d0d0d0" stroke-width="1">
          {ticks.map((tick) => (
            <line key={tick} x1={M.left} x2={WIDTH - M.right} y1={y(tick)} y2={y(tick)} />
          ))}
        </g>
        <g class="indicator-chart__y" font-size="12" fill={AXIS} text-anchor="end">
          {ticks.map((tick) => (
            <text key={tick} x={M.left - 8} y={y(tick) + 4}>
              {text.formatNumber(tick)}
            </text>
          ))}
        </g>
        <g class="indicator-chart__bars">
          {rows
            .filter((r) => r.value !== null)
            .map((r) => {
              const top = Math.min(y(r.value!), zero);
              const height = Math.max(Math.abs(zero - y(r.value!)), r.value === 0 ? 0 : 1);
              return (
                <rect
                  key={r.year}
                  class="indicator-chart__bar"
                  data-year={r.year}
                  data-value={text.formatNumber(r.value!)}
                  x={x(String(r.year))}
                  y={top}
                  width={x.bandwidth()}
                  height={height}
                  fill={r.isExample ? `url(#${hatch})` : BAR}
                  stroke={BAR}
                  stroke-width="1"
                />
              );
            })}
        </g>
        {d ? <path class="indicator-chart__path" d={d} fill="none" stroke={PATH} stroke-width="2.5" stroke-dasharray="7 4" /> : null}
        <g class="indicator-chart__targets" fill="#ffffff" stroke={PATH} stroke-width="2">
          {rows
            .filter((r) => r.target !== null)
            .map((r) => {
              const cx = centre(r.year);
              const cy = y(r.target!);
              return (
                <path
                  key={r.year}
                  data-year={r.year}
                  data-target={text.formatNumber(r.target!)}
                  d={`M${cx} ${cy - 7}L${cx + 7} ${cy}L${cx} ${cy + 7}L${cx - 7} ${cy}Z`}
                />
              );
            })}
        </g>
        <g class="indicator-chart__x" font-size="12" fill={AXIS} text-anchor="middle">
          <line x1={M.left} x2={WIDTH - M.right} y1={zero} y2={zero} stroke={AXIS} stroke-width="1.5" />
          {rows.map((r, i) =>
            i % labelEvery === 0 ? (
              <text key={r.year} x={centre(r.year)} y={HEIGHT - M.bottom + 18}>
                {r.year}
              </text>
            ) : null,
          )}
          <text x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 24} font-weight="bold">
            {text.yearLabel}
          </text>
        </g>
      </svg>
      <figcaption class="indicator-chart__legend">
        {text.exampleNote ? <p class="example-mark">{text.exampleNote}</p> : null}
        <ul>
          <li>
            <svg width="18" height="14" aria-hidden="true" focusable="false">
              <rect x="1" y="1" width="16" height="12" fill={BAR} />
            </svg>{' '}
            {text.legendValues}
          </li>
          <li>
            <svg width="28" height="14" aria-hidden="true" focusable="false">
              <path d="M1 7H27" stroke={PATH} stroke-width="2.5" stroke-dasharray="7 4" />
            </svg>{' '}
            {text.legendPath}
          </li>
          {text.legendExample ? (
            <li>
              <svg width="18" height="14" aria-hidden="true" focusable="false">
                <rect x="1" y="1" width="16" height="12" fill="#c6dbef" stroke={BAR} />
                <path d="M1 13L17 1" stroke={BAR} stroke-width="2" />
              </svg>{' '}
              {text.legendExample}
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}
