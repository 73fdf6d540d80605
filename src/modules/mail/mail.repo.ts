// Kysely queries of the mail outbox: write a message, claim due messages for one worker, record the
// outcome of an attempt, and list messages for administrators.
import type { Insertable, Kysely, Transaction } from 'kysely';
import { countAll } from '../../core/db/database.js';
import type { DialectSeam } from '../../core/db/dialect/index.js';
import type { Database } from '../../core/db/schema.js';
import type { MailOutboxTable, MailStatus } from './mail.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type MailRow = MailOutboxTable;

export async function insertMail(db: Executor, row: Insertable<MailOutboxTable>): Promise<void> {
  await db.insertInto('mail_outbox').values(row).execute();
}

/**
 * Claims up to `limit` due messages for one worker: in one transaction, select pending rows whose
 * time has come and that nobody holds (PostgreSQL: FOR UPDATE SKIP LOCKED through the seam, so two
 * instances take disjoint rows), then set `locked_until` on each. The update repeats the "nobody
 * holds it" condition, so a row is only returned to the worker whose update changed it.
 */
export async function claimDue(db: Kysely<Database>, seam: DialectSeam, now: string, lockUntil: string, limit: number): Promise<MailRow[]> {
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
          .limit(limit),
      )
      .execute();
    const claimed: MailRow[] = [];
    for (const row of due) {
      const res = await trx
        .updateTable('mail_outbox')
        .set({ locked_until: lockUntil })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 1) claimed.push({ ...row, locked_until: lockUntil });
    }
    return claimed;
  });
}

export async function markSent(db: Executor, id: string, attempts: number, now: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ status: 'sent', attempts, sent_at: now, last_error: null, locked_until: null }).where('id', '=', id).execute();
}

export async function markAttemptFailed(db: Executor, id: string, outcome: { attempts: number; status: MailStatus; nextAttemptAt: string; error: string }): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: outcome.status, attempts: outcome.attempts, next_attempt_at: outcome.nextAttemptAt, last_error: outcome.error, locked_until: null })
    .where('id', '=', id)
    .execute();
}

/** Puts a message back in the queue with a fresh set of attempts. */
export async function requeue(db: Executor, id: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('mail_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function findMail(db: Executor, id: string): Promise<MailRow | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export type MailListRow = Pick<MailRow, 'id' | 'created_at' | 'to_address' | 'subject' | 'template' | 'status' | 'attempts' | 'sent_at'>;

export async function countMail(db: Executor, status: MailStatus | null): Promise<number> {
  let qb = db.selectFrom('mail_outbox').select(countAll().as('n'));
  if (status) qb = qb.where('status', '=', status);
  return (await qb.executeTakeFirstOrThrow()).n;
}

export async function listMail(db: Executor, status: MailStatus | null, limit: number, offset: number): Promise<MailListRow[]> {
  let qb = db.selectFrom('mail_outbox').select(['id', 'created_at', 'to_address', 'subject', 'template', 'status', 'attempts', 'sent_at']);
  if (status) qb = qb.where('status', '=', status);
  return qb.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

/** Deletes sent messages sent before `sentBefore` and failed ones created before `failedBefore`. */
export async function purgeOutbox(db: Executor, sentBefore: string, failedBefore: string): Promise<number> {
  const sent = await db.deleteFrom('mail_outbox').where('status', '=', 'sent').where('sent_at', '<', sentBefore).executeTakeFirst();
  const failed = await db.deleteFrom('mail_outbox').where('status', '=', 'failed').where('created_at', '<', failedBefore).executeTakeFirst();
  return Number(sent.numDeletedRows) + Number(failed.numDeletedRows);
}
