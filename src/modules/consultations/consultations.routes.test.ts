// The whole procedure through HTTP on SQLite and PostgreSQL, with a controlled clock: create,
// announce, open, comment (refusals without consent, after the end, over the rate limits, bots),
// confirm through the e-mailed link, withdraw, expiry of unconfirmed comments, close, respond
// (grouped), hide, publish (authors notified), the report and its CSV/PDF/DOCX, the API, the next
// version with the comparison, erasure on request and after the retention period.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import mammoth from 'mammoth';
import { pdfToText } from '../../core/export/export.testing.js';
import { runDueJobs } from '../../core/jobs.js';
import { createTestApp, csrfFrom, form, loginAs, cookieHeader, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { enqueueMail } from '../mail/index.js';
import { makeConsultation } from './consultations.testing.js';
import { consultationMailAbout } from './consultations.service.js';
import { consultationJobs } from './index.js';

const HOUR = 3600_000;
const clock = new ManualClock('2027-03-01T10:00:00Z');

let t: TestApp;
const staff = new Map<string, string>();
/** A fresh session of a staff member at the clock's current time (the staff idle limit is short). */
const sessionOf = (role: string) => sessionFor(t, staff.get(role)!);
let id: string;
let otherId = '';
let ipCounter = 0;
const nextIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

before(async () => {
  t = await createTestApp({ clock, reference: false });
  for (const role of ['coordinator', 'moderator', 'editor']) staff.set(role, (await loginAs(t, [{ role }])).userId);
  otherId = await makeConsultation(t.ctx, { startsIn: -1, endsIn: 24 * 365 * 5, title: 'Inne konsultacje' });
});
after(async () => t.close());

/** A page and its CSRF token with the session cookie it set (anonymous visitors get one on first form). */
async function formSession(url: string, cookie = '', remoteAddress = '127.0.0.1') {
  const res = await t.app.inject({ url, headers: cookie ? { cookie } : {}, remoteAddress });
  assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
  return { csrf: csrfFrom(res.body), cookie: cookieHeader(res, cookie), html: res.body };
}

async function post(url: string, values: Record<string, string>, cookie = '', remoteAddress = '127.0.0.1', formUrl?: string) {
  const s = await formSession(formUrl ?? url, cookie, remoteAddress);
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress,
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: s.csrf, ...values }),
  });
}

const comment = (sectionId: string, extra: Record<string, string> = {}) => ({
  section: sectionId,
  justification: 'Proszę doprecyzować grupę docelową.',
  proposed_change: 'osób zagrożonych wykluczeniem',
  author_kind: 'person',
  first_name: 'Anna',
  last_name: 'Nowak',
  email: 'anna.nowak@example.pl',
  consent: '1',
  ...extra,
});

const submit = (values: Record<string, string>, ip = nextIp()) =>
  post(`/konsultacje/${id}/uwaga`, values, '', ip, `/konsultacje/${id}/uwaga`);

async function lastLink(to: string): Promise<string> {
  const m = await t.ctx.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', to)
    .where('template', '=', 'consultation_confirm')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const link = /https?:\/\/\S+\/konsultacje\/potwierdzenie\/[A-Za-z0-9_-]+/.exec(m.text_body);
  assert.ok(link, 'the e-mail carries the link');
  return new URL(link[0]).pathname;
}

async function confirmVia(path: string): Promise<void> {
  const res = await post(`${path}/potwierdz`, {}, '', nextIp(), path);
  assert.equal(res.statusCode, 303);
}

const comments = () =>
  t.ctx.db.selectFrom('consultation_comments').selectAll().where('consultation_id', '=', id).orderBy('created_at').orderBy('id').execute();
let sections: { id: string; number: string }[] = [];

