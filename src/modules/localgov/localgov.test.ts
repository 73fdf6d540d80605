// Local governments' cooperation records on both databases: staff enter them by the unit's name
// (audited; one record per unit and year; unknown stays unknown, never "no"), the public table and
// its CSV (BOM, `;`) and API of a year — with the founded entities' names and pages, example ones
// labelled —, the cooperation card on gmina and powiat profiles, and the staff pages refused to
// everyone else.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { searchDocument } from '../../core/search/index.js';
import { entityPath } from '../registry/index.js';

let t: TestApp;
let cookie: string;
let userId: string;

before(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-11-27T10:00:00Z') });
  ({ cookie, userId } = await loginAs(t, [{ role: 'coordinator' }]));
});
after(async () => t.close());

async function post(path: string, values: Record<string, string>) {
  const page = await t.app.inject({ url: '/admin/samorzady/nowy', headers: { cookie } });
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
}

describe('cooperation records', () => {
  let id: string;

  it('a coordinator enters a gmina’s year by its name; the change is audited', async () => {
    const res = await post('/admin/samorzady/nowy', {
      unit: 'Chełmno (gmina miejska, powiat chełmiński)',
      year: '2025',
      programme: 'yes',
      programme_title: 'Program rozwoju ekonomii społecznej miasta',
      programme_date: '2025-03-12',
      coordinator: '',
      clauses_count: '4',
      clauses_value_pln: '1 250 000',
      clause_kinds: 'employment',
      tasks_count: '0',
      source: 'Ankieta testowa 2025',
    });
    assert.equal(res.statusCode, 303, res.body);
    id = /\/admin\/samorzady\/([0-9a-f-]+)\?ok=1/.exec(res.headers.location!)![1]!;
    const row = await t.ctx.db.selectFrom('localgov_cooperation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.unit_teryt, '0404011');
    assert.equal(row.coordinator, null, 'not given stays unknown');
    assert.equal(row.tasks_count, 0, 'a zero given is a zero');
    assert.equal(Number(row.clauses_value_pln), 1_250_000);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('actor_id', '=', userId).execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['localgov.cooperation.create'],
    );
  });

  it('refuses an ambiguous name, a future year, document details without a programme, a second record of the year', async () => {
    const bad = await post('/admin/samorzady/nowy', { unit: 'Chełmno', year: '2027', programme: 'no', programme_title: 'X', source: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Tę nazwę nosi kilka samorządów/);
    assert.match(bad.body, /rok od 2010 do 2026/);
    assert.match(bad.body, /Dane dokumentu podaj tylko wtedy/);
    assert.match(bad.body, /Pole „Źródło danych” jest wymagane/);
    const twice = await post('/admin/samorzady/nowy', {
      unit: 'chelmno (gmina miejska, powiat chelminski)',
      year: '2025',
      source: 'Inne źródło',
    });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /ma już dane za ten rok/);
    assert.equal((await t.ctx.db.selectFrom('localgov_cooperation').select('id').execute()).length, 1);
  });

  it('a powiat has its own record; the public table, CSV and API show the year with unknowns as unknown', async () => {
    assert.equal(
      (await post('/admin/samorzady/nowy', { unit: 'powiat chełmiński', year: '2025', coordinator: 'no', source: 'BIP powiatu' }))
        .statusCode,
      303,
    );
    const page = await t.app.inject({ url: '/samorzady?rok=2025' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Współpraca samorządów z ekonomią społeczną w 2025 r\.<\/h1>/);
    assert.match(
      page.body,
      /Chełmno \(gmina miejska, powiat chełmiński\)<\/a><\/th>\s*<td>tak<\/td>\s*<td>brak danych<\/td>\s*<td class="num">4<\/td>\s*<td class="num">0<\/td>/,
    );
    assert.match(page.body, /powiat chełmiński<\/a><\/th>\s*<td>brak danych<\/td>\s*<td>nie<\/td>/);
    const csv = await t.app.inject({ url: '/samorzady.csv?rok=2025' });
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    assert.ok(csv.body.startsWith('\uFEFFTERYT;samorząd;rok;'));
    assert.match(
      csv.body,
      /0404011;Chełmno \(gmina miejska, powiat chełmiński\);2025;tak;Program rozwoju ekonomii społecznej miasta;2025-03-12;;;4;1250000;klauzula zatrudnieniowa;0;;;;;Ankieta testowa 2025/,
    );
    const api = (await t.app.inject({ url: '/api/v1/samorzady?rok=2025' })).json() as {
      items: { unit_teryt: string; coordinator: string | null; clause_kinds: string[] | null }[];
    };
    assert.deepEqual(
      api.items.map((i) => [i.unit_teryt, i.coordinator, i.clause_kinds]),
      [
        ['0404011', null, ['employment']],
        ['0404', 'no', null],
      ],
    );
    const empty = await t.app.inject({ url: '/en/samorzady?rok=2019' });
    assert.match(empty.body, /no data on local governments’ cooperation for 2019 yet/);
  });

  it('shows the cooperation card on the profiles, and "no data" where there is none', async () => {
    const gmina = await t.app.inject({ url: '/terytorium/0404011' });
    assert.match(gmina.body, /Współpraca z ekonomią społeczną/);
    assert.match(gmina.body, /Dane za 2025 r\./);
    assert.match(gmina.body, /Ankieta testowa 2025/);
    const other = await t.app.inject({ url: '/en/terytorium/0404022' });
    assert.match(other.body, /no data on this local government’s cooperation/);
  });

  it('a coordinator corrects a record; others may not open the staff pages', async () => {
    const res = await post(`/admin/samorzady/${id}`, {
      unit: 'Chełmno (gmina miejska, powiat chełmiński)',
      year: '2025',
      coordinator: 'yes',
      source: 'Ankieta testowa 2025',
    });
    assert.equal(res.statusCode, 303);
    const row = await t.ctx.db.selectFrom('localgov_cooperation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.coordinator, 'yes');
    assert.equal(row.programme, null, 'a field left empty in the correction becomes unknown');
    const { cookie: editor } = await loginAs(t, [{ role: 'editor' }]);
    assert.equal((await t.app.inject({ url: '/admin/samorzady', headers: { cookie: editor } })).statusCode, 403);
    assert.equal((await t.app.inject({ url: '/admin/samorzady' })).statusCode, 302);
  });

  it('the CSV and API name the founded entities with their pages, example ones labelled; no contact data', async () => {
    const insertEntity = async (name: string, isSynthetic: boolean) => {
      const id = newId();
      const at = '2026-01-10T00:00:00.000Z';
      await t.ctx.db
        .insertInto('entities')
        .values({
          id,
          name,
          name_sort: polishSortKey(name),
          legal_form: 'spoldzielnia_socjalna',
          sectors: '[]',
          lifecycle: 'active',
          gmina_teryt: '0404011',
          town: 'Chełmno',
          email: 'biuro@razem.example.pl',
          search_doc: searchDocument(name, 'Chełmno'),
          is_synthetic: isSynthetic,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return id;
    };
    const razem = await insertEntity('Spółdzielnia Socjalna Razem', false);
    const demo = await insertEntity('Przykładowa Fundacja Chełmińska', true);
    const res = await post('/admin/samorzady/nowy', {
      unit: 'Chełmno (gmina miejska, powiat chełmiński)',
      year: '2024',
      founded_entities: 'Spółdzielnia Socjalna Razem\nPrzykładowa Fundacja Chełmińska',
      source: 'Sprawozdanie 2024',
    });
    assert.equal(res.statusCode, 303, res.body);
    const base = t.ctx.config.publicUrl.replace(/\/$/, '');
    const razemUrl = `${base}${entityPath({ id: razem, name: 'Spółdzielnia Socjalna Razem' })}`;
    const demoUrl = `${base}${entityPath({ id: demo, name: 'Przykładowa Fundacja Chełmińska' })}`;

    const csv = await t.app.inject({ url: '/samorzady.csv?rok=2024' });
    assert.ok(csv.body.includes(';inne formy współpracy;podmioty założone lub współzałożone;strony podmiotów założonych;źródło'));
    assert.ok(
      csv.body.includes(
        `;Spółdzielnia Socjalna Razem | Przykładowa Fundacja Chełmińska (przykładowe dane);${razemUrl} | ${demoUrl};Sprawozdanie 2024`,
      ),
      csv.body,
    );
    const en = await t.app.inject({ url: '/en/samorzady.csv?rok=2024' });
    assert.ok(
      en.body.includes(
        `Przykładowa Fundacja Chełmińska (example data);${base}/en${entityPath({ id: razem, name: 'Spółdzielnia Socjalna Razem' })} | `,
      ),
    );
    assert.ok(!csv.body.includes('biuro@razem.example.pl'));

    const api = await t.app.inject({ url: '/api/v1/samorzady?rok=2024' });
    assert.equal(api.statusCode, 200);
    const body = api.json() as { items: { unit_teryt: string; founded_entities: unknown }[] };
    assert.deepEqual(body.items[0]!.founded_entities, [
      { id: razem, name: 'Spółdzielnia Socjalna Razem', url: razemUrl, is_example: false },
      { id: demo, name: 'Przykładowa Fundacja Chełmińska', url: demoUrl, is_example: true },
    ]);
    assert.ok(!api.body.includes('biuro@razem.example.pl'));
    const year2025 = (await t.app.inject({ url: '/api/v1/samorzady?rok=2025' })).json() as { items: { founded_entities: unknown }[] };
    assert.deepEqual(
      year2025.items.map((i) => i.founded_entities),
      [null, null],
      'not given stays unknown',
    );
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    assert.match(JSON.stringify(spec.paths['/api/v1/samorzady']), /founded_entities/);
  });
});
