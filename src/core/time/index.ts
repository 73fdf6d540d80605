// The public entry of core/time: calendar days (`YYYY-MM-DD` validation and arithmetic) and the
// office clock (today in Warsaw, Warsaw wall-clock ↔ UTC). Modules use these instead of their own
// Intl formatters and date regexes. The app clock itself (`Clock`, `nowIso`) is in core/db/time.ts.
export { addDays, calendarDay, daysBetween, daysInMonth, isCalendarDay, isLeapYear, isoWeekday } from './days.js';
export {
  TIME_ZONE,
  toWarsawLocal,
  warsawDay,
  warsawDayStart,
  warsawLocalToUtc,
  warsawTimestamp,
  warsawToday,
  warsawWallClock,
  warsawYear,
  type WallClock,
} from './zone.js';
