// The survey's text answers on both databases: the gmina Chełmno (A) and the powiat chełmiński (B)
// answer in an open 2025 survey round. A cannot open or submit B's answers (403); a bad address or an
// unknown, near or shared entity name is refused with every problem and nothing is saved; submitted
// answers are returned with a message (e-mailed, shown to A) and submitted again, then approved: the
// public card of Chełmno shows the document link, the clause kinds and the founded entity linked to
// its page. B's approved answers fill only what staff's record from another source leaves empty.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, csrfFrom, loginAs, type TestApp, type TestRole } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { insertTestProgramme } from '../../../testing/programmes.js';
import { polishSortKey } from '../../../core/db/collation.js';
import { newId } from '../../../core/db/ids.js';
import { searchDocument } from '../../../core/search/index.js';
import { entityPath } from '../../registry/index.js';
import { setUpSurvey } from './survey.service.js';
import { SURVEY_MEASURES, surveyCode } from './survey.measures.js';

let t: TestApp;
let staff: string;
let cookieA: string;
let cookieB: string;
let userA: string;
const actor = { actorId: null, ip: null, requestId: null };
const A_PAGE = '/samorzady/ankieta/0404011/2025';
const B_PAGE = '/samorzady/ankieta/0404/2025';
const ROUND = 'round-survey-text-2025';
let razemPath: string;

