// Valid Polish identifiers for tests and the benchmark: the check digit is computed here from the
// published weights, independently of identifiers.ts, so a test cannot pass on a shared mistake.

/** A NIP from 8 digits: a 9th digit is chosen so the check digit is not 10, then the check digit. */
export function validNip(prefix8: string): string {
  const w = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  for (let d = 0; d <= 9; d++) {
    const nine = `${prefix8}${d}`;
    const sum = [...nine].reduce((s, c, i) => s + Number(c) * w[i]!, 0) % 11;
    if (sum !== 10) return `${nine}${sum}`;
  }
  throw new Error('no NIP');
}

/** A 9-digit REGON from 8 digits. */
export function validRegon(prefix8: string): string {
  const w = [8, 9, 2, 3, 4, 5, 6, 7];
  const sum = [...prefix8].reduce((s, c, i) => s + Number(c) * w[i]!, 0) % 11;
  return `${prefix8}${sum === 10 ? 0 : sum}`;
}

/** A KRS number (10 digits; KRS has no check digit). */
export function validKrs(n: number): string {
  return String(n).padStart(10, '0');
}
