// Views of the mail module: the outbox list with a status filter and a test-message form, and one
// message shown as text (its HTML part is never injected into the page; it is served separately
// under a sandboxing CSP).
import type { Problem } from '../../core/errors/app-error.js';
import {
  Alert,
  Button,
  CsrfField,
  ErrorSummary,
  FormField,
  LanguageSelect,
  Pagination,
  Table,
  PageHeader,
} from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { TKey } from '../../i18n/index.js';
import type { MailAttemptRow, MailListRow, MailRow } from './mail.repo.js';
import type { MailStatus } from './mail.tables.js';

export const OUTBOX_PATH = '/admin/poczta';

function useTime(): (iso: string | null) => string {
  const { fmt } = usePage();
  return (iso) => (iso ? fmt.timestamp(iso) : '—');
}

function useLabels() {
  const { t } = usePage();
  return {
    status: (s: string) => (['pending', 'sent', 'failed'].includes(s) ? t(`outbox.statuses.${s}` as TKey) : s),
    // any module's template: its label when the translations have one, else its name
    template: (s: string) => {
      const key = `outbox.templates.${s}`;
      const label = t(key as TKey);
      return label === key ? s : label;
    },
  };
}

function Notice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Alert kind="success">
      <p>{text}</p>
    </Alert>
  );
}

export interface OutboxListProps {
  status: MailStatus | null;
  result: { rows: MailListRow[]; total: number; page: number; pages: number };
  smtpEnabled: boolean;
  csrf: string;
  problems?: Problem[];
  values?: Record<string, string>;
  notice?: string | null;
}

