// The delivery loop: every few seconds, claim due outbox messages and hand them to SMTP through
// nodemailer (SMTP_URL). Each web process runs one when SMTP_URL is set; claiming is safe with
// several processes (a lease per attempt, renewed while sending, with a fencing token; a stable
// Message-ID per message). Without SMTP_URL nothing runs and mail waits in the outbox.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Transporter } from 'nodemailer';
import type { ModuleContext } from '../../core/module.js';
import { deliverDue, type SendFn } from './mail.service.js';

export interface MailWorker {
  /** Stops the loop, claiming nothing more, and waits for the message being sent to be recorded. */
  stop(): Promise<void>;
  /** One delivery round now; resolves to the number of messages delivered. */
  runOnce(): Promise<number>;
}

export interface MailWorkerOptions {
  /** Pause between rounds (default 5 s). */
  intervalMs?: number;
  /** Messages claimed per round (default 20). */
  batchSize?: number;
  /** No timed rounds: only `runOnce()` delivers (tests, one-off commands). */
  manual?: boolean;
  /** Lease of one attempt (default 30 s), renewed while the SMTP server works. */
  leaseMs?: number;
}

export const DEFAULT_INTERVAL_MS = 5_000;
const DEFAULT_BATCH = 20;

export function startMailWorker(ctx: ModuleContext, opts: MailWorkerOptions = {}): MailWorker {
  if (ctx.config.smtpUrl === '') throw new Error('startMailWorker: SMTP_URL is not set');
  const intervalMs = opts.intervalMs ?? DEFAULT_INTERVAL_MS;
  let running: Promise<number> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  // at stop the round in progress claims nothing more: it ends with the message being sent
  const delivery = {
    stopping: () => stopped,
    batchSize: opts.batchSize ?? DEFAULT_BATCH,
    worker: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    ...(opts.leaseMs ? { leaseMs: opts.leaseMs } : {}),
  };
  // bounded timeouts, so a hung server ends the attempt (its lease is renewed meanwhile);
  // nodemailer is loaded for the first message, not at start-up (ADR 8)
  let transport: Transporter | null = null;
  const send: SendFn = async (m) => {
    transport ??= (await import('nodemailer')).createTransport({
      url: ctx.config.smtpUrl,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
    await transport.sendMail({
      messageId: m.messageId,
      from: m.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      ...(m.alternatives.length ? { alternatives: m.alternatives.map((a) => ({ contentType: a.contentType, content: a.content })) } : {}),
      ...(m.replyTo ? { replyTo: m.replyTo } : {}),
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  };

  const runOnce = (): Promise<number> => {
    // one round at a time per worker: a manual call during a timed round joins it
    running ??= deliverDue(ctx, send, delivery).finally(() => {
      running = null;
    });
    return running;
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((err: unknown) => ctx.log(`mail worker round failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => schedule(intervalMs));
    }, delay);
    // the loop alone must not keep a process (a CLI command, a test) alive
    timer.unref();
  };
  // first round right away: mail queued while the process was down goes out on start
  if (!opts.manual) schedule(0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
      transport?.close();
    },
  };
}
