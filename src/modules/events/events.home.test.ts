// The home page's upcoming events are kept between views, so they must still change when time alone
// changes them: a listed event's registration closing takes its "register" line away, its end takes
// it off the list and brings in the next one; a write (a new event) shows at once; both languages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { homeListChangesAt } from './events.sections.js';
import { makeEvent } from './events.testing.js';

const clock = new ManualClock('2027-03-01T08:00:00Z');
let t: TestApp;

before(async () => {
  t = await createTestApp({ clock });
  // Warsaw wall clock (UTC+1 in March): registration closes an hour before the start
  await makeEvent(t.ctx, { title: 'Warsztaty pierwsze', startsAt: '2027-03-08T10:00', hours: 2 });
  await makeEvent(t.ctx, { title: 'Warsztaty drugie', startsAt: '2027-03-09T10:00', hours: 2, closesBeforeStartHours: null });
  await makeEvent(t.ctx, { title: 'Warsztaty trzecie', startsAt: '2027-03-10T10:00', hours: 2, closesBeforeStartHours: null });
  await makeEvent(t.ctx, { title: 'Warsztaty czwarte', startsAt: '2027-03-11T10:00', hours: 2, closesBeforeStartHours: null });
});
after(async () => t.close());

/** The home page's event lines: title → the line says one may register. */
async function homeEvents(path = '/'): Promise<Map<string, boolean>> {
  const res = await t.app.inject({ url: path });
  assert.equal(res.statusCode, 200);
  const section = /<section aria-labelledby="home-events"[^>]*>([\s\S]*?)<\/section>/.exec(res.body)?.[1] ?? '';
  const lines = new Map<string, boolean>();
  for (const li of section.matchAll(/<li>([\s\S]*?)<\/li>/g)) {
    const title = /<a [^>]*>([^<]+)<\/a>/.exec(li[1]!)?.[1] ?? '';
    lines.set(title, /Zarejestruj się|Register/.test(li[1]!));
  }
  return lines;
}

test('the home list changes when a registration closes and when a listed event ends, with no write between', async () => {
  let home = await homeEvents();
  assert.deepEqual([...home.keys()], ['Warsztaty pierwsze', 'Warsztaty drugie', 'Warsztaty trzecie']);
  assert.equal(home.get('Warsztaty pierwsze'), true, 'registration open');
  assert.equal((await homeEvents('/en')).get('Warsztaty pierwsze'), true, 'in English too');

  clock.set('2027-03-08T07:59:00Z'); // 08:59 in Warsaw: a minute before registration closes
  assert.equal((await homeEvents()).get('Warsztaty pierwsze'), true);
  clock.set('2027-03-08T08:00:00Z'); // 09:00: closed
  home = await homeEvents();
  assert.equal(home.get('Warsztaty pierwsze'), false, 'the register line is gone at the closing time');
  assert.equal((await homeEvents('/en')).get('Warsztaty pierwsze'), false);

  clock.set('2027-03-08T10:59:00Z'); // 11:59: the first still runs
  assert.ok((await homeEvents()).has('Warsztaty pierwsze'));
  clock.set('2027-03-08T11:00:00Z'); // 12:00: it has ended, the fourth comes in
  assert.deepEqual([...(await homeEvents()).keys()], ['Warsztaty drugie', 'Warsztaty trzecie', 'Warsztaty czwarte']);

  // a write shows at once, though no listed event has changed
  await makeEvent(t.ctx, { title: 'Spotkanie nagłe', startsAt: '2027-03-08T15:00', hours: 1, closesBeforeStartHours: null });
  assert.deepEqual([...(await homeEvents()).keys()], ['Spotkanie nagłe', 'Warsztaty drugie', 'Warsztaty trzecie']);
  assert.deepEqual([...(await homeEvents('/en')).keys()], ['Spotkanie nagłe', 'Warsztaty drugie', 'Warsztaty trzecie']);
});

test('homeListChangesAt: the first end or registration boundary after now, null for an empty list', () => {
  const row = (ends: string, opens: string | null, closes: string | null) =>
    ({ ends_at: ends, registration_opens_at: opens, registration_closes_at: closes }) as Parameters<typeof homeListChangesAt>[0][number];
  const now = new Date('2027-03-01T08:00:00.000Z');
  assert.equal(homeListChangesAt([], now), null);
  assert.equal(
    homeListChangesAt([row('2027-03-08T11:00:00.000Z', '2027-03-01T07:00:00.000Z', '2027-03-08T08:00:00.000Z')], now)?.toISOString(),
    '2027-03-08T08:00:00.000Z',
    'the closing comes first; the opening is past',
  );
  assert.equal(
    homeListChangesAt(
      [
        row('2027-03-09T11:00:00.000Z', null, null),
        row('2027-03-05T11:00:00.000Z', '2027-03-02T08:00:00.000Z', '2027-03-04T08:00:00.000Z'),
      ],
      now,
    )?.toISOString(),
    '2027-03-02T08:00:00.000Z',
    'an opening still to come counts',
  );
});
