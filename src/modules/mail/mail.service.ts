// Rules of the outbox: a message is rendered and written in the caller's transaction; delivery is
// attempted by a worker with exponential back-off (1, 5, 25, 125, 625 minutes) and gives up after
// six attempts; administrators can list, read, re-queue and send a test message. No SMTP here: the
// worker passes in the function that actually sends.
import { newId } from '../../core/db/ids.js';
import { nowIso, type Clock } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { FormChecker, normaliseEmail } from '../../core/validation.js';
import { operatorText, type Lang } from '../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { renderMail, type MailAlternative, type MailRequest } from './mail.render.js';
import * as repo from './mail.repo.js';
import type { Executor } from './mail.repo.js';
import type { MailStatus } from './mail.tables.js';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

export const MAX_ATTEMPTS = 6;
/**
 * How long a claimed message stays reserved for the worker sending it. The worker renews the lease
 * every third of it while the SMTP server takes its time, so the message is taken over only when
 * the worker has stopped (crashed, or cut off from the database) for a whole lease.
 */
export const LEASE_MS = 30_000;
export const DEFAULT_FROM = 'Spójnia <no-reply@localhost>';
export const FROM_SETTING = 'mail.from';
const MAX_ERROR_LENGTH = 1000;

/**
 * Renders the message and writes it to the outbox; returns its id. Call it with the transaction
 * of the change that causes the mail, so both are kept or both are rolled back.
 */
export async function enqueueMail(db: Executor, mail: MailRequest, clock?: Clock): Promise<string> {
  const rendered = renderMail(mail);
  const id = newId();
  const now = nowIso(clock);
  await repo.insertMail(db, {
    id,
    created_at: now,
    to_address: mail.to,
    lang: mail.lang,
    template: mail.template,
    subject: rendered.subject,
    text_body: rendered.text,
    html_body: rendered.html,
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    last_error: null,
    sent_at: null,
    locked_until: null,
    claim_token: null,
    about: mail.about ?? null,
    erased_at: null,
    alternatives: mail.alternatives?.length ? JSON.stringify(mail.alternatives) : null,
    reply_to: mail.replyTo ?? null,
  });
  return id;
}

/** Wait before the next attempt after `attempts` failed ones: 1, 5, 25, 125, 625 minutes. */
export function backoffMs(attempts: number): number {
  return 5 ** Math.max(0, attempts - 1) * 60_000;
}

export interface OutgoingMail {
  /**
   * `<outbox id@host of PUBLIC_URL>`: the same for every attempt at one message, so a mail client
   * folds the duplicate that a crash between the server's acceptance and our record may cause.
   */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Further alternative parts (a calendar invitation…), in order; empty for most messages. */
  alternatives: MailAlternative[];
  /** The Reply-To address, or null when answers go to the sender. */
  replyTo: string | null;
}

export type SendFn = (mail: OutgoingMail) => Promise<void>;

function errorText(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.length > MAX_ERROR_LENGTH ? `${msg.slice(0, MAX_ERROR_LENGTH)}…` : msg;
}

/**
 * An SMTP 5xx answer to the message (unknown mailbox, refused content) will not change on a retry,
 * unlike a 4xx or a connection problem; retrying it only delays the administrator's notice. A 5xx
 * about authentication or the connection is our configuration and is retried after it is fixed.
 */
export function isPermanentRejection(err: unknown): boolean {
  const e = err as { responseCode?: unknown; code?: unknown } | null;
  const status = typeof e?.responseCode === 'number' ? e.responseCode : NaN;
  return status >= 500 && status < 600 && e?.code !== 'EAUTH' && e?.code !== 'ECONNECTION';
}

/** The Message-ID of an outbox row: stable across attempts, unique per row. */
export function messageIdFor(ctx: Pick<ModuleContext, 'config'>, outboxId: string): string {
  return `<${outboxId}@${new URL(ctx.config.publicUrl).hostname}>`;
}

export interface DeliveryOptions {
  /** Messages attempted in this round at most. */
  batchSize: number;
  /** Lease of one attempt (default LEASE_MS); renewed every third of it while sending. */
  leaseMs?: number;
  /** Who attempts (host:pid…), recorded with each attempt. */
  worker: string;
  /** Asked before each claim: once true (shutdown), the round ends after the message in hand. */
  stopping?: () => boolean;
}

/**
 * Keeps one attempt's lease alive until `stop()`: a renewal every third of the lease, never two at
 * once; `stop()` waits for a renewal in flight, so none lands after the outcome is recorded.
 */
