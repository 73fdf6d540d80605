// The support module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { supportCentresMigration } from './202702020010_support_centres.js';

export const supportMigrations: Record<string, ModuleMigration> = {
  '202702020010_support_centres': supportCentresMigration,
};
