// Whether the office is open now and, if not, when it opens next. Pure functions over the weekly
// hours, the statutory holiday rules (data/reference/swieta_pl_reguly.csv, Easter-based ones
// included) and the extra closed days editors add. All reasoning is in Europe/Warsaw wall-clock
// time (core/time), so daylight-saving changes need no special case.
import { addDays, calendarDay, isoWeekday, warsawWallClock } from '../../core/time/index.js';
import { translator, type Lang } from '../../i18n/index.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface OpeningHours {
  /** "07:30" */
  open: string;
  close: string;
}

export type WeeklyHours = Record<Weekday, OpeningHours | null>;

export interface HolidayRule {
  id: string;
  name_pl: string;
  rule_type: 'fixed' | 'easter';
  month_day: string | null;
  easter_offset_days: number | null;
  valid_from: string | null;
}

export interface ClosedDay {
  /** YYYY-MM-DD (Warsaw calendar day). */
  date: string;
  reason: string;
}

export type OfficeStatus =
  | { kind: 'open'; closesAt: string }
  | { kind: 'closed'; opensOn: string; opensAt: string; weekday: Weekday; daysAhead: number }
  /** No opening in the coming year (no hours set): nothing to announce. */
  | { kind: 'unknown' };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTime(v: string): boolean {
  return TIME.test(v);
}

function minutesOf(time: string): number {
  const m = TIME.exec(time);
  if (!m) throw new Error(`bad time ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Easter Sunday of a Gregorian year (Meeus/Jones/Butcher), as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return calendarDay(year, month, day)!;
}

export function weekdayOf(day: string): Weekday {
  return WEEKDAYS[isoWeekday(day) - 1]!;
}

/** Statutory holidays of a year: date → Polish name. Rules not yet in force are skipped. */
export function holidaysOf(year: number, rules: readonly HolidayRule[]): Map<string, string> {
  const out = new Map<string, string>();
  const easter = easterSunday(year);
  for (const r of rules) {
    let day: string | null = null;
    if (r.rule_type === 'fixed' && r.month_day) day = `${year}-${r.month_day}`;
    if (r.rule_type === 'easter' && r.easter_offset_days !== null) day = addDays(easter, r.easter_offset_days);
    if (!day) continue;
    if (r.valid_from && day < r.valid_from) continue;
    out.set(day, r.name_pl);
  }
  return out;
}

/** The Warsaw calendar day and minute of the day at an instant. */
function warsawClock(at: Date): { day: string; minutes: number } {
  const w = warsawWallClock(at);
  return { day: w.day, minutes: w.hour * 60 + w.minute };
}

export interface Calendar {
  hours: WeeklyHours;
  rules: readonly HolidayRule[];
  closedDays: readonly ClosedDay[];
}

/** Why a day has no office hours (holiday or an extra closed day), or null when it is a working day. */
export function closureOf(day: string, cal: Calendar, cache = new Map<number, Map<string, string>>()): string | null {
  const extra = cal.closedDays.find((c) => c.date === day);
  if (extra) return extra.reason;
  const year = Number(day.slice(0, 4));
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = holidaysOf(year, cal.rules);
    cache.set(year, holidays);
  }
  return holidays.get(day) ?? null;
}

/** Hours of a calendar day, or null when the office is closed all day. */
export function hoursOn(day: string, cal: Calendar, cache?: Map<number, Map<string, string>>): OpeningHours | null {
  const h = cal.hours[weekdayOf(day)];
  if (!h) return null;
  return closureOf(day, cal, cache) === null ? h : null;
}

const LOOKAHEAD_DAYS = 400;

export function officeStatus(at: Date, cal: Calendar): OfficeStatus {
  const now = warsawClock(at);
  const cache = new Map<number, Map<string, string>>();
  const today = hoursOn(now.day, cal, cache);
  if (today && now.minutes >= minutesOf(today.open) && now.minutes < minutesOf(today.close)) return { kind: 'open', closesAt: today.close };
  for (let n = 0; n <= LOOKAHEAD_DAYS; n += 1) {
    const day = addDays(now.day, n);
    const h = n === 0 ? today : hoursOn(day, cal, cache);
    if (!h) continue;
    if (n === 0 && now.minutes >= minutesOf(h.open)) continue;
    return { kind: 'closed', opensOn: day, opensAt: h.open, weekday: weekdayOf(day), daysAhead: n };
  }
  return { kind: 'unknown' };
}

/** "7:30" as Polish offices write it. */
export function shortTime(time: string): string {
  return time.replace(/^0(\d)/, '$1');
}

/** The sentence for the footer and the contact page ("Zamknięte — otwieramy we wtorek o 7:30"). */
export function statusSentence(status: OfficeStatus, lang: Lang): string | null {
  const t = translator(lang);
  if (status.kind === 'unknown') return null;
  if (status.kind === 'open') return t('hours.openNow', { time: shortTime(status.closesAt) });
  const time = shortTime(status.opensAt);
  if (status.daysAhead === 0) return t('hours.opensToday', { time });
  if (status.daysAhead === 1) return t('hours.opensTomorrow', { time });
  if (status.daysAhead < 7) return t('hours.opensOn', { day: t(`hours.onWeekday.${status.weekday}`), time });
  const date = new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(
    new Date(`${status.opensOn}T00:00:00Z`),
  );
  return t('hours.opensOnDate', { date, time });
}

/** The closures (holidays and extra closed days) that fall on working weekdays in the next `days`. */
export function upcomingClosures(at: Date, cal: Calendar, days = 60): { day: string; reason: string }[] {
  const start = warsawClock(at).day;
  const cache = new Map<number, Map<string, string>>();
  const out: { day: string; reason: string }[] = [];
  for (let n = 0; n < days; n += 1) {
    const day = addDays(start, n);
    if (!cal.hours[weekdayOf(day)]) continue;
    const reason = closureOf(day, cal, cache);
    if (reason) out.push({ day, reason });
  }
  return out;
}
