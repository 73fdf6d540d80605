// The Word reader against hostile files: a zip bomb is refused from the zip's directory before
// anything is unpacked, a file too slow to read is stopped by the time limit while the event loop
// keeps running, a file that needs too much memory by the worker's memory limit, and a file with
// too many parts or without a document is refused; a normal file still reads in the worker.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { DocxRefused, inspectDocx, MAX_DOCX_ENTRIES, readDocx } from './docx.js';
import { manyPartsDocx, repeatedParagraphDocx } from './docx.testing.js';

const refused = (reason: string) => (err: unknown) => err instanceof DocxRefused && err.reason === reason;

test('a zip bomb (20 MiB of XML in a few dozen kB) is refused from the directory alone, at once', async () => {
  const bomb = repeatedParagraphDocx(20);
  assert.ok(bomb.length < 100_000, `${bomb.length} bytes`);
  // refused by inspecting the directory, which unpacks nothing
  assert.throws(() => inspectDocx(bomb), refused('too_large'));
  await assert.rejects(readDocx(bomb), refused('too_large'));
});

test('too many parts, not a zip, a zip without a document: refused', async () => {
  await assert.rejects(readDocx(manyPartsDocx(MAX_DOCX_ENTRIES + 1)), refused('too_large'));
  await assert.rejects(readDocx(Buffer.from('PK\u0003\u0004 not really a zip')), refused('not_docx'));
  await assert.rejects(readDocx(Buffer.from(zipSync({ 'a.txt': strToU8('a') }))), refused('not_docx'));
});

test('a file too slow to read is stopped by the time limit, and the event loop never waits for it', async () => {
  // 1 MiB of tiny paragraphs: within the size limits, far more than 100 ms of parsing even on a quiet
  // machine (with 800 ms a quiet machine once finished in time)
  const slow = repeatedParagraphDocx(1);
  inspectDocx(slow);
  // parsing on this thread would settle the read before any timer could run; in the worker a
  // 10 ms timer runs first (an order of events, not a duration, so a busy machine cannot fail it)
  const reading = readDocx(slow, { timeLimitMs: 100 });
  const timerRan = new Promise<string>((resolve) => setTimeout(() => resolve('timer ran'), 10));
  assert.equal(
    await Promise.race([
      timerRan,
      reading.then(
        () => 'read settled',
        () => 'read settled',
      ),
    ]),
    'timer ran',
  );
  await assert.rejects(reading, refused('too_slow'));
});

test('a file that needs more memory than allowed is stopped by the worker memory limit', async () => {
  await assert.rejects(readDocx(repeatedParagraphDocx(2), { memoryLimitMb: 40, timeLimitMs: 60_000 }), refused('too_large'));
});

test('a normal file is read in the worker', async () => {
  assert.equal(await readDocx(manyPartsDocx(3)), 'Tekst');
});
