// What the indicators module adds to the platform's shared vocabularies: the error codes of
// indicator values and monitoring rounds with their HTTP statuses (listed on indicatorsModule, typed
// for AppError) and the e-mails of monitoring rounds (typed for enqueueMail; texts under
// `mail.<template>` in i18n).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const indicatorsErrors = {
  // indicator values
  'indicators.value_locked': { status: 409 },
  'indicators.value_state': { status: 409 },
  'indicators.computed_only': { status: 409 },
  // monitoring rounds and the reporting API
  'monitoring.round_closed': { status: 409 },
  'monitoring.no_open_round': { status: 409 },
  'monitoring.out_of_scope': { status: 403 },
} as const satisfies ErrorDeclarations;

type IndicatorsErrors = typeof indicatorsErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends IndicatorsErrors {}
}

declare module '../mail/index.js' {
  interface MailTemplates {
    round_opened: { name: string; round: string; programme: string; deadline: string; link: string };
    round_reminder: { name: string; round: string; programme: string; deadline: string; days: string; missing: string; link: string };
    value_returned: { name: string; indicator: string; territory: string; period: string; reason: string; link: string };
  }
}
