// Rules of making and keeping accounts: the first administrator (one-time set-up token), accounts
// from the command line, invitations (also of scoped roles granted by other modules), roles,
// deactivation and anonymisation. Every change is audited.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { deriveKey, secretBox, SecretBoxError } from '../../core/crypto/secret-box.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { nowIso } from '../../core/db/time.js';
import { FormChecker, normaliseEmail } from '../../core/validation.js';
import { translator, type Lang, type T, type TKey } from '../../i18n/index.js';
import { UUID_PATTERN } from '../../core/db/ids.js';
import { describeValue, diffFields, listAuditEntries, recordAudit, scrubAuditPersonalData } from '../audit/index.js';
import { enqueueMail } from '../mail/index.js';
import { later, newToken, sha256, type Actor } from './accounts.shared.js';
import * as repo from './accounts.repo.js';
import { hashPassword, passwordProblems } from './passwords.js';
import { checkNewPassword, validToken } from './passwords.service.js';
import { isRole, ROLES, SCOPED_ROLES, type Role, type ScopedRole } from './roles.js';
import { namedRoles, namersOf, resolveScope, scopeKey, scopeNamesOf, type NamedRole, type ScopeChoice } from './scope-names.js';

/** The current set-up token, sealed under a key derived from SESSION_SECRET: a copy of the database alone cannot open it. */
const SETUP_TOKEN_KEY = 'accounts.setup_token_sealed';
/** What releases before the sealed token stored (the token's hash); removed once set-up is done. */
const LEGACY_SETUP_TOKEN_KEY = 'accounts.setup_token_sha256';
/** HKDF info of the set-up token's key: changing it makes a pending link stop working. */
const SETUP_TOKEN_PURPOSE = 'spojnia/accounts/setup-token/v1';
/**
 * Instances that start within this long of the last issue print the same set-up link, so several
 * instances started together on an empty database agree on one link, valid whichever of them
 * printed it; a start after that issues a new link and the older one stops working.
 */
export const SETUP_LINK_SHARED_MS = 10 * 60_000;
export const INVITATION_VALID_MS = 7 * 24 * 60 * 60 * 1000;

// --- first administrator ------------------------------------------------------------------------

export async function isSetupNeeded(ctx: ModuleContext): Promise<boolean> {
  return (await repo.countUsers(ctx.db)) === 0;
}

const setupBox = (ctx: ModuleContext) => secretBox(deriveKey(ctx.config.sessionSecret, SETUP_TOKEN_PURPOSE));

/** The token in a stored sealed value, or null (sealed under another SESSION_SECRET, or altered). */
function openSetupToken(ctx: ModuleContext, sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    return setupBox(ctx).open(sealed);
  } catch (err) {
    if (err instanceof SecretBoxError) return null;
    throw err;
  }
}

/**
 * When no user exists, returns the one-time set-up token for the start-up line: the one issued in
 * the last SETUP_LINK_SHARED_MS (by this or another instance), else a new one; null once an
 * administrator exists.
 */
export async function issueSetupToken(ctx: ModuleContext): Promise<string | null> {
  if (!(await isSetupNeeded(ctx))) {
    await ctx.settings.delete(SETUP_TOKEN_KEY);
    await ctx.settings.delete(LEGACY_SETUP_TOKEN_KEY);
    return null;
  }
  const offered = setupBox(ctx).seal(randomBytes(24).toString('base64url'));
  const since = new Date(ctx.clock.now().getTime() - SETUP_LINK_SHARED_MS);
  const current = openSetupToken(ctx, await ctx.settings.setUnlessWrittenSince(SETUP_TOKEN_KEY, offered, since));
  if (current) return current;
  // a recent token sealed under another SESSION_SECRET cannot be printed: replaced
  await ctx.settings.set(SETUP_TOKEN_KEY, offered);
  return openSetupToken(ctx, offered);
}

