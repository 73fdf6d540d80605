// The white-spot rule on its own: above the regional median of social-assistance recipients per
// 1,000 inhabitants, and no active entity; honest about missing statistics or a missing registry.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median, whiteSpots, type WhiteSpotInput } from './white-spots.js';

const g = (teryt: string, population: number | null, socialAssistance: number | null, entities: number | null): WhiteSpotInput => ({
  teryt,
  population,
  socialAssistance,
  entities,
});

test('median of odd and even counts', () => {
  assert.equal(median([]), null);
  assert.equal(median([5]), 5);
  assert.equal(median([9, 1, 5]), 5);
  assert.equal(median([1, 2, 3, 10]), 2.5);
});

test('a white spot is above the median and has no active entity', () => {
  // rates per 1,000: A 100, B 50, C 80, D 20, E 120 → median 80
  const input = [g('A', 1000, 100, 0), g('B', 2000, 100, 0), g('C', 1000, 80, 0), g('D', 5000, 100, 3), g('E', 1000, 120, 2)];
  const r = whiteSpots(input, true);
  assert.equal(r.status, 'ok');
  assert.equal(r.median, 80);
  assert.deepEqual(r.highNeed, ['A', 'E'], 'strictly above the median (C is at it)');
  assert.deepEqual(r.spots, ['A'], 'E has entities; B and C are not above the median');
  assert.equal(r.rates.get('B'), 50);
});

test('gminy without both figures are left out of the median and never become white spots', () => {
  const input = [g('A', 1000, 100, 0), g('B', null, 100, 0), g('C', 1000, null, 0), g('D', 0, 5, 0), g('E', 1000, 10, 0)];
  const r = whiteSpots(input, true);
  assert.deepEqual([...r.rates.keys()].sort(), ['A', 'E']);
  assert.equal(r.median, 55);
  assert.deepEqual(r.spots, ['A']);
});

test('without statistics nothing is claimed; without a registry there are needs but no spots', () => {
  const none = whiteSpots([g('A', null, null, 0)], true);
  assert.equal(none.status, 'no_statistics');
  assert.deepEqual(none.spots, []);
  const noRegistry = whiteSpots([g('A', 1000, 100, null), g('B', 1000, 10, null), g('C', 1000, 50, null)], false);
  assert.equal(noRegistry.status, 'no_registry');
  assert.deepEqual(noRegistry.highNeed, ['A']);
  assert.deepEqual(noRegistry.spots, [], 'no registry: nobody can say there is no entity');
});

test('a gmina whose entities nobody has checked is not known to be a white spot', () => {
  // rates: A 100, B 120, C 10 → median 100; B above it with an unknown count (null under a registry)
  const r = whiteSpots([g('A', 1000, 100, 0), g('B', 1000, 120, null), g('C', 1000, 10, 0), g('D', 1000, 130, 0)], true);
  assert.deepEqual(r.highNeed, ['B', 'D']);
  assert.deepEqual(r.spots, ['D'], 'only a known zero makes a white spot');
  assert.deepEqual(r.unknown, ['B']);
});
