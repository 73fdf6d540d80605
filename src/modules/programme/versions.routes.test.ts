// Versions of the programme text through HTTP on both databases: import from Markdown and from a
// Word file made here with the `docx` package (preview first, then save), files refused by their
// content, the public text with numbered sections and anchors, the comparison page with <ins>/<del>
// and its summary, and the section editor (add, edit, move, delete) open to editors too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { repeatedParagraphDocx } from '../../core/text/docx.testing.js';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { createProgramme, checkProgrammeForm } from './programme.service.js';
import { multipart } from '../../testing/multipart.js';

let t: TestApp;
let editor: string;
let programmeId: string;
const SLUG = 'program-wersje';

before(async () => {
  t = await createTestApp({ reference: false });
  editor = (await loginAs(t, [{ role: 'editor' }])).cookie;
  const input = await checkProgrammeForm(t.ctx, { title: 'Program do porównań', slug: SLUG, period_from: '2025', period_to: '2030' }, null);
  programmeId = await createProgramme(t.ctx, input, { actorId: null, ip: null });
});
after(async () => t.close());

const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });
const adminBase = () => `/admin/program/${programmeId}/wersje`;

async function csrf(page = adminBase()): Promise<string> {
  return csrfFrom((await get(page, editor)).body);
}

async function post(url: string, values: Record<string, string>, formPage = adminBase()) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: editor, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ ...values, _csrf: await csrf(formPage) }),
  });
}

const fileUpload = (fields: Record<string, string>, file: { name: string; data: Buffer; type: string } | null) =>
  multipart(fields, file ? { file: { filename: file.name, contentType: file.type, data: file.data } } : {});

async function importFile(label: string, file: { name: string; data: Buffer; type: string } | null, cookie = editor) {
  const { payload, contentType } = fileUpload({ _csrf: await csrf(), label, note: '' }, file);
  return t.app.inject({ method: 'POST', url: `${adminBase()}/import`, headers: { cookie, 'content-type': contentType }, payload });
}

/** Follows the preview: the confirm form's hidden fields are sent as they are. */
async function confirmPreview(html: string) {
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([a-z_]+)" value="([^"]*)"/g)].map((m) => [
      m[1]!,
      m[2]!
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    ]),
  );
  return t.app.inject({
    method: 'POST',
    url: `${adminBase()}/nowa`,
    headers: { cookie: editor, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(hidden),
  });
}

const MARKDOWN_V1 = `# 1. Diagnoza

Region ma wiele podmiotów ekonomii społecznej.

# 2. Cele

Cel główny: więcej miejsc pracy.

## 2.1. Cele szczegółowe

Wsparcie spółdzielni socjalnych.

# 3. Finansowanie

Środki własne województwa.
`;

