// The home page's consultations section (issue 15) on SQLite and PostgreSQL with a controlled clock:
// nothing while none is open or announced; each open consultation with its link and the days left in
// Polish and English plural forms; announced ones with their start; closed ones left out; the next
// day's view counts one day less without any write.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { makeConsultation } from './consultations.testing.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;

before(async () => {
  t = await createTestApp({ clock, reference: false });
});
after(async () => t.close());

const section = (html: string) => /<section aria-labelledby="home-consultations"[\s\S]*?<\/section>/.exec(html)?.[0] ?? null;
const noteOf = (html: string, id: string) => {
  const m = new RegExp(`<a href="(?:/en)?/konsultacje/${id}"[^>]*>[^<]*</a> <span class="home-consultation-note">([^<]*)</span>`).exec(
    html,
  );
  return m?.[1] ?? null;
};

test('the home page lists open consultations with the days left, announced ones with their start, and hides closed ones', async () => {
  const closed = await makeConsultation(t.ctx, { startsIn: -200, endsIn: -1, title: 'Konsultacje zakończone' });
  assert.equal(section((await t.app.inject({ url: '/' })).body), null, 'no section while none is open or announced');

  const one = await makeConsultation(t.ctx, { startsIn: -1, endsIn: 23, title: 'Konsultacje na jeden dzień' });
  const two = await makeConsultation(t.ctx, { startsIn: -1, endsIn: 47, title: 'Konsultacje na dwa dni' });
  const five = await makeConsultation(t.ctx, { startsIn: -1, endsIn: 24 * 5 - 1, title: 'Konsultacje na pięć dni' });
  const announced = await makeConsultation(t.ctx, { startsIn: 24 * 9, endsIn: 24 * 30, title: 'Konsultacje zapowiedziane' });

  const html = (await t.app.inject({ url: '/' })).body;
  const pl = section(html);
  assert.ok(pl, 'the section is shown');
  assert.match(pl, /<h2 id="home-consultations">Konsultacje społeczne: zgłoś uwagi<\/h2>/);
  assert.match(noteOf(pl, one)!, /^Został 1 dzień na zgłaszanie uwag \(do /);
  assert.match(noteOf(pl, two)!, /^Zostały 2 dni na zgłaszanie uwag \(do /);
  assert.match(noteOf(pl, five)!, /^Zostało 5 dni na zgłaszanie uwag \(do /);
  assert.equal(noteOf(pl, announced), 'od 10 marca 2027');
  assert.equal(noteOf(pl, closed), null, 'a closed consultation is not listed');
  assert.doesNotMatch(pl, /Konsultacje zakończone/);
  assert.match(pl, /href="\/konsultacje">Wszystkie konsultacje<\/a>/);
  // the section stands after the registry's figures and before the map teaser and the news
  const at = (id: string) => html.indexOf(`aria-labelledby="${id}"`);
  assert.ok(at('home-consultations') > 0);
  for (const later of ['home-map', 'home-news']) if (at(later) >= 0) assert.ok(at('home-consultations') < at(later), later);
  if (at('home-registry') >= 0) assert.ok(at('home-registry') < at('home-consultations'));

  const en = section((await t.app.inject({ url: '/en' })).body)!;
  assert.match(noteOf(en, one)!, /^1 day left to submit comments \(until /);
  assert.match(noteOf(en, five)!, /^5 days left to submit comments \(until /);
  assert.equal(noteOf(en, announced), 'from 10 March 2027');

  // a day later, with no write: one day less, the one-day consultation gone
  clock.advance(24 * 3600_000);
  const next = section((await t.app.inject({ url: '/' })).body)!;
  assert.equal(noteOf(next, one), null);
  assert.match(noteOf(next, two)!, /^Został 1 dzień/);
  assert.match(noteOf(next, five)!, /^Zostały 4 dni/);
});

test('reads the consultations from the cache: a repeated view runs no consultation query', async () => {
  await t.app.inject({ url: '/' });
  const before = t.database.handle.statements();
  await t.app.inject({ url: '/' });
  const queries = t.database.handle.statements() - before;
  clock.advance(3600_000);
  const again = t.database.handle.statements();
  await t.app.inject({ url: '/' });
  assert.equal(t.database.handle.statements() - again, queries, 'the same statements an hour later, with no write');
  // a write is seen on the next view, which alone reads the consultations again: one statement more
  const late = await makeConsultation(t.ctx, { startsIn: -1, endsIn: 100, title: 'Konsultacje dodane później' });
  const cold = t.database.handle.statements();
  assert.ok(noteOf((await t.app.inject({ url: '/' })).body, late));
  assert.equal(t.database.handle.statements() - cold, queries + 1);
});
