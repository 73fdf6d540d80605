// The programme module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { programmeMigration } from './202612100010_programme.js';
import { eventPrecisionMigration } from './202612100100_programme_event_precision.js';

export const programmeMigrations: Record<string, ModuleMigration> = {
  '202612100010_programme': programmeMigration,
  '202612100100_programme_event_precision': eventPrecisionMigration,
};
