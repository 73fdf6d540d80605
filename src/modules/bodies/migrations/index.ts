// The bodies module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { bodiesMigration } from './202702050010_bodies.js';
import { bodyMeetingsMigration } from './202702050020_body_meetings.js';
import { bodyAttendanceMigration } from './202702050030_body_attendance.js';
import { bodyMinutesMigration } from './202702050040_body_minutes.js';
import { bodyProceduresMigration } from './202702060010_body_procedures.js';
import { bodyAgendaLinksMigration } from './202702090010_body_agenda_links.js';

export const bodiesMigrations: Record<string, ModuleMigration> = {
  '202702050010_bodies': bodiesMigration,
  '202702050020_body_meetings': bodyMeetingsMigration,
  '202702050030_body_attendance': bodyAttendanceMigration,
  '202702050040_body_minutes': bodyMinutesMigration,
  '202702060010_body_procedures': bodyProceduresMigration,
  '202702090010_body_agenda_links': bodyAgendaLinksMigration,
};
