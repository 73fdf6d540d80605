// Scoped roles by name in user administration (issue 15): staff type an entity's name (or its NIP,
// KRS, page address), a gmina or powiat for a reporting partner, and tick bodies or centres; the
// stored model stays role + scope type + scope id. Namesakes and unknown names are refused with the
// candidates, nothing saved; the list and the user's page — its roles and the audit history of role
// changes — show names, never ids. Both databases.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { newId } from '../../core/db/ids.js';
import { fold, wordTokens } from '../../core/search/index.js';
import { recordAudit } from '../audit/index.js';

let t: TestApp;
let admin: { cookie: string; userId: string };
let iks: string;
let twinA: string;
let twinB: string;

/** An entity row as the registry keeps it (`name_key` is its folded name: registry/entity/name-key.ts). */
async function entity(name: string, gmina: string, nip: string | null) {
  const id = newId();
  await t.ctx.db
    .insertInto('entities')
    .values({
      id,
      name,
      name_sort: name.toLowerCase(),
      name_key: wordTokens(fold(name)).join(' '),
      legal_form: 'fundacja',
      nip,
      sectors: '[]',
      lifecycle: 'active',
      gmina_teryt: gmina,
      search_doc: '',
      is_synthetic: false,
      created_at: '2026-01-10T00:00:00.000Z',
      updated_at: '2026-01-10T00:00:00.000Z',
    })
    .execute();
  return id;
}

before(async () => {
  t = await createTestApp();
  admin = await loginAs(t, [{ role: 'administrator' }]);
  iks = await entity('Fundacja Iks Spójnia', '0463011', null);
  twinA = await entity('Spółdzielnia Socjalna Bliźniak', '0415042', '9876543210');
  twinB = await entity('Spółdzielnia Socjalna Bliźniak', '0463011', '1112223332');
});
after(async () => t.close());

const get = (url: string) => t.app.inject({ url, headers: { cookie: admin.cookie } });

async function post(url: string, fields: Record<string, string>, page: LightMyRequestResponse) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...fields }),
  });
}

async function invite(email: string, fields: Record<string, string>) {
  const page = await get('/admin/uzytkownicy/zapros');
  assert.equal(page.statusCode, 200);
  return post('/admin/uzytkownicy/zapros', { email, display_name: 'Osoba Testowa', lang: 'pl', ...fields }, page);
}

async function rolesOf(email: string) {
  const user = await t.ctx.db.selectFrom('users').select('id').where('email_norm', '=', email).executeTakeFirst();
  if (!user) return null;
  const rows = await t.ctx.db.selectFrom('user_roles').select(['role', 'scope_type', 'scope_id']).where('user_id', '=', user.id).execute();
  return { id: user.id, roles: rows.map((r) => `${r.role}:${r.scope_type}:${r.scope_id}`).sort() };
}

