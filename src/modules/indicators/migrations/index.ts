// Schema changes of the indicators module, one dated file each. Its tables (indicators, values,
// monitoring rounds, annual reports) were created by the programme module's first migration
// (202612100010_programme), which stays there because databases in the field recorded it so.
import type { ModuleMigration } from '../../../core/module.js';
import { indicatorNegativeMigration } from './202612100030_indicator_negative.js';

export const indicatorsMigrations: Record<string, ModuleMigration> = {
  '202612100030_indicator_negative': indicatorNegativeMigration,
};
