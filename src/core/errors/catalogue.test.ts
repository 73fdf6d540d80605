// Error statuses come from the declarations of the core and of the modules of one app, so these
// tests check that the declarations and the translations agree: a module that adds codes to
// `ErrorCodes` but forgets its AppModule `errors` (or a translation) fails here, not in production.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MODULES } from '../../app.js';
import { en } from '../../i18n/en.js';
import { pl } from '../../i18n/pl.js';
import { CORE_ERRORS, coreErrorStatus, ErrorCatalogue, statusIn, type ErrorCode } from './catalogue.js';

const translatedCodes = (messages: Record<string, unknown>) =>
  Object.entries(messages)
    .filter(([, v]) => typeof v === 'object' && v !== null && 'title' in v)
    .map(([k]) => k)
    .sort();

test('every translated error code is declared by the core or a module, and every declared code is translated', () => {
  const catalogue = new ErrorCatalogue(MODULES);
  assert.deepEqual(catalogue.codes().sort(), translatedCodes(pl.errors));
  assert.deepEqual(catalogue.codes().sort(), translatedCodes(en.errors));
});

test('statuses: the core knows its own codes, the app catalogue every module code; an undeclared code is our fault', () => {
  const catalogue = new ErrorCatalogue(MODULES);
  assert.equal(catalogue.status('http.not_found'), 404);
  assert.equal(catalogue.status('portal.page_has_children'), 409);
  assert.equal(catalogue.status('accounts.locked_out'), 429);
  assert.equal(coreErrorStatus('http.csrf'), 403);
  assert.equal(coreErrorStatus('portal.page_has_children'), undefined, 'the core does not know module codes');
  assert.equal(new ErrorCatalogue([]).status('portal.page_has_children'), 500, 'an app without the module never declared it');
  assert.equal(statusIn(CORE_ERRORS, 'http.rate_limited'), 429);
  assert.equal(statusIn(CORE_ERRORS, 'portal.last_file' as ErrorCode), 500);
});

test('two modules cannot declare the same code', () => {
  const one = { name: 'one', errors: { 'portal.last_file': { status: 409 } } } as const;
  const two = { name: 'two', errors: { 'portal.last_file': { status: 409 } } } as const;
  assert.throws(() => new ErrorCatalogue([one, two]), /portal\.last_file is declared by both one and two/);
  assert.throws(() => new ErrorCatalogue([{ name: 'x', errors: { 'http.not_found': { status: 404 } } }]), /declared by both core and x/);
});
