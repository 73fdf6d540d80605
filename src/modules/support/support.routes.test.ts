// The public side of the support centres on both databases: "Gdzie szukać wsparcia?" by name without
// JavaScript, "your support centre" on gmina profiles and entity pages, the API, and the "Chcę
// założyć podmiot" form — routed through the outbox to the serving centre's address with a copy to
// the sender (a module test reaches the mail module only through its index, so the check is the
// outbox the SMTP worker delivers from), refused without a centre, silent for a bot, counted for staff without its text,
// and its personal data erased after the configured months.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, cookieHeader, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { entityPath } from '../registry/index.js';
import { eraseOldLeads } from './leads.service.js';
import * as svc from './support.service.js';

const actor = { actorId: null, ip: null, requestId: null };
let t: TestApp;
let clock: ManualClock;
let bydgoszczCentre: string;
let grudziadzCentre: string;

before(async () => {
  clock = new ManualClock('2026-11-27T10:00:00Z');
  t = await createTestApp({ clock });
  bydgoszczCentre = await svc.createCentre(
    t.ctx,
    { name: 'Ośrodek Bydgoski', sources: '', leads_email: 'zgloszenia@bydgoski.example.pl' },
    actor,
  );
  await svc.addArea(t.ctx, bydgoszczCentre, { subregion_code: 'bydgoszcz', area_from: '2024-01-01', area_to: '' }, actor);
  await svc.addOffice(
    t.ctx,
    bydgoszczCentre,
    {
      street: 'ul. Testowa 1',
      postal_code: '85-001',
      city: 'Bydgoszcz',
      gmina: 'Bydgoszcz',
      hours_known: '1',
      open_mon: '8:00',
      close_mon: '16:00',
    },
    actor,
  );
  await svc.addOffice(
    t.ctx,
    bydgoszczCentre,
    { street: 'ul. Rynek 2', postal_code: '89-100', city: 'Nakło nad Notecią', gmina: 'Nakło nad Notecią' },
    actor,
  );
  await svc.setServices(t.ctx, bydgoszczCentre, { services: ['incubation', 'training'] }, actor);
  // the seeded OWES TŁOK 3 serves the Grudziądz subregion; staff give it an address for requests
  grudziadzCentre = (await t.ctx.db.selectFrom('support_centres').select('id').where('name', '=', 'OWES TŁOK 3').executeTakeFirstOrThrow())
    .id;
  await t.ctx.db
    .updateTable('support_centres')
    .set({ leads_email: 'zgloszenia@tlok.example.pl' })
    .where('id', '=', grudziadzCentre)
    .execute();
});
after(async () => {
  await t.close();
});

