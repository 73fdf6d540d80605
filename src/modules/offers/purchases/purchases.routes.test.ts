// The purchase share through HTTP on SQLite and PostgreSQL with a controlled clock: staff register
// two buyer institutions and choose a representative by name (audited); a windows-1250 `;` file of
// 10 rows, 3 with registry NIPs, passes a dry run (nothing saved), then is saved and shows the
// expected share to 0.1 percentage point (and the parts with PS and with a valid mark), with CSV/XLSX/PDF exports; a bad file lists its rows'
// problems and saves nothing; the public aggregate of a buyer with 4 rows shows "<5"; and the
// scoped rows of the permission matrix: a representative of buyer X gets 403 on buyer Y's data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import { cookieHeader, createTestApp, csrfFrom, loginAs, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { multipart } from '../../../testing/multipart.js';
import { makeEntity } from '../offers.testing.js';
import { unitChoices } from '../offers.service.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;
let staff = '';
let repX = '';
let repXId = '';
let repY = '';
let entityRep = '';
let buyerX = '';
let buyerY = '';
let powiatX = '';
let powiatY = '';
let ip = 0;
const nextIp = () => `10.8.${Math.floor(++ip / 250)}.${ip % 250}`;

/** A valid NIP from a 9-digit stem (the check digit computed, stems giving 10 skipped by the caller). */
function nip(stem: string): string {
  const w = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  const check = [...stem].reduce((s, d, i) => s + Number(d) * w[i]!, 0) % 11;
  assert.notEqual(check, 10, stem);
  return `${stem}${check}`;
}
const SE_NIPS = [nip('526000001'), nip('526000002'), nip('526000003')];
const OTHER_NIPS = ['111000001', '111000003', '111000004', '111000005', '111000006', '111000007', '111000008'].map(nip);

const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {}, remoteAddress: nextIp() });

async function post(url: string, values: Record<string, string>, cookie: string, formUrl = url) {
  const res = await get(formUrl, cookie);
  assert.equal(res.statusCode, 200, `${formUrl}: ${res.statusCode}`);
  const body = new URLSearchParams({ _csrf: csrfFrom(res.body), ...values });
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: nextIp(),
    headers: { cookie: cookieHeader(res, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

async function upload(buyer: string, cookie: string, data: Buffer, year: string, dryRun: boolean, filename = 'wydatki.csv') {
  const url = `/oferta/zakupy/${buyer}/import`;
  const page = await get(url, cookie);
  assert.equal(page.statusCode, 200);
  const { payload, contentType } = multipart(
    { _csrf: csrfFrom(page.body), year, ...(dryRun ? { dry_run: '1' } : {}) },
    { file: { filename, contentType: 'text/csv', data } },
  );
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: nextIp(),
    headers: { cookie: cookieHeader(page, cookie), 'content-type': contentType },
    payload,
  });
}

/** Windows-1250 with `;`, as Polish Excel saves it. */
const cp1250 = (lines: string[]) => iconv.encode(lines.join('\r\n'), 'win1250');

// 7 rows of 1 000,00 zł with other suppliers, 3 with registry NIPs: 1 500,00 + 250,50 + 749,50 = 2 500,00
// → 2 500 / 9 500 = 26,315… % → "26,3 %"
const TEN_ROWS = cp1250([
  'NIP;Dostawca;Kwota;Kategoria',
  ...OTHER_NIPS.map((n, i) => `${n};Firma Żółć ${i + 1} sp. z o.o.;1 000,00;Usługi sprzątające`),
  `${SE_NIPS[0]};Spółdzielnia Socjalna Łąka;1 500,00;Catering`,
  `${SE_NIPS[1]};Fundacja Źródło;250,50;Usługi sprzątające`,
  `PL${SE_NIPS[2]};Spółdzielnia Socjalna Gęś;749,50;Catering`,
]);

before(async () => {
  t = await createTestApp({ clock });
  const seIds: string[] = [];
  for (const [i, n] of SE_NIPS.entries()) {
    const id = await makeEntity(t.ctx, { name: `Podmiot NIP ${i + 1}` });
    await t.ctx.db.updateTable('entities').set({ nip: n }).where('id', '=', id).execute();
    seIds.push(id);
  }
  // the first supplier is a social enterprise (PS), the second holds a valid mark on the clock's day
  await t.ctx.db
    .insertInto('entity_ps_status')
    .values({
      id: 'ps-1',
      entity_id: seIds[0]!,
      kind: 'granted',
      ps_type: null,
      decision_number: null,
      decision_date: '2025-01-01',
      loss_reason: null,
    })
    .execute();
  await t.ctx.db
    .insertInto('entity_marks')
    .values({
      id: 'mark-2',
      entity_id: seIds[1]!,
      mark: 'zakup_prospoleczny',
      subject: null,
      granted_on: '2026-09-01',
      expires_on: '2027-09-01',
      is_expiry_derived: true,
      source_url: null,
    })
    .execute();
  const units = await unitChoices(t.ctx);
  powiatX = units.powiaty[0]!.teryt;
  powiatY = units.powiaty[1]!.teryt;
  staff = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
  ({ cookie: repX, userId: repXId } = await loginAs(t, []));
  await t.ctx.db.updateTable('users').set({ display_name: 'Zofia Zamawiająca' }).where('id', '=', repXId).execute();
  entityRep = (await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: 'entity-x' }])).cookie;
});
after(async () => t.close());

