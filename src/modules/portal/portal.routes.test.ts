// The portal through HTTP on both databases: pages (tree, drafts, English fallback, versions,
// comparison, restore), news with an image upload, documents (type and size refusal, download
// headers, ETag, Range, counting), contact form through the outbox, search, the feed parsed with a
// real XML parser and the sitemap checked against its schema, the accessibility statement and its
// meta tag, office hours settings, and who may do what.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { cookieHeader, createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { MAX_DOCUMENT_BYTES, MAX_IMAGE_BYTES } from './files.js';
import { multipart } from '../../testing/multipart.js';
import { docx, PDF, PNG, SVG } from './testing.js';
import { ManualClock } from '../../testing/clock.js';
import { assertHeadMatchesGet } from '../../testing/downloads.js';
import { readSitemap, type SitemapUrl } from '../../testing/sitemap.js';

let t: TestApp;
let editor: string;
let citizen: string;
const clock = new ManualClock('2026-03-10T09:00:00Z');

before(async () => {
  t = await createTestApp({ clock });
  editor = (await loginAs(t, [{ role: 'editor' }])).cookie;
  citizen = (await loginAs(t, [{ role: 'entity_representative' }])).cookie;
});
after(async () => t.close());

const get = (url: string, cookie = '', headers: Record<string, string> = {}) =>
  t.app.inject({ url, headers: { ...(cookie ? { cookie } : {}), ...headers } });

async function post(url: string, fields: Record<string, string>, cookie = editor, formUrl?: string): Promise<LightMyRequestResponse> {
  const page = await get(formUrl ?? url, cookie);
  // anonymous visitors get their session (and so the CSRF secret) with the form page
  const jar = cookie || cookieHeader(page);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...fields }),
  });
}

async function upload(
  url: string,
  fields: Record<string, string>,
  files: Parameters<typeof multipart>[1],
  formUrl: string,
  cookie = editor,
): Promise<LightMyRequestResponse> {
  const page = await get(formUrl, cookie);
  const body = multipart({ _csrf: csrfFrom(page.body), ...fields }, files);
  return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': body.contentType }, payload: body.payload });
}

const idFrom = (res: LightMyRequestResponse) => /\/([0-9a-f-]{36})\?/.exec(res.headers.location as string)![1]!;
const auditOf = async (id: string) =>
  (await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).orderBy('at').execute()).map((r) => r.action);

