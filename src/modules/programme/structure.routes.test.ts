// The objective tree through HTTP on both databases: kinds nest one level at a time, codes are
// unique, siblings move with up/down buttons, leaves only may be deleted, budget frames are read
// in Polish number format and shown as captioned tables in PLN, and example elements are labelled.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { checkProgrammeForm, createProgramme, makeCurrent } from './programme.service.js';
import { parseAmount } from './structure.service.js';

let t: TestApp;
let coordinator: string;
let programmeId: string;
const base = () => `/admin/program/${programmeId}/struktura`;

before(async () => {
  t = await createTestApp({ reference: false });
  coordinator = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
  const input = await checkProgrammeForm(
    t.ctx,
    { title: 'Program z drzewem celów', slug: 'program-drzewo', period_from: '2025', period_to: '2030' },
    null,
  );
  programmeId = await createProgramme(t.ctx, input, { actorId: null, ip: null });
  await makeCurrent(t.ctx, programmeId, { actorId: null, ip: null });
});
after(async () => t.close());

const get = (url: string, cookie = coordinator) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

async function post(url: string, values: Record<string, string>, formPage = `${base()}/nowy`) {
  const token = csrfFrom((await get(formPage)).body);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: coordinator, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ ...values, _csrf: token }),
  });
}

const byCode = async (code: string) =>
  t.ctx.db
    .selectFrom('programme_elements')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();

async function add(values: Record<string, string>, parentCode?: string) {
  const parent = parentCode ? await byCode(parentCode) : null;
  return post(`${base()}/nowy`, { rodzic: parent?.id ?? '', ...values });
}

