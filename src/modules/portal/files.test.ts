// File handling without HTTP: types by content (never by name), names for Content-Disposition,
// byte ranges, and the size shown next to links.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanFileName, contentDisposition, detectDocumentType, detectImageType, formatSize, parseRange } from './files.js';
import { docx, EMPTY_ZIP, PDF, PNG, SVG } from './testing.js';

test('documents are recognised by their bytes, not by their names', async () => {
  assert.equal((await detectDocumentType(PDF, 'program.pdf'))?.ext, 'pdf');
  assert.equal((await detectDocumentType(PDF, 'program.docx'))?.ext, 'pdf', 'a PDF named .docx is still a PDF');
  assert.equal((await detectDocumentType(await docx(), 'x.bin'))?.ext, 'docx');
  assert.equal((await detectDocumentType(EMPTY_ZIP, 'a.zip'))?.ext, 'zip');
  assert.equal((await detectDocumentType(Buffer.from('gmina;liczba\nToruń;12\n'), 'dane.csv'))?.ext, 'csv');
  assert.equal(await detectDocumentType(Buffer.from('gmina;liczba\n'), 'dane.pdf'), null, 'text is not a PDF');
  assert.equal(await detectDocumentType(PNG, 'obraz.pdf'), null, 'an image is not a document');
  assert.equal(await detectDocumentType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0]), 'setup.pdf'), null, 'an executable is refused');
  assert.equal(await detectDocumentType(Buffer.from([0x00, 0x01, 0x02]), 'dane.csv'), null, 'binary data named .csv is refused');
});

test('images: PNG accepted, SVG and PDF refused', async () => {
  assert.equal((await detectImageType(PNG))?.contentType, 'image/png');
  assert.equal(await detectImageType(SVG), null);
  assert.equal(await detectImageType(PDF), null);
});

test('file names keep Polish letters, lose paths, and get the real extension', () => {
  assert.equal(cleanFileName('C:\\Users\\ania\\Sprawozdanie łódzkie 2014.DOCX', 'pdf'), 'Sprawozdanie łódzkie 2014.pdf');
  assert.equal(cleanFileName('../../etc/passwd', 'csv'), 'passwd.csv');
  assert.equal(cleanFileName('"\u0007.pdf', 'pdf'), 'dokument.pdf');
});

test('Content-Disposition has an ASCII fallback and the UTF-8 name', () => {
  const h = contentDisposition('Sprawozdanie łódzkie (2014).pdf');
  assert.equal(h, `attachment; filename="Sprawozdanie lodzkie _2014_.pdf"; filename*=UTF-8''Sprawozdanie%20%C5%82%C3%B3dzkie%20%282014%29.pdf`);
  assert.match(contentDisposition('ŻÓŁW.pdf'), /filename="ZOLW.pdf"/);
});

test('byte ranges', () => {
  assert.deepEqual(parseRange(undefined, 100), { kind: 'full' });
  assert.deepEqual(parseRange('bytes=0-9', 100), { kind: 'partial', start: 0, end: 9 });
  assert.deepEqual(parseRange('bytes=90-', 100), { kind: 'partial', start: 90, end: 99 });
  assert.deepEqual(parseRange('bytes=-10', 100), { kind: 'partial', start: 90, end: 99 });
  assert.deepEqual(parseRange('bytes=50-500', 100), { kind: 'partial', start: 50, end: 99 });
  assert.deepEqual(parseRange('bytes=100-', 100), { kind: 'unsatisfiable' });
  assert.deepEqual(parseRange('bytes=0-1,5-6', 100), { kind: 'full' });
  assert.deepEqual(parseRange('items=0-1', 100), { kind: 'full' });
  assert.deepEqual(parseRange('bytes=9-2', 100), { kind: 'full' });
});

test('sizes as people read them', () => {
  assert.equal(formatSize(1_234_567, 'pl-PL'), '1,2 MB');
  assert.equal(formatSize(1_234_567, 'en-GB'), '1.2 MB');
  assert.equal(formatSize(340_000, 'pl-PL'), '340 kB');
  assert.equal(formatSize(12, 'pl-PL'), '12 B');
});
