// Organisers' e-mail to the participants of one session: the confirmed ones, and the waitlist when
// asked. The organiser sees a preview (the message as rendered, and how many people get it) before
// sending; each message goes through the outbox (one per person, in their language's frame), so it
// is delivered with retries and deleted with the outbox's retention — the text is kept nowhere else:
// the record of the mailing and the audit entry say who sent to which session and how many, never
// what. At most MAILINGS_PER_DAY mailings per event in 24 hours.
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { FormChecker } from '../../core/validation.js';
import type { Lang } from '../../i18n/index.js';
import { recordAudit } from '../audit/index.js';
import { enqueueMail, renderMail, type RenderedMail } from '../mail/index.js';
import * as repo from './events.repo.js';
import { getEvent, type Actor, type FormValues } from './events.service.js';

export const MAILINGS_PER_DAY = 5;
export const SUBJECT_MAX = 150;
export const MESSAGE_MAX = 5000;

export interface MailingInput {
  session: repo.SessionRow;
  includeWaiting: boolean;
  subject: string;
  message: string;
}

export interface MailingPreview {
  input: MailingInput;
  recipients: number;
  mail: RenderedMail;
}

function eventLink(ctx: ModuleContext, eventId: string, lang: Lang): string {
  return `${ctx.config.publicUrl.replace(/\/$/, '')}${lang === 'en' ? '/en' : ''}/wydarzenia/${eventId}`;
}

async function checkMailing(ctx: ModuleContext, e: repo.EventRow, body: FormValues): Promise<MailingInput> {
  const f = new FormChecker(body);
  const sessions = await repo.listSessions(ctx.db, e.id);
  const session = sessions.find((s) => s.id === f.text('session_id'));
  if (!session) f.add('session_id', 'events.mailing.session', 'validation.required');
  const subject = f.required('subject', 'events.mailing.subject', { max: SUBJECT_MAX });
  const message = f.required('message', 'events.mailing.message', { max: MESSAGE_MAX, raw: true });
  f.assertValid();
  return { session: session!, includeWaiting: f.text('include_waiting') === '1', subject, message: message.trim() };
}

function render(ctx: ModuleContext, e: repo.EventRow, input: MailingInput, to: string, lang: Lang) {
  return {
    to,
    lang,
    template: 'event_message' as const,
    params: {
      event: e.title,
      session: input.session.title,
      subject: input.subject,
      message: input.message,
      link: eventLink(ctx, e.id, lang),
    },
    about: `event:${e.id}`,
  };
}

/** The message as a participant would get it (in the organiser's language) and the number of recipients; nothing is stored. */
export async function previewMailing(ctx: ModuleContext, eventId: string, body: FormValues, lang: Lang): Promise<MailingPreview> {
  const e = await getEvent(ctx, eventId);
  const input = await checkMailing(ctx, e, body);
  const recipients = await repo.sessionRecipients(ctx.db, input.session.id, input.includeWaiting);
  return { input, recipients: recipients.length, mail: renderMail(render(ctx, e, input, 'preview@localhost', lang)) };
}

/** Queues the message to every recipient; returns how many. */
export async function sendMailing(ctx: ModuleContext, eventId: string, body: FormValues, actor: Actor): Promise<number> {
  const e = await getEvent(ctx, eventId);
  const input = await checkMailing(ctx, e, body);
  const since = new Date(ctx.clock.now().getTime() - 24 * 3600_000).toISOString();
  if ((await repo.countMailingsSince(ctx.db, e.id, since)) >= MAILINGS_PER_DAY) throw new AppError('events.mailing_limit');
  const recipients = await repo.sessionRecipients(ctx.db, input.session.id, input.includeWaiting);
  if (!recipients.length) {
    const f = new FormChecker(body);
    f.add('session_id', 'events.mailing.session', 'events.mailing.noRecipients');
    f.assertValid();
  }
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of recipients) await enqueueMail(trx, render(ctx, e, input, r.email, r.lang === 'en' ? 'en' : 'pl'), ctx.clock);
    await repo.insertMailing(trx, {
      id,
      event_id: e.id,
      session_id: input.session.id,
      include_waiting: input.includeWaiting,
      recipients: recipients.length,
      sent_at: nowIso(ctx.clock),
      sent_by: actor.actorId,
    });
    // who sent to which session and how many — the subject and text stay out of the audit log
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'event.mailing',
        subjectType: 'event',
        subjectId: e.id,
        meta: { mailing: id, session: input.session.id, recipients: recipients.length, include_waiting: input.includeWaiting },
      },
      ctx.clock,
    );
  });
  return recipients.length;
}