describe('objective tree', () => {
  test('amounts are read in Polish and plain formats', () => {
    assert.equal(parseAmount('1 234 567,89'), 1234567.89);
    assert.equal(parseAmount('1.234.567,89'), 1234567.89);
    assert.equal(parseAmount('120000'), 120000);
    assert.equal(parseAmount('120 000 zł'), 120000);
    assert.equal(parseAmount('1234.5'), 1234.5);
    assert.equal(parseAmount('12,345'), null);
    assert.equal(parseAmount('dużo'), null);
    assert.equal(parseAmount('-5'), null);
  });

  test('kinds nest properly and codes are validated and unique', async () => {
    assert.equal((await add({ kind: 'main_goal', code: 'CG', title: 'Więcej ekonomii społecznej' })).statusCode, 303);
    const wrongRoot = await add({ kind: 'action', code: '9', title: 'Działanie bez celu' });
    assert.equal(wrongRoot.statusCode, 400);
    assert.match(wrongRoot.body, /Ten rodzaj nie pasuje do miejsca w drzewie/);
    assert.equal((await add({ kind: 'specific_goal', code: '1', title: 'Rozwój sektora' }, 'CG')).statusCode, 303);
    assert.equal((await add({ kind: 'specific_goal', code: '2', title: 'Aktywizacja', is_example: '1' }, 'CG')).statusCode, 303);
    const taskUnderGoal = await add({ kind: 'task', code: '1.1', title: 'Zadanie w złym miejscu' }, '1');
    assert.equal(taskUnderGoal.statusCode, 400);
    assert.equal((await add({ kind: 'action', code: '1.1', title: 'Wsparcie PES' }, '1')).statusCode, 303);
    assert.equal((await add({ kind: 'action', code: '1.2', title: 'Klauzule społeczne' }, '1')).statusCode, 303);
    assert.equal((await add({ kind: 'action', code: '1.3', title: 'Edukacja' }, '1')).statusCode, 303);
    const duplicate = await add({ kind: 'action', code: '1.2', title: 'Drugi raz' }, '1');
    assert.equal(duplicate.statusCode, 400);
    assert.match(duplicate.body, /Inny element tego programu ma już ten kod/);
    const badCode = await add({ kind: 'action', code: '1..2', title: 'Zły kod' }, '1');
    assert.equal(badCode.statusCode, 400);
    assert.match(badCode.body, /musi mieć postać liczb lub liter rozdzielonych kropkami/);
    const outside = await add({ kind: 'task', code: '1.1.1', title: 'Poza okresem', year_from: '2020' }, '1.1');
    assert.equal(outside.statusCode, 400);
    assert.match(outside.body, /Rok musi mieścić się w okresie programu \(2025–2030\)/);
    const task = await add(
      {
        kind: 'task',
        code: '1.1.1',
        title: 'Doradztwo dla PES',
        responsible: 'OWES',
        partners: 'Powiatowe urzędy pracy',
        year_from: '2025',
        year_to: '2027',
        budget_year_0: '2025',
        budget_source_0: 'EFS+',
        budget_amount_0: '1 234 567,89',
        budget_year_1: '2026',
        budget_source_1: 'Budżet województwa',
        budget_amount_1: '250000',
      },
      '1.1',
    );
    assert.equal(task.statusCode, 303, task.body.slice(0, 2000));
    const underTask = await add({ kind: 'task', code: '1.1.1.1', title: 'Za głęboko' }, '1.1.1');
    assert.equal(underTask.statusCode, 400);
    assert.match(underTask.body, /Pod zadaniem nie można dodawać elementów/);
    const badBudget = await add(
      { kind: 'task', code: '1.2.1', title: 'Zły budżet', budget_year_0: '2040', budget_source_0: '', budget_amount_0: 'dużo' },
      '1.2',
    );
    assert.equal(badBudget.statusCode, 400);
    assert.match(badBudget.body, /Pozycja 1: rok musi mieścić się w okresie programu/);
    assert.match(badBudget.body, /Pozycja 1: podaj źródło finansowania/);
    assert.match(badBudget.body, /Pozycja 1: kwota musi być liczbą/);
    const count = await t.ctx.db.selectFrom('programme_elements').selectAll().where('programme_id', '=', programmeId).execute();
    assert.equal(count.length, 7);
  });

  test('siblings move up and down; ends stay put', async () => {
    const order = async () =>
      (
        await t.ctx.db
          .selectFrom('programme_elements')
          .select(['code'])
          .where('parent_id', '=', (await byCode('1')).id)
          .orderBy('position')
          .execute()
      ).map((r) => r.code);
    assert.deepEqual(await order(), ['1.1', '1.2', '1.3']);
    const move = async (code: string, kierunek: string) => post(`${base()}/${(await byCode(code)).id}/przesun`, { kierunek }, base());
    assert.equal((await move('1.3', 'gora')).statusCode, 303);
    assert.deepEqual(await order(), ['1.1', '1.3', '1.2']);
    assert.equal((await move('1.1', 'gora')).statusCode, 303);
    assert.deepEqual(await order(), ['1.1', '1.3', '1.2']);
    assert.equal((await move('1.1', 'dol')).statusCode, 303);
    assert.deepEqual(await order(), ['1.3', '1.1', '1.2']);
    assert.equal((await move('1.1', 'w-bok')).statusCode, 400);
    const tree = await get(base());
    assert.match(tree.body, /W górę<span class="visually-hidden">: 1.1 Wsparcie PES<\/span>/);
  });

  test('editing keeps the parent; deleting refuses elements with children', async () => {
    const action = await byCode('1.2');
    const edited = await post(
      `${base()}/${action.id}`,
      { kind: 'action', code: '1.2', title: 'Klauzule społeczne w zamówieniach', description: 'Akapit pierwszy.\n\nAkapit drugi.' },
      `${base()}/${action.id}`,
    );
    assert.equal(edited.statusCode, 303);
    assert.equal((await byCode('1.2')).title, 'Klauzule społeczne w zamówieniach');
    const retyped = await post(`${base()}/${action.id}`, { kind: 'task', code: '1.2', title: 'x' }, `${base()}/${action.id}`);
    assert.equal(retyped.statusCode, 400);
    const goal = await byCode('1');
    const refused = await post(`${base()}/${goal.id}/usun`, {}, `${base()}/${goal.id}`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Nie można usunąć elementu, pod którym są inne elementy/);
    assert.ok(await byCode('1'));
    const leaf = await byCode('1.3');
    assert.equal((await post(`${base()}/${leaf.id}/usun`, {}, `${base()}/${leaf.id}`)).statusCode, 303);
    const gone = await t.ctx.db.selectFrom('programme_elements').selectAll().where('id', '=', leaf.id).executeTakeFirst();
    assert.equal(gone, undefined);
    const audit = (await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'programme.element.%').execute()).map(
      (a) => a.action,
    );
    for (const a of ['programme.element.create', 'programme.element.update', 'programme.element.move', 'programme.element.delete'])
      assert.ok(audit.includes(a), a);
  });

  test('public tree: nested lists with headings and codes, example label, budget table in PLN', async () => {
    const page = await get('/program', '');
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.match(html, /<ol class="programme-tree programme-tree--root">/);
    assert.match(html, /<h3 id="cel-CG"><span class="programme-kind">Cel główny<\/span> <span class="programme-code">CG<\/span>/);
    assert.match(html, /<h4 id="cel-1">/);
    assert.match(html, /<h5 id="cel-1.1">/);
    assert.match(html, /<h6 id="cel-1.1.1">/);
    // the example element is labelled in words, the others are not
    assert.equal(html.match(/przykład — nie jest to treść przyjętego programu/g)?.length, 1);
    assert.match(html, /<caption>Ramy finansowe: 1.1.1 Doradztwo dla PES<\/caption>/);
    assert.match(html, /1\s234\s567,89\s*zł/);
    assert.match(html, /1\s484\s567,89\s*zł/, 'total');
    assert.match(html, /<p>Akapit pierwszy.<\/p><p>Akapit drugi.<\/p>/);
    const en = await get('/en/program', '');
    assert.match(en.body, /example — not the text of the adopted programme/);
    assert.match(en.body, /PLN\s*1,234,567\.89/);
    const api = (await get('/api/v1/program/program-drzewo', '')).json() as {
      objectives: {
        code: string;
        children: {
          code: string;
          is_example: boolean;
          children: { code: string; children: { code: string; budget: { year: number; amount_pln: number }[] }[] }[];
        }[];
      }[];
    };
    assert.equal(api.objectives[0]!.code, 'CG');
    assert.deepEqual(
      api.objectives[0]!.children.map((c) => [c.code, c.is_example]),
      [
        ['1', false],
        ['2', true],
      ],
    );
    assert.deepEqual(
      api.objectives[0]!.children[0]!.children.map((c) => c.code),
      ['1.1', '1.2'],
    );
    assert.deepEqual(api.objectives[0]!.children[0]!.children[0]!.children[0]!.budget, [
      { year: 2025, source: 'EFS+', amount_pln: 1234567.89 },
      { year: 2026, source: 'Budżet województwa', amount_pln: 250000 },
    ]);
  });
});
