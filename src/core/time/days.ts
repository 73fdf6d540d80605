// Calendar days written `YYYY-MM-DD` (ISO 8601), the one form dates take in forms, URLs and the
// database. A day has no time zone: arithmetic is done on the proleptic Gregorian calendar, and
// which day "today" is belongs to zone.ts.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;
const DAY_MS = 86_400_000;

/** True in Gregorian leap years (divisible by 4, centuries only when divisible by 400). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year: 28–31. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * `YYYY-MM-DD` of a real day given as numbers, or null when there is no such day (month 13,
 * 31 April, 29 February of a common year, year 0 or more than four digits).
 */
export function calendarDay(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a real calendar day written exactly `YYYY-MM-DD` (no 2026-02-30, no 2026-1-5). */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  return m !== null && calendarDay(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

function dayMs(day: string): number {
  if (!isCalendarDay(day)) throw new Error(`not a calendar day: ${day}`);
  return Date.parse(`${day}T00:00:00Z`);
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: string, n: number): string {
  return dayOf(dayMs(day) + n * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/** Day of the week, ISO numbering: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return ((new Date(dayMs(day)).getUTCDay() + 6) % 7) + 1;
}
