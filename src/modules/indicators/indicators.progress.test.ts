// Unit tests of the progress rule: every status and the edge cases the definition documents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeProgress, expectedOnPath, finalTarget, type ProgressInput } from './indicators.progress.js';

const inc = (over: Partial<ProgressInput> = {}): ProgressInput => ({
  direction: 'increase',
  baselineValue: 100,
  baselineYear: 2020,
  targets: [{ year: 2030, value: 200 }],
  values: [],
  ...over,
});

describe('indicator progress', () => {
  it('uses the target of the final year, whatever the order', () => {
    assert.deepEqual(
      finalTarget([
        { year: 2030, value: 5 },
        { year: 2025, value: 3 },
      ]),
      { year: 2030, value: 5 },
    );
    assert.equal(finalTarget([]), null);
  });

  it('interpolates the path linearly and holds the target after its year', () => {
    const b = { year: 2020, value: 100 };
    const t = { year: 2030, value: 200 };
    assert.equal(expectedOnPath(b, t, 2025), 150);
    assert.equal(expectedOnPath(b, t, 2020), 100);
    assert.equal(expectedOnPath(b, t, 2019), 100);
    assert.equal(expectedOnPath(b, t, 2035), 200);
    // a target year not after the baseline year: the target is expected straight away
    assert.equal(expectedOnPath({ year: 2030, value: 1 }, { year: 2030, value: 5 }, 2030), 5);
  });

  it('no target or no value is no data', () => {
    assert.equal(computeProgress(inc({ targets: [], values: [{ period: 2022, value: 150 }] })).reason, 'no_target');
    const p = computeProgress(inc());
    assert.equal(p.status, 'no_data');
    assert.equal(p.reason, 'no_value');
    assert.equal(computeProgress(inc({ values: [{ period: 2022, value: null }] })).reason, 'no_value');
  });

  it('on track at or above the path, at risk below it', () => {
    const on = computeProgress(inc({ values: [{ period: 2025, value: 150 }] }));
    assert.equal(on.status, 'on_track');
    assert.equal(on.expected, 150);
    assert.equal(on.share, 0.5);
    const risk = computeProgress(inc({ values: [{ period: 2025, value: 149 }] }));
    assert.equal(risk.status, 'at_risk');
    assert.equal(risk.reason, 'below_path');
  });

  it('takes the latest approved period, not the largest value', () => {
    const p = computeProgress(
      inc({
        values: [
          { period: 2026, value: 120 },
          { period: 2024, value: 190 },
        ],
      }),
    );
    assert.deepEqual(p.latest, { period: 2026, value: 120 });
    assert.equal(p.status, 'at_risk');
  });

  it('target reached early is achieved', () => {
    const p = computeProgress(inc({ values: [{ period: 2022, value: 200 }] }));
    assert.equal(p.status, 'achieved');
    assert.equal(p.reason, 'reached');
  });

  it('not reached by the target year is at risk even when the last step was on the path', () => {
    const p = computeProgress(inc({ values: [{ period: 2030, value: 199 }] }));
    assert.equal(p.status, 'at_risk');
    assert.equal(p.reason, 'deadline_passed');
  });

  it('decreasing indicators compare the other way', () => {
    const dec = (value: number, period = 2025) =>
      computeProgress(inc({ direction: 'decrease', baselineValue: 50, targets: [{ year: 2030, value: 30 }], values: [{ period, value }] }));
    assert.equal(dec(40).status, 'on_track');
    assert.equal(dec(39).status, 'on_track');
    assert.equal(dec(41).status, 'at_risk');
    assert.equal(dec(30).status, 'achieved');
    assert.equal(dec(10, 2021).status, 'achieved');
    assert.equal(dec(31, 2031).reason, 'deadline_passed');
  });

  it('ignores values from before the baseline year', () => {
    const p = computeProgress(inc({ values: [{ period: 2018, value: 500 }] }));
    assert.equal(p.status, 'no_data');
    assert.equal(p.reason, 'only_before_baseline');
    const q = computeProgress(
      inc({
        values: [
          { period: 2018, value: 500 },
          { period: 2021, value: 111 },
        ],
      }),
    );
    assert.deepEqual(q.latest, { period: 2021, value: 111 });
    assert.equal(q.status, 'on_track');
  });

  it('without a baseline compares with the target only', () => {
    const noBase = (value: number, period: number) =>
      computeProgress(inc({ baselineValue: null, baselineYear: null, values: [{ period, value }] }));
    assert.equal(noBase(200, 2024).status, 'achieved');
    const early = noBase(150, 2024);
    assert.equal(early.status, 'no_data');
    assert.equal(early.reason, 'no_baseline');
    assert.deepEqual(early.latest, { period: 2024, value: 150 });
    assert.equal(noBase(150, 2030).status, 'at_risk');
    // a baseline year without a value is no baseline either
    assert.equal(computeProgress(inc({ baselineValue: null, values: [{ period: 2024, value: 150 }] })).reason, 'no_baseline');
  });

  it('a zero range (target equals baseline) is achieved when held and at risk when lost', () => {
    const zero = (value: number) =>
      computeProgress(inc({ baselineValue: 10, targets: [{ year: 2030, value: 10 }], values: [{ period: 2025, value }] }));
    assert.equal(zero(10).status, 'achieved');
    assert.equal(zero(10).share, null);
    assert.equal(zero(9).status, 'at_risk');
  });

  it('a zero time range (target year = baseline year) expects the target at once', () => {
    const p = computeProgress(inc({ baselineYear: 2030, targets: [{ year: 2030, value: 200 }], values: [{ period: 2030, value: 150 }] }));
    assert.equal(p.status, 'at_risk');
    assert.equal(p.expected, 200);
  });
});
