// The OWES grouping of 2024–2026 loaded from the reference data says on the coordinators' page what
// each subregion rests on, in both languages: a source (by address) for the two that have one, and a
// marked assumption for the two that do not; a subregion a coordinator changed is theirs, without it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, loginAs, type TestApp } from '../../testing/app.js';

describe('basis of the seeded OWES subregions', () => {
  let t: TestApp;
  let cookie: string;
  before(async () => {
    t = await createTestApp();
    cookie = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
  });
  after(async () => t.close());

  const row = (html: string, name: string) => new RegExp(`<th scope="row">${name}</th>(.*?)</tr>`).exec(html)?.[1] ?? '';

  it('cites the sourced subregions and marks the assumed ones, in Polish and English', async () => {
    const pl = (await t.app.inject({ url: '/admin/terytorium', headers: { cookie } })).body;
    assert.match(pl, /<th scope="col">Podstawa składu<\/th>/);
    assert.match(pl, /Część podziału wczytanego z danych referencyjnych opiera się na założeniach/);
    assert.match(row(pl, 'Subregion grudziądzki'), /<td>źródło: owies\.eu\/346\/owes<\/td>/);
    assert.match(row(pl, 'Subregion włocławsko-inowrocławski'), /<td>źródło: kpces\.pl\/[^;<]*; kpodr\.pl\/[^<]*<\/td>/);
    assert.match(
      row(pl, 'Subregion toruński'),
      /<td>założenie: skład podany w źródle dla lat 2019–2022 \(ekonomia-spoleczna\.com\.pl\/[^)]*\) przyjęto bez zmian na lata 2024–2026<\/td>/,
    );
    assert.match(
      row(pl, 'Subregion bydgoski'),
      /<td>założenie: powiaty, których nie obejmują pozostałe subregiony; żadne źródło nie opisuje tego subregionu<\/td>/,
    );
    const en = (await t.app.inject({ url: '/en/admin/terytorium', headers: { cookie } })).body;
    assert.match(row(en, 'Bydgoszcz area'), /<td>assumption: the powiaty the other subregions do not cover/);
    assert.match(row(en, 'Grudziądz area'), /<td>source: owies\.eu\/346\/owes<\/td>/);
  });

  it('drops the seed’s basis once a coordinator changes a subregion', async () => {
    const bydgoszcz = await t.ctx.db.selectFrom('subregions').select('id').where('code', '=', 'bydgoszcz').executeTakeFirstOrThrow();
    await t.ctx.db.deleteFrom('subregion_members').where('subregion_id', '=', bydgoszcz.id).where('powiat_teryt', '=', '0416').execute();
    const pl = (await t.app.inject({ url: '/admin/terytorium', headers: { cookie } })).body;
    assert.match(row(pl, 'Subregion bydgoski'), /<td>dodany lub zmieniony w serwisie<\/td>/);
    assert.match(row(pl, 'Subregion toruński'), /założenie/);
  });
});
