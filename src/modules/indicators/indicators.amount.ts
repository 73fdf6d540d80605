// Why: an indicator's unit is text typed by staff in the nominative plural ("podmioty", "miejsca
// pracy"), so "value unit" read "1 podmioty" or "80 miejsca pracy". The units the platform seeds go
// through plural keys (Intl.PluralRules picks "1 podmiot", "5 podmiotów", and English words on English
// pages); any other unit is shown in brackets after the number, which reads right for any count.
import type { Formatters, T } from '../../i18n/index.js';

const KNOWN_UNITS: Record<string, 'entities' | 'marks' | 'jobs' | 'centres' | 'persons'> = {
  podmioty: 'entities',
  znaki: 'marks',
  'miejsca pracy': 'jobs',
  ośrodki: 'centres',
  osoby: 'persons',
};

/** "80 miejsc pracy" / "80 jobs"; "80 (osoby)" for a unit without plural forms. */
export function formatAmount(t: T, fmt: Formatters, value: number, unit: string): string {
  const known = KNOWN_UNITS[unit.trim().toLowerCase()];
  const formatted = fmt.number(value);
  if (known) return t(`indicators.amount.${known}`, { count: value, value: formatted });
  return t('indicators.amount.other', { value: formatted, unit });
}
