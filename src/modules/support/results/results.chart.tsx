// A horizontal bar chart of support-centre results, drawn on the server as SVG with d3-scale like the
// indicator charts: one bar per label (a measure, or a subregion), a suppressed count written as "<3"
// with no bar (its size is not shown at all), example (demo) figures hatched and said in the caption.
// The same numbers are in the data table beside it, so nothing is known from the picture alone.
import { scaleBand, scaleLinear } from 'd3-scale';
import { SMALL_COUNT_TEXT } from '../../indicators/index.js';

export interface Bar {
  key: string;
  label: string;
  value: number | null;
  isSuppressed: boolean;
  isExample: boolean;
  /** What the bar says instead of a number when it has none to show (a withheld quarter). */
  text?: string;
}

const WIDTH = 720;
const ROW = 28;
const M = { top: 10, right: 60, bottom: 10, left: 300 };
const BAR = '#2f6fa8';
const AXIS = '#1b1b1b';

export function ResultsChart(props: {
  id: string;
  title: string;
  desc: string;
  bars: readonly Bar[];
  formatNumber: (n: number) => string;
  exampleNote: string | null;
}) {
  const { id, bars } = props;
  const height = M.top + M.bottom + ROW * Math.max(bars.length, 1);
  const y = scaleBand<string>()
    .domain(bars.map((b) => b.key))
    .range([M.top, height - M.bottom])
    .padding(0.2);
  const hi = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const x = scaleLinear()
    .domain([0, hi])
    .nice()
    .range([M.left, WIDTH - M.right]);
  const hatch = `${id}-hatch`;
  return (
    <figure class="indicator-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        class="indicator-chart__svg"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.exampleNote ? `${props.desc} ${props.exampleNote}` : props.desc}</desc>
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#c6dbef" />
            <path d="M0 0V6" stroke={BAR} stroke-width="2" />
          </pattern>
        </defs>
        <line x1={M.left} x2={M.left} y1={M.top} y2={height - M.bottom} stroke={AXIS} stroke-width="1.5" />
        {bars.map((b) => {
          const top = y(b.key) ?? 0;
          const mid = top + y.bandwidth() / 2 + 4;
          const w = b.value === null ? 0 : Math.max(x(b.value) - M.left, b.value === 0 ? 0 : 1);
          const shown = b.isSuppressed ? SMALL_COUNT_TEXT : b.value === null ? (b.text ?? '—') : props.formatNumber(b.value);
          return (
            <g key={b.key} class="results-chart__row" data-key={b.key} data-value={shown}>
              <text x={M.left - 8} y={mid} font-size="12" fill={AXIS} text-anchor="end">
                {b.label.length > 48 ? `${b.label.slice(0, 47)}…` : b.label}
              </text>
              {w > 0 ? (
                <rect x={M.left} y={top} width={w} height={y.bandwidth()} fill={b.isExample ? `url(#${hatch})` : BAR} stroke={BAR} />
              ) : null}
              <text x={M.left + w + 6} y={mid} font-size="12" fill={AXIS}>
                {shown}
              </text>
            </g>
          );
        })}
      </svg>
      {props.exampleNote ? (
        <figcaption class="indicator-chart__legend">
          <p class="example-mark">{props.exampleNote}</p>
        </figcaption>
      ) : null}
    </figure>
  );
}