/** Throws the right 403 unless set-up is pending and the token is the current one. */
export async function assertSetupAllowed(ctx: ModuleContext, setupToken: string | undefined): Promise<void> {
  if (!(await isSetupNeeded(ctx))) throw new AppError('setup.already_done');
  const current = openSetupToken(ctx, await ctx.settings.get<string | null>(SETUP_TOKEN_KEY, null));
  if (!setupToken || !current || setupToken.length > 200) throw new AppError('setup.token_required');
  const a = Buffer.from(sha256(setupToken), 'hex');
  const b = Buffer.from(sha256(current), 'hex');
  if (!timingSafeEqual(a, b)) throw new AppError('setup.token_required');
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
  const password = checkNewPassword(f, email, 'setup.password');
  f.assertValid();
  return { email, displayName, password };
}

export async function createFirstAdministrator(
  ctx: ModuleContext,
  setupToken: string | undefined,
  input: SetupInput,
  actor: Actor,
): Promise<string> {
  await assertSetupAllowed(ctx, setupToken);
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    // a second submission racing the first must not create a second administrator
    if ((await repo.countUsers(trx)) > 0) throw new AppError('setup.already_done');
    const userId = await repo.insertUser(trx, {
      email: input.email,
      emailNorm: normaliseEmail(input.email),
      displayName: input.displayName,
      passwordHash,
      roles: [{ role: 'administrator' }],
      now: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      {
        ...actor,
        actorId: userId,
        action: 'user.create',
        subjectType: 'user',
        subjectId: userId,
        meta: { via: 'setup', roles: ['administrator'] },
      },
      ctx.clock,
    );
    return userId;
  });
  await ctx.settings.delete(SETUP_TOKEN_KEY);
  return id;
}

// --- command line -------------------------------------------------------------------------------

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
  if (await repo.findUserByEmail(ctx.db, emailNorm)) throw new AppError('user.email_taken');
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertUser(trx, {
      email,
      emailNorm,
      displayName: input.displayName ?? email.split('@')[0]!,
      passwordHash,
      roles: roles.map((role) => ({ role })),
      now: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      { actorId: null, ip: null, action: 'user.create', subjectType: 'user', subjectId: id, meta: { via: 'cli', roles } },
      ctx.clock,
    );
    return id;
  });
}

// --- administration -----------------------------------------------------------------------------

export interface RoleInput {
  role: Role;
  scopeType: string | null;
  scopeId: string | null;
}

/** A role the user holds now, as stored. */
export interface HeldRole {
  role: string;
  scope_type: string | null;
  scope_id: string | null;
}

/**
 * How the role form asks for a scoped role's scopes: checkboxes of a short list by name
 * (`choices`), names typed one per line (`names`), or — for a scope type no module names — its
 * codes as before (`codes`).
 */
export type ScopeField =
  { role: ScopedRole; kind: 'choices'; options: ScopeChoice[] } | { role: ScopedRole; kind: 'names' } | { role: ScopedRole; kind: 'codes' };

export interface RoleForm {
  fields: ScopeField[];
  values: Record<string, string | string[]>;
}

const UUID = new RegExp(UUID_PATTERN);
const MAX_SCOPE_LINES = 50;

/** The scoped roles with their scope types. */
const scopedRoles = (): [ScopedRole, string][] =>
  ROLES.flatMap((r) => (r in SCOPED_ROLES ? [[r as ScopedRole, SCOPED_ROLES[r as ScopedRole]]] : []));

function fieldKind(ctx: ModuleContext, scopeType: string): 'choices' | 'names' | 'codes' {
  const namers = namersOf(ctx, scopeType);
  if (namers.some((n) => n.resolve)) return 'names';
  return namers.some((n) => n.choices) ? 'choices' : 'codes';
}

/** The values of a repeated field (checkboxes): one string or several. */
function listValue(body: Record<string, unknown>, field: string): string[] {
  const v = body[field];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
}

/** The label of a held scope: its name, "not found" for an id no module knows, a code as it is. */
function heldLabel(t: T, names: ReadonlyMap<string, string>, type: string, id: string): string {
  return names.get(scopeKey(type, id)) ?? (UUID.test(id) ? t('accounts.scopeNotFound') : id);
}

/**
 * The role form of a user holding `held` (none for an invitation): each scoped role's field, and
 * the values to show — the held roles with their scopes by name, or what was posted when a
 * refused form is shown again. Names are read once per scope type.
 */
