// Kysely queries of the mail outbox: write a message, claim the next due message for one attempt
// (a lease with a fencing token), renew the lease, record every attempt and its outcome, and list
// messages for administrators.
import type { Insertable, Kysely, Transaction } from 'kysely';
import { countAll } from '../../core/db/database.js';
import type { DialectSeam } from '../../core/db/dialect/index.js';
import type { Database } from '../../core/db/schema.js';
import { newId } from '../../core/db/ids.js';
import type { MailAttemptsTable, MailOutboxTable, MailStatus } from './mail.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type MailRow = MailOutboxTable;

export async function insertMail(db: Executor, row: Insertable<MailOutboxTable>): Promise<void> {
  await db.insertInto('mail_outbox').values(row).execute();
}

export interface Lease {
  /** The fencing token: only its holder records the outcome. */
  token: string;
  until: string;
  worker: string;
}

/**
 * Claims the next due message for one attempt: in one transaction, select a pending row whose time
 * has come and whose lease (if any) has ended (PostgreSQL: FOR UPDATE SKIP LOCKED through the seam,
 * so instances take different rows), give it the new lease and token, count the attempt and record
 * it as 'sending'. The update repeats the "nobody holds it" condition, so only one claimer wins.
 */
export async function claimNext(db: Kysely<Database>, seam: DialectSeam, now: string, lease: Lease): Promise<MailRow | null> {
  return db.transaction().execute(async (trx) => {
    const due = await seam
      .forUpdateSkipLocked(
        trx
          .selectFrom('mail_outbox')
          .selectAll()
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(1),
      )
      .executeTakeFirst();
    if (!due) return null;
    const attempt = due.attempts + 1;
    const res = await trx
      .updateTable('mail_outbox')
      .set({ locked_until: lease.until, claim_token: lease.token, attempts: attempt })
      .where('id', '=', due.id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return null;
    await trx
      .insertInto('mail_attempts')
      .values({
        id: newId(),
        mail_id: due.id,
        attempt,
        claim_token: lease.token,
        worker: lease.worker,
        started_at: now,
        finished_at: null,
        outcome: 'sending',
        error: null,
      })
      .execute();
    return { ...due, attempts: attempt, locked_until: lease.until, claim_token: lease.token };
  });
}

/** Extends the lease while its holder is still sending; false when the token no longer holds the row. */
export async function renewLease(db: Executor, id: string, token: string, until: string): Promise<boolean> {
  const res = await db
    .updateTable('mail_outbox')
    .set({ locked_until: until })
    .where('id', '=', id)
    .where('claim_token', '=', token)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

async function finishAttempt(
  db: Executor,
  id: string,
  token: string,
  outcome: { outcome: 'sent' | 'failed'; at: string; error: string | null },
): Promise<void> {
  await db
    .updateTable('mail_attempts')
    .set({ finished_at: outcome.at, outcome: outcome.outcome, error: outcome.error })
    .where('mail_id', '=', id)
    .where('claim_token', '=', token)
    .execute();
}

/**
 * Records a delivery: the attempt always, the message only while `token` still holds it (fencing);
 * false when another worker had taken the message over.
 */
export async function markSent(db: Kysely<Database>, id: string, token: string, now: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await finishAttempt(trx, id, token, { outcome: 'sent', at: now, error: null });
    const res = await trx
      .updateTable('mail_outbox')
      .set({ status: 'sent', sent_at: now, last_error: null, locked_until: null, claim_token: null })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  });
}

/** Records a failed attempt (always) and the message's next state (only while `token` holds it). */
export async function markAttemptFailed(
  db: Kysely<Database>,
  id: string,
  token: string,
  outcome: { status: MailStatus; nextAttemptAt: string; error: string; at: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await finishAttempt(trx, id, token, { outcome: 'failed', at: outcome.at, error: outcome.error });
    const res = await trx
      .updateTable('mail_outbox')
      .set({
        status: outcome.status,
        next_attempt_at: outcome.nextAttemptAt,
        last_error: outcome.error,
        locked_until: null,
        claim_token: null,
      })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  });
}

