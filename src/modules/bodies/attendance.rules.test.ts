// Quorum, vote results and the absence flag as the rules define them (no database).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentForQuorum, quorumNeeded, threeUnexcusedInARow, voteOutcome, type Rules } from './attendance.rules.js';

const half: Rules = {
  has_rules: true,
  quorum_kind: 'fraction',
  quorum_numerator: 1,
  quorum_denominator: 2,
  quorum_count: null,
  majority: 'simple',
  is_substitutes_quorum: false,
};

test('the quorum: a fraction of the members rounded up, or a count', () => {
  assert.equal(quorumNeeded(half, 10), 5);
  assert.equal(quorumNeeded(half, 11), 6);
  assert.equal(quorumNeeded({ ...half, quorum_numerator: 2, quorum_denominator: 3 }, 10), 7);
  assert.equal(quorumNeeded({ ...half, quorum_kind: 'count', quorum_count: 4 }, 10), 4);
});

test('substitutes count for the quorum only when the rules say so', () => {
  const s = ['present', 'substitute', 'excused', 'unexcused', 'present'] as const;
  assert.equal(presentForQuorum(s, half), 2);
  assert.equal(presentForQuorum(s, { ...half, is_substitutes_quorum: true }), 3);
});

test('below the quorum: no quorum, whatever the counts', () => {
  assert.deepEqual(voteOutcome({ for: 4, against: 0, abstained: 0 }, 4, 10, half), {
    result: 'no_quorum',
    rule: 'quorum',
    needed: 5,
    present: 4,
  });
});

test('with the quorum: a simple majority adopts with more for than against', () => {
  assert.equal(voteOutcome({ for: 3, against: 2, abstained: 1 }, 6, 10, half).result, 'adopted');
  assert.equal(voteOutcome({ for: 2, against: 2, abstained: 2 }, 6, 10, half).result, 'not_adopted');
});

test('an absolute majority needs more than half of the votes cast', () => {
  const abs = { ...half, majority: 'absolute' as const };
  assert.deepEqual(voteOutcome({ for: 3, against: 1, abstained: 2 }, 6, 10, abs), {
    result: 'not_adopted',
    rule: 'absolute',
    needed: 4,
    present: 6,
  });
  assert.equal(voteOutcome({ for: 4, against: 1, abstained: 1 }, 6, 10, abs).result, 'adopted');
});

test('three unexcused absences in a row raise the flag; an excused one (or a presence) between resets the count', () => {
  assert.equal(threeUnexcusedInARow(['unexcused', 'unexcused', 'unexcused']), true);
  assert.equal(threeUnexcusedInARow(['present', 'unexcused', 'unexcused', 'unexcused', 'present']), true);
  assert.equal(threeUnexcusedInARow(['unexcused', 'unexcused', 'excused', 'unexcused']), false);
  assert.equal(threeUnexcusedInARow(['unexcused', 'present', 'unexcused', 'unexcused']), false);
});
