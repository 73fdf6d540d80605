// The authorisation matrix: for each role and a representative set of routes, the answer a real
// user gets (200 allowed, 302 to the login page, 403 refused). Every module adds its rows here
// when it adds protected routes, so a policy mistake shows up as one failing cell.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { policy, hasScopedRole } from '../core/auth/access.js';
import { createTestApp, loginAs, type TestApp, type TestRole } from './app.js';

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

/** Expected status per route: one letter per role in WHO order (A = 200, L = 302 to login, F = 403). */
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
];

const CODE: Record<string, number> = { A: 200, L: 302, F: 403 };

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
  for (const who of WHO) {
    if (who === 'anonymous') continue;
    cookies.set(who, (await loginAs(t, [SCOPES[who] ?? { role: who }])).cookie);
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
