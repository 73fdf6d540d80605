// The open-data page on SQLite and PostgreSQL: one h1 in both languages, each contributed dataset
// with its formats as links, the licence and the time its data last changed (or "empty"), and no
// dataset at all in an app whose modules contribute none.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MODULES } from '../../app.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
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
    // every module that publishes a dataset is left out
    const bare = await createTestApp({ modules: MODULES.filter((m) => !m.contributes?.openDatasets?.length) });
    try {
      const res = await bare.app.inject({ url: '/dane' });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Platforma nie publikuje jeszcze żadnego zbioru danych/);
    } finally {
      await bare.close();
    }
  });
});
