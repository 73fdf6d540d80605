// Public face of the accounts module: users, roles and the first-administrator set-up.
import type { AppModule } from '../../core/module.js';
import { accountsRoutes } from './accounts.routes.js';
import { accountsMigrations } from './migrations/index.js';
import './accounts.tables.js';

export { createUser, issueSetupToken, isSetupNeeded, loadCurrentUser } from './accounts.service.js';
export { ROLES, STAFF_ROLES, isRole, type Role } from './roles.js';

export const accountsModule: AppModule = {
  name: 'accounts',
  migrations: accountsMigrations,
  routes: accountsRoutes,
};
