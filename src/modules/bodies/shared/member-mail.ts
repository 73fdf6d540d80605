// What every e-mail to a body's members with a one-click link needs (meeting invitations, the ballots
// of written procedures): a fresh random token, of which only the SHA-256 is stored; the platform's
// address the link starts with; and each member's language (their account's, Polish without one).
import { createHash, randomBytes } from 'node:crypto';
import type { ModuleContext } from '../../../core/module.js';
import type { Lang } from '../../../i18n/index.js';
import * as repo from '../bodies.repo.js';

/** The stored form of a link's token: its SHA-256, so the database never holds a working link. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new one-click link's token and the hash to store. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** The platform's public address without a closing slash, for the links in e-mails. */
export const publicBase = (ctx: ModuleContext) => ctx.config.publicUrl.replace(/\/$/, '');

/** The language each of `members` reads e-mail in: their account's, Polish without an account or a choice. */
export async function memberLanguages(
  db: repo.Executor,
  members: readonly { user_id: string | null }[],
): Promise<(member: { user_id: string | null }) => Lang> {
  const langs = await repo.languagesOf(
    db,
    members.flatMap((m) => (m.user_id ? [m.user_id] : [])),
  );
  return (member) => (member.user_id && langs.get(member.user_id) === 'en' ? 'en' : 'pl');
}