describe('pages', () => {
  let parentId: string;
  let childId: string;

  test('an editor creates a page and a sub-page; the public sees them at their address', async () => {
    const res = await post('/admin/strony/nowa', {
      title_pl: 'O programie',
      body_pl: '## Cele\n\nWspieramy ekonomię społeczną.',
      is_published: '1',
    });
    assert.equal(res.statusCode, 303, res.body);
    parentId = idFrom(res);
    const child = await post('/admin/strony/nowa', {
      title_pl: 'Zespół ekspercki',
      parent_id: parentId,
      body_pl: 'Skład zespołu.',
      is_published: '1',
      title_en: 'Expert team',
      body_en: 'Members of the team.',
    });
    assert.equal(child.statusCode, 303, child.body);
    childId = idFrom(child);

    const page = await get('/o-programie');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>O programie<\/h1>/);
    assert.match(page.body, /<h2>Cele<\/h2>/);
    const sub = await get('/o-programie/zespol-ekspercki');
    assert.equal(sub.statusCode, 200);
    assert.match(sub.body, /aria-label="W tym dziale"/);
    assert.deepEqual(await auditOf(parentId), ['portal.page.create']);
  });

  test('English: translated page in English, untranslated one in Polish with a note and lang="pl"', async () => {
    const en = await get('/en/o-programie/zespol-ekspercki');
    assert.match(en.body, /<h1>Expert team<\/h1>/);
    assert.doesNotMatch(en.body, /available in Polish only/);
    const fallback = await get('/en/o-programie');
    assert.match(fallback.body, /This content is available in Polish only\./);
    assert.match(fallback.body, /<div lang="pl"><h1>O programie<\/h1>/);
  });

  test('drafts and future publication are hidden; unknown addresses are 404', async () => {
    const draft = await post('/admin/strony/nowa', { title_pl: 'Szkic', body_pl: 'Nie gotowe.' });
    assert.equal(draft.statusCode, 303);
    assert.equal((await get('/szkic')).statusCode, 404);
    const later = await post('/admin/strony/nowa', {
      title_pl: 'Jutro',
      body_pl: 'Wkrótce.',
      is_published: '1',
      publish_at: '2026-03-11T08:00',
    });
    assert.equal(later.statusCode, 303);
    assert.equal((await get('/jutro')).statusCode, 404);
    clock.set('2026-03-11T07:01:00Z'); // 08:01 in Warsaw
    assert.equal((await get('/jutro')).statusCode, 200);
    clock.set('2026-03-10T09:00:00Z');
    assert.equal((await get('/nie/ma/takiej')).statusCode, 404);
    assert.equal((await get('/Wielkie-Litery')).statusCode, 404);
  });

  test('bad input is refused with every problem listed and nothing saved', async () => {
    const before = await t.ctx.db.selectFrom('pages').select('id').execute();
    const res = await post('/admin/strony/nowa', { title_pl: '', slug: 'Zły Adres', body_pl: '#### Za głęboko', title_en: 'Only title' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Pole „Tytuł” jest wymagane/);
    assert.match(res.body, /Pole „Adres \(fragment adresu strony\)” może zawierać tylko/);
    assert.match(res.body, /nie pomijaj poziomów/);
    assert.match(res.body, /Pole „Treść \(angielska\)” jest wymagane, gdy dodajesz wersję angielską/);
    const taken = await post('/admin/strony/nowa', { title_pl: 'O programie', body_pl: 'x' });
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /Adres „o-programie” jest już zajęty/);
    const reserved = await post('/admin/strony/nowa', { title_pl: 'Admin', slug: 'admin', body_pl: 'x' });
    assert.match(reserved.body, /zarezerwowany/);
    assert.equal((await t.ctx.db.selectFrom('pages').select('id').execute()).length, before.length);
  });

  test('preview renders the sanitised body without saving', async () => {
    const res = await post('/admin/strony/nowa', {
      action: 'preview',
      title_pl: 'Podgląd',
      body_pl: '## Tytuł\n\n<script>alert(1)</script> **tekst**',
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h2>Tytuł<\/h2>/);
    assert.match(res.body, /<strong>tekst<\/strong>/);
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.equal(await t.ctx.db.selectFrom('pages').select('id').where('slug', '=', 'podglad').executeTakeFirst(), undefined);
    const api = await post('/admin/podglad', { body: '# Zły\n\n[x](javascript:alert(1))' }, editor, '/admin/strony/nowa');
    assert.equal(api.statusCode, 200);
    const json = api.json() as { html: string; problems: string[] };
    assert.doesNotMatch(json.html, /href="javascript:/);
    assert.equal(json.problems.length, 1);
  });

  test('every edit keeps a version; two versions compare word by word; restoring brings the old text back', async () => {
    const edit = await post(`/admin/strony/${parentId}`, {
      title_pl: 'O programie',
      slug: 'o-programie',
      position: '0',
      body_pl: '## Cele\n\nWspieramy rozwój ekonomii społecznej w regionie.',
      is_published: '1',
    });
    assert.equal(edit.statusCode, 303, edit.body);
    const versions = await get(`/admin/strony/${parentId}/wersje`, editor);
    assert.match(versions.body, /wersja 2/);
    assert.match(versions.body, /wersja 1/);
    const cmp = await get(`/admin/strony/${parentId}/wersje/porownaj?a=1&b=2`, editor);
    assert.equal(cmp.statusCode, 200);
    assert.match(cmp.body, /<del><span class="visually-hidden">usunięto: <\/span>ekonomię<\/del>/);
    assert.match(cmp.body, /<ins><span class="visually-hidden">dodano: <\/span>rozwój<\/ins>/);
    const restore = await post(`/admin/strony/${parentId}/wersje/1/przywroc`, {}, editor, `/admin/strony/${parentId}/wersje`);
    assert.equal(restore.statusCode, 303);
    assert.match((await get('/o-programie')).body, /Wspieramy ekonomię społeczną\./);
    const after = await get(`/admin/strony/${parentId}/wersje`, editor);
    assert.match(after.body, /wersja 3/);
    assert.match(after.body, /przywrócona z wersji 1/);
    assert.deepEqual(await auditOf(parentId), ['portal.page.create', 'portal.page.update', 'portal.page.restore']);
  });

  test('moving a page moves its sub-pages; a page with sub-pages cannot be deleted', async () => {
    const res = await post(`/admin/strony/${parentId}`, { title_pl: 'O programie', slug: 'program-2020', body_pl: 'x', is_published: '1' });
    assert.equal(res.statusCode, 303);
    assert.equal((await get('/program-2020/zespol-ekspercki')).statusCode, 200);
    const del = await post(`/admin/strony/${parentId}/usun`, {}, editor, `/admin/strony/${parentId}`);
    assert.equal(del.statusCode, 409);
    assert.match(del.body, /Nie można usunąć strony, która ma podstrony/);
    const cycle = await post(`/admin/strony/${parentId}`, {
      title_pl: 'O programie',
      slug: 'program-2020',
      parent_id: childId,
      body_pl: 'x',
    });
    assert.equal(cycle.statusCode, 400);
    assert.equal((await post(`/admin/strony/${childId}/usun`, {}, editor, `/admin/strony/${childId}`)).statusCode, 303);
    assert.equal((await get('/program-2020/zespol-ekspercki')).statusCode, 404);
  });
});

describe('news', () => {
  let newsId: string;

  test('an image without alternative text is refused; SVG is refused; a PNG with alt text is published', async () => {
    const fields = {
      title_pl: 'Konferencja ekonomii społecznej',
      category: 'wydarzenia',
      lead_pl: 'Zapraszamy na konferencję.',
      body_pl: '## Program\n\nSzczegóły wkrótce.',
      is_published: '1',
    };
    const noAlt = await upload(
      '/admin/aktualnosci/nowa',
      fields,
      { image: { filename: 'zdjecie.png', contentType: 'image/png', data: PNG } },
      '/admin/aktualnosci/nowa',
    );
    assert.equal(noAlt.statusCode, 400);
    assert.match(noAlt.body, /Pole „Tekst alternatywny zdjęcia” jest wymagane/);
    const svg = await upload(
      '/admin/aktualnosci/nowa',
      { ...fields, image_alt_pl: 'Logo' },
      { image: { filename: 'logo.png', contentType: 'image/png', data: SVG } },
      '/admin/aktualnosci/nowa',
    );
    assert.equal(svg.statusCode, 415);
    assert.match(svg.body, /nie jest obrazem PNG, JPEG ani WebP/);
    const big = await upload(
      '/admin/aktualnosci/nowa',
      { ...fields, image_alt_pl: 'Duże' },
      { image: { filename: 'duze.png', contentType: 'image/png', data: Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)]) } },
      '/admin/aktualnosci/nowa',
    );
    assert.equal(big.statusCode, 413);
    assert.equal((await t.ctx.db.selectFrom('news').select('id').execute()).length, 0);
    assert.equal((await t.ctx.db.selectFrom('media').select('id').execute()).length, 0);

    const ok = await upload(
      '/admin/aktualnosci/nowa',
      { ...fields, image_alt_pl: 'Sala konferencyjna pełna uczestników' },
      { image: { filename: 'sala.png', contentType: 'image/png', data: PNG } },
      '/admin/aktualnosci/nowa',
    );
    assert.equal(ok.statusCode, 303, ok.body);
    newsId = idFrom(ok);
    const list = await get('/aktualnosci');
    assert.match(list.body, /Konferencja ekonomii społecznej/);
    const item = await get('/aktualnosci/konferencja-ekonomii-spolecznej');
    assert.equal(item.statusCode, 200);
    const img = /<img src="(\/media\/[0-9a-f-]+)" alt="Sala konferencyjna pełna uczestników"/.exec(item.body);
    assert.ok(img, 'the article shows the image with its alternative text');
    const media = await get(img[1]!);
    assert.equal(media.statusCode, 200);
    assert.equal(media.headers['content-type'], 'image/png');
    assert.match(String(media.headers['cache-control']), /immutable/);
    assert.equal((await get(img[1]!, '', { 'if-none-match': String(media.headers.etag) })).statusCode, 304);
    assert.ok((await assertHeadMatchesGet((o) => t.app.inject(o), img[1]!)).rawPayload.equals(PNG));
    assert.ok((await get('/')).body.includes('Konferencja ekonomii społecznej'), 'the home page lists the latest news');
  });

  test('categories filter the list; an unknown category is a 400', async () => {
    assert.match((await get('/aktualnosci?kategoria=wydarzenia')).body, /Konferencja/);
    assert.doesNotMatch((await get('/aktualnosci?kategoria=szkolenia')).body, /Konferencja ekonomii/);
    assert.equal((await get('/aktualnosci?kategoria=nic')).statusCode, 400);
  });

  test('editing keeps versions and the image; the feed is valid Atom with absolute links', async () => {
    const res = await upload(
      `/admin/aktualnosci/${newsId}`,
      {
        title_pl: 'Konferencja ekonomii społecznej 2026',
        slug: 'konferencja-ekonomii-spolecznej',
        category: 'wydarzenia',
        lead_pl: 'Zapraszamy.',
        body_pl: 'Treść & więcej <b>',
        image_id: (await t.ctx.db.selectFrom('news').select('image_id').executeTakeFirstOrThrow()).image_id!,
        image_alt_pl: 'Sala',
        is_published: '1',
      },
      {},
      `/admin/aktualnosci/${newsId}`,
    );
    assert.equal(res.statusCode, 303, res.body);
    assert.match((await get(`/admin/aktualnosci/${newsId}/wersje`, editor)).body, /wersja 2/);
    const feed = await get('/aktualnosci/feed.xml');
    assert.equal(feed.headers['content-type'], 'application/atom+xml; charset=utf-8');
    const doc = new XMLParser({ ignoreAttributes: false }).parse(feed.body) as { feed: Record<string, any> };
    assert.equal(doc.feed['@_xmlns'], 'http://www.w3.org/2005/Atom');
    for (const key of ['id', 'title', 'updated', 'author']) assert.ok(doc.feed[key], `feed has ${key}`);
    const entry = Array.isArray(doc.feed.entry) ? doc.feed.entry[0] : doc.feed.entry;
    assert.equal(entry.title, 'Konferencja ekonomii społecznej 2026');
    assert.equal(entry.link['@_href'], `${t.config.publicUrl}/aktualnosci/konferencja-ekonomii-spolecznej`);
    assert.match(String(entry.content['#text'] ?? entry.content), /Treść &amp; więcej &lt;b&gt;/);
    const en = new XMLParser({ ignoreAttributes: false }).parse((await get('/en/aktualnosci/feed.xml')).body) as {
      feed: Record<string, any>;
    };
    assert.equal(en.feed['@_xml:lang'], 'en');
  });

  test('the home page lists the latest news: an edit shows at once, a scheduled item at its publication time', async () => {
    // the list is kept until a write to the news or the next scheduled publication
    assert.match((await get('/')).body, /Konferencja ekonomii społecznej 2026/, 'the edit of the previous test');
    const scheduled = await post('/admin/aktualnosci/nowa', {
      title_pl: 'Nabór wniosków otwarty',
      title_en: 'Call for applications open',
      category: 'wydarzenia',
      lead_pl: 'Nabór rusza jutro.',
      lead_en: 'The call opens tomorrow.',
      body_pl: 'Szczegóły.',
      body_en: 'Details.',
      is_published: '1',
      publish_at: '2026-03-11T08:00',
    });
    assert.equal(scheduled.statusCode, 303, scheduled.body);
    try {
      assert.doesNotMatch((await get('/')).body, /Nabór wniosków otwarty/, 'not before its time');
      clock.set('2026-03-11T06:59:00Z'); // 07:59 in Warsaw
      assert.doesNotMatch((await get('/')).body, /Nabór wniosków otwarty/);
      clock.set('2026-03-11T07:00:00Z'); // 08:00 in Warsaw: published, with no write since
      assert.match((await get('/')).body, /Nabór wniosków otwarty/);
      assert.match((await get('/en')).body, /Call for applications open/);
    } finally {
      clock.set('2026-03-10T09:00:00Z');
      await t.ctx.db.deleteFrom('news').where('title_pl', '=', 'Nabór wniosków otwarty').execute();
    }
  });
});

