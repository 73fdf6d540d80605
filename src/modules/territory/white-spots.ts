// The "white spot" rule, the question every regional coordinator asks: in which gminy are social
// needs high and no active social economy entity is located? Needs are high when the number of
// people in households receiving social assistance per 1,000 inhabitants is above the regional
// median (of the gminy with figures). Pure, so the rule is tested on its own.

export interface WhiteSpotInput {
  teryt: string;
  population: number | null;
  socialAssistance: number | null;
  /**
   * Active entities located in the gmina; null when not known: no registry has said anything, or
   * the registry holds entities there whose activity nobody has checked (they may be active).
   */
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
  /**
   * Gminy above the median whose number of active entities is not known (entities there, none of
   * them checked): not white spots, since nothing says none is active (empty unless status is `ok`).
   */
  unknown: string[];
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

/**
 * `registry` says whether an entity registry is present (its silence about a gmina then means 0);
 * a gmina's `entities` null under a registry means "not known" and never makes a white spot.
 */
export function whiteSpots(input: readonly WhiteSpotInput[], registry: boolean): WhiteSpotResult {
  const rates = new Map<string, number>();
  for (const g of input) {
    if (g.population !== null && g.population > 0 && g.socialAssistance !== null)
      rates.set(g.teryt, perThousand(g.socialAssistance, g.population));
  }
  const med = median([...rates.values()]);
  const highNeed = med === null ? [] : input.filter((g) => (rates.get(g.teryt) ?? -Infinity) > med).map((g) => g.teryt);
  const status: WhiteSpotStatus = med === null ? 'no_statistics' : registry ? 'ok' : 'no_registry';
  const entities = new Map(input.map((g) => [g.teryt, g.entities]));
  const spots = status === 'ok' ? highNeed.filter((t) => entities.get(t) === 0) : [];
  const unknown = status === 'ok' ? highNeed.filter((t) => entities.get(t) === null) : [];
  return { status, median: med, rates, highNeed, spots, unknown };
}
