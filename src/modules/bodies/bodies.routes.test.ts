// The bodies module through HTTP on SQLite and PostgreSQL with a controlled clock: the demo seed
// (RKRES under its 10 categories, placeholders labelled on pages and absent from the API, the
// subcommittees linked to subregions), the staff forms (refusals change nothing, every change
// audited), the composition with vacant seats, an ended membership in the history with its ground,
// contact data never public, the member space (404 / 403 / 200) and the term-end reminders (90 and
// 30 days before, each once).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, cookieHeader, csrfFrom, form, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { seedBodiesDemo } from './bodies.seed.js';
import { sendTermReminders } from './bodies.service.js';

const clock = new ManualClock('2027-01-10T09:00:00Z');
let t: TestApp;
let coordinatorId: string;

before(async () => {
  t = await createTestApp({ clock });
  coordinatorId = (await loginAs(t, [{ role: 'coordinator' }], 'koordynator@test.example.pl')).userId;
});
after(async () => t.close());

const staff = () => sessionFor(t, coordinatorId);

async function post(url: string, values: Record<string, string>, formUrl: string) {
  const cookie = await staff();
  const page = await t.app.inject({ url: formUrl, headers: { cookie } });
  assert.equal(page.statusCode, 200, `${formUrl}: ${page.statusCode}`);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookieHeader(page, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
}

const get = async (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });
const count = async (table: 'bodies' | 'body_terms' | 'body_memberships' | 'body_seats') =>
  (await t.ctx.db.selectFrom(table).select('id').execute()).length;