test('staff register buyers and choose a representative by name; the grant is audited', async () => {
  const bad = await post('/admin/oferta/zakupy', { name: 'Gmina X', powiat: '', nip: '123' }, staff);
  assert.equal(bad.statusCode, 400);
  assert.equal((await t.ctx.db.selectFrom('purchase_buyers').select('id').execute()).length, 0);
  const created = await post('/admin/oferta/zakupy', { name: 'Gmina Przykładowo', powiat: powiatX, nip: '' }, staff);
  assert.equal(created.statusCode, 303);
  buyerX = /zakupy\/([^?]+)/.exec(created.headers.location!)![1]!;
  const other = await post('/admin/oferta/zakupy', { name: 'Powiatowe Centrum Usług', powiat: powiatY, nip: '' }, staff);
  buyerY = /zakupy\/([^?]+)/.exec(other.headers.location!)![1]!;

  const page = await get(`/admin/oferta/zakupy/${buyerX}`, staff);
  assert.match(page.body, /Zofia Zamawiająca/);
  const added = await post(`/admin/oferta/zakupy/${buyerX}/przedstawiciele`, { user_id: repXId }, staff, `/admin/oferta/zakupy/${buyerX}`);
  assert.equal(added.statusCode, 303);
  const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'user.role_grant').execute();
  assert.deepEqual(
    audit.map((a) => a.subject_id),
    [repXId],
  );
  const roles = await t.ctx.db.selectFrom('user_roles').select(['role', 'scope_type', 'scope_id']).where('user_id', '=', repXId).execute();
  assert.deepEqual(roles, [{ role: 'buyer_representative', scope_type: 'buyer', scope_id: buyerX }]);
  repY = (await loginAs(t, [{ role: 'buyer_representative', scopeType: 'buyer', scopeId: buyerY }])).cookie;
});

test('a windows-1250 ; file of 10 rows, 3 with registry NIPs: dry run saves nothing, then the share is 26,3 %', async () => {
  const dry = await upload(buyerX, repX, TEN_ROWS, '2026', true);
  assert.equal(dry.statusCode, 200, dry.body.slice(0, 300));
  assert.match(dry.body, /Plik jest poprawny: 10 pozycji\./);
  assert.match(dry.body, /3 pozycje mają NIP podmiotu z rejestru\./);
  assert.equal((await t.ctx.db.selectFrom('purchase_rows').select('id').execute()).length, 0);

  const saved = await upload(buyerX, repX, TEN_ROWS, '2026', false);
  assert.equal(saved.statusCode, 200);
  assert.match(saved.body, /Zapisano 10 pozycji\./);

  const page = await get(`/oferta/zakupy/${buyerX}?rok=2026`, repX);
  assert.equal(page.statusCode, 200);
  const share = (2500 / 9500) * 100;
  assert.match(page.body, new RegExp(`${share.toFixed(1).replace('.', ',')}\\s%`));
  assert.match(page.body, /Spółdzielnia Socjalna Łąka/, 'cp1250 decoded');
  assert.match(page.body, /Usługi sprzątające/);

  const csv = await get(`/oferta/zakupy/${buyerX}/eksport/2026/csv`, repX);
  assert.equal(csv.statusCode, 200);
  const overall = csv.body.split('\r\n').find((l) => l.startsWith('Ogółem'))!;
  assert.deepEqual(overall.split(';').slice(1, 5), ['10', '9500,00', '2500,00', '26,3']);
  // with PS 1 500,00 (the first supplier), with a valid mark 250,50 (the second); catering holds the PS part
  assert.deepEqual(overall.split(';').slice(5, 7), ['1500,00', '250,50']);
  const catering = csv.body.split('\r\n').find((l) => l.startsWith('Catering'))!;
  assert.deepEqual(catering.split(';').slice(5, 7), ['1500,00', '0,00']);
  assert.match(page.body, /15,8\s%/, 'the PS share of the whole: 1 500 / 9 500');
  const xlsx = await get(`/oferta/zakupy/${buyerX}/eksport/2026/xlsx`, repX);
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  const pdf = await get(`/oferta/zakupy/${buyerX}/eksport/2026/pdf`, repX);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
});

