// Reading an uploaded Word file must not stall the server: a 7 KB file whose XML repeats one
// paragraph unpacks to megabytes that mammoth parses for many seconds, and a 60 KB one to gigabytes
// of memory. So, before anything is unpacked, the zip's directory is checked (number of parts and
// their declared unpacked size), and the file is then read in a worker thread with a time limit and
// a memory limit; at most two are read at once. A file over a limit is refused (DocxRefused) with
// a reason the caller turns into a translated message.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { unzipSync } from 'fflate';
import type { TKey } from '../../i18n/index.js';
import type { Problem } from '../errors/app-error.js';

/** Parts a Word file may have (a long report with images has a few hundred). */
export const MAX_DOCX_ENTRIES = 1000;
/** Declared unpacked size of all parts together. */
export const MAX_DOCX_UNPACKED_BYTES = 16 * 1024 * 1024;
/** Declared unpacked size of the document text itself (word/document.xml): about 1,500 pages. */
export const MAX_DOCX_DOCUMENT_XML_BYTES = 8 * 1024 * 1024;
export const DOCX_TIME_LIMIT_MS = 30_000;
export const DOCX_MEMORY_LIMIT_MB = 768;
const MAX_PARALLEL = 2;

export type DocxRefusal = 'not_docx' | 'too_large' | 'too_slow' | 'unreadable';

export class DocxRefused extends Error {
  constructor(
    readonly reason: DocxRefusal,
    detail: string,
  ) {
    super(`Word file refused (${reason}): ${detail}`);
    this.name = 'DocxRefused';
  }
}

/**
 * The translated problem for a refused file on a form field (validation.docxTooLarge/docxTooSlow),
 * or null for a file that is simply not a readable Word file (each form says that in its own words).
 */
export function docxProblem(
  err: DocxRefused,
  field: string,
  label: TKey,
): (Problem & { field: string; label: TKey; key: TKey; params: Record<string, string | number> }) | null {
  if (err.reason === 'too_large')
    return {
      field,
      label,
      key: 'validation.docxTooLarge',
      params: { size: `${MAX_DOCX_DOCUMENT_XML_BYTES / 1024 / 1024} MB`, parts: MAX_DOCX_ENTRIES },
    };
  if (err.reason === 'too_slow') return { field, label, key: 'validation.docxTooSlow', params: { seconds: DOCX_TIME_LIMIT_MS / 1000 } };
  return null;
}

export interface DocxLimits {
  maxEntries?: number;
  maxUnpackedBytes?: number;
  maxDocumentXmlBytes?: number;
  timeLimitMs?: number;
  memoryLimitMb?: number;
}

/**
 * Checks the zip's central directory without unpacking anything: refuses a file that is not a zip
 * with word/document.xml, has too many parts, or declares too much unpacked data. (A file that
 * declares less than it holds is stopped by the worker's memory and time limits.)
 */
export function inspectDocx(buffer: Uint8Array, limits: DocxLimits = {}): { entries: number; unpackedBytes: number } {
  const maxEntries = limits.maxEntries ?? MAX_DOCX_ENTRIES;
  let entries = 0;
  let unpackedBytes = 0;
  let documentXml = -1;
  try {
    unzipSync(buffer, {
      filter(file) {
        entries += 1;
        unpackedBytes += file.originalSize;
        if (file.name === 'word/document.xml') documentXml = file.originalSize;
        return false;
      },
    });
  } catch (err) {
    throw new DocxRefused('not_docx', err instanceof Error ? err.message : String(err));
  }
  if (documentXml < 0) throw new DocxRefused('not_docx', 'no word/document.xml');
  if (entries > maxEntries) throw new DocxRefused('too_large', `${entries} parts`);
  if (unpackedBytes > (limits.maxUnpackedBytes ?? MAX_DOCX_UNPACKED_BYTES))
    throw new DocxRefused('too_large', `${unpackedBytes} bytes unpacked`);
  if (documentXml > (limits.maxDocumentXmlBytes ?? MAX_DOCX_DOCUMENT_XML_BYTES))
    throw new DocxRefused('too_large', `document.xml of ${documentXml} bytes`);
  return { entries, unpackedBytes };
}

// --- at most MAX_PARALLEL files read at once; the others wait their turn ------------------------

let running = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/**
 * Starts the worker: the bundled file beside dist/main.js in production (scripts/build.mjs); from
 * the TypeScript sources (tests, `npm run cli`) through tsx's loader, which a worker does not inherit.
 */
function startWorker(options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./docx.worker.js', import.meta.url), options);
  const source = new URL('./docx.worker.ts', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { ...options, eval: true });
}

/** Reads a Word file as Markdown off the event loop, within the limits; refuses with DocxRefused. */
export async function readDocx(buffer: Buffer, limits: DocxLimits = {}): Promise<string> {
  inspectDocx(buffer, limits);
  const done = await turn();
  try {
    return await new Promise<string>((resolve, reject) => {
      const worker = startWorker({
        workerData: { data: buffer },
        resourceLimits: {
          maxOldGenerationSizeMb: limits.memoryLimitMb ?? DOCX_MEMORY_LIMIT_MB,
          maxYoungGenerationSizeMb: 32,
          stackSizeMb: 4,
        },
        stdout: false,
        stderr: false,
      });
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(
        () => settle(() => reject(new DocxRefused('too_slow', `not read within ${limits.timeLimitMs ?? DOCX_TIME_LIMIT_MS} ms`))),
        limits.timeLimitMs ?? DOCX_TIME_LIMIT_MS,
      );
      worker.once('message', (m: { ok: true; markdown: string } | { ok: false; message: string }) =>
        settle(() => (m.ok ? resolve(m.markdown) : reject(new DocxRefused('unreadable', m.message)))),
      );
      worker.once('error', (err: Error & { code?: string }) =>
        settle(() =>
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new DocxRefused('too_large', 'over the memory limit')
              : new DocxRefused('unreadable', err.message),
          ),
        ),
      );
      worker.once('exit', (code) => settle(() => reject(new DocxRefused('unreadable', `worker ended with code ${code}`))));
    });
  } finally {
    done();
  }
}
