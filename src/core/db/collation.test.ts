// SQLite cannot sort by Polish rules, so names are ordered by a stored key instead. That key is
// only correct if it orders exactly like ICU's Polish collation, which is what readers expect (Ł
// after L, Ż last); this compares both on the real TERYT names and on the tricky letters.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { polishCollator, polishRanks, polishSortKey } from './collation.js';

const collator = new Intl.Collator('pl');

function byKey(a: string, b: string): number {
  const ka = polishSortKey(a);
  const kb = polishSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Sorting a reversed copy makes sure the result does not just echo the input order. */
function sortedByKey(names: readonly string[]): string[] {
  return [...names].reverse().sort(byKey);
}

test('the key orders the 23 powiaty and 144 gminy of TERYT 04 like Intl.Collator("pl")', () => {
  const file = join(import.meta.dirname, '..', '..', '..', 'data', 'reference', 'teryt_04.csv');
  const rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, trim: true }) as {
    kind: string;
    name: string;
  }[];
  const powiaty = rows.filter((r) => r.kind === 'powiat').map((r) => r.name);
  const gminy = rows.filter((r) => r.kind === 'gmina').map((r) => r.name);
  assert.equal(powiaty.length, 23);
  assert.equal(gminy.length, 144);
  for (const names of [powiaty, gminy, [...powiaty, ...gminy]]) {
    assert.deepEqual(sortedByKey(names), [...names].sort(collator.compare));
  }
});

test('Polish letters sort after their base letters, Ż last', () => {
  const expected = ['Cieszyn', 'Ćmielów', 'Lublin', 'Łódź', 'Ołomuniec', 'Ostrów', 'Szczecin', 'Świdnik', 'Zamość', 'Żyrardów'];
  assert.deepEqual([...expected].sort(collator.compare), expected, 'the expectation itself is ICU order');
  assert.deepEqual(sortedByKey(expected), expected);
  // every pair, not only neighbours, so a key that is not a total order would show
  for (const a of expected) {
    for (const b of expected) assert.equal(Math.sign(byKey(a, b)), Math.sign(collator.compare(a, b)), `${a} vs ${b}`);
  }
});

test('kept ranks compare labels as the collator does, labels it finds equal included, as new labels arrive', () => {
  const sign = (n: number) => Math.sign(n);
  const batches = [
    ['Łysomice', 'Lubicz', 'Żnin', 'zabytki', 'Zabytki', 'ćwiczenia', 'cwiczenia', 'Ósemka'],
    ['Aleksandrów Kujawski', 'ą', 'a', 'Ząbki', 'Zakrzewo', 'gastronomia', 'Gastronomia', 'éclair', 'eclair'],
  ];
  for (const batch of batches) {
    const compare = polishRanks(batch);
    const seen = batches.flat().filter((l) => batches.indexOf(batch) >= batches.findIndex((b) => b.includes(l)));
    for (const a of seen) for (const b of seen) assert.equal(sign(compare(a, b)), sign(polishCollator.compare(a, b)), `${a} vs ${b}`);
  }
});
