// The staff CSV import on the web, on SQLite and PostgreSQL: who may use it, the upload of a
// windows-1250 file, the column-mapping step pre-filled from the headers, the dry-run report with
// row numbers (nothing saved), the background import and its progress/result page, and uploads
// that are refused (no file, not CSV, no CSRF token).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import { cookieHeader, createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../../testing/app.js';
import { importJobsSettled } from './import.jobs.js';
import { validNip } from './import.testing.js';
import { multipart } from '../../../testing/multipart.js';

let t: TestApp;
let coordinator: string;
before(async () => {
  t = await createTestApp();
  coordinator = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
});
after(async () => t.close());

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const count = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('entities')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function open(path: string, cookie = coordinator) {
  const res = await t.app.inject({ url: path, headers: { cookie } });
  assert.equal(res.statusCode, 200, `${path}: ${res.body.slice(0, 300)}`);
  return { csrf: csrfFrom(res.body), cookie: cookieHeader(res, cookie), body: res.body };
}

const csvUpload = (fields: Record<string, string>, file?: { name: string; content: Buffer }) =>
  multipart(fields, file ? { file: { filename: file.name, contentType: 'text/csv', data: file.content } } : {});

async function upload(content: Buffer | null, opts: { csrf?: boolean; name?: string } = {}) {
  const page = await open('/admin/podmioty/import');
  const body = csvUpload(
    opts.csrf === false ? {} : { _csrf: page.csrf },
    content === null ? undefined : { name: opts.name ?? 'podmioty.csv', content },
  );
  return t.app.inject({
    method: 'POST',
    url: '/admin/podmioty/import',
    headers: { cookie: page.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

async function post(path: string, values: Record<string, string>) {
  const page = await open(path.replace(/\/(sprawdz|importuj)$/, ''));
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { ...FORM, cookie: page.cookie },
    payload: form({ _csrf: page.csrf, ...values }),
  });
}

test('only coordinators and administrators reach the import; others are refused before the file is read', async () => {
  assert.equal((await t.app.inject({ url: '/admin/podmioty/import' })).statusCode, 302);
  const editor = (await loginAs(t, [{ role: 'editor' }])).cookie;
  assert.equal((await t.app.inject({ url: '/admin/podmioty/import', headers: { cookie: editor } })).statusCode, 403);
  const body = csvUpload({}, { name: 'x.csv', content: Buffer.from('nazwa\nA\n') });
  const refused = await t.app.inject({
    method: 'POST',
    url: '/admin/podmioty/import',
    headers: { cookie: editor, 'content-type': body.contentType },
    payload: body.payload,
  });
  assert.equal(refused.statusCode, 403);
  const admin = (await loginAs(t, [{ role: 'administrator' }])).cookie;
  assert.equal((await t.app.inject({ url: '/admin/podmioty/import', headers: { cookie: admin } })).statusCode, 200);
});

test('bad uploads: no file, no CSRF token, not a CSV; nothing is stored', async () => {
  const none = await upload(null);
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Wybierz plik CSV do wczytania/);
  const noCsrf = await upload(Buffer.from('nazwa\nA\n'), { csrf: false });
  assert.equal(noCsrf.statusCode, 403);
  const broken = await upload(Buffer.from('nazwa;nip\n"niezamknięty;1\n'));
  assert.equal(broken.statusCode, 400);
  assert.match(broken.body, /nie da się odczytać jako CSV/);
  const jobs = await t.ctx.db.selectFrom('entity_imports').select('id').execute();
  assert.equal(jobs.length, 0);
});

test('upload (windows-1250) → mapping pre-filled → dry run report → background import → result', async () => {
  const nip = validNip('61200001');
  const text = [
    'Pełna nazwa;Forma prawna;NIP;TERYT;Miejscowość;Uwagi',
    `Spółdzielnia Socjalna Źródło;spółdzielnia socjalna;${nip};0463011;Toruń;x`,
    'Fundacja Łąka;fundacja;123;0463011;Toruń;y',
    'Koło Gospodyń Wiejskich w Żninie;koło gospodyń wiejskich;;0419043;Żnin;z',
  ].join('\r\n');
  const res = await upload(iconv.encode(text, 'win1250'), { name: 'lista.csv' });
  assert.equal(res.statusCode, 303);
  const jobPath = String(res.headers.location);
  assert.match(jobPath, /^\/admin\/podmioty\/import\/[0-9a-f-]{36}$/);

  // mapping: recognised headers are pre-selected ("Pełna nazwa" too), "Uwagi" is left out
  const mapping = await open(jobPath);
  assert.match(mapping.body, /kodowanie windows-1250, separator „;”, wierszy danych: 3/);
  assert.match(mapping.body, /<label class="visually-hidden" for="f-col_0">Pole rejestru dla kolumny „Pełna nazwa”<\/label>/);
  assert.match(mapping.body, /<select id="f-col_1" name="col_1">[\s\S]*?<option value="legal_form" selected/);
  assert.match(mapping.body, /<select id="f-col_2" name="col_2">[\s\S]*?<option value="nip" selected/);
  assert.match(mapping.body, /<select id="f-col_0" name="col_0">[\s\S]*?<option value="name" selected/);
  assert.match(
    mapping.body,
    /<select id="f-col_5" name="col_5"><option value selected>— pomiń kolumnę —/,
    'an unknown header starts unassigned',
  );

  // checking without a name column reports it for the whole file and saves nothing
  const noName = await post(`${jobPath}/sprawdz`, { col_1: 'legal_form', col_2: 'nip', col_3: 'gmina_teryt', col_4: 'town' });
  assert.equal(noName.statusCode, 303);
  const withProblem = await open(jobPath);
  assert.match(withProblem.body, /Żadna kolumna nie jest przypisana do pola „Nazwa”/);
  assert.doesNotMatch(withProblem.body, /Importuj poprawne wiersze/);

  const before = await count();
  const checked = await post(`${jobPath}/sprawdz`, {
    col_0: 'name',
    col_1: 'legal_form',
    col_2: 'nip',
    col_3: 'gmina_teryt',
    col_4: 'town',
    col_5: '',
  });
  assert.equal(checked.statusCode, 303);
  const report = await open(jobPath);
  assert.match(report.body, /Wierszy w pliku: 3\. Poprawnych \(do importu\): 2\. Odrzuconych: 1\./);
  assert.match(report.body, /<caption>Problemy w wierszach pliku<\/caption>/);
  assert.match(report.body, /<th scope="row">3<\/th>\s*<td>NIP<\/td>\s*<td>Niepoprawny NIP „123”/);
  assert.match(report.body, /Importuj poprawne wiersze \(2\)/);
  assert.equal(await count(), before, 'the dry run saved nothing');

  const started = await post(`${jobPath}/importuj`, {});
  assert.equal(started.statusCode, 303);
  // a second click does not start it again
  await post(`${jobPath}/importuj`, {}).catch(() => undefined);
  await importJobsSettled(t.ctx);
  assert.equal(await count(), before + 2);
  const done = await t.app.inject({ url: jobPath, headers: { cookie: coordinator } });
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /data-import-progress="true" data-status="done"/);
  assert.match(done.body, /Import zakończony\. Dodane podmioty: 2\. Odrzucone wiersze: 1\./);
  assert.match(done.body, /Niepoprawny NIP „123”/);
  const job = await t.ctx.db.selectFrom('entity_imports').selectAll().executeTakeFirstOrThrow();
  assert.equal(job.content, null, 'the file is not kept after the import');
  const kgw = await t.ctx.db.selectFrom('entities').selectAll().where('town', '=', 'Żnin').executeTakeFirstOrThrow();
  assert.equal(kgw.name, 'Koło Gospodyń Wiejskich w Żninie');
  assert.equal(kgw.legal_form, 'kolo_gospodyn_wiejskich');
  const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'registry.import').executeTakeFirstOrThrow();
  assert.equal(audit.subject_id, job.id);

  // the list of recent imports links the job, in English too
  const list = await t.app.inject({ url: '/en/admin/podmioty/import', headers: { cookie: coordinator } });
  assert.match(list.body, /lista\.csv/);
  assert.match(list.body, /finished/);
});

test('a running import shows its progress with a refresh link, no meta refresh', async () => {
  const now = new Date().toISOString();
  const id = '01900000-0000-7000-8000-000000000001';
  await t.ctx.db
    .insertInto('entity_imports')
    .values({
      id,
      file_name: 'duzy.csv',
      encoding: 'utf-8',
      delimiter: ';',
      headers: '["nazwa"]',
      mapping: '["name"]',
      content: 'nazwa\nA\n',
      status: 'running',
      total_rows: 5000,
      ok_rows: 5000,
      refused_rows: 0,
      processed_rows: 2000,
      imported_rows: 2000,
      problems: '{}',
      error: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    })
    .execute();
  const page = await open(`/admin/podmioty/import/${id}`);
  assert.match(page.body, /Trwa import: przetworzono 2000 z 5000 wierszy\./);
  assert.match(page.body, /<progress max="5000" value="2000"/);
  assert.match(page.body, /Odśwież stan importu/);
  assert.match(page.body, /<script src="\/assets\/js\/registry-import.js" defer/);
  assert.doesNotMatch(page.body, /http-equiv="refresh"/);
});
