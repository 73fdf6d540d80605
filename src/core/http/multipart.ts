// Upload forms carry a CSRF token and a few fields next to one file. This reads such a form in
// preValidation (so the CSRF check, which runs after the access rule, sees the fields as a normal
// body) and keeps the file aside for the handler. The route's scope registers @fastify/multipart
// with its own size limits.
import type { FastifyRequest } from 'fastify';

export interface UploadedFile {
  name: string;
  data: Buffer;
  /** True when the file was cut at the size limit. */
  truncated: boolean;
}

const UPLOADS = new WeakMap<FastifyRequest, UploadedFile>();

/** Reads a multipart form into `request.body` (fields) and the first file; other bodies pass through. */
export async function readMultipart(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (!UPLOADS.has(request)) UPLOADS.set(request, { name: part.filename, data, truncated: part.file.truncated });
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  request.body = fields;
}

/** The file `readMultipart` kept for this request, if one was sent. */
export function uploadedFile(request: FastifyRequest): UploadedFile | undefined {
  return UPLOADS.get(request);
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