function keepLease(ctx: ModuleContext, id: string, token: string, leaseMs: number): { stop(): Promise<void> } {
  let inFlight: Promise<void> | null = null;
  let lost = false;
  const timer = setInterval(
    () => {
      if (inFlight || lost) return;
      const until = new Date(ctx.clock.now().getTime() + leaseMs).toISOString();
      inFlight = repo
        .renewLease(ctx.db, id, token, until)
        .then((held) => {
          if (held) return;
          lost = true;
          ctx.log(`mail ${id}: the lease was taken over by another worker while sending`);
        })
        .catch((err: unknown) => ctx.log(`mail ${id}: lease renewal failed: ${errorText(err)}`))
        .finally(() => {
          inFlight = null;
        });
    },
    Math.max(10, Math.floor(leaseMs / 3)),
  );
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}

/**
 * One round of delivery: claim the next due message with a lease of its own (renewed while the
 * SMTP server takes its time), send it, record the attempt and the outcome under the lease's
 * fencing token; repeat up to the batch size. Returns how many were delivered. Safe to run in
 * several processes at once: a message is sent twice only when its sender stopped for a whole
 * lease after the server accepted it (a crash), and then with the same Message-ID.
 */
export async function deliverDue(ctx: ModuleContext, send: SendFn, opts: DeliveryOptions): Promise<number> {
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  let from: string | null = null;
  let sent = 0;
  for (let i = 0; i < opts.batchSize; i++) {
    if (opts.stopping?.()) break;
    const now = ctx.clock.now();
    const token = newId();
    const row = await repo.claimNext(ctx.db, ctx.database.seam, now.toISOString(), {
      token,
      until: new Date(now.getTime() + leaseMs).toISOString(),
      worker: opts.worker,
    });
    if (!row) break;
    from ??= await ctx.settings.get<string>(FROM_SETTING, DEFAULT_FROM);
    const lease = keepLease(ctx, row.id, token, leaseMs);
    let failure: unknown = null;
    let delivered = false;
    try {
      await send({
        messageId: messageIdFor(ctx, row.id),
        from,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        alternatives: row.alternatives ? (JSON.parse(row.alternatives) as MailAlternative[]) : [],
        replyTo: row.reply_to,
      });
      delivered = true;
    } catch (err) {
      failure = err;
    } finally {
      await lease.stop();
    }
    if (delivered) {
      if (!(await repo.markSent(ctx.db, row.id, token, nowIso(ctx.clock))))
        ctx.log(`mail ${row.id}: sent, but another worker had taken it over (lease lost)`);
      sent += 1;
      continue;
    }
    const at = ctx.clock.now();
    const failed = row.attempts >= MAX_ATTEMPTS || isPermanentRejection(failure);
    await repo.markAttemptFailed(ctx.db, row.id, token, {
      status: failed ? 'failed' : 'pending',
      nextAttemptAt: new Date(at.getTime() + (failed ? 0 : backoffMs(row.attempts))).toISOString(),
      error: errorText(failure),
      at: at.toISOString(),
    });
    // the id only: recipients' addresses do not belong in the process log
    ctx.log(`mail ${row.id}: attempt ${row.attempts} failed${failed ? ', giving up' : ''}: ${errorText(failure)}`);
  }
  return sent;
}

// --- administration -----------------------------------------------------------------------------

export const PAGE_SIZE = 50;
export const STATUSES: readonly MailStatus[] = ['pending', 'sent', 'failed'];

export function isStatus(v: unknown): v is MailStatus {
  return typeof v === 'string' && (STATUSES as readonly string[]).includes(v);
}

export async function listOutbox(ctx: ModuleContext, status: MailStatus | null, page: number) {
  const total = await repo.countMail(ctx.db, status);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = total === 0 ? [] : await repo.listMail(ctx.db, status, PAGE_SIZE, (current - 1) * PAGE_SIZE);
  return { rows, total, page: current, pages };
}

