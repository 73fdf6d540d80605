// Certificates of participation as verifiable documents (verification module): only for a person
// checked in at the event; the number is given on the first download and kept, the PDF (tagged,
// core/export) carries the name, the event, its dates, the number and a QR code of the verification
// address. The kind `udzial-w-wydarzeniu` answers what the verification page may publish.
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import { renderPdf, type ExportDocument } from '../../core/export/index.js';
import type { ModuleContext } from '../../core/module.js';
import { warsawDay } from '../../core/time/index.js';
import { formatters, translator, type Lang } from '../../i18n/index.js';
import { documentNumber, qrSvg, verificationPath, type VerifiableKind } from '../verification/index.js';
import * as repo from './events.repo.js';
import { byManageToken } from './registration.service.js';

export const CERTIFICATE_KIND = 'udzial-w-wydarzeniu';

function dates(e: repo.EventRow, lang: Lang): string {
  const fmt = formatters(lang);
  const first = warsawDay(e.starts_at);
  const last = warsawDay(new Date(Date.parse(e.ends_at) - 1).toISOString());
  return first === last ? fmt.date(e.starts_at) : `${fmt.date(e.starts_at)} – ${fmt.date(new Date(Date.parse(e.ends_at) - 1))}`;
}

/** The certificate PDF of the registration behind a manage link; 404 for anybody not checked in. */
export async function certificatePdf(ctx: ModuleContext, token: string, lang: Lang): Promise<{ pdf: Buffer; number: string }> {
  const view = await byManageToken(ctx, token);
  const r = view.registration;
  if (r.status !== 'confirmed' || !(await repo.findCheckinOf(ctx.db, r.id))) throw new AppError('http.not_found');
  let number = r.certificate_number;
  if (!number) {
    number = documentNumber('UW', Number(warsawDay(nowIso(ctx.clock)).slice(0, 4)));
    await repo.updateRegistration(ctx.db, r.id, { certificate_number: number, certificate_issued_at: nowIso(ctx.clock) });
  }
  const t = translator(lang);
  const e = view.event;
  const url = `${ctx.config.publicUrl}${verificationPath(CERTIFICATE_KIND, number)}`;
  const doc: ExportDocument = {
    lang,
    title: t('events.certificate.title'),
    author: e.organiser,
    blocks: [
      { kind: 'paragraph', text: t('events.certificate.body', { name: r.name ?? '', event: e.title, dates: dates(e, lang) }) },
      { kind: 'paragraph', text: `${t('events.organiser')}: ${e.organiser}` },
      { kind: 'paragraph', text: `${t('events.certificate.number')}: ${number}` },
      { kind: 'paragraph', text: `${t('events.certificate.verify')}: ${url}` },
      { kind: 'figure', svg: await qrSvg(url), alt: t('events.certificate.qrAlt', { url }), caption: t('events.certificate.qrCaption') },
    ],
  };
  return { pdf: await renderPdf(doc), number };
}

export const certificateKind: VerifiableKind = {
  kind: CERTIFICATE_KIND,
  titleKey: 'events.certificate.kind',
  async lookup(ctx, number) {
    const r = await repo.findByCertificate(ctx.db, number);
    const e = r ? await repo.findEvent(ctx.db, r.event_id) : undefined;
    if (!r || !e || !r.certificate_issued_at) return null;
    const present = await repo.findCheckinOf(ctx.db, r.id);
    return {
      number,
      // a check-in removed afterwards (a correction by staff) takes the certificate back
      state: present && r.status === 'confirmed' ? 'valid' : 'withdrawn',
      fields: [
        {
          labelKey: 'events.certificate.fieldWhat',
          value: translator('pl')('events.certificate.what', { event: e.title, dates: dates(e, 'pl') }),
          isPolish: true,
        },
        ...(r.is_erased || !r.name ? [] : [{ labelKey: 'events.certificate.fieldHolder' as const, value: r.name }]),
        { labelKey: 'events.certificate.fieldIssuer', value: e.organiser, isPolish: true },
        { labelKey: 'events.certificate.fieldIssued', value: warsawDay(r.certificate_issued_at) },
      ],
      isExample: false,
    };
  },
};
