// The upload API without any module: a multipart form's fields and file are read up to the route's
// limits (and nothing is read from a route that does not ask), files are named and hashed safely,
// and stored bytes go back with Content-Disposition, ETag, conditional requests and one byte range.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import {
  cleanFileName,
  contentDisposition,
  formatSize,
  parseRange,
  readUpload,
  registerUploads,
  sendStored,
  sha256Hex,
  sniffFileType,
  STORED_FILE_METHODS,
  uploadedFile,
} from './uploads.js';
import { assertHeadMatchesGet } from '../../testing/downloads.js';
import { multipart } from '../../testing/multipart.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');

/** A multipart request's payload and headers for `inject`. */
function formData(fields: Record<string, string | string[]>, file?: { field: string; name: string; data: Buffer }) {
  const body = multipart(fields, file ? { [file.field]: { filename: file.name, data: file.data } } : {});
  return { payload: body.payload, headers: { 'content-type': body.contentType } };
}

async function uploadApp() {
  const app = Fastify();
  await registerUploads(app);
  const echo = async (request: Parameters<typeof uploadedFile>[0]) => {
    const file = uploadedFile(request, 'file');
    return { body: request.body ?? null, file: file && { filename: file.filename, size: file.data.length, truncated: file.truncated } };
  };
  app.post('/upload', { preValidation: readUpload({ fileSize: 10 }) }, echo);
  app.post('/plain', echo);
  await app.ready();
  return app;
}

test('an upload route reads the fields (repeated ones as a list) and keeps the file by its field name', async () => {
  const app = await uploadApp();
  const res = await app.inject({
    method: 'POST',
    url: '/upload',
    ...formData({ title: 'Sprawozdanie', tag: ['a', 'b'] }, { field: 'file', name: 'raport.pdf', data: Buffer.from('12345') }),
  });
  assert.deepEqual(res.json(), {
    body: { title: 'Sprawozdanie', tag: ['a', 'b'] },
    file: { filename: 'raport.pdf', size: 5, truncated: false },
  });
  const other = await app.inject({
    method: 'POST',
    url: '/upload',
    ...formData({}, { field: 'image', name: 'x.png', data: Buffer.from('1') }),
  });
  assert.deepEqual(other.json(), { body: {}, file: null }, 'a file under another name is not the one asked for');
});

test('a file past the limit is cut and marked; too many files are refused; other routes read nothing', async () => {
  const app = await uploadApp();
  const big = await app.inject({
    method: 'POST',
    url: '/upload',
    ...formData({}, { field: 'file', name: 'duzy.pdf', data: Buffer.alloc(25) }),
  });
  assert.deepEqual(big.json().file, { filename: 'duzy.pdf', size: 10, truncated: true });
  const fd = new FormData();
  fd.append('file', new Blob(['a']), 'a.txt');
  fd.append('file', new Blob(['b']), 'b.txt');
  const req = new Request('http://x/', { method: 'POST', body: fd });
  const two = await app.inject({
    method: 'POST',
    url: '/upload',
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type')! },
  });
  assert.equal(two.statusCode, 413);
  const plain = await app.inject({
    method: 'POST',
    url: '/plain',
    ...formData({ title: 'x' }, { field: 'file', name: 'a.pdf', data: PDF }),
  });
  assert.deepEqual(plain.json(), { body: null, file: null });
});