export async function roleFormOf(
  ctx: ModuleContext,
  held: readonly HeldRole[],
  lang: Lang,
  posted?: Record<string, unknown>,
): Promise<RoleForm> {
  const t = translator(lang);
  const names = await scopeNamesOf(
    ctx,
    held.map((r) => ({ scopeType: r.scope_type, scopeId: r.scope_id })),
    lang,
  );
  const fields: ScopeField[] = [];
  const values: Record<string, string | string[]> = {};
  for (const r of held) values[`role_${r.role}`] = '1';
  for (const [role, type] of scopedRoles()) {
    const mine = held.filter((r) => r.role === role && r.scope_id).map((r) => r.scope_id!);
    const kind = fieldKind(ctx, type);
    if (kind === 'choices') {
      const options: ScopeChoice[] = [];
      for (const n of namersOf(ctx, type)) if (n.choices) options.push(...(await n.choices(ctx, lang)));
      for (const id of mine) if (!options.some((o) => o.id === id)) options.push({ id, label: heldLabel(t, names, type, id) });
      fields.push({ role, kind, options });
      values[`scope_${role}`] = mine;
    } else {
      fields.push({ role, kind });
      values[`scope_${role}`] = kind === 'names' ? mine.map((id) => heldLabel(t, names, type, id)).join('\n') : mine.join(', ');
    }
  }
  if (posted) {
    for (const key of Object.keys(values)) if (key.startsWith('role_')) delete values[key];
    for (const [key, v] of Object.entries(posted))
      if (key.startsWith('role_') || key.startsWith('scope_')) values[key] = Array.isArray(v) ? v.map(String) : String(v ?? '');
    for (const f of fields) if (!(`scope_${f.role}` in posted)) values[`scope_${f.role}`] = f.kind === 'choices' ? [] : '';
  }
  return { fields, values };
}

/**
 * Reads roles from a form: a checkbox `role_<name>` per role and, for scoped roles, the field
 * `scope_<name>`: checked ids of a short list, names one per line (a held scope's name keeps that
 * scope; any other is resolved by the modules that own the scope type: several fitting or none is
 * a problem listing the candidates or close names), or codes separated by commas or new lines.
 */
export async function rolesFromForm(
  ctx: ModuleContext,
  body: Record<string, unknown>,
  f: FormChecker,
  lang: Lang,
  held: readonly HeldRole[] = [],
): Promise<RoleInput[]> {
  const t = translator(lang);
  const names = await scopeNamesOf(
    ctx,
    held.map((r) => ({ scopeType: r.scope_type, scopeId: r.scope_id })),
    lang,
  );
  const out: RoleInput[] = [];
  for (const role of ROLES) {
    if (f.text(`role_${role}`) !== '1') continue;
    const scopeType = SCOPED_ROLES[role as keyof typeof SCOPED_ROLES];
    if (!scopeType) {
      out.push({ role, scopeType: null, scopeId: null });
      continue;
    }
    const field = `scope_${role}`;
    const label: TKey = `roles.${role}`;
    const mine = held.filter((r) => r.role === role && r.scope_type === scopeType && r.scope_id).map((r) => r.scope_id!);
    const ids = new Set<string>();
    const kind = fieldKind(ctx, scopeType);
    if (kind === 'choices') {
      const allowed = new Set(mine);
      for (const n of namersOf(ctx, scopeType)) if (n.choices) for (const c of await n.choices(ctx, lang)) allowed.add(c.id);
      for (const id of listValue(body, field)) {
        if (allowed.has(id)) ids.add(id);
        else f.add(field, label, 'validation.invalid');
      }
    } else if (kind === 'names') {
      const lines = f
        .text(field)
        .split(/\r?\n/u)
        .map((l) => l.trim())
        .filter(Boolean);
      if (lines.length > MAX_SCOPE_LINES) f.add(field, label, 'roles.scopeTooMany', { count: MAX_SCOPE_LINES });
      for (const line of lines.slice(0, MAX_SCOPE_LINES)) {
        const kept = mine.filter((id) => id === line || heldLabel(t, names, scopeType, id) === line);
        if (kept.length > 0) {
          for (const id of kept) ids.add(id);
          continue;
        }
        const shown = [...line].length > 80 ? `${[...line].slice(0, 80).join('')}…` : line;
        const found = await resolveScope(ctx, scopeType, line, lang);
        if (found.kind === 'found') ids.add(found.id);
        else if (found.kind === 'ambiguous')
          f.add(field, label, 'roles.scopeAmbiguous', { text: shown, candidates: found.candidates.join('; ') });
        else if (found.suggestions.length > 0)
          f.add(field, label, 'roles.scopeUnknownSuggest', { text: shown, candidates: found.suggestions.join('; ') });
        else f.add(field, label, 'roles.scopeUnknown', { text: shown });
      }
    } else {
      for (const id of f
        .text(field)
        .split(/[\s,;]+/)
        .filter(Boolean)) {
        if (!/^[A-Za-z0-9._:-]{1,80}$/.test(id)) f.add(field, label, 'validation.invalid');
        else ids.add(id);
      }
    }
    if (ids.size === 0 && !f.hasProblem(field)) f.add(field, label, 'validation.scopeRequired');
    for (const id of ids) out.push({ role, scopeType, scopeId: id });
  }
  if (out.length === 0 && !f.problems.some((p) => p.field?.startsWith('scope_'))) f.add('roles', 'accounts.roles', 'validation.required');
  return out;
}

