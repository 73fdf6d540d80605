// core/time: calendar-day validation and arithmetic, and the Warsaw clock across both daylight-saving
// changes (last Sunday of March and of October), New Year's Eve and leap days.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../testing/clock.js';
import {
  addDays,
  calendarDay,
  daysBetween,
  daysInMonth,
  isCalendarDay,
  isLeapYear,
  isoWeekday,
  toWarsawLocal,
  warsawDay,
  warsawDayStart,
  warsawLocalToUtc,
  warsawTimestamp,
  warsawToday,
  warsawWallClock,
  warsawYear,
} from './index.js';

test('leap years follow the Gregorian rule', () => {
  for (const y of [2024, 2028, 2000, 2400]) assert.ok(isLeapYear(y), String(y));
  for (const y of [2023, 2025, 1900, 2100]) assert.ok(!isLeapYear(y), String(y));
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2023, 2), 28);
  assert.equal(daysInMonth(1900, 2), 28);
  assert.equal(daysInMonth(2000, 2), 29);
  assert.deepEqual(
    [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m)),
    [31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
  );
});

test('a calendar day is a real day written exactly YYYY-MM-DD', () => {
  for (const good of ['2024-02-29', '2000-02-29', '2026-01-01', '2026-12-31', '2026-04-30', '0001-01-01', '9999-12-31'])
    assert.ok(isCalendarDay(good), good);
  for (const bad of [
    '2023-02-29', // common year
    '1900-02-29', // century, not divisible by 400
    '2100-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '0000-01-01',
    '2026-1-05',
    '26-01-05',
    '2026-01-05T00:00',
    ' 2026-01-05',
    '05.01.2026',
    '２０２６-01-05', // full-width digits are not ASCII digits
    '',
  ]) {
    assert.ok(!isCalendarDay(bad), bad);
  }
  assert.equal(calendarDay(2024, 2, 29), '2024-02-29');
  assert.equal(calendarDay(2023, 2, 29), null);
  assert.equal(calendarDay(26, 1, 5), '0026-01-05', 'two-digit years are years, not 1900 + n');
  assert.equal(calendarDay(2026, 1.5, 5), null);
});

test('day arithmetic crosses months, leap days and years', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2023-02-28', 1), '2023-03-01');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(addDays('2026-03-28', 2), '2026-03-30', 'the spring change does not shorten a calendar day');
  assert.equal(daysBetween('2026-03-01', '2026-03-31'), 30);
  assert.equal(daysBetween('2026-10-31', '2026-10-01'), -30);
  assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
  assert.equal(isoWeekday('2026-03-29'), 7, 'a Sunday');
  assert.equal(isoWeekday('2026-03-30'), 1, 'a Monday');
  assert.throws(() => addDays('2026-02-30', 1));
});

test('today in Warsaw is not the UTC day around midnight', () => {
  const clock = new ManualClock('2026-06-30T22:30:00.000Z');
  assert.equal(warsawToday(clock), '2026-07-01', 'summer: UTC+2');
  clock.set('2026-01-15T22:59:59.000Z');
  assert.equal(warsawToday(clock), '2026-01-15', 'winter: UTC+1');
  clock.set('2026-01-15T23:00:00.000Z');
  assert.equal(warsawToday(clock), '2026-01-16');
  clock.set('2026-12-31T23:30:00.000Z');
  assert.equal(warsawYear(clock), 2027, "New Year's Eve after 23:00 UTC is already next year in Poland");
  assert.equal(warsawDay('2026-12-31T22:59:00.000Z'), '2026-12-31');
});

test('the wall clock across the spring change (last Sunday of March 2026: 02:00 → 03:00)', () => {
  assert.deepEqual(warsawWallClock('2026-03-29T00:59:59Z'), { day: '2026-03-29', hour: 1, minute: 59, second: 59 });
  assert.deepEqual(warsawWallClock('2026-03-29T01:00:00Z'), { day: '2026-03-29', hour: 3, minute: 0, second: 0 });
  assert.equal(warsawTimestamp('2026-03-29T01:00:00Z'), '2026-03-29 03:00:00');
  assert.equal(warsawLocalToUtc('2026-03-29T01:30'), '2026-03-29T00:30:00.000Z');
  assert.equal(warsawLocalToUtc('2026-03-29T03:00'), '2026-03-29T01:00:00.000Z');
  assert.equal(warsawLocalToUtc('2026-03-29T02:00'), '2026-03-29T01:00:00.000Z', '02:00 does not exist: read as 03:00');
  assert.equal(warsawLocalToUtc('2026-03-29T02:30'), '2026-03-29T01:30:00.000Z', '02:30 does not exist: read as 03:30');
  assert.equal(toWarsawLocal(warsawLocalToUtc('2026-03-29T02:30')!), '2026-03-29T03:30');
  assert.equal(warsawLocalToUtc('2027-03-28 12:30'), '2027-03-28T10:30:00.000Z', 'later that day: summer time');
});

