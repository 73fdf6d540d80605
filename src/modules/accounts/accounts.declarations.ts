// What the accounts module adds to the platform's shared vocabularies: its error codes with their
// HTTP statuses (listed on accountsModule, typed for AppError) and the e-mails it sends (typed for
// enqueueMail; subject and body under `mail.<template>` in i18n).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const accountsErrors = {
  'setup.token_required': { status: 403 },
  'setup.already_done': { status: 403 },
  'user.email_taken': { status: 409 },
  'accounts.invalid_credentials': { status: 400 },
  'accounts.locked_out': { status: 429 },
  'accounts.code_invalid': { status: 400 },
  'accounts.token_invalid': { status: 400 },
  'accounts.password_wrong': { status: 400 },
  'accounts.two_factor_active': { status: 400 },
  'accounts.two_factor_required': { status: 400 },
  'accounts.cannot_deactivate_self': { status: 400 },
} as const satisfies ErrorDeclarations;

type AccountsErrors = typeof accountsErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends AccountsErrors {}
}

declare module '../mail/index.js' {
  interface MailTemplates {
    password_reset: { name: string; link: string; validFor: string };
    login_failures: { name: string; count: string; link: string };
    invitation: { name: string; inviter: string; link: string; roles: string; validFor: string };
  }
}
