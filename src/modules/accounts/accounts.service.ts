// Rules of the accounts module: creating users (first administrator through the one-time set-up
// link, others from the command line) and loading the current user for each request.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CurrentUser } from '../../core/http/types.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { nowIso } from '../../core/db/time.js';
import { FormChecker, normaliseEmail } from '../../core/validation.js';
import { countUsers, findActiveUserWithRoles, findUserByEmail, insertUser } from './accounts.repo.js';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblems } from './passwords.js';
import { isRole, type Role } from './roles.js';

const SETUP_TOKEN_KEY = 'accounts.setup_token_sha256';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function loadCurrentUser(ctx: ModuleContext, id: string): Promise<CurrentUser | null> {
  const u = await findActiveUserWithRoles(ctx.db, id);
  if (!u) return null;
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    roles: u.roles.map((r) => ({ role: r.role, scopeType: r.scope_type, scopeId: r.scope_id })),
  };
}

export async function isSetupNeeded(ctx: ModuleContext): Promise<boolean> {
  return (await countUsers(ctx.db)) === 0;
}

/**
 * When no user exists, makes a new one-time set-up token (only its hash is stored) and returns it
 * for the start-up line; returns null once an administrator exists.
 */
export async function issueSetupToken(ctx: ModuleContext): Promise<string | null> {
  if (!(await isSetupNeeded(ctx))) {
    await ctx.settings.delete(SETUP_TOKEN_KEY);
    return null;
  }
  const token = randomBytes(24).toString('base64url');
  await ctx.settings.set(SETUP_TOKEN_KEY, sha256(token));
  return token;
}

/** Throws the right 403 unless set-up is pending and the token is the current one. */
export async function assertSetupAllowed(ctx: ModuleContext, token: string | undefined): Promise<void> {
  if (!(await isSetupNeeded(ctx))) throw new AppError('setup.already_done');
  const stored = await ctx.settings.get<string | null>(SETUP_TOKEN_KEY, null);
  if (!token || !stored || token.length > 200) throw new AppError('setup.token_required');
  const a = Buffer.from(sha256(token), 'hex');
  const b = Buffer.from(stored, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError('setup.token_required');
}

export interface SetupInput {
  email: string;
  displayName: string;
  password: string;
}

/** Validates the set-up form; throws `http.validation` with every problem, changing nothing. */
export function checkSetupForm(body: Record<string, unknown>): SetupInput {
  const f = new FormChecker(body);
  const email = f.email('email', 'setup.email');
  const displayName = f.required('display_name', 'setup.displayName', { max: 120 });
  const password = f.required('password', 'setup.password', { raw: true, max: MAX_PASSWORD_LENGTH });
  const repeat = f.raw('password_repeat');
  if (password !== '' && !f.hasProblem('password')) {
    for (const p of passwordProblems(password, email)) f.add('password', 'setup.password', p.key, p.params);
    if (repeat !== password) f.add('password_repeat', 'setup.passwordRepeat', 'validation.mismatch', { other: '' });
  }
  f.assertValid();
  return { email, displayName, password };
}

export async function createFirstAdministrator(ctx: ModuleContext, token: string | undefined, input: SetupInput): Promise<string> {
  await assertSetupAllowed(ctx, token);
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    // a second submission racing the first must not create a second administrator
    if ((await countUsers(trx)) > 0) throw new AppError('setup.already_done');
    return insertUser(trx, {
      email: input.email,
      emailNorm: normaliseEmail(input.email),
      displayName: input.displayName,
      passwordHash,
      roles: [{ role: 'administrator' }],
      now: nowIso(ctx.clock),
    });
  });
  await ctx.settings.delete(SETUP_TOKEN_KEY);
  return id;
}

export interface CreateUserInput {
  email: string;
  displayName?: string;
  roles: string[];
  password: string;
}

/** Used by `spojnia user create`; the same rules as every other way of making an account. */
export async function createUser(ctx: ModuleContext, input: CreateUserInput): Promise<string> {
  const f = new FormChecker({ email: input.email, password: input.password });
  const email = f.email('email', 'setup.email');
  for (const p of passwordProblems(input.password, email)) f.add('password', 'setup.password', p.key, p.params);
  const roles: Role[] = [];
  for (const r of input.roles) {
    if (isRole(r)) roles.push(r);
    else f.add('role', 'accounts.role', 'validation.invalid');
  }
  f.assertValid();
  const emailNorm = normaliseEmail(email);
  if (await findUserByEmail(ctx.db, emailNorm)) throw new AppError('user.email_taken');
  const passwordHash = await hashPassword(input.password);
  return insertUser(ctx.db, {
    email,
    emailNorm,
    displayName: input.displayName ?? email.split('@')[0]!,
    passwordHash,
    roles: roles.map((role) => ({ role })),
    now: nowIso(ctx.clock),
  });
}
