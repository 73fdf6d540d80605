// The portal's file rules: documents and images are recognised by their content, never by their name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectDocumentType, detectImageType } from './files.js';
import { docx, EMPTY_ZIP, PDF, PNG, SVG } from './testing.js';

test('documents are recognised by their bytes, not by their names', async () => {
  assert.equal((await detectDocumentType(PDF, 'program.pdf'))?.ext, 'pdf');
  assert.equal((await detectDocumentType(PDF, 'program.docx'))?.ext, 'pdf', 'a PDF named .docx is still a PDF');
  assert.equal((await detectDocumentType(await docx(), 'x.bin'))?.ext, 'docx');
  assert.equal((await detectDocumentType(EMPTY_ZIP, 'a.zip'))?.ext, 'zip');
  assert.equal((await detectDocumentType(Buffer.from('gmina;liczba\nToruń;12\n'), 'dane.csv'))?.ext, 'csv');
  assert.equal(await detectDocumentType(Buffer.from('gmina;liczba\n'), 'dane.pdf'), null, 'text is not a PDF');
  assert.equal(await detectDocumentType(PNG, 'obraz.pdf'), null, 'an image is not a document');
  assert.equal(
    await detectDocumentType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0]), 'setup.pdf'),
    null,
    'an executable is refused',
  );
  assert.equal(await detectDocumentType(Buffer.from([0x00, 0x01, 0x02]), 'dane.csv'), null, 'binary data named .csv is refused');
});

test('images: PNG accepted, SVG and PDF refused', async () => {
  assert.equal((await detectImageType(PNG))?.contentType, 'image/png');
  assert.equal(await detectImageType(SVG), null);
  assert.equal(await detectImageType(PDF), null);
});