test('a file with bad rows lists them by line and saves nothing', async () => {
  const res = await upload(
    buyerX,
    repX,
    cp1250(['NIP;Dostawca;Kwota', `${SE_NIPS[0]};Dobra;100`, '1234567890;Zły NIP;100', `${SE_NIPS[1]};;-5`]),
    '2025',
    false,
  );
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Wiersz 3: „1234567890” nie jest poprawnym NIP/);
  assert.match(res.body, /Wiersz 4: brak wartości w kolumnie „dostawca”; „-5” nie jest kwotą/);
  assert.equal((await t.ctx.db.selectFrom('purchase_files').select('id').where('year', '=', 2025).execute()).length, 0);
});

test('the public aggregates per powiat and year: a cell of 4 rows shows "<5"', async () => {
  const four = await upload(
    buyerY,
    repY,
    cp1250([
      'NIP;Dostawca;Kwota;Kategoria',
      ...OTHER_NIPS.slice(0, 3).map((n) => `${n};Firma;100,00;Druk`),
      `${SE_NIPS[0]};Łąka;50,00;Druk`,
    ]),
    '2026',
    false,
  );
  assert.equal(four.statusCode, 200);
  const page = await get('/oferta/zakupy');
  assert.equal(page.statusCode, 200);
  const rows = [...page.body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, '|'));
  const cells = rows.filter((r) => r.includes('|2026|'));
  assert.equal(cells.length, 2, 'one cell per powiat');
  const cellX = cells.find((r) => r.includes('|10|'))!;
  const cellY = cells.find((r) => r !== cellX)!;
  assert.match(cellY, /\|&lt;5\|/);
  assert.doesNotMatch(cellY, /250,00|200,00|50,00/, 'its sums are withheld');
  // X: 10 rows and its total shown; its 3 social economy rows are a small cell too
  assert.match(cellX, /9\s?500,00/);
  assert.match(cellX, /\|&lt;5\|/);
  assert.doesNotMatch(cellX, /2\s?500,00|26,3/);
  assert.doesNotMatch(page.body, /Firma Żółć|Spółdzielnia Socjalna Łąka/, 'no raw rows in public');
});

test('permission matrix (scoped rows): a representative of X gets 403 on Y', async () => {
  // anonymous, coordinator, entity representative, representative of X, representative of Y
  const who = ['', staff, entityRep, repX, repY];
  const matrix: [string, string][] = [
    ['/oferta/zakupy', 'AAAAA'],
    [`/oferta/zakupy/${buyerX}`, 'LAFAF'],
    [`/oferta/zakupy/${buyerY}`, 'LAFFA'],
    [`/oferta/zakupy/${buyerX}/import`, 'LAFAF'],
    [`/oferta/zakupy/${buyerY}/import`, 'LAFFA'],
    [`/oferta/zakupy/${buyerX}/eksport/2026/csv`, 'LAFAF'],
    [`/oferta/zakupy/${buyerY}/eksport/2026/pdf`, 'LAFFA'],
    ['/admin/oferta/zakupy', 'LAFFF'],
    [`/admin/oferta/zakupy/${buyerX}`, 'LAFFF'],
  ];
  const code = { A: 200, L: 302, F: 403 } as const;
  for (const [url, expected] of matrix) {
    const got: string[] = [];
    for (const cookie of who) {
      const res = await get(url, cookie);
      got.push((Object.entries(code).find(([, c]) => c === res.statusCode)?.[0] ?? String(res.statusCode)) as string);
    }
    assert.equal(got.join(''), expected, url);
  }
  // and a representative of X cannot send Y a file
  const page = await get(`/oferta/zakupy/${buyerX}/import`, repX);
  const { payload, contentType } = multipart({ _csrf: csrfFrom(page.body), year: '2026' }, { file: { filename: 'a.csv', data: TEN_ROWS } });
  const res = await t.app.inject({
    method: 'POST',
    url: `/oferta/zakupy/${buyerY}/import`,
    headers: { cookie: cookieHeader(page, repX), 'content-type': contentType },
    payload,
  });
  assert.equal(res.statusCode, 403);
});

test('staff take a representative back: the role is gone and the buyer page refuses', async () => {
  const res = await post(
    `/admin/oferta/zakupy/${buyerX}/przedstawiciele/usun`,
    { user_id: repXId },
    staff,
    `/admin/oferta/zakupy/${buyerX}`,
  );
  assert.equal(res.statusCode, 303);
  assert.equal((await get(`/oferta/zakupy/${buyerX}`, repX)).statusCode, 403);
  assert.equal((await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'user.role_revoke').execute()).length, 1);
});