describe('Gdzie szukać wsparcia?', () => {
  it('finds the centre of a gmina typed without Polish letters, with the nearest office and the services', async () => {
    const res = await t.app.inject({ url: '/wsparcie/gdzie?gmina=naklo+nad+notecia' });
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /<h2 id="answer-heading">Wsparcie dla gminy Nakło nad Notecią \(gmina miejsko-wiejska, powiat nakielski\)<\/h2>/,
    );
    assert.match(res.body, /<a href="\/wsparcie\/[0-9a-f-]+">Ośrodek Bydgoski<\/a>/);
    const office = res.body.slice(res.body.indexOf('Najbliższe biuro'));
    assert.ok(
      office.indexOf('ul. Rynek 2') >= 0 &&
        (office.indexOf('ul. Testowa 1') < 0 || office.indexOf('ul. Rynek 2') < office.indexOf('ul. Testowa 1')),
    );
    assert.match(res.body, /inkubacja nowych podmiotów/);
    assert.equal(res.body.match(/<h1[\s>]/g)?.length, 1);
  });

  it('the nearest office of a gmina without one is the one of the closest gmina', async () => {
    const res = await t.app.inject({ url: '/wsparcie/gdzie?gmina=Sadki' });
    const office = res.body.slice(res.body.indexOf('Najbliższe biuro'), res.body.indexOf('<h3>Usługi'));
    assert.match(office, /ul\. Rynek 2/, 'Sadki borders Nakło, far from Bydgoszcz');
    assert.doesNotMatch(office, /ul\. Testowa 1/);
  });

  it('asks which gmina when a name is shared, and says so when no gmina or no centre is known', async () => {
    const two = await t.app.inject({ url: '/wsparcie/gdzie?gmina=Chelmno' });
    assert.match(two.body, /Tę nazwę nosi kilka gmin/);
    assert.equal(two.body.match(/href="\/wsparcie\/gdzie\?gmina=Che%C5%82mno%20/g)?.length, 2);
    const none = await t.app.inject({ url: '/wsparcie/gdzie?gmina=Atlantyda' });
    assert.match(none.body, /Nie znaleźliśmy gminy „Atlantyda”/);
    // a near miss is offered, never answered for
    const near = await t.app.inject({ url: '/wsparcie/gdzie?gmina=Lubicc' });
    assert.match(near.body, /Nie ma gminy „Lubicc”\. Czy chodzi o jedną z tych gmin\?/);
    assert.match(near.body, /href="\/wsparcie\/gdzie\?gmina=Lubicz/);
    assert.doesNotMatch(near.body, /id="answer-heading"/);
    const torun = await t.app.inject({ url: '/en/wsparcie/gdzie?gmina=Torun' });
    assert.match(torun.body, /The platform knows no centre serving the gmina of Toruń today/);
  });

  it('shows "your support centre" on gmina and powiat profiles and on entity pages', async () => {
    const gmina = await t.app.inject({ url: '/terytorium/0410042' });
    assert.match(gmina.body, /Twój ośrodek wsparcia/);
    assert.match(gmina.body, /Gminę obsługuje dziś ośrodek: <a href="\/wsparcie\/[0-9a-f-]+">Ośrodek Bydgoski<\/a>/);
    const powiat = await t.app.inject({ url: '/en/terytorium/0406' });
    assert.match(powiat.body, /Your support centre/);
    assert.match(powiat.body, /OWES TŁOK 3/);
    // the entity is added as staff add one, through the registry's form
    const { cookie } = await loginAs(t, [{ role: 'coordinator' }]);
    const formPage = await t.app.inject({ url: '/admin/podmioty/nowy', headers: { cookie } });
    const created = await t.app.inject({
      method: 'POST',
      url: '/admin/podmioty/nowy',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({
        _csrf: csrfFrom(formPage.body),
        name: 'Spółdzielnia Socjalna Nakielska',
        legal_form: 'spoldzielnia_socjalna',
        lifecycle: 'active',
        gmina_teryt: '0410033',
        town: 'Nakło',
      }),
    });
    assert.equal(created.statusCode, 303, created.body);
    const { id } = await t.ctx.db
      .selectFrom('entities')
      .select('id')
      .where('name', '=', 'Spółdzielnia Socjalna Nakielska')
      .executeTakeFirstOrThrow();
    const page = await t.app.inject({ url: entityPath({ id, name: 'Spółdzielnia Socjalna Nakielska' }) });
    assert.match(page.body, /<h2 id="support-centre-heading">Twój ośrodek wsparcia<\/h2>/);
    assert.match(page.body, /Podmioty z gminy Nakło nad Notecią wspiera dziś ośrodek: <a href="\/wsparcie\/[0-9a-f-]+">Ośrodek Bydgoski/);
  });

  it('answers in the API for a gmina and a day, with the seeded centres and their sources', async () => {
    const res = await t.app.inject({ url: '/api/v1/wsparcie/gmina/0410033?data=2025-05-01' });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { centre: { name: string } | null; subregion: { code: string }; nearest_office: { street: string } };
    assert.equal(body.centre?.name, 'Ośrodek Bydgoski');
    assert.equal(body.subregion.code, 'bydgoszcz');
    assert.equal(body.nearest_office.street, 'ul. Rynek 2');
    const before2024 = (await t.app.inject({ url: '/api/v1/wsparcie/gmina/0410033?data=2023-05-01' })).json() as {
      centre: null;
      subregion: null;
    };
    assert.equal(before2024.centre, null);
    const unknown = await t.app.inject({ url: '/api/v1/wsparcie/gmina/0499991' });
    assert.equal(unknown.statusCode, 404);
    const all = (await t.app.inject({ url: '/api/v1/wsparcie/osrodki' })).json() as {
      items: { name: string; sources: string[]; accreditation_state: string; offices: unknown[] }[];
    };
    const kpces = all.items.find((i) => i.name === 'KPCES')!;
    assert.ok(kpces.sources.some((s) => s.startsWith('K32: kpces.pl/')));
    assert.equal(kpces.accreditation_state, 'unknown', 'no source gives its accreditation');
    assert.deepEqual(kpces.offices, []);
    const openapi = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    assert.ok(openapi.paths['/api/v1/wsparcie/osrodki'] && openapi.paths['/api/v1/wsparcie/gmina/{teryt}']);
  });
});

describe('Chcę założyć podmiot ekonomii społecznej', () => {
  let ip = 0;
  const send = async (values: Record<string, string>, lang = '') => {
    const page = await t.app.inject({ url: `${lang}/wsparcie/zaloz-podmiot` });
    // the form allows 5 requests per 10 minutes from one address: each request here comes from another
    return t.app.inject({
      method: 'POST',
      url: `${lang}/wsparcie/zaloz-podmiot`,
      remoteAddress: `192.0.2.${++ip}`,
      headers: { cookie: cookieHeader(page), 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrfFrom(page.body), ...values }),
    });
  };
  const request = (gmina: string, email: string) => ({
    message: 'Chcemy założyć spółdzielnię socjalną z usługami opiekuńczymi.',
    gmina,
    name: 'Anna Przykładowa',
    email,
    consent: '1',
  });
  const leads = () => t.ctx.db.selectFrom('support_leads').selectAll().execute();

  it('routes each request to the centre serving the chosen gmina, with a copy to the sender', async () => {
    const one = await send(request('Sadki', 'anna@example.pl'));
    assert.equal(one.statusCode, 303);
    assert.equal(one.headers.location, `/wsparcie/zaloz-podmiot?wyslano=${bydgoszczCentre}`);
    const done = await t.app.inject({ url: one.headers.location! });
    assert.match(done.body, /przekazana ośrodkowi Ośrodek Bydgoski/);
    const two = await send(request('Gruta', 'jan@example.pl'), '/en');
    assert.equal(two.statusCode, 303);
    const mail = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body', 'status'])
      .where('template', 'like', 'support_lead%')
      .execute();
    const byTo = new Map(mail.map((m) => [m.to_address, { subject: m.subject, text: m.text_body }]));
    assert.deepEqual([...byTo.keys()].sort(), [
      'anna@example.pl',
      'jan@example.pl',
      'zgloszenia@bydgoski.example.pl',
      'zgloszenia@tlok.example.pl',
    ]);
    assert.ok(
      mail.every((m) => m.status === 'pending'),
      'queued for the SMTP worker',
    );
    assert.match(byTo.get('zgloszenia@bydgoski.example.pl')!.text, /gminę Sadki[\s\S]*Od: Anna Przykładowa[\s\S]*spółdzielnię socjalną/);
    assert.match(byTo.get('zgloszenia@tlok.example.pl')!.subject, /gmina Gruta/);
    assert.match(byTo.get('jan@example.pl')!.subject, /a copy of your message to “OWES TŁOK 3”/, 'the copy in the language of the page');
    assert.equal((await leads()).length, 2);
  });

  it('refuses without a centre for the gmina, without consent, or for an unknown gmina — and queues nothing', async () => {
    const before = (await t.ctx.db.selectFrom('mail_outbox').select('id').execute()).length;
    const torun = await send(request('Toruń', 'x@example.pl'));
    assert.equal(torun.statusCode, 409);
    assert.match(torun.body, /nie zna ośrodka wsparcia, który dziś obsługuje wybraną gminę/);
    const noConsent = await send({ ...request('Sadki', 'x@example.pl'), consent: '' });
    assert.equal(noConsent.statusCode, 400);
    assert.match(noConsent.body, /Zaznacz zgodę/);
    const unknown = await send(request('Atlantyda', 'x@example.pl'));
    assert.match(unknown.body, /W województwie kujawsko-pomorskim nie ma gminy „Atlantyda”/);
    const noAddress = await svc.createCentre(t.ctx, { name: 'Ośrodek bez adresu', sources: '' }, actor);
    // test set-up: the seeded KPCES stops serving its subregion, a centre without an address takes it over
    await t.ctx.db.deleteFrom('support_centre_areas').where('subregion_code', '=', 'wloclawek-inowroclaw').execute();
    await svc.addArea(t.ctx, noAddress, { subregion_code: 'wloclawek-inowroclaw', area_from: '2026-11-01', area_to: '2026-11-30' }, actor);
    const noLeadsEmail = await send(request('Mogilno', 'x@example.pl'));
    assert.equal(noLeadsEmail.statusCode, 409);
    assert.match(noLeadsEmail.body, /nie ma jeszcze adresu na zgłoszenia/);
    assert.equal((await t.ctx.db.selectFrom('mail_outbox').select('id').execute()).length, before);
    assert.equal((await leads()).length, 2);
  });

  it('allows 5 requests per 10 minutes from one address', async () => {
    const page = await t.app.inject({ url: '/wsparcie/zaloz-podmiot' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/wsparcie/zaloz-podmiot',
        remoteAddress: '198.51.100.7',
        headers: { cookie: cookieHeader(page), 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: csrfFrom(page.body), ...request('Sadki', 'x@example.pl'), consent: '' }),
      });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429]);
  });

  it('tells a bot filling the honeypot "sent" and stores nothing', async () => {
    const bot = await send({ ...request('Sadki', 'bot@example.pl'), website: 'http://spam.example' });
    assert.equal(bot.statusCode, 303);
    assert.equal((await leads()).length, 2);
  });

  it('staff see counts per subregion and month, never the texts; others are refused', async () => {
    const { cookie } = await loginAs(t, [{ role: 'coordinator' }]);
    const page = await t.app.inject({ url: '/admin/wsparcie', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Subregion bydgoski<\/th>\s*<td>2026-11<\/td>\s*<td class="num">1<\/td>/);
    assert.doesNotMatch(page.body, /spółdzielnię socjalną|Anna Przykładowa|anna@example\.pl/);
    const { cookie: editor } = await loginAs(t, [{ role: 'editor' }]);
    assert.equal((await t.app.inject({ url: '/admin/wsparcie', headers: { cookie: editor } })).statusCode, 403);
  });

  it('staff set the retention period (1–60 months), audited; a wrong value changes nothing', async () => {
    const { cookie, userId } = await loginAs(t, [{ role: 'administrator' }]);
    const page = await t.app.inject({ url: '/admin/wsparcie', headers: { cookie } });
    const post = (months: string) =>
      t.app.inject({
        method: 'POST',
        url: '/admin/wsparcie/ustawienia',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: csrfFrom(page.body), retention_months: months }),
      });
    const bad = await post('0');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /liczbę miesięcy od 1 do 60/);
    assert.equal((await post('6')).statusCode, 303);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'changes']).where('actor_id', '=', userId).execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['support.settings.update'],
    );
    assert.match((await t.app.inject({ url: '/wsparcie/zaloz-podmiot' })).body, /usuniemy z serwisu po 6 miesiącach/);
  });

  it('erases the sender’s data after the configured months and keeps the count', async () => {
    clock.set('2027-05-26T10:00:00Z');
    await eraseOldLeads(t.ctx);
    assert.ok(
      (await leads()).every((l) => l.email !== null),
      'six months have not passed',
    );
    clock.set('2027-05-28T10:00:00Z');
    assert.match(await eraseOldLeads(t.ctx), /of 2 erased/);
    const rows = await leads();
    assert.ok(rows.every((l) => l.email === null && l.name === null && l.message === null && l.erased_at !== null));
    assert.deepEqual(rows.map((l) => l.gmina_teryt).sort(), ['0406022', '0410042']);
    const mail = await t.ctx.db.selectFrom('mail_outbox').select('id').where('template', 'like', 'support_lead%').execute();
    assert.equal(mail.length, 0, 'the unsent messages about the requests are withdrawn with them');
    clock.set('2026-11-27T10:00:00Z');
  });
});