describe('documents', () => {
  let docId: string;

  test('wrong type and too large files are refused; nothing is saved', async () => {
    const meta = {
      title_pl: 'Sprawozdanie z realizacji programu',
      category: 'raporty',
      doc_date: '2015-03-31',
      label_pl: 'tekst przyjęty',
      is_published: '1',
      is_accessible: '1',
    };
    const exe = await upload(
      '/admin/dokumenty/nowy',
      meta,
      { file: { filename: 'sprawozdanie.pdf', contentType: 'application/pdf', data: Buffer.from('MZ\x90\x00 not a pdf') } },
      '/admin/dokumenty/nowy',
    );
    assert.equal(exe.statusCode, 415);
    assert.match(exe.body, /ma nieobsługiwany format/);
    const big = await upload(
      '/admin/dokumenty/nowy',
      meta,
      { file: { filename: 'duzy.pdf', contentType: 'application/pdf', data: Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT_BYTES)]) } },
      '/admin/dokumenty/nowy',
    );
    assert.equal(big.statusCode, 413);
    assert.match(big.body, /najwyżej 50 MB/);
    const none = await upload('/admin/dokumenty/nowy', { ...meta, title_pl: '' }, {}, '/admin/dokumenty/nowy');
    assert.equal(none.statusCode, 400);
    assert.equal((await t.ctx.db.selectFrom('documents').select('id').execute()).length, 0);
  });

  test('a document with two versions: the newest is the default download, with correct headers', async () => {
    const res = await upload(
      '/admin/dokumenty/nowy',
      {
        title_pl: 'Sprawozdanie z realizacji programu',
        category: 'raporty',
        doc_date: '2015-03-31',
        label_pl: 'projekt',
        version_date: '2015-02-01',
        is_published: '1',
      },
      { file: { filename: 'Sprawozdanie łódzkie.docx', contentType: 'application/octet-stream', data: PDF } },
      '/admin/dokumenty/nowy',
    );
    assert.equal(res.statusCode, 303, res.body);
    docId = idFrom(res);
    const word = await docx();
    const v2 = await upload(
      `/admin/dokumenty/${docId}/wersja`,
      { label_pl: 'tekst przyjęty', version_date: '2015-03-31' },
      { file: { filename: 'Sprawozdanie przyjęte.docx', contentType: 'application/octet-stream', data: word } },
      `/admin/dokumenty/${docId}`,
    );
    assert.equal(v2.statusCode, 303, v2.body);

    const page = await get(`/dokumenty/${docId}`);
    assert.match(page.body, /tekst przyjęty/);
    assert.match(page.body, /DOCX, \d+ kB/);
    assert.match(page.body, /PDF, \d+ B/);
    const list = await get('/dokumenty');
    assert.match(list.body, /Sprawozdanie z realizacji programu/);

    const dl = await get(`/dokumenty/${docId}/pobierz`);
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(
      dl.headers['content-disposition'],
      `attachment; filename="Sprawozdanie przyjete.docx"; filename*=UTF-8''Sprawozdanie%20przyj%C4%99te.docx`,
    );
    assert.equal(dl.headers['accept-ranges'], 'bytes');
    assert.equal(Number(dl.headers['content-length']), word.length);
    assert.ok(dl.rawPayload.equals(word));
    const etag = String(dl.headers.etag);
    assert.match(etag, /^"[0-9a-f]{64}"$/);

    const range = await get(`/dokumenty/${docId}/pobierz`, '', { range: 'bytes=0-9' });
    assert.equal(range.statusCode, 206);
    assert.equal(range.headers['content-range'], `bytes 0-9/${word.length}`);
    assert.ok(range.rawPayload.equals(word.subarray(0, 10)));
    const tail = await get(`/dokumenty/${docId}/pobierz`, '', { range: 'bytes=-5' });
    assert.ok(tail.rawPayload.equals(word.subarray(word.length - 5)));
    const past = await get(`/dokumenty/${docId}/pobierz`, '', { range: `bytes=${word.length}-` });
    assert.equal(past.statusCode, 416);
    assert.equal(past.headers['content-range'], `bytes */${word.length}`);
    assert.equal((await get(`/dokumenty/${docId}/pobierz`, '', { 'if-none-match': etag })).statusCode, 304);
    assert.equal((await get(`/dokumenty/${docId}/pobierz`, '', { range: 'bytes=0-9', 'if-range': '"other"' })).statusCode, 200);

    // the PDF sent as .docx is served as a PDF under a .pdf name
    const older = await t.ctx.db
      .selectFrom('document_files')
      .select(['id', 'file_name', 'content_type'])
      .where('label_pl', '=', 'projekt')
      .executeTakeFirstOrThrow();
    assert.equal(older.file_name, 'Sprawozdanie łódzkie.pdf');
    assert.equal(older.content_type, 'application/pdf');
    assert.equal((await get(`/dokumenty/pliki/${older.id}`)).headers['content-type'], 'application/pdf');

    const counts = await t.ctx.db.selectFrom('document_files').select(['label_pl', 'download_count']).orderBy('label_pl').execute();
    assert.deepEqual(counts, [
      { label_pl: 'projekt', download_count: 1 },
      { label_pl: 'tekst przyjęty', download_count: 2 },
    ]);
    assert.deepEqual(await auditOf(docId), ['portal.document.create', 'portal.document.file_add']);
  });

  test('HEAD of a download answers what GET does (length, type, ETag, range) and is not counted as a download', async () => {
    const files = await t.ctx.db
      .selectFrom('document_files')
      .select(['id', 'byte_size', 'download_count'])
      .where('document_id', '=', docId)
      .orderBy('label_pl')
      .execute();
    const newest = files.find((f) => f.byte_size > 100)!;
    const count = async (id: string) =>
      (await t.ctx.db.selectFrom('document_files').select('download_count').where('id', '=', id).executeTakeFirstOrThrow()).download_count;
    const before = new Map(files.map((f) => [f.id, f.download_count]));
    const dl = await assertHeadMatchesGet((o) => t.app.inject(o), `/dokumenty/${docId}/pobierz`);
    assert.equal(Number(dl.headers['content-length']), newest.byte_size);
    assert.equal(await count(newest.id), before.get(newest.id)! + 1, 'the one whole GET is counted; the HEADs and the range are not');
    for (const f of files) {
      await assertHeadMatchesGet((o) => t.app.inject(o), `/dokumenty/pliki/${f.id}`);
      assert.equal(await count(f.id), before.get(f.id)! + (f.id === newest.id ? 2 : 1));
    }
    // the editors' view of an unpublished document answers HEAD the same way
    await assertHeadMatchesGet((o) => t.app.inject(o), `/dokumenty/${docId}/pobierz`, { cookie: editor });
    const head = await t.app.inject({
      method: 'HEAD',
      url: `/dokumenty/${docId}/pobierz`,
      headers: { 'if-none-match': String(dl.headers.etag) },
    });
    assert.equal(head.statusCode, 304);
  });

  test('unpublished documents are not public; the last version cannot be deleted', async () => {
    const res = await upload(
      '/admin/dokumenty/nowy',
      { title_pl: 'Projekt formularza', category: 'formularze', doc_date: '2026-01-10', label_pl: 'projekt' },
      { file: { filename: 'dane.csv', contentType: 'text/csv', data: Buffer.from('gmina;liczba\nToruń;1\n') } },
      '/admin/dokumenty/nowy',
    );
    assert.equal(res.statusCode, 303, res.body);
    const id = idFrom(res);
    assert.equal((await get(`/dokumenty/${id}`)).statusCode, 404);
    assert.equal((await get(`/dokumenty/${id}/pobierz`)).statusCode, 404);
    assert.equal((await get(`/dokumenty/${id}/pobierz`, editor)).statusCode, 200);
    const file = await t.ctx.db.selectFrom('document_files').select('id').where('document_id', '=', id).executeTakeFirstOrThrow();
    const del = await post(`/admin/dokumenty/${id}/pliki/${file.id}/usun`, {}, editor, `/admin/dokumenty/${id}`);
    assert.equal(del.statusCode, 409);
  });

  test('downloads are revalidated on every use, so a document unpublished later is no longer served from a cache', async () => {
    const res = await upload(
      '/admin/dokumenty/nowy',
      { title_pl: 'Uchwała do wycofania', category: 'formularze', doc_date: '2026-01-10', label_pl: 'projekt', is_published: '1' },
      { file: { filename: 'dane.csv', contentType: 'text/csv', data: Buffer.from('gmina;liczba\nToruń;2\n') } },
      '/admin/dokumenty/nowy',
    );
    assert.equal(res.statusCode, 303, res.body);
    const id = idFrom(res);
    const file = await t.ctx.db.selectFrom('document_files').select('id').where('document_id', '=', id).executeTakeFirstOrThrow();
    const urls = [`/dokumenty/${id}/pobierz`, `/dokumenty/pliki/${file.id}`];
    const etags: string[] = [];
    for (const url of urls) {
      const dl = await get(url);
      assert.equal(dl.statusCode, 200);
      assert.equal(dl.headers['cache-control'], 'public, no-cache', `${url}: a cache must ask again before reuse`);
      etags.push(String(dl.headers.etag));
      assert.equal(
        (await get(url, '', { 'if-none-match': String(dl.headers.etag) })).statusCode,
        304,
        'revalidation is cheap while published',
      );
    }
    await t.ctx.db.updateTable('documents').set({ is_published: false }).where('id', '=', id).execute();
    for (const [i, url] of urls.entries())
      assert.equal((await get(url, '', { 'if-none-match': etags[i]! })).statusCode, 404, `${url}: gone once unpublished`);
  });
});