test('a coordinator creates a consultation from entered text; it is announced, comments refused before the start', async () => {
  const bad = await post(
    '/admin/konsultacje/nowa',
    {
      title: '',
      description: 'x',
      who_may_comment: 'everyone',
      starts_at: '2027-03-02T09:00',
      ends_at: '2027-03-01T09:00',
      source: 'text',
      text: '',
      clause: '',
    },
    await sessionOf('coordinator'),
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /data-error-summary/);
  assert.match(bad.body, /Zakończenie musi być później niż rozpoczęcie/);
  assert.equal((await t.ctx.db.selectFrom('consultations').selectAll().where('id', '!=', otherId).execute()).length, 0, 'nothing saved');

  const res = await post(
    '/admin/konsultacje/nowa',
    {
      title: 'Konsultacje projektu programu',
      description: 'Zapraszamy do zgłaszania uwag.',
      who_may_comment: 'everyone',
      starts_at: '2027-03-02T09:00',
      ends_at: '2027-03-10T16:00',
      source: 'text',
      text: '# 1. Diagnoza\nW regionie działa 120 podmiotów.\n\n# 2. Cele\nCelem jest wzrost zatrudnienia.',
      clause: 'Administratorem danych jest ROPS w Toruniu.',
      is_published: '1',
    },
    await sessionOf('coordinator'),
  );
  assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
  id = /\/admin\/konsultacje\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
  const c = await t.ctx.db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(c.starts_at, '2027-03-02T08:00:00.000Z', 'Warsaw winter time is UTC+1');
  assert.equal(c.ends_at, '2027-03-10T15:00:00.000Z');
  sections = await t.ctx.db
    .selectFrom('consultation_sections')
    .select(['id', 'number'])
    .where('consultation_id', '=', id)
    .orderBy('position')
    .execute();
  assert.deepEqual(
    sections.map((s) => s.number),
    ['1', '2'],
  );
  const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).execute();
  assert.ok(audit.some((a) => a.action === 'consultation.create'));

  const list = await t.app.inject({ url: '/konsultacje' });
  assert.match(list.body, /Konsultacje projektu programu/);
  assert.match(list.body, /zapowiedziane/);
  const page = await t.app.inject({ url: `/konsultacje/${id}` });
  assert.doesNotMatch(page.body, /Zgłoś uwagę<span/);
  // a visitor with a valid form session (taken from another consultation's form) is still refused
  const early = await post(`/konsultacje/${id}/uwaga`, comment(sections[0]!.id), '', nextIp(), `/konsultacje/${otherId}/uwaga`);
  assert.equal(early.statusCode, 409);
  assert.match(early.body, /nie przyjmuje już uwag|tylko w czasie trwania/);
});

test('while open: the text with numbering and a comment link per section; the form pre-fills the section', async () => {
  clock.set('2027-03-03T10:00:00Z');
  const page = await t.app.inject({ url: `/konsultacje/${id}` });
  assert.match(page.body, /trwa zbieranie uwag/);
  assert.match(page.body, /1 Diagnoza/);
  for (const s of sections) assert.ok(page.body.includes(`/konsultacje/${id}/uwaga?sekcja=${s.id}`));
  assert.ok(page.body.includes(`/konsultacje/${id}/uwaga?sekcja=general`));
  const f = await t.app.inject({ url: `/konsultacje/${id}/uwaga?sekcja=${sections[1]!.id}` });
  assert.match(f.body, new RegExp(`<option value="${sections[1]!.id}" selected`));
  assert.match(f.body, /Klauzula informacyjna o przetwarzaniu danych osobowych \(wersja 1\)/);
  assert.match(f.body, /name="website"/);
});

test('refusals: without consent, with missing fields; a bot filling the honeypot is told "sent" and nothing is stored', async () => {
  const noConsent = await submit(comment(sections[0]!.id, { consent: '' }));
  assert.equal(noConsent.statusCode, 400);
  assert.match(noConsent.body, /Zaznacz pole/);
  const missing = await submit(comment(sections[0]!.id, { justification: '', first_name: '' }));
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Pole „Treść uwagi i uzasadnienie” jest wymagane/);
  assert.match(missing.body, /Pole „Imię” jest wymagane/);
  const bot = await submit(comment(sections[0]!.id, { website: 'http://spam.example' }));
  assert.equal(bot.statusCode, 303);
  assert.equal((await comments()).length, 0);
  assert.equal((await t.ctx.db.selectFrom('mail_outbox').selectAll().execute()).length, 0);
});