// one-time links carry a random token of 20+ URL-safe characters (accounts' tokens) as a path
// segment or a `token` parameter
const TOKEN_IN_URL = /(https?:\/\/[^\s<>"']*?)(\/|[?&]token=)([A-Za-z0-9_-]{20,})/g;

/**
 * The message as an administrator may see it: one-time tokens in links are replaced by "…", so
 * reading the outbox does not let anyone but the recipient reset a password or accept an
 * invitation (what was sent is still visible: who, when, which kind, which words).
 */
export function maskOneTimeLinks(s: string): string {
  return s.replace(TOKEN_IN_URL, (_m, start: string, sep: string) => `${start}${sep}…`);
}

/** Reads one message and records that it was read (it holds personal data). */
export async function readMail(ctx: ModuleContext, id: string, actor: Actor, format: 'text' | 'html'): Promise<repo.MailRow> {
  const row = await repo.findMail(ctx.db, id);
  if (!row) throw new AppError('http.not_found');
  await recordAudit(
    ctx.db,
    { ...actor, action: 'mail.view', subjectType: 'mail', subjectId: id, meta: { format, template: row.template } },
    ctx.clock,
  );
  return { ...row, text_body: maskOneTimeLinks(row.text_body), html_body: maskOneTimeLinks(row.html_body) };
}

/** Every delivery attempt of one message, oldest first. */
export async function mailAttempts(ctx: ModuleContext, id: string): Promise<repo.MailAttemptRow[]> {
  return repo.attemptsOf(ctx.db, id);
}

export async function retryMail(ctx: ModuleContext, id: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.requeue(trx, id, nowIso(ctx.clock)))) throw new AppError('http.not_found');
    await recordAudit(trx, { ...actor, action: 'mail.retry', subjectType: 'mail', subjectId: id }, ctx.clock);
  });
}

/** Queues the `test` template to an address typed by an administrator. */
export async function queueTestMail(ctx: ModuleContext, body: Record<string, unknown>, actor: Actor): Promise<string> {
  const f = new FormChecker(body);
  const to = f.email('to', 'outbox.testTo');
  const lang: Lang = f.text('lang') === 'en' ? 'en' : 'pl';
  f.assertValid();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await enqueueMail(trx, { to: normaliseEmail(to), lang, template: 'test', params: {} }, ctx.clock);
    await recordAudit(trx, { ...actor, action: 'mail.test', subjectType: 'mail', subjectId: id }, ctx.clock);
    return id;
  });
}

// --- erasure -------------------------------------------------------------------------------------

/** Which messages a person's erasure covers: see `eraseMailAbout`. */
export interface MailErasureScope {
  /** The `about` the messages were queued with. */
  about: string;
  /** Only messages to these addresses (compared without case and spaces); every address when omitted. */
  to?: readonly string[];
  /**
   * Messages queued before `about` existed have none: with `to`, messages of these templates to
   * those addresses and without an `about` are taken as about it too (erring on the side of erasing).
   */
  unlabelledTemplates?: readonly string[];
}

export interface MailErasure {
  /** Unsent messages (waiting or failed) deleted: they will never be sent. */
  withdrawn: number;
  /** Sent messages kept as a record that they went out, without address, subject or text. */
  redacted: number;
}

/**
 * Erases a person from the outbox, in the caller's transaction (the one erasing them elsewhere):
 * messages not sent yet are deleted with their attempts, so nothing is sent about data that no
 * longer exist; sent ones keep only when, which template and that they went out (their address,
 * reply-to address, subject, text and errors, which may quote the address, are cleared) until the
 * normal retention deletes them. A message a worker is sending at this very moment may still go out.
 */
export async function eraseMailAbout(db: Executor, scope: MailErasureScope, clock?: Clock): Promise<MailErasure> {
  const to = scope.to?.map(normaliseEmail);
  if (to && to.length === 0) return { withdrawn: 0, redacted: 0 };
  const ids = await repo.mailAbout(db, scope.about, to ?? null, to ? (scope.unlabelledTemplates ?? []) : []);
  const unsent = ids.filter((m) => m.status !== 'sent').map((m) => m.id);
  const sent = ids.filter((m) => m.status === 'sent' && m.erased_at === null).map((m) => m.id);
  await repo.deleteMail(db, unsent);
  await repo.redactMail(db, sent, nowIso(clock));
  return { withdrawn: unsent.length, redacted: sent.length };
}

// --- retention ----------------------------------------------------------------------------------

/** Delivered mail is kept 30 days (enough to answer "did it go out?"), failed mail 90 days. */
export const SENT_RETENTION_DAYS = 30;
export const FAILED_RETENTION_DAYS = 90;

/**
 * Messages carry addresses, names and links: once their purpose is served they are deleted
 * (RODO data minimisation). Pending messages are never touched.
 */
export async function purgeOldMail(ctx: ModuleContext): Promise<string> {
  const now = ctx.clock.now().getTime();
  const day = 24 * 3600_000;
  const n = await repo.purgeOutbox(
    ctx.db,
    new Date(now - SENT_RETENTION_DAYS * day).toISOString(),
    new Date(now - FAILED_RETENTION_DAYS * day).toISOString(),
  );
  return operatorText('mail.cli.purged', { count: n });
}
