// Unit tests of the identifier check digits: numbers computed with the published algorithms are
// accepted (with or without separators), the same numbers with one digit changed are refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isValidKrs, isValidNip, isValidRegon, normaliseIdentifier } from './identifiers.js';

/** Appends the check digit computed independently here, to build valid fixtures. */
function withCheck(body: string, weights: number[], mod10: boolean): string {
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0) % 11;
  return body + String(mod10 ? sum % 10 : sum);
}
const flip = (s: string, i: number) => s.slice(0, i) + String((Number(s[i]) + 1) % 10) + s.slice(i + 1);

describe('identifiers', () => {
  test('NIP', () => {
    const nip = withCheck('123456321', [6, 5, 7, 2, 3, 4, 5, 6, 7], false); // sum%11 = 9 → valid
    assert.equal(nip, '1234563218');
    assert.ok(isValidNip(nip));
    assert.ok(isValidNip('123-456-32-18'));
    assert.ok(isValidNip('123 456 32 18'));
    for (let i = 0; i < 10; i++) assert.ok(!isValidNip(flip(nip, i)), `flipped ${i}`);
    assert.ok(!isValidNip('123456321'));
    assert.ok(!isValidNip('12345632181'));
    assert.ok(!isValidNip('12345632a8'));
    // check sum 10 is never valid: 0000000010 has sum 6*0+...+7*1=7? build one with sum%11 = 10
    assert.ok(!isValidNip('1000000000')); // sum 6 → needs 6, has 0
  });

  test('REGON-9 and REGON-14', () => {
    const r9 = withCheck('12345678', [8, 9, 2, 3, 4, 5, 6, 7], true);
    assert.equal(r9, '123456785');
    assert.ok(isValidRegon(r9));
    assert.ok(isValidRegon('123-456-785'));
    for (let i = 0; i < 9; i++) assert.ok(!isValidRegon(flip(r9, i)), `flipped ${i}`);
    const r14 = withCheck(`${r9}1234`, [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8], true);
    assert.ok(isValidRegon(r14));
    assert.ok(!isValidRegon(flip(r14, 13)));
    assert.ok(!isValidRegon(flip(r14, 10)));
    // a 14-digit number whose 9-digit prefix is invalid is refused even with a right last digit
    const badPrefix = withCheck(`${flip(r9, 8)}1234`, [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8], true);
    assert.ok(!isValidRegon(badPrefix));
    assert.ok(!isValidRegon('12345678'));
  });

  test('KRS and normalisation', () => {
    assert.ok(isValidKrs('0000123456'));
    assert.ok(isValidKrs('0000-123 456'));
    assert.ok(!isValidKrs('123456'));
    assert.ok(!isValidKrs('00001234567'));
    assert.equal(normaliseIdentifier(' 12-34 5 '), '12345');
    assert.equal(normaliseIdentifier('12x'), null);
  });
});
