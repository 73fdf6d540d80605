// The form helpers decide what a user sees after a refused submission: these tests pin which errors
// go back to the form (and with which status) and which reach the error handler untouched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Value } from 'typebox/value';
import { AppError } from '../errors/app-error.js';
import { ErrorCatalogue } from '../errors/catalogue.js';
import { formBody, formBodyWithLists, formProblems, submitForm, textFields } from './forms.js';

const errors = new ErrorCatalogue([{ name: 'example', errors: { 'portal.page_has_children': { status: 409 } } }]);

test('a validation error goes back to the form with its problems and 400', () => {
  const problems = [{ field: 'name', key: 'validation.required' }];
  assert.deepEqual(formProblems(new AppError('http.validation', {}, problems)), { problems, status: 400 });
});

test('a listed refusal becomes one whole-form problem with its declared status; a predicate lists codes too', () => {
  const err = new AppError('portal.page_has_children');
  const expected = { problems: [{ key: 'errors.portal.page_has_children.detail' }], status: 409 };
  assert.deepEqual(formProblems(err, { errors, codes: ['portal.page_has_children'] }), expected);
  assert.deepEqual(formProblems(err, { errors, codes: (code) => code.startsWith('portal.') }), expected);
  const withParams = new AppError('portal.page_has_children', { count: 2 });
  assert.deepEqual(
    formProblems(withParams, { errors, codes: ['portal.page_has_children'] }).problems,
    [{ key: 'errors.portal.page_has_children.detail', params: { count: 2 } }],
    'its parameters fill the message',
  );
  const problems = [{ field: 'file', key: 'validation.required' }];
  assert.deepEqual(
    formProblems(new AppError('portal.page_has_children', {}, problems), { errors, codes: ['portal.page_has_children'] }),
    { problems, status: 409 },
    'a refusal naming its fields keeps them',
  );
});

test('anything else is thrown on unchanged: unlisted codes, other errors', () => {
  const unlisted = new AppError('portal.page_has_children');
  assert.throws(
    () => formProblems(unlisted),
    (e) => e === unlisted,
  );
  assert.throws(
    () => formProblems(unlisted, { errors, codes: ['http.not_found'] }),
    (e) => e === unlisted,
  );
  const bug = new TypeError('bug');
  assert.throws(
    () => formProblems(bug),
    (e) => e === bug,
  );
});

test('submitForm returns the value, or the refusal; unexpected errors reject', async () => {
  assert.deepEqual(await submitForm(async () => 42), { ok: true, value: 42 });
  const refused = await submitForm(() => {
    throw new AppError('http.validation', {}, [{ key: 'validation.required' }]);
  });
  assert.deepEqual(refused, { ok: false, problems: [{ key: 'validation.required' }], status: 400 });
  await assert.rejects(
    submitForm(async () => {
      throw new AppError('http.not_found');
    }),
    (e: unknown) => e instanceof AppError && e.code === 'http.not_found',
  );
});

test('form body schemas bound field count and length; lists accept repeated fields', () => {
  const body = formBody({ maxLength: 5, maxProperties: 2 });
  assert.equal(Value.Check(body, { a: 'x', b: 'yy' }), true);
  assert.equal(Value.Check(body, { a: 'x', b: 'y', c: 'z' }), false, 'too many fields');
  assert.equal(Value.Check(body, { a: 'toolong' }), false, 'too long');
  assert.equal(Value.Check(body, { a: ['x'] }), false, 'no arrays in a plain form');
  const lists = formBodyWithLists({ maxLength: 5, maxProperties: 2, maxItems: 2, maxItemLength: 3 });
  assert.equal(Value.Check(lists, { a: ['x', 'y'], b: 'z' }), true);
  assert.equal(Value.Check(lists, { a: ['x', 'y', 'z'] }), false, 'too many values');
  assert.equal(Value.Check(lists, { a: ['abcd'] }), false, 'a listed value longer than its own limit');
  assert.equal(Value.Check(lists, { a: 'abcd' }), true, 'a single value has the field limit');
});

test('textFields keeps the text values of a mixed body', () => {
  assert.deepEqual(textFields({ a: 'x', b: ['y'], c: { file: true } }), { a: 'x' });
  assert.deepEqual(textFields(undefined), {});
});
