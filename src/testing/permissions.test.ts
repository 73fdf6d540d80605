// The authorisation matrix: for each role and a representative set of routes, the answer a real
// user gets (200 allowed, 302 to the login page, 403 refused). Every module adds its rows here
// when it adds protected routes, so a policy mistake shows up as one failing cell.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { policy, hasScopedRole } from '../core/auth/access.js';
import { makeApplication, makeBody, makeLicence } from '../modules/licences/licences.testing.js';
import { answerRow, makeNeed, makeOffer } from '../modules/offers/offers.testing.js';
import { createTestApp, csrfFrom, form, loginAs, type TestApp, type TestRole } from './app.js';

type Who =
  'anonymous' | 'administrator' | 'coordinator' | 'editor' | 'moderator' | 'team_member' | 'entity_representative' | 'reporting_partner';
const WHO: Who[] = [
  'anonymous',
  'administrator',
  'coordinator',
  'editor',
  'moderator',
  'team_member',
  'entity_representative',
  'reporting_partner',
];

const SCOPES: Record<string, TestRole> = {
  team_member: { role: 'team_member', scopeType: 'team', scopeId: 'team-a' },
  entity_representative: { role: 'entity_representative', scopeType: 'entity', scopeId: 'entity-x' },
  reporting_partner: { role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: '0463011' },
};

