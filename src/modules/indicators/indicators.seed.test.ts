// The demo indicators: idempotent, computed ones work from the registry at once, and every
// invented number is flagged and labelled "przykładowe dane" on the page, the CSV and the API.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { registryModule } from '../registry/index.js';
import { seedIndicatorsDemo } from './indicators.seed.js';
import { insertTestProgramme } from './indicators.testing.js';
import { ManualClock } from '../../testing/clock.js';

describe('demo indicators', () => {
  let t: TestApp;
  let programmeId: string;
  before(async () => {
    t = await createTestApp({ clock: new ManualClock('2026-06-15T10:00:00Z') });
    await registryModule.seedDemo!(t.ctx);
    programmeId = (await insertTestProgramme(t.ctx, { slug: 'demo', period_from: 2014, period_to: 2020 })).id;
  });
  after(async () => t.close());

  it('is idempotent', async () => {
    assert.equal((await seedIndicatorsDemo(t.ctx, programmeId)).summary, 'indicators: 5 new');
    assert.equal((await seedIndicatorsDemo(t.ctx, programmeId)).summary, 'indicators: 0 new');
    const rows = await t.ctx.db.selectFrom('indicators').select(['code', 'method', 'is_example']).where('programme_id', '=', programmeId).orderBy('position').execute();
    assert.deepEqual(rows.map((r) => r.code), ['W1', 'W2', 'W3', 'P1', 'P2']);
    assert.ok(rows.filter((r) => r.method === 'reported').every((r) => r.is_example), 'reported demo indicators are examples');
  });

  it('flags every stored demo value as an example and leaves the other reported one empty', async () => {
    const values = await t.ctx.db.selectFrom('indicator_values as v').innerJoin('indicators as i', 'i.id', 'v.indicator_id').select(['i.code', 'v.is_example']).where('i.programme_id', '=', programmeId).execute();
    assert.ok(values.length > 0);
    assert.ok(values.every((v) => v.is_example && v.code === 'P1'));
  });

  it('labels example data on the pages, in the CSV and the API', async () => {
    const page = await t.app.inject({ url: '/program/demo/wskazniki/P1' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /przykładowe dane/);
    assert.match(page.body, /To wskaźnik przykładowy/);
    assert.match(page.body, /class="example-mark">przykładowe dane<\/span>/);
    const list = await t.app.inject({ url: '/program/demo/wskazniki' });
    assert.match(list.body, /P2 Ośrodki wsparcia[^<]*<\/a><span class="example-mark"> \(wskaźnik przykładowy\)/);
    const csv = await t.app.inject({ url: '/program/demo/wskazniki/P1.csv' });
    assert.ok(csv.body.split('\r\n').filter((l) => l.includes(';wartość;')).every((l) => l.endsWith(';1;0')));
    const api = (await t.app.inject({ url: '/api/v1/program/demo/wskazniki' })).json();
    const p1 = api.items.find((i: { code: string }) => i.code === 'P1');
    assert.ok(p1.values.length > 0 && p1.values.every((v: { is_example: boolean }) => v.is_example));
    const p2 = await t.app.inject({ url: '/program/demo/wskazniki/P2' });
    assert.match(p2.body, /Nie ma jeszcze zatwierdzonych wartości/);
  });

  it('computes the registry indicators out of the box, without invented targets', async () => {
    for (const code of ['W1', 'W2', 'W3']) {
      const res = await t.app.inject({ url: `/program/demo/wskazniki/${code}` });
      assert.equal(res.statusCode, 200, code);
      assert.match(res.body, /Obliczany automatycznie z rejestru podmiotów platformy/);
      assert.match(res.body, /Wskaźnik nie ma wartości docelowej/);
      assert.doesNotMatch(res.body, /przykładowe dane/);
    }
    // the demo registry's records carry no registration dates and were entered now: the years of
    // the programme are before the registry's first record, so they are unknown (not zero); the
    // current figure is shown after the period and kept out of the progress
    const w2 = await t.app.inject({ url: '/program/demo/wskazniki/W2' });
    assert.match(w2.body, /Wartości według obszarów \(2026\)/);
    assert.match(w2.body, /wartość bieżąca po zakończeniu okresu programu \(stan na 15 czerwca 2026\)/);
    const api = (await t.app.inject({ url: '/api/v1/program/demo/wskazniki' })).json();
    const w2api = api.items.find((i: { code: string }) => i.code === 'W2');
    assert.ok(w2api.values.length > 0);
    assert.ok(w2api.values.every((v: { period: number; is_live: boolean }) => v.period === 2026 && v.is_live));
    // nobody checked whether the 24 reference entities are active: none counts as active (issue 14)
    assert.equal(w2api.values.find((v: { territory_code: string }) => v.territory_code === 'region').value, 0);
  });
});
