// The Forum edition's page lists the local governments' awards given at that edition (a section the
// localgov module contributes through `eventPageSections`), in Polish and English: the award, the
// unit by name with its profile, the year and the unit's good practice; a Forum edition without
// awards has no such section. Awards and the practice are entered through localgov's staff forms.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { makeEvent } from './events.testing.js';

let t: TestApp;
let forum2025 = '';
let forum2024 = '';
let conference2025 = '';
let practicePath = '';

async function staffPost(cookie: string, formPage: string, values: Record<string, string>) {
  const page = await t.app.inject({ url: formPage, headers: { cookie } });
  const res = await t.app.inject({
    method: 'POST',
    url: formPage,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
  assert.equal(res.statusCode, 303, res.body);
  return String(res.headers.location);
}

/** The section's table rows as text, or null when the page has no awards section. */
function awardsSection(html: string): string | null {
  const i = html.indexOf('<section aria-labelledby="forum-awards">');
  return i < 0 ? null : html.slice(i, html.indexOf('</section>', i));
}

before(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-11-27T10:00:00Z') });
  forum2025 = (
    await makeEvent(t.ctx, { title: 'Forum Ekonomii Społecznej 2025', startsAt: '2025-10-15T10:00', closesBeforeStartHours: null })
  ).id;
  forum2024 = (
    await makeEvent(t.ctx, { title: 'Forum Ekonomii Społecznej 2024', startsAt: '2024-10-10T10:00', closesBeforeStartHours: null })
  ).id;
  // another kind of event in the same year is not the Forum: its page has no awards
  conference2025 = (await makeEvent(t.ctx, { title: 'Konferencja 2025', startsAt: '2025-10-20T10:00', closesBeforeStartHours: null })).id;
  await t.ctx.db.updateTable('events').set({ type: 'conference' }).where('id', '=', conference2025).execute();
  const { cookie } = await loginAs(t, [{ role: 'coordinator' }]);
  const chelmno = 'Chełmno (gmina miejska, powiat chełmiński)';
  await staffPost(cookie, '/admin/samorzady/nagrody/nowa', {
    edition_year: '2025',
    award: 'developing',
    level: 'gold',
    rank: 'laureate',
    unit: chelmno,
    source: 'Uchwała testowa',
  });
  // an award of another edition must not appear on the 2025 Forum's page
  await staffPost(cookie, '/admin/samorzady/nagrody/nowa', {
    edition_year: '2023',
    award: 'friendly',
    rank: 'distinction',
    unit: 'powiat chełmiński',
    source: 'Uchwała testowa',
  });
  await staffPost(cookie, '/admin/samorzady/dobre-praktyki/nowa', {
    title: 'Klauzule społeczne w zamówieniach miasta',
    body: 'Opis testowy.',
    unit: chelmno,
    measure: 'clauses',
    source: 'Dane testowe',
  });
  const practice = await t.ctx.db.selectFrom('localgov_practices').select('id').executeTakeFirstOrThrow();
  practicePath = `/samorzady/dobre-praktyki/${practice.id}`;
});
after(async () => t.close());

describe('awards on the Forum edition page', () => {
  it('lists the awards given at that edition, in Polish', async () => {
    const res = await t.app.inject({ url: `/wydarzenia/${forum2025}` });
    assert.equal(res.statusCode, 200);
    const section = awardsSection(res.body);
    assert.ok(section, 'the awards section is on the page');
    assert.match(section, /<h2 id="forum-awards">Nagrody dla samorządów<\/h2>/);
    assert.match(section, /<caption>Nagrody dla samorządów przyznane na Forum w roku 2025<\/caption>/);
    assert.match(section, /Samorząd Rozwijający Ekonomię Społeczną \(złoty\)/);
    assert.match(section, /laureat/);
    assert.match(section, /<a href="\/terytorium\/0404011">Chełmno \(gmina miejska, powiat chełmiński\)<\/a>/);
    assert.match(section, /<td[^>]*>2025<\/td>/);
    assert.match(section, new RegExp(`<a href="${practicePath}" lang="pl">Klauzule społeczne w zamówieniach miasta</a>`));
    assert.doesNotMatch(section, /Samorząd Przyjazny/, 'an award of another edition is not listed');
  });

  it('lists them in English too', async () => {
    const res = await t.app.inject({ url: `/en/wydarzenia/${forum2025}` });
    assert.equal(res.statusCode, 200);
    const section = awardsSection(res.body);
    assert.ok(section, 'the awards section is on the English page');
    assert.match(section, /<h2 id="forum-awards">Awards for local governments<\/h2>/);
    assert.match(section, /<caption>Awards for local governments given at the Forum in 2025<\/caption>/);
    assert.match(section, /Samorząd Rozwijający Ekonomię Społeczną \(gold\)/);
    assert.match(section, /laureate/);
    assert.match(section, /<a href="\/en\/terytorium\/0404011">Chełmno/);
    assert.match(section, new RegExp(`<a href="/en${practicePath}" lang="pl">`));
  });

  it('has no awards section for an edition without awards (nor on another event), in either language', async () => {
    for (const id of [forum2024, conference2025])
      for (const url of [`/wydarzenia/${id}`, `/en/wydarzenia/${id}`]) {
        const res = await t.app.inject({ url });
        assert.equal(res.statusCode, 200);
        assert.equal(awardsSection(res.body), null, url);
        assert.doesNotMatch(res.body, /forum-awards/);
      }
  });
});
