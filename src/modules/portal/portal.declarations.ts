// What the portal module adds to the platform's shared vocabularies: its error codes with their
// HTTP statuses (listed on portalModule, typed for AppError) and the e-mail of the contact form
// (typed for enqueueMail; subject and body under `mail.contact_message` in i18n).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const portalErrors = {
  'portal.page_has_children': { status: 409 },
  'portal.file_too_large': { status: 413 },
  'portal.file_type': { status: 415 },
  'portal.last_file': { status: 409 },
  'portal.contact_unavailable': { status: 503 },
} as const satisfies ErrorDeclarations;

type PortalErrors = typeof portalErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends PortalErrors {}
}

declare module '../mail/index.js' {
  interface MailTemplates {
    contact_message: { name: string; email: string; subject: string; message: string };
  }
}
