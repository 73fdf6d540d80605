// What the licences module adds to the platform's shared vocabularies: its error codes with their
// HTTP statuses and its e-mails (the reminder before a licence expires, an application's decision,
// an application sent back to the applicant for completion).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const licencesErrors = {
  'licences.not_found': { status: 404 },
  'licences.invalid': { status: 400 },
  'licences.already_renewed': { status: 409 },
  'licences.withdrawn': { status: 409 },
  'licences.application_not_found': { status: 404 },
  'licences.application_state': { status: 409 },
  'licences.no_edition': { status: 409 },
  'licences.conflict': { status: 409 },
  'licences.decision_conflict': { status: 409 },
} as const satisfies ErrorDeclarations;

type LicencesErrors = typeof licencesErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends LicencesErrors {}
}

type LicenceDecisionMail = { entity: string; meeting: string; offers: string; licences: string; justification: string; link: string };

declare module '../mail/index.js' {
  interface MailTemplates {
    licence_expiry_reminder: { number: string; entity: string; product: string; expires: string; days: string; link: string };
    licence_application_granted: LicenceDecisionMail;
    licence_application_refused: LicenceDecisionMail;
    licence_application_returned: { entity: string; message: string; link: string };
  }
}
