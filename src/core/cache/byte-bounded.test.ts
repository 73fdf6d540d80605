// The byte-bounded cache: the least recently used go first once the bound is passed, a read moves
// a value to the end, a re-weighed value counts its new size, and a value heavier than the bound is
// not kept at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ByteBoundedCache } from './byte-bounded.js';

test('keeps values up to the byte bound, dropping the least recently used first', () => {
  const cache = new ByteBoundedCache<string, string>(10);
  cache.set('a', 'A', 4);
  cache.set('b', 'B', 4);
  assert.equal(cache.get('a'), 'A', 'a read makes a the most recently used');
  cache.set('c', 'C', 4);
  assert.equal(cache.peek('b'), undefined, 'b was the least recently used');
  assert.deepEqual([cache.peek('a'), cache.peek('c')], ['A', 'C']);
  assert.equal(cache.bytes, 8);
  assert.equal(cache.size, 2);
});

test('a value set again is re-weighed; one heavier than the bound is not kept; delete frees its bytes', () => {
  const cache = new ByteBoundedCache<string, number>(10);
  cache.set('a', 1, 2);
  cache.set('b', 2, 2);
  cache.set('a', 1, 9);
  assert.equal(cache.peek('b'), undefined, 'growing a pushed b out');
  assert.equal(cache.bytes, 9);
  cache.set('huge', 3, 11);
  assert.equal(cache.peek('huge'), undefined);
  assert.equal(cache.peek('a'), 1, 'a value too heavy to keep pushes nothing out');
  cache.delete('a');
  assert.equal(cache.bytes, 0);
  assert.equal(cache.size, 0);
});

test('with a count bound too, the oldest go when there are more values than it; clear empties everything', () => {
  const cache = new ByteBoundedCache<string, number>(100, 2);
  cache.set('a', 1, 1);
  cache.set('b', 2, 1);
  cache.set('c', 3, 1);
  assert.equal(cache.peek('a'), undefined);
  assert.equal(cache.size, 2);
  cache.clear();
  assert.equal(cache.size, 0);
  assert.equal(cache.bytes, 0);
});