/** A registry entity written straight into the table (modules' tests reach the registry only through its index.ts). */
async function insertEntity(name: string, gmina: string, town: string): Promise<string> {
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
      gmina_teryt: gmina,
      town,
      search_doc: searchDocument(name, town),
      is_synthetic: false,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

const partnerRoles = (teryt: string, level: 'gmina' | 'powiat'): TestRole[] => [
  { role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: `localgov:${teryt}` },
  ...SURVEY_MEASURES.map((m) => ({
    role: 'reporting_partner' as const,
    scopeType: 'indicator_or_territory',
    scopeId: `indicator:${surveyCode(m, level)}`,
  })),
];

before(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-03-10T10:00:00Z') });
  const programmeId = (await insertTestProgramme(t.ctx, { period_from: 2021, period_to: 2030, is_current: true })).id;
  await setUpSurvey(t.ctx, actor);
  const indicators = await t.ctx.db.selectFrom('indicators').select('id').where('programme_id', '=', programmeId).execute();
  await t.ctx.db
    .insertInto('monitoring_rounds')
    .values({
      id: ROUND,
      programme_id: programmeId,
      name: 'Ankieta samorządów 2025',
      period: 2025,
      deadline: '2026-03-31',
      status: 'open',
      created_by: null,
      created_at: '2026-03-01T00:00:00.000Z',
      closed_at: null,
    })
    .execute();
  await t.ctx.db
    .insertInto('monitoring_round_indicators')
    .values(indicators.map((i) => ({ round_id: ROUND, indicator_id: i.id })))
    .execute();
  const razem = await insertEntity('Spółdzielnia Socjalna Razem', '0404011', 'Chełmno');
  razemPath = entityPath({ id: razem, name: 'Spółdzielnia Socjalna Razem' });
  await insertEntity('Centrum Integracji Społecznej', '0404011', 'Chełmno');
  await insertEntity('Centrum Integracji Społecznej', '0463011', 'Toruń');
  ({ cookie: staff } = await loginAs(t, [{ role: 'coordinator' }]));
  ({ cookie: cookieA, userId: userA } = await loginAs(t, partnerRoles('0404011', 'gmina')));
  ({ cookie: cookieB } = await loginAs(t, partnerRoles('0404', 'powiat')));
});
after(async () => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

/** Posts a form (repeated fields as arrays) with a CSRF token taken from `pageUrl` as `cookie`. */
async function post(url: string, pageUrl: string, cookie: string, values: Record<string, string | string[]>) {
  const page = await get(pageUrl, cookie);
  const body = new URLSearchParams({ _csrf: csrfFrom(page.body) });
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

const answers = () => t.ctx.db.selectFrom('localgov_survey_answers').selectAll().execute();
const answerOf = async (teryt: string) => (await answers()).find((a) => a.unit_teryt === teryt)!;

describe('the survey’s text answers', () => {
  it('the round page leads each partner to its own unit’s text questions', async () => {
    const round = await get(`/sprawozdawczosc/${ROUND}`, cookieA);
    assert.equal(round.statusCode, 200);
    assert.ok(round.body.includes(`href="${A_PAGE}"`), 'A is led to its own questions');
    assert.ok(!round.body.includes(B_PAGE));
    const page = await get(A_PAGE, cookieA);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /jeszcze nie udzielono/);
  });

  it('a partner cannot read or submit another unit’s answers; staff do not answer either', async () => {
    assert.equal((await get(B_PAGE, cookieA)).statusCode, 403);
    assert.equal((await get(A_PAGE, cookieB)).statusCode, 403);
    assert.equal((await get(A_PAGE, staff)).statusCode, 403);
    assert.equal((await get(A_PAGE)).statusCode, 302);
    const res = await post(B_PAGE, A_PAGE, cookieA, { other_forms: 'cudze', action: 'submit' });
    assert.equal(res.statusCode, 403);
    assert.equal((await answers()).length, 0);
    assert.equal((await get(B_PAGE, cookieB)).statusCode, 200);
  });

  it('refuses a bad address, a date that is no day and entity names that do not resolve; nothing is saved', async () => {
    const res = await post(A_PAGE, A_PAGE, cookieA, {
      programme_title: 'Program',
      programme_date: '2025-02-30',
      programme_url: 'ftp://bip.example.pl/program',
      founded_entities: 'Nieistniejący Podmiot XYZ\nCentrum Integracji Społecznej\nRazem',
      action: 'submit',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /musi zawierać adres zaczynający się od http:\/\/ albo https:\/\//);
    assert.match(res.body, /musi zawierać datę w formacie RRRR-MM-DD/);
    assert.match(res.body, /W rejestrze nie ma podmiotu o nazwie „Nieistniejący Podmiot XYZ”\. Wpisz/);
    assert.match(res.body, /Centrum Integracji Społecznej \(Chełmno\); Centrum Integracji Społecznej \(Toruń\)/);
    assert.match(res.body, /Czy chodzi o: Spółdzielnia Socjalna Razem \(Chełmno\)\?/);
    assert.ok(res.body.includes('Nieistniejący Podmiot XYZ'), 'the typed text is kept in the form');
    assert.equal((await answers()).length, 0);
    const en = await post(`/en${A_PAGE}`, `/en${A_PAGE}`, cookieA, { founded_entities: 'Nieistniejący Podmiot XYZ' });
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /The registry has no entity named “Nieistniejący Podmiot XYZ”/);
    assert.equal((await answers()).length, 0);
  });

  it('A submits; submitted answers cannot be changed', async () => {
    const res = await post(A_PAGE, A_PAGE, cookieA, {
      programme_title: 'Program współpracy z organizacjami 2025',
      programme_date: '2025-02-14',
      programme_url: 'https://bip.chelmno.example.pl/program-2025',
      clause_kinds: ['reserved', 'employment'],
      other_forms: 'Użyczenie lokalu',
      founded_entities: 'spółdzielnia socjalna razem\nCentrum Integracji Społecznej (Chełmno)',
      action: 'submit',
    });
    assert.equal(res.statusCode, 303, res.body);
    const a = await answerOf('0404011');
    assert.equal(a.status, 'submitted');
    assert.equal(a.clause_kinds, 'reserved,employment');
    assert.equal((JSON.parse(a.founded_entity_ids!) as string[]).length, 2);
    assert.equal(a.submitted_by, userA);
    const again = await post(A_PAGE, A_PAGE, cookieA, { other_forms: 'zmiana', action: 'save' });
    assert.equal(again.statusCode, 409);
    assert.equal((await answerOf('0404011')).other_forms, 'Użyczenie lokalu');
  });

  it('staff return the answers with a message: audited, e-mailed, shown to A, who submits again', async () => {
    const list = await get('/admin/samorzady/ankieta', staff);
    assert.match(list.body, /Odpowiedzi opisowe samorządów/);
    assert.match(list.body, /ankieta \{rok\}/, 'the fill rule is stated');
    const id = (await answerOf('0404011')).id;
    assert.ok(list.body.includes(`/admin/samorzady/ankieta/odpowiedzi/${id}`));
    const review = `/admin/samorzady/ankieta/odpowiedzi/${id}`;
    assert.equal((await get(review, cookieA)).statusCode, 403);
    const empty = await post(`${review}/zwroc`, review, staff, { message: '' });
    assert.equal(empty.statusCode, 400);
    assert.equal((await answerOf('0404011')).status, 'submitted');
    const res = await post(`${review}/zwroc`, review, staff, { message: 'Proszę dopisać uchwałę o programie.' });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal((await answerOf('0404011')).status, 'returned');
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).execute();
    assert.deepEqual(audit.map((r) => r.action).sort(), ['localgov.survey_answer.return', 'localgov.survey_answer.submit']);
    const email = (await t.ctx.db.selectFrom('users').select('email').where('id', '=', userA).executeTakeFirstOrThrow()).email;
    const mail = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'text_body'])
      .where('template', '=', 'localgov_survey_returned')
      .execute();
    assert.deepEqual(
      mail.map((m) => m.to_address),
      [email],
      'the unit’s partner (not B) is told',
    );
    assert.match(mail[0]!.text_body, /Proszę dopisać uchwałę o programie\./);
    assert.ok(mail[0]!.text_body.includes(A_PAGE));
    const page = await get(A_PAGE, cookieA);
    assert.match(page.body, /zwrócone do poprawy/);
    assert.match(page.body, /Proszę dopisać uchwałę o programie\./);
    assert.ok(page.body.includes('spółdzielnia socjalna razem') || page.body.includes('Spółdzielnia Socjalna Razem'));
    const again = await post(A_PAGE, A_PAGE, cookieA, {
      programme_title: 'Program współpracy z organizacjami 2025 (uchwała nr XII/12/2025)',
      programme_date: '2025-02-14',
      programme_url: 'https://bip.chelmno.example.pl/program-2025',
      clause_kinds: ['reserved', 'employment'],
      other_forms: 'Użyczenie lokalu',
      founded_entities: 'Spółdzielnia Socjalna Razem',
      action: 'submit',
    });
    assert.equal(again.statusCode, 303, again.body);
    assert.equal((await answerOf('0404011')).status, 'submitted');
  });

  it('approval fills the record; the public card shows the document, clause kinds and the founded entity', async () => {
    const id = (await answerOf('0404011')).id;
    const review = `/admin/samorzady/ankieta/odpowiedzi/${id}`;
    const page = await get(review, staff);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /zatwierdzenie je utworzy/);
    const res = await post(`${review}/zatwierdz`, review, staff, {});
    assert.equal(res.statusCode, 303, res.body);
    assert.equal((await answerOf('0404011')).status, 'approved');
    const record = await t.ctx.db
      .selectFrom('localgov_cooperation')
      .selectAll()
      .where('unit_teryt', '=', '0404011')
      .executeTakeFirstOrThrow();
    assert.equal(record.source, 'ankieta 2025');
    assert.equal(record.programme, 'yes');
    assert.equal(record.year, 2025);
    const twice = await post(`${review}/zatwierdz`, review, staff, {});
    assert.equal(twice.statusCode, 409);
    const card = await get('/terytorium/0404011');
    assert.equal(card.statusCode, 200);
    assert.ok(card.body.includes('href="https://bip.chelmno.example.pl/program-2025"'));
    assert.match(card.body, /Program współpracy z organizacjami 2025 \(uchwała nr XII\/12\/2025\)/);
    assert.match(card.body, /zamówienie zastrzeżone i klauzula zatrudnieniowa/);
    assert.ok(card.body.includes(`<a href="${razemPath}">Spółdzielnia Socjalna Razem</a>`), 'the founded entity links to its page');
    assert.match(card.body, /ankieta 2025/);
    // staff's form names the founded entity, and saving it unchanged keeps it
    const edit = await get(`/admin/samorzady/${record.id}`, staff);
    assert.match(edit.body, /<textarea[^>]*name="founded_entities"[^>]*>Spółdzielnia Socjalna Razem<\/textarea>/);
    // the partner's page is now read-only
    const mine = await get(A_PAGE, cookieA);
    assert.match(mine.body, /zatwierdzone/);
    assert.doesNotMatch(mine.body, /name="programme_title"/);
  });

  it('approval does not overwrite a field staff entered from another source, only fills the empty ones', async () => {
    const staffRecord = await post('/admin/samorzady/nowy', '/admin/samorzady/nowy', staff, {
      unit: 'powiat chełmiński',
      year: '2025',
      other_forms: 'Wspólne targi ekonomii społecznej (z BIP)',
      source: 'BIP powiatu',
    });
    assert.equal(staffRecord.statusCode, 303, staffRecord.body);
    const res = await post(B_PAGE, B_PAGE, cookieB, {
      programme_title: 'Strategia rozwiązywania problemów społecznych',
      clause_kinds: 'other',
      other_forms: 'Inny opis z ankiety',
      action: 'submit',
    });
    assert.equal(res.statusCode, 303, res.body);
    const id = (await answerOf('0404')).id;
    const review = `/admin/samorzady/ankieta/odpowiedzi/${id}`;
    const page = await get(review, staff);
    assert.match(page.body, /zostaną bez zmian pola wpisane z innego źródła: inne formy współpracy/);
    assert.equal((await post(`${review}/zatwierdz`, review, staff, {})).statusCode, 303);
    const record = await t.ctx.db.selectFrom('localgov_cooperation').selectAll().where('unit_teryt', '=', '0404').executeTakeFirstOrThrow();
    assert.equal(record.other_forms, 'Wspólne targi ekonomii społecznej (z BIP)', 'staff’s value stands');
    assert.equal(record.programme_title, 'Strategia rozwiązywania problemów społecznych', 'the empty field is filled');
    assert.equal(record.clause_kinds, 'other');
    assert.equal(record.source, 'BIP powiatu; ankieta 2025');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('subject_id', '=', record.id)
      .where('action', '=', 'localgov.cooperation.update')
      .execute();
    assert.equal(audit.length, 1);
    assert.doesNotMatch(String(audit[0]!.changes), /other_forms/);
  });

  it('without an open round nothing can be saved', async () => {
    const res = await post('/samorzady/ankieta/0404011/2024', '/samorzady/ankieta/0404011/2024', cookieA, {
      other_forms: 'x',
      action: 'save',
    });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Nie trwa runda ankiety samorządów za ten rok/);
    assert.equal((await answers()).filter((a) => a.year === 2024).length, 0);
  });
});