export function OutboxListView({ status, result, smtpEnabled, csrf, problems = [], values = {}, notice = null }: OutboxListProps) {
  const { t, href } = usePage();
  const time = useTime();
  const label = useLabels();
  const pageLink = (p: number) => {
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    params.set('page', String(p));
    return href(`${OUTBOX_PATH}?${params.toString()}`);
  };
  return (
    <>
      <PageHeader title={t('outbox.title')} />
      <Notice text={notice} />
      <p>{t('outbox.intro')}</p>
      {smtpEnabled ? null : (
        <Alert kind="warning">
          <p>{t('outbox.smtpOff')}</p>
        </Alert>
      )}
      <form method="get" action={href(OUTBOX_PATH)} class="filter-form" novalidate>
        <div class="field">
          <label for="f-status">{t('outbox.status')}</label>
          <select id="f-status" name="status">
            <option value="">{t('outbox.statusAll')}</option>
            {(['pending', 'sent', 'failed'] as const).map((s) => (
              <option key={s} value={s} selected={s === status}>
                {label.status(s)}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">{t('outbox.filter')}</Button>
      </form>
      <p role="status">{t('count.results', { count: result.total })}</p>
      {result.total === 0 ? (
        <p>{t('outbox.none')}</p>
      ) : (
        <>
          <Table
            caption={t('outbox.caption', { page: result.page, pages: result.pages })}
            rows={result.rows}
            rowKey={(r) => r.id}
            columns={[
              { header: t('outbox.created'), cell: (r) => <time dateTime={r.created_at}>{time(r.created_at)}</time> },
              {
                header: t('outbox.subject'),
                cell: (r) => <a href={href(`${OUTBOX_PATH}/${r.id}`)}>{r.erased_at ? t('outbox.erased') : r.subject}</a>,
              },
              { header: t('outbox.to'), cell: (r) => (r.erased_at ? '—' : r.to_address) },
              { header: t('outbox.template'), cell: (r) => label.template(r.template) },
              {
                header: t('outbox.status'),
                cell: (r) => <span class={`mail-status mail-status--${r.status}`}>{label.status(r.status)}</span>,
              },
              { header: t('outbox.attempts'), cell: (r) => r.attempts, numeric: true },
            ]}
          />
          <Pagination page={result.page} pages={result.pages} link={pageLink} />
        </>
      )}
      <h2 id="test-mail">{t('outbox.testTitle')}</h2>
      <p>{t('outbox.testIntro')}</p>
      <ErrorSummary problems={problems} />
      <form method="post" action={href(`${OUTBOX_PATH}/testowa`)} aria-labelledby="test-mail" novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="to"
          type="email"
          label={t('outbox.testTo')}
          autocomplete="email"
          required
          value={values.to ?? ''}
          problems={problems}
        />
        <LanguageSelect label={t('outbox.testLang')} value={values.lang} />
        <Button>{t('outbox.testSubmit')}</Button>
      </form>
    </>
  );
}

export function MailDetailView({
  mail,
  attempts,
  messageId,
  csrf,
  notice = null,
}: {
  mail: MailRow;
  attempts: MailAttemptRow[];
  messageId: string;
  csrf: string;
  notice?: string | null;
}) {
  const { t, href } = usePage();
  const time = useTime();
  const label = useLabels();
  const base = `${OUTBOX_PATH}/${mail.id}`;
  return (
    <>
      <PageHeader title={mail.erased_at ? t('outbox.erased') : mail.subject} />
      <Notice text={notice} />
      {mail.erased_at ? <p>{t('outbox.erasedNote', { date: time(mail.erased_at) })}</p> : null}
      <dl class="mail-facts">
        <dt>{t('outbox.to')}</dt>
        <dd>{mail.erased_at ? '—' : mail.to_address}</dd>
        {mail.reply_to ? (
          <>
            <dt>{t('outbox.replyTo')}</dt>
            <dd>{mail.reply_to}</dd>
          </>
        ) : null}
        <dt>{t('outbox.template')}</dt>
        <dd>{label.template(mail.template)}</dd>
        <dt>{t('outbox.lang')}</dt>
        <dd>{mail.lang}</dd>
        <dt>{t('outbox.status')}</dt>
        <dd>{label.status(mail.status)}</dd>
        <dt>{t('outbox.attempts')}</dt>
        <dd>{mail.attempts}</dd>
        <dt>{t('outbox.created')}</dt>
        <dd>{time(mail.created_at)}</dd>
        {mail.status === 'pending' ? (
          <>
            <dt>{t('outbox.nextAttempt')}</dt>
            <dd>{time(mail.next_attempt_at)}</dd>
          </>
        ) : null}
        <dt>{t('outbox.sentAt')}</dt>
        <dd>{time(mail.sent_at)}</dd>
        <dt>{t('outbox.lastError')}</dt>
        <dd>{mail.last_error ?? '—'}</dd>
        <dt>{t('outbox.messageId')}</dt>
        <dd>
          <code>{messageId}</code>
        </dd>
      </dl>
      {mail.status === 'failed' ? (
        <form method="post" action={href(`${base}/ponow`)} class="actions">
          <CsrfField token={csrf} />
          <Button variant="secondary">{t('outbox.retry')}</Button>
        </form>
      ) : null}
      <h2>{t('outbox.attemptLog')}</h2>
      {attempts.length === 0 ? (
        <p>{t('outbox.noAttempts')}</p>
      ) : (
        <Table
          caption={t('outbox.attemptLogCaption')}
          rows={attempts}
          rowKey={(a) => a.id}
          columns={[
            { header: t('outbox.attemptNo'), cell: (a) => a.attempt, numeric: true },
            { header: t('outbox.attemptStarted'), cell: (a) => <time dateTime={a.started_at}>{time(a.started_at)}</time> },
            {
              header: t('outbox.attemptFinished'),
              cell: (a) => (a.finished_at ? <time dateTime={a.finished_at}>{time(a.finished_at)}</time> : '—'),
            },
            { header: t('outbox.attemptOutcome'), cell: (a) => t(`outbox.outcomes.${a.outcome}` as TKey) },
            { header: t('outbox.attemptWorker'), cell: (a) => a.worker },
            { header: t('outbox.attemptError'), cell: (a) => a.error ?? '—' },
          ]}
        />
      )}
      <h2>{t('outbox.textBody')}</h2>
      <p class="hint">{t('outbox.linksMasked')}</p>
      <pre class="mail-text" lang={mail.lang}>
        {mail.text_body}
      </pre>
      <p>
        <a href={href(`${base}.html`)}>{t('outbox.htmlVersion')}</a>
      </p>
      <p>
        <a href={href(OUTBOX_PATH)}>{t('outbox.back')}</a>
      </p>
    </>
  );
}
