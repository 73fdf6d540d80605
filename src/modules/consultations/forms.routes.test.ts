// Issue 15's consultation forms and page through HTTP on SQLite and PostgreSQL with a controlled clock:
// staff attach library documents by ticking titles (repeated `documents` fields, multipart and
// urlencoded), unknown ids are refused and change nothing; the new-consultation form is prefilled with
// the information clause from the settings; the comment form shows the commented section and marks the
// author blocks and required names; the consultation page shows the phase stepper, days left and
// comment counts per section.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, csrfFrom, form, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { multipart } from '../../testing/multipart.js';
import { confirmedComment, listSections, makeConsultation } from './consultations.testing.js';
import { DEFAULT_CLAUSE } from './consultations.service.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;
let coordinatorId: string;
const session = () => sessionFor(t, coordinatorId);
const DOCS = [
  { id: '01900000-0000-7000-8000-0000000000b2', title: 'Sprawozdanie z realizacji programu 2026', published: true },
  { id: '01900000-0000-7000-8000-0000000000a1', title: 'Diagnoza ekonomii społecznej w regionie', published: true },
  { id: '01900000-0000-7000-8000-0000000000c3', title: 'Projekt wewnętrzny (nieopublikowany)', published: false },
];
const UNKNOWN = '01900000-0000-7000-8000-0000000000ff';

before(async () => {
  t = await createTestApp({ clock, reference: false });
  coordinatorId = (await loginAs(t, [{ role: 'coordinator' }])).userId;
  const now = clock.now().toISOString();
  for (const d of DOCS) {
    await t.ctx.db
      .insertInto('documents')
      .values({
        id: d.id,
        title_pl: d.title,
        title_en: null,
        description_pl: '',
        description_en: null,
        category: 'raporty',
        doc_date: '2027-02-01',
        lang: 'pl',
        is_accessible: true,
        is_published: d.published,
        title_sort: d.title.toLowerCase(),
        search_doc: '',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await t.ctx.db
      .insertInto('document_files')
      .values({
        id: `${d.id.slice(0, -4)}f${d.id.slice(-3)}`,
        document_id: d.id,
        label_pl: 'tekst',
        label_en: null,
        version_date: '2027-02-01',
        file_name: 'plik.pdf',
        content_type: 'application/pdf',
        kind: 'PDF',
        byte_size: 4,
        sha256: '0'.repeat(64),
        data: Buffer.from('%PDF'),
        download_count: 0,
        created_at: now,
        created_by: null,
      })
      .execute();
  }
});
after(async () => t.close());

const details = {
  title: 'Konsultacje z dokumentami',
  description: 'Opis.',
  who_may_comment: 'everyone',
  starts_at: '2027-03-02T09:00',
  ends_at: '2027-03-10T16:00',
  clause: 'Klauzula.',
  source: 'text',
  text: '# Cele\n\nTekst celu.',
};

async function page(url: string, cookie: string) {
  const res = await t.app.inject({ url, headers: { cookie } });
  assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
  return res.body;
}

const documentIds = async (id: string) =>
  JSON.parse(
    (await t.ctx.db.selectFrom('consultations').select('document_ids').where('id', '=', id).executeTakeFirstOrThrow()).document_ids,
  ) as string[];

/** The checkbox of a document in the picker, with whether it is ticked. */
function box(html: string, docId: string): { ticked: boolean } | null {
  const m = new RegExp(`<input[^>]*name="documents"[^>]*value="${docId}"[^>]*>`).exec(html);
  return m ? { ticked: / checked/.test(m[0]) } : null;
}

test('the new-consultation form lists published documents by title and starts from the clause in the settings', async () => {
  const cookie = await session();
  let html = await page('/admin/konsultacje/nowa', cookie);
  assert.ok(box(html, DOCS[0]!.id) && box(html, DOCS[1]!.id), 'the published documents are choices');
  assert.equal(box(html, DOCS[2]!.id), null, 'an unpublished document is not offered');
  assert.ok(html.indexOf(DOCS[1]!.title) < html.indexOf(DOCS[0]!.title), 'sorted by title');
  assert.doesNotMatch(html, /<textarea[^>]*name="documents"/, 'no ids to paste');
  assert.ok(html.includes('art. 13 ust. 1 i 2 rozporządzenia'), 'the default clause cites its source');
  assert.match(html, /data-shown-when="source=docx"/);
  assert.match(html, /<script src="\/assets\/js\/consultations-forms.js" defer/);

  const settings = await page('/admin/konsultacje/ustawienia', cookie);
  const saved = await t.app.inject({
    method: 'POST',
    url: '/admin/konsultacje/ustawienia',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(settings), months: '12', clause: 'Administratorem danych jest ROPS w Toruniu.' }),
  });
  assert.equal(saved.statusCode, 303);
  html = await page('/admin/konsultacje/nowa', cookie);
  assert.ok(html.includes('Administratorem danych jest ROPS w Toruniu.</textarea>'));
  assert.ok(!html.includes(DEFAULT_CLAUSE.slice(0, 40)));
  const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'consultation.clause_setting').execute();
  assert.equal(audit.length, 1);

  const empty = await t.app.inject({
    method: 'POST',
    url: '/admin/konsultacje/ustawienia',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(settings), months: '12', clause: ' ' }),
  });
  assert.equal(empty.statusCode, 400, 'an emptied clause is refused');
});

