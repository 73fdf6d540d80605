// Agenda items' links through HTTP on SQLite and PostgreSQL with a controlled clock: staff find a
// library document and an object by name on the item's page and link them; an internal item stays
// out of every public output (the body's page, the .ics feed, the API, the minutes page and PDF);
// the body's decision on a linked object appears on that object's page (the evaluation's yearly
// summary — issue 21's round trip —, the annual report, a consultation); retyping a planned meeting's
// agenda keeps the links of items whose title stays.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pdfToText } from '../core/export/export.testing.js';
import { createTestApp, cookieHeader, csrfFrom, form, loginAs, sessionFor, type TestApp } from './app.js';
import { ManualClock } from './clock.js';
import { makeConsultation } from '../modules/consultations/consultations.testing.js';
import { evaluationFixture, type EvaluationFixture } from '../modules/evaluation/evaluation.testing.js';
import { E2E_BODY, heldMeeting, plannedMeeting } from '../modules/bodies/bodies.testing.js';

const clock = new ManualClock('2027-03-01T12:00:00Z');
let t: TestApp;
let coordinatorId: string;
let fx: EvaluationFixture;
let consultationId: string;
const DOC = { id: 'doc-owes-2026', title: 'Informacja o działalności OWES w 2026 roku' };

before(async () => {
  t = await createTestApp({ clock, reference: false });
  coordinatorId = (await loginAs(t, [{ role: 'coordinator' }])).userId;
  fx = await evaluationFixture(t.ctx);
  consultationId = await makeConsultation(t.ctx, { startsIn: -1, endsIn: 48, title: 'Konsultacje aktualizacji programu' });
  const now = clock.now().toISOString();
  await t.ctx.db
    .insertInto('documents')
    .values({
      id: DOC.id,
      title_pl: DOC.title,
      title_en: null,
      description_pl: '',
      description_en: null,
      category: 'raporty',
      doc_date: '2027-02-01',
      lang: 'pl',
      is_accessible: true,
      is_published: true,
      title_sort: DOC.title.toLowerCase(),
      search_doc: '',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await t.ctx.db
    .insertInto('document_files')
    .values({
      id: 'docfile-owes-2026',
      document_id: DOC.id,
      label_pl: 'tekst',
      label_en: null,
      version_date: '2027-02-01',
      file_name: 'informacja.pdf',
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
});
after(async () => t.close());

const itemsOf = async (meetingId: string) =>
  t.ctx.db.selectFrom('body_agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();

async function get(url: string) {
  return t.app.inject({ url, headers: { cookie: await sessionFor(t, coordinatorId) } });
}

async function post(target: string, values: Record<string, string>, formUrl = target) {
  const cookie = await sessionFor(t, coordinatorId);
  const page = await t.app.inject({ url: formUrl, headers: { cookie } });
  assert.equal(page.statusCode, 200, `${formUrl}: ${page.statusCode}`);
  return t.app.inject({
    method: 'POST',
    url: target,
    headers: { cookie: cookieHeader(page, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
}

const summaryRef = () => `evaluation-summary:${fx.programmeId}:2027`;
const summaryPage = () => `/ewaluacja/podsumowanie/${fx.slug}/2027`;

test('the yearly summary round trip: picked by name, discussed, voted, and the opinion links back from the summary', async () => {
  const { meetingId } = await heldMeeting(t.ctx);
  const [open, opinion] = await itemsOf(meetingId);
  const itemPath = (id: string) => `/admin/zespoly/${E2E_BODY.id}/posiedzenia/${meetingId}/punkty/${id}`;

  const docs = await get(`${itemPath(open!.id)}?dq=${encodeURIComponent('działalność OWES')}`);
  assert.equal(docs.statusCode, 200);
  assert.ok(docs.body.includes(`name="doc_${DOC.id}"`), 'the document is offered by its title');
  assert.ok(docs.body.includes(DOC.title));
  const objects = await get(`${itemPath(open!.id)}?rodzaj=evaluation-summary&oq=${encodeURIComponent('podsumowanie 2027')}`);
  assert.ok(objects.body.includes(`value="${summaryRef()}"`), 'the summary is offered by its name');
  assert.match(objects.body, /Podsumowanie realizacji rekomendacji z ewaluacji za 2027 r\. — Program testowy ewaluacji/);

  const unknown = await post(itemPath(open!.id), { is_public: '1', object: 'evaluation-study:no-such-study' });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /Wybrany obiekt już nie istnieje/);
  assert.equal((await itemsOf(meetingId))[0]!.object_kind, null, 'a refused form changes nothing');

  assert.equal((await post(itemPath(open!.id), { is_public: '1', [`doc_${DOC.id}`]: '1', object: summaryRef() })).statusCode, 303);
  // the second item is internal and concerns the consultation: nobody outside may learn of it
  assert.equal((await post(itemPath(opinion!.id), { object: `consultation:${consultationId}` })).statusCode, 303);
  const saved = await itemsOf(meetingId);
  assert.deepEqual(
    saved.map((i) => [i.is_public, i.object_kind]),
    [
      [true, 'evaluation-summary'],
      [false, 'consultation'],
    ],
  );
  const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'body.agenda_item_links').execute();
  assert.equal(audit.length, 2, 'both changes are in the audit log');

  const admin = `/admin/zespoly/${E2E_BODY.id}/posiedzenia/${meetingId}`;
  const texts = {
    [`item_${open!.id}`]: 'Komitet zaopiniował podsumowanie pozytywnie.',
    [`item_${opinion!.id}`]: 'Sprawa poufna komitetu.',
  };
  assert.equal((await post(`${admin}/protokol`, texts, `${admin}/protokol`)).statusCode, 303);
  assert.equal((await post(`${admin}/protokol/zatwierdzenie`, {}, `${admin}/protokol`)).statusCode, 303);

  const minutesPath = `/zespoly/${E2E_BODY.slug}/posiedzenia/${meetingId}/protokol`;
  const page = await t.app.inject({ url: minutesPath });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Otwarcie posiedzenia/);
  assert.ok(page.body.includes(`href="/dokumenty/${DOC.id}"`), 'the minutes link the attached document');
  assert.ok(page.body.includes(`href="${summaryPage()}"`), 'the minutes link the summary');
  assert.doesNotMatch(page.body, /Opinia o sprawozdaniu|Sprawa poufna/);
  const pdf = pdfToText((await t.app.inject({ url: `${minutesPath}.pdf` })).rawPayload).replace(/\s+/g, ' ');
  assert.match(pdf, /Otwarcie posiedzenia/);
  assert.match(pdf, /Informacja o działalności OWES w 2026 roku/);
  assert.doesNotMatch(pdf, /Opinia o sprawozdaniu|Sprawa poufna/);

  const api = (await t.app.inject({ url: `/api/v1/zespoly/${E2E_BODY.slug}` })).json<{
    meetings: {
      id: string;
      agenda: { title: string; documents: { id: string }[]; object: { kind: string; url: string | null } | null }[];
    }[];
  }>();
  const agenda = api.meetings.find((m) => m.id === meetingId)!.agenda;
  assert.deepEqual(
    agenda.map((a) => a.title),
    ['Otwarcie posiedzenia'],
  );
  assert.equal(agenda[0]!.documents[0]!.id, DOC.id);
  assert.equal(agenda[0]!.object?.kind, 'evaluation-summary');
  assert.ok(agenda[0]!.object?.url?.endsWith(summaryPage()));

  const summary = await t.app.inject({ url: summaryPage() });
  assert.equal(summary.statusCode, 200);
  assert.match(summary.body, /Opinie i uchwały zespołów/);
  assert.match(summary.body, /Otwarcie posiedzenia — za 1, przeciw 0, wstrzymało się 0 — przyjęto/);
  assert.ok(summary.body.includes(`href="${minutesPath}"`), 'the opinion links the minutes');
  const consultation = await t.app.inject({ url: `/konsultacje/${consultationId}` });
  assert.equal(consultation.statusCode, 200);
  assert.doesNotMatch(consultation.body, /Opinie i uchwały zespołów/, 'an internal item is no opinion the public sees');
  const en = await t.app.inject({ url: `/en${summaryPage()}` });
  assert.match(en.body, /Opinions and resolutions of bodies/);
});

test('a planned meeting: internal items stay off the page and the feed; the report and the consultation show what is on the agenda; retyping keeps links', async () => {
  const meetingId = await plannedMeeting(t.ctx, '2027-10-31T10:00');
  const [open, report] = await itemsOf(meetingId);
  const itemPath = (id: string) => `/admin/zespoly/${E2E_BODY.id}/posiedzenia/${meetingId}/punkty/${id}`;
  const reportRef = `annual-report:${fx.programmeId}:2027`;
  const found = await get(`${itemPath(report!.id)}?rodzaj=annual-report&oq=2027`);
  assert.ok(found.body.includes(`value="${reportRef}"`), 'the report is offered by its name');
  assert.equal((await post(itemPath(report!.id), { is_public: '1', object: reportRef })).statusCode, 303);
  assert.equal((await post(itemPath(open!.id), {})).statusCode, 303, 'the opening is made internal');

  const ics = (await t.app.inject({ url: `/zespoly/${E2E_BODY.slug}/posiedzenia.ics` })).body.replace(/\r\n[ \t]/g, '');
  const event = ics.split('BEGIN:VEVENT').find((e) => e.includes(`meeting-${meetingId}@`))!;
  assert.match(event, /Opinia o sprawozdaniu/);
  assert.doesNotMatch(event, /Otwarcie posiedzenia/);
  const bodyPage = await t.app.inject({ url: `/zespoly/${E2E_BODY.slug}` });
  assert.match(bodyPage.body, /Opinia o sprawozdaniu/);
  assert.match(bodyPage.body, /Sprawozdanie z realizacji programu za rok 2027 — Program testowy ewaluacji/);
  assert.doesNotMatch(bodyPage.body, /Otwarcie posiedzenia/);

  const reportPage = await get(`/program/${fx.slug}/sprawozdanie/2027`);
  assert.equal(reportPage.statusCode, 200);
  assert.match(reportPage.body, /Opinie i uchwały zespołów o sprawozdaniu/);
  assert.match(reportPage.body, /Opinia o sprawozdaniu — w porządku obrad planowanego posiedzenia/);

  // retyped: the items change places and one is added; the report's item keeps its link and its row
  const admin = `/admin/zespoly/${E2E_BODY.id}/posiedzenia/${meetingId}`;
  const changed = await post(admin, {
    starts_at: '2027-10-31T10:00',
    duration: '120',
    place: 'ROPS Toruń, sala 1',
    agenda: 'Opinia o sprawozdaniu | Dyrektor ROPS\nOtwarcie posiedzenia\nKonsultacje aktualizacji programu',
    is_public: '1',
  });
  assert.equal(changed.statusCode, 303);
  const after = await itemsOf(meetingId);
  assert.equal(after[0]!.id, report!.id);
  assert.equal(after[0]!.object_kind, 'annual-report');
  assert.equal(after[1]!.id, open!.id);
  assert.equal(after[1]!.is_public, false);
  assert.equal((await post(itemPath(after[2]!.id), { is_public: '1', object: `consultation:${consultationId}` })).statusCode, 303);
  const consultation = await t.app.inject({ url: `/konsultacje/${consultationId}` });
  assert.match(consultation.body, /Opinie i uchwały zespołów/);
  assert.match(consultation.body, /Konsultacje aktualizacji programu — w porządku obrad planowanego posiedzenia/);
  const staffMeeting = await get(admin);
  assert.ok(staffMeeting.body.includes(`${admin}/punkty/${report!.id}`), 'the meeting page leads to each item');
  assert.match(staffMeeting.body, /Otwarcie posiedzenia<\/a> — wewnętrzny/);
});
