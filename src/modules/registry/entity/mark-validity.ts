// When a "Zakup Prospołeczny" mark is valid: one rule for the pages, exports, API and counts
// (registry.repo's and registry.metrics' SQL says the same in its own terms).
//
// ROPS Toruń grants the mark as an exclusive licence for ONE YEAR, renewable yearly on application
// (shared/guides/domain.md §5.1, sources [K82][K81]; §6 lists "grant date, expiry +1 y, renewals").
// So when a source states the grant date but not the expiry, the expiry is derived: a term given
// in years ends with the day whose date matches the first day, or with the month's last day when
// there is no such day (Kodeks cywilny art. 112): granted 2022-09-06 → valid through 2023-09-06,
// granted 2024-02-29 → through 2025-02-28. A renewal is a new mark with its own dates.
//
// A mark is valid only between a known grant date and a known or derived expiry. A mark whose
// grant date is unknown is "granted, validity unknown": shown as such with its source, and counted
// nowhere as valid (the holder may still have it, but nothing the platform holds says so).
import { calendarDay } from '../../../core/time/index.js';
import type { T } from '../../../i18n/index.js';

export const MARK_VALIDITIES = ['valid', 'expired', 'not_yet_valid', 'unknown'] as const;
export type MarkValidity = (typeof MARK_VALIDITIES)[number];

/** The last day of a one-year licence granted on `grantedOn` (`YYYY-MM-DD`). */
export function derivedExpiry(grantedOn: string): string {
  const [y, m, d] = grantedOn.split('-').map(Number) as [number, number, number];
  // 29 February has no match in a common year: the term ends on the month's last day
  return calendarDay(y + 1, m, d) ?? calendarDay(y + 1, m, d - 1)!;
}

/** The expiry to store for a mark: the stated one, else derived from a known grant date, else none. */
export function expiryOf(grantedOn: string | null, statedExpiry: string | null): { expires_on: string | null; is_expiry_derived: boolean } {
  if (statedExpiry !== null) return { expires_on: statedExpiry, is_expiry_derived: false };
  if (grantedOn !== null) return { expires_on: derivedExpiry(grantedOn), is_expiry_derived: true };
  return { expires_on: null, is_expiry_derived: false };
}

/**
 * The state of a mark on `day`. A known expiry already past makes it expired even without a grant
 * date (that much the data do say); otherwise an unknown date means an unknown state.
 */
export function markValidity(m: { granted_on: string | null; expires_on: string | null }, day: string): MarkValidity {
  if (m.expires_on !== null && m.expires_on < day) return 'expired';
  if (m.granted_on === null || m.expires_on === null) return 'unknown';
  if (m.granted_on > day) return 'not_yet_valid';
  return 'valid';
}

/** A mark as pages, exports and the API show it: its dates, how its expiry is known, and its state on a day. */
export interface MarkView {
  id: string;
  subject: string | null;
  grantedOn: string | null;
  expiresOn: string | null;
  isExpiryDerived: boolean;
  sourceUrl: string | null;
  validity: MarkValidity;
}

export function markView(
  m: {
    id: string;
    subject: string | null;
    granted_on: string | null;
    expires_on: string | null;
    is_expiry_derived: boolean;
    source_url: string | null;
  },
  day: string,
): MarkView {
  return {
    id: m.id,
    subject: m.subject,
    grantedOn: m.granted_on,
    expiresOn: m.expires_on,
    isExpiryDerived: Boolean(m.is_expiry_derived),
    sourceUrl: m.source_url,
    validity: markValidity(m, day),
  };
}

/**
 * A mark in words with its dates and state ("nadany …, ważny do …", "znak przyznany (data ważności
 * nieznana, źródło: …)"). `source` replaces the source's address (a page puts a link there).
 */
export function markText(t: T, m: MarkView, source: string | null = m.sourceUrl): string {
  const dates = { granted: m.grantedOn ?? '', expires: m.expiresOn ?? '' };
  switch (m.validity) {
    case 'valid':
      return t(m.isExpiryDerived ? 'registry.mark.validDerived' : 'registry.mark.valid', dates);
    case 'not_yet_valid':
      return t('registry.mark.notYetValid', dates);
    case 'expired':
      return m.grantedOn === null
        ? t('registry.mark.expiredUndated', dates)
        : t(m.isExpiryDerived ? 'registry.mark.expiredDerived' : 'registry.mark.expired', dates);
    case 'unknown':
      return source ? t('registry.mark.unknown', { source }) : t('registry.mark.unknownNoSource');
  }
}
