// Password hashing and policy. argon2id with the OWASP minimum parameters; a password must be at
// least 12 characters, must not contain the e-mail address and must not be a known common one.
import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { projectPath } from '../../core/paths.js';
import type { TKey } from '../../i18n/index.js';

// algorithm 2 = Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax)
export const ARGON2_OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const COMMON = new Set(
  readFileSync(projectPath('src', 'modules', 'accounts', 'common-passwords.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l && !l.startsWith('#')),
);

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/** Problems of a new password as i18n keys (empty when acceptable). */
export function passwordProblems(password: string, email: string): { key: TKey; params?: Record<string, number> }[] {
  const out: { key: TKey; params?: Record<string, number> }[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) out.push({ key: 'validation.tooShort', params: { count: MIN_PASSWORD_LENGTH } });
  if (length > MAX_PASSWORD_LENGTH) out.push({ key: 'validation.tooLong', params: { count: MAX_PASSWORD_LENGTH } });
  const lower = password.toLowerCase();
  const mail = email.trim().toLowerCase();
  const local = mail.split('@')[0] ?? '';
  if (mail && (lower.includes(mail) || (local.length >= 4 && lower.includes(local)))) out.push({ key: 'validation.passwordContainsEmail' });
  if (COMMON.has(lower)) out.push({ key: 'validation.passwordCommon' });
  return out;
}
