// Everything public is findable (issue 14): after `seed demo`, a consultation with its published
// report, a published annual report and a library document, the sitemap lists the pages of every
// module — both languages, each address with its hreflang alternates and the date its data last
// changed — and validates against the sitemap schema; the site search finds gminy, powiaty and
// their entities for "grudziadz", and programme elements, indicators and consultations by folded and
// inflected words, grouped by kind with counted and ranked results; the offers' catalogue and demo
// offers likewise. On both databases (TEST_DIALECT).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemo } from '../bootstrap.js';
import { newId } from '../core/db/ids.js';
import { nowIso } from '../core/db/time.js';
import { localize } from '../core/http/language.js';
import { fold } from '../core/search/index.js';
import { consultationWithReport } from '../modules/consultations/consultations.testing.js';
import { createDocument, PDF } from '../modules/portal/testing.js';
import { DEMO_SLUG } from '../modules/programme/index.js';
import { checkEntityForm, createEntity } from '../modules/registry/registry.testing.js';
import { entityPath } from '../modules/registry/index.js';
import { createTestApp, type TestApp } from './app.js';
import { ManualClock } from './clock.js';
import { readSitemap, type SitemapUrl } from './sitemap.js';

const clock = new ManualClock('2026-03-10T09:00:00Z');
const actor = { actorId: null, ip: null, requestId: null };
let t: TestApp;
let base: string;
let consultationId: string;
let documentId: string;
let cityEntity: string;
let ruralEntity: string;
let indicatorCode: string;

async function entityIn(name: string, gmina: string, town: string): Promise<string> {
  const input = await checkEntityForm(
    t.ctx,
    { name, legal_form: 'spoldzielnia_socjalna', lifecycle: 'active', gmina_teryt: gmina, town },
    null,
  );
  return entityPath({ id: await createEntity(t.ctx, input, actor), name });
}

before(async () => {
  t = await createTestApp({ clock });
  base = t.config.publicUrl;
  await seedDemo(t.ctx);
  consultationId = await consultationWithReport(t.ctx);
  documentId = await createDocument(
    t.ctx,
    {
      title_pl: 'Sprawozdanie z realizacji programu',
      category: 'raporty',
      doc_date: '2015-03-31',
      label_pl: 'wersja ostateczna',
      version_date: '2015-03-31',
      is_published: '1',
      is_accessible: '1',
    },
    { filename: 'sprawozdanie.pdf', data: PDF, truncated: false },
    actor,
  );
  const programme = await t.ctx.db.selectFrom('programmes').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
  await t.ctx.db
    .insertInto('annual_reports')
    .values({ id: newId(), programme_id: programme.id, year: 2020, status: 'published', published_at: nowIso(clock), published_by: null })
    .execute();
  indicatorCode = (
    await t.ctx.db
      .selectFrom('indicators')
      .select('code')
      .where('programme_id', '=', programme.id)
      .orderBy('position')
      .executeTakeFirstOrThrow()
  ).code;
  cityEntity = await entityIn('Spółdzielnia Socjalna „Nad Wisłą” w Grudziądzu', '0462011', 'Grudziądz');
  ruralEntity = await entityIn('Spółdzielnia Socjalna „Mełno”', '0406012', 'Mełno');
});
after(async () => t.close());