describe('demo seed', () => {
  before(async () => {
    assert.match((await seedBodiesDemo(t.ctx)).summary, /\(8 new\)/);
  });

  test('is idempotent', async () => {
    assert.match((await seedBodiesDemo(t.ctx)).summary, /\(0 new\)/);
  });

  test('/zespoly lists the bodies of the programme', async () => {
    const res = await get('/zespoly');
    assert.equal(res.statusCode, 200);
    for (const name of [
      'Regionalny Komitet Rozwoju Ekonomii Społecznej',
      'Wojewódzki zespół ekspercki',
      'Interdyscyplinarna grupa robocza',
      'Kujawsko-Pomorska Kapituła',
    ])
      assert.ok(res.body.includes(name), name);
    assert.equal((res.body.match(/Podkomitet Monitorujący/g) ?? []).length, 4);
  });

  test('/zespoly/rkres shows the members under the 10 statutory categories, placeholders labelled, rules unknown', async () => {
    const res = await get('/zespoly/rkres');
    assert.equal(res.statusCode, 200);
    for (const category of [
      'Marszałek Województwa',
      'Wojewoda',
      'jednostki samorządu terytorialnego',
      'podmioty ekonomii społecznej',
      'Wojewódzka Rada Działalności Pożytku Publicznego',
      'związki rewizyjne spółdzielni',
      'instytuty badawcze',
      'uczelnie',
      'związki zawodowe',
      'organizacje pracodawców',
    ])
      assert.ok(res.body.includes(`>${category}`), category);
    assert.equal((res.body.match(/<h3 id="seat-/g) ?? []).length, 10);
    assert.match(res.body, /przykład \(dane demonstracyjne\)/);
    assert.match(res.body, /liczba miejsc nieznana/);
    assert.match(res.body, /nie są znane/);
    assert.match(res.body, /art\. 55–58 ustawy/);
    assert.match(res.body, /Informacja o danych osobowych/);
    const en = await get('/en/zespoly/rkres');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /employers’ organisations/);
  });

  test('the API leaves out demo placeholders and contact data', async () => {
    const res = await get('/api/v1/zespoly/rkres');
    assert.equal(res.statusCode, 200);
    const body = res.json<{
      rules: unknown;
      terms: { number: number; is_current: boolean; seats: unknown[]; memberships: { person_name: string }[] | null }[];
    }>();
    assert.equal(body.rules, null);
    const current = body.terms.find((x) => x.is_current)!;
    assert.equal(current.number, 2);
    assert.equal(current.seats.length, 10);
    assert.deepEqual(
      current.memberships!.map((m) => m.person_name),
      ['Dyrektor Departamentu Spraw Społecznych Urzędu Marszałkowskiego'],
    );
    assert.doesNotMatch(res.body, /przykładowa|email|phone|user_id/);
    const list = await get('/api/v1/zespoly');
    assert.equal(list.json<{ items: unknown[] }>().items.length, 8);
  });

  test('a subcommittee names its OWES subregion', async () => {
    const res = await get('/zespoly/podkomitet-torun');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Subregion toruński/);
  });
});

describe('staff keep a body, its terms, seats and members', () => {
  let bodyId: string;
  let termId: string;
  let memberId: string;
  const termUrl = () => `/admin/zespoly/${bodyId}/kadencje/${termId}`;

  test('staff pages are the coordinators’ and administrators’ only', async () => {
    assert.equal((await get('/admin/zespoly')).statusCode, 302);
    const editor = await loginAs(t, [{ role: 'editor' }]);
    assert.equal((await get('/admin/zespoly', editor.cookie)).statusCode, 403);
    assert.equal((await get('/admin/zespoly', await staff())).statusCode, 200);
  });

  test('a refused body form shows every problem and creates nothing', async () => {
    const before = await count('bodies');
    const res = await post(
      '/admin/zespoly/nowy',
      { name: '', slug: 'Zła Nazwa', type: 'committee', quorum_kind: 'fraction', quorum_fraction: '3/2', majority: 'simple' },
      '/admin/zespoly/nowy',
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Pole „Nazwa”/);
    assert.match(res.body, /ułamek/);
    assert.match(res.body, /małe litery/);
    assert.equal(await count('bodies'), before);
  });

  test('creating a body, a term and seats (audited)', async () => {
    const res = await post(
      '/admin/zespoly/nowy',
      {
        name: 'Komitet testowy',
        slug: 'komitet-testowy',
        type: 'committee',
        quorum_kind: 'fraction',
        quorum_fraction: '1/2',
        majority: 'absolute',
        is_composition_public: '1',
        is_substitutes_allowed: '1',
        is_votes_named: '1',
      },
      '/admin/zespoly/nowy',
    );
    assert.equal(res.statusCode, 303);
    bodyId = /\/admin\/zespoly\/([^?]+)\?ok=utworzono/.exec(String(res.headers.location))![1]!;
    const dup = await post(`/admin/zespoly/${bodyId}/kadencje`, { number: '1', starts_on: '2027-31-01' }, `/admin/zespoly/${bodyId}`);
    assert.equal(dup.statusCode, 400);
    assert.match(dup.body, /RRRR-MM-DD/);
    const term = await post(
      `/admin/zespoly/${bodyId}/kadencje`,
      { number: '1', starts_on: '2027-01-01', ends_on: '2029-12-31' },
      `/admin/zespoly/${bodyId}`,
    );
    assert.equal(term.statusCode, 303);
    termId = /kadencje\/([^?]+)\?/.exec(String(term.headers.location))![1]!;
    for (const [category, n] of [
      ['voivode', '2'],
      ['universities', ''],
    ] as const) {
      const seat = await post(`${termUrl()}/miejsca`, { category, seat_count: n }, termUrl());
      assert.equal(seat.statusCode, 303);
    }
    const again = await post(`${termUrl()}/miejsca`, { category: 'voivode', seat_count: '1' }, termUrl());
    assert.equal(again.statusCode, 400);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', bodyId).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['body.create', 'body.seat_add', 'body.seat_add', 'body.term_add']);
    const page = await get('/zespoly/komitet-testowy');
    assert.match(page.body, /co najmniej 1\/2 składu/);
    assert.match(page.body, /bezwzględna większość/);
    assert.match(page.body, /2 miejsca; 2 wolne miejsca/);
  });

  test('a member with an e-mail gets the scoped member role; the address stays off public pages', async () => {
    const seats = await t.ctx.db.selectFrom('body_seats').select(['id', 'category']).where('term_id', '=', termId).execute();
    const voivode = seats.find((s) => s.category === 'voivode')!.id;
    const before = await count('body_memberships');
    const refused = await post(
      `${termUrl()}/czlonkowie`,
      { person_name: 'Jan Nowak', seat_id: voivode, role: 'member', nominating_institution: '', appointing_act: '' },
      termUrl(),
    );
    assert.equal(refused.statusCode, 400);
    assert.equal(await count('body_memberships'), before);
    const res = await post(
      `${termUrl()}/czlonkowie`,
      {
        person_name: 'Jan Nowak',
        seat_id: voivode,
        role: 'chair',
        nominating_institution: 'Kujawsko-Pomorski Urząd Wojewódzki',
        appointing_act: 'Zarządzenie nr 1/2027',
        email: 'jan.nowak@example.pl',
        phone: '+48 56 000 00 00',
      },
      termUrl(),
    );
    assert.equal(res.statusCode, 303);
    const m = await t.ctx.db.selectFrom('body_memberships').selectAll().where('person_name', '=', 'Jan Nowak').executeTakeFirstOrThrow();
    memberId = m.id;
    assert.equal(m.starts_on, '2027-01-01');
    const role = await t.ctx.db.selectFrom('user_roles').selectAll().where('user_id', '=', m.user_id!).executeTakeFirstOrThrow();
    assert.deepEqual([role.role, role.scope_type, role.scope_id], ['team_member', 'team', bodyId]);
    const page = await get('/zespoly/komitet-testowy');
    assert.match(page.body, /Jan Nowak/);
    assert.match(page.body, /1 wolne miejsce/);
    const api = await get('/api/v1/zespoly/komitet-testowy');
    for (const body of [page.body, api.body, (await get(`/zespoly/komitet-testowy/historia?kadencja=1`)).body]) {
      assert.doesNotMatch(body, /jan\.nowak@example\.pl|000 00 00/);
    }
    assert.match((await get(termUrl(), await staff())).body, /jan\.nowak@example\.pl/);
  });

  test('the member space: 404 to anonymous visitors, 403 to other users, open to the member', async () => {
    assert.equal((await get('/zespoly/komitet-testowy/dla-czlonkow')).statusCode, 404);
    const other = await loginAs(t, [{ role: 'team_member', scopeType: 'team', scopeId: 'another-body' }]);
    assert.equal((await get('/zespoly/komitet-testowy/dla-czlonkow', other.cookie)).statusCode, 403);
    assert.equal((await get('/zespoly/komitet-testowy/dla-czlonkow', await staff())).statusCode, 403);
    const m = await t.ctx.db.selectFrom('body_memberships').select('user_id').where('id', '=', memberId).executeTakeFirstOrThrow();
    // the invited member accepts the invitation (accounts' own flow, tested there)
    await t.ctx.db.updateTable('users').set({ is_active: true }).where('id', '=', m.user_id!).execute();
    const res = await get('/zespoly/komitet-testowy/dla-czlonkow', await sessionFor(t, m.user_id!));
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /przewodniczący/);
  });

  test('ending a membership needs a dismissing act unless the term ends; the history keeps it with its ground', async () => {
    const url = `${termUrl()}/czlonkowie/${memberId}/koniec`;
    const refused = await post(url, { ends_on: '2027-03-31', end_ground: 'absences', dismissing_act: '' }, url);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /akt odwołania/);
    const ok = await post(url, { ends_on: '2027-03-31', end_ground: 'absences', dismissing_act: 'Zarządzenie nr 9/2027' }, url);
    assert.equal(ok.statusCode, 303);
    clock.set('2027-04-02T09:00:00Z');
    const page = await get('/zespoly/komitet-testowy');
    assert.doesNotMatch(page.body, /Jan Nowak/);
    assert.match(page.body, /2 wolne miejsca/);
    const history = await get('/zespoly/komitet-testowy/historia?kadencja=1');
    assert.equal(history.statusCode, 200);
    assert.match(history.body, /Jan Nowak/);
    assert.match(history.body, /nieusprawiedliwionej nieobecności na trzech kolejnych posiedzeniach/);
    assert.match(history.body, /Zarządzenie nr 9\/2027/);
    const api = (await get('/api/v1/zespoly/komitet-testowy')).json<{ terms: { memberships: { end_ground: string | null }[] }[] }>();
    assert.deepEqual(
      api.terms[0]!.memberships!.map((m) => m.end_ground),
      ['absences'],
    );
    const again = await post(url, { ends_on: '2027-03-31', end_ground: 'resignation', dismissing_act: 'X' }, url);
    assert.equal(again.statusCode, 409);
  });

  test('term-end reminders: staff are e-mailed 90 and 30 days before the end, each once', async () => {
    const sent = async () =>
      await t.ctx.db
        .selectFrom('mail_outbox')
        .select(['to_address', 'subject', 'text_body'])
        .where('template', '=', 'body_term_ending')
        .execute();
    clock.set('2029-10-01T06:00:00Z'); // 91 days before 2029-12-31
    await sendTermReminders(t.ctx);
    assert.equal((await sent()).length, 0);
    clock.set('2029-10-02T06:00:00Z'); // 90 days before
    await sendTermReminders(t.ctx);
    await sendTermReminders(t.ctx);
    const first = await sent();
    assert.ok(first.length >= 1);
    assert.ok(first.every((m) => /za 90 dni/.test(m.subject)));
    assert.ok(first.some((m) => m.to_address === 'koordynator@test.example.pl'));
    assert.match(first[0]!.text_body, /Wojewoda: 2/);
    assert.match(first[0]!.text_body, /uczelnie: liczba miejsc nieznana/);
    clock.set('2029-12-01T06:00:00Z'); // 30 days before
    await sendTermReminders(t.ctx);
    await sendTermReminders(t.ctx);
    const all = await sent();
    assert.equal(all.length, first.length * 2);
    assert.equal(all.filter((m) => /za 30 dni/.test(m.subject)).length, first.length);
  });
});
