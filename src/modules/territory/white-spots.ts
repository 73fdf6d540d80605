// The "white spot" rule, the question every regional coordinator asks: in which gminy are social
// needs high and no active social economy entity is located? Needs are high when the number of
// people in households receiving social assistance per 1,000 inhabitants is above the regional
// median (of the gminy with figures). Pure, so the rule is tested on its own.

export interface WhiteSpotInput {
  teryt: string;
  population: number | null;
  socialAssistance: number | null;
  /** Active entities located in the gmina; null when no registry has said anything. */
  entities: number | null;
}

export type WhiteSpotStatus = 'ok' | 'no_statistics' | 'no_registry';

export interface WhiteSpotResult {
  status: WhiteSpotStatus;
  /** Regional median of recipients per 1,000 inhabitants (null without figures). */
  median: number | null;
  /** Recipients per 1,000 inhabitants, for gminy with both figures. */
  rates: Map<string, number>;
  /** Gminy above the median. */
  highNeed: string[];
  /** Gminy above the median with no active entity (empty unless status is `ok`). */
  spots: string[];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function perThousand(count: number, population: number): number {
  return (count / population) * 1000;
}

/** `registry` says whether an entity registry is present (its silence about a gmina then means 0). */
export function whiteSpots(input: readonly WhiteSpotInput[], registry: boolean): WhiteSpotResult {
  const rates = new Map<string, number>();
  for (const g of input) {
    if (g.population !== null && g.population > 0 && g.socialAssistance !== null)
      rates.set(g.teryt, perThousand(g.socialAssistance, g.population));
  }
  const med = median([...rates.values()]);
  const highNeed = med === null ? [] : input.filter((g) => (rates.get(g.teryt) ?? -Infinity) > med).map((g) => g.teryt);
  const status: WhiteSpotStatus = med === null ? 'no_statistics' : registry ? 'ok' : 'no_registry';
  const entities = new Map(input.map((g) => [g.teryt, g.entities ?? 0]));
  const spots = status === 'ok' ? highNeed.filter((t) => entities.get(t) === 0) : [];
  return { status, median: med, rates, highNeed, spots };
}
