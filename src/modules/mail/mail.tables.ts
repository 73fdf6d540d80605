// Table of the mail module: the outbox. Mail is written here in the same transaction as the change
// that causes it (an invitation, a password reset), so a rolled-back change sends nothing, and a
// worker delivers it later with retries, which also keeps SMTP latency out of requests.
export type MailStatus = 'pending' | 'sent' | 'failed';

export interface MailOutboxTable {
  id: string;
  created_at: string;
  to_address: string;
  lang: string;
  template: string;
  /** Rendered at enqueue time: what was sent is what the administrator sees. */
  subject: string;
  text_body: string;
  html_body: string;
  status: MailStatus;
  /** Delivery attempts made so far. */
  attempts: number;
  /** Not before this instant (back-off after a failure). */
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  /** A worker that claimed the row holds it until then; another may take it over afterwards. */
  locked_until: string | null;
}

declare module '../../core/db/schema.js' {
  interface Database {
    mail_outbox: MailOutboxTable;
  }
}
