// The whole-number check of forms (retention months and similar settings): plain digits within the
// range, no longer than the maximum's digits; an empty field is "required" or the range problem.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FormChecker } from './validation.js';

const check = (value: unknown, required = false) => {
  const f = new FormChecker({ months: value });
  const n = f.wholeNumber('months', 'validation.required', 'validation.email', { min: 1, max: 60, required });
  return { n, keys: f.problems.map((p) => p.key) };
};

test('wholeNumber accepts digits within the range and returns the number', () => {
  assert.deepEqual(check('1'), { n: 1, keys: [] });
  assert.deepEqual(check(' 60 '), { n: 60, keys: [] });
  assert.deepEqual(check('07'), { n: 7, keys: [] });
});

test('wholeNumber refuses values out of range, not digits, or longer than the maximum', () => {
  for (const bad of ['0', '61', '-1', '1.5', '1e1', 'abc', '060', '+6', 6])
    assert.deepEqual(check(bad).keys, ['validation.email'], String(bad));
});

test('wholeNumber: an empty field is the range problem, or only "required" when required', () => {
  assert.deepEqual(check('').keys, ['validation.email']);
  assert.deepEqual(check('  ', true).keys, ['validation.required']);
  assert.deepEqual(check('0', true).keys, ['validation.email']);
  const f = new FormChecker({ months: '120' });
  assert.equal(f.wholeNumber('months', 'validation.required', 'validation.email', { min: 1, max: 120 }), 120);
  assert.deepEqual(f.problems, []);
});
