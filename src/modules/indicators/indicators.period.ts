// How a reporting period reads in both languages: a whole year ("2026") or a quarter of it
// ("I kwartał 2026", "Q1 2026"). Rounds, values and other modules' pages (a support centre's
// quarterly results) name periods through these, never by formatting the numbers themselves.
import type { T } from '../../i18n/index.js';
import { QUARTERS, WHOLE_YEAR } from './indicators.tables.js';

export type Quarter = (typeof QUARTERS)[number];

export function isQuarter(n: number): n is Quarter {
  return (QUARTERS as readonly number[]).includes(n);
}

/** "I kwartał 2026" / "Q1 2026". */
export function quarterName(t: T, year: number, quarter: Quarter): string {
  return t(`indicators.quarter.name.q${quarter}`, { year });
}

/** The year alone for a whole-year period (quarter 0), else the quarter's name. */
export function periodLabel(t: T, period: number, quarter: number = WHOLE_YEAR): string {
  return isQuarter(quarter) ? quarterName(t, period, quarter) : String(period);
}

/** The choices of a quarter on a form: "I kwartał (styczeń–marzec)" … */
export function quarterOptions(t: T): { value: string; label: string }[] {
  return QUARTERS.map((q) => ({ value: String(q), label: t(`indicators.quarter.option.q${q}`) }));
}
