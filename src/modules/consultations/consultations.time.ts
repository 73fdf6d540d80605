// Consultation times are typed and shown in Warsaw time and stored as UTC instants. The conversion
// asks Intl for Warsaw's offset at the instant, so summer and winter time both come out right.
const PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

function warsawFields(d: Date): number[] {
  const p = Object.fromEntries(PARTS.formatToParts(d).map((x) => [x.type, x.value]));
  return [Number(p.year), Number(p.month), Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)];
}

/** Offset of Warsaw from UTC at the instant, in milliseconds. */
function offsetAt(ms: number): number {
  const [y, mo, d, h, mi, s] = warsawFields(new Date(ms));
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - Math.floor(ms / 1000) * 1000;
}

/** `2026-03-01T09:00` in Warsaw → ISO UTC, or null when the text is not such a time. */
export function warsawLocalToIso(local: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(naive).getUTCDate() !== d) return null;
  let at = naive - offsetAt(naive);
  at = naive - offsetAt(at);
  return new Date(at).toISOString();
}

/** ISO UTC → `YYYY-MM-DDTHH:mm` in Warsaw (the value of a datetime-local field). */
export function isoToWarsawLocal(iso: string): string {
  const [y, mo, d, h, mi] = warsawFields(new Date(iso));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p(mo!)}-${p(d!)}T${p(h!)}:${p(mi!)}`;
}

export type Phase = 'draft' | 'announced' | 'open' | 'closed' | 'report';

/** The phase the public sees, derived from the times and the two publication flags. */
export function phaseOf(c: { is_published: boolean; is_report_published: boolean; starts_at: string; ends_at: string }, now: Date): Phase {
  if (!c.is_published) return 'draft';
  if (c.is_report_published) return 'report';
  const t = now.toISOString();
  if (t < c.starts_at) return 'announced';
  if (t < c.ends_at) return 'open';
  return 'closed';
}
