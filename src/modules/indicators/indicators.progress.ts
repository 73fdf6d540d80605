// How far an indicator is from its target, as one of four words a reader can trust: achieved, on
// track, at risk, no data. Pure functions over the definition and the approved figures for the
// whole region, so the rule can be tested on its own and is the same on every page and report.
// The rows behind the chart (per year: value, point on the path, target) are computed here too.
//
// The rule:
// - target: the target of the final year (the latest year that has one);
// - the latest approved value (the latest period with a number) counts; values from before the
//   baseline year are ignored (they cannot be placed on the path);
// - achieved: the latest value reached the target (≥ when increasing, ≤ when decreasing), even
//   before the target year;
// - with a baseline (value and year): the expected value of a year lies on the straight line from
//   the baseline to the target (and equals the target from the target year on); the latest value at
//   or beyond the expected value of its year is on track, otherwise at risk;
// - without a baseline only the target can be compared: not reached by the target year is at
//   risk, before that there is no path to compare with and the status is no data (reason
//   `no_baseline`, shown in words);
// - no target, or no approved value (after the baseline year): no data.
// - a verdict that rests on example data (an example indicator's invented baseline, an example
//   target, an example value) is flagged as such, so no page or report states it as a real finding.

export type ProgressStatus = 'achieved' | 'on_track' | 'at_risk' | 'no_data';
export type ProgressReason =
  'reached' | 'on_path' | 'below_path' | 'deadline_passed' | 'no_target' | 'no_value' | 'only_before_baseline' | 'no_baseline';

export interface ProgressInput {
  direction: 'increase' | 'decrease';
  baselineValue: number | null;
  baselineYear: number | null;
  /** The definition itself (baseline, targets) is an example: every verdict on it is one too. */
  isExample?: boolean;
  targets: readonly { year: number; value: number; isExample?: boolean }[];
  /** Approved figures for the whole region. */
  values: readonly { period: number; value: number | null; isExample?: boolean }[];
}

export interface Progress {
  status: ProgressStatus;
  reason: ProgressReason;
  latest: { period: number; value: number } | null;
  target: { year: number; value: number } | null;
  /** The value expected on the path in the latest value's year (with a baseline only). */
  expected: number | null;
  /** Share of the way from the baseline to the target covered (0–1 and beyond), when measurable. */
  share: number | null;
  /** The verdict rests on example data (the definition, the target or the latest value used). */
  isExample: boolean;
}

const EPSILON = 1e-9;

/** The target of the final year: the latest year that has a target. */
export function finalTarget(targets: ProgressInput['targets']): { year: number; value: number } | null {
  let best: { year: number; value: number } | null = null;
  for (const t of targets) if (Number.isFinite(t.value) && (best === null || t.year > best.year)) best = { year: t.year, value: t.value };
  return best;
}

/** The value the straight line from the baseline to the target gives for a year. */
export function expectedOnPath(baseline: { year: number; value: number }, target: { year: number; value: number }, year: number): number {
  if (year >= target.year || target.year <= baseline.year) return target.value;
  if (year <= baseline.year) return baseline.value;
  return baseline.value + ((target.value - baseline.value) * (year - baseline.year)) / (target.year - baseline.year);
}

function reached(direction: ProgressInput['direction'], value: number, goal: number): boolean {
  return direction === 'increase' ? value >= goal - EPSILON : value <= goal + EPSILON;
}