let tokenPathA = '';

test('a comment is stored unconfirmed, the e-mail carries the link and names only the consultation; confirming makes it count', async () => {
  const res = await submit(comment(sections[1]!.id));
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/konsultacje/${id}/uwaga/wyslano`);
  const [row] = await comments();
  assert.equal(row!.status, 'unconfirmed');
  const clause = await t.ctx.db.selectFrom('consultation_clauses').selectAll().where('id', '=', row!.clause_id).executeTakeFirstOrThrow();
  assert.equal(clause.version, 1, 'the comment records the clause version accepted');
  const mail = await t.ctx.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', 'anna.nowak@example.pl')
    .executeTakeFirstOrThrow();
  // the form takes any address: the e-mail must not carry the typed words (nor the typed name) to it
  assert.match(mail.text_body, /Konsultacje projektu programu/);
  for (const typed of ['Proszę doprecyzować', 'osób zagrożonych', 'Anna', 'Nowak']) {
    assert.ok(
      !mail.text_body.includes(typed) && !mail.html_body.includes(typed) && !mail.subject.includes(typed),
      `the e-mail does not quote "${typed}"`,
    );
  }
  tokenPathA = await lastLink('anna.nowak@example.pl');

  const admin = await t.app.inject({ url: `/admin/konsultacje/${id}/uwagi`, headers: { cookie: await sessionOf('coordinator') } });
  assert.match(admin.body, /Brak potwierdzonych uwag/, 'unconfirmed comments do not count');

  const page = await t.app.inject({ url: tokenPathA });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /niepotwierdzona/);
  assert.equal(page.headers['referrer-policy'], 'no-referrer');
  await confirmVia(tokenPathA);
  const [confirmed] = await comments();
  assert.equal(confirmed!.status, 'confirmed');
  assert.ok(confirmed!.author_ref);
  const after = await t.app.inject({ url: `${tokenPathA}?ok=potwierdzono` });
  assert.match(after.body, /uwaga została potwierdzona/);
  assert.match(after.body, /Poproś o usunięcie moich danych/);
});

test('a form sent again (its answer lost) is recognised by its one-time value: one comment, one e-mail; a new form is a new comment', async () => {
  const page = await t.app.inject({ url: `/konsultacje/${id}/uwaga`, remoteAddress: nextIp() });
  assert.equal(page.headers['cache-control'], 'no-store', 'the one-time value is never cached for someone else');
  const key = /name="submission_key" value="([A-Za-z0-9_-]{22,})"/.exec(page.body)?.[1];
  assert.ok(key, 'the form carries a one-time value');
  const values = comment(sections[0]!.id, { email: 'powtorka@example.pl', justification: 'Uwaga wysłana dwa razy.', submission_key: key });
  const before = (await comments()).length;
  const first = await submit(values);
  const again = await submit(values);
  // and twice at the same moment (a double click), on top
  const [x, y] = await Promise.all([submit(values), submit(values)]);
  for (const res of [first, again, x, y]) {
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/konsultacje/${id}/uwaga/wyslano`, 'the same answer as the first time');
  }
  const stored = (await comments()).filter((c) => c.email === 'powtorka@example.pl');
  assert.equal(stored.length, 1, 'stored once');
  assert.equal(stored[0]!.submission_key, key);
  assert.equal((await comments()).length, before + 1);
  const mails = await t.ctx.db.selectFrom('mail_outbox').select('id').where('to_address', '=', 'powtorka@example.pl').execute();
  assert.equal(mails.length, 1, 'one confirmation e-mail');
  // another form (another value) of the same person is another comment; so is a form without the value
  const other = /name="submission_key" value="([^"]+)"/.exec(
    (await t.app.inject({ url: `/konsultacje/${id}/uwaga`, remoteAddress: nextIp() })).body,
  )![1]!;
  assert.notEqual(other, key);
  assert.equal((await submit({ ...values, submission_key: other })).statusCode, 303);
  assert.equal((await submit({ ...values, submission_key: '' })).statusCode, 303);
  assert.equal((await comments()).filter((c) => c.email === 'powtorka@example.pl').length, 3);
  await t.ctx.db.deleteFrom('consultation_comments').where('email', '=', 'powtorka@example.pl').execute();
});

