// The registry's figures on the home page: the catalogue's own counts with Polish plural forms, the
// entities whose activity nobody checked said apart (never counted as active), each figure a link to
// the catalogue filtered to it, example records said, and a new entity seen on the next view.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../../core/db/ids.js';
import { translator } from '../../i18n/index.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { seedSynthetic } from './data-quality/registry.synthetic.js';
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
  [
    ...(/<section aria-labelledby="home-registry"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '').matchAll(
      /<span class="home-figure-value">([^<]*)<\/span> <span class="home-figure-label">([^<]*)<\/span>/g,
    ),
  ].map((m) => `${m[1]} ${m[2]}`);

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

/** The map teaser section of the home page. */
const teaser = (html: string) => /<section aria-labelledby="home-map"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
/** Its figures as "value label" lines (not links, except the white spots). */
const teaserFigures = (html: string) =>
  [...teaser(html).matchAll(/<span class="home-figure-value">([^<]*)<\/span> <span class="home-figure-label">([^<]*)<\/span>/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );

describe('the map teaser and the gminy without an entity on the home page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const inGmina = async (name: string, gmina: string, verified: boolean) => {
    const input = await checkEntityForm(t.ctx, { name, legal_form: 'fundacja', lifecycle: 'active', gmina_teryt: gmina, town: 'X' }, null);
    const id = await createEntity(t.ctx, input, actor);
    await t.ctx.db
      .updateTable('entities')
      .set({ activity_verified_on: verified ? '2026-01-10' : null })
      .where('id', '=', id)
      .execute();
  };

  it('counts the gminy with and without an entity, the unknown apart, and the white spots as the white-spots page does', async () => {
    const gminy = await t.ctx.db.selectFrom('territorial_units').select('teryt').where('kind', '=', 'gmina').orderBy('teryt').execute();
    assert.equal(gminy.length, 144);
    // without statistics: no white-spot figure, the other counts stand
    await inGmina('Fundacja Toruńska', '0463011', true);
    let html = (await t.app.inject({ url: '/' })).body;
    assert.deepEqual(teaserFigures(html), [
      '1 gmina z podmiotem o potwierdzonej działalności',
      '143 gminy bez żadnego działającego podmiotu w katalogu',
    ]);

    const rows = gminy.flatMap((g, i) => [
      { teryt: g.teryt, year: 2024, measure: 'population' as const, value: 10_000 + i, source: 'test' },
      { teryt: g.teryt, year: 2024, measure: 'social_assistance' as const, value: 200 + ((i * 37) % 500), source: 'test' },
    ]);
    await t.ctx.db
      .insertInto('gmina_statistics')
      .values(rows.map((r) => ({ ...r, uploaded_at: '2025-01-01T00:00:00.000Z', uploaded_by: null })))
      .execute();
    for (const [i, g] of gminy.entries()) {
      if (i % 7 === 0) await inGmina(`Fundacja ${i}`, g.teryt, true);
      else if (i % 11 === 0) await inGmina(`Fundacja niesprawdzona ${i}`, g.teryt, false);
    }
    html = (await t.app.inject({ url: '/' })).body;
    const page = (await t.app.inject({ url: '/terytorium/biale-plamy' })).body;
    const spots = Number(/Wskazano (\d+) biał/.exec(page)![1]);
    assert.ok(spots > 5);
    const withEntity = gminy.filter((g, i) => i % 7 === 0 || g.teryt === '0463011').length;
    const unknown = gminy.filter((g, i) => i % 7 !== 0 && i % 11 === 0 && g.teryt !== '0463011').length;
    const tr = translator('pl');
    assert.deepEqual(teaserFigures(html), [
      `${withEntity} ${tr('registry.home.gminyWith', { count: withEntity })}`,
      `${144 - withEntity - unknown} ${tr('registry.home.gminyWithout', { count: 144 - withEntity - unknown })}`,
      `${spots} ${tr('registry.home.whiteSpots', { count: spots })}`,
    ]);
    assert.match(teaser(html), new RegExp(`W ${unknown} gminach są tylko podmioty, których działalności nikt nie sprawdził`));
    assert.match(teaser(html), /Województwo ma 144 gminy;/);
    assert.match(teaser(html), /href="\/terytorium\/biale-plamy"/);
  });

  it('draws the voivodeship as a named picture file and links to the entity map, in both languages', async () => {
    let picture = '';
    for (const [url, prefix, name] of [
      ['/', '', 'Mapa gmin województwa kujawsko-pomorskiego'],
      ['/en', '/en', 'Map of the gminy of the Kuyavian-Pomeranian voivodeship'],
    ] as const) {
      const section = teaser((await t.app.inject({ url })).body);
      const img = /<img [^>]*class="locator-map home-map-picture"[^>]*>/.exec(section)?.[0] ?? '';
      assert.match(img, new RegExp(`alt="${name}[^"]+\\. [^"]+"`), 'the name and the description are the alternative text');
      picture = /src="([^"]+)"/.exec(img)![1]!.replaceAll('&amp;', '&');
      assert.match(picture, /^\/podmioty\/mapa\/zajawka\.svg\?v=[\w-]{16}$/, 'one language-neutral address, versioned');
      assert.doesNotMatch(section, /<svg/, 'no inline drawing: the page stays small');
      assert.match(section, new RegExp(`<a href="${prefix}/podmioty/mapa">`));
    }
    const res = await t.app.inject({ url: picture });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^image\/svg\+xml/);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(res.body, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((res.body.match(/<path d=/g) ?? []).length, 145, 'every gmina and the powiat outlines');
    assert.match(res.body, /fill="#0b4f6c"/, 'a gmina with an entity is shaded');
    const again = await t.app.inject({ url: picture, headers: { 'if-none-match': String(res.headers.etag) } });
    assert.equal(again.statusCode, 304);
    // an address of an older picture is answered with the current one, revalidated each time
    const old = await t.app.inject({ url: '/podmioty/mapa/zajawka.svg?v=older' });
    assert.equal(old.body, res.body);
    assert.equal(old.headers['cache-control'], 'public, no-cache');
    // a registry write draws it anew, under a new address
    const empty = await t.ctx.db
      .selectFrom('territorial_units as u')
      .select('u.teryt')
      .where('u.kind', '=', 'gmina')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('entities as e').select('e.id').whereRef('e.gmina_teryt', '=', 'u.teryt'))),
      )
      .orderBy('u.teryt')
      .executeTakeFirstOrThrow();
    await inGmina('Fundacja nowej gminy', empty.teryt, true);
    const next = /src="(\/podmioty\/mapa\/zajawka\.svg\?v=[^"]+)"/.exec((await t.app.inject({ url: '/' })).body)![1]!;
    assert.notEqual(next, picture);
    assert.notEqual((await t.app.inject({ url: next })).body, res.body);
  });

  it('the home page runs the same statements with 1,000 synthetic entities as with a few', async () => {
    const measure = async () => {
      // a registry write empties the registry's caches: the first view computes, the second reads
      await inGmina(`Fundacja pomiaru ${Date.now()}`, '0463011', true);
      const a = t.database.handle.statements();
      await t.app.inject({ url: '/' });
      const b = t.database.handle.statements();
      await t.app.inject({ url: '/' });
      return { cold: b - a, warm: t.database.handle.statements() - b };
    };
    await t.app.inject({ url: '/' });
    const few = await measure();
    await seedSynthetic(t.ctx, { count: 1000, seed: 3 });
    const many = await measure();
    assert.deepEqual(many, few);
    assert.ok(few.warm <= 6, `${few.warm} statements for a repeated home page view`);
  });
});
