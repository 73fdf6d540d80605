// Tables of the mail module: the outbox and its delivery attempts. Mail is written here in the same transaction as the change
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
  /**
   * The lease of the worker sending the row: renewed while it sends, so another worker takes the row
   * over only after the holder stopped (crashed) for a whole lease.
   */
  locked_until: string | null;
  /**
   * The fencing token of the current lease (null when nobody holds the row): only the holder of this
   * token may record the outcome, so a worker that lost its lease cannot overwrite its successor's.
   */
  claim_token: string | null;
  /**
   * What the message is about, in the terms of the module that queued it (`consultation:<id>`), or
   * null: that module finds its messages by it when it erases the person they were for.
   */
  about: string | null;
  /** When the recipient's personal data were erased from this sent message (address, subject, text). */
  erased_at: string | null;
  /** JSON array of further alternative parts (`MailAlternative`), e.g. a calendar invitation; null for none. */
  alternatives: string | null;
  /** Where an answer to the message should go (its Reply-To header), e.g. the visitor who wrote; null: to the sender. */
  reply_to: string | null;
}

export type MailAttemptOutcome = 'sending' | 'sent' | 'failed';

/**
 * Every delivery attempt, written when it starts: an attempt still 'sending' after its lease ended
 * was cut short (the process died) and may or may not have reached the server.
 */
export interface MailAttemptsTable {
  id: string;
  mail_id: string;
  /** 1 for the first attempt of the message (counted again from 1 after a re-queue). */
  attempt: number;
  claim_token: string;
  /** host:pid of the process that made the attempt. */
  worker: string;
  started_at: string;
  finished_at: string | null;
  outcome: MailAttemptOutcome;
  error: string | null;
}

declare module '../../core/db/schema.js' {
  interface Database {
    mail_outbox: MailOutboxTable;
    mail_attempts: MailAttemptsTable;
  }
}
