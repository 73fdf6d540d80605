// Suspected duplicates on SQLite and PostgreSQL: two records with the same folded name in the same
// gmina are listed for staff; merging keeps the chosen record, fills and chooses fields, moves
// places, PS history, marks, employment, change history and representatives' roles (never
// duplicated), closes the other with a pointer (its old address redirects), and records everything
// in the field history and the audit log; "different entities" is remembered. Hard duplicates (same NIP) are refused by the admin form.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { newId } from '../../../core/db/ids.js';
import { cookieHeader, createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../../testing/app.js';
import { validNip } from './import.testing.js';
import * as repo from '../entity/registry.repo.js';
import { entityPath } from '../entity/registry.service.js';

let t: TestApp;
let coordinator: string;
before(async () => {
  t = await createTestApp();
  coordinator = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
});
after(async () => t.close());

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const now = () => new Date().toISOString();

async function entity(values: {
  name: string;
  gmina_teryt: string | null;
  nip?: string | null;
  email?: string | null;
  description?: string | null;
  town?: string | null;
}): Promise<string> {
  const id = newId();
  await repo.insertEntity(t.ctx.db, {
    id,
    name: values.name,
    name_sort: values.name.toLowerCase(),
    legal_form: 'fundacja',
    sectors: '[]',
    lifecycle: 'active',
    search_doc: values.name.toLowerCase(),
    is_synthetic: false,
    gmina_teryt: values.gmina_teryt,
    nip: values.nip ?? null,
    email: values.email ?? null,
    description: values.description ?? null,
    town: values.town ?? null,
    created_at: now(),
    updated_at: now(),
  });
  return id;
}

async function open(path: string) {
  const res = await t.app.inject({ url: path, headers: { cookie: coordinator } });
  assert.equal(res.statusCode, 200, `${path}: ${res.body.slice(0, 200)}`);
  return { csrf: csrfFrom(res.body), cookie: cookieHeader(res, coordinator), body: res.body };
}

async function post(pagePath: string, path: string, values: Record<string, string>) {
  const page = await open(pagePath);
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { ...FORM, cookie: page.cookie },
    payload: form({ _csrf: page.csrf, ...values }),
  });
}

test('pairs with the same folded name in the same gmina are listed; other gminy and merged records are not', async () => {
  const a = await entity({ name: 'Fundacja „Łąka”', gmina_teryt: '0461011', email: 'laka@example.pl' });
  const b = await entity({ name: 'FUNDACJA LAKA', gmina_teryt: '0461011' });
  await entity({ name: 'Fundacja Łąka', gmina_teryt: '0463011' });
  const page = await open('/admin/podmioty/duplikaty');
  assert.match(page.body, /<caption>Pary wpisów o tej samej nazwie w tej samej gminie<\/caption>/);
  assert.ok(page.body.includes(`/admin/podmioty/duplikaty/${a}/${b}`));
  assert.equal(
    (page.body.match(/\/admin\/podmioty\/duplikaty\/[0-9a-f-]{36}\/[0-9a-f-]{36}/g) ?? []).length,
    1,
    'the Toruń record is no duplicate of the Bydgoszcz ones',
  );
  // a pair addressed in the wrong order or not a pair at all is not found
  assert.equal((await t.app.inject({ url: `/admin/podmioty/duplikaty/${b}/${a}`, headers: { cookie: coordinator } })).statusCode, 404);
  const editor = (await loginAs(t, [{ role: 'editor' }])).cookie;
  assert.equal((await t.app.inject({ url: `/admin/podmioty/duplikaty/${a}/${b}`, headers: { cookie: editor } })).statusCode, 403);
});

