// The registry module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { registryEntitiesMigration } from './202612020010_registry_entities.js';
import { selfServiceMigration } from './202612020500_registry_self_service.js';
import { registryCatalogueMigration } from './202612050010_registry_catalogue.js';
import { registryQualityMigration } from './202612060010_registry_quality.js';
import { recordMigration } from './202612070010_registry_record.js';
import { searchRefreshMigration } from './202612210100_registry_search_refresh.js';
import { claimDocumentRetentionMigration } from './202612210110_registry_claim_document_retention.js';
import { registrySortKeysByteOrderMigration } from './202701060010_registry_sort_keys_byte_order.js';
import { markExpiryActivityCheckMigration } from './202701150010_registry_mark_expiry_activity_check.js';
import { registryNameKeyIndexMigration } from './202712110010_registry_name_key_index.js';

export const registryMigrations: Record<string, ModuleMigration> = {
  '202612020010_registry_entities': registryEntitiesMigration,
  '202612020500_registry_self_service': selfServiceMigration,
  '202612050010_registry_catalogue': registryCatalogueMigration,
  '202612060010_registry_quality': registryQualityMigration,
  '202612070010_registry_record': recordMigration,
  '202612210100_registry_search_refresh': searchRefreshMigration,
  '202612210110_registry_claim_document_retention': claimDocumentRetentionMigration,
  '202701060010_registry_sort_keys_byte_order': registrySortKeysByteOrderMigration,
  '202701150010_registry_mark_expiry_activity_check': markExpiryActivityCheckMigration,
  '202712110010_registry_name_key_index': registryNameKeyIndexMigration,
};
