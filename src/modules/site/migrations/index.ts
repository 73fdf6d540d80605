// The site module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { publicHolidayRulesMigration } from './202611270010_public_holiday_rules.js';
import { institutionLogoMigration } from './202712090010_institution_logo.js';

export const siteMigrations: Record<string, ModuleMigration> = {
  '202611270010_public_holiday_rules': publicHolidayRulesMigration,
  '202712090010_institution_logo': institutionLogoMigration,
};
