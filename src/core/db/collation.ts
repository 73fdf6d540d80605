// Polish alphabetical order for both databases. SQLite has no ICU collation reachable from
// better-sqlite3, so every sortable name is stored with a sort key built here; ordering by that
// key gives the order of `Intl.Collator('pl')` (ą after a, ł after l, ż last) on SQLite and
// PostgreSQL alike.

const ALPHABET = 'aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż';
const RANK = new Map<string, number>([...ALPHABET].map((ch, i) => [ch, i]));

function keyChar(ch: string): string {
  if (/\s/u.test(ch)) return '!';
  if (/\p{P}|\p{S}/u.test(ch)) return '"';
  if (/\p{N}/u.test(ch)) return `#${ch}`;
  const rank = RANK.get(ch);
  if (rank !== undefined) return String.fromCharCode(0x41 + rank);
  // letters outside the Polish alphabet (é, ü, ß…) sort with their base letter
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
  const baseRank = RANK.get(base);
  if (baseRank !== undefined) return String.fromCharCode(0x41 + baseRank);
  return `~${ch}`;
}

/** A plain-ASCII-comparable key: primary order by Polish letters, case and spacing collapsed. */
export function polishSortKey(text: string): string {
  const lower = text.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('pl');
  let key = '';
  for (const ch of lower) key += keyChar(ch);
  return key;
}

export const polishCollator = new Intl.Collator('pl', { sensitivity: 'base' });

/** Places of the labels met so far in Polish order (labels the collator finds equal share one). */
const ranks = new Map<string, number>();
const RANKS_KEPT = 50_000;

/**
 * `polishCollator.compare` for a page that sorts the same labels on every view (144 gminy, the
 * legal forms, the sectors): each label's place in Polish order is found once and kept, so a sort
 * compares numbers instead of calling Intl about a thousand times. New labels re-rank all the
 * labels kept (rare: the labels are names of places and categories); the kept ones are bounded.
 */
export function polishRanks(labels: Iterable<string>): (a: string, b: string) => number {
  let missing: string[] | null = null;
  for (const label of labels) if (!ranks.has(label)) (missing ??= []).push(label);
  if (missing) {
    if (ranks.size + missing.length > RANKS_KEPT) ranks.clear();
    const all = [...new Set([...ranks.keys(), ...missing])].sort((a, b) => polishCollator.compare(a, b));
    let rank = 0;
    all.forEach((label, i) => {
      if (i > 0 && polishCollator.compare(all[i - 1]!, label) !== 0) rank += 1;
      ranks.set(label, rank);
    });
  }
  return (a, b) => ranks.get(a)! - ranks.get(b)!;
}
