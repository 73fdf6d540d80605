// The events module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { eventsMigration } from './202702040010_events.js';
import { eventsResidenceDocumentsMailingsMigration } from './202712062300_events_residence_documents_mailings.js';

export const eventsMigrations: Record<string, ModuleMigration> = {
  '202702040010_events': eventsMigration,
  '202712062300_events_residence_documents_mailings': eventsResidenceDocumentsMailingsMigration,
};
