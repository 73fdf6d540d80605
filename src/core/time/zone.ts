// The office clock: the platform serves one Polish voivodeship, so every calendar day and every
// time a person types or reads is on Europe/Warsaw wall-clock time, while the database keeps ISO
// UTC instants. Offsets come from Intl (the ICU time-zone data shipped with Node), so summer and
// winter time need no table of our own.
//
// Local → UTC at the two daylight-saving changes (last Sunday of March 02:00 → 03:00, last Sunday
// of October 03:00 → 02:00) follows the "compatible" rule of Temporal, java.time and RFC 5545:
// - a time the clock skips (02:30 in March) is read with the offset before the change, so it
//   lands one hour later on the clock (02:30 → 03:30 CEST, 01:30 UTC);
// - a time the clock shows twice (02:30 in October) is the first of the two (02:30 CEST,
//   00:30 UTC).
import type { Clock } from '../db/time.js';
import { addDays, calendarDay, isCalendarDay } from './days.js';

export const TIME_ZONE = 'Europe/Warsaw';

// built once: a DateTimeFormat with a time zone costs milliseconds to construct
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** What the Warsaw clock and calendar show at an instant. */
export interface WallClock {
  /** `YYYY-MM-DD` */
  day: string;
  hour: number;
  minute: number;
  second: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function instant(at: Date | string): Date {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) throw new Error(`not an instant: ${String(at)}`);
  return d;
}

/** What Intl says the Warsaw clock shows at an instant (0.01–0.02 ms a call). */
function exactWallClock(at: Date): WallClock {
  const p: Record<string, string> = {};
  for (const part of PARTS.formatToParts(at)) p[part.type] = part.value;
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second) };
}

const HOUR_MS = 3_600_000;
/**
 * Warsaw's offset from UTC per hour of UTC time, for hours in which it does not change (null: it
 * changes within that hour). A page reads the clock for many dates; an offset known for the hour
 * turns each reading into arithmetic. Bounded: emptied when it holds too many hours.
 */
const hourOffsets = new Map<number, number | null>();

/** Milliseconds the Warsaw clock is ahead of UTC at a whole second `ms`, by Intl. */
function exactOffset(ms: number): number {
  const w = exactWallClock(new Date(ms));
  const [y, mo, d] = w.day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d, w.hour, w.minute, w.second) - ms;
}

function offsetOfHour(hour: number): number | null {
  let offset = hourOffsets.get(hour);
  if (offset === undefined) {
    // the same offset at the hour's first and last second: no change within it (changes are hours apart)
    const first = exactOffset(hour * HOUR_MS);
    offset = first === exactOffset(hour * HOUR_MS + HOUR_MS - 1000) ? first : null;
    if (hourOffsets.size >= 10_000) hourOffsets.clear();
    hourOffsets.set(hour, offset);
  }
  return offset;
}

/** The Warsaw wall-clock reading of an instant (a Date or ISO text). */
export function warsawWallClock(at: Date | string): WallClock {
  const d = instant(at);
  const ms = d.getTime();
  const offset = offsetOfHour(Math.floor(ms / HOUR_MS));
  if (offset === null) return exactWallClock(d);
  const w = new Date(ms + offset);
  return {
    day: `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`,
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
  };
}

/** The Warsaw calendar day of an instant, `YYYY-MM-DD`. */
export function warsawDay(at: Date | string): string {
  return warsawWallClock(at).day;
}

/** Today in Poland, `YYYY-MM-DD`, by the app's clock. */
export function warsawToday(clock: Clock): string {
  return warsawDay(clock.now());
}

/** The current year in Poland (on New Year's Eve after 23:00 UTC it is already the next one). */
export function warsawYear(clock: Clock): number {
  return Number(warsawToday(clock).slice(0, 4));
}

/**
 * An instant as the Warsaw clock shows it to the minute: `YYYY-MM-DDTHH:mm`, the value of a
 * datetime-local field; with `separator: ' '` the form people type in a text field.
 */
export function toWarsawLocal(at: Date | string, separator: 'T' | ' ' = 'T'): string {
  const w = warsawWallClock(at);
  return `${w.day}${separator}${pad(w.hour)}:${pad(w.minute)}`;
}

/** `YYYY-MM-DD HH:mm:ss` on the Warsaw clock (what a spreadsheet user in the office expects). */
export function warsawTimestamp(at: Date | string): string {
  const w = warsawWallClock(at);
  return `${w.day} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** Milliseconds Warsaw is ahead of UTC at the instant `ms` (whole seconds). */
function offsetAt(ms: number): number {
  const w = warsawWallClock(new Date(ms));
  const [y, mo, d] = w.day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant of a Warsaw wall-clock time given in milliseconds as if it were UTC (see the rule above). */
function fromWallClock(naive: number): number {
  // the offsets a day before and after cover both sides of any change near this time
  const before = offsetAt(naive - 86_400_000);
  const after = offsetAt(naive + 86_400_000);
  const fits = [before, after].map((o) => naive - o).filter((utc) => offsetAt(utc) === naive - utc);
  if (fits.length === 0) return naive - before; // skipped by the spring change
  return Math.min(...fits); // shown twice in autumn: the first
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/u;

/**
 * `2026-03-29T10:00` (or with a space) on the Warsaw clock → ISO UTC instant; null when the text is
 * not a real day and time of that form. Skipped and repeated times follow the rule at the top.
 */
export function warsawLocalToUtc(local: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (calendarDay(y, mo, d) === null || h > 23 || mi > 59) return null;
  return new Date(fromWallClock(Date.UTC(y, mo - 1, d, h, mi))).toISOString();
}

/** The UTC instant at which the Warsaw calendar day `day` (plus `plusDays`) begins. */
export function warsawDayStart(day: string, plusDays = 0): string {
  if (!isCalendarDay(day)) throw new Error(`not a calendar day: ${day}`);
  return new Date(fromWallClock(Date.parse(`${addDays(day, plusDays)}T00:00:00Z`))).toISOString();
}
