// The verification module's own parts: document numbers (format, no sequence to walk), and a
// verifiable PDF whose QR code, rendered and decoded as a camera would, carries the address and
// whose text layer keeps the document's facts and the address written out. The page's answers for
// every state are tested with a real kind in licences.routes.test.tsx.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pdfObjects, pdfToText } from '../../core/export/export.testing.js';
import { documentNumber, verifiablePdf, verificationPath } from './index.js';
import { qrTextOfPdf } from '../../testing/qr.js';

test('document numbers carry prefix and year and a random part with no readable sequence', () => {
  const numbers = Array.from({ length: 200 }, () => documentNumber('ZP', 2027));
  for (const n of numbers) assert.match(n, /^ZP-2027-[0-9A-HJKMNP-TV-Z]{6}$/);
  assert.equal(new Set(numbers).size, numbers.length, 'no repeats in 200 draws');
  const sorted = [...numbers].sort();
  assert.notDeepEqual(numbers, sorted, 'issue order is not the sorted order');
});

test('verification paths encode the kind and number', () => {
  assert.equal(verificationPath('zakup-prospoleczny', 'ZP-2027-7K3F9Q'), '/weryfikacja/zakup-prospoleczny/ZP-2027-7K3F9Q');
});

test('a verifiable PDF is tagged and its QR code decodes to the verification address', async () => {
  const url = 'https://spojnia.example.pl/weryfikacja/zakup-prospoleczny/ZP-2027-7K3F9Q';
  const pdf = await verifiablePdf(
    { lang: 'pl', title: 'Certyfikat', author: 'ROPS', blocks: [{ kind: 'paragraph', text: 'Numer ZP-2027-7K3F9Q' }] },
    url,
    { qrAlt: `Kod QR: ${url}`, qrCaption: 'Kod QR strony weryfikacji' },
  );
  assert.equal(await qrTextOfPdf(pdf), url);
  const text = pdfToText(pdf);
  assert.match(text, /Numer ZP-2027-7K3F9Q/);
  assert.ok(text.includes(url), 'the address is also written out');
  const objects = pdfObjects(pdf);
  assert.match(objects, /\/S \/Figure/);
  assert.ok(objects.includes('Kod QR: https://spojnia.example.pl'), 'the figure has the address as its alternative text');
});