test('an organisation comments generally with an XSS payload; a second comment of the same address has the same author', async () => {
  const xss = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const res = await submit({
    section: 'general',
    justification: `Uwaga ${xss}`,
    author_kind: 'organisation',
    organisation: `Fundacja ${xss}`,
    acting_person: 'Jan Kowalski',
    email: 'biuro@fundacja.example.pl',
    consent: '1',
  });
  assert.equal(res.statusCode, 303);
  await confirmVia(await lastLink('biuro@fundacja.example.pl'));
  const res2 = await submit(comment(sections[0]!.id, { justification: 'Druga uwaga tej samej osoby.' }));
  assert.equal(res2.statusCode, 303);
  await confirmVia(await lastLink('anna.nowak@example.pl'));
  const rows = (await comments()).filter((c) => c.status === 'confirmed');
  assert.equal(rows.length, 3);
  assert.equal(rows[0]!.author_ref, rows[2]!.author_ref);
  assert.notEqual(rows[0]!.author_ref, rows[1]!.author_ref);
});

test('an unconfirmed comment can be withdrawn through its link; another one expires after 72 h and the job removes it', async () => {
  await submit(comment(sections[0]!.id, { email: 'wycofam@example.pl' }));
  const path = await lastLink('wycofam@example.pl');
  const res = await post(`${path}/wycofaj`, {}, '', nextIp(), path);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Uwaga została wycofana/);
  assert.equal((await comments()).filter((c) => c.email === 'wycofam@example.pl').length, 0);
  assert.equal((await t.app.inject({ url: path })).statusCode, 400, 'the link is spent');

  await submit(comment(sections[0]!.id, { email: 'zapomne@example.pl' }));
  const late = await lastLink('zapomne@example.pl');
  clock.advance(73 * HOUR);
  assert.equal((await t.app.inject({ url: late })).statusCode, 400, 'an expired link is refused');
  const out = await runDueJobs(t.ctx, consultationJobs, { force: true });
  assert.match(out.find((o) => o.name === 'consultations.remove-unconfirmed')!.result!, /^1 unconfirmed/);
  assert.equal((await comments()).filter((c) => c.email === 'zapomne@example.pl').length, 0);
  assert.equal((await comments()).length, 3);
});

test('rate limits: per e-mail address across IPs, and per IP', async () => {
  for (let i = 0; i < 10; i++) assert.equal((await submit(comment(sections[0]!.id, { email: 'dużo@example.pl' }))).statusCode, 303);
  const over = await submit(comment(sections[0]!.id, { email: 'dużo@example.pl' }));
  assert.equal(over.statusCode, 429);
  assert.match(over.body, /Zbyt wiele uwag/);
  const ip = nextIp();
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) statuses.push((await submit(comment(sections[0]!.id, { email: `ip${i}@example.pl` }), ip)).statusCode);
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(303));
  assert.equal(statuses[10], 429);
  // the flood stays unconfirmed and never counts; it goes when the links expire
  clock.advance(73 * HOUR);
  await runDueJobs(t.ctx, consultationJobs, { force: true });
  assert.equal((await comments()).length, 3);
});

test('after the end the form disappears and a POST is refused with a message', async () => {
  clock.set('2027-03-10T15:00:00Z');
  const page = await t.app.inject({ url: `/konsultacje/${id}` });
  assert.match(page.body, /zakończone — analiza uwag/);
  assert.ok(!page.body.includes(`/konsultacje/${id}/uwaga?sekcja=`));
  const f = await t.app.inject({ url: `/konsultacje/${id}/uwaga` });
  assert.doesNotMatch(f.body, /<form method="post" action="\/konsultacje\/[^"]+\/uwaga"/);
  assert.match(f.body, /formularz jest niedostępny/);
  const res = await post(
    `/konsultacje/${id}/uwaga`,
    comment(sections[0]!.id, { email: 'spozniony@example.pl' }),
    '',
    nextIp(),
    `/konsultacje/${otherId}/uwaga`,
  );
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /nie przyjmuje już uwag/);
  assert.equal((await comments()).length, 3);
});