test('the wall clock across the autumn change (last Sunday of October 2026: 03:00 → 02:00)', () => {
  assert.equal(toWarsawLocal('2026-10-25T00:30:00Z'), '2026-10-25T02:30');
  assert.equal(toWarsawLocal('2026-10-25T01:30:00Z'), '2026-10-25T02:30', 'the clock shows 02:30 twice');
  assert.equal(warsawLocalToUtc('2026-10-25T02:30'), '2026-10-25T00:30:00.000Z', 'a repeated time is the first of the two');
  assert.equal(warsawLocalToUtc('2026-10-25T02:59'), '2026-10-25T00:59:00.000Z');
  assert.equal(warsawLocalToUtc('2026-10-25T01:59'), '2026-10-24T23:59:00.000Z');
  assert.equal(warsawLocalToUtc('2026-10-25T03:00'), '2026-10-25T02:00:00.000Z');
  assert.equal(warsawLocalToUtc('2026-10-25T12:00'), '2026-10-25T11:00:00.000Z', 'later that day: winter time');
});

test('the clock read by the hour’s known offset agrees with Intl everywhere, old changes at odd minutes included', () => {
  // the reference: Intl's own reading in Swedish form, "YYYY-MM-DD HH:MM:SS"
  const expected = (ms: number) => {
    const [day, time] = new Date(ms).toLocaleString('sv-SE', { timeZone: 'Europe/Warsaw', hourCycle: 'h23' }).split(' ') as [
      string,
      string,
    ];
    const [hour, minute, second] = time.split(':').map(Number) as [number, number, number];
    return { day, hour, minute, second };
  };
  // Warsaw's mean time (+1:24) ended in 1915: a change that is not on a whole hour of UTC
  const instants = [
    Date.UTC(1915, 7, 4, 22, 30),
    Date.UTC(1915, 7, 4, 22, 35, 59, 999),
    Date.UTC(1915, 7, 4, 22, 36),
    Date.UTC(1915, 7, 4, 22, 59, 59),
  ];
  let x = 12345;
  for (let i = 0; i < 3000; i += 1) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    instants.push(Date.UTC(1890, 0, 1) + Math.floor((x / 2 ** 31) * (Date.UTC(2060, 0, 1) - Date.UTC(1890, 0, 1))));
  }
  for (const ms of instants) {
    assert.deepEqual(warsawWallClock(new Date(ms)), expected(ms), new Date(ms).toISOString());
    assert.deepEqual(warsawWallClock(new Date(ms).toISOString()), expected(ms), new Date(ms).toISOString());
  }
});

test('local ↔ UTC round trips for every quarter hour of both change days', () => {
  for (const day of ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31']) {
    for (let q = 0; q < 96; q++) {
      const local = `${day}T${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
      const utc = warsawLocalToUtc(local)!;
      const skipped = day.endsWith('-03-29') || day.endsWith('-03-28') ? local.slice(11, 13) === '02' : false;
      if (!skipped) assert.equal(toWarsawLocal(utc), local, local);
    }
  }
});

test('local times are read from both separators and refused when not real', () => {
  assert.equal(warsawLocalToUtc('2027-01-15T09:00'), '2027-01-15T08:00:00.000Z');
  assert.equal(warsawLocalToUtc(' 2027-07-15 09:00 '), '2027-07-15T07:00:00.000Z');
  assert.equal(warsawLocalToUtc('2028-02-29T12:00'), '2028-02-29T11:00:00.000Z');
  for (const bad of [
    '',
    '2027-02-30T10:00',
    '2027-02-29T10:00',
    '2027-13-01T10:00',
    '2027-01-15T24:00',
    '2027-01-15T10:60',
    '15.01.2027 09:00',
    '2027-01-15T9:00',
    '2027-01-15T09:00:00',
    '2027-01-15',
  ]) {
    assert.equal(warsawLocalToUtc(bad), null, bad);
  }
  assert.equal(toWarsawLocal('2027-07-15T07:00:00.000Z'), '2027-07-15T09:00');
  assert.equal(toWarsawLocal('2027-12-31T23:30:00.000Z', ' '), '2028-01-01 00:30');
  assert.throws(() => toWarsawLocal('yesterday'));
});

test('a Warsaw day begins at 23:00 or 22:00 UTC the day before, and a change day is 23 or 25 hours long', () => {
  assert.equal(warsawDayStart('2026-01-15'), '2026-01-14T23:00:00.000Z');
  assert.equal(warsawDayStart('2026-07-01'), '2026-06-30T22:00:00.000Z');
  assert.equal(warsawDayStart('2026-03-29'), '2026-03-28T23:00:00.000Z');
  assert.equal(warsawDayStart('2026-03-29', 1), '2026-03-29T22:00:00.000Z');
  assert.equal(warsawDayStart('2026-10-25'), '2026-10-24T22:00:00.000Z');
  assert.equal(warsawDayStart('2026-10-25', 1), '2026-10-25T23:00:00.000Z');
  assert.equal(warsawDayStart('2026-12-31', 1), '2026-12-31T23:00:00.000Z');
  assert.equal(warsawDayStart('2024-02-28', 1), '2024-02-28T23:00:00.000Z', 'the leap day');
  assert.throws(() => warsawDayStart('2026-02-30'));
});
