// The centres' results on both databases: counts below 3 read "<3" on the centre page, the region
// page, the results CSV and API, and the indicator's own page, CSV, API and report table; a centre's
// person sees only their own centre's request counts; edits of a centre's parts move its
// "last changed"; "centres with valid accreditation" is counted as a contributed formula.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../../../core/db/ids.js';
import { createTestApp, loginAs, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { insertTestIndicator, insertTestProgramme } from '../../../testing/programmes.js';
import { countAccreditedCentres } from '../support.formulas.js';
import * as svc from '../support.service.js';

const actor = { actorId: null, ip: null, requestId: null };
let t: TestApp;
let clock: ManualClock;
let slug: string;
let centreA: string;
let centreB: string;

async function approved(indicatorId: string, territory: string, value: number) {
  const at = clock.now().toISOString();
  await t.ctx.db
    .insertInto('indicator_values')
    .values({
      id: newId(),
      indicator_id: indicatorId,
      period: 2025,
      territory_code: territory,
      value,
      source: null,
      comment: null,
      status: 'approved',
      return_reason: null,
      round_id: null,
      is_computed: false,
      is_example: false,
      entered_by: null,
      approved_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

before(async () => {
  clock = new ManualClock('2026-03-10T10:00:00Z');
  t = await createTestApp({ clock });
  const programme = await insertTestProgramme(t.ctx, { period_from: 2021, period_to: 2027, is_current: true });
  slug = programme.slug;
  const created = await insertTestIndicator(t.ctx, programme.id, {
    code: 'OWES-N',
    name: 'Nowe podmioty',
    unit: 'podmioty',
    breakdown: 'subregion',
    is_small_count_suppressed: true,
  });
  await approved(created, 'torun', 2);
  await approved(created, 'bydgoszcz', 7);
  await approved(created, 'region', 1);
  centreA = await svc.createCentre(t.ctx, { name: 'Ośrodek A', sources: '', leads_email: 'a@owes-a.example.pl' }, actor);
  await svc.addArea(t.ctx, centreA, { subregion_code: 'torun', area_from: '2024-01-01', area_to: '' }, actor);
  centreB = await svc.createCentre(t.ctx, { name: 'Ośrodek B', sources: '', leads_email: 'b@owes-b.example.pl' }, actor);
  await svc.addArea(t.ctx, centreB, { subregion_code: 'bydgoszcz', area_from: '2024-01-01', area_to: '' }, actor);
});
after(async () => t.close());

describe('small counts of the centres’ results', () => {
  it('read "<3" on the centre page and the region page, never the number', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/wsparcie/${centreA}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-key="OWES-N" data-value="&lt;3"/);
    assert.doesNotMatch(page.body, /data-value="2"/);
    const region = await t.app.inject({ method: 'GET', url: '/wsparcie' });
    assert.match(region.body, /data-key="torun" data-value="&lt;3"/);
    assert.match(region.body, /data-key="bydgoszcz" data-value="7"/);
    const en = await t.app.inject({ method: 'GET', url: `/en/wsparcie/${centreA}` });
    assert.match(en.body, /Counts below 3 are shown as/);
  });

  it('read "<3" in the results CSV and null with is_suppressed in the API', async () => {
    const csv = await t.app.inject({ method: 'GET', url: '/wsparcie/wyniki.csv' });
    assert.equal(csv.statusCode, 200);
    const torun = csv.body.split(/\r?\n/).find((l) => l.includes(';torun;'));
    assert.ok(torun && torun.includes(';<3;'), torun);
    assert.ok(!/;2;/.test(torun!));
    const api = (await t.app.inject({ method: 'GET', url: '/api/v1/wsparcie/wyniki' })).json();
    assert.equal(api.licence.id, 'CC-BY-4.0');
    const byCode = new Map(api.items.map((i: { subregion_code: string }) => [i.subregion_code, i]));
    assert.deepEqual(
      (({ value, is_suppressed }) => ({ value, is_suppressed }))(byCode.get('torun') as { value: null; is_suppressed: boolean }),
      { value: null, is_suppressed: true },
    );
    assert.equal((byCode.get('bydgoszcz') as { value: number }).value, 7);
  });

  it('read "<3" on the indicator’s own page, CSV and API', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/program/${slug}/wskazniki/OWES-N` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /&lt;3/);
    const csv = await t.app.inject({ method: 'GET', url: `/program/${slug}/wskazniki/OWES-N.csv` });
    assert.match(csv.body, /;torun;[^\n]*;<3;/);
    const api = (await t.app.inject({ method: 'GET', url: `/api/v1/program/${slug}/wskazniki` })).json();
    const ind = api.items.find((i: { code: string }) => i.code === 'OWES-N');
    const torun = ind.values.find((v: { territory_code: string }) => v.territory_code === 'torun');
    assert.equal(torun.value, null);
    assert.equal(torun.is_suppressed, true);
    assert.equal(ind.progress.latest, null, 'the region’s latest value (1) is not given as the progress either');
  });
});

describe('request counts of a centre', () => {
  it('a centre’s person sees their centre’s counts only; others are refused', async () => {
    const month = '2026-03';
    for (const [centre, code, n] of [
      [centreA, 'torun', 4],
      [centreB, 'bydgoszcz', 9],
    ] as const)
      for (let i = 0; i < n; i++)
        await t.ctx.db
          .insertInto('support_leads')
          .values({
            id: newId(),
            centre_id: centre,
            subregion_code: code,
            gmina_teryt: '0463011',
            month,
            created_at: clock.now().toISOString(),
            name: 'X',
            email: 'x@example.pl',
            message: `Tekst zgłoszenia ${centre}`,
            erased_at: null,
          })
          .execute();
    const a = await loginAs(t, [{ role: 'support_centre', scopeType: 'support_centre', scopeId: centreA }]);
    const res = await t.app.inject({ method: 'GET', url: '/wsparcie/moje-zgloszenia', headers: { cookie: a.cookie } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Ośrodek A/);
    assert.match(res.body, />4</);
    assert.doesNotMatch(res.body, /Ośrodek B|>9<|Tekst zgłoszenia/);
    const other = await loginAs(t, [{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'territory:torun' }]);
    const refused = await t.app.inject({ method: 'GET', url: '/wsparcie/moje-zgloszenia', headers: { cookie: other.cookie } });
    assert.equal(refused.statusCode, 403);
    const staffPage = await t.app.inject({
      method: 'GET',
      url: `/admin/wsparcie/${centreA}`,
      headers: { cookie: a.cookie },
    });
    assert.equal(staffPage.statusCode, 403, 'a centre’s person does not reach the staff pages');
  });

  it('staff name a person of the centre, who then reports for the centre’s subregion', async () => {
    const staff = await loginAs(t, [{ role: 'coordinator' }]);
    const form = await t.app.inject({ method: 'GET', url: `/admin/wsparcie/${centreA}`, headers: { cookie: staff.cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const res = await t.app.inject({
      method: 'POST',
      url: `/admin/wsparcie/${centreA}/osoby`,
      headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, person_name: 'Anna Nowak', person_email: 'anna@owes-a.example.pl' }).toString(),
    });
    assert.equal(res.statusCode, 303);
    const user = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email_norm', '=', 'anna@owes-a.example.pl')
      .executeTakeFirstOrThrow();
    const roles = await t.ctx.db.selectFrom('user_roles').select(['role', 'scope_id']).where('user_id', '=', user.id).execute();
    assert.deepEqual(roles.map((r) => `${r.role}:${r.scope_id}`).sort(), [
      `reporting_partner:territory:torun`,
      `support_centre:${centreA}`,
    ]);
    const page = await t.app.inject({ method: 'GET', url: `/admin/wsparcie/${centreA}`, headers: { cookie: staff.cookie } });
    assert.match(page.body, /Anna Nowak/);
  });
});

describe('last changed and the accreditation formula', () => {
  it('an edit of a part moves the centre’s updated_at and the API’s last_changed', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/v1/wsparcie/osrodki' })).json().last_changed;
    clock.advance(60_000);
    await svc.addContact(t.ctx, centreB, { function_name: 'Animator', contact_phone: '52 111 11 11' }, actor);
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/wsparcie/osrodki' })).json().last_changed;
    assert.ok(after > before, `${after} > ${before}`);
    assert.equal(after, clock.now().toISOString());
  });

  it('counts the centres whose accreditation covers the day, in the gmina of their first office', async () => {
    const acc = { granting_body: 'Minister', decision_date: '' };
    await svc.addAccreditation(t.ctx, centreA, { ...acc, decision_number: 'A/1', acc_from: '2024-01-01', acc_to: '2025-12-31' }, actor);
    await svc.addAccreditation(t.ctx, centreB, { ...acc, decision_number: 'B/1', acc_from: '2025-06-01', acc_to: '2027-12-31' }, actor);
    await svc.addOffice(t.ctx, centreB, { street: 'ul. Długa 1', postal_code: '85-001', city: 'Bydgoszcz', gmina: 'Bydgoszcz' }, actor);
    const total = async (day: string) => (await countAccreditedCentres(t.ctx, day)).reduce((s, c) => s + c.n, 0);
    assert.equal(await total('2025-03-01'), 1);
    assert.equal(await total('2025-07-01'), 2);
    assert.equal(await total('2026-03-10'), 1);
    const placed = await countAccreditedCentres(t.ctx, '2026-03-10');
    assert.deepEqual(placed, [{ gmina: '0461011', n: 1, synthetic: 0 }]);
  });
});
