// The status of a recommendation at the end of a report's year, without a database: reconstructed
// from the dated records (closure day, response day, action times), and "not known" (null) when they
// do not allow it — never today's status in its place.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionStatusAt, recommendationStatusAt, type DatedAction } from './evaluation.rules.js';

const END = '2026-12-31';
const MOMENT = '2026-12-31T23:00:00.000Z';
const rec = (over: Partial<Parameters<typeof recommendationStatusAt>[0]> = {}) => ({
  response_kind: 'accepted' as const,
  response_due_on: null,
  closure: null,
  responded_on: '2026-03-01',
  closed_on: null,
  ...over,
});
const action = (over: Partial<DatedAction> = {}): DatedAction => ({
  status: 'planned',
  created_at: '2026-03-02T10:00:00.000Z',
  updated_at: '2026-03-02T10:00:00.000Z',
  completed_on: null,
  ...over,
});

test('an action unchanged since before the year’s end keeps its status; a later one did not exist; a later change is unknown', () => {
  assert.equal(actionStatusAt(action({ status: 'in_progress', updated_at: '2026-06-01T08:00:00.000Z' }), END, MOMENT), 'in_progress');
  assert.equal(actionStatusAt(action({ created_at: '2027-01-05T08:00:00.000Z' }), END, MOMENT), undefined);
  assert.equal(actionStatusAt(action({ status: 'in_progress', updated_at: '2027-02-01T08:00:00.000Z' }), END, MOMENT), null);
  assert.equal(
    actionStatusAt(action({ status: 'done', updated_at: '2027-02-01T08:00:00.000Z', completed_on: '2026-12-20' }), END, MOMENT),
    'done',
    'completed within the year',
  );
});

test('closed or answered after the year’s end: the earlier status, not today’s', () => {
  assert.equal(recommendationStatusAt(rec({ closure: 'closed', closed_on: '2027-02-01' }), [action()], END, MOMENT), 'planned');
  assert.equal(recommendationStatusAt(rec({ closure: 'closed', closed_on: '2026-11-30' }), [], END, MOMENT), 'closed');
  assert.equal(recommendationStatusAt(rec({ responded_on: '2027-01-10' }), [action()], END, MOMENT), 'awaiting_response');
  assert.equal(recommendationStatusAt(rec({ response_kind: 'not_accepted' }), [], END, MOMENT), 'not_accepted');
});

test('a figure the records cannot give is unknown (null)', () => {
  assert.equal(recommendationStatusAt(rec({ closure: 'abandoned', closed_on: null }), [], END, MOMENT), null, 'a closure without its day');
  assert.equal(recommendationStatusAt(rec({ responded_on: null }), [], END, MOMENT), null, 'a response without its day');
  // the only action changed after the year's end: planned, in progress or done then — the status depends on it
  assert.equal(recommendationStatusAt(rec(), [action({ status: 'done', updated_at: '2027-03-01T08:00:00.000Z' })], END, MOMENT), null);
  // …but when the result cannot depend on it, the status is known: with one action in progress by then,
  // a second one changed later keeps the recommendation "in progress" whatever it was
  assert.equal(
    recommendationStatusAt(
      rec(),
      [
        action({ status: 'in_progress', updated_at: '2026-05-01T08:00:00.000Z' }),
        action({ status: 'done', updated_at: '2027-03-01T08:00:00.000Z' }),
      ],
      END,
      MOMENT,
    ),
    'in_progress',
  );
});
