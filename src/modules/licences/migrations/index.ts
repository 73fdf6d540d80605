// The licences module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { licencesMigration } from './202702080010_licences.js';
import { licenceApplicationsMigration } from './202702090010_licence_applications.js';

export const licencesMigrations: Record<string, ModuleMigration> = {
  '202702080010_licences': licencesMigration,
  '202702090010_licence_applications': licenceApplicationsMigration,
};
