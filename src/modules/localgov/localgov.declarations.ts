// The localgov module's error codes with their HTTP statuses (listed on localgovModule, typed for
// AppError) and its e-mail (the survey answers returned to a local government; texts under
// `mail.<template>` in i18n).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const localgovErrors = {
  'localgov.duplicate': { status: 409 },
  'localgov.no_programme': { status: 409 },
  'localgov.survey_closed': { status: 409 },
  'localgov.answer_state': { status: 409 },
} as const satisfies ErrorDeclarations;

type LocalgovErrors = typeof localgovErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends LocalgovErrors {}
}

declare module '../mail/index.js' {
  interface MailTemplates {
    localgov_survey_returned: { name: string; unit: string; year: string; message: string; link: string };
  }
}