describe('programme text versions', () => {
  test('Markdown import: preview with parsed sections, nothing saved until confirmed', async () => {
    const preview = await importFile('Projekt do konsultacji', {
      name: 'program.md',
      data: Buffer.from(MARKDOWN_V1, 'utf8'),
      type: 'text/markdown',
    });
    assert.equal(preview.statusCode, 200, preview.body.slice(0, 3000));
    assert.match(preview.body, /Z pliku \(z pliku Markdown\) odczytano sekcje: 4/);
    assert.match(preview.body, /<h2>2\.1 Cele szczegółowe<\/h2>/);
    assert.equal((await t.ctx.db.selectFrom('programme_versions').selectAll().where('programme_id', '=', programmeId).execute()).length, 0);
    const saved = await confirmPreview(preview.body);
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
    assert.equal(saved.headers.location, `${adminBase()}/1?ok=utworzono`);
    const sections = await t.ctx.db
      .selectFrom('programme_sections as s')
      .innerJoin('programme_versions as v', 'v.id', 's.version_id')
      .select(['s.number', 's.heading', 's.body', 'v.source', 'v.label'])
      .where('v.programme_id', '=', programmeId)
      .orderBy('s.position')
      .execute();
    assert.deepEqual(
      sections.map((s) => [s.number, s.heading]),
      [
        ['1', 'Diagnoza'],
        ['2', 'Cele'],
        ['2.1', 'Cele szczegółowe'],
        ['3', 'Finansowanie'],
      ],
    );
    assert.equal(sections[0]!.source, 'markdown');
    assert.equal(sections[0]!.label, 'Projekt do konsultacji');
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'programme.version.create').execute();
    assert.equal(audit.length, 1);
  });

  test('DOCX import: Word headings become numbered sections', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '1. Diagnoza', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Region ma wiele aktywnych podmiotów ekonomii społecznej.' }),
            new Paragraph({ text: '2. Cele', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Cel główny: więcej miejsc pracy dla osób zagrożonych wykluczeniem.' }),
            new Paragraph({ text: '2.1. Cele szczegółowe', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Wsparcie spółdzielni socjalnych.' }),
            new Paragraph({ text: '4. Monitoring', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Coroczne sprawozdanie.' }),
          ],
        },
      ],
    });
    const data = await Packer.toBuffer(doc);
    // the name lies; the content decides
    const preview = await importFile('Tekst po konsultacjach', { name: 'program.pdf', data, type: 'application/octet-stream' });
    assert.equal(preview.statusCode, 200, preview.body.slice(0, 3000));
    assert.match(preview.body, /z pliku Word/);
    const saved = await confirmPreview(preview.body);
    assert.equal(saved.statusCode, 303);
    const v2 = await t.ctx.db
      .selectFrom('programme_versions')
      .selectAll()
      .where('programme_id', '=', programmeId)
      .where('number', '=', 2)
      .executeTakeFirstOrThrow();
    assert.equal(v2.source, 'docx');
    const sections = await t.ctx.db
      .selectFrom('programme_sections')
      .select(['number', 'heading', 'body'])
      .where('version_id', '=', v2.id)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      sections.map((s) => [s.number, s.heading]),
      [
        ['1', 'Diagnoza'],
        ['2', 'Cele'],
        ['2.1', 'Cele szczegółowe'],
        ['4', 'Monitoring'],
      ],
    );
    assert.equal(sections[1]!.body, 'Cel główny: więcej miejsc pracy dla osób zagrożonych wykluczeniem.');
  });

  test('files are refused by their content, with the problem on the form and nothing saved', async () => {
    const before = (await t.ctx.db.selectFrom('programme_versions').selectAll().execute()).length;
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c40000000049454e44ae426082',
      'hex',
    );
    const image = await importFile('Obraz', { name: 'program.md', data: png, type: 'text/markdown' });
    assert.equal(image.statusCode, 400);
    assert.match(image.body, /Plik nie jest dokumentem Word \(.docx\) ani tekstem Markdown w UTF-8/);
    const none = await importFile('', null);
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Wybierz plik do importu/);
    assert.match(none.body, /Pole „Nazwa wersji” jest wymagane/);
    const duplicate = await importFile('Zła numeracja', {
      name: 'x.md',
      data: Buffer.from('# 1. A\n\ntekst\n\n# 1. B\n\ntekst\n'),
      type: 'text/markdown',
    });
    assert.equal(duplicate.statusCode, 400);
    assert.match(duplicate.body, /Numer sekcji „1” występuje więcej niż raz/);
    assert.doesNotMatch(duplicate.body, /Zapisz jako nową wersję/);
    assert.equal((await t.ctx.db.selectFrom('programme_versions').selectAll().execute()).length, before);
    // strangers are turned away before the upload is read
    const stranger = await t.app.inject({
      method: 'POST',
      url: `${adminBase()}/import`,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    });
    assert.equal(stranger.statusCode, 401);
  });

  test('Word zip bombs: refused with a clear message, and /healthz keeps answering while a large file is read', async () => {
    const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    // 20 MiB of XML in a few dozen kB: refused from the zip's directory, before anything is unpacked
    const bomb = await importFile('Bomba', { name: 'program.docx', data: repeatedParagraphDocx(20), type: DOCX });
    assert.equal(bomb.statusCode, 400);
    assert.match(bomb.body, /po rozpakowaniu byłby za duży/);
    assert.match(bomb.body, /Zapisz dokument ponownie w Wordzie albo podziel go na mniejsze pliki/);
    // 1 MiB of tiny paragraphs (what a 4 kB file may hold): seconds of parsing, all in a worker thread
    // seconds of parsing in a worker leave the event loop free: /healthz answers again and again
    // until the upload is answered (parsing on the main thread would allow one or two answers at
    // most); a count, not a duration, so a busy machine cannot fail it
    let answers = 0;
    let reading = true;
    const upload = importFile('Długi', { name: 'program.docx', data: repeatedParagraphDocx(1), type: DOCX }).finally(() => {
      reading = false;
    });
    while (reading) {
      const health = await t.app.inject({ url: '/healthz' });
      assert.equal(health.statusCode, 200);
      answers++;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(answers >= 5, `/healthz answered ${answers} times while the file was read`);
    const res = await upload;
    assert.ok(res.statusCode < 500, `answered ${res.statusCode}`);
  });

  test('public text: numbered sections with anchors and a table of contents', async () => {
    const list = await get(`/program/${SLUG}/wersje`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Projekt do konsultacji/);
    assert.match(list.body, /name="z"/);
    const text = await get(`/program/${SLUG}/wersje/1`);
    assert.equal(text.statusCode, 200);
    assert.match(text.body, /<section id="s-2.1" aria-labelledby="s-2.1-h"/);
    assert.match(text.body, /<a href="#s-2.1">2.1 Cele szczegółowe<\/a>/);
    assert.match(text.body, /<p>Wsparcie spółdzielni socjalnych.<\/p>/);
    assert.equal((await get(`/program/${SLUG}/wersje/9`)).statusCode, 404);
    assert.equal((await get(`/en/program/${SLUG}/wersje/1`)).statusCode, 200);
  });

  test('comparison: summary in words, headings per section, <ins>/<del> for changed words', async () => {
    const redirect = await get(`/program/${SLUG}/wersje/porownanie?z=1&do=2`);
    assert.equal(redirect.statusCode, 303);
    assert.equal(redirect.headers.location, `/program/${SLUG}/wersje/1/porownanie/2`);
    const res = await get(`/program/${SLUG}/wersje/1/porownanie/2`);
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<li>2 sekcje zmienione<\/li>/);
    assert.match(html, /<li>1 sekcja dodana<\/li>/);
    assert.match(html, /<li>1 sekcja usunięta<\/li>/);
    assert.match(html, /<li>1 sekcja bez zmian<\/li>/);
    assert.match(html, /<ins><span class="visually-hidden">\[wstawiono: <\/span>aktywnych /);
    assert.match(html, /<del><span class="visually-hidden">\[usunięto: <\/span>Środki własne województwa\./);
    assert.match(html, /Sekcja usunięta/);
    assert.match(html, /<h2 id="zmiana-\d+">3 Finansowanie<\/h2>/);
    const en = await get(`/en/program/${SLUG}/wersje/1/porownanie/2`);
    assert.match(en.body, /2 sections changed/);
    assert.match(en.body, /\[inserted: /);
  });

  test('section editor: new copied version, add, edit, move, delete; numbers validated', async () => {
    const created = await post(`${adminBase()}/nowa`, { form: 'new', label: 'Wersja robocza', note: '', copy: '1' });
    assert.equal(created.statusCode, 303);
    const edit = `${adminBase()}/3`;
    const v3 = await t.ctx.db
      .selectFrom('programme_versions')
      .selectAll()
      .where('programme_id', '=', programmeId)
      .where('number', '=', 3)
      .executeTakeFirstOrThrow();
    const sections = () =>
      t.ctx.db.selectFrom('programme_sections').selectAll().where('version_id', '=', v3.id).orderBy('position').execute();
    assert.equal((await sections()).length, 4);
    assert.equal(v3.source, 'manual');

    const taken = await post(`${edit}/sekcje`, { number: '2.1', heading: 'Powtórka', body: '' }, edit);
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /Sekcja o numerze „2.1” już istnieje w tej wersji/);
    const bad = await post(`${edit}/sekcje`, { number: 'abc', heading: '', body: '' }, edit);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /musi mieć postać liczb rozdzielonych kropkami/);
    assert.equal((await sections()).length, 4);

    assert.equal((await post(`${edit}/sekcje`, { number: '5', heading: 'Ewaluacja', body: 'Ocena końcowa.' }, edit)).statusCode, 303);
    let rows = await sections();
    assert.deepEqual(
      rows.map((s) => s.number),
      ['1', '2', '2.1', '3', '5'],
    );
    const last = rows.at(-1)!;
    assert.equal((await post(`${edit}/sekcje/${last.id}/przesun`, { kierunek: 'gora' }, edit)).statusCode, 303);
    rows = await sections();
    assert.deepEqual(
      rows.map((s) => s.number),
      ['1', '2', '2.1', '5', '3'],
    );
    assert.equal(
      (await post(`${edit}/sekcje/${last.id}`, { number: '4', heading: 'Ewaluacja i monitoring', body: 'Ocena końcowa i roczna.' }, edit))
        .statusCode,
      303,
    );
    const first = rows[0]!;
    assert.equal((await post(`${edit}/sekcje/${first.id}/usun`, {}, edit)).statusCode, 303);
    rows = await sections();
    assert.deepEqual(
      rows.map((s) => [s.number, s.heading]),
      [
        ['2', 'Cele'],
        ['2.1', 'Cele szczegółowe'],
        ['4', 'Ewaluacja i monitoring'],
        ['3', 'Finansowanie'],
      ],
    );
    const actions = (await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'programme.section.%').execute())
      .map((a) => a.action)
      .sort();
    assert.deepEqual(actions, [
      'programme.section.create',
      'programme.section.delete',
      'programme.section.move',
      'programme.section.update',
    ]);
    // anonymous visitors and other staff roles cannot edit
    const moderator = (await loginAs(t, [{ role: 'moderator' }])).cookie;
    assert.equal((await get(edit, moderator)).statusCode, 403);
    assert.equal((await get(edit)).statusCode, 302);
  });
});