export function computeProgress(input: ProgressInput): Progress {
  const target = finalTarget(input.targets);
  const hasBaseline = input.baselineValue !== null && input.baselineYear !== null && Number.isFinite(input.baselineValue);
  const numbered = input.values.filter(
    (v): v is { period: number; value: number; isExample?: boolean } => v.value !== null && Number.isFinite(v.value),
  );
  const usable = hasBaseline ? numbered.filter((v) => v.period >= input.baselineYear!) : numbered;
  const last = usable.reduce<(typeof usable)[number] | null>((a, v) => (a === null || v.period > a.period ? v : a), null);
  const latest = last ? { period: last.period, value: last.value } : null;
  const targetIsExample = target !== null && input.targets.some((t) => t.year === target.year && t.isExample === true);
  const isExample = input.isExample === true || targetIsExample || last?.isExample === true;
  const base = { latest, target, expected: null, share: null, isExample };

  if (target === null) return { ...base, status: 'no_data', reason: 'no_target' };
  if (latest === null) return { ...base, status: 'no_data', reason: numbered.length > 0 ? 'only_before_baseline' : 'no_value' };

  if (!hasBaseline) {
    if (reached(input.direction, latest.value, target.value)) return { ...base, status: 'achieved', reason: 'reached' };
    if (latest.period >= target.year) return { ...base, status: 'at_risk', reason: 'deadline_passed' };
    return { ...base, status: 'no_data', reason: 'no_baseline' };
  }

  const baseline = { year: input.baselineYear!, value: input.baselineValue! };
  const range = target.value - baseline.value;
  const share = Math.abs(range) < EPSILON ? null : (latest.value - baseline.value) / range;
  const expected = expectedOnPath(baseline, target, latest.period);
  const withPath = { ...base, expected, share };
  if (reached(input.direction, latest.value, target.value)) return { ...withPath, status: 'achieved', reason: 'reached' };
  if (latest.period >= target.year) return { ...withPath, status: 'at_risk', reason: 'deadline_passed' };
  return reached(input.direction, latest.value, expected)
    ? { ...withPath, status: 'on_track', reason: 'on_path' }
    : { ...withPath, status: 'at_risk', reason: 'below_path' };
}

// --- the rows behind the chart and its table ------------------------------------------------------

export interface ChartInput {
  baselineValue: number | null;
  baselineYear: number | null;
  /** The definition (baseline, targets) is an example: the path and every target are example data. */
  isExample?: boolean;
  targets: readonly { year: number; value: number; isExample?: boolean }[];
  /** Region figures per year. */
  values: readonly { period: number; value: number | null; isExample: boolean; isSuppressed?: boolean }[];
  periodFrom: number;
  periodTo: number;
}

export interface ChartRow {
  year: number;
  value: number | null;
  isExample: boolean;
  /** A small count shown as "<3" (value null; indicators.privacy.ts). */
  isSuppressed?: boolean;
  /** The value on the path from the baseline to the final target, for years the path covers. */
  path: number | null;
  /** The path is drawn from an example baseline or target. */
  pathIsExample: boolean;
  target: number | null;
  targetIsExample: boolean;
}

/** One row per year of the chart: the data behind the bars, the line and the diamonds. */
export function chartRows(input: ChartInput): ChartRow[] {
  const years = [input.periodFrom, input.periodTo, ...input.values.map((v) => v.period), ...input.targets.map((t) => t.year)];
  if (input.baselineYear !== null) years.push(input.baselineYear);
  const from = Math.min(...years);
  const to = Math.max(...years);
  const target = finalTarget(input.targets);
  const baseline =
    input.baselineValue !== null && input.baselineYear !== null ? { year: input.baselineYear, value: input.baselineValue } : null;
  const definitionExample = input.isExample === true;
  const pathIsExample = definitionExample || (target !== null && input.targets.some((t) => t.year === target.year && t.isExample === true));
  const rows: ChartRow[] = [];
  for (let year = from; year <= to; year++) {
    const v = input.values.find((x) => x.period === year);
    const onPath = baseline && target && target.year > baseline.year && year >= baseline.year && year <= target.year;
    const t = input.targets.find((x) => x.year === year);
    rows.push({
      year,
      value: v ? v.value : null,
      isExample: v ? v.isExample : false,
      ...(v?.isSuppressed ? { isSuppressed: true } : {}),
      path: onPath ? roundPath(expectedOnPath(baseline, target, year)) : null,
      pathIsExample: onPath ? pathIsExample : false,
      target: t?.value ?? null,
      targetIsExample: t ? definitionExample || t.isExample === true : false,
    });
  }
  return rows;
}

/** Path values are shown and drawn to two decimals, so the table and the line agree exactly. */
function roundPath(n: number): number {
  return Math.round(n * 100) / 100;
}
