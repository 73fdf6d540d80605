// Check-digit validation of Polish business identifiers (NIP, REGON-9/14, KRS). People type them
// with spaces and dashes; they are stored as digits only, and a wrong check digit is refused.

/** Digits of the input once spaces and dashes are removed; null when anything else remains. */
export function normaliseIdentifier(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d+$/.test(digits) ? digits : null;
}

function weightedSum(digits: string, weights: readonly number[]): number {
  return weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0);
}

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];
const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7];
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];

export function isValidNip(input: string): boolean {
  const d = normaliseIdentifier(input);
  if (!d || d.length !== 10) return false;
  const check = weightedSum(d, NIP_WEIGHTS) % 11;
  return check !== 10 && check === Number(d[9]);
}

function regonCheck(d: string, weights: readonly number[]): boolean {
  const check = (weightedSum(d, weights) % 11) % 10;
  return check === Number(d[weights.length]);
}

export function isValidRegon(input: string): boolean {
  const d = normaliseIdentifier(input);
  if (!d) return false;
  if (d.length === 9) return regonCheck(d, REGON9_WEIGHTS);
  if (d.length === 14) return regonCheck(d.slice(0, 9), REGON9_WEIGHTS) && regonCheck(d, REGON14_WEIGHTS);
  return false;
}

/** KRS numbers carry no check digit: ten digits (leading zeros kept). */
export function isValidKrs(input: string): boolean {
  const d = normaliseIdentifier(input);
  return d !== null && d.length === 10;
}