/** The roles as the invitation e-mail says them, in the invitee's language: "Przedstawiciel podmiotu: Fundacja Iks". */
async function rolesText(ctx: ModuleContext, roles: readonly RoleInput[], lang: Lang): Promise<string> {
  const t = translator(lang);
  const named = await namedRoles(ctx, roles, lang);
  return named
    .map((r) => {
      const role = t(`roles.${r.role as Role}`);
      if (r.scopeId === null) return role;
      return t('accounts.roleWithScope', { role, scope: r.scopeName ?? (UUID.test(r.scopeId) ? t('accounts.scopeNotFound') : r.scopeId) });
    })
    .join(', ');
}

export async function inviteUser(
  ctx: ModuleContext,
  body: Record<string, unknown>,
  inviter: { id: string; displayName: string },
  actor: Actor,
  pageLang: Lang = 'pl',
): Promise<string> {
  const f = new FormChecker(body);
  const email = f.email('email', 'invite.email');
  const displayName = f.required('display_name', 'invite.displayName', { max: 120 });
  const lang = f.text('lang') === 'en' ? 'en' : 'pl';
  const roles = await rolesFromForm(ctx, body, f, pageLang);
  f.assertValid();
  const emailNorm = normaliseEmail(email);
  if (await repo.findUserByEmail(ctx.db, emailNorm)) {
    throw new AppError('http.validation', {}, [{ field: 'email', label: 'invite.email', key: 'validation.emailTaken' }]);
  }
  const t = newToken();
  const now = nowIso(ctx.clock);
  const rolesLine = await rolesText(ctx, roles, lang);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertUser(trx, { email, emailNorm, displayName, passwordHash: null, roles, now, isActive: false, lang });
    await repo.insertToken(trx, {
      userId: id,
      purpose: 'invitation',
      tokenHash: sha256(t),
      expiresAt: later(ctx, INVITATION_VALID_MS),
      now,
    });
    await enqueueMail(
      trx,
      {
        to: email,
        lang,
        template: 'invitation',
        params: {
          name: displayName,
          inviter: inviter.displayName,
          link: `${ctx.config.publicUrl}${lang === 'en' ? '/en' : ''}/konto/zaproszenie/${t}`,
          roles: rolesLine,
          validFor: lang === 'en' ? '7 days' : '7 dni',
        },
      },
      ctx.clock,
    );
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'user.invite',
        subjectType: 'user',
        subjectId: id,
        changes: { roles: { before: [], after: roles } },
        meta: { email: emailNorm },
      },
      ctx.clock,
    );
    return id;
  });
}

export interface ScopedGrant {
  email: string;
  displayName: string;
  lang: Lang;
  role: Role;
  scopeType: string;
  scopeId: string;
  /** How the role reads in the invitation e-mail, e.g. "przedstawiciel podmiotu: Fundacja X". */
  roleLabel: string;
  inviterName: string;
}