test('responses: the "lacking a response" filter, a grouped response, publishing refused until every comment is answered', async () => {
  const rows = (await comments()).filter((c) => c.status === 'confirmed');
  const early = await post(`/admin/konsultacje/${id}/raport`, {}, await sessionOf('coordinator'), '127.0.0.1', `/admin/konsultacje/${id}`);
  assert.equal(early.statusCode, 409);
  assert.match(early.body, /Każda uwaga musi mieć odpowiedź/);
  const lacking = await t.app.inject({ url: `/admin/konsultacje/${id}/uwagi?brak=1`, headers: { cookie: await sessionOf('coordinator') } });
  assert.match(lacking.body, /3 uwagi bez odpowiedzi/);

  const base = `/admin/konsultacje/${id}/uwagi/${rows[0]!.id}`;
  const s = await formSession(base, await sessionOf('coordinator'));
  const payload = `${form({ _csrf: s.csrf, kind: 'accepted', justification: 'Uwzględniono w celu 2.' })}&also=${rows[2]!.id}`;
  const res = await t.app.inject({
    method: 'POST',
    url: `${base}/odpowiedz`,
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload,
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  const after = await comments();
  assert.equal(
    after.find((c) => c.id === rows[0]!.id)!.response_id,
    after.find((c) => c.id === rows[2]!.id)!.response_id,
    'one response for the group',
  );
  assert.ok(after.find((c) => c.id === rows[0]!.id)!.response_id, 'the group has a response');
  const invalid = await post(
    `/admin/konsultacje/${id}/uwagi/${rows[1]!.id}/odpowiedz`,
    { kind: '', justification: '' },
    await sessionOf('coordinator'),
    '127.0.0.1',
    `/admin/konsultacje/${id}/uwagi/${rows[1]!.id}`,
  );
  assert.equal(invalid.statusCode, 400);
  const ok = await post(
    `/admin/konsultacje/${id}/uwagi/${rows[1]!.id}/odpowiedz`,
    { kind: 'not_accepted', justification: 'Poza zakresem programu.' },
    await sessionOf('coordinator'),
    '127.0.0.1',
    `/admin/konsultacje/${id}/uwagi/${rows[1]!.id}`,
  );
  assert.equal(ok.statusCode, 303);
  const none = await t.app.inject({ url: `/admin/konsultacje/${id}/uwagi?brak=1`, headers: { cookie: await sessionOf('coordinator') } });
  assert.match(none.body, /Wszystkie uwagi mają odpowiedź/);
});

test('moderators hide an abusive comment with a reason (logged) but may not respond or manage', async () => {
  const rows = (await comments()).filter((c) => c.status === 'confirmed');
  const url = `/admin/konsultacje/${id}/uwagi/${rows[1]!.id}`;
  const page = await t.app.inject({ url, headers: { cookie: await sessionOf('moderator') } });
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /biuro@fundacja/, 'moderators do not see e-mail addresses');
  const res = await post(`${url}/ukryj`, { reason: 'treści obraźliwe' }, await sessionOf('moderator'), '127.0.0.1', url);
  assert.equal(res.statusCode, 303);
  const log = await t.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'consultation.comment_hide')
    .executeTakeFirstOrThrow();
  assert.match(log.meta!, /treści obraźliwe/);
  const refused = await post(`${url}/odpowiedz`, { kind: 'accepted', justification: 'x' }, await sessionOf('moderator'), '127.0.0.1', url);
  assert.equal(refused.statusCode, 403);
  assert.equal((await t.app.inject({ url: '/admin/konsultacje/nowa', headers: { cookie: await sessionOf('moderator') } })).statusCode, 403);
  assert.equal((await t.app.inject({ url: '/admin/konsultacje', headers: { cookie: await sessionOf('editor') } })).statusCode, 403);
  assert.equal((await t.app.inject({ url: '/admin/konsultacje' })).statusCode, 302);
});