describe('sitemap', () => {
  const urls = new Map<string, SitemapUrl>();
  let sizes: number[] = [];

  before(async () => {
    sizes = await readSitemap(t.app, base, (u) => {
      assert.ok(!urls.has(u.loc), `${u.loc} is listed once`);
      urls.set(u.loc, u);
    });
  });

  /** The page is listed in both languages, each naming both as alternates, with a lastmod when `dated`. */
  function listed(path: string, dated = true): void {
    const href = { pl: `${base}${localize(path, 'pl')}`, en: `${base}${localize(path, 'en')}` };
    for (const lang of ['pl', 'en'] as const) {
      const u = urls.get(href[lang]);
      assert.ok(u, `${href[lang]} is in the sitemap`);
      assert.deepEqual(u.alternates, href, `${href[lang]} names both language versions`);
      if (dated) assert.match(u.lastmod ?? '', /^\d{4}-\d{2}-\d{2}$/, `${href[lang]} has a lastmod`);
    }
  }

  test('one part, every address in both languages, no address twice', () => {
    assert.deepEqual(sizes, [urls.size]);
    assert.equal(urls.size % 2, 0);
    for (const u of urls.values()) assert.deepEqual(Object.keys(u.alternates).sort(), ['en', 'pl']);
  });

  test('every module lists its pages, dated from the data', async () => {
    // portal: landing pages, information pages, news and documents
    for (const path of ['/', '/kontakt']) listed(path, false);
    for (const path of ['/aktualnosci', '/dokumenty', '/deklaracja-dostepnosci', `/dokumenty/${documentId}`]) listed(path);
    const page = await t.ctx.db.selectFrom('pages').select('path').where('is_published', '=', true).executeTakeFirstOrThrow();
    listed(`/${page.path}`);
    const news = await t.ctx.db.selectFrom('news').select('slug').where('is_published', '=', true).executeTakeFirstOrThrow();
    listed(`/aktualnosci/${news.slug}`);
    // registry: every entity's profile
    for (const path of ['/podmioty', '/podmioty/mapa']) listed(path, false);
    listed(cityEntity);
    const entities = await t.ctx.db.selectFrom('entities').select(['id', 'name']).where('merged_into', 'is', null).execute();
    for (const e of entities) listed(entityPath(e));
    // territory: every gmina and powiat profile
    const units = await t.ctx.db.selectFrom('territorial_units').select('teryt').where('kind', 'in', ['gmina', 'powiat']).execute();
    assert.equal(units.length, 167);
    for (const u of units) listed(`/terytorium/${u.teryt}`);
    // programme: the current programme, the archive, the versions of its text
    for (const path of ['/program', '/program/archiwum', `/program/${DEMO_SLUG}/wersje`, `/program/${DEMO_SLUG}/wersje/1`]) listed(path);
    assert.ok(
      ![...urls.keys()].includes(`${base}/program/${DEMO_SLUG}`),
      'the current programme is listed at /program, not at the address that redirects there',
    );
    // indicators: the list, each indicator, the published annual report
    for (const path of [
      `/program/${DEMO_SLUG}/wskazniki`,
      `/program/${DEMO_SLUG}/wskazniki/${encodeURIComponent(indicatorCode)}`,
      `/program/${DEMO_SLUG}/sprawozdanie/2020`,
    ])
      listed(path);
    // consultations: the list, the consultation and its report
    for (const path of ['/konsultacje', `/konsultacje/${consultationId}`, `/konsultacje/${consultationId}/raport`]) listed(path);
    // opendata: the list of datasets
    listed('/dane', false);
    // offers: the catalogue and every published (demo) offer
    listed('/oferta');
    const offers = await t.ctx.db.selectFrom('offers').select('id').where('is_published', '=', true).execute();
    assert.ok(offers.length > 0);
    for (const o of offers) listed(`/oferta/${o.id}`);
  });

  test('the listed pages exist in both languages (one of each kind)', async () => {
    const sample = [
      '/',
      `/dokumenty/${documentId}`,
      cityEntity,
      '/terytorium/0406',
      '/terytorium/0462011',
      '/program',
      `/program/${DEMO_SLUG}/wersje/1`,
      `/program/${DEMO_SLUG}/wskazniki/${encodeURIComponent(indicatorCode)}`,
      `/program/${DEMO_SLUG}/sprawozdanie/2020`,
      `/konsultacje/${consultationId}/raport`,
      '/dane',
    ];
    for (const path of sample) {
      for (const lang of ['pl', 'en'] as const) {
        const res = await t.app.inject({ url: localize(path, lang) });
        assert.equal(res.statusCode, 200, `${localize(path, lang)} answers 200`);
      }
    }
  });

  test('robots.txt points to the index; parts that do not exist are 404', async () => {
    const robots = await t.app.inject({ url: '/robots.txt' });
    assert.match(robots.body, new RegExp(`^Sitemap: ${base}/sitemap\\.xml$`, 'm'));
    for (const url of ['/sitemap-2.xml', '/sitemap-0.xml', '/sitemap-01.xml', '/sitemap-x.xml', '/sitemap-1234567.xml']) {
      assert.equal((await t.app.inject({ url })).statusCode, 404, `${url} is 404`);
    }
  });
});