/**
 * Gives a scoped role to the account with this e-mail, or invites a new account holding it (an
 * invitation e-mail with a one-time link). Runs in the caller's transaction, so another module's
 * decision (an approved request) and the grant are kept or rolled back together.
 */
export async function grantScopedRoleByEmail(
  ctx: ModuleContext,
  trx: repo.Q,
  g: ScopedGrant,
  actor: Actor,
): Promise<{ userId: string; invited: boolean }> {
  const emailNorm = normaliseEmail(g.email);
  const now = nowIso(ctx.clock);
  const grant = { role: g.role, scopeType: g.scopeType, scopeId: g.scopeId };
  const existing = await repo.findUserByEmail(trx, emailNorm);
  if (existing && !existing.anonymised_at) {
    if (await repo.addRoleIfMissing(trx, existing.id, grant, now)) {
      await recordAudit(
        trx,
        {
          ...actor,
          action: 'user.role_grant',
          subjectType: 'user',
          subjectId: existing.id,
          changes: { roles: { before: null, after: roleKey(grant) } },
        },
        ctx.clock,
      );
    }
    return { userId: existing.id, invited: false };
  }
  const t = newToken();
  const id = await repo.insertUser(trx, {
    email: g.email,
    emailNorm,
    displayName: g.displayName,
    passwordHash: null,
    roles: [grant],
    now,
    isActive: false,
    lang: g.lang,
  });
  await repo.insertToken(trx, { userId: id, purpose: 'invitation', tokenHash: sha256(t), expiresAt: later(ctx, INVITATION_VALID_MS), now });
  await enqueueMail(
    trx,
    {
      to: g.email,
      lang: g.lang,
      template: 'invitation',
      params: {
        name: g.displayName,
        inviter: g.inviterName,
        link: `${ctx.config.publicUrl}${g.lang === 'en' ? '/en' : ''}/konto/zaproszenie/${t}`,
        roles: g.roleLabel,
        validFor: g.lang === 'en' ? '7 days' : '7 dni',
      },
    },
    ctx.clock,
  );
  await recordAudit(
    trx,
    {
      ...actor,
      action: 'user.invite',
      subjectType: 'user',
      subjectId: id,
      changes: { roles: { before: [], after: [grant] } },
      meta: { email: emailNorm },
    },
    ctx.clock,
  );
  return { userId: id, invited: true };
}

export interface ScopeMove {
  role: Role;
  scopeType: string;
  /** The scope that ceases to exist (e.g. an entity merged into another). */
  fromId: string;
  /** The scope that takes its place. */
  toId: string;
}

/**
 * Moves every grant of a scoped role from one scope to another, e.g. the representatives of an
 * entity merged into another one become representatives of the one kept. A holder who already has
 * the role on the new scope keeps that single grant (the old one is removed, never duplicated).
 * Runs in the caller's transaction, so the other module's change and the move stand or fall
 * together; each holder's change is audited. Rights are read per request, so sessions stay.
 */
export async function moveScopedRoles(
  ctx: ModuleContext,
  trx: repo.Q,
  m: ScopeMove,
  actor: Actor,
): Promise<{ moved: string[]; alreadyHeld: string[] }> {
  const from = { role: m.role, scopeType: m.scopeType, scopeId: m.fromId };
  const to = { role: m.role, scopeType: m.scopeType, scopeId: m.toId };
  const moved: string[] = [];
  const alreadyHeld: string[] = [];
  if (m.fromId === m.toId) return { moved, alreadyHeld };
  for (const grant of await repo.grantsOfScope(trx, m.role, m.scopeType, m.fromId)) {
    const held = await repo.holdsRole(trx, grant.user_id, to);
    if (held) await repo.deleteRole(trx, grant.id);
    else await repo.setRoleScope(trx, grant.id, m.toId);
    (held ? alreadyHeld : moved).push(grant.user_id);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'user.role_move',
        subjectType: 'user',
        subjectId: grant.user_id,
        changes: { roles: { before: held ? [roleKey(from), roleKey(to)] : [roleKey(from)], after: [roleKey(to)] } },
      },
      ctx.clock,
    );
  }
  return { moved, alreadyHeld };
}

