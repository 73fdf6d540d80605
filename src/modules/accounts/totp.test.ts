// TOTP against the RFC 6238 test vectors (SHA-1 secret "12345678901234567890"), plus the drift
// window and input checks, so the login's second factor matches real authenticator apps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Decode, base32Encode, hotp, newTotpSecret, totpCode, verifyTotp } from './totp.js';

const RFC_SECRET = Buffer.from('12345678901234567890');

test('RFC 6238 SHA-1 vectors (last 6 digits)', () => {
  const vectors: [number, string][] = [
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ];
  for (const [t, code] of vectors) assert.equal(hotp(RFC_SECRET, Math.floor(t / 30)), code, `t=${t}`);
});

test('base32 round trip and RFC 4648 vector', () => {
  assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
  assert.deepEqual(base32Decode('MZXW6YTBOI'), Buffer.from('foobar'));
  const s = newTotpSecret();
  assert.match(s, /^[A-Z2-7]{32}$/);
  assert.deepEqual(base32Encode(base32Decode(s)), s);
});

test('verifyTotp accepts the current and adjacent steps only', () => {
  const secret = base32Encode(RFC_SECRET);
  const at = new Date(1234567890 * 1000);
  const counter = Math.floor(1234567890 / 30);
  assert.equal(verifyTotp(secret, totpCode(secret, at), at), counter);
  assert.equal(verifyTotp(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at), counter - 1);
  assert.equal(verifyTotp(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at), counter + 1);
  assert.equal(verifyTotp(secret, totpCode(secret, new Date(at.getTime() - 90_000)), at), null);
  assert.equal(verifyTotp(secret, '12345', at), null);
  assert.equal(verifyTotp(secret, 'abcdef', at), null);
  assert.equal(verifyTotp(secret, '005 924', at), counter, 'spaces are ignored');
});
