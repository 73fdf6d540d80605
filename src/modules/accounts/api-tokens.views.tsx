// The account page of personal API tokens: the list (name, beginning of the token, created, last
// used, revoke), the form to create one, and — once, right after creation — the token itself with
// an example call.
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, Table, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { ApiTokenRow } from './api-tokens.repo.js';

export function ApiTokensView({
  tokens,
  csrf,
  created,
  problems,
  values,
  notice,
}: {
  tokens: ApiTokenRow[];
  csrf: string;
  created: { name: string; token: string } | null;
  problems: Problem[];
  values: Record<string, string>;
  notice: string | null;
}) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('monitoring.tokens.title')} />
      <ErrorSummary problems={problems} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {created ? (
        <Alert kind="success" title={t('monitoring.tokens.createdTitle', { name: created.name })}>
          <p>{t('monitoring.tokens.createdOnce')}</p>
          <p>
            <label for="new-token">{t('monitoring.tokens.token')}</label>
            <input id="new-token" class="token-once" type="text" readOnly value={created.token} autoComplete="off" spellcheck={false} />
          </p>
        </Alert>
      ) : null}
      <p>{t('monitoring.tokens.intro')}</p>
      <p>
        {t('monitoring.tokens.usage')}{' '}
        <code>
          POST /api/v1/wskazniki/{'{'}kod{'}'}/wartosci
        </code>
        , <code>Authorization: Bearer …</code> — <a href="/api/docs">{t('monitoring.tokens.docs')}</a>
      </p>
      {tokens.length === 0 ? (
        <p>{t('monitoring.tokens.none')}</p>
      ) : (
        <Table
          caption={t('monitoring.tokens.caption')}
          rowKey={(r) => r.id}
          rows={tokens}
          columns={[
            { header: t('monitoring.tokens.name'), cell: (r) => r.name },
            { header: t('monitoring.tokens.prefix'), cell: (r) => <code>{r.prefix}…</code> },
            { header: t('monitoring.tokens.created'), cell: (r) => fmt.dateTime(r.created_at) },
            {
              header: t('monitoring.tokens.lastUsed'),
              cell: (r) => (r.last_used_at ? fmt.dateTime(r.last_used_at) : t('monitoring.tokens.never')),
            },
            {
              header: t('monitoring.status'),
              cell: (r) =>
                r.revoked_at ? (
                  t('monitoring.tokens.revokedOn', { date: fmt.dateTime(r.revoked_at) })
                ) : (
                  <form method="post" action={href(`/konto/tokeny/${r.id}/uniewaznij`)} class="inline-form">
                    <CsrfField token={csrf} />
                    <Button variant="secondary" aria-label={t('monitoring.tokens.revokeLabel', { name: r.name })}>
                      {t('monitoring.tokens.revoke')}
                    </Button>
                  </form>
                ),
            },
          ]}
        />
      )}
      <h2>{t('monitoring.tokens.newTitle')}</h2>
      <form method="post" action={href('/konto/tokeny')} novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="name"
          label={t('monitoring.tokens.name')}
          hint={t('monitoring.tokens.nameHint')}
          value={values.name}
          problems={problems}
          required
          maxLength={80}
        />
        <Button>{t('monitoring.tokens.create')}</Button>
      </form>
    </>
  );
}
