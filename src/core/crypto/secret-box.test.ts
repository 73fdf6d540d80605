// The secret box must give back exactly what was sealed, and only to the same key, purpose and
// context: any other key, an altered part or a truncated tag is refused with SecretBoxError.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveKey, isSealed, secretBox, SecretBoxError } from './secret-box.js';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const box = secretBox(deriveKey(SECRET, 'test/purpose/v1'));

test('round trip; the sealed text is versioned, does not contain the plaintext, and differs each time', () => {
  const plain = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const a = box.seal(plain);
  const b = box.seal(plain);
  assert.match(a, /^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
  assert.ok(isSealed(a));
  assert.ok(!a.includes(plain));
  assert.notEqual(a, b, 'a fresh IV per value');
  assert.equal(box.open(a), plain);
  assert.equal(box.open(b), plain);
  assert.equal(box.open(box.seal('zażółć gęślą jaźń')), 'zażółć gęślą jaźń');
  assert.equal(box.open(box.seal('')), '');
});

test('another secret or another purpose gives another key, which cannot open the value', () => {
  const sealed = box.seal('JBSWY3DPEHPK3PXP');
  assert.notDeepEqual(deriveKey(SECRET, 'test/purpose/v1'), deriveKey(SECRET, 'test/other/v1'));
  assert.deepEqual(deriveKey(SECRET, 'test/purpose/v1'), deriveKey(SECRET, 'test/purpose/v1'), 'derivation is deterministic');
  assert.throws(() => secretBox(deriveKey('another-session-secret-of-32-characters!', 'test/purpose/v1')).open(sealed), SecretBoxError);
  assert.throws(() => secretBox(deriveKey(SECRET, 'test/other/v1')).open(sealed), SecretBoxError);
});

test('a value bound to a context opens only with that context', () => {
  const sealed = box.seal('JBSWY3DPEHPK3PXP', 'user-1');
  assert.equal(box.open(sealed, 'user-1'), 'JBSWY3DPEHPK3PXP');
  assert.throws(() => box.open(sealed, 'user-2'), SecretBoxError);
  assert.throws(() => box.open(sealed), SecretBoxError);
});

test('altered, truncated or malformed values are refused without revealing anything', () => {
  const sealed = box.seal('JBSWY3DPEHPK3PXP');
  const [v, iv, tag, ct] = sealed.split(':') as [string, string, string, string];
  const flip = (s: string) => {
    const buf = Buffer.from(s, 'base64url');
    buf[0] = buf[0]! ^ 1;
    return buf.toString('base64url');
  };
  for (const bad of [
    [v, flip(iv), tag, ct],
    [v, iv, flip(tag), ct],
    [v, iv, tag, flip(ct)],
    [v, iv, Buffer.from(tag, 'base64url').subarray(0, 12).toString('base64url'), ct],
    [v, iv, tag],
    ['v2', iv, tag, ct],
    [v, `${iv}!`, tag, ct],
  ]) {
    assert.throws(
      () => box.open(bad.join(':')),
      (err: unknown) => err instanceof SecretBoxError && !err.message.includes('JBSW'),
      bad.join(':'),
    );
  }
  assert.throws(() => box.open('JBSWY3DPEHPK3PXP'), SecretBoxError);
  assert.equal(isSealed('JBSWY3DPEHPK3PXP'), false);
});

test('keys of the wrong size and empty inputs to the derivation are programming errors', () => {
  assert.throws(() => secretBox(Buffer.alloc(16)), /32 bytes/);
  assert.throws(() => deriveKey('', 'p'), /empty secret/);
  assert.throws(() => deriveKey(SECRET, ''), /empty purpose/);
});