test('file types come from the bytes; hashes are hex SHA-256', async () => {
  assert.equal((await sniffFileType(PDF))?.mime, 'application/pdf');
  assert.equal(await sniffFileType(Buffer.from('gmina;liczba\n')), undefined);
  assert.equal(sha256Hex(Buffer.from('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('file names keep Polish letters, lose paths, and get the real extension', () => {
  assert.equal(cleanFileName('C:\\Users\\ania\\Sprawozdanie łódzkie 2014.DOCX', 'pdf'), 'Sprawozdanie łódzkie 2014.pdf');
  assert.equal(cleanFileName('../../etc/passwd', 'csv'), 'passwd.csv');
  assert.equal(cleanFileName('"\u0007.pdf', 'pdf'), 'dokument.pdf');
});

test('Content-Disposition has an ASCII fallback and the UTF-8 name', () => {
  const h = contentDisposition('Sprawozdanie łódzkie (2014).pdf');
  assert.equal(
    h,
    `attachment; filename="Sprawozdanie lodzkie _2014_.pdf"; filename*=UTF-8''Sprawozdanie%20%C5%82%C3%B3dzkie%20%282014%29.pdf`,
  );
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

test('stored bytes: ETag and 304, one range with 206, 416 past the end, the counter only for the whole file', async () => {
  const app = Fastify();
  let counted = 0;
  const data = Buffer.from('0123456789');
  app.route({
    method: ['GET', 'HEAD'],
    url: '/f',
    handler: async (request, reply) => {
      await sendStored(
        request,
        reply,
        { sha256: 'abc', byteSize: data.length, contentType: 'application/pdf', fileName: 'Łódź.pdf', cacheControl: 'public, no-cache' },
        async () => data,
        async () => void counted++,
      );
      return reply;
    },
  });
  const whole = await app.inject('/f');
  assert.equal(whole.statusCode, 200);
  assert.equal(whole.body, '0123456789');
  assert.equal(whole.headers.etag, '"abc"');
  assert.match(String(whole.headers['content-disposition']), /^attachment; filename="Lodz.pdf"/);
  assert.equal((await app.inject({ url: '/f', headers: { 'if-none-match': '"abc"' } })).statusCode, 304);
  const part = await app.inject({ url: '/f', headers: { range: 'bytes=2-4' } });
  assert.equal(part.statusCode, 206);
  assert.equal(part.body, '234');
  assert.equal(part.headers['content-range'], 'bytes 2-4/10');
  assert.equal(
    (await app.inject({ url: '/f', headers: { range: 'bytes=2-4', 'if-range': '"old"' } })).statusCode,
    200,
    'a changed file is sent whole',
  );
  assert.equal((await app.inject({ url: '/f', headers: { range: 'bytes=10-' } })).statusCode, 416);
  const head = await app.inject({ method: 'HEAD', url: '/f' });
  assert.equal(head.headers['content-length'], '10');
  assert.equal(counted, 2, 'the two whole answers with a body are counted; the range, 304, 416 and HEAD are not');
});

test('HEAD tells what GET sends, whole or a range, without reading or counting; a GET-only route refuses HEAD loudly', async () => {
  const app = Fastify();
  let counted = 0;
  let reads = 0;
  const data = Buffer.from('Zażółć gęślą jaźń — 0123456789');
  const file = {
    sha256: 'abc',
    byteSize: data.length,
    contentType: 'text/plain; charset=utf-8',
    fileName: 'Łódź.txt',
    cacheControl: 'public, no-cache',
  };
  const read = async () => {
    reads++;
    return data;
  };
  app.route({
    method: STORED_FILE_METHODS,
    url: '/f',
    handler: async (request, reply) => {
      await sendStored(request, reply, file, read, async () => void counted++);
      return reply;
    },
  });
  // Fastify's own HEAD for this GET route would answer Content-Length: 0
  app.get('/get-only', async (request, reply) => {
    await sendStored(request, reply, file, read);
    return reply;
  });
  const whole = await assertHeadMatchesGet((o) => app.inject(o), '/f', {}, 4);
  assert.equal(whole.headers['content-length'], String(data.length));
  assert.equal(reads, 2, 'bytes are read for the two GETs only');
  assert.equal(counted, 1, 'only the whole GET is a download');
  const suffix = await app.inject({ method: 'HEAD', url: '/f', headers: { range: 'bytes=-5' } });
  assert.equal(suffix.statusCode, 206);
  assert.equal(suffix.headers['content-length'], '5');
  assert.equal(suffix.headers['content-range'], `bytes ${data.length - 5}-${data.length - 1}/${data.length}`);
  assert.equal((await app.inject({ method: 'HEAD', url: '/f', headers: { range: `bytes=${data.length}-` } })).statusCode, 416);
  assert.equal(counted, 1);
  assert.equal((await app.inject('/get-only')).statusCode, 200);
  const refused = await app.inject({ method: 'HEAD', url: '/get-only' });
  assert.equal(refused.statusCode, 500, 'a HEAD with a wrong length is never sent');
});
