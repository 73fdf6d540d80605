// The portal's rules for uploaded files: which documents the library and which images news accept
// (recognised by their bytes, never by the name a browser sent) and how big they may be. Reading,
// naming, hashing and sending files back is core/http/uploads.ts.
import { sniffFileType } from '../../core/http/uploads.js';

export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export interface DetectedType {
  contentType: string;
  /** Extension without the dot, also the short name shown next to links (upper-cased). */
  ext: string;
}

const DOCUMENT_TYPES: Record<string, DetectedType> = {
  'application/pdf': { contentType: 'application/pdf', ext: 'pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
  },
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
