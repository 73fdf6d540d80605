// The home page's opening sentence names only the sections of the modules this app registered (each
// module's navigation entry brings its phrase), in both languages: nothing promises a section, such as
// an offer catalogue or bodies, that the platform does not have; a module left out takes its phrase away.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MODULES } from '../../app.js';
import { createTestApp, type TestApp } from '../../testing/app.js';

const lead = (html: string) => /<p class="lead">([^<]*)<\/p>/.exec(html)?.[1] ?? '';

describe('home page text from the registered modules', () => {
  let t: TestApp;
  let smaller: TestApp;
  before(async () => {
    t = await createTestApp({ reference: false });
    smaller = await createTestApp({ reference: false, modules: MODULES.filter((m) => m.name !== 'consultations') });
  });
  after(async () => {
    await t.close();
    await smaller.close();
  });

  it('lists the sections of the registered modules, in navigation order, in Polish and English', async () => {
    const pl = lead((await t.app.inject({ url: '/' })).body);
    assert.equal(
      pl,
      'Spójnia łączy w jednym miejscu regionalny program rozwoju ekonomii społecznej, rejestr podmiotów ekonomii społecznej, konsultacje społeczne, wydarzenia w regionie i profile terytorialne gmin i powiatów.',
    );
    const en = lead((await t.app.inject({ url: '/en' })).body);
    assert.equal(
      en,
      'Spójnia brings together the regional social economy programme, the registry of social economy entities, public consultations, events in the region and territorial profiles of gminy and powiaty.',
    );
    for (const page of [(await t.app.inject({ url: '/' })).body, (await t.app.inject({ url: '/en' })).body]) {
      assert.doesNotMatch(page, /ofert|zespoł|\boffers?\b|\bbodies\b/i, 'no section that does not exist is promised');
    }
  });

  it('leaves out the phrase and the navigation entry of a module that is not registered', async () => {
    const page = (await smaller.app.inject({ url: '/' })).body;
    assert.equal(
      lead(page),
      'Spójnia łączy w jednym miejscu regionalny program rozwoju ekonomii społecznej, rejestr podmiotów ekonomii społecznej, wydarzenia w regionie i profile terytorialne gmin i powiatów.',
    );
    assert.doesNotMatch(page, /konsultacj/i);
  });
});