/** A scoped role given by another module's staff screen to a person chosen by name (audited; false when already held). */
export async function grantScopedRole(
  ctx: ModuleContext,
  trx: repo.Q,
  userId: string,
  grant: ScopedGrantOf,
  actor: Actor,
): Promise<boolean> {
  const user = await repo.findUserById(trx, userId);
  if (!user || !user.is_active || user.anonymised_at) throw new AppError('http.not_found');
  if (!(await repo.addRoleIfMissing(trx, userId, grant, nowIso(ctx.clock)))) return false;
  await recordAudit(
    trx,
    {
      ...actor,
      action: 'user.role_grant',
      subjectType: 'user',
      subjectId: userId,
      changes: { roles: { before: null, after: roleKey(grant) } },
    },
    ctx.clock,
  );
  return true;
}

/** Takes a scoped role back (audited; false when the person did not hold it). */
export async function revokeScopedRole(
  ctx: ModuleContext,
  trx: repo.Q,
  userId: string,
  grant: ScopedGrantOf,
  actor: Actor,
): Promise<boolean> {
  const held = (await repo.grantsOfScope(trx, grant.role, grant.scopeType, grant.scopeId)).filter((g) => g.user_id === userId);
  for (const g of held) await repo.deleteRole(trx, g.id);
  if (held.length === 0) return false;
  await recordAudit(
    trx,
    {
      ...actor,
      action: 'user.role_revoke',
      subjectType: 'user',
      subjectId: userId,
      changes: { roles: { before: roleKey(grant), after: null } },
    },
    ctx.clock,
  );
  return true;
}

export interface ScopedGrantOf {
  role: Role;
  scopeType: string;
  scopeId: string;
}

/** The active people holding a scoped role on one scope, by name (staff screens of other modules). */
export async function scopedRoleHolders(
  ctx: Pick<ModuleContext, 'db'>,
  grant: ScopedGrantOf,
): Promise<{ id: string; displayName: string; email: string }[]> {
  return (await holdersOfScope(ctx, grant.role, grant.scopeType, grant.scopeId))
    .filter((u) => u.isActive)
    .map((u) => ({ id: u.id, displayName: u.displayName, email: u.email }));
}

/** Active, not anonymised accounts by name (with e-mail to tell namesakes apart), for choosing a person. */
export async function activeUserChoices(ctx: Pick<ModuleContext, 'db'>): Promise<{ id: string; displayName: string; email: string }[]> {
  return (await repo.listUsers(ctx.db))
    .filter((u) => u.is_active && !u.anonymised_at)
    .map((u) => ({ id: u.id, displayName: u.display_name, email: u.email }));
}

export async function checkInvitation(ctx: ModuleContext, t: string): Promise<{ email: string; displayName: string }> {
  const { user } = await validToken(ctx, t, 'invitation');
  return { email: user.email, displayName: user.display_name };
}

export async function acceptInvitation(ctx: ModuleContext, t: string, body: Record<string, unknown>, actor: Actor): Promise<string> {
  const { row, user } = await validToken(ctx, t, 'invitation');
  const f = new FormChecker(body);
  const password = checkNewPassword(f, user.email, 'password.new', 'password', 'password_repeat', 'password.repeat');
  f.assertValid();
  const hash = await hashPassword(password);
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.consumeToken(trx, row.id, now))) throw new AppError('accounts.token_invalid');
    await repo.updateUser(trx, user.id, { password_hash: hash, is_active: true }, now);
    await recordAudit(
      trx,
      { ...actor, actorId: user.id, action: 'user.invitation_accepted', subjectType: 'user', subjectId: user.id },
      ctx.clock,
    );
  });
  return user.id;
}

/** Every user with their roles, scopes by name (each kind of scope asked once for the whole list). */
export async function listUsers(ctx: ModuleContext, lang: Lang = 'pl') {
  const users = await repo.listUsers(ctx.db);
  const names = await scopeNamesOf(
    ctx,
    users.flatMap((u) => u.roles.map((r) => ({ scopeType: r.scope_type, scopeId: r.scope_id }))),
    lang,
  );
  return users.map((u) => ({ ...u, roles: u.roles.map((r) => withScopeName(r, names)) }));
}

