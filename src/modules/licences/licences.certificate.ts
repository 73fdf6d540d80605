// The licence certificate as an export document (core/export): number, holder, product, both dates
// and the state on the day it is printed; the verification module adds the QR code of its address.
import type { ExportDocument } from '../../core/export/index.js';
import type { Lang, T, TKey } from '../../i18n/index.js';
import type { LicenceState, LicenceWithEntity } from './licences.service.js';

export function certificateDocument(item: { licence: LicenceWithEntity; state: LicenceState }, lang: Lang, t: T): ExportDocument {
  const l = item.licence;
  const example = l.is_example || l.entity_synthetic;
  return {
    lang,
    title: t('licences.pdf.title'),
    subtitle: t('licences.licenceTitle', { number: l.number }),
    author: t('licences.pdf.author'),
    ...(example ? { watermark: t('licences.pdf.example') } : {}),
    blocks: [
      { kind: 'paragraph', text: t('licences.pdf.intro') },
      {
        kind: 'table',
        caption: t('licences.pdf.caption'),
        head: [t('licences.pdf.fact'), t('licences.pdf.value')],
        rows: [
          [t('licences.field.number'), l.number],
          [t('licences.field.holder'), l.entity_name],
          [t('licences.field.product'), l.product ?? t('licences.productUnspecified')],
          [t('licences.field.grantedOn'), l.granted_on ?? t('licences.unknownDate')],
          [t('licences.field.expiresOn'), l.expires_on ?? t('licences.unknownDate')],
          [t('licences.stateLabel'), t(`licences.state.${item.state}` as TKey)],
        ],
      },
      { kind: 'paragraph', text: t('licences.pdf.verify') },
    ],
  };
}
