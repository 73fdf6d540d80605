// The contact form: a message to the institution's e-mail address through the outbox (so it is
// delivered with retries, like every e-mail of the platform). Bots that fill the hidden honeypot
// field are told "sent" and nothing is queued. The message is not stored anywhere else.
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { FormChecker } from '../../core/validation.js';
import { enqueueMail } from '../mail/index.js';
import { getInstitution } from '../site/index.js';
import type { FormValues } from './content.service.js';

/** The honeypot: hidden from people (CSS), tempting to form-filling bots. */
export const HONEYPOT_FIELD = 'website';

export interface ContactMessage {
  name: string;
  email: string;
  subject: string;
  message: string;
}

export function checkContactForm(body: FormValues): ContactMessage {
  const f = new FormChecker(body);
  const name = f.required('name', 'contact.name', { max: 200 });
  const email = f.email('email', 'contact.email');
  const subject = f.required('subject', 'contact.subject', { max: 200 });
  const message = f.required('message', 'contact.message', { max: 5000, min: 10 });
  if (f.text('consent') !== '1') f.add('consent', 'contact.consent', 'contact.consentRequired');
  f.assertValid();
  return { name, email, subject, message };
}

/** Whether the form can be sent at all: only to the institution's e-mail address, when one is set. */
export function contactFormOn(institution: { email: string | null }): boolean {
  return institution.email !== null;
}

export async function contactAvailable(ctx: ModuleContext): Promise<boolean> {
  return contactFormOn(await getInstitution(ctx));
}

/** Returns 'queued', or 'ignored' for a bot; throws on invalid input or without an address. */
export async function sendContactMessage(ctx: ModuleContext, body: FormValues): Promise<'queued' | 'ignored'> {
  const to = (await getInstitution(ctx)).email;
  if (!to) throw new AppError('portal.contact_unavailable');
  if ((body[HONEYPOT_FIELD] ?? '').trim() !== '') return 'ignored';
  const msg = checkContactForm(body);
  // the office reads Polish: the message goes out in the Polish template whatever the page language
  await enqueueMail(ctx.db, { to, lang: 'pl', template: 'contact_message', params: { ...msg } }, ctx.clock);
  return 'queued';
}
