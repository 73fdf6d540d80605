// The open-data page on SQLite and PostgreSQL: one h1 in both languages, each contributed dataset
// with its formats as links, the licence and the time its data last changed (or "empty"), and no
// dataset at all in an app whose modules contribute none; every dataset's JSON answer carries the
// licence and the same "last changed" as the page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MODULES } from '../../app.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { seedDemo } from '../../bootstrap.js';
import { registryModule } from '../registry/index.js';

describe('/dane', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ clock: new ManualClock('2026-06-15T10:00:00Z') });
  });
  after(async () => t.close());

  test('lists the registry dataset with its formats, licence and last change, in Polish and English', async () => {
    const empty = await t.app.inject({ url: '/dane' });
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /zbiór jest jeszcze pusty/);
    await registryModule.seedDemo!(t.ctx);
    const pl = await t.app.inject({ url: '/dane' });
    assert.equal(pl.body.match(/<h1[ >]/g)?.length, 1);
    assert.match(pl.body, /<h1>Otwarte dane<\/h1>/);
    assert.match(pl.body, /<h2 id="zbior-podmioty-title">Podmioty ekonomii społecznej<\/h2>/);
    for (const [format, path] of [
      ['CSV', '/podmioty.csv'],
      ['JSON', '/podmioty.json'],
      ['API', '/api/v1/podmioty'],
    ] as const) {
      assert.match(pl.body, new RegExp(`<a href="${path.replace(/\./g, '\\.')}" type="[^"]+">${format}</a>`), format);
    }
    assert.match(pl.body, /<a href="https:\/\/creativecommons.org\/licenses\/by\/4.0\/">CC-BY-4.0<\/a>/);
    assert.match(pl.body, /<time datetime="2026-06-15T10:00:00.000Z">15 czerwca 2026/);
    assert.match(pl.body, /href="\/api\/docs"/);
    assert.match(pl.body, /<a href="\/dane" aria-current="page">Otwarte dane<\/a>/, 'in the main menu');

    const en = await t.app.inject({ url: '/en/dane' });
    assert.equal(en.statusCode, 200);
    assert.equal(en.body.match(/<h1[ >]/g)?.length, 1);
    assert.match(en.body, /<h1>Open data<\/h1>/);
    assert.match(en.body, /Social economy entities/);
    assert.match(en.body, /<a href="\/en\/podmioty\.csv" type="text\/csv">CSV<\/a>/);
    assert.match(en.body, /June 15, 2026|15 June 2026/);
  });

  test('an app whose modules publish no dataset says so', async () => {
    const bare = await createTestApp({ modules: MODULES.map((m) => ({ ...m, contributes: { ...m.contributes, openDatasets: [] } })) });
    try {
      const res = await bare.app.inject({ url: '/dane' });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Platforma nie publikuje jeszcze żadnego zbioru danych/);
    } finally {
      await bare.close();
    }
  });
});

describe('every dataset of the platform', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ clock: new ManualClock('2026-06-15T10:00:00Z') });
    await seedDemo(t.ctx);
  });
  after(async () => t.close());

  test('is on /dane with its formats, and its API answers carry the licence and the last change', async () => {
    const page = await t.app.inject({ url: '/dane' });
    const datasets = [
      { id: 'podmioty', api: '/api/v1/podmioty' },
      { id: 'program', api: '/api/v1/program' },
      { id: 'wskazniki', api: null },
      { id: 'terytorium', api: '/api/v1/terytorium/gminy' },
      { id: 'konsultacje', api: '/api/v1/konsultacje' },
      { id: 'samorzady', api: '/api/v1/samorzady' },
      { id: 'wydarzenia', api: '/api/v1/wydarzenia' },
    ];
    for (const d of datasets) assert.match(page.body, new RegExp(`id="zbior-${d.id}-title"`), d.id);
    // the indicators' addresses come from the programmes: one API per programme
    const indicatorApis = [...page.body.matchAll(/<code>(\/api\/v1\/program\/[^/<]+\/wskazniki)<\/code>/g)].map((m) => m[1]!);
    assert.ok(indicatorApis.length > 0, 'an indicators API per programme');
    const apis = [...datasets.flatMap((d) => (d.api ? [d.api] : [])), ...indicatorApis];
    for (const api of apis) {
      const res = await t.app.inject({ url: api });
      assert.equal(res.statusCode, 200, api);
      const body = res.json() as { licence: { id: string }; last_changed: string | null; items: unknown[] };
      assert.equal(body.licence.id, 'CC-BY-4.0', api);
      // a dataset that holds nothing yet has no time of change
      if (body.items.length === 0) assert.equal(body.last_changed, null, api);
      else assert.match(String(body.last_changed), /^\d{4}-\d{2}-\d{2}T/, `${api} says when its data last changed`);
    }
    const geo = await t.app.inject({ url: '/api/v1/terytorium/powiaty?format=geojson' });
    assert.match(String(geo.headers.link), /creativecommons\.org\/licenses\/by\/4\.0\/>; rel="license"/);
    // in English the API addresses stay as they are (no /en prefix)
    const en = await t.app.inject({ url: '/en/dane' });
    assert.match(en.body, /<a href="\/api\/v1\/terytorium\/gminy\?format=geojson" type="application\/geo\+json">GeoJSON<\/a>/);
  });
});
