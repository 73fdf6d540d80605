// Office-hours logic on the real holiday rules of data/reference/: every weekday, the open/closed
// edges, holidays that move with Easter, Wigilia only from 2025, extra closed days, daylight-saving
// changes (the same UTC instant is a different Warsaw hour) and the sentences in both languages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readReferenceCsv } from '../../core/data/reference.js';
import { warsawWallClock } from '../../core/time/index.js';
import {
  easterSunday,
  holidaysOf,
  officeStatus,
  statusSentence,
  upcomingClosures,
  type Calendar,
  type HolidayRule,
} from './office-hours.js';
import { ROPS_TORUN } from './site.service.js';

const RULES: HolidayRule[] = readReferenceCsv<Record<string, string>>('swieta_pl_reguly.csv').map((r) => ({
  id: r.id!,
  name_pl: r.name_pl!,
  rule_type: r.rule_type as 'fixed' | 'easter',
  month_day: r.month_day || null,
  easter_offset_days: r.easter_offset_days ? Number(r.easter_offset_days) : null,
  valid_from: r.valid_from || null,
}));

const CAL: Calendar = { hours: ROPS_TORUN.hours, rules: RULES, closedDays: [] };

function say(utc: string, cal: Calendar = CAL, lang: 'pl' | 'en' = 'pl'): string | null {
  return statusSentence(officeStatus(new Date(utc), cal), lang);
}

describe('Easter and the holidays that move with it', () => {
  test('Easter Sunday for known years', () => {
    assert.equal(easterSunday(2024), '2024-03-31');
    assert.equal(easterSunday(2025), '2025-04-20');
    assert.equal(easterSunday(2026), '2026-04-05');
    assert.equal(easterSunday(2027), '2027-03-28');
    assert.equal(easterSunday(2038), '2038-04-25');
  });

  test('Easter Monday, Pentecost and Corpus Christi follow Easter', () => {
    const h2026 = holidaysOf(2026, RULES);
    assert.ok(h2026.has('2026-04-06'), 'Easter Monday 2026');
    assert.ok(h2026.has('2026-05-24'), 'Pentecost 2026');
    assert.ok(h2026.has('2026-06-04'), 'Corpus Christi 2026');
    const h2025 = holidaysOf(2025, RULES);
    assert.ok(h2025.has('2025-04-21'));
    assert.ok(h2025.has('2025-06-19'));
    assert.ok(!h2025.has('2025-06-04'));
  });

  test('Wigilia is a holiday from 2025 on, not before', () => {
    assert.ok(!holidaysOf(2024, RULES).has('2024-12-24'));
    assert.ok(holidaysOf(2025, RULES).has('2025-12-24'));
    assert.ok(holidaysOf(2030, RULES).has('2030-12-24'));
  });

  test('a country of 13 fixed-date or Easter-based days every year (14 from 2025)', () => {
    assert.equal(holidaysOf(2024, RULES).size, 13);
    assert.equal(holidaysOf(2026, RULES).size, 14);
  });
});

describe('every weekday of an ordinary week (9–15 March 2026, winter time)', () => {
  // 09:00 UTC = 10:00 in Warsaw
  const cases: [string, string][] = [
    ['2026-03-09T09:00:00Z', 'Otwarte — zamykamy dziś o 15:30'],
    ['2026-03-10T09:00:00Z', 'Otwarte — zamykamy dziś o 17:00'],
    ['2026-03-11T09:00:00Z', 'Otwarte — zamykamy dziś o 15:30'],
    ['2026-03-12T09:00:00Z', 'Otwarte — zamykamy dziś o 15:30'],
    ['2026-03-13T09:00:00Z', 'Otwarte — zamykamy dziś o 14:00'],
    ['2026-03-14T09:00:00Z', 'Zamknięte — otwieramy w poniedziałek o 7:30'],
    ['2026-03-15T09:00:00Z', 'Zamknięte — otwieramy jutro o 7:30'],
  ];
  for (const [at, expected] of cases) test(`${at} → ${expected}`, () => assert.equal(say(at), expected));

  test('edges: before opening, at opening, at closing, Tuesday evening, Friday afternoon', () => {
    assert.equal(say('2026-03-09T06:29:00Z'), 'Zamknięte — otwieramy dziś o 7:30'); // 7:29
    assert.equal(say('2026-03-09T06:30:00Z'), 'Otwarte — zamykamy dziś o 15:30'); // 7:30
    assert.equal(say('2026-03-09T14:30:00Z'), 'Zamknięte — otwieramy jutro o 7:30'); // 15:30 Monday
    assert.equal(say('2026-03-10T15:30:00Z'), 'Otwarte — zamykamy dziś o 17:00'); // 16:30 Tuesday
    assert.equal(say('2026-03-13T13:30:00Z'), 'Zamknięte — otwieramy w poniedziałek o 7:30'); // 14:30 Friday
    assert.equal(say('2026-03-12T22:30:00Z'), 'Zamknięte — otwieramy jutro o 7:30'); // 23:30 Thursday
    assert.equal(say('2026-03-12T23:30:00Z'), 'Zamknięte — otwieramy dziś o 7:30'); // 0:30 Friday
  });
});

