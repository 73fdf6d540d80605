// Whether an entity is active, as far as the data support it. The record's life cycle (`lifecycle`:
// active, suspended, closed) says what a source or a staff member stated; "active" is shown and
// counted as such only once a person has checked it (`activity_verified_on`, set by a staff action
// that is audited). Until then an entity stated active is "activity not verified since <the
// source's date>" (`verified_at`, the date of the data the record was taken from): the reference
// list's PROVENANCE says its entities were active at the source date and that nobody has checked
// whether they are active now. A change of the life cycle drops the check: it was a check of the
// previous state.
// The same rule in SQL is `activityStateSql` (registry.repo), used by the facets and the counts.
import type { T } from '../../../i18n/index.js';

export const ACTIVITY_STATES = ['active', 'unverified', 'suspended', 'closed'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

export function activityState(e: { lifecycle: string; activity_verified_on: string | null }): ActivityState {
  if (e.lifecycle === 'active') return e.activity_verified_on === null ? 'unverified' : 'active';
  return e.lifecycle === 'suspended' ? 'suspended' : 'closed';
}

/** The state in a few words with its date: "działa (sprawdzono …)", "działalność niesprawdzana od <source date>", … */
export function activityLabel(t: T, e: { lifecycle: string; activity_verified_on: string | null; verified_at: string | null }): string {
  const state = activityState(e);
  if (state === 'active') return t('registry.activity.active', { date: e.activity_verified_on! });
  if (state === 'unverified')
    return e.verified_at ? t('registry.activity.unverified', { date: e.verified_at }) : t('registry.activity.unverifiedUndated');
  return t(`registry.lifecycle.${state}`);
}
