// The accounts module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { usersRolesMigration } from './202611270020_users_roles.js';
import { apiTokensMigration } from './202612100210_api_tokens.js';
import { loginFailureNoticeMigration } from './202701050010_login_failure_notice.js';

export const accountsMigrations: Record<string, ModuleMigration> = {
  '202611270020_users_roles': usersRolesMigration,
  '202612100210_api_tokens': apiTokensMigration,
  '202701050010_login_failure_notice': loginFailureNoticeMigration,
};