describe('search, sitemap, robots', () => {
  test('search groups results by type with counts, folding Polish letters', async () => {
    const res = await get('/szukaj?q=sprawozdanie');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Dokumenty <span class="portal-count">\(1 wynik\)<\/span>/);
    const folded = await get('/szukaj?q=KONFERENCJA%20spoleczna');
    assert.match(folded.body, /Aktualności <span class="portal-count">\(1 wynik\)<\/span>/);
    const none = await get('/szukaj?q=xyzzyqq');
    assert.match(none.body, /Znaleziono 0 wyników/);
    const quotes = await get(`/szukaj?q=${encodeURIComponent('" OR 1=1 -- * NEAR(')}`);
    assert.equal(quotes.statusCode, 200);
  });

  test('sitemap: an index of parts valid against the schema, pages in Polish and English with alternates; robots.txt points to it', async () => {
    const base = t.config.publicUrl;
    const urls = new Map<string, SitemapUrl>();
    await readSitemap(t.app, base, (u) => urls.set(u.loc, u));
    for (const p of [
      '/',
      '/en',
      '/aktualnosci/konferencja-ekonomii-spolecznej',
      '/en/aktualnosci/konferencja-ekonomii-spolecznej',
      '/program-2020',
      '/deklaracja-dostepnosci',
    ])
      assert.ok(urls.has(`${base}${p}`), `sitemap lists ${p}`);
    assert.ok(![...urls.keys()].some((l) => l.includes('szkic')), 'drafts are not listed');
    const entry = urls.get(`${base}/program-2020`)!;
    assert.deepEqual(entry.alternates, { pl: `${base}/program-2020`, en: `${base}/en/program-2020` });
    assert.match(entry.lastmod ?? '', /^\d{4}-\d{2}-\d{2}$/);
    const robots = await get('/robots.txt');
    assert.match(robots.body, /Disallow: \/admin/);
    assert.match(robots.body, new RegExp(`Sitemap: ${base}/sitemap.xml`));
  });
});

