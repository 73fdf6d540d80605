// The registry's figures on the home page: the catalogue's own counts with Polish plural forms, the
// entities whose activity nobody checked said apart (never counted as active), each figure a link to
// the catalogue filtered to it, example records said, and a new entity seen on the next view.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../../core/db/ids.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { checkEntityForm, createEntity } from './registry.testing.js';

const actor = { actorId: null, ip: null, requestId: null };

async function entity(t: TestApp, name: string, over: { verified?: boolean; ps?: boolean; synthetic?: boolean } = {}) {
  const input = await checkEntityForm(
    t.ctx,
    { name, legal_form: 'spoldzielnia_socjalna', lifecycle: 'active', gmina_teryt: '0463011', town: 'Toruń' },
    null,
  );
  const id = await createEntity(t.ctx, input, actor);
  await t.ctx.db
    .updateTable('entities')
    .set({ activity_verified_on: over.verified === false ? null : '2026-01-10', is_synthetic: over.synthetic ?? false })
    .where('id', '=', id)
    .execute();
  if (over.ps)
    await t.ctx.db
      .insertInto('entity_ps_status')
      .values({
        id: newId(),
        entity_id: id,
        kind: 'granted',
        ps_type: null,
        decision_number: null,
        decision_date: '2025-01-10',
        loss_reason: null,
      })
      .execute();
  return id;
}

/** The figures list of the home page as "value label" lines. */
const figures = (html: string) =>
  [...html.matchAll(/<span class="home-figure-value">([^<]*)<\/span> <span class="home-figure-label">([^<]*)<\/span>/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );

describe('registry figures on the home page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('counts with plural forms, says the unchecked apart, links each figure, and sees a new entity', async () => {
    await entity(t, 'Spółdzielnia Socjalna Pierwsza', { ps: true });
    await entity(t, 'Spółdzielnia Socjalna Druga');
    await entity(t, 'Spółdzielnia Socjalna Niesprawdzona', { verified: false });
    let html = (await t.app.inject({ url: '/' })).body;
    assert.deepEqual(figures(html), [
      '3 podmioty w katalogu',
      '2 podmioty z potwierdzoną działalnością',
      '1 przedsiębiorstwo społeczne',
      '0 ważnych znaków „Zakup Prospołeczny”',
    ]);
    assert.match(html, /Działalności 1 podmiotu nikt jeszcze nie sprawdził: nie liczymy go jako działającego\./);
    assert.match(html, /href="\/podmioty\?stan=active"/);
    assert.match(html, /href="\/podmioty\?status_ps=1"/);
    assert.doesNotMatch(html, /Liczby obejmują przykładowe dane/);
    // the filtered catalogue agrees with the figure it links from
    const active = (await t.app.inject({ url: '/podmioty?stan=active' })).body;
    assert.match(active, /Pierwsza/);
    assert.doesNotMatch(active, /Niesprawdzona/);

    await entity(t, 'Przykładowa Spółdzielnia', { synthetic: true });
    await entity(t, 'Spółdzielnia Socjalna Piąta');
    html = (await t.app.inject({ url: '/' })).body;
    assert.equal(figures(html)[0], '5 podmiotów w katalogu', 'a write is seen on the next view');
    assert.match(html, /Liczby obejmują przykładowe dane/);
    const en = (await t.app.inject({ url: '/en' })).body;
    assert.equal(figures(en)[2], '1 social enterprise');
    assert.equal(figures(en)[0], '5 entities in the catalogue');
  });

  it('reads the figures from the cache: a repeated home page view runs no registry count', async () => {
    await t.app.inject({ url: '/' });
    const before = t.database.handle.statements();
    await t.app.inject({ url: '/' });
    const n = t.database.handle.statements() - before;
    assert.ok(n <= 6, `${n} statements for the home page`);
  });
});
