// Rules of passwords: changing one's own (the other sessions end), asking for a reset link (the
// same answer whether or not the address has an account) and setting a new password with it, and
// the check of a new password shared with the set-up and invitation forms. Every change is audited.
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { nowIso } from '../../core/db/time.js';
import { FormChecker, normaliseEmail } from '../../core/validation.js';
import type { TKey } from '../../i18n/index.js';
import { isLang, type Lang } from '../../i18n/index.js';
import { recordAudit } from '../audit/index.js';
import { enqueueMail } from '../mail/index.js';
import { later, newToken, sha256, type Actor } from './accounts.shared.js';
import * as repo from './accounts.repo.js';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblems, verifyPassword } from './passwords.js';

export const RESET_VALID_MS = 60 * 60 * 1000;

/** Checks a new password and its repetition into the checker (field names as in our forms). */
export function checkNewPassword(
  f: FormChecker,
  email: string,
  label: TKey,
  field = 'password',
  repeatField = 'password_repeat',
  repeatLabel: TKey = 'setup.passwordRepeat',
): string {
  const password = f.required(field, label, { raw: true, max: MAX_PASSWORD_LENGTH });
  if (password !== '' && !f.hasProblem(field)) {
    for (const p of passwordProblems(password, email)) f.add(field, label, p.key, p.params);
    if (f.raw(repeatField) !== password) f.add(repeatField, repeatLabel, 'validation.mismatch');
  }
  return password;
}

// --- passwords ----------------------------------------------------------------------------------

export async function changePassword(
  ctx: ModuleContext,
  userId: string,
  body: Record<string, unknown>,
  actor: Actor,
  keepSessionId: string,
): Promise<void> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) throw new AppError('http.not_found');
  const f = new FormChecker(body);
  const current = f.required('current_password', 'password.current', { raw: true, max: MAX_PASSWORD_LENGTH });
  const next = checkNewPassword(f, user.email, 'password.new', 'password', 'password_repeat', 'password.repeat');
  f.assertValid();
  if (!user.password_hash || !(await verifyPassword(user.password_hash, current))) {
    throw new AppError('http.validation', {}, [{ field: 'current_password', label: 'password.current', key: 'validation.passwordWrong' }]);
  }
  const hash = await hashPassword(next);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, userId, { password_hash: hash }, nowIso(ctx.clock));
    // other sessions may belong to whoever knew the old password
    await repo.deleteSessionsOf(trx, userId, keepSessionId);
    await recordAudit(trx, { ...actor, action: 'user.password_change', subjectType: 'user', subjectId: userId }, ctx.clock);
  });
}

/** Always the same outcome for the caller, whether or not the address has an account. */
export async function requestPasswordReset(ctx: ModuleContext, body: Record<string, unknown>, actor: Actor): Promise<void> {
  const f = new FormChecker(body);
  const email = f.email('email', 'reset.email');
  f.assertValid();
  const user = await repo.findUserByEmail(ctx.db, normaliseEmail(email));
  if (!user || !user.is_active || user.anonymised_at) {
    await recordAudit(
      ctx.db,
      {
        ...actor,
        actorId: null,
        action: 'user.password_reset_requested',
        subjectType: 'user',
        subjectId: null,
        meta: { email: normaliseEmail(email), known: false },
      },
      ctx.clock,
    );
    return;
  }
  const t = newToken();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.invalidateTokens(trx, user.id, 'password_reset', now);
    await repo.insertToken(trx, {
      userId: user.id,
      purpose: 'password_reset',
      tokenHash: sha256(t),
      expiresAt: later(ctx, RESET_VALID_MS),
      now,
    });
    const lang: Lang = isLang(user.lang) ? user.lang : 'pl';
    await enqueueMail(
      trx,
      {
        to: user.email,
        lang,
        template: 'password_reset',
        params: {
          name: user.display_name,
          link: `${ctx.config.publicUrl}${lang === 'en' ? '/en' : ''}/konto/haslo/nowe/${t}`,
          validFor: lang === 'en' ? '1 hour' : '1 godzina',
        },
      },
      ctx.clock,
    );
    await recordAudit(
      trx,
      { ...actor, actorId: null, action: 'user.password_reset_requested', subjectType: 'user', subjectId: user.id },
      ctx.clock,
    );
  });
}

/** The account behind a one-time link (password reset or invitation) that is still valid. */
export async function validToken(ctx: ModuleContext, t: string, purpose: 'password_reset' | 'invitation') {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(t)) throw new AppError('accounts.token_invalid');
  const row = await repo.findToken(ctx.db, sha256(t), purpose);
  if (!row || row.used_at || row.expires_at <= nowIso(ctx.clock)) throw new AppError('accounts.token_invalid');
  const user = await repo.findUserById(ctx.db, row.user_id);
  if (!user || user.anonymised_at) throw new AppError('accounts.token_invalid');
  return { row, user };
}

export async function checkResetToken(ctx: ModuleContext, t: string): Promise<{ email: string }> {
  const { user } = await validToken(ctx, t, 'password_reset');
  return { email: user.email };
}

/** Sets the new password, uses the token up and ends every session of the account. */
export async function resetPassword(ctx: ModuleContext, t: string, body: Record<string, unknown>, actor: Actor): Promise<void> {
  const { row, user } = await validToken(ctx, t, 'password_reset');
  const f = new FormChecker(body);
  const password = checkNewPassword(f, user.email, 'password.new', 'password', 'password_repeat', 'password.repeat');
  f.assertValid();
  const hash = await hashPassword(password);
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.consumeToken(trx, row.id, now))) throw new AppError('accounts.token_invalid');
    await repo.updateUser(trx, user.id, { password_hash: hash }, now);
    await repo.deleteSessionsOf(trx, user.id);
    await recordAudit(
      trx,
      { ...actor, actorId: user.id, action: 'user.password_reset', subjectType: 'user', subjectId: user.id },
      ctx.clock,
    );
  });
}
