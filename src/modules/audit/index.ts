// Public face of the audit module: the append-only log of staff changes, logins and exports, the
// helpers other modules record with, and the administrators' page that reads it.
import type { AppModule } from '../../core/module.js';
import { auditMigrations } from './migrations/index.js';
import { auditRoutes } from './audit.routes.js';
import './audit.tables.js';

export type { AuditLogTable } from './audit.tables.js';
export {
  recordAudit,
  setSettingAudited,
  diffFields,
  scrubAuditPersonalData,
  listAuditEntries,
  describeValue,
  type AuditChange,
  type AuditEntry,
  type AuditListItem,
} from './audit.service.js';
export { auditFromRequest } from './audit.request.js';
export { viewAuditLog } from './audit.policy.js';

export const auditModule: AppModule = {
  name: 'audit',
  migrations: auditMigrations,
  routes: auditRoutes,
  admin: [{ label: 'audit.title', path: '/admin/dziennik', order: 91, roles: ['administrator'] }],
};
