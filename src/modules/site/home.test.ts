// The home page's opening sentence names only the sections of the modules this app registered (each
// module's navigation entry brings its phrase), in both languages: nothing promises a section, such as
// an offer catalogue or bodies, that the platform does not have; a module left out takes its phrase away.
// The page does not repeat the main menu as tiles: the header carries the menu, the page its sections.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MODULES } from '../../app.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { translator } from '../../i18n/index.js';

const lead = (html: string) => /<p class="lead">([^<]*)<\/p>/.exec(html)?.[1] ?? '';

/** A fixed set of modules, so the exact sentences below do not change whenever a module is added. */
const SOME = new Set(['core', 'site', 'accounts', 'audit', 'mail', 'territory', 'registry', 'programme', 'indicators', 'consultations']);
SOME.add('portal').add('opendata').add('offers');

describe('home page text from the registered modules', () => {
  let t: TestApp;
  let smaller: TestApp;
  let all: TestApp;
  before(async () => {
    t = await createTestApp({ reference: false, modules: MODULES.filter((m) => SOME.has(m.name)) });
    smaller = await createTestApp({ reference: false, modules: MODULES.filter((m) => SOME.has(m.name) && m.name !== 'consultations') });
    all = await createTestApp({ reference: false });
  });
  after(async () => {
    await t.close();
    await smaller.close();
    await all.close();
  });

  it('names the phrase of every module of the platform once, in both languages', async () => {
    for (const lang of ['pl', 'en'] as const) {
      const tr = translator(lang);
      const sentence = lead((await all.app.inject({ url: lang === 'pl' ? '/' : '/en' })).body);
      for (const m of MODULES)
        for (const entry of m.nav ?? []) {
          if (!entry.intro) continue;
          const phrase = tr(entry.intro).replaceAll('&', '&amp;');
          assert.equal(sentence.split(phrase).length - 1, 1, `${m.name}: "${phrase}" in "${sentence}"`);
        }
    }
  });

  it('lists the sections of the registered modules, in navigation order, in Polish and English', async () => {
    const pl = lead((await t.app.inject({ url: '/' })).body);
    assert.equal(
      pl,
      'Spójnia łączy w jednym miejscu regionalny program rozwoju ekonomii społecznej, rejestr podmiotów ekonomii społecznej, katalog ich produktów i usług, konsultacje społeczne i profile terytorialne gmin i powiatów.',
    );
    const en = lead((await t.app.inject({ url: '/en' })).body);
    assert.equal(
      en,
      'Spójnia brings together the regional social economy programme, the registry of social economy entities, the catalogue of their products and services, public consultations and territorial profiles of gminy and powiaty.',
    );
    for (const page of [(await t.app.inject({ url: '/' })).body, (await t.app.inject({ url: '/en' })).body]) {
      assert.doesNotMatch(page, /zespoł|\bbodies\b/i, 'no section that does not exist is promised');
    }
  });

  it('leaves out the phrase and the navigation entry of a module that is not registered', async () => {
    const page = (await smaller.app.inject({ url: '/' })).body;
    assert.equal(
      lead(page),
      'Spójnia łączy w jednym miejscu regionalny program rozwoju ekonomii społecznej, rejestr podmiotów ekonomii społecznej, katalog ich produktów i usług i profile terytorialne gmin i powiatów.',
    );
    assert.doesNotMatch(page, /konsultacj/i);
  });

  it('does not repeat the main menu: no link of the page body is a menu entry under its own name', async () => {
    for (const lang of ['pl', 'en'] as const) {
      const tr = translator(lang);
      const html = (await all.app.inject({ url: lang === 'pl' ? '/' : '/en' })).body;
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      assert.ok(main.includes('<h1'), 'the body was found');
      const entries = MODULES.flatMap((m) => m.nav ?? []);
      assert.ok(entries.length > 5);
      for (const entry of entries) {
        const label = tr(entry.label).replaceAll('&', '&amp;');
        // the header's menu names every entry; the body names none of them as a bare link
        assert.ok(html.slice(0, html.indexOf('<main')).includes(`>${label}</a>`), `${label} is in the menu`);
        assert.ok(!main.includes(`>${label}</a>`), `the home page body repeats the menu entry "${label}"`);
      }
    }
  });
});
