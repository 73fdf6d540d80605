// The CPV check digit and the category → CPV table: codes printed in CPV 2008 pass, a changed digit
// fails, and every row of the shipped table is a valid code starting with its prefix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  categoryCpvPrefixes,
  categoryCpvTable,
  CATEGORY_KEYS,
  cpvCheckDigit,
  isValidCpv,
  normaliseCpv,
  parentOf,
} from './offers.categories.js';

test('codes as printed in the vocabulary pass the check digit; a changed digit or a malformed code fails', () => {
  for (const code of [
    '55000000-0',
    '55100000-1',
    '55110000-4',
    '85000000-9',
    '85121210-8',
    '85121291-9',
    '80520000-5',
    '03111600-8',
    '45000000-7',
  ]) {
    assert.ok(isValidCpv(code), code);
  }
  for (const code of ['55000000-1', '85121291-8', '45000000-0', '4500000-7', '45000000', 'abcdefgh-1'])
    assert.equal(isValidCpv(code), false, code);
  assert.equal(cpvCheckDigit('90910000'), 9);
});

test('CPV codes are read with spaces and dots, or without the dash', () => {
  assert.equal(normaliseCpv(' 55.52.00.00-1 '), '55520000-1');
  assert.equal(normaliseCpv('555200001'), '55520000-1');
  assert.equal(normaliseCpv('5552-1'), null);
});

test('the category table: valid codes, prefixes of their codes, every category but "inne" has some', () => {
  const table = categoryCpvTable();
  assert.ok(table.length >= 20);
  for (const r of table) assert.ok(isValidCpv(r.code) && r.code.startsWith(r.prefix), r.code);
  for (const c of CATEGORY_KEYS) assert.equal(categoryCpvPrefixes(c).length > 0, c !== 'inne', c);
  assert.deepEqual(categoryCpvPrefixes('catering').sort(), ['158', '553', '5552']);
  assert.equal(parentOf('catering-posilki'), 'catering');
  assert.equal(parentOf('catering'), undefined);
});
