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
