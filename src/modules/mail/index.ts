// Public face of the mail module: transactional e-mails written to an outbox in the same
// transaction as the change that causes them. (Interim core written by the lead so accounts can
// queue mail; the mail module's owner adds templates, the SMTP worker, admin pages and tests.)
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import { newId } from '../../core/db/ids.js';
import { nowIso, type Clock } from '../../core/db/time.js';
import type { AppModule } from '../../core/module.js';
import type { Lang } from '../../i18n/index.js';

export type MailTemplate = 'password_reset' | 'invitation' | 'test';

export interface MailRequest {
  to: string;
  lang: Lang;
  template: MailTemplate;
  params: Record<string, string>;
}

export interface MailOutboxTable {
  id: string;
  created_at: string;
  to_address: string;
  lang: string;
  template: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  locked_until: string | null;
}

declare module '../../core/db/schema.js' {
  interface Database {
    mail_outbox: MailOutboxTable;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderMail(mail: MailRequest): { subject: string; text: string; html: string } {
  const p = mail.params;
  const subject = mail.lang === 'en' ? `Spójnia: ${mail.template.replace('_', ' ')}` : `Spójnia: ${mail.template === 'password_reset' ? 'nowe hasło' : mail.template === 'invitation' ? 'zaproszenie' : 'wiadomość testowa'}`;
  const text = [p.name ? `${mail.lang === 'en' ? 'Hello' : 'Dzień dobry'} ${p.name},` : '', p.link ?? '', p.validFor ?? ''].filter(Boolean).join('\n\n');
  const html = text
    .split('\n\n')
    .map((para) => `<p>${escapeHtml(para)}</p>`)
    .join('');
  return { subject, text, html };
}

export async function enqueueMail(db: Kysely<Database> | Transaction<Database>, mail: MailRequest, clock?: Clock): Promise<string> {
  const id = newId();
  const r = renderMail(mail);
  const now = nowIso(clock);
  await db
    .insertInto('mail_outbox')
    .values({ id, created_at: now, to_address: mail.to, lang: mail.lang, template: mail.template, subject: r.subject, text_body: r.text, html_body: r.html, status: 'pending', attempts: 0, next_attempt_at: now, last_error: null, sent_at: null, locked_until: null })
    .execute();
  return id;
}

export const mailModule: AppModule = {
  name: 'mail',
  migrations: {
    '202611270051_mail_outbox': {
      async up(db) {
        await db.schema
          .createTable('mail_outbox')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('to_address', 'text', (c) => c.notNull())
          .addColumn('lang', 'text', (c) => c.notNull())
          .addColumn('template', 'text', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('text_body', 'text', (c) => c.notNull())
          .addColumn('html_body', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('next_attempt_at', 'text', (c) => c.notNull())
          .addColumn('last_error', 'text')
          .addColumn('sent_at', 'text')
          .addColumn('locked_until', 'text')
          .execute();
        await db.schema.createIndex('mail_outbox_status_next').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
      },
    },
  },
};
