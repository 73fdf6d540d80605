// How a user's TOTP shared secret is kept at rest (OWASP ASVS 6.4 / 2.8): whoever holds a copy of
// the database (a backup, a dump) must not be able to generate valid codes. The secret is sealed with
// AES-256-GCM (core/crypto/secret-box) under a key derived from SESSION_SECRET by HKDF-SHA256 with
// the purpose string below, and bound to the user's id, so a sealed value copied to another account
// does not open. Deriving rather than adding a dedicated setting: every installation already has a
// SESSION_SECRET outside the database (environment, or the generated file in the data folder), so
// upgrading needs no new configuration, and HKDF with its own info string makes this key unrelated
// to the key that signs session cookies. The price is that rotating SESSION_SECRET makes the sealed
// secrets unreadable: users then sign in with a recovery code and enrol again (ADR 0009).
// Values written before this existed are clear base32; they are still read, and re-stored sealed on
// the next use and by the daily `accounts.totp-secret-encryption` job (migrations get no config).
import type { Config } from '../../config.js';
import { deriveKey, isSealed, secretBox, SecretBoxError, type SecretBox } from '../../core/crypto/secret-box.js';

/** HKDF info: changing it would make every stored secret unreadable. */
const PURPOSE = 'spojnia/accounts/totp-secret/v1';
const BASE32 = /^[A-Z2-7]+=*$/;

const boxes = new WeakMap<Config, SecretBox>();

function box(config: Config): SecretBox {
  let b = boxes.get(config);
  if (!b) {
    b = secretBox(deriveKey(config.sessionSecret, PURPOSE));
    boxes.set(config, b);
  }
  return b;
}

/** What is stored in `users.totp_secret` for a base32 secret. */
export function sealTotpSecret(config: Config, userId: string, secretBase32: string): string {
  return box(config).seal(secretBase32, userId);
}

/**
 * The stored value read back: `sealed` (the normal case), `clear` (written before encryption; the
 * caller re-stores it sealed) or `unreadable` (another key, an altered value, or garbage).
 */
export type StoredTotpSecret = { kind: 'sealed' | 'clear'; secret: string } | { kind: 'unreadable' };

export function openTotpSecret(config: Config, userId: string, stored: string): StoredTotpSecret {
  if (!isSealed(stored)) return BASE32.test(stored) ? { kind: 'clear', secret: stored } : { kind: 'unreadable' };
  try {
    const secret = box(config).open(stored, userId);
    return BASE32.test(secret) ? { kind: 'sealed', secret } : { kind: 'unreadable' };
  } catch (err) {
    if (err instanceof SecretBoxError) return { kind: 'unreadable' };
    throw err;
  }
}
