// The rowids of a text-index read come as one string of digits and commas; reading it in one pass
// must give what splitting and converting it gives, for one key, many, and large rowids.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKeys } from './sqlite.js';

test('parseKeys reads a joined list of rowids as split and Number do', () => {
  for (const joined of ['7', '1,22,333', '9007199254740991,1', '0,10,100,1000'])
    assert.deepEqual(parseKeys(joined), joined.split(',').map(Number));
  const many = Array.from({ length: 30_000 }, (_, i) => i * 37 + 1);
  assert.deepEqual(parseKeys(many.join(',')), many);
});
