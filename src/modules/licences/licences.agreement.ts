// The licence agreement as an export document (core/export: tagged PDF and DOCX): the parties, the
// licensed product or service, the term and the terms the sources state (an exclusive one-year
// licence from the ROPS in Toruń, renewable yearly on application [K82][K81], free of charge [K89]).
// The ROPS's own agreement template [K91] is not available to the platform, so the document says
// it holds the licence's particulars, not the template's clauses. Example data are marked.
import type { ExportDocument } from '../../core/export/index.js';
import type { Lang, T } from '../../i18n/index.js';
import type { LicenceState, LicenceWithEntity } from './licences.service.js';

export function agreementDocument(
  item: { licence: LicenceWithEntity; state: LicenceState },
  extra: { meetingOn: string | null; offerTitle: string | null },
  lang: Lang,
  t: T,
): ExportDocument {
  const l = item.licence;
  const example = l.is_example || l.entity_synthetic;
  const unknown = t('licences.unknownDate');
  return {
    lang,
    title: t('licences.agreement.title'),
    subtitle: t('licences.licenceTitle', { number: l.number }),
    author: t('licences.pdf.author'),
    ...(example ? { watermark: t('licences.pdf.example') } : {}),
    blocks: [
      ...(example ? [{ kind: 'paragraph' as const, text: t('licences.example') }] : []),
      { kind: 'paragraph', text: t('licences.agreement.intro') },
      {
        kind: 'table',
        caption: t('licences.agreement.caption'),
        head: [t('licences.pdf.fact'), t('licences.pdf.value')],
        rows: [
          [t('licences.field.number'), l.number],
          [t('licences.agreement.licensor'), t('licences.agreement.licensorName')],
          [t('licences.agreement.licensee'), l.entity_name],
          [t('licences.field.product'), l.product ?? t('licences.productUnspecified')],
          ...(extra.offerTitle ? [[t('licences.field.offer'), extra.offerTitle]] : []),
          [t('licences.agreement.decision'), extra.meetingOn ?? unknown],
          [t('licences.field.grantedOn'), l.granted_on ?? unknown],
          [t('licences.field.expiresOn'), l.expires_on ?? unknown],
        ],
      },
      { kind: 'heading', level: 2, text: t('licences.agreement.termsTitle') },
      {
        kind: 'list',
        items: [
          t('licences.agreement.termExclusive'),
          t('licences.agreement.termYear'),
          t('licences.agreement.termFree'),
          t('licences.agreement.termUnit'),
        ],
      },
      { kind: 'paragraph', text: t('licences.agreement.sources') },
      { kind: 'paragraph', text: t('licences.agreement.template') },
    ],
  };
}