describe('staff pages', () => {
  it('a coordinator adds an office by gmina name; a bad form comes back with its problems and changes nothing', async () => {
    const { cookie } = await loginAs(t, [{ role: 'coordinator' }]);
    const page = await t.app.inject({ url: `/admin/wsparcie/${grudziadzCentre}`, headers: { cookie } });
    assert.equal(page.statusCode, 200);
    const post = (path: string, values: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: path,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: csrfFrom(page.body), ...values }),
      });
    const bad = await post(`/admin/wsparcie/${grudziadzCentre}/biura`, {
      street: 'ul. Długa 5',
      postal_code: '86300',
      city: 'Grudziądz',
      gmina: 'Grudziądz',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(
      bad.body,
      /Nazwę „Grudziądz” nosi kilka gmin: Grudziądz \(gmina wiejska, powiat grudziądzki\); Grudziądz \(gmina miejska, miasto na prawach powiatu Grudziądz\)/,
    );
    assert.match(bad.body, /formacie 00-000/);
    const ok = await post(`/admin/wsparcie/${grudziadzCentre}/biura`, {
      street: 'ul. Długa 5',
      postal_code: '86-300',
      city: 'Grudziądz',
      gmina: 'Grudziądz (gmina miejska, powiat Grudziądz)',
    });
    assert.equal(ok.statusCode, 303);
    const offices = await t.ctx.db.selectFrom('support_centre_offices').selectAll().where('centre_id', '=', grudziadzCentre).execute();
    assert.deepEqual(
      offices.map((o) => [o.gmina_teryt, o.hours]),
      [['0462011', null]],
      'hours not given stay unknown',
    );
    const publicPage = await t.app.inject({ url: `/wsparcie/${grudziadzCentre}` });
    assert.match(publicPage.body, /Godziny otwarcia: brak danych\./);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', grudziadzCentre).execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['support.office.create'],
    );
  });
});
