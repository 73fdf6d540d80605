// The evaluation follow-up end to end, on SQLite and PostgreSQL with a controlled clock: an action
// past its deadline appears under ?status=po-terminie only from the day after and is counted in the
// coordinators' digest at a real SMTP server (once a day, not at all when nothing is due); "not
// accepted" without a reason and closing without evidence are refused and change nothing; the
// import's dry run names the bad row and saves nothing; ratings keep both views; the programme page
// lists the recommendations of an element; the annual report gains its section; the API answers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { pdfToText } from '../../core/export/export.testing.js';
import { createTestApp, csrfFrom, form, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { multipart } from '../../testing/multipart.js';
import { startMailWorker } from '../mail/index.js';
import { parseMail, startTestSmtp, type TestSmtp } from '../../testing/mail.js';
import { tablesRead } from '../../core/db/testing.js';
import { formatters, translator } from '../../i18n/index.js';
import { followUpReportSection } from './evaluation.contributions.js';
import { evaluationFixture, sendEvaluationDigest, type EvaluationFixture } from './evaluation.testing.js';

let t: TestApp;
let clock: ManualClock;
let smtp: TestSmtp;
let fx: EvaluationFixture;
let coordinator: { cookie: string; userId: string };

before(async () => {
  clock = new ManualClock('2027-03-01T09:00:00.000Z');
  t = await createTestApp({ reference: false, clock });
  smtp = await startTestSmtp();
  fx = await evaluationFixture(t.ctx, { acceptedOn: '2027-01-15', actionDeadline: '2027-03-31', rec2ResponseDue: '2027-12-31' });
  coordinator = await loginAs(t, [{ role: 'coordinator' }], 'koordynator.ewaluacji@example.pl');
});
after(async () => {
  await smtp.close();
  await t.close();
});

const at = (day: string) => clock.set(new Date(`${day}T09:00:00.000Z`));
const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
async function post(page: string, action: string, values: Record<string, string>) {
  const cookie = await sessionFor(t, coordinator.userId);
  const res = await get(page, cookie);
  assert.equal(res.statusCode, 200, `${page}: ${res.statusCode}`);
  return t.app.inject({
    method: 'POST',
    url: action,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(res.body), ...values }),
  });
}
const rec = (id: string) => t.ctx.db.selectFrom('evaluation_recommendations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const auditCount = async () => (await t.ctx.db.selectFrom('audit_log').select('id').execute()).length;
async function deliver(): Promise<number> {
  const worker = startMailWorker({ ...t.ctx, config: { ...t.ctx.config, smtpUrl: smtp.url } }, { manual: true });
  try {
    return await worker.runOnce();
  } finally {
    await worker.stop();
  }
}

test('an action is overdue from the day after its deadline: listed under ?status=po-terminie and counted in the digest', async () => {
  at('2027-03-31');
  let page = await get('/ewaluacja/rekomendacje?status=po-terminie');
  assert.equal(page.statusCode, 200);
  assert.ok(!page.body.includes(fx.actionText), 'not overdue on its deadline');
  assert.match(page.body, /Znaleziono 0 rekomendacji/);

  at('2027-04-01');
  page = await get('/ewaluacja/rekomendacje?status=po-terminie');
  assert.ok(page.body.includes(fx.actionText), 'the overdue action is listed');
  assert.match(page.body, /Znaleziono 1 rekomendację/);
  assert.match(page.body, /<summary>Filtry \(1 wybrany\)<\/summary>/, 'the filters in the shared layout count the chosen one');
  assert.match(page.body, /Działanie po terminie/);
  const en = await get('/en/ewaluacja/rekomendacje?status=po-terminie');
  assert.match(en.body, /1 recommendation found/);

  const api = (await get('/api/v1/ewaluacja/rekomendacje?status=po-terminie')).json() as {
    items: { id: string; actions: { is_overdue: boolean }[] }[];
  };
  assert.deepEqual(
    api.items.map((i) => [i.id, i.actions.map((a) => a.is_overdue)]),
    [[fx.rec1, [true]]],
  );

  const csv = await get('/ewaluacja/rekomendacje.csv?status=po-terminie');
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /text\/csv/);
  assert.ok(csv.body.startsWith('\uFEFF'), 'BOM');
  assert.ok(csv.body.split('\r\n')[0]!.includes(';'), 'semicolons');
  assert.ok(csv.body.includes(fx.actionText));
  assert.ok(!csv.body.includes('Anna Nowak'), 'no person named in public output');

  assert.match(await sendEvaluationDigest(t.ctx), /1 evaluation digest/);
  assert.equal(await deliver(), 1);
  const mail = parseMail(smtp.received.at(-1)!.raw);
  assert.deepEqual(smtp.received.at(-1)!.to, ['koordynator.ewaluacji@example.pl']);
  assert.match(mail.text ?? '', /działania po terminie: 1/);
  assert.match(mail.text ?? '', /odpowiedzi kierownictwa po terminie: 0/);
  assert.ok((mail.text ?? '').includes(fx.actionText));
  // the same day again: nothing more
  assert.match(await sendEvaluationDigest(t.ctx), /0 evaluation digest/);
  assert.equal(await deliver(), 0);
});

