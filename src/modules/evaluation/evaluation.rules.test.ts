// The follow-up rules without a database: the response deadline (30 days after acceptance unless
// set), four years of tracking (29 February included), overdue only after the deadline day, and the
// status derived from the response, the actions and the closure.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isActionOverdue, isResponseOverdue, isTracked, recommendationStatus, responseDue, trackingEnds } from './evaluation.rules.js';

const open = { response_kind: null, response_due_on: null, closure: null } as const;

test('the response is due 30 days after acceptance unless a day is set; unknown without acceptance', () => {
  assert.equal(responseDue(open, '2027-01-15'), '2027-02-14');
  assert.equal(responseDue({ response_due_on: '2027-05-01' }, '2027-01-15'), '2027-05-01');
  assert.equal(responseDue(open, null), null);
  assert.equal(isResponseOverdue(open, '2027-01-15', '2027-02-14'), false);
  assert.equal(isResponseOverdue(open, '2027-01-15', '2027-02-15'), true);
  assert.equal(isResponseOverdue({ ...open, response_kind: 'accepted' }, '2027-01-15', '2027-06-01'), false);
  assert.equal(isResponseOverdue(open, null, '2030-01-01'), false);
});

test('recommendations are tracked for four years from acceptance or until closed', () => {
  assert.equal(trackingEnds('2027-01-15'), '2031-01-15');
  assert.equal(trackingEnds('2096-02-29'), '2100-02-28');
  assert.equal(isTracked(open, '2027-01-15', '2031-01-15'), true);
  assert.equal(isTracked(open, '2027-01-15', '2031-01-16'), false);
  assert.equal(isTracked({ closure: 'abandoned' }, '2027-01-15', '2027-02-01'), false);
  const action = { status: 'planned', deadline: '2027-03-31' } as const;
  assert.equal(isActionOverdue(action, open, '2027-01-15', '2027-03-31'), false);
  assert.equal(isActionOverdue(action, open, '2027-01-15', '2027-04-01'), true);
  assert.equal(isActionOverdue({ ...action, status: 'done' }, open, '2027-01-15', '2027-04-01'), false);
  assert.equal(isActionOverdue(action, open, '2027-01-15', '2031-02-01'), false, 'no longer tracked');
});

test('the status follows from the closure, the response and the actions', () => {
  assert.equal(recommendationStatus(open, []), 'awaiting_response');
  const accepted = { ...open, response_kind: 'accepted' } as const;
  assert.equal(recommendationStatus({ ...open, response_kind: 'not_accepted' }, []), 'not_accepted');
  assert.equal(recommendationStatus(accepted, []), 'accepted');
  assert.equal(recommendationStatus(accepted, [{ status: 'planned' }, { status: 'cancelled' }]), 'planned');
  assert.equal(recommendationStatus(accepted, [{ status: 'planned' }, { status: 'done' }]), 'in_progress');
  assert.equal(recommendationStatus(accepted, [{ status: 'done' }, { status: 'cancelled' }]), 'implemented');
  assert.equal(recommendationStatus({ ...accepted, closure: 'closed' }, [{ status: 'planned' }]), 'closed');
  assert.equal(recommendationStatus({ ...open, closure: 'abandoned' }, []), 'abandoned');
});