/** Expected status per route: one letter per role in WHO order (A = 200, L = 302 to login, F = 403, N = 404). */
const MATRIX: [string, string][] = [
  ['/', 'AAAAAAAA'],
  ['/konto', 'LAAAAAAA'],
  ['/konto/sesje', 'LAAAAAAA'],
  ['/admin', 'LAAAAAAA'],
  ['/admin/uzytkownicy', 'LAFFFFFF'],
  ['/admin/uzytkownicy/zapros', 'LAFFFFFF'],
  ['/admin/dziennik', 'LAFFFFFF'],
  ['/admin/poczta', 'LAFFFFFF'],
  ['/admin/strony', 'LAFAFFFF'],
  ['/admin/aktualnosci', 'LAFAFFFF'],
  ['/admin/dokumenty', 'LAFAFFFF'],
  ['/admin/kontakt', 'LAFAFFFF'],
  // the institution's logo is public (none set here: 404 for everyone); changing it: the POST matrix below
  ['/instytucja/logo', 'NNNNNNNN'],
  ['/admin/terytorium', 'LAAFFFFF'],
  // scoped spaces: a member of team A opens team A's space only; a representative of entity X
  // edits entity X only (test-only routes using the same policy helpers the modules use)
  ['/test/zespol/team-a', 'LFFFFAFF'],
  ['/test/zespol/team-b', 'LFFFFFFF'],
  ['/test/podmiot/entity-x/edycja', 'LFFFFFAF'],
  ['/test/podmiot/entity-y/edycja', 'LFFFFFFF'],
  // consultations: public list and API for everyone; coordinators (and administrators) run them,
  // moderators see the comments to hide abusive ones (routes with ids: consultations.permissions.test.ts)
  ['/konsultacje', 'AAAAAAAA'],
  ['/api/v1/konsultacje', 'AAAAAAAA'],
  ['/admin/konsultacje', 'LAAFAFFF'],
  ['/admin/konsultacje/nowa', 'LAAFFFFF'],
  ['/admin/konsultacje/ustawienia', 'LAAFFFFF'],
  // evaluation: studies, the recommendations table and the API for everyone; the follow-up list for
  // coordinators, administrators and owners of actions (editors, team members), studies and decisions
  // for coordinators and administrators (routes with ids: evaluation.permissions.test.ts)
  ['/ewaluacja', 'AAAAAAAA'],
  ['/ewaluacja/rekomendacje', 'AAAAAAAA'],
  ['/ewaluacja/rekomendacje.csv', 'AAAAAAAA'],
  // a programme's yearly follow-up summary is public (no such programme here: 404 for everyone)
  ['/ewaluacja/podsumowanie/brak-programu/2027', 'NNNNNNNN'],
  ['/api/v1/ewaluacja/badania', 'AAAAAAAA'],
  ['/api/v1/ewaluacja/rekomendacje', 'AAAAAAAA'],
  // a statutory body's member (team_member) does no evaluation work
  ['/admin/ewaluacja', 'LAAAFFFF'],
  ['/admin/ewaluacja/nowe', 'LAAFFFFF'],
  // monitoring: the partner's rounds for reporting partners; API tokens for partners and programme staff
  // (scoped rows — indicator A vs B, territory X vs Y — in programme/monitoring.permissions.test.ts)
  ['/sprawozdawczosc', 'LFFFFFFA'],
  ['/konto/tokeny', 'LAAFFFFA'],
  // events: the list, calendar, archive, feed and API for everyone; coordinators and administrators run events
  ['/wydarzenia', 'AAAAAAAA'],
  ['/wydarzenia/kalendarz', 'AAAAAAAA'],
  ['/wydarzenia/archiwum', 'AAAAAAAA'],
  ['/wydarzenia.ics', 'AAAAAAAA'],
  ['/api/v1/wydarzenia', 'AAAAAAAA'],
  ['/admin/wydarzenia', 'LAAFFFFF'],
  ['/admin/wydarzenia/nowe', 'LAAFFFFF'],
  // registry: the public catalogue for everyone, the staff register for coordinators and administrators
  ['/podmioty', 'AAAAAAAA'],
  ['/podmioty/mapa', 'AAAAAAAA'],
  ['/admin/podmioty', 'LAAFFFFF'],
  ['/admin/podmioty/nowy', 'LAAFFFFF'],
  // registry import and duplicates: staff only (a representative of an entity cannot import or merge)
  ['/admin/podmioty/import', 'LAAFFFFF'],
  ['/admin/podmioty/duplikaty', 'LAAFFFFF'],
  // registry self-service: the request form is public; staff queues for coordinators and
  // administrators; "Moje podmioty" of entity X only for X's representative (real routes)
  ['/podmioty/entity-x/to-moj-podmiot', 'AAAAAAAA'],
  ['/admin/podmioty/zgloszenia', 'LAAFFFFF'],
  ['/admin/podmioty/propozycje', 'LAAFFFFF'],
  ['/moje-podmioty', 'LAAAAAAA'],
  ['/moje-podmioty/entity-x', 'LFFFFFAF'],
  ['/moje-podmioty/entity-y', 'LFFFFFFF'],
  ['/moje-podmioty/entity-x/propozycja/identyfikatory', 'LFFFFFAF'],
  ['/moje-podmioty/entity-y/propozycja/zatrudnienie', 'LFFFFFFF'],
  // registry record sections: staff only, even the representative of that very entity is refused
  ['/admin/podmioty/entity-x', 'LAAFFFFF'],
  ['/admin/podmioty/entity-x/dzialalnosc', 'LAAFFFFF'],
  ['/admin/podmioty/entity-x/miejsca', 'LAAFFFFF'],
  ['/admin/podmioty/entity-x/status-ps', 'LAAFFFFF'],
  ['/admin/podmioty/entity-x/zatrudnienie', 'LAAFFFFF'],
  ['/admin/podmioty/entity-x/znaki', 'LAAFFFFF'],
  // programme indicators: public list and page for everyone; definitions and values for coordinators and administrators
  ['/program/prog-x/wskazniki', 'AAAAAAAA'],
  ['/program/prog-x/wskazniki/W1', 'AAAAAAAA'],
  ['/admin/program/prog-x/wskazniki', 'LAAFFFFF'],
  ['/admin/program/prog-x/wskazniki/nowy', 'LAAFFFFF'],
  ['/admin/program/prog-x/wskazniki/ind-x', 'LAAFFFFF'],
  ['/admin/program/prog-x/wskazniki/ind-x/wartosci', 'LAAFFFFF'],
  // programme: public pages and API for everyone; the programme's data, life cycle and objective
  // tree for coordinators and administrators; text versions also for editors (programme.policy.ts)
  ['/program', 'AAAAAAAA'],
  ['/program/archiwum', 'AAAAAAAA'],
  ['/program/prog-x', 'AAAAAAAA'],
  ['/program/prog-x/wersje', 'AAAAAAAA'],
  ['/program/prog-x/wersje/1', 'AAAAAAAA'],
  ['/api/v1/program', 'AAAAAAAA'],
  ['/api/v1/program/prog-x', 'AAAAAAAA'],
  ['/admin/program', 'LAAAFFFF'],
  ['/admin/program/nowy', 'LAAFFFFF'],
  ['/admin/program/prog-x', 'LAAFFFFF'],
  ['/admin/program/prog-x/struktura', 'LAAFFFFF'],
  ['/admin/program/prog-x/struktura/nowy', 'LAAFFFFF'],
  ['/admin/program/prog-x/struktura/el-x', 'LAAFFFFF'],
  ['/admin/program/prog-x/wersje', 'LAAAFFFF'],
  ['/admin/program/prog-x/wersje/1', 'LAAAFFFF'],
  // offers: the catalogue, an offer and the API for everyone; an entity's offers, the offer form and
  // photos for that entity's representatives and staff only (X's representative is refused on Y's
  // offers); the enquiry counts for staff
  ['/oferta', 'AAAAAAAA'],
  ['/oferta/offer-x', 'AAAAAAAA'],
  ['/oferta/offer-x/zapytanie', 'AAAAAAAA'],
  ['/api/v1/oferta', 'AAAAAAAA'],
  ['/oferta/moje', 'LAAAAAAA'],
  ['/oferta/podmiot/entity-x', 'LAAFFFAF'],
  ['/oferta/podmiot/entity-y', 'LAAFFFFF'],
  ['/oferta/podmiot/entity-x/nowa', 'LAAFFFAF'],
  ['/oferta/podmiot/entity-y/nowa', 'LAAFFFFF'],
  ['/oferta/offer-x/edycja', 'LAAFFFAF'],
  ['/oferta/offer-y/edycja', 'LAAFFFFF'],
  ['/oferta/offer-x/zdjecia', 'LAAFFFAF'],
  ['/oferta/offer-y/zdjecia', 'LAAFFFFF'],
  ['/admin/oferta', 'LAAFFFFF'],
  // support centres: public pages, the set-up request form and the API for everyone; the centres'
  // data and the request counts for coordinators and administrators (support.policy.ts)
  ['/wsparcie', 'AAAAAAAA'],
  ['/wsparcie/gdzie?gmina=Bydgoszcz', 'AAAAAAAA'],
  ['/wsparcie/zaloz-podmiot', 'AAAAAAAA'],
  ['/api/v1/wsparcie/osrodki', 'AAAAAAAA'],
  ['/admin/wsparcie', 'LAAFFFFF'],
  ['/admin/wsparcie/nowy', 'LAAFFFFF'],
  // the centres' results for everyone; a centre's own request counts only for the support_centre role
  // (none of the roles here: support/results/results.test.ts checks a centre's person and another centre's)
  ['/wsparcie/wyniki.csv', 'AAAAAAAA'],
  ['/api/v1/wsparcie/wyniki', 'AAAAAAAA'],
  ['/wsparcie/moje-zgloszenia', 'LFFFFFFF'],
  // local governments: the public table, CSV and API for everyone; records entered by coordinators and administrators
  ['/samorzady', 'AAAAAAAA'],
  ['/samorzady.csv', 'AAAAAAAA'],
  ['/api/v1/samorzady', 'AAAAAAAA'],
  ['/admin/samorzady', 'LAAFFFFF'],
  ['/admin/samorzady/nowy', 'LAAFFFFF'],
  ['/samorzady/mapa', 'AAAAAAAA'],
  ['/samorzady/ranking', 'AAAAAAAA'],
  ['/admin/samorzady/ankieta', 'LAAFFFFF'],
  // the survey's text answers: the reporting partner here also answers for the gmina Chełmno
  // (localgov:0404011, partner A) and is refused the powiat's (B's) page; staff review, not answer
  ['/samorzady/ankieta/0404011/2025', 'LFFFFFFA'],
  ['/samorzady/ankieta/0404/2025', 'LFFFFFFF'],
  ['/admin/samorzady/ankieta/odpowiedzi/01890000-0000-7000-8000-000000000000', 'LNNFFFFF'],
  ['/samorzady/nagrody', 'AAAAAAAA'],
  ['/admin/samorzady/nagrody', 'LAAFFFFF'],
  ['/admin/samorzady/nagrody/nowa', 'LAAFFFFF'],
  ['/samorzady/dobre-praktyki', 'AAAAAAAA'],
  ['/admin/samorzady/dobre-praktyki', 'LAAFFFFF'],
  ['/admin/samorzady/dobre-praktyki/nowa', 'LAAFFFFF'],
  // bodies: public list, pages and API for everyone; staff pages for coordinators and administrators;
  // a body's member space only for the member role scoped to that body (team-a = body-a), and to an
  // anonymous visitor it does not exist (404)
  ['/zespoly', 'AAAAAAAA'],
  ['/zespoly/body-a', 'AAAAAAAA'],
  ['/api/v1/zespoly', 'AAAAAAAA'],
  ['/api/v1/zespoly/body-a', 'AAAAAAAA'],
  ['/admin/zespoly', 'LAAFFFFF'],
  ['/admin/zespoly/nowy', 'LAAFFFFF'],
  ['/admin/zespoly/team-a', 'LAAFFFFF'],
  ['/zespoly/body-a/dla-czlonkow', 'NFFFFAFF'],
  ['/zespoly/body-b/dla-czlonkow', 'NFFFFFFF'],
  ['/zespoly/body-a/posiedzenia.ics', 'AAAAAAAA'],
  ['/admin/zespoly/team-a/posiedzenia', 'LAAFFFFF'],
  // a member reaches only their own invitations (none here: 404 to the member of body A too)
  ['/zespoly/body-a/dla-czlonkow/zaproszenia/inv-x', 'NFFFFNFF'],
  // meeting pages of staff (no such meeting: staff pass the policy and get 404); minutes are public once approved
  ['/admin/zespoly/team-a/posiedzenia/m-x', 'LNNFFFFF'],
  ['/admin/zespoly/team-a/posiedzenia/m-x/protokol', 'LNNFFFFF'],
  // an agenda item's documents, linked object and visibility: staff of bodies only (no such item: 404 after the policy)
  ['/admin/zespoly/team-a/posiedzenia/m-x/punkty/i-x', 'LNNFFFFF'],
  ['/zespoly/body-a/posiedzenia/m-x/protokol', 'NNNNNNNN'],
  ['/zespoly/body-a/dla-czlonkow/protokoly/m-x', 'NFFFFNFF'],
  // written procedures: staff pages for coordinators and administrators; a member's ballot in the
  // space (none here: 404 to the member of body A too); a made-up one-click link is no ballot
  ['/admin/zespoly/team-a/obiegowe', 'LAAFFFFF'],
  ['/admin/zespoly/team-a/obiegowe/p-x', 'LNNFFFFF'],
  ['/zespoly/body-a/dla-czlonkow/obiegowe/p-x', 'NFFFFNFF'],
  ['/zespoly/glosowanie/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'NNNNNNNN'],
  // the register of resolutions and a term's ZIP of minutes: public where the minutes are (body A);
  // body B keeps its minutes internal: staff and its members only, anonymous visitors 404 (no term
  // here: those who pass get 404 for the ZIP)
  ['/zespoly/body-a/uchwaly', 'AAAAAAAA'],
  ['/zespoly/body-b/uchwaly', 'NAAFFFFF'],
  ['/zespoly/body-a/kadencje/1/protokoly.zip', 'NNNNNNNN'],
  ['/zespoly/body-b/kadencje/1/protokoly.zip', 'NNNFFFFF'],
  // licences: the public page, a licence, its certificate, its verification and the API for
  // everyone; recording, renewing, suspending and withdrawing for coordinators and administrators
  ['/zakup-prospoleczny', 'AAAAAAAA'],
  ['/zakup-prospoleczny/ZP-2026-PERM01', 'AAAAAAAA'],
  ['/weryfikacja/zakup-prospoleczny/ZP-2026-PERM01', 'AAAAAAAA'],
  ['/api/v1/zakup-prospoleczny', 'AAAAAAAA'],
  ['/admin/zakup-prospoleczny', 'LAAFFFFF'],
  ['/admin/zakup-prospoleczny/lic-x', 'LAAFFFFF'],
  // licence applications: a representative of X files and reads X's only (app-y and entity-y refused);
  // staff make the formal check and keep the rules editions; the Kapituła's pages are for its current
  // members, of whom no role here is one; the agreement for staff and the holder's representatives
  ['/zakup-prospoleczny/wnioski', 'LFFFFFAF'],
  ['/zakup-prospoleczny/wnioski/app-x', 'LFFFFFAF'],
  ['/zakup-prospoleczny/wnioski/app-y', 'LFFFFFFF'],
  ['/zakup-prospoleczny/wnioski/nowy/entity-x', 'LFFFFFAF'],
  ['/zakup-prospoleczny/wnioski/nowy/entity-y', 'LFFFFFFF'],
  ['/admin/zakup-prospoleczny/wnioski', 'LAAFFFFF'],
  ['/admin/zakup-prospoleczny/wnioski/app-x', 'LAAFFFFF'],
  ['/admin/zakup-prospoleczny/zasady', 'LAAFFFFF'],
  ['/zakup-prospoleczny/kapitula', 'LFFFFFFF'],
  ['/zakup-prospoleczny/kapitula/app-x', 'LFFFFFFF'],
  ['/zakup-prospoleczny/ZP-2026-PERM01/umowa.pdf', 'LAAFFFAF'],
  ['/zakup-prospoleczny/ZP-2026-PERM01/umowa.docx', 'LAAFFFAF'],
  // buyers' needs: list and API for everyone; any logged-in user posts one; a need's buyer (here
  // the representative, who created need-x) and staff edit it, another user is refused (need-y);
  // moderation for staff
  ['/oferta/potrzeby', 'AAAAAAAA'],
  ['/api/v1/oferta/potrzeby', 'AAAAAAAA'],
  ['/oferta/potrzeby/moje', 'LAAAAAAA'],
  ['/oferta/potrzeby/nowa', 'LAAAAAAA'],
  ['/oferta/potrzeby/need-x/edycja', 'LAAFFFAF'],
  ['/oferta/potrzeby/need-y/edycja', 'LAAFFFFF'],
  ['/admin/oferta/potrzeby', 'LAAFFFFF'],
  ['/admin/oferta/potrzeby/liczby', 'LAAFFFFF'],
  // purchase share: public aggregates for everyone, buyer institutions for coordinators and administrators
  // (scoped rows — a representative of buyer X vs Y — in offers/purchases/purchases.routes.test.ts)
  ['/oferta/zakupy', 'AAAAAAAA'],
  ['/admin/oferta/zakupy', 'LAAFFFFF'],
  // an entity's answer from the need's page: that entity's representatives only (not even staff)
  ['/oferta/potrzeby/need-p/odpowiedz-podmiot/entity-x', 'LFFFFFAF'],
  ['/oferta/potrzeby/need-p/odpowiedz-podmiot/entity-y', 'LFFFFFFF'],
];

const CODE: Record<string, number> = { A: 200, L: 302, F: 403, N: 404 };

/**
 * State-changing routes, sent with the caller's own valid CSRF token and an empty form, one letter per
 * role in WHO order: D = done (303), V = let in and refused by the form's validation (400),
 * U = 401 (no session), F = 403, C = let in and refused by the state of things (409).
 */
const POST_MATRIX: [string, string][] = [
  // the institution's logo: administrators only (editors keep the rest of the institution's page)
  ['/admin/kontakt/logo', 'UVFFFFFF'],
  ['/admin/kontakt/logo/usun', 'UDFFFFFF'],
  // the survey's text answers: partner A saves its own unit's (no survey round is open here: 409),
  // B's unit is refused before the form is read
  ['/samorzady/ankieta/0404011/2025', 'UFFFFFFC'],
  ['/samorzady/ankieta/0404/2025', 'UFFFFFFF'],
];
const POST_CODE: Record<string, number> = { D: 303, V: 400, U: 401, F: 403, C: 409 };

let t: TestApp;
const cookies = new Map<Who, string>();

before(async () => {
  t = await createTestApp({
    reference: false,
    extraRoutes: (app) => {
      app.get(
        '/test/zespol/:team',
        {
          config: {
            access: policy('test.team_space', (u, r) => hasScopedRole(u, 'team_member', 'team', (r.params as { team: string }).team)),
          },
        },
        async () => 'ok',
      );
      app.get(
        '/test/podmiot/:entity/edycja',
        {
          config: {
            access: policy('test.entity_edit', (u, r) =>
              hasScopedRole(u, 'entity_representative', 'entity', (r.params as { entity: string }).entity),
            ),
          },
        },
        async () => 'ok',
      );
    },
  });
  // the entities behind the scoped ids, so the registry's real pages answer (not 404)
  for (const id of ['entity-x', 'entity-y']) {
    const at = '2026-01-01T00:00:00.000Z';
    await t.ctx.db
      .insertInto('entities')
      .values({
        id,
        name: id,
        name_sort: id,
        legal_form: 'fundacja',
        sectors: '[]',
        lifecycle: 'active',
        search_doc: id,
        is_synthetic: false,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  // an offer of each entity behind the offers' routes (ids as in the matrix)
  await makeOffer(t.ctx, 'entity-x', { id: 'offer-x', title: 'Oferta X' });
  await makeOffer(t.ctx, 'entity-y', { id: 'offer-y', title: 'Oferta Y' });
  // a licence of entity X behind the licences' routes
  await makeLicence(t.ctx, 'entity-x', { id: 'lic-x', number: 'ZP-2026-PERM01' });
  // an application of each entity behind the applications' routes
  await makeApplication(t.ctx, 'entity-x', { id: 'app-x', offerIds: ['offer-x'] });
  await makeApplication(t.ctx, 'entity-y', { id: 'app-y', offerIds: ['offer-y'] });
  // a programme with one indicator behind the indicator routes (ids as in the matrix)
  {
    const at = '2026-01-01T00:00:00.000Z';
    await t.ctx.db
      .insertInto('programmes')
      .values({
        id: 'prog-x',
        slug: 'prog-x',
        title: 'Program X',
        period_from: 2021,
        period_to: 2030,
        alignment: '[]',
        status: 'implementation',
        is_current: false,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await t.ctx.db
      .insertInto('indicators')
      .values({
        id: 'ind-x',
        programme_id: 'prog-x',
        code: 'W1',
        name: 'Wskaźnik X',
        unit: 'szt.',
        type: 'output',
        direction: 'increase',
        breakdown: 'none',
        method: 'reported',
        formula_params: '{}',
        frequency: 'annual',
        position: 0,
        is_example: false,
        is_negative_allowed: false,
      })
      .execute();
  }
  // a text version and a tree element of that programme behind the programme's own routes
  {
    const at = '2026-01-01T00:00:00.000Z';
    await t.ctx.db
      .insertInto('programme_versions')
      .values({
        id: 'ver-x',
        programme_id: 'prog-x',
        number: 1,
        label: 'Wersja 1',
        source: 'manual',
        note: null,
        created_by: null,
        created_at: at,
      })
      .execute();
    await t.ctx.db
      .insertInto('programme_elements')
      .values({
        id: 'el-x',
        programme_id: 'prog-x',
        parent_id: null,
        kind: 'main_goal',
        code: 'CG',
        title: 'Cel główny',
        description: null,
        responsible: null,
        partners: null,
        year_from: null,
        year_to: null,
        position: 0,
        is_example: false,
      })
      .execute();
  }
  // two bodies behind the member-space rows: their ids are the team scopes of the matrix
  for (const [id, slug] of [
    ['team-a', 'body-a'],
    ['team-b', 'body-b'],
  ] as const) {
    // body B keeps its minutes internal (the register and ZIP rows)
    await makeBody(t.ctx, { id, slug, name: slug, type: 'committee', minutesPublic: slug === 'body-a' }, '2026-01-01T00:00:00.000Z');
  }
  for (const who of WHO) {
    if (who === 'anonymous') continue;
    // the reporting partner also answers the local governments' survey for the gmina Chełmno
    const extra: TestRole[] =
      who === 'reporting_partner' ? [{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'localgov:0404011' }] : [];
    const { cookie, userId } = await loginAs(t, [SCOPES[who] ?? { role: who }, ...extra]);
    cookies.set(who, cookie);
    // a draft need of the representative (need-x) and one of nobody here (need-y)
    if (who === 'entity_representative') {
      await makeNeed(t.ctx, { id: 'need-x', createdBy: userId });
      await makeNeed(t.ctx, { id: 'need-y', createdBy: 'someone-else' });
      // a published need both entities were notified of: each answers only for itself
      await makeNeed(t.ctx, { id: 'need-p', createdBy: 'someone-else', status: 'published' });
      await answerRow(t.ctx, 'need-p', 'entity-x', 'matrix-token-x-0123456789abcdef');
      await answerRow(t.ctx, 'need-p', 'entity-y', 'matrix-token-y-0123456789abcdef');
    }
  }
});
after(async () => t.close());

for (const [url, row] of MATRIX) {
  test(`access matrix: ${url}`, async () => {
    const got: string[] = [];
    for (const [i, who] of WHO.entries()) {
      const cookie = cookies.get(who);
      const res = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
      const expected = CODE[row[i]!]!;
      if (res.statusCode !== expected) got.push(`${who}: expected ${expected}, got ${res.statusCode}`);
      if (expected === 302) assert.match(String(res.headers.location), /^\/konto\/logowanie\?next=/);
    }
    assert.deepEqual(got, []);
  });
}

for (const [url, row] of POST_MATRIX) {
  test(`access matrix: POST ${url}`, async () => {
    const got: string[] = [];
    for (const [i, who] of WHO.entries()) {
      const cookie = cookies.get(who);
      // a logged-in page carries the user's token (the header's logout form)
      const token = cookie ? csrfFrom((await t.app.inject({ url: '/', headers: { cookie } })).body) : '';
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
        payload: form({ _csrf: token }),
      });
      const expected = POST_CODE[row[i]!]!;
      if (res.statusCode !== expected) got.push(`${who}: expected ${expected}, got ${res.statusCode}`);
    }
    assert.deepEqual(got, []);
  });
}
