// The territory module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { territorialUnitsMigration } from './202611270030_territorial_units.js';
import { subregionsStatisticsMigration } from './202611281100_territory_subregions_statistics.js';
import { territorySortKeysByteOrderMigration } from './202701060010_territory_sort_keys_byte_order.js';

export const territoryMigrations: Record<string, ModuleMigration> = {
  '202611270030_territorial_units': territorialUnitsMigration,
  '202611281100_territory_subregions_statistics': subregionsStatisticsMigration,
  '202701060010_territory_sort_keys_byte_order': territorySortKeysByteOrderMigration,
};
