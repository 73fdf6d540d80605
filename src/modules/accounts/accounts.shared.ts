// What the account services share: who acts (for the audit log) and one-time secrets — random
// tokens stored only as their SHA-256 hash, with an expiry on the app's clock.
import { createHash, randomBytes } from 'node:crypto';
import type { ModuleContext } from '../../core/module.js';
import type { AuditEntry } from '../audit/index.js';

export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A one-time secret for a link (password reset, invitation). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The moment `ms` from now on the app's clock, as stored. */
export function later(ctx: ModuleContext, ms: number): string {
  return new Date(ctx.clock.now().getTime() + ms).toISOString();
}