test('ticked documents (a repeated multipart field) are attached; the edit form shows them ticked; unknown ids change nothing', async () => {
  const cookie = await session();
  const formHtml = await page('/admin/konsultacje/nowa', cookie);
  const body = multipart({ _csrf: csrfFrom(formHtml), ...details, documents: [DOCS[0]!.id, DOCS[1]!.id] });
  const created = await t.app.inject({
    method: 'POST',
    url: '/admin/konsultacje/nowa',
    headers: { cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
  assert.equal(created.statusCode, 303, created.body.slice(0, 300));
  const id = /konsultacje\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
  assert.deepEqual((await documentIds(id)).sort(), [DOCS[1]!.id, DOCS[0]!.id].sort());

  const editUrl = `/admin/konsultacje/${id}/edycja`;
  let edit = await page(editUrl, cookie);
  assert.deepEqual(box(edit, DOCS[0]!.id), { ticked: true });
  assert.deepEqual(box(edit, DOCS[1]!.id), { ticked: true });

  const values = { title: details.title, description: 'Opis.', who_may_comment: 'everyone', starts_at: details.starts_at };
  const post = (docs: string[]) => {
    const p = new URLSearchParams({ _csrf: csrfFrom(edit), ...values, ends_at: details.ends_at, clause: 'Klauzula.' });
    for (const d of docs) p.append('documents', d);
    return t.app.inject({
      method: 'POST',
      url: editUrl,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: p.toString(),
    });
  };
  const refused = await post([DOCS[0]!.id, UNKNOWN]);
  assert.equal(refused.statusCode, 400);
  assert.ok(refused.body.includes(UNKNOWN) && refused.body.includes('Nic nie zapisano'), 'the message names the unknown id');
  assert.deepEqual(box(refused.body, DOCS[0]!.id), { ticked: true }, 'the form keeps what was ticked');
  assert.deepEqual(box(refused.body, DOCS[1]!.id), { ticked: false });
  assert.deepEqual((await documentIds(id)).sort(), [DOCS[1]!.id, DOCS[0]!.id].sort(), 'nothing changed');

  const hidden = await post([DOCS[2]!.id]);
  assert.equal(hidden.statusCode, 400, 'an unpublished document is refused too');

  edit = await page(editUrl, cookie);
  const one = await post([DOCS[1]!.id]);
  assert.equal(one.statusCode, 303);
  assert.deepEqual(await documentIds(id), [DOCS[1]!.id]);
  edit = await page(editUrl, cookie);
  assert.deepEqual(box(edit, DOCS[0]!.id), { ticked: false });
  const none = await post([]);
  assert.equal(none.statusCode, 303);
  assert.deepEqual(await documentIds(id), []);
});

test('the comment form shows the commented section and marks the author blocks and required names', async () => {
  const id = await makeConsultation(t.ctx, { startsIn: -1, endsIn: 48 });
  const sections = await listSections(t.ctx.db, id, 'consulted');
  const s = sections.find((x) => x.body.trim() !== '')!;
  const html = (await t.app.inject({ url: `/konsultacje/${id}/uwaga?sekcja=${s.id}` })).body;
  assert.match(html, /<section class="consultation-quoted" aria-labelledby="quoted-title">/);
  const quoted = html.slice(html.indexOf('consultation-quoted'), html.indexOf('</section>', html.indexOf('consultation-quoted')));
  assert.ok(quoted.includes(s.heading), 'the heading of the section');
  assert.ok(quoted.includes(s.body.trim().split('\n')[0]!.slice(0, 20)), 'and its text');
  assert.match(html, /<fieldset data-shown-when="author_kind=person">/);
  assert.match(html, /<fieldset data-shown-when="author_kind=organisation">/);
  for (const name of ['first_name', 'last_name', 'organisation', 'acting_person'])
    assert.match(html, new RegExp(`<input[^>]*name="${name}"[^>]*required`), `${name} is required`);
  assert.match(html, /<script src="\/assets\/js\/consultations-forms.js" defer/);

  const general = (await t.app.inject({ url: `/konsultacje/${id}/uwaga` })).body;
  assert.doesNotMatch(general, /consultation-quoted/, 'a general comment quotes nothing');

  const orgs = await makeConsultation(t.ctx, { startsIn: -1, endsIn: 48, organisationsOnly: true });
  const orgHtml = (await t.app.inject({ url: `/konsultacje/${orgs}/uwaga` })).body;
  assert.doesNotMatch(orgHtml, /data-shown-when/, 'organisations only: one block, always shown');
  assert.doesNotMatch(orgHtml, /name="first_name"/);
});

test('the consultation page: the stepper marks the current phase, days left in plural forms, counts per section', async () => {
  const announced = await makeConsultation(t.ctx, { startsIn: 47, endsIn: 100 });
  let html = (await t.app.inject({ url: `/konsultacje/${announced}` })).body;
  assert.match(html, /aria-current="step"><span class="phase-stepper__no" aria-hidden="true">1<\/span> zapowiedziana<\/li>/);
  assert.equal((html.match(/aria-current="step"/g) ?? []).length, 1);
  assert.ok(html.includes('Zbieranie uwag rozpocznie się za 2 dni'));
  assert.doesNotMatch(html, /Zgłoś uwagę<span/);

  const open = await makeConsultation(t.ctx, { startsIn: -1, endsIn: 24 * 5 - 1 });
  const sections = await listSections(t.ctx.db, open, 'consulted');
  const [first, second] = sections;
  for (const [i, email] of ['a@example.pl', 'b@example.pl'].entries())
    await confirmedComment(t.ctx, open, {
      section: first!.id,
      justification: `Uwaga ${i}.`,
      author_kind: 'person',
      first_name: 'Anna',
      last_name: 'Nowak',
      email,
    });
  html = (await t.app.inject({ url: `/konsultacje/${open}` })).body;
  assert.match(html, /aria-current="step"><span class="phase-stepper__no" aria-hidden="true">2<\/span> trwa<\/li>/);
  assert.match(html, /zapowiedziana<span class="visually-hidden"> \(etap zakończony\)/);
  assert.ok(html.includes('Zostało 5 dni na zgłaszanie uwag'));
  const sectionHtml = (sid: string) =>
    html.slice(html.indexOf(`id="sekcja-${sid}"`), html.indexOf('</section>', html.indexOf(`id="sekcja-${sid}"`)));
  assert.ok(sectionHtml(first!.id).includes('Zgłoszono 2 uwagi do tej części.'));
  assert.ok(sectionHtml(second!.id).includes('Nie zgłoszono jeszcze uwag do tej części.'));
  assert.match(
    sectionHtml(first!.id),
    /<a class="button button--secondary" href="\/konsultacje\/[^"]+\/uwaga\?sekcja=[^"]+">Zgłoś uwagę<span class="visually-hidden">/,
  );

  const en = (await t.app.inject({ url: `/en/konsultacje/${open}` })).body;
  assert.ok(en.includes('5 days left to submit comments'));
  assert.ok(en.includes('2 comments on this part.'));
});