function withScopeName<R extends HeldRole>(r: R, names: ReadonlyMap<string, string>): R & { scope_name: string | null } {
  return { ...r, scope_name: r.scope_type && r.scope_id ? (names.get(scopeKey(r.scope_type, r.scope_id)) ?? null) : null };
}

/** A user with their roles, scopes by name. */
export async function userWithNamedRoles(ctx: ModuleContext, id: string, lang: Lang) {
  const { user, roles } = await userDetail(ctx, id);
  const names = await scopeNamesOf(
    ctx,
    roles.map((r) => ({ scopeType: r.scope_type, scopeId: r.scope_id })),
    lang,
  );
  return { user, roles: roles.map((r) => withScopeName(r, names)) };
}

export async function userDetail(ctx: ModuleContext, id: string) {
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw new AppError('http.not_found');
  return { user, roles: await repo.rolesOf(ctx.db, id) };
}

function roleKey(r: {
  role: string;
  scope_type?: string | null;
  scopeType?: string | null;
  scope_id?: string | null;
  scopeId?: string | null;
}): string {
  return `${r.role}:${r.scope_type ?? r.scopeType ?? ''}:${r.scope_id ?? r.scopeId ?? ''}`;
}

type RoleParts = { role: string; scopeType: string | null; scopeId: string | null };

/**
 * A role as the audit log stored it, back as its parts: a key `role:scope_type:scope_id` (a scope id
 * may hold colons: `localgov:0404011`) or, in an invitation's entry, `{ role, scopeType, scopeId }`;
 * null when it is neither.
 */
function parseStoredRole(v: unknown): RoleParts | null {
  if (typeof v === 'string') {
    const m = /^([^:]+):([^:]*):(.*)$/su.exec(v);
    return m ? { role: m[1]!, scopeType: m[2] || null, scopeId: m[3] || null } : null;
  }
  if (v && typeof v === 'object' && 'role' in v && typeof v.role === 'string') {
    const o = v as { role: string; scopeType?: unknown; scopeId?: unknown };
    const text = (x: unknown) => (typeof x === 'string' && x !== '' ? x : null);
    return { role: o.role, scopeType: text(o.scopeType), scopeId: text(o.scopeId) };
  }
  return null;
}

/** The roles of an audit value as keys: a list, one role (a grant or revocation) or nothing. */
function roleKeysOf(v: unknown): string[] {
  return (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]).flatMap((x) => {
    const r = parseStoredRole(x);
    return r ? [roleKey(r)] : [];
  });
}

/** One entry of a user's history on their administration page. */
export interface UserHistoryEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  /** The roles before and after a change of roles, scopes by name (the role list's namers); null for other entries. */
  roles: { before: NamedRole[]; after: NamedRole[] } | null;
  /** "field: before → after" of the entry's other changes. */
  details: string;
}

/**
 * The audit history of a user (newest first): role changes with each role and scope by name, as the
 * role list shows them (every kind of scope asked once for the whole history), the rest as stored.
 */
export async function userHistory(ctx: ModuleContext, userId: string, lang: Lang, limit = 200): Promise<UserHistoryEntry[]> {
  const entries = await listAuditEntries(ctx.db, { subjectType: 'user', subjectId: userId, limit });
  const keys = [
    ...new Set(
      entries.flatMap((e) => (e.changes.roles ? [...roleKeysOf(e.changes.roles.before), ...roleKeysOf(e.changes.roles.after)] : [])),
    ),
  ];
  const named = await namedRoles(
    ctx,
    keys.map((k) => parseStoredRole(k)!),
    lang,
  );
  const byKey = new Map(keys.map((k, i) => [k, named[i]!]));
  return entries.map((e) => {
    const { roles, ...others } = e.changes;
    return {
      id: e.id,
      at: e.at,
      actor: e.actorName ?? e.actorId ?? '—',
      action: e.action,
      roles: roles
        ? { before: roleKeysOf(roles.before).map((k) => byKey.get(k)!), after: roleKeysOf(roles.after).map((k) => byKey.get(k)!) }
        : null,
      details: Object.entries(others)
        .map(([field, c]) => `${field}: ${describeValue(c.before)} → ${describeValue(c.after)}`)
        .join('; '),
    };
  });
}

