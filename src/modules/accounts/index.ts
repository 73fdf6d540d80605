// Public face of the accounts module: users, roles, login and sessions, the first-administrator
// set-up, and what other modules may ask about people.
import { accountsCommands } from './accounts.commands.js';
import type { AppModule } from '../../core/module.js';
import { apiTokenRoutes } from './api-tokens.routes.js';
import { authRoutes } from './auth.routes.js';
import { ownDataRoutes } from './own-data.routes.js';
import { passwordRoutes } from './passwords.routes.js';
import { userRoutes } from './users.routes.js';
import { sealClearTotpSecrets } from './auth.service.js';
import { accountsMigrations } from './migrations/index.js';
import { accountsErrors } from './accounts.declarations.js';
import './accounts.tables.js';
import './api-tokens.tables.js';

export { purgeOldLoginAttempts } from './auth.service.js';
export { createUser, issueSetupToken, isSetupNeeded } from './users.service.js';
export { grantScopedRoleByEmail, holdersOfScope, moveScopedRoles, type ScopedGrant, type ScopeMove } from './users.service.js';
export { activeUserChoices, grantScopedRole, revokeScopedRole, scopedRoleHolders, type ScopedGrantOf } from './users.service.js';
export { resolveSessionUser } from './accounts.session.js';
export type { AdminTask } from './admin-tasks.js';
export type { ScopeChoice, ScopeNames, ScopeResolution } from './scope-names.js';
export { ROLES, STAFF_ROLES, SCOPED_ROLES, isRole, type Role } from './roles.js';
export { manageUsers } from './accounts.policy.js';
export { authenticateApiToken, mayHoldApiTokens } from './api-tokens.service.js';

export const LOGIN_PATH = '/konto/logowanie';
export const ACCOUNT_LINKS = { account: '/konto', logout: '/konto/wyloguj', admin: '/admin' } as const;

export const accountsModule: AppModule = {
  name: 'accounts',
  errors: accountsErrors,
  commands: accountsCommands,
  migrations: accountsMigrations,
  async routes(app, ctx) {
    await userRoutes(app, ctx);
    await authRoutes(app, ctx);
    await ownDataRoutes(app, ctx);
    await passwordRoutes(app, ctx);
    await apiTokenRoutes(app, ctx);
  },
  admin: [{ label: 'users.title', path: '/admin/uzytkownicy', order: 90, roles: ['administrator'] }],
  // due at the first tick after start (so an upgrade seals old clear-text secrets within seconds), then daily
  jobs: [{ name: 'accounts.totp-secret-encryption', intervalMs: 24 * 3600_000, run: sealClearTotpSecrets }],
};
