// What the programme module adds to the platform's shared vocabularies: the error codes of the
// life cycle, the objective tree, indicators and monitoring with their HTTP statuses (listed on
// programmeModule, typed for AppError) and the e-mails of monitoring rounds (typed for enqueueMail;
// texts under `mail.<template>` in i18n).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const programmeErrors = {
  // life cycle and objective tree
  'programme.illegal_transition': { status: 409 },
  'programme.element_has_children': { status: 409 },
  'programme.element_measured': { status: 409 },
  // indicators
  'indicators.value_locked': { status: 409 },
  'indicators.value_state': { status: 409 },
  'indicators.computed_only': { status: 409 },
  // monitoring rounds and the reporting API
  'monitoring.round_closed': { status: 409 },
  'monitoring.no_open_round': { status: 409 },
  'monitoring.out_of_scope': { status: 403 },
} as const satisfies ErrorDeclarations;

type ProgrammeErrors = typeof programmeErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends ProgrammeErrors {}
}

declare module '../mail/index.js' {
  interface MailTemplates {
    round_opened: { name: string; round: string; programme: string; deadline: string; link: string };
    round_reminder: { name: string; round: string; programme: string; deadline: string; days: string; missing: string; link: string };
    value_returned: { name: string; indicator: string; territory: string; period: string; reason: string; link: string };
  }
}
