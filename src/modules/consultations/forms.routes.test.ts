// Issue 15's consultation forms and page through HTTP on SQLite and PostgreSQL with a controlled clock:
// staff attach library documents on the consultation's documents page, choosing them by title from the
// published ones (a search by words of the title narrows the list; nobody types an id), detach them,
// and a forged id of a draft is refused and changes nothing; the new-consultation form is prefilled with
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

/** The documents the picker offers, by the titles on their attach buttons, in page order. */
function offered(html: string): string[] {
  return [...html.matchAll(/>Dołącz „([^”]+)”<\/button>/g)].map((m) => m[1]!);
}

/**
 * What the browser sends when the attach button of the document titled `title` is pressed: the
 * fields of that button's form (hidden inputs only: nothing in it is typed).
 */
function attachForm(html: string, title: string): Record<string, string> {
  const forms = html.split('<form').slice(1);
  const mine = forms.find((f) => f.includes(`>Dołącz „${title}”</button>`));
  assert.ok(mine, `an attach button for ${title}`);
  const body = mine.slice(0, mine.indexOf('</form>'));
  const fields: Record<string, string> = {};
  for (const input of body.matchAll(/<input([^>]*)>/g)) {
    assert.match(input[1]!, /type="hidden"/, `only hidden fields in the attach form: ${input[0]}`);
    fields[/name="([^"]+)"/.exec(input[1]!)![1]!] = /value="([^"]*)"/.exec(input[1]!)?.[1] ?? '';
  }
  return fields;
}

test('the new-consultation form asks for no document ids and starts from the clause in the settings', async () => {
  const cookie = await session();
  let html = await page('/admin/konsultacje/nowa', cookie);
  assert.doesNotMatch(html, /name="documents"/, 'no document field: documents are attached by title on their own page');
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

test('documents are chosen by title: the list offers published ones, a search narrows it, attaching and detaching by button', async () => {
  const cookie = await session();
  const formHtml = await page('/admin/konsultacje/nowa', cookie);
  const body = multipart({ _csrf: csrfFrom(formHtml), ...details, is_published: '1' });
  const created = await t.app.inject({
    method: 'POST',
    url: '/admin/konsultacje/nowa',
    headers: { cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
  assert.equal(created.statusCode, 303, created.body.slice(0, 300));
  const id = /konsultacje\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
  assert.deepEqual(await documentIds(id), []);
  const overview = await page(`/admin/konsultacje/${id}`, cookie);
  assert.ok(overview.includes(`href="/admin/konsultacje/${id}/dokumenty"`), 'the overview leads to the documents page');

  const url = `/admin/konsultacje/${id}/dokumenty`;
  let html = await page(url, cookie);
  assert.equal(html.match(/<h1[ >]/g)?.length, 1);
  assert.ok(html.includes('Do konsultacji nie dołączono dokumentów.'));
  // every published document by title, in title order; the draft is never offered
  assert.deepEqual(offered(html), [DOCS[1]!.title, DOCS[0]!.title]);
  assert.match(html, /<form method="get" action="[^"]*\/dokumenty" role="search">/);
  assert.doesNotMatch(html, /<input(?![^>]*type="hidden")[^>]*name="document_id"/, 'no field to type an id into');

  // words of the title, without Polish letters or capitals, narrow the list
  html = await page(`${url}?q=SPOLECZNEJ+diagnoza`, cookie);
  assert.deepEqual(offered(html), [DOCS[1]!.title]);
  assert.ok(html.includes('Pasuje 1 dokument.'));
  assert.ok(html.includes('value="SPOLECZNEJ diagnoza"'), 'the search box keeps the words');
  html = await page(`${url}?q=nieopublikowany`, cookie);
  assert.deepEqual(offered(html), [], 'a draft is not found by its title either');
  assert.ok(html.includes('Żaden opublikowany dokument bez dołączenia nie pasuje do „nieopublikowany”.'));

  // pressing the button next to a title sends that document; nothing is typed
  html = await page(`${url}?q=diagnoza`, cookie);
  const chosen = attachForm(html, DOCS[1]!.title);
  const attach = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(chosen),
  });
  assert.equal(attach.statusCode, 303, attach.body.slice(0, 300));
  assert.deepEqual(await documentIds(id), [DOCS[1]!.id]);
  html = await page(`${url}?ok=dolaczono`, cookie);
  assert.ok(html.includes('Dokument został dołączony.'));
  assert.ok(html.includes(`Odłącz „${DOCS[1]!.title}”`), 'listed as attached');
  assert.deepEqual(offered(html), [DOCS[0]!.title], 'an attached document is no longer offered');
  const publicPage = (await t.app.inject({ url: `/konsultacje/${id}` })).body;
  assert.ok(publicPage.includes(DOCS[1]!.title), 'the public page lists it');
  const audits = async (action: string) =>
    (await t.ctx.db.selectFrom('audit_log').select('meta').where('action', '=', action).where('subject_id', '=', id).execute()).length;
  assert.equal(await audits('consultation.document.attach'), 1);

  // a forged id of a draft or of nothing is refused and changes nothing
  for (const forged of [DOCS[2]!.id, UNKNOWN]) {
    const refused = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ ...chosen, _csrf: csrfFrom(html), document_id: forged }),
    });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(await documentIds(id), [DOCS[1]!.id]);
  }
  assert.equal(await audits('consultation.document.attach'), 1);

  // the edit form saves the details without touching the documents
  const edit = await page(`/admin/konsultacje/${id}/edycja`, cookie);
  assert.doesNotMatch(edit, /name="documents"/);
  const values = { title: details.title, description: 'Opis.', who_may_comment: 'everyone', starts_at: details.starts_at };
  const saved = await t.app.inject({
    method: 'POST',
    url: `/admin/konsultacje/${id}/edycja`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(edit), ...values, ends_at: details.ends_at, clause: 'Klauzula.', is_published: '1' }),
  });
  assert.equal(saved.statusCode, 303);
  assert.deepEqual(await documentIds(id), [DOCS[1]!.id]);

  const detach = await t.app.inject({
    method: 'POST',
    url: `${url}/${DOCS[1]!.id}/odlacz`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(html) }),
  });
  assert.equal(detach.statusCode, 303);
  assert.deepEqual(await documentIds(id), []);
  assert.equal(await audits('consultation.document.detach'), 1);
  const again = await t.app.inject({
    method: 'POST',
    url: `${url}/${DOCS[1]!.id}/odlacz`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(html) }),
  });
  assert.equal(again.statusCode, 404, 'a document that is not attached cannot be detached');
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