export type MailAttemptRow = MailAttemptsTable;

export async function attemptsOf(db: Executor, mailId: string): Promise<MailAttemptRow[]> {
  return db.selectFrom('mail_attempts').selectAll().where('mail_id', '=', mailId).orderBy('started_at').orderBy('attempt').execute();
}

/** Puts a message back in the queue with a fresh set of attempts. */
export async function requeue(db: Executor, id: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('mail_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null, claim_token: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function findMail(db: Executor, id: string): Promise<MailRow | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export type MailListRow = Pick<
  MailRow,
  'id' | 'created_at' | 'to_address' | 'subject' | 'template' | 'status' | 'attempts' | 'sent_at' | 'erased_at'
>;

export async function countMail(db: Executor, status: MailStatus | null): Promise<number> {
  let qb = db.selectFrom('mail_outbox').select(countAll().as('n'));
  if (status) qb = qb.where('status', '=', status);
  return (await qb.executeTakeFirstOrThrow()).n;
}

export async function listMail(db: Executor, status: MailStatus | null, limit: number, offset: number): Promise<MailListRow[]> {
  let qb = db
    .selectFrom('mail_outbox')
    .select(['id', 'created_at', 'to_address', 'subject', 'template', 'status', 'attempts', 'sent_at', 'erased_at']);
  if (status) qb = qb.where('status', '=', status);
  return qb.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

/** Messages about `about` (to one of `to` when given, lower-case), and unlabelled ones of `unlabelledTemplates` to `to`. */
export async function mailAbout(
  db: Executor,
  about: string,
  to: readonly string[] | null,
  unlabelledTemplates: readonly string[],
): Promise<Pick<MailRow, 'id' | 'status' | 'erased_at'>[]> {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'status', 'erased_at'])
    .where((eb) => {
      const labelled = eb('about', '=', about);
      const matching = unlabelledTemplates.length
        ? eb.or([labelled, eb.and([eb('about', 'is', null), eb('template', 'in', unlabelledTemplates)])])
        : labelled;
      return to ? eb.and([matching, eb(eb.fn('lower', [eb.fn('trim', ['to_address'])]), 'in', to)]) : matching;
    })
    .execute();
}

/** Deletes messages and their attempts. */
export async function deleteMail(db: Executor, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await db.deleteFrom('mail_attempts').where('mail_id', 'in', ids).execute();
  await db.deleteFrom('mail_outbox').where('id', 'in', ids).execute();
}

/** Clears what identifies the recipient of sent messages (the reply-to address and the attempts' errors too) and marks them erased at `at`. */
export async function redactMail(db: Executor, ids: readonly string[], at: string): Promise<void> {
  if (!ids.length) return;
  await db.updateTable('mail_attempts').set({ error: null }).where('mail_id', 'in', ids).execute();
  await db
    .updateTable('mail_outbox')
    .set({
      to_address: '',
      subject: '',
      text_body: '',
      html_body: '',
      alternatives: null,
      reply_to: null,
      last_error: null,
      erased_at: at,
    })
    .where('id', 'in', ids)
    .execute();
}

/** Deletes sent messages sent before `sentBefore` and failed ones created before `failedBefore`. */
export async function purgeOutbox(db: Executor, sentBefore: string, failedBefore: string): Promise<number> {
  const sent = await db.deleteFrom('mail_outbox').where('status', '=', 'sent').where('sent_at', '<', sentBefore).executeTakeFirst();
  const failed = await db
    .deleteFrom('mail_outbox')
    .where('status', '=', 'failed')
    .where('created_at', '<', failedBefore)
    .executeTakeFirst();
  return Number(sent.numDeletedRows) + Number(failed.numDeletedRows);
}
