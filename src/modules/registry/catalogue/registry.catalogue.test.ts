// The catalogue's facets, bounded relevance, constant statement count, map and synthetic seed, on
// both databases. A small fixture with known legal forms, gminy (in two OWES subregions), sectors
// and activity types makes every count checkable by hand.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { polishSortKey } from '../../../core/db/collation.js';
import { newId } from '../../../core/db/ids.js';
import { createTestApp, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { listUnits } from '../../territory/index.js';
import { catalogueMap, parseCatalogueQuery, searchCatalogue } from './registry.catalogue.js';
import { CLUSTER_HIT_RADIUS } from './registry.catalogue.views.js';
import * as repo from '../entity/registry.repo.js';
import { entitySearchDocument, seedRegistryDemo } from '../entity/registry.service.js';
import { seedSynthetic, SYNTHETIC_PREFIX } from '../data-quality/registry.synthetic.js';
import type { LegalForm } from '../entity/registry.tables.js';

let t: TestApp;
/** A gmina of powiat toruński (0415), i.e. in the Toruń subregion, but not the city. */
let nearTorun: string;

const TORUN = '0463011';
const BYDGOSZCZ = '0461011';

interface Fixture {
  name: string;
  form: LegalForm;
  gmina: string | null;
  sectors: string[];
  activity: string | null;
}

async function add(rows: Fixture[]): Promise<string[]> {
  const names = new Map((await listUnits(t.ctx.db, 'gmina')).map((g) => [g.teryt, g.name]));
  const now = new Date().toISOString();
  const ids = rows.map(() => newId());
  await repo.insertEntities(
    t.ctx.db,
    rows.map((r, i) => {
      const row = {
        id: ids[i]!,
        name: r.name,
        name_sort: polishSortKey(r.name),
        short_name: null,
        legal_form: r.form,
        description: null,
        activity_type: r.activity,
        sectors: JSON.stringify(r.sectors),
        lifecycle: 'active' as const,
        gmina_teryt: r.gmina,
        town: r.gmina ? (names.get(r.gmina) ?? null) : null,
        is_synthetic: false,
        created_at: now,
        updated_at: now,
      };
      return { ...row, search_doc: entitySearchDocument(row, r.gmina ? (names.get(r.gmina) ?? null) : null) };
    }),
  );
  return ids;
}

before(async () => {
  // time stands still, so the statement counts below never include a short cache expiring on a slow machine
  t = await createTestApp({ clock: new ManualClock(new Date()) });
  nearTorun = (await listUnits(t.ctx.db, 'gmina')).find((g) => g.parent_teryt === '0415')!.teryt;
  await add([
    {
      name: 'Spółdzielnia Socjalna Toruńska Kuchnia',
      form: 'spoldzielnia_socjalna',
      gmina: TORUN,
      sectors: ['Gastronomia', 'Catering'],
      activity: 'business',
    },
    { name: 'Fundacja Toruń Razem', form: 'fundacja', gmina: TORUN, sectors: ['Kultura'], activity: 'paid_public_benefit' },
    {
      name: 'Fundacja Wiślany Brzeg',
      form: 'fundacja',
      gmina: nearTorun,
      sectors: ['Turystyka', 'gastronomia'],
      activity: 'paid_public_benefit',
    },
    { name: 'Stowarzyszenie Bydgoskie Smaki', form: 'stowarzyszenie', gmina: BYDGOSZCZ, sectors: ['Gastronomia'], activity: 'business' },
    {
      name: 'Spółdzielnia Socjalna Bydgoski Dom',
      form: 'spoldzielnia_socjalna',
      gmina: BYDGOSZCZ,
      sectors: ['Usługi opiekuńcze'],
      activity: 'other_paid',
    },
    { name: 'Fundacja Bez Adresu', form: 'fundacja', gmina: null, sectors: [], activity: null },
  ]);
});
after(async () => t.close());

const search = (raw: Record<string, unknown>) => searchCatalogue(t.ctx, parseCatalogueQuery(raw));
const get = (url: string) => t.app.inject({ url });

describe('catalogue', () => {
  test('subregion, sector and activity filters; facets combine and count the other choices', async () => {
    assert.equal((await search({})).total, 6);
    const torun = await search({ podregion: 'torun' });
    assert.equal(torun.total, 3, 'Toruń city and powiat toruński');
    assert.equal(torun.subregions.find((s) => s.value === 'torun')!.count, 3);
    assert.equal(torun.subregions.find((s) => s.value === 'bydgoszcz')!.count, 2, 'the subregion facet ignores its own choice');
    assert.equal(torun.facets.legalForm.get('fundacja'), 2);

    const gastro = await search({ sektor: 'gastronomia' });
    assert.deepEqual(gastro.rows.map((r) => r.name).sort(), [
      'Fundacja Wiślany Brzeg',
      'Spółdzielnia Socjalna Toruńska Kuchnia',
      'Stowarzyszenie Bydgoskie Smaki',
    ]);
    assert.equal(gastro.facets.sector.get('gastronomia')!.count, 3, '"Gastronomia" and "gastronomia" are one sector');
    assert.equal(gastro.facets.sector.get('kultura')!.count, 1, 'the sector facet ignores its own choice');

    const combined = await search({ sektor: 'gastronomia', podregion: 'torun', dzialalnosc: 'business' });
    assert.equal(combined.total, 1);
    assert.equal(combined.rows[0]!.name, 'Spółdzielnia Socjalna Toruńska Kuchnia');
    assert.equal(combined.facets.activityType.get('paid_public_benefit'), 1, 'Wiślany Brzeg: gastronomy in the Toruń subregion');
    assert.equal(combined.facets.activityType.get('business'), 1);
    assert.equal(combined.facets.sector.get('catering')!.count, 1);
    assert.equal(combined.facets.sector.get('kultura'), undefined, 'Kultura is not a business');
    assert.equal(combined.subregions.find((s) => s.value === 'bydgoszcz')!.count, 1, 'Bydgoskie Smaki');
    assert.equal(combined.facets.legalForm.get('spoldzielnia_socjalna'), 1);
    assert.equal(combined.facets.gmina.get(TORUN), 1);

    const twoForms = await search({ forma: ['fundacja', 'stowarzyszenie'], powiat: ['0461', '0463'] });
    assert.equal(twoForms.total, 2);
    assert.equal(twoForms.facets.powiat.get('0415'), 1, 'powiat counts ignore the powiat choice');
    assert.equal(twoForms.facets.legalForm.get('spoldzielnia_socjalna'), 2);

    // unknown values are ignored, not refused
    assert.equal((await search({ podregion: 'nie-ma-takiego', dzialalnosc: 'zla' })).total, 6);
  });

  test('the page, exports and API filter alike and keep the new parameters in the address', async () => {
    const page = await get('/podmioty?podregion=torun&sektor=gastronomia');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Znaleziono 2 podmioty/);
    assert.match(page.body, /name="podregion" value="torun" checked/);
    assert.match(page.body, /name="sektor" value="gastronomia" checked/);
    assert.match(page.body, /href="\/podmioty\/mapa\?podregion=torun&amp;sektor=gastronomia"/);
    const json = (await get('/podmioty.json?podregion=torun&sektor=gastronomia')).json();
    assert.equal(json.count, 2);
    const csv = await get('/podmioty.csv?dzialalnosc=other_paid');
    assert.equal(csv.body.trim().split('\r\n').length, 2, 'header and one row');
    const api = await get('/api/v1/podmioty?podregion=bydgoszcz&dzialalnosc=business');
    assert.equal(api.statusCode, 200);
    assert.deepEqual(
      api.json().items.map((i: { name: string }) => i.name),
      ['Stowarzyszenie Bydgoskie Smaki'],
    );
    const spec = (await get('/api/openapi.json')).json();
    const params = spec.paths['/api/v1/podmioty'].get.parameters.map((p: { name: string }) => p.name);
    for (const name of ['podregion', 'sektor', 'dzialalnosc']) assert.ok(params.includes(name), `${name} documented`);
    const en = await get('/en/podmioty?dzialalnosc=business');
    assert.match(en.body, /2 entities found/);
  });

  test('relevance ranks names carrying more of the words first, over a bounded set', async () => {
    const ranked = await search({ q: 'spółdzielnia socjalna toruń' });
    assert.equal(ranked.rows[0]!.name, 'Spółdzielnia Socjalna Toruńska Kuchnia');
    const fundacja = await search({ q: 'fundacji toruń' });
    assert.equal(fundacja.rows[0]!.name, 'Fundacja Toruń Razem');
    assert.equal(fundacja.rankedPart, false);
    assert.equal((await search({ q: 'gastronomia' })).total, 3, 'sectors are searchable');
  });

  test('the facet index reads the registry in pages: small pages give the same rows as one', async () => {
    const today = '2026-12-07';
    const whole = await repo.facetIndexSource(t.ctx.db, t.ctx.database.seam, today);
    const paged = await repo.facetIndexSource(t.ctx.db, t.ctx.database.seam, today, 2);
    assert.ok(
      whole.entities.length > 4 && whole.sectors.length > 4,
      `more than two pages: ${whole.entities.length}, ${whole.sectors.length}`,
    );
    const byKey = <R extends { id?: string; entity_id?: string; sector_folded?: string }>(rows: R[]) =>
      [...rows].sort((a, b) =>
        `${a.id ?? a.entity_id}${a.sector_folded ?? ''}`.localeCompare(`${b.id ?? b.entity_id}${b.sector_folded ?? ''}`),
      );
    assert.deepEqual(byKey(paged.entities), byKey(whole.entities));
    assert.deepEqual(byKey(paged.sectors), byKey(whole.sectors));
    assert.equal(new Set(paged.entities.map((e) => e.k)).size, paged.entities.length, 'no row twice');
    // the two list orders, paged after the last (sort key, id), in the same order as read at once
    assert.equal(whole.byName.length, whole.entities.length);
    assert.deepEqual(paged.byName, whole.byName);
    assert.deepEqual(paged.byNewest, whole.byNewest);
    const first = await repo.listEntities(
      t.ctx.db,
      t.ctx.database.seam,
      { terms: [], legalForm: [], powiat: [], gmina: [], statusPs: false, mark: false, includeClosed: true, today },
      'name',
      5,
      0,
    );
    const keyOf = new Map(whole.entities.map((e) => [e.id, e.k]));
    assert.deepEqual(
      whole.byName.slice(0, 5),
      first.map((r) => keyOf.get(r.id)),
      'the catalogue order by name',
    );
  });

  test('a write by any writer refreshes the cached counts', async () => {
    assert.equal((await search({ dzialalnosc: 'other_paid' })).total, 1);
    const [id] = await add([
      { name: 'Koło Gospodyń Nowe', form: 'kolo_gospodyn_wiejskich', gmina: TORUN, sectors: ['Rękodzieło'], activity: 'other_paid' },
    ]);
    const after = await search({ dzialalnosc: 'other_paid' });
    assert.equal(after.total, 2);
    assert.equal(after.facets.sector.get('rekodzielo')!.label, 'Rękodzieło');
    await repo.updateEntity(t.ctx.db, id!, { sectors: JSON.stringify(['Szycie']), activity_type: 'business' });
    const moved = await search({ sektor: 'szycie' });
    assert.equal(moved.total, 1);
    assert.equal(moved.facets.sector.get('rekodzielo'), undefined, 'the old sector row is gone');
    assert.equal((await search({ dzialalnosc: 'other_paid' })).total, 1);
  });

  test('the filter form, kept once the same counts come again, shows the counts after a write', async () => {
    const activityCount = async () =>
      /<label for="f-dzialalnosc-other_paid">[^<]*<span class="facet__count">\((\d+)\)<\/span>/.exec((await get('/podmioty')).body)?.[1];
    const before = await activityCount();
    assert.equal(await activityCount(), before, 'the second view (the form is kept from it)');
    assert.equal(await activityCount(), before, 'the kept form');
    const [id] = await add([
      { name: 'Koło Gospodyń Zapamiętane', form: 'kolo_gospodyn_wiejskich', gmina: TORUN, sectors: [], activity: 'other_paid' },
    ]);
    try {
      assert.equal(await activityCount(), String(Number(before) + 1));
    } finally {
      await t.ctx.db.deleteFrom('entities').where('id', '=', id!).execute();
    }
    assert.equal(await activityCount(), before);
  });

  test('the map: clusters and the table carry the same numbers, each a link to the list', async () => {
    const map = await catalogueMap(t.ctx, parseCatalogueQuery({}));
    const total = map.gminy.reduce((n, g) => n + g.count, 0);
    assert.equal(total + map.withoutGmina, map.total);
    assert.equal(map.withoutGmina, 1, 'Fundacja Bez Adresu');
    assert.equal(
      map.clusters.reduce((n, c) => n + c.count, 0),
      total,
      'every entity with a gmina is in exactly one cluster',
    );
    assert.deepEqual(map.clusters.flatMap((c) => c.gminy).sort(), map.gminy.map((g) => g.teryt).sort());

    const page = await get('/podmioty/mapa?forma=fundacja');
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<svg class="entity-map" role="group"[^>]*aria-labelledby="entity-map-title" aria-describedby="entity-map-desc"/,
    );
    assert.match(page.body, /Znaleziono 3 podmioty/);
    // each cluster links to the filtered list of its gminy, keeping the search
    const links = [...page.body.matchAll(/<a href="(\/podmioty\?forma=fundacja&amp;gmina=[^"]+)" class="entity-map__cluster"/g)].map(
      (m) => m[1],
    );
    assert.ok(links.length >= 1 && links.length <= 2);
    const rows = [...page.body.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    assert.equal(
      rows.reduce((a, b) => a + b, 0),
      2,
      'table: the two foundations with a gmina',
    );
    assert.match(page.body, /1 podmiot bez podanej gminy/);
    const list = await get(links[0]!.replaceAll('&amp;', '&'));
    assert.equal(list.statusCode, 200);
    assert.match(page.body, /href="\/podmioty\?forma=fundacja"/, 'back to the list with the same query');
    const en = await get('/en/podmioty/mapa?q=%22%3B--');
    assert.equal(en.statusCode, 200);
  });

  test("the map names the towns, zooms to a chosen powiat (or the gminy's powiat), has finger-sized clusters; long tables fold", async () => {
    const svgOf = (html: string) => /<svg class="entity-map[^"]*"[\s\S]*?<\/svg>/.exec(html)![0];
    const viewBox = (svg: string) => /viewBox="([-\d. ]+)"/.exec(svg)![1]!.split(' ').map(Number);
    const whole = await get('/podmioty/mapa');
    const wholeSvg = svgOf(whole.body);
    const [, , fullW, fullH] = viewBox(wholeSvg);
    for (const name of ['Bydgoszcz', 'Toruń']) {
      const m = new RegExp(`<text x="([-\\d.]+)" y="([-\\d.]+)"[^>]*paint-order="stroke"[^>]*>${name}</text>`).exec(wholeSvg)!;
      assert.ok(Number(m[1]) > 0 && Number(m[1]) < fullW! && Number(m[2]) > 0 && Number(m[2]) < fullH!, name);
    }
    assert.match(wholeSvg, /<g class="map-towns" aria-hidden="true" pointer-events="none"/);
    // every cluster: a transparent hit circle of at least 28 units (12 CSS px at 350 px wide) under the visible one
    const hits = [...wholeSvg.matchAll(/<circle class="entity-map__hit" cx="[\d.]+" cy="[\d.]+" r="([\d.]+)" fill="transparent"/g)];
    const dots = [...wholeSvg.matchAll(/<circle class="entity-map__dot"/g)];
    assert.ok(hits.length >= 1 && hits.length === dots.length);
    for (const h of hits) assert.ok(Number(h[1]) >= CLUSTER_HIT_RADIUS && (Number(h[1]) * 350) / fullW! >= 12, `hit radius ${h[1]}`);
    assert.doesNotMatch(whole.body, /Pokaż całe województwo/);

    const zoomed = await get(`/podmioty/mapa?gmina=${TORUN}`);
    const svg = svgOf(zoomed.body);
    const [x, , w, h] = viewBox(svg);
    assert.ok(w! < fullW! / 3 && h! < fullH! / 3, `zoomed to ${w}×${h}`);
    assert.match(svg, /class="entity-map entity-map--zoomed"/);
    // the hit area scales with the view: the same size on screen
    const hit = Number(/<circle class="entity-map__hit"[^>]* r="([\d.]+)"/.exec(svg)![1]);
    assert.ok(Math.abs(hit - (CLUSTER_HIT_RADIUS * w!) / fullW!) < 0.05, `hit ${hit}`);
    const cx = Number(/<circle class="entity-map__hit" cx="([\d.]+)" cy="([\d.]+)"/.exec(svg)![1]);
    assert.ok(cx > x! && cx < x! + w!, "Toruń's cluster inside the view");
    assert.match(
      zoomed.body,
      /Mapa przybliżona do obszaru: Toruń\. <a href="\/podmioty\/mapa\?gmina=0463011&amp;widok=wojewodztwo">Pokaż całe województwo<\/a>/,
    );
    const back = await get(`/podmioty/mapa?gmina=${TORUN}&widok=wojewodztwo`);
    assert.equal(back.statusCode, 200);
    assert.deepEqual(viewBox(svgOf(back.body)), [0, 0, fullW, fullH], 'the whole region, the choice kept');
    assert.equal((await get('/podmioty/mapa?widok=caly')).statusCode, 400);
    const powiat = await get('/en/podmioty/mapa?powiat=0415');
    assert.match(powiat.body, /The map is zoomed to: powiat toruński\. <a href="\/en\/podmioty\/mapa\?powiat=0415&amp;widok=wojewodztwo">/);

    // a short table stays open; 13 gminy or more fold behind the summary with the count
    const rows = [...whole.body.matchAll(/<td class="num">/g)].length;
    assert.ok(rows > 0);
    if (rows <= 12) assert.doesNotMatch(whole.body, /data-table-disclosure/);
    else assert.match(whole.body, new RegExp(`<details class="data-table-disclosure"><summary>Pokaż tabelę danych \\(${rows} wiersz`));
  });

  test('constant statement count: catalogue and profile, page sizes 1 and 20, at most 6', async () => {
    await seedRegistryDemo(t.ctx);
    const statements = async (url: string) => {
      await get(url); // warm the per-process caches (names, boundaries, settings)
      const before = t.database.handle.statements();
      const res = await get(url.includes('?') ? `${url}&sort=nazwa` : `${url}?sort=nazwa`); // same page, other address: the facet counts are not cached yet
      assert.equal(res.statusCode, 200, url);
      return { n: t.database.handle.statements() - before, body: res.body };
    };
    const twenty = await statements('/podmioty?q=');
    assert.equal([...twenty.body.matchAll(/<th scope="row"><a href="\/podmioty\//g)].length, 20);
    const one = await statements('/podmioty?q=emaus');
    assert.equal([...one.body.matchAll(/<th scope="row"><a href="\/podmioty\//g)].length, 1);
    assert.equal(one.n, twenty.n, 'the same number of statements for 1 and 20 rows');
    assert.ok(twenty.n <= 6, `catalogue: ${twenty.n} statements`);
    const href = /href="(\/podmioty\/[0-9a-f-]{36}-[a-z0-9-]+)"/.exec(one.body)![1]!;
    await get(href);
    const before = t.database.handle.statements();
    assert.equal((await get(href)).statusCode, 200);
    const profile = t.database.handle.statements() - before;
    assert.ok(profile <= 6, `profile: ${profile} statements`);
    const other = /href="(\/podmioty\/[0-9a-f-]{36}-[a-z0-9-]+)"/.exec(twenty.body)![1]!;
    await get(other);
    const before2 = t.database.handle.statements();
    await get(other);
    assert.equal(t.database.handle.statements() - before2, profile, 'every profile costs the same');
    const map = await statements('/podmioty/mapa?q=fundacja');
    assert.ok(map.n <= 6, `map: ${map.n} statements`);
    // facets are counted in memory (registry.facet-index.ts): another choice of the other facets
    // with the same text reads only the page; a new word adds one read of its rows, a known one none
    await get('/podmioty?q=spoldzielnia');
    const before3 = t.database.handle.statements();
    assert.equal((await get('/podmioty?q=spoldzielnia&forma=spoldzielnia_socjalna')).statusCode, 200);
    assert.equal(t.database.handle.statements() - before3, 1, 'only the page: the facet index and the word are kept');
    const before4 = t.database.handle.statements();
    assert.equal((await get('/podmioty?q=spoldzielnia+socjalna')).statusCode, 200);
    assert.equal(t.database.handle.statements() - before4, 2, 'the page and the new word');
    // new words are read one statement each (the event loop let go between them) up to four; more in one
    const before5 = t.database.handle.statements();
    const three = await get('/podmioty?q=stowarzyszenie+bydgoskie+smaki');
    assert.match(three.body, /Stowarzyszenie Bydgoskie Smaki/);
    assert.equal(t.database.handle.statements() - before5, 4, 'three new words and the page');
    const before6 = t.database.handle.statements();
    assert.equal((await get('/podmioty?q=alfa+beta+gamma+delta+epsilon+zeta&forma=fundacja')).statusCode, 200);
    assert.ok(t.database.handle.statements() - before6 <= 6, 'six new words: at most six statements');
  });

  test('synthetic seed: marked, labelled, spread over forms, gminy and sectors', async () => {
    const added = await seedSynthetic(t.ctx, { count: 300, seed: 7 });
    assert.equal(added, 300);
    const rows = await t.ctx.db
      .selectFrom('entities')
      .select(['name', 'is_synthetic', 'legal_form', 'gmina_teryt'])
      .where('is_synthetic', '=', true)
      .execute();
    assert.equal(rows.length, 300);
    assert.ok(rows.every((r) => r.is_synthetic === true && r.name.startsWith(SYNTHETIC_PREFIX)));
    assert.ok(new Set(rows.map((r) => r.legal_form)).size >= 6, 'several legal forms');
    assert.ok(new Set(rows.map((r) => r.gmina_teryt)).size >= 30, 'many gminy');
    const sectors = await search({ q: 'syntetyczny' });
    assert.ok(sectors.total >= 290, 'synthetic entities stay searchable (closed ones are hidden)');
    assert.ok(sectors.facets.sector.size >= 10);
    const page = await get('/podmioty?q=syntetyczny');
    assert.match(page.body, /\[SYNTETYCZNY\]/);
    assert.match(page.body, /class="badge badge--synthetic">dane syntetyczne</);
    const href = /href="(\/podmioty\/[0-9a-f-]{36}-[a-z0-9-]+)"/.exec(page.body)![1]!;
    assert.match((await get(href)).body, /To jest podmiot syntetyczny/);
  });
});

describe('a filter value the catalogue does not know', () => {
  test('is refused with a 400 naming the parameter, on the page, the files and the API; empty values mean "any"', async () => {
    const page = await t.app.inject({ url: '/podmioty?forma=nie-ma-takiej-formy' });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /data-error-summary/);
    assert.match(page.body, /Parametr „forma” ma nieprawidłową wartość\./);
    const en = await t.app.inject({ url: '/en/podmioty?powiat=9999' });
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /powiat/);
    for (const url of ['/podmioty.csv?stan=zamkniety', '/podmioty.json?gmina=0463', '/podmioty?strona=druga', '/podmioty?sort=losowo']) {
      assert.equal((await t.app.inject({ url })).statusCode, 400, url);
    }
    const api = await t.app.inject({ url: '/api/v1/podmioty?forma=spolka' });
    assert.equal(api.statusCode, 400);
    assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
    // what a GET form sends for an untouched select or text field is no filter at all
    assert.equal((await t.app.inject({ url: '/podmioty?q=&forma=&powiat=&sort=&status_ps=1' })).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/podmioty?forma=fundacja&forma=stowarzyszenie&powiat=0463&strona=1' })).statusCode, 200);
  });
});
