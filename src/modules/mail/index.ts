// Public face of the mail module: transactional e-mail written to an outbox in the same
// transaction as the change that causes it, delivered by a worker over SMTP with retries, and the
// administrators' outbox pages; delivered and failed mail is deleted after its retention period,
// and a module erasing a person erases them from its messages too (`eraseMailAbout`).
import type { AppModule } from '../../core/module.js';
import { mailMigrations } from './migrations/index.js';
import { mailRoutes } from './mail.routes.js';
import { purgeOldMail } from './mail.service.js';
import { startMailWorker, type MailWorker } from './mail.worker.js';
import './mail.tables.js';

/**
 * Every e-mail template → the parameters it needs. The mail module declares only its own; a module
 * that sends mail adds its templates by declaration merging (this interface lives in index.ts so that other modules can merge into it):
 *
 *     declare module '../mail/index.js' { interface MailTemplates { example_notice: { name: string; link: string } } }
 *
 * with the subject and body under `mail.<template>` in i18n. Every `{{parameter}}` of the text must
 * be given, so the declared parameters and the text agree (renderMail checks it at run time too).
 */
export interface MailTemplates {
  /** The administrators' test message (/admin/poczta). */
  test: Record<string, never>;
}

export type { MailOutboxTable, MailStatus } from './mail.tables.js';
export { renderMail, type MailAlternative, type MailRequest, type MailTemplate, type RenderedMail } from './mail.render.js';
export { enqueueMail, eraseMailAbout, SENT_RETENTION_DAYS, type MailErasure, type MailErasureScope } from './mail.service.js';
export { startMailWorker, type MailWorker, type MailWorkerOptions } from './mail.worker.js';
export { manageMail } from './mail.policy.js';

export const mailModule: AppModule = {
  name: 'mail',
  migrations: mailMigrations,
  admin: [{ label: 'outbox.title', path: '/admin/poczta', order: 92, roles: ['administrator'] }],
  jobs: [{ name: 'mail.outbox-retention', intervalMs: 24 * 3600_000, run: purgeOldMail }],
  async routes(app, ctx) {
    await mailRoutes(app, ctx);
    // every web process delivers when SMTP is configured; without it mail waits in the outbox
    if (ctx.config.smtpUrl === '') return;
    let worker: MailWorker | null = null;
    let stopped: Promise<void> | undefined;
    app.addHook('onReady', async () => {
      worker = startMailWorker(ctx);
    });
    // at shutdown the worker claims nothing more at once; the round in progress is awaited once
    // the HTTP side has drained
    app.addHook('preClose', async () => {
      stopped = worker?.stop();
    });
    app.addHook('onClose', async () => {
      await (stopped ?? worker?.stop());
    });
  },
};
