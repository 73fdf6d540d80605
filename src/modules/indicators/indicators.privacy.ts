// Small counts of people stay out of public outputs: an indicator flagged `is_small_count_suppressed`
// shows a value below SMALL_COUNT_LIMIT as "<3" on every page, chart, CSV, API answer and report (the
// number itself is replaced by null in the public read model, `indicatorViews`, so no output can leak
// it by forgetting). Staff pages and the partners' forms keep the real numbers.
export const SMALL_COUNT_LIMIT = 3;
/** What a suppressed count reads as, in every language and format. */
export const SMALL_COUNT_TEXT = `<${SMALL_COUNT_LIMIT}`;

/** True when this value of this indicator must not be shown publicly. */
export function isSmallCount(indicator: { is_small_count_suppressed: boolean }, value: number | null): boolean {
  return indicator.is_small_count_suppressed && value !== null && value < SMALL_COUNT_LIMIT;
}

/** A public value: the number, or null with `isSuppressed` when it is a small count. */
export function publicCount(
  indicator: { is_small_count_suppressed: boolean },
  value: number | null,
): { value: number | null; isSuppressed: boolean } {
  return isSmallCount(indicator, value) ? { value: null, isSuppressed: true } : { value, isSuppressed: false };
}
