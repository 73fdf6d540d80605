// The one upload API of the app: reading a multipart form (its text fields and its file), knowing
// what a file really is (by its bytes), naming it safely, hashing it, and sending stored bytes back
// (Content-Disposition with the Polish name, ETag, conditional requests, one byte range).
// A route that sends stored bytes registers GET and HEAD itself (`STORED_FILE_METHODS`): the HEAD that
// Fastify adds to a GET route answers `Content-Length: 0` when the handler sends no body.
//
// Reading happens in the route's preValidation, after the access rule (so a stranger's upload is
// never read) and before the CSRF check (which needs the form's fields as a normal body). A scope
// that has upload routes calls `registerUploads` once; each upload route declares
// `preValidation: readUpload(limits)` and reads `textFields(request.body)` and `uploadedFile(...)`.
// Other routes of the scope do not read multipart bodies.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { fold } from '../search/index.js';

/** An uploaded file, read into memory up to the route's limit. */
export interface Upload {
  /** The name the browser sent (never trusted: see `cleanFileName`). */
  filename: string;
  data: Buffer;
  /** True when the upload went past the size limit (the data is cut there). */
  truncated: boolean;
}

/** How much of a multipart form a route reads; the parser stops at these limits. */
export interface UploadLimits {
  /** Largest file in bytes: a bigger one is cut there and marked `truncated`. */
  fileSize: number;
  /** Most files in one form (default 1). */
  files?: number;
  /** Most text fields (default 60). */
  fields?: number;
  /** Longest text field in bytes (default 512 KiB). */
  fieldSize?: number;
  /** Most parts, fields and files together (default 70). */
  parts?: number;
  /** Most header lines of the request (default: the parser's). */
  headerPairs?: number;
}

const DEFAULT_LIMITS = { files: 1, fields: 60, fieldSize: 512 * 1024, parts: 70 };

/** Lets the routes of this scope (and only of it) receive multipart forms; reading is each route's `readUpload`. */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, { throwFileSizeLimit: false });
}

const UPLOADS = new WeakMap<FastifyRequest, Map<string, Upload>>();

/**
 * The preValidation step of an upload route: reads a multipart form into `request.body` (its text
 * fields; a field sent more than once becomes a list, as in an urlencoded form) and keeps its files
 * aside for `uploadedFile`. Other bodies (an urlencoded form) pass through unchanged.
 */
export function readUpload(limits: UploadLimits): (request: FastifyRequest) => Promise<void> {
  const options = { limits: { ...DEFAULT_LIMITS, ...limits } };
  return async (request) => {
    if (!request.isMultipart()) return;
    const fields: Record<string, string | string[]> = {};
    const files = new Map<string, Upload>();
    for await (const part of request.parts(options)) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (!files.has(part.fieldname)) files.set(part.fieldname, { filename: part.filename ?? '', data, truncated: part.file.truncated });
      } else if (typeof part.value === 'string') {
        const before = fields[part.fieldname];
        fields[part.fieldname] = before === undefined ? part.value : [...(Array.isArray(before) ? before : [before]), part.value];
      }
    }
    UPLOADS.set(request, files);
    request.body = fields;
  };
}

/** The file sent in the form's field `name` (read by `readUpload`), or null when none was sent. */
export function uploadedFile(request: FastifyRequest, name: string): Upload | null {
  return UPLOADS.get(request)?.get(name) ?? null;
}

/**
 * An uploaded file's real type from its first bytes (magic numbers), never its name or the
 * browser's claim; undefined when not recognised. file-type is loaded on the first upload, not at
 * start-up (ADR 8).
 */
export async function sniffFileType(bytes: Uint8Array): Promise<{ mime: string; ext: string } | undefined> {
  const { fileTypeFromBuffer } = await import('file-type');
  return fileTypeFromBuffer(bytes);
}

/** The SHA-256 of a file's bytes, in hex (stored beside the bytes; the ETag when they are sent). */
export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A file name safe to store and show: no path, no control characters, at most 200 characters,
 * and the extension of the detected type (a PDF sent as "umowa.docx" is served as "umowa.pdf").
 */