describe('scoped roles by name', () => {
  test('an entity typed by name is stored by its id; the invitation names it', async () => {
    const res = await invite('iks@example.pl', { role_entity_representative: '1', scope_entity_representative: 'fundacja iks spojnia' });
    assert.equal(res.statusCode, 303, res.body);
    assert.deepEqual((await rolesOf('iks@example.pl'))!.roles, [`entity_representative:entity:${iks}`]);
    const mail = await t.ctx.db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', 'iks@example.pl')
      .executeTakeFirstOrThrow();
    assert.match(mail.text_body, /Przedstawiciel podmiotu: Fundacja Iks Spójnia/);
    assert.doesNotMatch(mail.text_body, new RegExp(iks));
  });

  test('namesakes are refused with both candidates told apart; nothing is saved', async () => {
    const res = await invite('twin@example.pl', {
      role_entity_representative: '1',
      scope_entity_representative: 'Spółdzielnia Socjalna Bliźniak',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /pasuje do kilku/);
    assert.match(res.body, /gmina Lubicz, NIP 9876543210/);
    assert.match(res.body, /gmina Toruń, NIP 1112223332/);
    // the form shows what was typed again
    assert.match(res.body, /<textarea[^>]*name="scope_entity_representative"[^>]*>Spółdzielnia Socjalna Bliźniak</);
    assert.equal(await rolesOf('twin@example.pl'), null);
    // the NIP, or a candidate's text as listed, says which one
    const byNip = await invite('twin@example.pl', {
      role_entity_representative: '1',
      scope_entity_representative: 'Spółdzielnia Socjalna Bliźniak (gmina Toruń, NIP 1112223332)',
    });
    assert.equal(byNip.statusCode, 303, byNip.body);
    assert.deepEqual((await rolesOf('twin@example.pl'))!.roles, [`entity_representative:entity:${twinB}`]);
  });

  test('an unknown name is refused with close names; nothing is saved', async () => {
    const res = await invite('nobody@example.pl', {
      role_entity_representative: '1',
      scope_entity_representative: 'Fundacja Iks Nieistniejąca',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Nie znaleziono „Fundacja Iks Nieistniejąca”/);
    assert.equal(await rolesOf('nobody@example.pl'), null);
    const none = await invite('nobody@example.pl', { role_entity_representative: '1', scope_entity_representative: 'Qwxzv' });
    assert.equal(none.statusCode, 400);
    assert.equal(await rolesOf('nobody@example.pl'), null);
  });

  test('a reporting partner scoped by typing a gmina, a powiat and a subregion gets their territory codes', async () => {
    const res = await invite('partner@example.pl', {
      role_reporting_partner: '1',
      scope_reporting_partner: 'Lubicz\npowiat toruński\nSubregion toruński',
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.deepEqual((await rolesOf('partner@example.pl'))!.roles, [
      'reporting_partner:indicator_or_territory:territory:0415',
      'reporting_partner:indicator_or_territory:territory:0415042',
      'reporting_partner:indicator_or_territory:territory:torun',
    ]);
    const chelmza = await invite('chelmza@example.pl', { role_reporting_partner: '1', scope_reporting_partner: 'Chełmża' });
    assert.equal(chelmza.statusCode, 400);
    assert.match(chelmza.body, /gmina miejska/);
    assert.match(chelmza.body, /gmina wiejska/);
  });

  test('the list and the user page name every scope; the form shows names and keeps them on save', async () => {
    const { id } = (await rolesOf('twin@example.pl'))!;
    // a second grant on the namesake and one no module names
    await t.ctx.db
      .insertInto('user_roles')
      .values([
        {
          id: crypto.randomUUID(),
          user_id: id,
          role: 'entity_representative',
          scope_type: 'entity',
          scope_id: twinA,
          created_at: '2026-01-01T00:00:00.000Z',
        },
        {
          id: crypto.randomUUID(),
          user_id: id,
          role: 'reporting_partner',
          scope_type: 'indicator_or_territory',
          scope_id: 'territory:0415042',
          created_at: '2026-01-01T00:00:00.000Z',
        },
      ])
      .execute();
    const list = await get('/admin/uzytkownicy');
    assert.match(list.body, /Przedstawiciel podmiotu: Fundacja Iks Spójnia/);
    assert.match(list.body, /Partner sprawozdawczy: gmina Lubicz/);
    assert.doesNotMatch(list.body, new RegExp(`${iks}|${twinA}|${twinB}|0415042`));
    const page = await get(`/admin/uzytkownicy/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<li>Przedstawiciel podmiotu: Spółdzielnia Socjalna Bliźniak<\/li>/);
    // the roles and the form
    const rolesPart = page.body.slice(page.body.indexOf('<dl>'), page.body.indexOf('<div class="actions">'));
    assert.doesNotMatch(rolesPart, new RegExp(`${twinA}|${twinB}|0415042`));
    const shown = /<textarea[^>]*name="scope_entity_representative"[^>]*>([^<]*)</u.exec(page.body)![1]!;
    assert.equal(shown, 'Spółdzielnia Socjalna Bliźniak\nSpółdzielnia Socjalna Bliźniak');
    // saving the form as shown keeps both namesakes (held scopes keep their ids by name)
    const saved = await post(
      `/admin/uzytkownicy/${id}/role`,
      {
        role_entity_representative: '1',
        scope_entity_representative: shown,
        role_reporting_partner: '1',
        scope_reporting_partner: 'gmina Lubicz\nKowalewo Pomorskie',
      },
      page,
    );
    assert.equal(saved.statusCode, 303, saved.body);
    assert.deepEqual(
      (await rolesOf('twin@example.pl'))!.roles,
      [
        `entity_representative:entity:${twinA}`,
        `entity_representative:entity:${twinB}`,
        'reporting_partner:indicator_or_territory:territory:0405043',
        'reporting_partner:indicator_or_territory:territory:0415042',
      ].sort(),
    );
    // the history of the change names roles and scopes as the role list does: no stored keys, no ids
    const gone = newId();
    await recordAudit(t.ctx.db, {
      actorId: admin.userId,
      ip: null,
      requestId: null,
      action: 'user.role_revoke',
      subjectType: 'user',
      subjectId: id,
      changes: { roles: { before: `entity_representative:entity:${gone}`, after: null } },
    });
    const history = (await get(`/admin/uzytkownicy/${id}`)).body.split('<h2>Historia zmian</h2>')[1]!;
    assert.match(
      history,
      /role: [^<→]*Przedstawiciel podmiotu: Spółdzielnia Socjalna Bliźniak[^<→]* → [^<]*Przedstawiciel podmiotu: Spółdzielnia Socjalna Bliźniak, Przedstawiciel podmiotu: Spółdzielnia Socjalna Bliźniak[^<]*Partner sprawozdawczy: gmina Lubicz/,
    );
    assert.match(history, /role: Przedstawiciel podmiotu: nie znaleziono \(mógł zostać usunięty\) → —/, 'a scope nobody names any more');
    assert.match(
      history,
      /user\.invite<\/td><td>role: — → Przedstawiciel podmiotu: Spółdzielnia Socjalna Bliźniak</,
      'the invitation’s roles',
    );
    assert.doesNotMatch(history, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, 'no UUID');
    assert.doesNotMatch(history, /entity_representative|indicator_or_territory|territory:/);
  });

  test('short lists are ticked by name; an id not on the list is refused; a page address names an entity', async () => {
    const centre = await t.ctx.db.selectFrom('support_centres').select(['id', 'name']).orderBy('name').executeTakeFirstOrThrow();
    const page = await get('/admin/uzytkownicy/zapros');
    assert.match(page.body, new RegExp(`name="scope_support_centre" value="${centre.id}"/><label[^>]*>${centre.name}<`));
    const forged = await invite('owes@example.pl', { role_support_centre: '1', scope_support_centre: iks });
    assert.equal(forged.statusCode, 400);
    assert.equal(await rolesOf('owes@example.pl'), null);
    const ok = await invite('owes@example.pl', {
      role_support_centre: '1',
      scope_support_centre: centre.id,
      role_entity_representative: '1',
      scope_entity_representative: `http://localhost:3000/podmioty/${iks}-fundacja-iks-spojnia`,
    });
    assert.equal(ok.statusCode, 303, ok.body);
    assert.deepEqual((await rolesOf('owes@example.pl'))!.roles, [
      `entity_representative:entity:${iks}`,
      `support_centre:support_centre:${centre.id}`,
    ]);
  });
});
