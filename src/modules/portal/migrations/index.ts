// The portal module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { portalContentMigration } from './202612010010_portal_content.js';
import { portalSortKeysByteOrderMigration } from './202701060010_portal_sort_keys_byte_order.js';

export const portalMigrations: Record<string, ModuleMigration> = {
  '202612010010_portal_content': portalContentMigration,
  '202701060010_portal_sort_keys_byte_order': portalSortKeysByteOrderMigration,
};
