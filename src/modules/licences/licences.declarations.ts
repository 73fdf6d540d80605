// What the licences module adds to the platform's shared vocabularies: its error codes with their
// HTTP statuses and its e-mail (the reminder before a licence expires).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const licencesErrors = {
  'licences.not_found': { status: 404 },
  'licences.invalid': { status: 400 },
  'licences.already_renewed': { status: 409 },
  'licences.withdrawn': { status: 409 },
} as const satisfies ErrorDeclarations;

type LicencesErrors = typeof licencesErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends LicencesErrors {}
}

declare module '../mail/index.js' {
  interface MailTemplates {
    licence_expiry_reminder: { number: string; entity: string; product: string; expires: string; days: string; link: string };
  }
}