export function cleanFileName(name: string, ext: string, fallbackStem = 'dokument'): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  const stem =
    base
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .slice(0, 190)
      .trim() || fallbackStem;
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

/** "1,2 MB" / "340 kB" / "12 B", in the visitor's number format (SI units). */
export function formatSize(bytes: number, locale: string): string {
  const nf = (n: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  if (bytes < 1000) return `${nf(bytes, 0)} B`;
  if (bytes < 1_000_000) return `${nf(bytes / 1000, 0)} kB`;
  return `${nf(bytes / 1_000_000, 1)} MB`;
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

export interface StoredFile {
  sha256: string;
  byteSize: number;
  contentType: string;
  /** Set for downloads: sent as Content-Disposition: attachment with this name. */
  fileName?: string;
  cacheControl: string;
}

/**
 * The methods of a route that calls `sendStored`: `app.route({ method: STORED_FILE_METHODS, … })`.
 * Fastify answers HEAD on a plain GET route by running the GET handler and replacing the headers'
 * Content-Length with the length of the body sent, which for a HEAD (no body, bytes not even read)
 * is 0. On a route registered for HEAD itself Fastify keeps the Content-Length the handler set, so
 * HEAD tells the same size, type, ETag and range as GET without reading the bytes.
 */
export const STORED_FILE_METHODS: HTTPMethods[] = ['GET', 'HEAD'];

/**
 * Sends stored bytes: ETag (the content hash), 304 for a matching If-None-Match, one range with 206
 * (If-Range respected), 416 for a range past the end. Bytes are read only when a body is sent.
 * `onWhole` runs (and is awaited) before the whole file is sent — a download counter — so the
 * count is written before the client can see the end of the answer; a HEAD, a 304 or a part of the
 * file is not a download. The route must be registered with `STORED_FILE_METHODS`.
 */
export async function sendStored(
  request: FastifyRequest,
  reply: FastifyReply,
  file: StoredFile,
  read: () => Promise<Buffer>,
  onWhole?: () => Promise<void>,
): Promise<void> {
  // a route left to Fastify's automatic HEAD would answer Content-Length: 0: a mistake in the
  // route's registration, refused loudly so that a test finds it rather than a download manager
  const methods = request.routeOptions.method;
  if (request.method === 'HEAD' && !(Array.isArray(methods) && methods.includes('HEAD'))) {
    throw new Error(
      `${request.routeOptions.url ?? request.url}: a route that sends stored files is registered with STORED_FILE_METHODS (see sendStored)`,
    );
  }
  const etag = `"${file.sha256}"`;
  reply
    .header('etag', etag)
    .header('accept-ranges', 'bytes')
    .header('cache-control', file.cacheControl)
    .header('content-type', file.contentType);
  if (file.fileName) reply.header('content-disposition', contentDisposition(file.fileName));
  const inm = request.headers['if-none-match'];
  if (inm && inm.split(',').some((v) => v.trim() === etag || v.trim() === `W/${etag}` || v.trim() === '*')) {
    await reply.code(304).send();
    return;
  }
  const ifRange = request.headers['if-range'];
  const range = ifRange && ifRange !== etag ? ({ kind: 'full' } as const) : parseRange(request.headers.range, file.byteSize);
  if (range.kind === 'unsatisfiable') {
    await reply.code(416).header('content-range', `bytes */${file.byteSize}`).type('text/plain; charset=utf-8').send('');
    return;
  }
  if (request.method === 'HEAD') {
    const length = range.kind === 'partial' ? range.end - range.start + 1 : file.byteSize;
    if (range.kind === 'partial') reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${file.byteSize}`);
    await reply.header('content-length', String(length)).send();
    return;
  }
  const bytes = await read();
  const whole = range.kind === 'full' || (range.start === 0 && range.end === file.byteSize - 1);
  if (whole) await onWhole?.();
  if (range.kind === 'partial') {
    await reply
      .code(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${file.byteSize}`)
      .send(bytes.subarray(range.start, range.end + 1));
    return;
  }
  await reply.code(200).send(bytes);
}
