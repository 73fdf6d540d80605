// What the consultations module adds to the platform's shared vocabularies: its error codes with
// their HTTP statuses (listed on consultationsModule, typed for AppError) and the e-mails to
// commenters (typed for enqueueMail; texts under `mail.<template>` in i18n).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const consultationsErrors = {
  'consultations.closed': { status: 409 },
  'consultations.too_many': { status: 429 },
  'consultations.token_invalid': { status: 400 },
  'consultations.already_confirmed': { status: 409 },
  'consultations.not_closed': { status: 409 },
  'consultations.report_published': { status: 409 },
  'consultations.responses_missing': { status: 409 },
  'consultations.documents_changed': { status: 409 },
} as const satisfies ErrorDeclarations;

type ConsultationsErrors = typeof consultationsErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends ConsultationsErrors {}
}

declare module '../mail/index.js' {
  interface MailTemplates {
    consultation_confirm: { consultation: string; link: string; validFor: string };
    consultation_report: { consultation: string; link: string };
  }
}
