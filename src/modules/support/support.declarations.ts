// What the support module adds to the platform's shared vocabularies: its error codes with their
// HTTP statuses and the e-mails it sends (accreditation reminders to staff, "Chcę założyć podmiot"
// requests to a centre and their copy to the sender; texts under `mail.<template>` in i18n).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const supportErrors = {
  'support.no_centre': { status: 409 },
  'support.no_leads_address': { status: 409 },
} as const satisfies ErrorDeclarations;

type SupportErrors = typeof supportErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends SupportErrors {}
}

declare module '../mail/index.js' {
  interface MailTemplates {
    support_accreditation_reminder: { centre: string; validTo: string; days: string; link: string };
    support_lead: { centre: string; gmina: string; name: string; email: string; message: string };
    support_lead_copy: { centre: string; gmina: string; message: string };
  }
}