/** Replaces a user's roles; their sessions end so the new rights apply from a fresh login. */
export async function changeRoles(
  ctx: ModuleContext,
  userId: string,
  body: Record<string, unknown>,
  actor: Actor,
  lang: Lang = 'pl',
): Promise<void> {
  const { roles: before } = await userDetail(ctx, userId);
  const f = new FormChecker(body);
  const roles = await rolesFromForm(ctx, body, f, lang, before);
  if (userId === actor.actorId && !roles.some((r) => r.role === 'administrator'))
    f.add('roles', 'accounts.roles', 'validation.cannotDropOwnAdmin');
  f.assertValid();
  const beforeKeys = before.map(roleKey).sort();
  const afterKeys = roles.map(roleKey).sort();
  if (beforeKeys.join('|') === afterKeys.join('|')) return;
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.replaceRoles(trx, userId, roles, now);
    await repo.deleteSessionsOf(trx, userId);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'user.role_change',
        subjectType: 'user',
        subjectId: userId,
        changes: { roles: { before: beforeKeys, after: afterKeys } },
      },
      ctx.clock,
    );
  });
}

export async function setActive(ctx: ModuleContext, userId: string, active: boolean, actor: Actor): Promise<void> {
  const { user } = await userDetail(ctx, userId);
  if (userId === actor.actorId && !active) throw new AppError('accounts.cannot_deactivate_self');
  if (user.is_active === active) return;
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, userId, { is_active: active }, now);
    if (!active) await repo.deleteSessionsOf(trx, userId);
    await recordAudit(
      trx,
      {
        ...actor,
        action: active ? 'user.activate' : 'user.deactivate',
        subjectType: 'user',
        subjectId: userId,
        changes: diffFields({ is_active: user.is_active }, { is_active: active }, ['is_active']),
      },
      ctx.clock,
    );
  });
}

/** Replaces name and e-mail, removes password, roles, 2FA and sessions; audit rows keep the id. */
export async function anonymiseUser(ctx: ModuleContext, userId: string, actor: Actor): Promise<void> {
  const { user } = await userDetail(ctx, userId);
  if (userId === actor.actorId) throw new AppError('accounts.cannot_deactivate_self');
  if (user.anonymised_at) return;
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(
      trx,
      userId,
      {
        email: `usuniety-${userId}@invalid`,
        email_norm: `usuniety-${userId}@invalid`,
        display_name: `#${userId.slice(-8)}`,
        password_hash: null,
        is_active: false,
        totp_secret: null,
        is_totp_enabled: false,
        anonymised_at: now,
      },
      now,
    );
    await repo.replaceRoles(trx, userId, [], now);
    await repo.replaceRecoveryCodes(trx, userId, []);
    await repo.deleteSessionsOf(trx, userId);
    await repo.deleteTokensOf(trx, userId);
    await repo.deleteLoginAttemptsOf(trx, user.email_norm);
    await scrubAuditPersonalData(trx, userId);
    await recordAudit(trx, { ...actor, action: 'user.anonymise', subjectType: 'user', subjectId: userId }, ctx.clock);
  });
}

/** The active people holding a role for this exact scope (by name, for the pages that manage them). */
export async function holdersOfScope(
  ctx: Pick<ModuleContext, 'db'>,
  role: Role,
  scopeType: string,
  scopeId: string,
): Promise<{ id: string; displayName: string; email: string; isActive: boolean; lang: 'pl' | 'en' }[]> {
  const grants = await repo.grantsOfScope(ctx.db, role, scopeType, scopeId);
  const out: { id: string; displayName: string; email: string; isActive: boolean; lang: 'pl' | 'en' }[] = [];
  for (const g of grants) {
    const u = await repo.findUserById(ctx.db, g.user_id);
    if (u && !u.anonymised_at)
      out.push({ id: u.id, displayName: u.display_name, email: u.email, isActive: u.is_active, lang: u.lang === 'en' ? 'en' : 'pl' });
  }
  return out;
}
