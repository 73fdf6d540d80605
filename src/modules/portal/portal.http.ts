// HTTP plumbing shared by the portal's routes: multipart uploads (read into memory up to a
// per-route limit, refused early for visitors who may not upload), the form re-render pattern for
// expected refusals, and sending stored bytes with ETag, conditional requests and one byte range.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { AppError, isAppError, type Problem } from '../../core/errors/app-error.js';
import { hasRole } from '../../core/auth/access.js';
import type { Upload } from './content.service.js';
import { contentDisposition, MAX_DOCUMENT_BYTES, parseRange } from './files.js';
import { statusIn } from '../../core/errors/catalogue.js';
import { portalErrors } from './portal.declarations.js';

export type Body = Record<string, string | undefined>;

/** Registers multipart parsing in the portal's scope: one file per request, fields as strings. */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 60, fieldSize: 512 * 1024, parts: 70 },
    async onFile(part) {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      // the parser stops reading at the limit and marks the stream truncated
      (part as unknown as { value: Upload }).value = { filename: part.filename ?? '', data: Buffer.concat(chunks), truncated: part.file.truncated };
    },
  });
}

/** Per-route upload limit (the parser reads no further than this). */
export function uploadLimit(bytes: number) {
  return { multipartOptions: { limits: { fileSize: bytes } } };
}

/**
 * Uploads are parsed before the route's access rule runs (the parser's hook comes first), so
 * strangers are turned away here, at the start of the request, before any byte is read.
 */
export async function editorsOnlyEarly(request: FastifyRequest): Promise<void> {
  if (!request.user) throw new AppError('http.unauthenticated');
  if (!hasRole(request.user, 'editor') && !hasRole(request.user, 'administrator')) throw new AppError('http.forbidden');
}

/** The string fields of a form (urlencoded or multipart). */
export function fields(request: FastifyRequest): Body {
  const raw = (request.body ?? {}) as Record<string, unknown>;
  const out: Body = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The uploaded file of a multipart form, or null. */
export function uploadOf(request: FastifyRequest, name: string): Upload | null {
  const v = ((request.body ?? {}) as Record<string, unknown>)[name];
  if (v && typeof v === 'object' && Buffer.isBuffer((v as Upload).data)) return v as Upload;
  return null;
}

/** Problems to show on the form for an expected refusal; anything else propagates. */
export function formProblems(err: unknown): { problems: Problem[]; status: number } {
  if (!isAppError(err)) throw err;
  if (err.code === 'http.validation') return { problems: err.problems, status: 400 };
  if (err.code.startsWith('portal.')) return { problems: err.problems.length ? err.problems : [{ key: `errors.${err.code}.detail` }], status: statusIn(portalErrors, err.code) };
  throw err;
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
 * Sends stored bytes: ETag (the content hash), 304 for a matching If-None-Match, one range with 206
 * (If-Range respected), 416 for a range past the end. Bytes are read only when a body is sent.
 * `onWhole` runs (and is awaited) before the whole file is sent — the download counter — so the
 * count is written before the client can see the end of the answer.
 */
export async function sendStored(request: FastifyRequest, reply: FastifyReply, file: StoredFile, read: () => Promise<Buffer>, onWhole?: () => Promise<void>): Promise<void> {
  const etag = `"${file.sha256}"`;
  reply.header('etag', etag).header('accept-ranges', 'bytes').header('cache-control', file.cacheControl).header('content-type', file.contentType);
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
