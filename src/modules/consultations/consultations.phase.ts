// The phase of a consultation the public sees, derived from its times (UTC instants; they are typed
// and shown on the Warsaw clock through core/time) and its two publication flags.
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
