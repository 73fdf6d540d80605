// The indicators module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it. Its tables
// (indicators, values, monitoring rounds, annual reports) were created by the programme module's first
// migration (202612100010_programme), which stays there because databases recorded it so.
import type { ModuleMigration } from '../../../core/module.js';
import { indicatorNegativeMigration } from './202612100030_indicator_negative.js';
import { indicatorTargetExampleMigration } from './202701120110_indicator_target_example.js';
import { indicatorSmallCountsMigration } from './202702060010_indicator_small_counts.js';
import { indicatorComputedMigration } from './202702090010_indicator_computed.js';
import { quarterlyRoundsMigration } from './202712080010_quarterly_rounds.js';

export const indicatorsMigrations: Record<string, ModuleMigration> = {
  '202612100030_indicator_negative': indicatorNegativeMigration,
  '202701120110_indicator_target_example': indicatorTargetExampleMigration,
  '202702060010_indicator_small_counts': indicatorSmallCountsMigration,
  '202702090010_indicator_computed': indicatorComputedMigration,
  '202712080010_quarterly_rounds': quarterlyRoundsMigration,
};
