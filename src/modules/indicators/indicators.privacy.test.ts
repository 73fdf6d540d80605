// Small counts of people: which values are suppressed, and how the annual report's table (HTML, PDF
// and Word share it) writes them. The pages, CSV and API are checked with real routes in
// support/results/results.test.ts.
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { isSmallCount, publicCount, SMALL_COUNT_TEXT } from './indicators.privacy.js';
import { chartRows } from './indicators.progress.js';
import { withholdQuarters } from './indicators.service.js';
import { tableRows } from './report/report.document.js';

describe('small counts', () => {
  it('suppresses values below 3 of a flagged indicator only', () => {
    const flagged = { is_small_count_suppressed: true };
    assert.deepEqual(
      [0, 1, 2, 3, null].map((v) => isSmallCount(flagged, v)),
      [true, true, true, false, false],
    );
    assert.equal(isSmallCount({ is_small_count_suppressed: false }, 1), false);
    assert.deepEqual(publicCount(flagged, 2), { value: null, isSuppressed: true });
    assert.deepEqual(publicCount(flagged, 5), { value: 5, isSuppressed: false });
  });

  it('the report’s table writes "<3", marked as example data when it is', () => {
    const rows = chartRows({
      baselineValue: null,
      baselineYear: null,
      targets: [],
      values: [
        { period: 2024, value: 8, isExample: false },
        { period: 2025, value: null, isExample: false, isSuppressed: true },
        { period: 2026, value: null, isExample: true, isSuppressed: true },
      ],
      periodFrom: 2024,
      periodTo: 2026,
    });
    const fmt = { number: (n: number) => String(n) } as Parameters<typeof tableRows>[0];
    assert.deepEqual(
      tableRows(fmt, rows, 'przykład').map((r) => r[1]),
      ['8', SMALL_COUNT_TEXT, `${SMALL_COUNT_TEXT} (przykład)`],
    );
  });
});

test('quarters: when one quarter of a year and territory is a small count, the others of that year and territory are withheld', () => {
  const q = (period: number, quarter: number, territoryCode: string, value: number | null, isSuppressed = false) => ({
    period,
    quarter,
    territoryCode,
    value,
    isSuppressed,
    isExample: false,
    isComputed: false,
    isLive: false,
  });
  const out = withholdQuarters([
    q(2026, 1, 'torun', 5),
    q(2026, 2, 'torun', null, true),
    q(2026, 1, 'bydgoszcz', 9),
    q(2026, 2, 'bydgoszcz', 8),
    q(2025, 4, 'torun', 7),
  ]);
  assert.deepEqual(
    out.map((f) => [f.period, f.quarter, f.territoryCode, f.value, f.isSuppressed, f.isWithheld ?? false]),
    [
      [2026, 1, 'torun', null, false, true],
      [2026, 2, 'torun', null, true, false],
      [2026, 1, 'bydgoszcz', 9, false, false],
      [2026, 2, 'bydgoszcz', 8, false, false],
      [2025, 4, 'torun', 7, false, false],
    ],
  );
});
