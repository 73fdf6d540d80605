// Numbers and addresses of verifiable documents. A number is random (60 bits from an alphabet
// without look-alike characters, grouped for reading aloud), so numbers cannot be guessed or
// enumerated; the QR code printed on a document holds its verification address.
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';

const ALPHABET = 'ACDEFGHJKLMNPQRTUVWXY3479';
export const NUMBER_PATTERN = '^[A-Z0-9]{4}(-[A-Z0-9]{4}){2,4}$';

/** A new document number, e.g. `K7QX-M3TA-9FHD`: 12 characters of a 25-letter alphabet (≈ 2^55). */
export function newDocumentNumber(): string {
  const chars: string[] = [];
  // rejection sampling keeps every character equally likely
  while (chars.length < 12) for (const b of randomBytes(16)) if (b < 250 && chars.length < 12) chars.push(ALPHABET[b % 25]!);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

export function verificationPath(kind: string, number: string): string {
  return `/weryfikacja/${encodeURIComponent(kind)}/${encodeURIComponent(number)}`;
}

export function verificationUrl(publicUrl: string, kind: string, number: string): string {
  return `${publicUrl.replace(/\/$/, '')}${verificationPath(kind, number)}`;
}

/** The QR code of an address as SVG (for the document model's figure block). */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