test('publishing the report: public report with the right numbers, authors notified, exports in CSV, PDF and DOCX', async () => {
  assert.equal((await t.app.inject({ url: `/konsultacje/${id}/raport` })).statusCode, 404, 'no report before publication');
  const res = await post(`/admin/konsultacje/${id}/raport`, {}, await sessionOf('coordinator'), '127.0.0.1', `/admin/konsultacje/${id}`);
  assert.equal(res.statusCode, 303);
  const mails = await t.ctx.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'text_body'])
    .where('template', '=', 'consultation_report')
    .execute();
  assert.deepEqual(mails.map((m) => m.to_address).sort(), ['anna.nowak@example.pl', 'biuro@fundacja.example.pl']);
  assert.ok(mails.every((m) => m.text_body.includes(`/konsultacje/${id}/raport`)));

  const page = await t.app.inject({ url: `/konsultacje/${id}/raport` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Zgłoszono 3 uwagi/);
  assert.match(page.body, /Uwagi zgłosiło 2 autorów/);
  assert.match(page.body, /osoby prywatne — 1 \(uwagi: 2\), organizacje — 1 \(uwagi: 1\)/);
  assert.match(page.body, /uwzględniona: 2/);
  assert.match(page.body, /nieuwzględniona: 1/);
  assert.match(page.body, /osoba prywatna/);
  assert.match(page.body, /ukryta przez moderatora: treści obraźliwe/);
  assert.match(page.body, /odpowiedź wspólna z uwagą nr 1/);
  assert.doesNotMatch(page.body, /Anna|Nowak|@example/);
  assert.doesNotMatch(page.body, /<script>alert|<img src=x/);
  assert.match(
    page.body,
    /Fundacja &lt;script>alert\(1\)&lt;\/script>&lt;img src=x onerror=alert\(2\)>/,
    'XSS in the organisation name is shown as text',
  );

  const csv = await t.app.inject({ url: `/konsultacje/${id}/raport.csv` });
  assert.deepEqual([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(
    lines[0],
    'Lp.;Część dokumentu;Autor;Treść uwagi;Proposed change'.replace('Proposed change', 'Proponowana zmiana') +
      ';Odpowiedź;Uzasadnienie odpowiedzi',
  );
  assert.match(
    lines[1]!,
    /^1;2 Cele;osoba prywatna;Proszę doprecyzować grupę docelową\.;osób zagrożonych wykluczeniem;uwzględniona;Uwzględniono w celu 2\.$/,
  );
  assert.match(lines[2]!, /^2;Uwaga ogólna do całego dokumentu;Fundacja <script>/);
  assert.match(lines[2]!, /ukryta przez moderatora: treści obraźliwe/);

  const pdf = await t.app.inject({ url: `/konsultacje/${id}/raport.pdf` });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const text = pdfToText(pdf.rawPayload).replace(/\s+/g, ' ');
  assert.match(text, /Raport z konsultacji: Konsultacje projektu programu/);
  assert.match(text, /Zgłoszono 3 uwagi/);
  assert.match(text, /osoba prywatna/);
  assert.match(text, /ukryta przez moderatora/);
  assert.doesNotMatch(text, /anna\.nowak/);
  assert.match(pdf.rawPayload.toString('latin1'), /\/StructTreeRoot/, 'the PDF is tagged');
  const docx = await t.app.inject({ url: `/konsultacje/${id}/raport.docx` });
  assert.equal(docx.statusCode, 200);
  const raw = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
  assert.match(raw, /Raport z konsultacji: Konsultacje projektu programu/);
  assert.match(raw, /Uwzględniono w celu 2\./);
  assert.match(raw, /osoba prywatna/);
  assert.match(raw, /Fundacja <script>alert\(1\)<\/script>/);

  // responses are frozen once the report is out
  const rows = (await comments()).filter((c) => c.status === 'confirmed');
  const frozen = await post(
    `/admin/konsultacje/${id}/uwagi/${rows[1]!.id}/odpowiedz`,
    { kind: 'accepted', justification: 'x' },
    await sessionOf('coordinator'),
    '127.0.0.1',
    `/admin/konsultacje/${id}/uwagi/${rows[1]!.id}`,
  );
  assert.equal(frozen.statusCode, 409);
});

test('API: list and detail in OpenAPI, comments after publication, never e-mails or private names', async () => {
  const list = await t.app.inject({ url: '/api/v1/konsultacje' });
  assert.equal(list.statusCode, 200);
  const items = (list.json() as { items: { id: string; phase: string }[] }).items;
  assert.deepEqual(
    items.map((i) => [i.id, i.phase]).sort(),
    [
      [id, 'report'],
      [otherId, 'open'],
    ].sort(),
  );
  const detail = await t.app.inject({ url: `/api/v1/konsultacje/${id}` });
  const body = detail.json() as { sections: unknown[]; comments: { author: string; comment: string; response: string }[] };
  assert.equal(body.sections.length, 2);
  assert.equal(body.comments.length, 3);
  assert.equal(body.comments[0]!.author, 'osoba prywatna');
  assert.equal(body.comments[0]!.response, 'accepted');
  assert.doesNotMatch(detail.body, /@|Anna|Nowak|Kowalski/);
  const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
  assert.ok(spec.paths['/api/v1/konsultacje']);
  assert.ok(spec.paths['/api/v1/konsultacje/{id}']);
  assert.equal(
    (await t.app.inject({ url: '/api/v1/konsultacje/00000000-0000-7000-8000-000000000000' })).headers['content-type'],
    'application/problem+json; charset=utf-8',
  );
});

test('the next version and the comparison: word-level <ins>/<del> with words, changed sections link their comments', async () => {
  assert.equal((await t.app.inject({ url: `/konsultacje/${id}/zmiany` })).statusCode, 404);
  const res = await post(
    `/admin/konsultacje/${id}/nowa-wersja`,
    { source: 'text', text: '# 1. Diagnoza\nW regionie działa 120 podmiotów.\n\n# 2. Cele\nCelem jest trwały wzrost zatrudnienia.' },
    await sessionOf('coordinator'),
    '127.0.0.1',
    `/admin/konsultacje/${id}/nowa-wersja`,
  );
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  const page = await t.app.inject({ url: `/konsultacje/${id}/zmiany` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Zmienione części: 1 z 2/);
  assert.match(page.body, /<ins><span class="visually-hidden">[^<]+<\/span>trwały <span/);
  assert.ok(page.body.includes(`/konsultacje/${id}/raport#uwaga-1`), 'the accepted comment on section 2 is linked');
  assert.match(page.body, /<strong> — uwzględniona<\/strong>/);
});

const outbox = () => t.ctx.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();

test('erasure on request: the author asks through the link, the coordinator erases (logged)', async () => {
  // what the outbox holds for her: confirmations and the report notice, one of them already delivered
  const about = consultationMailAbout(id);
  const hers = (await outbox()).filter((m) => m.to_address === 'anna.nowak@example.pl' && m.about === about);
  assert.deepEqual([...new Set(hers.map((m) => m.template))].sort(), ['consultation_confirm', 'consultation_report']);
  const delivered = hers.find((m) => m.template === 'consultation_report')!;
  await t.ctx.db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: clock.now().toISOString() })
    .where('id', '=', delivered.id)
    .execute();
  const elsewhere = await enqueueMail(
    t.ctx.db,
    {
      to: 'anna.nowak@example.pl',
      lang: 'pl',
      template: 'consultation_report',
      params: { consultation: 'Inne konsultacje', link: 'https://spojnia.example.pl/konsultacje/inne/raport' },
      about: consultationMailAbout(otherId),
    },
    clock,
  );
  const others = (await outbox()).filter((m) => m.to_address !== 'anna.nowak@example.pl' || m.id === elsewhere);
  assert.ok(others.some((m) => m.to_address === 'biuro@fundacja.example.pl' && m.about === about));

  const res = await post(`${tokenPathA}/usuniecie`, {}, '', nextIp(), tokenPathA);
  assert.equal(res.statusCode, 303);
  const rows = (await comments()).filter((c) => c.email_norm === 'anna.nowak@example.pl');
  assert.ok(rows[0]!.erasure_requested_at);
  const list = await t.app.inject({ url: '/admin/konsultacje', headers: { cookie: await sessionOf('coordinator') } });
  assert.match(list.body, /prosi o usunięcie danych/);
  const url = `/admin/konsultacje/${id}/uwagi/${rows[0]!.id}`;
  const erase = await post(`${url}/usun-dane`, {}, await sessionOf('coordinator'), '127.0.0.1', url);
  assert.equal(erase.statusCode, 303);
  const after = await comments();
  assert.equal(after.filter((c) => c.is_erased).length, 2, 'both comments of that address');
  assert.ok(after.filter((c) => c.is_erased).every((c) => c.email === null && c.first_name === null && c.last_name === null));
  const log = await t.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'consultation.author_erased')
    .executeTakeFirstOrThrow();
  assert.equal((await t.app.inject({ url: tokenPathA })).statusCode, 400, 'the link dies with the data');

  // the outbox: her unsent mail about this consultation is withdrawn, the delivered one keeps no address
  const left = await outbox();
  assert.deepEqual(JSON.parse(log.meta ?? '{}'), {
    consultation: id,
    comments: 2,
    requested_at: rows[0]!.erasure_requested_at,
    mail_withdrawn: hers.length - 1,
    mail_redacted: 1,
  });
  const kept = left.find((m) => m.id === delivered.id)!;
  assert.ok(kept.erased_at && kept.status === 'sent' && kept.to_address === '' && kept.text_body === '');
  assert.deepEqual(
    left.filter((m) => m.id !== delivered.id),
    others,
    'other people and her mail about another consultation are untouched',
  );
  const attempts = await t.ctx.db.selectFrom('mail_attempts').selectAll().execute();
  assert.doesNotMatch(JSON.stringify([...left.filter((m) => m.id !== elsewhere), ...attempts]), /anna|nowak/i);
});

