// The verification page: the kind of document and its number, its state in words (valid in green,
// anything else as a warning, never colour alone) and the facts its issuer lets anyone see.
import { Alert, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { TKey } from '../../i18n/index.js';
import type { VerifiedDocument } from './extension.js';

export function VerificationView({ kindTitle, doc }: { kindTitle: string; doc: VerifiedDocument }) {
  const { t, lang } = usePage();
  return (
    <>
      <PageHeader title={t('verification.title', { number: doc.number })} lead={kindTitle} />
      {doc.isExample ? <Alert kind="info">{t('verification.example')}</Alert> : null}
      <Alert kind={doc.state === 'valid' ? 'success' : 'warning'} title={t(`verification.state.${doc.state}` as TKey)}>
        <p>{t(`verification.explain.${doc.state}` as TKey)}</p>
      </Alert>
      <h2>{t('verification.details')}</h2>
      <dl class="facts">
        <dt>{t('verification.number')}</dt>
        <dd>{doc.number}</dd>
        {doc.fields.map((f) => (
          <>
            <dt>{t(f.labelKey)}</dt>
            <dd lang={f.isPolish && lang !== 'pl' ? 'pl' : undefined}>{f.value}</dd>
          </>
        ))}
      </dl>
    </>
  );
}
