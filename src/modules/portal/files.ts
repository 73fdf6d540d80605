// Uploaded files: what they really are (by their bytes, never by the name a browser sent), the
// limits, and how they are sent back (Content-Disposition with the Polish name, ETag, one byte
// range). Pure helpers, no HTTP framework and no database.
import { createHash } from 'node:crypto';
import { sniffFileType } from '../../core/http/multipart.js';
import { fold } from '../../core/search/index.js';

export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export interface DetectedType {
  contentType: string;
  /** Extension without the dot, also the short name shown next to links (upper-cased). */
  ext: string;
}

const DOCUMENT_TYPES: Record<string, DetectedType> = {
  'application/pdf': { contentType: 'application/pdf', ext: 'pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  'application/vnd.oasis.opendocument.text': { contentType: 'application/vnd.oasis.opendocument.text', ext: 'odt' },
  'application/vnd.oasis.opendocument.spreadsheet': { contentType: 'application/vnd.oasis.opendocument.spreadsheet', ext: 'ods' },
  'application/zip': { contentType: 'application/zip', ext: 'zip' },
};

const IMAGE_TYPES: Record<string, DetectedType> = {
  'image/png': { contentType: 'image/png', ext: 'png' },
  'image/jpeg': { contentType: 'image/jpeg', ext: 'jpg' },
  'image/webp': { contentType: 'image/webp', ext: 'webp' },
};

/**
 * CSV has no magic number: it is accepted only when nothing binary was recognised, the name says
 * .csv, and the bytes are text (valid UTF-8 without NUL or other control characters but tab/CR/LF).
 */
function looksLikeCsv(bytes: Buffer, name: string): boolean {
  if (!/\.csv$/i.test(name) || bytes.length === 0) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(bytes.toString('latin1'))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The document's real type, or null when it is not one the library accepts. */
export async function detectDocumentType(bytes: Buffer, name: string): Promise<DetectedType | null> {
  const found = await sniffFileType(bytes);
  if (found) return DOCUMENT_TYPES[found.mime] ?? null;
  return looksLikeCsv(bytes, name) ? { contentType: 'text/csv; charset=utf-8', ext: 'csv' } : null;
}

/** The image's real type (PNG, JPEG, WebP), or null; SVG and everything else is refused. */
export async function detectImageType(bytes: Buffer): Promise<DetectedType | null> {
  const found = await sniffFileType(bytes);
  return found ? (IMAGE_TYPES[found.mime] ?? null) : null;
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A file name safe to store and show: no path, no control characters, at most 200 characters,
 * and the extension of the detected type (a PDF sent as "umowa.docx" is served as "umowa.pdf").
 */
export function cleanFileName(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 190).trim() || 'dokument';
  return `${stem}.${ext}`;
}

/** `attachment; filename="ASCII fallback"; filename*=UTF-8''…` (RFC 6266 / 8187). */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  // Polish letters lose their marks in the fallback ("Sprawozdanie_łódź" → "Sprawozdanie_lodz")
  const fallback = [...name]
    .map((ch) => {
      if (/[A-Za-z0-9._ -]/.test(ch)) return ch;
      const plain = fold(ch);
      if (!/^[a-z0-9]$/.test(plain)) return '_';
      return ch === ch.toLocaleUpperCase('pl') ? plain.toUpperCase() : plain;
    })
    .join('');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export type RangeResult = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * One `bytes=` range of RFC 9110; several ranges (rare, multipart answers) are served as the full
 * file, which the standard allows. Syntax errors are ignored (full file), as the standard says.
 */
export function parseRange(header: string | undefined, size: number): RangeResult {
  if (!header) return { kind: 'full' };
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'full' };
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return { kind: 'full' };
  }
  if (start >= size || size === 0) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}

/** "1,2 MB" / "340 kB" / "12 B", in the visitor's number format (SI units). */
export function formatSize(bytes: number, locale: string): string {
  const nf = (n: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  if (bytes < 1000) return `${nf(bytes, 0)} B`;
  if (bytes < 1_000_000) return `${nf(bytes / 1000, 0)} kB`;
  return `${nf(bytes / 1_000_000, 1)} MB`;
}
