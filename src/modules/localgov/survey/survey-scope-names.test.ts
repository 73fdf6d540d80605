// A survey partner's own unit (`localgov:<teryt>`) by name in user administration: the list and the
// user's page say "gmina Lubicz (samorząd)", never the id; the form shows the name and keeps the
// scope on save; "… (samorząd)" typed for a new partner becomes `localgov:<teryt>`, while "gmina
// Lubicz" alone stays the territory's scope. Both databases.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../../testing/app.js';

let t: TestApp;
let admin: string;

before(async () => {
  t = await createTestApp();
  admin = (await loginAs(t, [{ role: 'administrator' }])).cookie;
});
after(async () => t.close());

const get = (url: string) => t.app.inject({ url, headers: { cookie: admin } });
const post = (url: string, fields: Record<string, string>, page: LightMyRequestResponse) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: admin, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...fields }),
  });

async function scopesOf(userId: string): Promise<string[]> {
  const rows = await t.ctx.db.selectFrom('user_roles').select('scope_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.scope_id ?? '').sort();
}

describe('a local government’s scope by name', () => {
  test('the user list and page name the unit; the form keeps it on save', async () => {
    const partner = await loginAs(
      t,
      [
        { role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'localgov:0415042' },
        { role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'localgov:0415' },
      ],
      'urzad@lubicz.example.pl',
    );
    const list = await get('/admin/uzytkownicy');
    assert.match(list.body, /Partner sprawozdawczy: gmina Lubicz \(samorząd\)/);
    assert.match(list.body, /Partner sprawozdawczy: powiat toruński \(samorząd\)/);
    assert.doesNotMatch(list.body, /localgov:/);
    const en = await t.app.inject({ url: '/en/admin/uzytkownicy', headers: { cookie: admin } });
    assert.match(en.body, /gmina Lubicz \(local government\)/);

    const page = await get(`/admin/uzytkownicy/${partner.userId}`);
    assert.equal(page.statusCode, 200);
    const shown = /<textarea[^>]*name="scope_reporting_partner"[^>]*>([^<]*)</u.exec(page.body)![1]!;
    assert.deepEqual(shown.split('\n').sort(), ['gmina Lubicz (samorząd)', 'powiat toruński (samorząd)']);
    const saved = await post(
      `/admin/uzytkownicy/${partner.userId}/role`,
      { role_reporting_partner: '1', scope_reporting_partner: shown },
      page,
    );
    assert.equal(saved.statusCode, 303, saved.body);
    assert.deepEqual(await scopesOf(partner.userId), ['localgov:0415', 'localgov:0415042']);
  });

  test('typed with "(samorząd)" a unit becomes its local government; without, the territory', async () => {
    const partner = await loginAs(t, [{ role: 'editor' }], 'nowy@lubicz.example.pl');
    const page = await get(`/admin/uzytkownicy/${partner.userId}`);
    const saved = await post(
      `/admin/uzytkownicy/${partner.userId}/role`,
      { role_reporting_partner: '1', scope_reporting_partner: 'Lubicz (samorząd)\npowiat toruński (samorząd)\ngmina Lubicz' },
      page,
    );
    assert.equal(saved.statusCode, 303, saved.body);
    assert.deepEqual(await scopesOf(partner.userId), ['localgov:0415', 'localgov:0415042', 'territory:0415042']);
    const unknown = await post(
      `/admin/uzytkownicy/${partner.userId}/role`,
      { role_reporting_partner: '1', scope_reporting_partner: 'Nieistniejąca (samorząd)' },
      await get(`/admin/uzytkownicy/${partner.userId}`),
    );
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(await scopesOf(partner.userId), ['localgov:0415', 'localgov:0415042', 'territory:0415042'], 'nothing changed');
  });
});
