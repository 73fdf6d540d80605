// Who may open the staff routes of one event (routes with ids, beside the shared matrix): coordinators
// and administrators only; the participant list and its CSV hold personal data, so every other role
// is refused and an anonymous visitor is sent to log in; the XLSX, documents and message pages too,
// and their forms refuse every other role.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, loginAs, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { makeEvent } from './events.testing.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;
let id = '';

before(async () => {
  t = await createTestApp({ clock });
  id = (await makeEvent(t.ctx, { capacities: [5] })).id;
});
after(async () => t.close());

const ROLES = ['anonymous', 'administrator', 'coordinator', 'editor', 'moderator'] as const;
const EXPECTED = 'LAAFF';

test('staff routes of one event: coordinators and administrators only', async () => {
  const cookies = new Map<string, string>();
  for (const role of ROLES) if (role !== 'anonymous') cookies.set(role, (await loginAs(t, [{ role }])).cookie);
  for (const path of [
    `/admin/wydarzenia/${id}`,
    `/admin/wydarzenia/${id}/edycja`,
    `/admin/wydarzenia/${id}/uczestnicy`,
    `/admin/wydarzenia/${id}/uczestnicy.csv`,
    `/admin/wydarzenia/${id}/uczestnicy.xlsx`,
    `/admin/wydarzenia/${id}/dokumenty`,
    `/admin/wydarzenia/${id}/wiadomosc`,
  ]) {
    let got = '';
    for (const role of ROLES) {
      const cookie = cookies.get(role);
      const res = await t.app.inject({ url: path, headers: cookie ? { cookie } : {} });
      got += res.statusCode === 200 ? 'A' : res.statusCode === 302 ? 'L' : res.statusCode === 403 ? 'F' : `?${res.statusCode}`;
    }
    assert.equal(got, EXPECTED, path);
  }
  // the forms that change something: refused to every other role before anything is read or sent
  for (const path of [
    `/admin/wydarzenia/${id}/dokumenty`,
    `/admin/wydarzenia/${id}/wiadomosc`,
    `/admin/wydarzenia/${id}/wiadomosc/podglad`,
  ]) {
    for (const role of ['editor', 'moderator'] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: path,
        headers: { cookie: cookies.get(role)!, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'subject=x',
      });
      assert.equal(res.statusCode, 403, `${role} POST ${path}`);
    }
    const anon = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'subject=x',
    });
    assert.equal(anon.statusCode, 401, `anonymous POST ${path}`);
  }
  assert.equal((await t.ctx.db.selectFrom('event_mailings').select('id').execute()).length, 0);
});
