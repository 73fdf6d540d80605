// The worker thread that reads one Word file (docx.ts starts it with size, time and memory limits):
// it receives the bytes, answers with the Markdown or the error's message, and is ended by its parent.
import { parentPort, workerData } from 'node:worker_threads';
import { convertDocxInThisThread } from './docx-convert.js';

const { data } = workerData as { data: Uint8Array };
try {
  parentPort!.postMessage({
    ok: true,
    markdown: await convertDocxInThisThread(Buffer.from(data.buffer, data.byteOffset, data.byteLength)),
  });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