test('"not accepted" without a reason is refused with a clear message and changes nothing', async () => {
  const page = `/admin/ewaluacja/rekomendacje/${fx.rec2}`;
  const before = await rec(fx.rec2);
  const audits = await auditCount();
  const res = await post(page, `${page}/odpowiedz`, { response_kind: 'not_accepted', response_reason: '' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Podaj uzasadnienie: rekomendacji nie można odrzucić bez podania powodu/);
  assert.deepEqual(await rec(fx.rec2), before);
  assert.equal(await auditCount(), audits);

  const ok = await post(page, `${page}/odpowiedz`, { response_kind: 'not_accepted', response_reason: 'Dane zbiera GUS.' });
  assert.equal(ok.statusCode, 303);
  const after = await rec(fx.rec2);
  assert.equal(after.response_kind, 'not_accepted');
  assert.equal(after.response_reason, 'Dane zbiera GUS.');
  const table = await get('/ewaluacja/rekomendacje?status=nieprzyjeta');
  assert.match(table.body, /Zbierać dane o zatrudnieniu/);
});

test('ratings: evidence required; the coordinator validates with a reason when different; both are kept and shown', async () => {
  const page = `/admin/ewaluacja/rekomendacje/${fx.rec1}`;
  const bad = await post(page, `${page}/ocena`, { proposed_rating: 'high' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Ocenę postępu trzeba poprzeć dowodem/);
  assert.equal((await t.ctx.db.selectFrom('evaluation_ratings').select('id').execute()).length, 0);

  assert.equal((await post(page, `${page}/ocena`, { proposed_rating: 'high', evidence_text: 'Dyżury w 3 z 4 powiatów.' })).statusCode, 303);
  const rating = await t.ctx.db.selectFrom('evaluation_ratings').selectAll().executeTakeFirstOrThrow();
  const refused = await post(page, `/admin/ewaluacja/oceny/${rating.id}/zatwierdz`, { validated_rating: 'moderate' });
  assert.equal(refused.statusCode, 400);
  assert.equal(
    (
      await post(page, `/admin/ewaluacja/oceny/${rating.id}/zatwierdz`, {
        validated_rating: 'moderate',
        validation_note: 'Jeden powiat bez dyżurów.',
      })
    ).statusCode,
    303,
  );
  const kept = await t.ctx.db.selectFrom('evaluation_ratings').selectAll().executeTakeFirstOrThrow();
  assert.equal(kept.proposed_rating, 'high');
  assert.equal(kept.validated_rating, 'moderate');
  const study = await get(`/ewaluacja/${fx.studyId}`);
  assert.match(study.body, /właściciel: wysoki; koordynator: umiarkowany/);
  assert.match(study.body, /oceny się różnią/);
  const filtered = await get('/ewaluacja/rekomendacje?ocena=umiarkowany');
  assert.match(filtered.body, /Znaleziono 1 rekomendację/);
});

test('the programme page lists the recommendations under the element they concern', async () => {
  const page = await get(`/program/${fx.slug}`);
  assert.equal(page.statusCode, 200);
  const element = page.body.indexOf('id="cel-1.1"');
  assert.ok(element > 0);
  const piece = page.body.indexOf('Rekomendacja z ewaluacji dotycząca elementu 1.1');
  assert.ok(piece > element, 'listed under element 1.1');
  assert.ok(!page.body.includes('dotycząca elementu 1<'), 'the goal itself is not linked');
  const indicator = await get(`/program/${fx.slug}/wskazniki/W1`);
  assert.equal(indicator.statusCode, 200);
  assert.match(indicator.body, /<h2 id="indicator-recommendations">Rekomendacja z ewaluacji dotycząca elementu W1<\/h2>/);
  assert.ok(indicator.body.includes('Rozszerzyć doradztwo na powiaty wiejskie.'));
});

test('closing without evidence is refused and changes nothing; with evidence and approval it closes', async () => {
  const page = `/admin/ewaluacja/rekomendacje/${fx.rec1}`;
  const before = await rec(fx.rec1);
  const audits = await auditCount();
  const res = await post(page, `${page}/zamknij`, { closure_evidence: '', approve: '1' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Zamknięcie wymaga dowodu realizacji/);
  assert.deepEqual(await rec(fx.rec1), before);
  assert.equal(await auditCount(), audits);

  const noApproval = await post(page, `${page}/zamknij`, { closure_evidence: 'Sprawozdanie z dyżurów 2027.' });
  assert.equal(noApproval.statusCode, 400);
  assert.equal((await rec(fx.rec1)).closure, null);

  assert.equal((await post(page, `${page}/zamknij`, { closure_evidence: 'Sprawozdanie z dyżurów 2027.', approve: '1' })).statusCode, 303);
  assert.equal((await rec(fx.rec1)).closure, 'closed');
  const table = await get('/ewaluacja/rekomendacje?status=po-terminie');
  assert.match(table.body, /Znaleziono 0 rekomendacji/, 'a closed recommendation is no longer tracked');
  const again = await post(`/admin/ewaluacja/rekomendacje/${fx.rec2}`, `${page}/zamknij`, { closure_evidence: 'x', approve: '1' });
  assert.equal(again.statusCode, 409);
});

test('the annual report gains the follow-up section with the counts', async () => {
  const res = await get(`/program/${fx.slug}/sprawozdanie/2027`, await sessionFor(t, coordinator.userId));
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Realizacja rekomendacji z ewaluacji/);
  assert.match(res.body, /W 2027 r. monitorowano 2 rekomendacje/);
  assert.match(res.body, /<th scope="row">zamknięta<\/th>\s*<td class="num">1<\/td>/);
  assert.match(res.body, /<th scope="row">nieprzyjęta<\/th>\s*<td class="num">1<\/td>/);
  assert.match(res.body, /<th scope="row">umiarkowany<\/th>\s*<td class="num">1<\/td>/);
  const pdf = await get(`/program/${fx.slug}/sprawozdanie/2027.pdf`, await sessionFor(t, coordinator.userId));
  assert.equal(pdf.statusCode, 200);
  const text = pdfToText(pdf.rawPayload);
  assert.match(text, /Realizacja rekomendacji z ewaluacji/);
  assert.match(text, /W 2027 r\. monitorowano 2 rekomendacje/);
});

test("the report section lists every table it reads, so a stored report file's version follows them", async () => {
  const read = await tablesRead(t.database.handle, () =>
    followUpReportSection.build(t.ctx, { id: fx.programmeId, slug: fx.slug, title: 'Program' }, 2027, translator('pl'), formatters('pl')),
  );
  for (const table of ['evaluation_recommendations', 'evaluation_actions', 'evaluation_ratings']) assert.ok(read.has(table), table);
  assert.deepEqual(
    [...read].filter((x) => !followUpReportSection.tables.includes(x)),
    [],
  );
});

test('no digest when nothing is overdue or due within 30 days', async () => {
  at('2027-04-02');
  assert.match(await sendEvaluationDigest(t.ctx), /no digest/);
  assert.equal(await deliver(), 0);
});

const CSV_HEAD = 'Nr;Wniosek;Rekomendacja;Adresat;Termin;Elementy programu';

test('import: the dry run of a file with a bad row names the row and saves nothing; a good file is saved', async () => {
  const url = `/admin/ewaluacja/${fx.studyId}/import`;
  const cookie = await sessionFor(t, coordinator.userId);
  const count = async () =>
    (await t.ctx.db.selectFrom('evaluation_recommendations').select('id').where('study_id', '=', fx.studyId).execute()).length;
  const send = async (file: { name: string; data: Buffer; type: string }, dryRun: boolean) => {
    const page = await get(url, cookie);
    const { payload, contentType } = multipart(
      { _csrf: csrfFrom(page.body), ...(dryRun ? { dry_run: '1' } : {}) },
      { file: { filename: file.name, contentType: file.type, data: file.data } },
    );
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': contentType }, payload });
  };
  const csv = (rows: string[]) => ({
    name: 'rekomendacje.csv',
    type: 'text/csv',
    data: Buffer.from([CSV_HEAD, ...rows].join('\r\n'), 'utf8'),
  });
  const before = await count();

  const bad = await send(
    csv(['3;Wniosek A;Rekomendacja A;ROPS;2027-06-30;1.1', '4;Wniosek B;Rekomendacja B;;31.02.2027;Nie ma takiego']),
    true,
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Wiersz 3: brak wartości w kolumnie „adresat”; „31\.02\.2027” nie jest datą/);
  assert.match(bad.body, /w programie nie ma elementu ani wskaźnika „Nie ma takiego”/);
  assert.ok(!bad.body.includes('Wiersz 2:'));
  assert.equal(await count(), before);

  const badReal = await send(csv(['3;Wniosek A;Rekomendacja A;ROPS;2027-06-30;1.1', '1;Wniosek B;Rekomendacja B;OWES;;']), false);
  assert.equal(badReal.statusCode, 400);
  assert.match(badReal.body, /Wiersz 3: numer 1 już występuje/);
  assert.equal(await count(), before, 'not even the good row is saved');

  const good = csv(['3;Wniosek A;Rekomendacja A;ROPS;30.06.2027;Doradztwo dla podmiotów | W1', '4;Wniosek B;Rekomendacja B;OWES;;']);
  const dry = await send(good, true);
  assert.equal(dry.statusCode, 200);
  assert.match(dry.body, /Plik jest poprawny: 2 rekomendacje do zapisania/);
  assert.equal(await count(), before);
  const saved = await send(good, false);
  assert.equal(saved.statusCode, 200);
  assert.match(saved.body, /Zapisano 2 rekomendacje/);
  assert.equal(await count(), before + 2);
  const r3 = await t.ctx.db
    .selectFrom('evaluation_recommendations')
    .selectAll()
    .where('study_id', '=', fx.studyId)
    .where('number', '=', '3')
    .executeTakeFirstOrThrow();
  assert.equal(r3.deadline, '2027-06-30');
  const links = await t.ctx.db
    .selectFrom('evaluation_recommendation_links')
    .select('target_id')
    .where('recommendation_id', '=', r3.id)
    .execute();
  assert.deepEqual(links.map((l) => l.target_id).sort(), [fx.actionElementId, fx.indicatorId].sort());

  // XLSX: cells read as text, the same checks
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Rekomendacje');
  ws.addRow(['Nr', 'Wniosek', 'Rekomendacja', 'Adresat', 'Termin']);
  ws.addRow(['5', 'Wniosek C', 'Rekomendacja C', 'ROPS', new Date(Date.UTC(2027, 8, 30))]);
  ws.addRow([6, 'Wniosek D', '', 'ROPS', 'jutro']);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const xbad = await send({ name: 'rekomendacje.xlsx', type, data: xlsx }, true);
  assert.equal(xbad.statusCode, 400);
  assert.match(xbad.body, /Wiersz 3: brak wartości w kolumnie „rekomendacja”; „jutro” nie jest datą/);
  assert.equal(await count(), before + 2);
});

test('a recommendation is corrected through its form: text and links change, the number stays unique', async () => {
  const page = `/admin/ewaluacja/rekomendacje/${fx.rec2}/edycja`;
  const form = await get(page, await sessionFor(t, coordinator.userId));
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Zbierać dane o zatrudnieniu co rok\./);
  const values = {
    number: '2',
    finding: 'Brak danych o zatrudnieniu w PES.',
    text: 'Zbierać dane o zatrudnieniu co roku.',
    addressee: 'OWES',
  };
  const taken = await post(page, page, { ...values, number: '1' });
  assert.equal(taken.statusCode, 400);
  assert.match(taken.body, /Rekomendacja o numerze 1 już jest w tym badaniu/);
  assert.equal((await post(page, page, { ...values, targets: fx.goalId })).statusCode, 303);
  const after = await rec(fx.rec2);
  assert.equal(after.text, 'Zbierać dane o zatrudnieniu co roku.');
  assert.equal(after.response_kind, 'not_accepted', 'the follow-up stays');
  const links = await t.ctx.db
    .selectFrom('evaluation_recommendation_links')
    .select('target_id')
    .where('recommendation_id', '=', fx.rec2)
    .execute();
  assert.deepEqual(
    links.map((l) => l.target_id),
    [fx.goalId],
  );
});

test('abandoning needs a public justification and the recommendation stays public as abandoned', async () => {
  const r4 = await t.ctx.db
    .selectFrom('evaluation_recommendations')
    .selectAll()
    .where('study_id', '=', fx.studyId)
    .where('number', '=', '4')
    .executeTakeFirstOrThrow();
  const page = `/admin/ewaluacja/rekomendacje/${r4.id}`;
  const refused = await post(page, `${page}/porzuc`, { closure_note: '' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Porzucenie wymaga uzasadnienia, które będzie publiczne/);
  assert.equal((await rec(r4.id)).closure, null);
  assert.equal((await post(page, `${page}/porzuc`, { closure_note: 'Zadanie przejął inny program.' })).statusCode, 303);
  const table = await get('/ewaluacja/rekomendacje?status=porzucona');
  assert.match(table.body, /Znaleziono 1 rekomendację/);
  const study = await get(`/ewaluacja/${fx.studyId}`);
  assert.ok(study.body.includes('Zadanie przejął inny program.'));
  const api = (await get('/api/v1/ewaluacja/rekomendacje?status=porzucona')).json() as {
    items: { closure_note: string; status: string }[];
  };
  assert.deepEqual(
    api.items.map((i) => [i.status, i.closure_note]),
    [['abandoned', 'Zadanie przejął inny program.']],
  );
});

test('public pages and the API answer; an unpublished study is not public', async () => {
  const list = await get('/ewaluacja');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Badanie testowe realizacji programu/);
  const study = await get(`/en/ewaluacja/${fx.studyId}`);
  assert.equal(study.statusCode, 200);
  assert.match(study.body, /unknown — the sources do not say/, 'the version is unknown and says so');
  const api = (await get('/api/v1/ewaluacja/badania')).json() as {
    items: { id: string; accepted_on: string | null; version_id: string | null }[];
  };
  assert.equal(api.items[0]!.accepted_on, '2027-01-15');
  assert.equal(api.items[0]!.version_id, null);
  assert.equal(((await get('/api/v1/ewaluacja/rekomendacje')).json() as { licence: { id: string } }).licence.id, 'CC-BY-4.0');
  assert.equal((await get('/ewaluacja/rekomendacje.csv')).headers.link, '<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
  const dane = await get('/dane');
  assert.match(dane.body, /Rekomendacje z badań ewaluacyjnych programu/);
  assert.match(dane.body, /<a href="\/ewaluacja\/rekomendacje\.csv" type="text\/csv">CSV<\/a>/);
  const openapi = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
  assert.ok(openapi.paths['/api/v1/ewaluacja/badania']);
  assert.ok(openapi.paths['/api/v1/ewaluacja/rekomendacje']);
  await t.ctx.db.updateTable('evaluation_studies').set({ is_published: false }).where('id', '=', fx.studyId).execute();
  assert.equal((await get(`/ewaluacja/${fx.studyId}`)).statusCode, 404);
  assert.equal(((await get('/api/v1/ewaluacja/rekomendacje')).json() as { items: unknown[] }).items.length, 0);
  await t.ctx.db.updateTable('evaluation_studies').set({ is_published: true }).where('id', '=', fx.studyId).execute();
});
