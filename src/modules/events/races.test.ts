// Races on SQLite and PostgreSQL that used to meet a unique index and answer 500: two registrations
// with one address for one event sent at the same moment (one is registered, the other gets the
// translated "already registered" refusal), and two places freed at the same moment in two sessions
// where the same person waits first in both (one offer for them, the other place goes to the next in
// line; never two open offers for one person and never an error), through the services and as
// concurrent HTTP requests. Repeated, so an interleaving that would fail shows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AppError } from '../../core/errors/app-error.js';
import { cookieHeader, createTestApp, csrfFrom, form, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { makeEvent, registerPerson } from './events.testing.js';
import * as reg from './registration.service.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;

before(async () => {
  t = await createTestApp({ clock });
});
after(async () => t.close());

test('two concurrent registrations with one address: one registered, the other refused as already registered (no 500)', async () => {
  for (let round = 0; round < 10; round++) {
    const ev = await makeEvent(t.ctx, { capacities: [5] });
    const form = (name: string) => ({
      name,
      email: `same${round}@example.pl`,
      participant_type: 'ngo',
      gmina_teryt: '0463011',
      sessions: ev.sessionIds,
      consent: '1',
    });
    const results = await Promise.allSettled([
      reg.register(t.ctx, ev.id, form('Anna'), 'pl'),
      reg.register(t.ctx, ev.id, form('Anna K.'), 'pl'),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(ok.length, 1, `round ${round}: ${String(refused[0]?.reason)}`);
    assert.equal(refused.length, 1);
    assert.ok(refused[0]!.reason instanceof AppError, String(refused[0]!.reason));
    assert.equal((refused[0]!.reason as AppError).code, 'events.already_registered');
    const rows = await t.ctx.db.selectFrom('event_registrations').select('id').where('event_id', '=', ev.id).execute();
    assert.equal(rows.length, 1, 'the refused registration left nothing behind');
    const mails = await t.ctx.db.selectFrom('mail_outbox').select('id').where('to_address', '=', `same${round}@example.pl`).execute();
    assert.equal(mails.length, 1, 'one confirmation e-mail');
  }
});

test('the same address over HTTP at the same moment: 201/303 for one, a translated 409 for the other, never 500', async () => {
  const ev = await makeEvent(t.ctx, { capacities: [5] });
  const page = await t.app.inject({ url: `/wydarzenia/${ev.id}/rejestracja` });
  assert.equal(page.statusCode, 200, page.body.slice(0, 300));
  const cookie = cookieHeader(page);
  const body = form({
    _csrf: csrfFrom(page.body),
    name: 'Jan',
    email: 'http-same@example.pl',
    participant_type: 'pes',
    sessions: ev.sessionIds[0]!,
    consent: '1',
    gmina_teryt: '0463011',
  });
  const send = () =>
    t.app.inject({
      method: 'POST',
      url: `/wydarzenia/${ev.id}/rejestracja`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body,
    });
  const [a, b] = await Promise.all([send(), send()]);
  const codes = [a.statusCode, b.statusCode].sort();
  assert.ok(!codes.includes(500), codes.join(','));
  const refused = [a, b].find((r) => r.statusCode === 409);
  assert.ok(refused, `one is refused: ${codes.join(',')}`);
  assert.match(refused.body, /jest już rejestracja z tym adresem e-mail/);
});

test('two places freed at once in two sessions where one person waits first in both: one offer for them, no error', async () => {
  for (let round = 0; round < 10; round++) {
    clock.advance(60_000);
    const ev = await makeEvent(t.ctx, { capacities: [1, 1], startsAt: '2027-09-10T10:00' });
    const [a, b] = ev.sessionIds as [string, string];
    const holderA = (await registerPerson(t.ctx, ev.id, `ha${round}@example.pl`, [a]))!;
    const holderB = (await registerPerson(t.ctx, ev.id, `hb${round}@example.pl`, [b]))!;
    clock.advance(1000);
    await registerPerson(t.ctx, ev.id, `both${round}@example.pl`, [a, b]);
    clock.advance(1000);
    await registerPerson(t.ctx, ev.id, `nexta${round}@example.pl`, [a]);
    await registerPerson(t.ctx, ev.id, `nextb${round}@example.pl`, [b]);
    const results = await Promise.allSettled([reg.cancel(t.ctx, holderA), reg.cancel(t.ctx, holderB)]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(failed, undefined, String(failed?.reason));
    const offered = await t.ctx.db
      .selectFrom('event_places')
      .innerJoin('event_registrations', 'event_registrations.id', 'event_places.registration_id')
      .select(['event_registrations.email', 'event_places.session_id'])
      .where('event_registrations.event_id', '=', ev.id)
      .where('event_places.status', '=', 'offered')
      .execute();
    const toBoth = offered.filter((o) => o.email === `both${round}@example.pl`);
    assert.equal(toBoth.length, 1, `round ${round}: one open offer for the person waiting in both`);
    // the other session's place went to the next in its line
    const other = toBoth[0]!.session_id === a ? b : a;
    assert.deepEqual(
      offered.filter((o) => o.session_id === other).map((o) => o.email),
      [other === a ? `nexta${round}@example.pl` : `nextb${round}@example.pl`],
      `round ${round}`,
    );
    const taken = await t.ctx.db.selectFrom('event_sessions').select('taken').where('event_id', '=', ev.id).execute();
    assert.deepEqual(
      taken.map((s) => s.taken),
      [1, 1],
    );
  }
});

test('the same two cancellations over HTTP at the same moment: both succeed, one offer for the person waiting in both', async () => {
  for (let round = 0; round < 3; round++) {
    clock.advance(60_000);
    const ev = await makeEvent(t.ctx, { capacities: [1, 1], startsAt: '2027-09-12T10:00' });
    const [a, b] = ev.sessionIds as [string, string];
    const tokens = [
      (await registerPerson(t.ctx, ev.id, `hha${round}@example.pl`, [a]))!,
      (await registerPerson(t.ctx, ev.id, `hhb${round}@example.pl`, [b]))!,
    ];
    clock.advance(1000);
    await registerPerson(t.ctx, ev.id, `hboth${round}@example.pl`, [a, b]);
    // each holder's own page gives their cookie and CSRF token; then both cancel at once
    const forms = await Promise.all(
      tokens.map(async (token) => {
        const page = await t.app.inject({ url: `/wydarzenia/rejestracja/${token}` });
        assert.equal(page.statusCode, 200);
        return { token, cookie: cookieHeader(page), csrf: csrfFrom(page.body) };
      }),
    );
    const answers = await Promise.all(
      forms.map((f) =>
        t.app.inject({
          method: 'POST',
          url: `/wydarzenia/rejestracja/${f.token}/anuluj`,
          headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: form({ _csrf: f.csrf }),
        }),
      ),
    );
    assert.deepEqual(
      answers.map((r) => r.statusCode < 400),
      [true, true],
      answers.map((r) => r.statusCode).join(','),
    );
    const offers = await t.ctx.db
      .selectFrom('event_places')
      .innerJoin('event_registrations', 'event_registrations.id', 'event_places.registration_id')
      .select('event_registrations.email')
      .where('event_registrations.event_id', '=', ev.id)
      .where('event_places.status', '=', 'offered')
      .execute();
    assert.deepEqual(
      offers.map((o) => o.email),
      [`hboth${round}@example.pl`],
      `round ${round}`,
    );
  }
});