describe('accessibility statement', () => {
  const IDS = [
    'a11y-wstep',
    'a11y-podmiot',
    'a11y-zakres',
    'a11y-url',
    'a11y-data-publikacja',
    'a11y-data-aktualizacja',
    'a11y-status',
    'a11y-kontakt',
    'a11y-email',
    'a11y-telefon',
    'a11y-procedura',
    'a11y-data-sporzadzenie',
    'a11y-architektura',
    'a11y-komunikacja',
  ];

  test('every required element appears exactly once; dates are <time datetime>; optional ones only when set', async () => {
    for (const lang of ['', '/en']) {
      const res = await get(`${lang}/deklaracja-dostepnosci`);
      for (const id of IDS) assert.equal(res.body.split(`id="${id}"`).length - 1, 1, `${id} once in ${lang || 'pl'}`);
      assert.match(res.body, /<time id="a11y-data-publikacja" datetime="\d{4}-\d{2}-\d{2}">/);
      for (const id of ['a11y-data-przeglad', 'a11y-ocena', 'a11y-aplikacje']) assert.ok(!res.body.includes(`id="${id}"`));
    }
    const save = await post('/admin/deklaracja-dostepnosci', {
      published_on: '2026-01-15',
      updated_on: '2026-02-01',
      prepared_on: '2026-02-01',
      reviewed_on: '2026-03-01',
      status: 'partial',
      non_compliance_pl: 'Filmy bez napisów',
      assessment_by: 'Audytor Dostępności',
      contact_name: 'Jan Kowalski',
      contact_email: 'dostepnosc@example.pl',
      contact_phone: '56 000 00 00',
      architecture_pl: 'Wejście bez progów.',
      communication_pl: 'Tłumacz PJM na życzenie.',
      apps_pl: 'Brak aplikacji mobilnych.',
    });
    assert.equal(save.statusCode, 303, save.body);
    const res = await get('/deklaracja-dostepnosci');
    for (const id of [...IDS, 'a11y-data-przeglad', 'a11y-ocena', 'a11y-aplikacje'])
      assert.equal(res.body.split(`id="${id}"`).length - 1, 1, id);
    assert.match(res.body, /<a id="a11y-email" href="mailto:dostepnosc@example.pl">/);
    assert.match(res.body, /<time id="a11y-data-przeglad" datetime="2026-03-01">2026-03-01<\/time>/);
    const bad = await post('/admin/deklaracja-dostepnosci', {
      published_on: '2026-02-30',
      updated_on: '',
      prepared_on: '2026-01-01',
      status: 'partial',
      contact_name: 'x',
      architecture_pl: 'x',
      communication_pl: 'x',
    });
    assert.equal(bad.statusCode, 400);
  });

  test('every page carries the statement meta tag and links to the statement', async () => {
    for (const url of ['/', '/en/kontakt', '/nie-ma-takiej-strony', '/aktualnosci']) {
      const res = await get(url);
      const lang = url.startsWith('/en') ? '/en' : '';
      assert.ok(
        res.body.includes(`<meta name="deklaracja-dostępności" content="${t.config.publicUrl}${lang}/deklaracja-dostepnosci"/>`),
        `${url} has the meta tag`,
      );
      assert.ok(res.body.includes(`href="${lang}/deklaracja-dostepnosci"`), `${url} links to the statement`);
    }
  });
});

