// The coordinators' territory page: who may open it, CSRF on every change, subregion edits that
// refuse a powiat in two subregions at once, a new funding period, and the two-step statistics
// import (good and bad rows, windows-1250 and BOM files) where the preview changes nothing and
// only the confirmation saves. Runs on SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { countAll } from '../../core/db/database.js';
import { cookieHeader, createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { multipart } from '../../testing/multipart.js';

let t: TestApp;
let coordinator: string;
const clock = new ManualClock('2025-06-01T10:00:00Z');

before(async () => {
  t = await createTestApp({ clock });
  coordinator = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
});
after(async () => t.close());

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A page of the admin area with a fresh CSRF token and the cookie that goes with it. */
async function open(path: string, cookie = coordinator): Promise<{ csrf: string; cookie: string; body: string }> {
  const res = await t.app.inject({ url: path, headers: { cookie } });
  assert.equal(res.statusCode, 200, `${path}: ${res.body.slice(0, 300)}`);
  return { csrf: csrfFrom(res.body), cookie: cookieHeader(res, cookie), body: res.body };
}

async function post(path: string, values: Record<string, string | string[]>, cookie = coordinator) {
  const page = await open('/admin/terytorium', cookie);
  const params = new URLSearchParams({ _csrf: page.csrf });
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  return t.app.inject({ method: 'POST', url: path, headers: { ...FORM, cookie: page.cookie }, payload: params.toString() });
}

const csvUpload = (fields: Record<string, string>, file?: { name: string; content: Buffer }) =>
  multipart(fields, file ? { file: { filename: file.name, contentType: 'text/csv', data: file.content } } : {});

async function upload(
  content: Buffer | string,
  source = 'GUS, Bank Danych Lokalnych, stan na 31 XII 2023',
  opts: { csrf?: boolean; name?: string } = {},
) {
  const page = await open('/admin/terytorium');
  const fields: Record<string, string> = opts.csrf === false ? { source } : { _csrf: page.csrf, source };
  const body = csvUpload(
    fields,
    content === ''
      ? undefined
      : { name: opts.name ?? 'dane.csv', content: typeof content === 'string' ? Buffer.from(content, 'utf8') : content },
  );
  return t.app.inject({
    method: 'POST',
    url: '/admin/terytorium/statystyki',
    headers: { cookie: page.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

const countOf = async (table: 'gmina_statistics' | 'territory_stat_uploads') =>
  (await t.ctx.db.selectFrom(table).select(countAll().as('n')).executeTakeFirstOrThrow()).n;
const valueOf = async (teryt: string, year: number, measure: 'population' | 'registered_unemployed' | 'social_assistance') =>
  (
    await t.ctx.db
      .selectFrom('gmina_statistics')
      .select('value')
      .where('teryt', '=', teryt)
      .where('year', '=', year)
      .where('measure', '=', measure)
      .executeTakeFirst()
  )?.value;

describe('access', () => {
  test('anonymous → login (GET) or 401 (POST); editor → 403; coordinator and administrator → 200', async () => {
    const anon = await t.app.inject({ url: '/admin/terytorium' });
    assert.equal(anon.statusCode, 302);
    assert.match(String(anon.headers.location), /^\/konto\/logowanie\?next=%2Fadmin%2Fterytorium/);
    const anonPost = await t.app.inject({
      method: 'POST',
      url: '/admin/terytorium/subregiony/nowy',
      headers: FORM,
      payload: form({ name_pl: 'x' }),
    });
    assert.equal(anonPost.statusCode, 401);
    const editor = (await loginAs(t, [{ role: 'editor' }])).cookie;
    for (const url of ['/admin/terytorium', '/admin/terytorium/subregiony/nowy', '/admin/terytorium/okresy/nowy']) {
      const res = await t.app.inject({ url, headers: { cookie: editor } });
      assert.equal(res.statusCode, 403, url);
      assert.match(res.body, /Brak dostępu/);
    }
    const editorPost = await t.app.inject({
      method: 'POST',
      url: '/admin/terytorium/statystyki/usun-rok',
      headers: { ...FORM, cookie: editor },
      payload: form({ year: '2023', confirm: 'tak' }),
    });
    assert.equal(editorPost.statusCode, 403);
    assert.match(editorPost.body, /Brak dostępu/, 'refused by the policy, before CSRF is even looked at');
    const admin = (await loginAs(t, [{ role: 'administrator' }])).cookie;
    assert.equal((await t.app.inject({ url: '/admin/terytorium', headers: { cookie: admin } })).statusCode, 200);
    const page = await open('/admin/terytorium');
    assert.match(page.body, /<h1>Terytorium: subregiony i statystyki<\/h1>/);
    assert.match(page.body, /Każdy z 23 powiatów należy do dokładnie jednego subregionu/);
    assert.match(page.body, /Nie wczytano jeszcze żadnych statystyk/);
    const en = await t.app.inject({ url: '/en/admin/terytorium', headers: { cookie: coordinator } });
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /Territory: subregions and statistics/);
    assert.match(
      (await t.app.inject({ url: '/admin', headers: { cookie: coordinator } })).body,
      /href="\/admin\/terytorium"/,
      'listed in the admin index',
    );
  });

  test('every change needs the form’s CSRF token; without it nothing is stored', async () => {
    const subregions = await t.ctx.db.selectFrom('subregions').select(countAll().as('n')).executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/terytorium/subregiony/nowy',
      headers: { ...FORM, cookie: coordinator },
      payload: form({ code: 'nowy', name_pl: 'Nowy', name_en: 'New', valid_from: '2030-01-01', powiaty: '0401' }),
    });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /Formularz wygasł/);
    assert.deepEqual(await t.ctx.db.selectFrom('subregions').select(countAll().as('n')).executeTakeFirstOrThrow(), subregions);
    const up = await upload('teryt;rok;ludnosc\n0463011;2023;196000\n', 'GUS', { csrf: false });
    assert.equal(up.statusCode, 403);
    assert.equal(await countOf('territory_stat_uploads'), 0);
  });
});

describe('subregions', () => {
  const idOf = async (code: string, from = '2024-01-01') =>
    (await t.ctx.db.selectFrom('subregions').select('id').where('code', '=', code).where('valid_from', '=', from).executeTakeFirstOrThrow())
      .id;
  const membersOf = async (id: string) =>
    (
      await t.ctx.db.selectFrom('subregion_members').select('powiat_teryt').where('subregion_id', '=', id).orderBy('powiat_teryt').execute()
    ).map((r) => r.powiat_teryt);

  test('a powiat already in another subregion of the period is refused, naming that subregion', async () => {
    const id = await idOf('torun');
    const form = await open(`/admin/terytorium/subregiony/${id}`);
    assert.match(form.body, /name="powiaty" value="0401" checked/);
    const before = await membersOf(id);
    const res = await post(`/admin/terytorium/subregiony/${id}`, {
      code: 'torun',
      name_pl: 'Subregion toruński',
      name_en: 'Toruń area',
      valid_from: '2024-01-01',
      valid_to: '2026-12-31',
      powiaty: [...before, '0402'],
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /powiat brodnicki należy już do subregionu „Subregion grudziądzki”/);
    assert.deepEqual(await membersOf(id), before, 'nothing changed');
  });

  test('invalid fields are all listed; nothing is created', async () => {
    const count = (await t.ctx.db.selectFrom('subregions').select(countAll().as('n')).executeTakeFirstOrThrow()).n;
    const res = await post('/admin/terytorium/subregiony/nowy', {
      code: 'Zły Kod',
      name_pl: '',
      name_en: 'x',
      valid_from: '2027-02-30',
      valid_to: '',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /data-error-summary/);
    assert.match(res.body, /może zawierać tylko małe litery/);
    assert.match(res.body, /Pole „Nazwa po polsku” jest wymagane|Nazwa po polsku/);
    assert.match(res.body, /musi zawierać datę w formacie RRRR-MM-DD/);
    assert.match(res.body, /Zaznacz co najmniej jeden powiat/);
    const end = await post('/admin/terytorium/subregiony/nowy', {
      code: 'x',
      name_pl: 'x',
      name_en: 'x',
      valid_from: '2027-02-01',
      valid_to: '2027-01-01',
      powiaty: '0401',
    });
    assert.match(end.body, /nie może być wcześniejsza niż początek okresu/);
    assert.equal((await t.ctx.db.selectFrom('subregions').select(countAll().as('n')).executeTakeFirstOrThrow()).n, count);
  });

  test('an edit is saved, shows up in the coverage check and in the audit log', async () => {
    const id = await idOf('torun');
    const res = await post(`/admin/terytorium/subregiony/${id}`, {
      code: 'torun',
      name_pl: 'Subregion toruński (OWES Toruń)',
      name_en: 'Toruń area',
      valid_from: '2024-01-01',
      valid_to: '2026-12-31',
      powiaty: ['0404', '0408', '0415', '0463'],
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/terytorium?ok=subregion');
    assert.deepEqual(await membersOf(id), ['0404', '0408', '0415', '0463']);
    const page = await open('/admin/terytorium?ok=subregion');
    assert.match(page.body, /Zapisano subregion/);
    assert.match(page.body, /Powiaty bez subregionu w tym okresie: powiat aleksandrowski/);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'changes']).where('subject_id', '=', id).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'territory.subregion.update');
    assert.deepEqual(Object.keys(JSON.parse(audit[0]!.changes!)).sort(), ['name_pl', 'powiaty']);
    // put it back for the tests that follow
    await post(`/admin/terytorium/subregiony/${id}`, {
      code: 'torun',
      name_pl: 'Subregion toruński',
      name_en: 'Toruń area',
      valid_from: '2024-01-01',
      valid_to: '2026-12-31',
      powiaty: ['0401', '0404', '0408', '0415', '0463'],
    });
  });

  test('a new period copies a grouping; it may not overlap the period it copies', async () => {
    const key = '2024-01-01|2026-12-31';
    const overlap = await post('/admin/terytorium/okresy/nowy', { copy_from: key, valid_from: '2026-06-01', valid_to: '' });
    assert.equal(overlap.statusCode, 400);
    assert.match(overlap.body, /nakłada się na okres/);
    const ok = await post('/admin/terytorium/okresy/nowy', { copy_from: key, valid_from: '2027-01-01', valid_to: '2029-12-31' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/admin/terytorium?ok=okres&n=4');
    const api = (await t.app.inject({ url: '/api/v1/terytorium/gminy?date=2028-05-01' })).json() as {
      items: { teryt: string; subregion: { code: string } | null }[];
    };
    assert.equal(api.items.find((g) => g.teryt === '0463011')!.subregion!.code, 'torun');
    const page = await open('/admin/terytorium');
    assert.equal(
      (page.body.match(/Każdy z 23 powiatów należy do dokładnie jednego subregionu/g) ?? []).length,
      2,
      'both periods cover every powiat once',
    );
    // removing one subregion of the new period leaves its powiaty uncovered, and says so
    const id = await idOf('bydgoszcz', '2027-01-01');
    const del = await post(`/admin/terytorium/subregiony/${id}/usun`, {});
    assert.equal(del.statusCode, 303);
    assert.match(
      (await open('/admin/terytorium')).body,
      /Powiaty bez subregionu w tym okresie: powiat bydgoski, Bydgoszcz, powiat nakielski, powiat sępoleński, powiat tucholski\./,
    );
  });
});

describe('statistics import', () => {
  const GOOD_AND_BAD = [
    'teryt;rok;ludnosc;bezrobotni;pomoc_spoleczna',
    '0463011;2023;196 545;2 101;5 400',
    '0461011;2023;330038;4200;9100',
    '0499999;2023;1000;10;10',
    '0402032;2023;dużo;10;10',
    '0415052;2023;7100;95;250',
    '0415052;2023;7100;95;251',
  ].join('\n');

  test('the preview lists every bad row and changes nothing; confirming saves the good rows', async () => {
    const res = await upload(GOOD_AND_BAD);
    assert.equal(res.statusCode, 303);
    const location = String(res.headers.location);
    assert.match(location, /^\/admin\/terytorium\/statystyki\/[0-9a-f-]{36}$/);
    assert.equal(await countOf('gmina_statistics'), 0, 'nothing saved by the upload itself');
    const preview = await open(location);
    assert.match(preview.body, /wszystkich: 6, poprawnych: 2, z błędami: 4/);
    assert.match(preview.body, /Nie ma gminy o kodzie „0499999”/);
    assert.match(preview.body, /Wartość „dużo” w kolumnie „ludnosc” nie jest liczbą całkowitą/);
    assert.match(preview.body, /Ta sama gmina i rok \(2023\) występują w wierszach 6, 7/);
    assert.match(preview.body, /196\s545 <span class="small">\(nowa\)<\/span>/);
    assert.match(preview.body, /Zapisz 6 wartości/);
    assert.equal(await countOf('gmina_statistics'), 0, 'nothing saved by looking at the preview');

    const confirm = await t.app.inject({
      method: 'POST',
      url: `${location}/zapisz`,
      headers: { ...FORM, cookie: preview.cookie },
      payload: form({ _csrf: preview.csrf }),
    });
    assert.equal(confirm.statusCode, 303);
    assert.equal(confirm.headers.location, '/admin/terytorium?ok=zapisano&n=6');
    assert.equal(await countOf('gmina_statistics'), 6);
    assert.equal(await valueOf('0463011', 2023, 'population'), 196545);
    assert.equal(await valueOf('0461011', 2023, 'social_assistance'), 9100);
    assert.equal(await valueOf('0415052', 2023, 'population'), undefined, 'duplicated rows are not saved');
    assert.equal(await countOf('territory_stat_uploads'), 0, 'the kept upload is gone once saved');
    const again = await t.app.inject({
      method: 'POST',
      url: `${location}/zapisz`,
      headers: { ...FORM, cookie: preview.cookie },
      payload: form({ _csrf: preview.csrf }),
    });
    assert.equal(again.statusCode, 404, 'a second confirmation saves nothing twice');
    const audit = await t.ctx.db.selectFrom('audit_log').select('meta').where('action', '=', 'territory.statistics.import').execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(JSON.parse(audit[0]!.meta!).values, 6);

    const profile = await t.app.inject({ url: '/terytorium/0463011' });
    assert.match(profile.body, /<td class="num">196\s545<\/td>/);
    assert.match(profile.body, /GUS, Bank Danych Lokalnych, stan na 31 XII 2023/);
  });

  test('re-importing the same year replaces the values, and the preview says what it replaces', async () => {
    const res = await upload('teryt;rok;ludnosc\n0463011;2023;197000\n0461011;2023;330038\n', 'GUS BDL, korekta');
    const preview = await open(String(res.headers.location));
    assert.match(preview.body, /197\s000 <span class="small">\(zastąpi 196\s545\)<\/span>/);
    assert.match(preview.body, /330\s038 <span class="small">\(bez zmian\)<\/span>/);
    assert.equal(await valueOf('0463011', 2023, 'population'), 196545);
    await t.app.inject({
      method: 'POST',
      url: `${res.headers.location}/zapisz`,
      headers: { ...FORM, cookie: preview.cookie },
      payload: form({ _csrf: preview.csrf }),
    });
    assert.equal(await valueOf('0463011', 2023, 'population'), 197000);
    assert.equal(await valueOf('0463011', 2023, 'social_assistance'), 5400, 'measures not in the new file are kept');
    assert.equal(await countOf('gmina_statistics'), 6);
  });

  test('windows-1250 with GUS headers and UTF-8 with a BOM are both read', async () => {
    const text =
      'Kod;Nazwa;Rok;Ludność ogółem;Bezrobotni zarejestrowani;Osoby w gospodarstwach domowych korzystających ze środowiskowej pomocy społecznej\r\n0419063;Żnin;2022;21 500;410;1 300\r\n0415052;Łubianka;2022;7 100;95;250\r\n';
    for (const [name, bytes] of [
      ['cp1250.csv', iconv.encode(text, 'win1250')],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/2022/g, '2021'), 'utf8')])],
    ] as const) {
      const res = await upload(bytes, 'GUS BDL', { name });
      assert.equal(res.statusCode, 303, name);
      const preview = await open(String(res.headers.location));
      assert.match(preview.body, /wszystkich: 2, poprawnych: 2, z błędami: 0/, name);
      assert.match(preview.body, name === 'cp1250.csv' ? /windows-1250, średnik/ : /utf-8, średnik/);
      assert.match(preview.body, /Żnin/);
      await t.app.inject({
        method: 'POST',
        url: `${res.headers.location}/zapisz`,
        headers: { ...FORM, cookie: preview.cookie },
        payload: form({ _csrf: preview.csrf }),
      });
    }
    assert.equal(await valueOf('0419063', 2022, 'social_assistance'), 1300);
    assert.equal(await valueOf('0415052', 2021, 'registered_unemployed'), 95);
  });

  test('a form or file that cannot be used is refused on the form itself, and nothing is kept', async () => {
    const kept = await countOf('territory_stat_uploads');
    const noFile = await upload('');
    assert.equal(noFile.statusCode, 400);
    assert.match(noFile.body, /Wybierz plik CSV do wczytania/);
    const noSource = await upload('teryt;rok;ludnosc\n0463011;2023;1\n', '');
    assert.equal(noSource.statusCode, 400);
    assert.match(noSource.body, /Źródło danych/);
    const noColumn = await upload('nazwa;ludnosc\nToruń;1\n');
    assert.equal(noColumn.statusCode, 400);
    assert.match(noColumn.body, /Brak kolumny z kodem TERYT gminy/);
    assert.match(noColumn.body, /value="GUS, Bank Danych Lokalnych, stan na 31 XII 2023"/, 'the typed source is kept');
    assert.equal(await countOf('territory_stat_uploads'), kept);
  });

  test('cancelling drops the kept upload; a year can be deleted only with confirmation', async () => {
    const res = await upload('teryt;rok;ludnosc\n0463011;2020;190000\n');
    const preview = await open(String(res.headers.location));
    const cancel = await t.app.inject({
      method: 'POST',
      url: `${res.headers.location}/anuluj`,
      headers: { ...FORM, cookie: preview.cookie },
      payload: form({ _csrf: preview.csrf }),
    });
    assert.equal(cancel.headers.location, '/admin/terytorium?ok=anulowano');
    assert.equal((await t.app.inject({ url: String(res.headers.location), headers: { cookie: coordinator } })).statusCode, 404);
    assert.equal(await valueOf('0463011', 2020, 'population'), undefined);

    const unconfirmed = await post('/admin/terytorium/statystyki/usun-rok', { year: '2021' });
    assert.equal(unconfirmed.statusCode, 400);
    assert.match(unconfirmed.body, /Zaznacz potwierdzenie/);
    assert.equal(await valueOf('0415052', 2021, 'population'), 7100);
    const deleted = await post('/admin/terytorium/statystyki/usun-rok', { year: '2021', confirm: 'tak' });
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/admin/terytorium?ok=usunieto-rok&n=6&rok=2021');
    assert.equal(await valueOf('0415052', 2021, 'population'), undefined);
    assert.equal(await valueOf('0415052', 2022, 'population'), 7100, 'other years stay');
  });
});
