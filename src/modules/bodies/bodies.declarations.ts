// What the bodies module adds to the platform's shared vocabularies: its error codes with their HTTP
// statuses and its e-mails (the staff reminder before a term ends, invitations, written procedures;
// texts under `mail.body_*` in i18n).
import type { ErrorDeclarations } from '../../core/errors/catalogue.js';

export const bodiesErrors = {
  'bodies.already_ended': { status: 409 },
  'bodies.no_term': { status: 409 },
  'bodies.agenda_locked': { status: 409 },
  'bodies.meeting_not_planned': { status: 409 },
  'bodies.invitation_invalid': { status: 404 },
  'bodies.meeting_not_started': { status: 409 },
  'bodies.meeting_not_held': { status: 409 },
  'bodies.minutes_incomplete': { status: 409 },
  'bodies.comments_closed': { status: 409 },
  'bodies.comments_open': { status: 409 },
  'bodies.procedure_not_draft': { status: 409 },
  'bodies.procedure_deadline_passed': { status: 409 },
  'bodies.procedure_closed': { status: 409 },
  'bodies.already_voted': { status: 409 },
  'bodies.ballot_invalid': { status: 404 },
} as const satisfies ErrorDeclarations;

type BodiesErrors = typeof bodiesErrors;

declare module '../../core/errors/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends BodiesErrors {}
}

declare module '../mail/index.js' {
  interface MailTemplates {
    /** `message`: the seats needing nominations, one per line. */
    body_term_ending: { body: string; term: string; endsOn: string; days: string; message: string; link: string };
    /** `message`: the agenda, one item per line. */
    body_meeting_invitation: { body: string; when: string; place: string; message: string; link: string };
    body_meeting_changed: { body: string; when: string; place: string; message: string; link: string };
    body_meeting_cancelled: { body: string; when: string };
    /** A written procedure opened: `deadline` on the Warsaw clock, `link` the member's one-click ballot. */
    body_procedure_opened: { body: string; title: string; deadline: string; link: string };
  }
}
