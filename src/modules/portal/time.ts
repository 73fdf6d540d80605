// Editors type dates and times as they read them on the office clock (Europe/Warsaw); the database
// keeps ISO UTC text. These convert between the two, daylight-saving time included.
import { TIME_ZONE } from '../../i18n/index.js';

const PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

function wallClock(ms: number): number {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

/**
 * "2026-03-29T10:00" on the Warsaw clock → ISO UTC, or null when the text is not such a moment.
 * A time skipped by the spring change (02:30 on the last Sunday of March) moves one hour later.
 */
export function warsawLocalToIso(local: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== Number(m[2]) - 1 || check.getUTCDate() !== Number(m[3]) || Number(m[4]) > 23 || Number(m[5]) > 59) return null;
  // two rounds find the offset in force at that wall-clock time
  let guess = asUtc - (wallClock(asUtc) - asUtc);
  guess = asUtc - (wallClock(guess) - guess);
  return new Date(guess).toISOString();
}

/** ISO UTC → "2026-03-29 10:00" on the Warsaw clock (as editors type it). */
export function isoToWarsawLocal(iso: string): string {
  return new Date(wallClock(Date.parse(iso))).toISOString().slice(0, 16).replace('T', ' ');
}

/** The Warsaw calendar day of an instant, YYYY-MM-DD. */
export function warsawDay(iso: string): string {
  return isoToWarsawLocal(iso).slice(0, 10);
}

export function isCalendarDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
