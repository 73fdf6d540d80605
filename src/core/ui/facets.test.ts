// Which options of a long facet show first: the largest by count and every chosen one, in their
// given order; a list at most two longer than the limit is shown whole.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitFacet } from './facets.js';

const opts = (counts: number[]) => counts.map((count, i) => ({ value: `v${i}`, label: `L${i}`, count }));

test('the top entries by count plus the chosen ones, in the given order; short lists whole', () => {
  const { first, rest } = splitFacet(opts([1, 9, 3, 7, 5, 0]), ['v5'], 2);
  assert.deepEqual(
    first.map((o) => o.value),
    ['v1', 'v3', 'v5'],
  );
  assert.deepEqual(
    rest.map((o) => o.value),
    ['v0', 'v2', 'v4'],
  );
  assert.equal(splitFacet(opts([1, 2, 3, 4]), [], 2).rest.length, 0, 'two more than the limit: shown whole');
  assert.equal(splitFacet(opts([1, 2, 3, 4, 5]), [], 2).rest.length, 3);
  // ties keep the given order
  assert.deepEqual(
    splitFacet(opts([2, 2, 2, 2, 2, 2]), [], 3).first.map((o) => o.value),
    ['v0', 'v1', 'v2'],
  );
});
