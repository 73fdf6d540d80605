// The offers module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { offersMigration } from './202702010010_offers.js';
import { needsMigration } from './202702070010_needs.js';
import { needAnswersMigration } from './202702070020_need_answers.js';
import { needOutcomesMigration } from './202702070030_need_outcomes.js';
import { purchasesMigration } from './202702080010_purchases.js';
import { needFiltersMigration } from './202702080020_need_filters.js';
import { cpvCodesMigration } from './202702090010_cpv_codes.js';

export const offersMigrations: Record<string, ModuleMigration> = {
  '202702010010_offers': offersMigration,
  '202702070010_needs': needsMigration,
  '202702070020_need_answers': needAnswersMigration,
  '202702070030_need_outcomes': needOutcomesMigration,
  '202702080010_purchases': purchasesMigration,
  '202702080020_need_filters': needFiltersMigration,
  '202702090010_cpv_codes': cpvCodesMigration,
};
