// Small facts about TERYT codes that every part of the module needs: which kind of unit a code
// names, which powiaty are cities with powiat rights, the gmina type labels, and periods of days.
import type { TKey } from '../../i18n/index.js';

export const GMINA_PATTERN = /^04\d{4}[123]$/;
export const POWIAT_PATTERN = /^04\d{2}$/;
/** The route parameter of a profile: a powiat (4 digits) or a gmina (7 digits). */
export const PROFILE_TERYT = '^(04[0-9]{2}|04[0-9]{4}[1-3])$';

/** Powiat codes 61–99 are cities with powiat rights (0461 Bydgoszcz … 0464 Włocławek). */
export function isCityPowiat(teryt: string): boolean {
  return teryt.length === 4 && Number(teryt.slice(2)) >= 61;
}

export function gminaTypeKey(type: number | null): TKey {
  if (type === 1) return 'territory.gminaType.1';
  if (type === 2) return 'territory.gminaType.2';
  return 'territory.gminaType.3';
}

export function profilePath(teryt: string): string {
  return `/terytorium/${teryt}`;
}

/** Two inclusive periods (null end = open) share at least one day. */
export function periodsOverlap(a: { from: string; to: string | null }, b: { from: string; to: string | null }): boolean {
  return (b.to === null || a.from <= b.to) && (a.to === null || b.from <= a.to);
}

export function periodContains(p: { from: string; to: string | null }, day: string): boolean {
  return p.from <= day && (p.to === null || day <= p.to);
}