describe('daylight saving time', () => {
  test('the same UTC time is before opening in winter and after it in summer (spring change, 29 March 2026)', () => {
    assert.deepEqual(warsawWallClock('2026-03-23T05:45:00Z'), { day: '2026-03-23', hour: 6, minute: 45, second: 0 });
    assert.equal(say('2026-03-23T05:45:00Z'), 'Zamknięte — otwieramy dziś o 7:30');
    assert.deepEqual(warsawWallClock('2026-03-30T05:45:00Z'), { day: '2026-03-30', hour: 7, minute: 45, second: 0 });
    assert.equal(say('2026-03-30T05:45:00Z'), 'Otwarte — zamykamy dziś o 15:30');
    assert.equal(say('2026-03-29T01:30:00Z'), 'Zamknięte — otwieramy jutro o 7:30'); // the night of the change
  });

  test('autumn change (25 October 2026): closing time follows the Warsaw clock', () => {
    assert.equal(say('2026-10-19T13:45:00Z'), 'Zamknięte — otwieramy jutro o 7:30'); // 15:45 CEST
    assert.equal(say('2026-10-26T13:45:00Z'), 'Otwarte — zamykamy dziś o 15:30'); // 14:45 CET
    assert.equal(say('2026-10-26T06:15:00Z'), 'Zamknięte — otwieramy dziś o 7:30'); // 7:15 CET
  });
});

describe('holidays and closed days', () => {
  test('Easter Sunday: Monday is a holiday, so the office opens on Tuesday', () => {
    assert.equal(say('2026-04-05T09:00:00Z'), 'Zamknięte — otwieramy we wtorek o 7:30');
    assert.equal(say('2026-04-06T09:00:00Z'), 'Zamknięte — otwieramy jutro o 7:30');
  });

  test('Corpus Christi (Thursday 4 June 2026) is skipped', () => {
    assert.equal(say('2026-06-03T14:00:00Z'), 'Zamknięte — otwieramy w piątek o 7:30'); // Wed 16:00 CEST
    assert.equal(say('2026-06-04T08:00:00Z'), 'Zamknięte — otwieramy jutro o 7:30');
  });

  test('Wigilia closes the office from 2025 but not in 2024', () => {
    assert.equal(say('2024-12-24T09:00:00Z'), 'Otwarte — zamykamy dziś o 17:00');
    assert.equal(say('2025-12-23T16:30:00Z'), 'Zamknięte — otwieramy w poniedziałek o 7:30'); // Tue 17:30 → 24, 25, 26 closed, weekend
  });

  test('extra closed days editors add are skipped; a long closure names the date', () => {
    const cal: Calendar = {
      ...CAL,
      closedDays: ['2027-01-04', '2027-01-05', '2027-01-07', '2027-01-08'].map((date) => ({ date, reason: 'inwentaryzacja' })),
    };
    assert.equal(say('2027-01-01T09:00:00Z', cal), 'Zamknięte — otwieramy 11 stycznia o 7:30');
    assert.equal(say('2027-01-01T09:00:00Z', cal, 'en'), 'Closed — opening on 11 January at 7:30');
    const closures = upcomingClosures(new Date('2027-01-01T09:00:00Z'), cal, 10).map((c) => c.day);
    assert.deepEqual(closures, ['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08']);
  });

  test('without any hours there is nothing to announce', () => {
    const none: Calendar = { ...CAL, hours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null } };
    assert.equal(officeStatus(new Date('2026-03-09T09:00:00Z'), none).kind, 'unknown');
    assert.equal(say('2026-03-09T09:00:00Z', none), null);
  });

  test('English sentences', () => {
    assert.equal(say('2026-03-09T09:00:00Z', CAL, 'en'), 'Open — closing today at 15:30');
    assert.equal(say('2026-04-05T09:00:00Z', CAL, 'en'), 'Closed — opening on Tuesday at 7:30');
    assert.equal(say('2026-03-15T09:00:00Z', CAL, 'en'), 'Closed — opening tomorrow at 7:30');
  });
});
