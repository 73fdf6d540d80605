// The audit module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { auditLogMigration } from './202611270050_audit_log.js';

export const auditMigrations: Record<string, ModuleMigration> = {
  '202611270050_audit_log': auditLogMigration,
};
