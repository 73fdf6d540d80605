// The verification page: what the issuer publishes about one document, with its status first.
import { Fragment } from 'preact';
import { Alert, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { TKey } from '../../i18n/index.js';
import type { VerifiedDocument } from './verification.extension.js';

export function VerificationView({ labelKey, number, doc }: { labelKey: TKey; number: string; doc: VerifiedDocument }) {
  const { t, fmt, lang } = usePage();
  const kind = doc.status === 'valid' ? 'success' : 'warning';
  return (
    <>
      <PageHeader title={`${t(labelKey)} ${number}`} />
      <Alert kind={kind} title={t(`verification.status.${doc.status}`)}>
        <p>{t(`verification.explain.${doc.status}`)}</p>
      </Alert>
      <dl class="facts">
        <dt>{t('verification.document')}</dt>
        <dd lang={lang === 'en' ? 'pl' : undefined}>{doc.title}</dd>
        <dt>{t('verification.holder')}</dt>
        <dd>{doc.holder ?? t('verification.holderErased')}</dd>
        <dt>{t('verification.issuer')}</dt>
        <dd lang={lang === 'en' ? 'pl' : undefined}>{doc.issuer}</dd>
        <dt>{t('verification.issuedAt')}</dt>
        <dd>{fmt.date(doc.issuedAt)}</dd>
        {doc.validUntil ? (
          <>
            <dt>{t('verification.validUntil')}</dt>
            <dd>{fmt.date(doc.validUntil)}</dd>
          </>
        ) : null}
        {doc.facts.map((f) => (
          <Fragment key={f.labelKey}>
            <dt>{t(f.labelKey)}</dt>
            <dd>{f.value}</dd>
          </Fragment>
        ))}
      </dl>
    </>
  );
}