test('retention: the daily job erases e-mails and private names the set months after the report, logs it; the report keeps working', async () => {
  const settings = await post('/admin/konsultacje/ustawienia', { months: '6' }, await sessionOf('coordinator'));
  assert.equal(settings.statusCode, 303);
  const badSetting = await post('/admin/konsultacje/ustawienia', { months: '0' }, await sessionOf('coordinator'));
  assert.equal(badSetting.statusCode, 400);
  clock.advance(24 * HOUR * 150);
  await runDueJobs(t.ctx, consultationJobs, { force: true });
  assert.ok(
    (await comments()).some((c) => c.email === 'biuro@fundacja.example.pl'),
    'not yet',
  );
  clock.advance(24 * HOUR * 40);
  const out = await runDueJobs(t.ctx, consultationJobs, { force: true });
  assert.match(out.find((o) => o.name === 'consultations.retention')!.result!, /^1 consultation, 1 comment erased/);
  const rows = await comments();
  assert.ok(
    rows.every(
      (c) => c.email === null && c.email_norm === null && c.first_name === null && c.last_name === null && c.acting_person === null,
    ),
  );
  assert.equal(
    rows.find((c) => c.author_kind === 'organisation')!.organisation_name!.startsWith('Fundacja'),
    true,
    'organisations keep their name',
  );
  const log = await t.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'consultation.retention_erase')
    .executeTakeFirstOrThrow();
  assert.equal(log.subject_id, id);
  // the outbox keeps nothing addressed to the consultation's authors either
  const mail = (await outbox()).filter((m) => m.about === consultationMailAbout(id));
  assert.ok(
    mail.every((m) => m.status === 'sent' && m.erased_at !== null && m.to_address === ''),
    JSON.stringify(mail),
  );
  assert.ok((JSON.parse(log.meta ?? '{}') as { mail_withdrawn: number }).mail_withdrawn >= 1, "the organisation's waiting report notice");
  const report = await t.app.inject({ url: `/konsultacje/${id}/raport` });
  assert.equal(report.statusCode, 200);
  assert.match(report.body, /Zgłoszono 3 uwagi/);
  assert.match(report.body, /Uwagi zgłosiło 2 autorów/);
  assert.match(report.body, /osoba prywatna/);
});
