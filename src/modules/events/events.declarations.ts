// What the events module adds to the platform's shared vocabularies: its error codes with their
// HTTP statuses (listed on eventsModule, typed for AppError) and the e-mails to registrants (typed
// for enqueueMail; texts under `mail.<template>` in i18n).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const eventsErrors = {
  'events.registration_closed': { status: 409 },
  'events.already_registered': { status: 409 },
  'events.token_invalid': { status: 400 },
  'events.hold_expired': { status: 409 },
  'events.offer_expired': { status: 409 },
  'events.too_many': { status: 429 },
  'events.session_in_use': { status: 409 },
  'events.mailing_limit': { status: 429 },
} as const satisfies ErrorDeclarations;

type EventsErrors = typeof eventsErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends EventsErrors {}
}

declare module '../mail/index.js' {
  interface MailTemplates {
    event_confirm: { event: string; link: string; validFor: string };
    event_confirmed: { event: string; link: string; calendar: string; sessions: string };
    event_offer: { event: string; session: string; link: string; until: string };
    /** An organisers' message to a session's participants (the text lives only in the outbox). */
    event_message: { event: string; session: string; subject: string; message: string; link: string };
  }
}
