// Authenticated encryption of small secrets that must be stored but must not be readable from a
// copy of the database alone (a backup, a leaked dump): AES-256-GCM from node:crypto, a fresh
// random 12-byte IV per value, one versioned text value `v1:<iv>:<tag>:<ciphertext>` (base64url).
// Keys come from a long-lived application secret through HKDF-SHA256 with a purpose string, so one
// secret yields independent keys for unrelated uses. An optional context (e.g. the owning row's id)
// is bound as additional authenticated data, so a value copied to another row does not open.
// Knows no domain: callers name the purpose and the context.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const B64URL = /^[A-Za-z0-9_-]*$/;

/** Thrown when a value is malformed, was sealed with another key or context, or was altered. */
export class SecretBoxError extends Error {
  constructor(message = 'sealed value cannot be opened') {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export interface SecretBox {
  seal(plaintext: string, context?: string): string;
  /** The plaintext, or a SecretBoxError (never the value itself in the message). */
  open(sealed: string, context?: string): string;
}

/** True for a value in this helper's format (whatever key it was sealed with). */
export function isSealed(value: string): boolean {
  return value.startsWith(`${VERSION}:`);
}

/** A 256-bit key for one purpose; different purposes give unrelated keys from the same secret. */
export function deriveKey(secret: string, purpose: string): Buffer {
  if (secret.length === 0) throw new Error('deriveKey: empty secret');
  if (purpose.length === 0) throw new Error('deriveKey: empty purpose');
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), purpose, KEY_BYTES));
}

function decode(part: string, bytes?: number): Buffer {
  if (!B64URL.test(part)) throw new SecretBoxError();
  const buf = Buffer.from(part, 'base64url');
  if (bytes !== undefined && buf.length !== bytes) throw new SecretBoxError();
  return buf;
}

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new Error(`secretBox: key must be ${KEY_BYTES} bytes`);
  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join(':');
    },
    open(sealed, context) {
      const parts = sealed.split(':');
      if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError('not a sealed value');
      const iv = decode(parts[1]!, IV_BYTES);
      const tag = decode(parts[2]!, TAG_BYTES);
      const ciphertext = decode(parts[3]!);
      // authTagLength pins the tag at 16 bytes: GCM would otherwise accept a truncated tag
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tag);
      if (context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
      try {
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError();
      }
    },
  };
}