test('merge: the chosen record stays, fields are filled or chosen, history moves, the other redirects', async () => {
  const nip = validNip('40500001');
  const a = await entity({ name: 'Spółdzielnia Socjalna Most', gmina_teryt: '0462011', description: 'Opis A', town: 'Grudziądz' });
  const b = await entity({
    name: 'Spoldzielnia socjalna MOST',
    gmina_teryt: '0462011',
    nip,
    description: 'Opis B',
    email: 'most@example.pl',
  });
  await repo.insertMark(t.ctx.db, {
    id: newId(),
    entity_id: a,
    mark: 'zakup_prospoleczny',
    subject: 'catering',
    granted_on: '2024-01-10',
    expires_on: null,
    source_url: null,
  });
  await repo.insertPsStatus(t.ctx.db, {
    id: newId(),
    entity_id: a,
    kind: 'granted',
    ps_type: 'reintegration',
    decision_number: 'WPS.1.2024',
    decision_date: '2024-02-01',
    loss_reason: null,
  });
  await repo.insertChanges(t.ctx.db, [
    { id: newId(), entity_id: a, at: now(), user_id: null, field: 'description', old_value: null, new_value: 'Opis A' },
  ]);
  const year = (entity: string, y: number, headcount: number) => ({
    id: newId(),
    entity_id: entity,
    year: y,
    headcount,
    employees: headcount,
    fte_hundredths: headcount * 100,
    employees_half_time: headcount,
    at_risk: 0,
    at_risk_half_time: 0,
    at_risk_categories: '{}',
    source: null,
    created_at: now(),
    updated_at: now(),
  });
  await t.ctx.db
    .insertInto('entity_employment')
    .values([year(a, 2023, 4), year(a, 2024, 5), year(b, 2024, 6)])
    .execute();

  const pagePath = `/admin/podmioty/duplikaty/${a}/${b}`;
  const page = await open(pagePath);
  // only differing fields are offered, A's value preselected unless A has none
  assert.match(page.body, /<legend>Wartość pola „Opis” po scaleniu<\/legend>/);
  assert.match(page.body, /id="f-take_description-a" name="take_description" value="a" checked/);
  assert.match(page.body, /id="f-take_nip-b" name="take_nip" value="b" checked/);
  assert.doesNotMatch(page.body, /take_legal_form/);

  // keep B (the one with the NIP), but take A's name and description; e-mail stays B's, town filled from A
  const res = await post(pagePath, `${pagePath}/scal`, {
    keep: 'b',
    take_name: 'a',
    take_description: 'a',
    take_nip: 'b',
    take_email: 'b',
    take_town: 'a',
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/admin/podmioty/duplikaty?ok=scalono&id=${b}`);

  const kept = (await repo.findEntity(t.ctx.db, b))!;
  const gone = (await repo.findEntity(t.ctx.db, a))!;
  assert.deepEqual(
    [kept.name, kept.description, kept.nip, kept.email, kept.town, kept.lifecycle, kept.merged_into],
    ['Spółdzielnia Socjalna Most', 'Opis A', nip, 'most@example.pl', 'Grudziądz', 'active', null],
  );
  assert.deepEqual([gone.lifecycle, gone.merged_into], ['closed', b]);
  assert.match(kept.search_doc, /grudziadz/, 'the search document follows the merged values');
  assert.equal((await repo.listMarks(t.ctx.db, b)).length, 1);
  assert.equal((await repo.listPsStatus(t.ctx.db, b)).length, 1);
  assert.equal((await repo.listMarks(t.ctx.db, a)).length, 0);
  const employment = await t.ctx.db
    .selectFrom('entity_employment')
    .select(['entity_id', 'year', 'headcount'])
    .where('entity_id', 'in', [a, b])
    .orderBy('year')
    .orderBy('headcount')
    .execute();
  assert.deepEqual(
    employment,
    [
      { entity_id: b, year: 2023, headcount: 4 },
      { entity_id: a, year: 2024, headcount: 5 },
      { entity_id: b, year: 2024, headcount: 6 },
    ],
    "a year the kept record has keeps the kept record's figures",
  );

  const history = await repo.listChanges(t.ctx.db, b);
  const fields = history.map((h) => `${h.field}:${h.old_value ?? ''}→${h.new_value ?? ''}`);
  assert.ok(fields.includes('description:Opis B→Opis A'), fields.join(' | '));
  assert.ok(fields.includes('name:Spoldzielnia socjalna MOST→Spółdzielnia Socjalna Most'));
  assert.ok(fields.includes('town:→Grudziądz'));
  assert.ok(fields.includes('description:→Opis A'), 'the merged record history moved to the kept one');
  assert.ok(fields.some((f) => f.startsWith(`merged_from:→${a}`)));
  const goneHistory = (await repo.listChanges(t.ctx.db, a)).map((h) => `${h.field}:${h.old_value ?? ''}→${h.new_value ?? ''}`);
  assert.deepEqual(goneHistory.sort(), [`lifecycle:active→closed`, `merged_into:→${b}`].sort());
  // staff read the merge in the record's history
  const edit = await open(`/admin/podmioty/${b}`);
  assert.match(edit.body, /Scalono z wpisem/);
  const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'registry.entity.merge').executeTakeFirstOrThrow();
  assert.equal(audit.subject_id, b);
  assert.match(audit.meta ?? '', new RegExp(a));

  // the old address of the closed record leads to the kept one
  const old = await t.app.inject({ url: entityPath(gone) });
  assert.equal(old.statusCode, 301);
  assert.equal(old.headers.location, entityPath(kept));
  const oldEn = await t.app.inject({ url: `/en${entityPath(gone)}` });
  assert.equal(oldEn.headers.location, `/en${entityPath(kept)}`);

  // the pair is gone from the list, and merging again is not possible
  const list = await open(`/admin/podmioty/duplikaty?ok=scalono&id=${b}`);
  assert.match(list.body, /Scalono wpisy; zachowany wpis: „Spółdzielnia Socjalna Most”/);
  assert.ok(!list.body.includes(pagePath));
  assert.equal((await t.app.inject({ url: pagePath, headers: { cookie: coordinator } })).statusCode, 404);
});

test('merge: representatives of the closed record represent the kept one; one role each, audited', async () => {
  const a = await entity({ name: 'Fundacja Przystań', gmina_teryt: '0463011' });
  const b = await entity({ name: 'FUNDACJA PRZYSTAN', gmina_teryt: '0463011' });
  const rep = (id: string) => ({ role: 'entity_representative', scopeType: 'entity', scopeId: id });
  const onlyClosed = await loginAs(t, [rep(a)]);
  const both = await loginAs(t, [rep(a), rep(b)]);
  const onlyKept = await loginAs(t, [rep(b)]);
  const elsewhere = newId();
  const bystander = await loginAs(t, [rep(elsewhere)]);
  assert.equal(
    (await t.app.inject({ url: `/moje-podmioty/${b}`, headers: { cookie: onlyClosed.cookie } })).statusCode,
    403,
    'before the merge R may not edit the kept record',
  );

  const pagePath = `/admin/podmioty/duplikaty/${a}/${b}`;
  const res = await post(pagePath, `${pagePath}/scal`, { keep: 'b' });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));

  const rolesOf = (userId: string) =>
    t.ctx.db.selectFrom('user_roles').select(['role', 'scope_type', 'scope_id']).where('user_id', '=', userId).execute();
  const representsKept = [{ role: 'entity_representative', scope_type: 'entity', scope_id: b }];
  assert.deepEqual(await rolesOf(onlyClosed.userId), representsKept);
  assert.deepEqual(await rolesOf(both.userId), representsKept, 'no second grant for someone who already represented the kept record');
  assert.deepEqual(await rolesOf(onlyKept.userId), representsKept);
  assert.deepEqual(
    await rolesOf(bystander.userId),
    [{ role: 'entity_representative', scope_type: 'entity', scope_id: elsewhere }],
    'roles of other entities stay',
  );

  // R keeps working in the same session: the kept record is theirs now, the closed one is not
  const edit = await t.app.inject({ url: `/moje-podmioty/${b}`, headers: { cookie: onlyClosed.cookie } });
  assert.equal(edit.statusCode, 200);
  assert.match(edit.body, /<h1>Profil podmiotu: Fundacja Przystań<\/h1>/);
  assert.equal((await t.app.inject({ url: `/moje-podmioty/${a}`, headers: { cookie: onlyClosed.cookie } })).statusCode, 403);
  for (const user of [onlyClosed, both]) {
    const account = await t.app.inject({ url: '/konto', headers: { cookie: user.cookie } });
    assert.equal(account.statusCode, 200);
    const roleList = /<h2>Role<\/h2>\s*<ul>([\s\S]*?)<\/ul>/.exec(account.body)?.[1] ?? '';
    assert.deepEqual(
      roleList.match(/<li>[\s\S]*?<\/li>/g)?.map((li) => li.replace(/<[^>]+>/g, '').trim()),
      ['Przedstawiciel podmiotu: Fundacja Przystań'],
    );
    const mine = await t.app.inject({ url: '/moje-podmioty', headers: { cookie: user.cookie } });
    assert.equal((mine.body.match(/href="\/moje-podmioty\/[0-9a-f-]{36}"/g) ?? []).length, 1);
  }

  // the merge's audit entry and the kept record's history name the representatives moved
  const merge = await t.ctx.db
    .selectFrom('audit_log')
    .select(['meta'])
    .where('action', '=', 'registry.entity.merge')
    .where('subject_id', '=', b)
    .executeTakeFirstOrThrow();
  assert.deepEqual((JSON.parse(merge.meta!) as { representatives: unknown }).representatives, {
    moved: [onlyClosed.userId],
    alreadyHeld: [both.userId],
  });
  const moves = await t.ctx.db
    .selectFrom('audit_log')
    .select(['subject_id', 'changes'])
    .where('action', '=', 'user.role_move')
    .where('subject_id', 'in', [onlyClosed.userId, both.userId, onlyKept.userId])
    .execute();
  assert.deepEqual(moves.map((m) => m.subject_id).sort(), [onlyClosed.userId, both.userId].sort());
  const history = (await repo.listChanges(t.ctx.db, b)).filter((h) => h.field === 'merged_representatives');
  assert.equal(history.length, 1);
  assert.deepEqual(history[0]!.new_value!.split(', ').sort(), [onlyClosed.userId, both.userId].sort());
  assert.match((await open(`/admin/podmioty/${b}`)).body, /Przedstawiciele przeniesieni ze scalonego wpisu/);
});

test('"different entities" is remembered and audited; the pair is not proposed again', async () => {
  const a = await entity({ name: 'Stowarzyszenie Razem', gmina_teryt: '0464011' });
  const b = await entity({ name: 'Stowarzyszenie RAZEM', gmina_teryt: '0464011' });
  const pagePath = `/admin/podmioty/duplikaty/${a}/${b}`;
  const res = await post(pagePath, `${pagePath}/rozne`, {});
  assert.equal(res.statusCode, 303);
  const list = await open('/admin/podmioty/duplikaty?ok=rozne');
  assert.match(list.body, /Zapamiętano, że to różne podmioty/);
  assert.ok(!list.body.includes(pagePath));
  assert.equal((await repo.findEntity(t.ctx.db, a))!.lifecycle, 'active');
  const audit = await t.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'registry.duplicate.dismiss')
    .executeTakeFirstOrThrow();
  assert.equal(audit.subject_id, a);
});

test('hard duplicates: the admin form refuses a NIP another record holds', async () => {
  const nip = validNip('40600001');
  await entity({ name: 'Fundacja Z Numerem', gmina_teryt: null, nip });
  const res = await post('/admin/podmioty/nowy', '/admin/podmioty/nowy', {
    name: 'Inna Fundacja',
    legal_form: 'fundacja',
    lifecycle: 'active',
    nip,
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /już jest w rejestrze/);
});