describe('contact and office hours', () => {
  test('without an e-mail address the form is unavailable; editors set contact data and hours (audited)', async () => {
    const page = await get('/kontakt');
    assert.match(page.body, /Formularz kontaktowy jest wyłączony, bo w ustawieniach serwisu nie podano adresu e-mail instytucji/);
    assert.match(page.body, /ul. Janiny Bartkiewiczówny 93/);
    assert.match(page.body, /Otwarte — zamykamy dziś o 17:00/); // Tuesday 10:00
    const values = {
      name: 'Regionalny Ośrodek Polityki Społecznej w Toruniu',
      street: 'ul. Janiny Bartkiewiczówny 93',
      postal_code: '87-100',
      city: 'Toruń',
      email: 'kontakt@rops.example.pl',
      open_mon: '7:30',
      close_mon: '15:30',
      open_tue: '7:30',
      close_tue: '17:00',
      open_wed: '7:30',
      close_wed: '15:30',
      open_thu: '7:30',
      close_thu: '15:30',
      open_fri: '7:30',
      close_fri: '14:00',
      closed_days: '2026-03-10 dzień wolny za sobotę',
    };
    const bad = await post('/admin/kontakt', { ...values, postal_code: '87100', open_mon: '25:00', closed_days: 'jutro' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /format 00-000/);
    assert.match(bad.body, /wiersz 1/);
    const ok = await post('/admin/kontakt', values);
    assert.equal(ok.statusCode, 303, ok.body);
    const after = await get('/kontakt');
    assert.match(after.body, /Zamknięte — otwieramy jutro o 7:30/);
    assert.match(after.body, /dzień wolny za sobotę/);
    const actions = (await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'site.institution.update').execute())
      .length;
    assert.equal(actions, 1);
  });

  test('the contact form goes to the outbox for the institution; honeypot and consent', async () => {
    const fields = {
      name: 'Anna Nowak',
      email: 'anna@example.pl',
      subject: 'Pytanie o program',
      message: 'Czy program obejmuje spółdzielnie socjalne?',
      consent: '1',
    };
    const noConsent = await post('/kontakt', { ...fields, consent: '' }, '');
    assert.equal(noConsent.statusCode, 400);
    assert.match(noConsent.body, /Zaznacz pole/);
    const bot = await post('/kontakt', { ...fields, website: 'http://spam.example' }, '');
    assert.equal(bot.statusCode, 303);
    assert.equal((await t.ctx.db.selectFrom('mail_outbox').select('id').where('template', '=', 'contact_message').execute()).length, 0);
    const ok = await post('/kontakt', fields, '');
    assert.equal(ok.statusCode, 303);
    const mail = await t.ctx.db.selectFrom('mail_outbox').selectAll().where('template', '=', 'contact_message').execute();
    assert.equal(mail.length, 1);
    assert.equal(mail[0]!.to_address, 'kontakt@rops.example.pl');
    assert.match(mail[0]!.text_body, /Anna Nowak/);
    assert.match(mail[0]!.text_body, /spółdzielnie socjalne/);
    assert.match((await get('/kontakt?ok=wyslano')).body, /wiadomość została przyjęta/);
  });

  test('without the CSRF token nothing is sent', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/kontakt',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ name: 'x', email: 'x@example.pl', subject: 'x', message: 'xxxxxxxxxxxx', consent: '1' }),
    });
    assert.equal(res.statusCode, 403);
  });
});

describe('who may do what', () => {
  test('anonymous visitors are sent to login, citizens get 403, uploads are refused before reading', async () => {
    for (const url of ['/admin/strony', '/admin/aktualnosci/nowa', '/admin/dokumenty', '/admin/kontakt', '/admin/deklaracja-dostepnosci']) {
      assert.equal((await get(url)).statusCode, 302, url);
      assert.equal((await get(url, citizen)).statusCode, 403, url);
    }
    const body = multipart({ title_pl: 'x' }, { file: { filename: 'a.pdf', contentType: 'application/pdf', data: PDF } });
    const anon = await t.app.inject({
      method: 'POST',
      url: '/admin/dokumenty/nowy',
      headers: { 'content-type': body.contentType },
      payload: body.payload,
    });
    assert.equal(anon.statusCode, 401);
    const cit = await t.app.inject({
      method: 'POST',
      url: '/admin/dokumenty/nowy',
      headers: { cookie: citizen, 'content-type': body.contentType },
      payload: body.payload,
    });
    assert.equal(cit.statusCode, 403);
  });
});
