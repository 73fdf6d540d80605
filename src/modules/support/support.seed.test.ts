// The seeded support centres state only what the sources say: names, the partnership's organisations
// (role unknown), subregions with the years served, the one service a source names, and the sources
// themselves; everything else stays empty. The seed runs once: a centre staff removed stays removed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { supportModule } from './index.js';
import * as svc from './support.service.js';

let t: TestApp;
before(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-11-27T10:00:00Z') });
});
after(async () => t.close());

test('the sources’ facts and nothing else', async () => {
  const all = await svc.listCentreDetails(t.ctx, 'pl');
  assert.deepEqual(
    all.map((d) => d.centre.name),
    ['KPCES', 'Ośrodek Wsparcia Ekonomii Społecznej w Toruniu', 'OWES TŁOK 3'],
    'in Polish order',
  );
  const kpces = all.find((d) => d.centre.name === 'KPCES')!;
  assert.deepEqual(
    kpces.partners.map((p) => [p.role, p.name]),
    [
      ['member', 'Fundacja Ekspert-Kujawy'],
      ['member', 'Wyższa Szkoła Gospodarki (WSG)'],
    ],
  );
  assert.deepEqual(
    kpces.areas.map((a) => [a.subregion_code, a.valid_from, a.valid_to]),
    [
      ['wloclawek-inowroclaw', '2019-01-01', '2022-12-31'],
      ['wloclawek-inowroclaw', '2024-01-01', '2026-12-31'],
    ],
  );
  assert.deepEqual(kpces.services, ['job_grants']);
  for (const d of all) {
    assert.equal(d.centre.is_example, false);
    assert.equal(d.centre.website, null);
    assert.equal(d.centre.leads_email, null);
    assert.deepEqual([d.offices, d.contacts, d.accreditations], [[], [], []]);
    assert.equal(d.accreditation.kind, 'unknown');
    assert.match(d.centre.sources, /^K3[0-3]: /m, 'every centre cites its source');
  }
  // today the Toruń subregion has no centre the sources name for 2024–2026
  assert.equal(await svc.servingCentre(t.ctx, '0463011', '2026-11-27'), null);
  assert.equal(
    (await svc.servingCentre(t.ctx, '0463011', '2020-06-01'))?.centreId ?? null,
    null,
    'no subregion periods before 2024 are recorded',
  );
  const page = await t.app.inject({ url: `/wsparcie/${kpces.centre.id}` });
  assert.match(page.body, /brak danych o akredytacji/);
  assert.match(page.body, /Organizacja partnerstwa \(rola nieznana\): Fundacja Ekspert-Kujawy/);
});

test('runs once: a centre staff removed does not come back', async () => {
  const torun = (await svc.listCentreDetails(t.ctx, 'pl')).find((d) => d.centre.name.includes('Toruniu'))!;
  await svc.deleteCentre(t.ctx, torun.centre.id, { actorId: null, ip: null, requestId: null });
  assert.match((await supportModule.seedReference!(t.ctx)).summary, /\(0 new\)/);
  assert.equal((await svc.listCentreDetails(t.ctx, 'pl')).length, 2);
});