describe('site search', () => {
  /** The groups of a result page in order: heading text and the result count in words. */
  function groups(body: string): { heading: string; count: string }[] {
    return [...body.matchAll(/<h2 id="wyniki-[^"]+"[^>]*>([^<]+) <span class="portal-count">\(([^)]+)\)<\/span><\/h2>/g)].map((m) => ({
      heading: m[1]!.trim(),
      count: m[2]!,
    }));
  }

  test('"grudziadz" finds the gminy, the powiaty and their entities, territory first', async () => {
    const res = await t.app.inject({ url: '/szukaj?q=grudziadz' });
    assert.equal(res.statusCode, 200);
    for (const path of ['/terytorium/0462011', '/terytorium/0406012', '/terytorium/0462', '/terytorium/0406', cityEntity, ruralEntity]) {
      assert.ok(res.body.includes(`href="${path}"`), `${path} is found`);
    }
    const found = groups(res.body);
    assert.deepEqual(found[0], { heading: 'Gminy i powiaty', count: '4 wyniki' });
    assert.ok(
      found.some((g) => g.heading === 'Podmioty ekonomii społecznej' && g.count === '2 wyniki'),
      JSON.stringify(found),
    );
    // within the group the city as a gmina and a powiat ("Grudziądz") come before "powiat grudziądzki"
    const order = ['/terytorium/0462011', '/terytorium/0406'].map((p) => res.body.indexOf(`href="${p}"`));
    assert.ok(order[0]! < order[1]!);
    const en = await t.app.inject({ url: '/en/szukaj?q=Grudzi%C4%85dz' });
    assert.deepEqual(groups(en.body)[0], { heading: 'Gminy and powiaty', count: '4 results' });
    assert.ok(en.body.includes('href="/en/terytorium/0462"'));
  });

  test('programme elements, indicators, consultations, offers, events and bodies are found by folded and inflected words', async () => {
    const element = await t.ctx.db.selectFrom('programme_elements').select(['code', 'title']).orderBy('code').executeTakeFirstOrThrow();
    const indicator = await t.ctx.db
      .selectFrom('indicators')
      .select(['code', 'name'])
      .where('code', '=', indicatorCode)
      .executeTakeFirstOrThrow();
    const cases: [string, string, string][] = [
      // a word's folded form, as typed without Polish letters
      [fold(element.title.split(/\s+/).slice(0, 3).join(' ')), `#cel-${element.code}`, 'Program i jego cele'],
      [fold(indicator.name.split(/\s+/).slice(0, 3).join(' ')), `/wskazniki/${encodeURIComponent(indicator.code)}`, 'Wskaźniki programu'],
      // an inflected form: "konsultacji projektu" for "Konsultacje projektu"
      ['konsultacji projektu programu', `/konsultacje/${consultationId}`, 'Konsultacje społeczne'],
      // an offer of the demo seed, inflected and without Polish letters
      ['pielegnacji terenow zielonych', '/oferta/', 'Oferta podmiotów'],
      // a Forum edition (reference data) and a statutory body of the demo seed, inflected, folded
      ['forum ekonomii spolecznej', '/wydarzenia/', 'Wydarzenia'],
      ['komitetu rozwoju ekonomii', '/zespoly/', 'Zespoły'],
    ];
    for (const [q, path, heading] of cases) {
      const res = await t.app.inject({ url: `/szukaj?q=${encodeURIComponent(q)}` });
      assert.ok(res.body.includes(path), `"${q}" finds ${path}`);
      assert.ok(
        groups(res.body).some((g) => g.heading === heading && /^\d+ wynik/.test(g.count)),
        `"${q}": group ${heading} with its count`,
      );
    }
  });
});
