// Numbered verifiable documents: numbers with a random part (a holder's number says nothing about
// the next one, so nobody can walk the sequence to list other holders' documents), the verification
// address, and the document as a tagged PDF (core/export) whose QR code carries that address.
import { randomInt } from 'node:crypto';
import { renderPdf, type ExportDocument } from '../../core/export/index.js';

/** Crockford's base 32 without I, L, O, U: nothing to misread when typed from paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_LENGTH = 6;

/** A new document number `PREFIX-YEAR-XXXXXX` (about 10⁹ possibilities per prefix and year). */
export function documentNumber(prefix: string, year: number): string {
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${year}-${random}`;
}

/** Numbers as accepted in addresses: letters, digits and hyphens, upper case. */
export const DOCUMENT_NUMBER_PATTERN = '^[A-Za-z0-9-]{1,40}$';

/** The Polish path of a document's verification page (the page localises it). */
export function verificationPath(kind: string, number: string): string {
  return `/weryfikacja/${encodeURIComponent(kind)}/${encodeURIComponent(number)}`;
}

/** The QR code of `text` as SVG (black on white, quiet zone kept). */
export async function qrSvg(text: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, width: 200 });
}

/**
 * `doc` as a tagged PDF ending with the QR code of `url` (a figure whose alternative text gives the
 * address, so a screen reader user gets it too) and the address written out.
 */
export async function verifiablePdf(doc: ExportDocument, url: string, words: { qrAlt: string; qrCaption: string }): Promise<Buffer> {
  const svg = await qrSvg(url);
  return renderPdf({
    ...doc,
    blocks: [...doc.blocks, { kind: 'figure', svg, alt: words.qrAlt, caption: words.qrCaption }, { kind: 'paragraph', text: url }],
  });
}
