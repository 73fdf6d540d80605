// Self-service of entities through HTTP on both databases: the "To mój podmiot" request (document
// type by content, size limit, honeypot, CSRF, consent), staff approval and rejection (role granted
// to an existing account or through an invitation, e-mails in the outbox, audit, refusals that
// change nothing), representatives' direct edits with history, proposals accepted or rejected by
// staff, and the scope rule: a representative of X never reads or writes Y.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { newId } from '../../../core/db/ids.js';
import { polishSortKey } from '../../../core/db/collation.js';
import { addDays, warsawToday } from '../../../core/time/index.js';
import { cookieHeader, createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../../testing/app.js';
import { CLAIM_MAX_BYTES, checkClaimForm, detectClaimDocumentType } from './claims.service.js';
import { checkEmploymentForm } from '../entity/record.service.js';
import { multipart } from '../../../testing/multipart.js';
import { assertHeadMatchesGet } from '../../../testing/downloads.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
  Buffer.alloc(64),
  Buffer.from([0xff, 0xd9]),
]);
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]),
  Buffer.alloc(0x3c - 10),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(0x40),
  Buffer.from('PE\0\0'),
  Buffer.alloc(64),
]);

describe('claim form rules (no HTTP)', () => {
  const base = { name: 'Anna Nowak', email: 'anna@example.pl', role: 'prezes zarządu', consent: '1' };
  const up = (data: Buffer, filename: string, truncated = false) => ({ filename, data, truncated });

  test('documents are recognised by their bytes: PDF, PNG, JPEG accepted; a renamed .exe or text refused', async () => {
    assert.equal((await detectClaimDocumentType(PDF))?.ext, 'pdf');
    assert.equal((await detectClaimDocumentType(PNG))?.ext, 'png');
    assert.equal((await detectClaimDocumentType(JPEG))?.ext, 'jpg');
    assert.equal(await detectClaimDocumentType(EXE), null);
    assert.equal(await detectClaimDocumentType(Buffer.from('To jest zwykły tekst, nie PDF.\n')), null);
    assert.equal(await detectClaimDocumentType(Buffer.alloc(0)), null);
    const exe = await checkClaimForm(base, up(EXE, 'odpis-krs.pdf')).catch(
      (e: { problems: { field: string; key: string }[] }) => e.problems,
    );
    assert.deepEqual(exe, [{ field: 'document', label: 'claims.form.document', key: 'claims.invalid.fileType', params: {} }]);
    const txt = await checkClaimForm(base, up(Buffer.from('tekst'), 'skan.png')).catch((e: { problems: { key: string }[] }) =>
      e.problems.map((p) => p.key),
    );
    assert.deepEqual(txt, ['claims.invalid.fileType']);
  });

  test('a document may replace the justification; its name gets the real extension', async () => {
    const ok = await checkClaimForm(base, up(PDF, 'C:\\skany\\Odpis KRS.png'));
    assert.equal(ok.document?.fileName, 'Odpis KRS.pdf');
    assert.equal(ok.document?.contentType, 'application/pdf');
    assert.equal(ok.justification, null);
  });

  test('size limit, consent and "justification or document" are enforced together', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(CLAIM_MAX_BYTES + 1 - PDF.length)]);
    const problems = await checkClaimForm({ ...base, consent: '' }, up(big, 'duzy.pdf')).catch(
      (e: { problems: { field: string; key: string }[] }) => e.problems.map((p) => `${p.field}:${p.key}`),
    );
    assert.deepEqual(problems, ['document:claims.invalid.fileTooLarge', 'consent:claims.invalid.consent']);
    const truncated = await checkClaimForm(base, up(PDF, 'a.pdf', true)).catch((e: { problems: { key: string }[] }) =>
      e.problems.map((p) => p.key),
    );
    assert.deepEqual(truncated, ['claims.invalid.fileTooLarge']);
    const none = await checkClaimForm(base, { filename: '', data: Buffer.alloc(0), truncated: false }).catch(
      (e: { problems: { field: string; key: string }[] }) => e.problems.map((p) => `${p.field}:${p.key}`),
    );
    assert.deepEqual(none, ['justification:claims.invalid.justificationOrDocument']);
    const exactly = await checkClaimForm(base, up(Buffer.concat([PDF, Buffer.alloc(CLAIM_MAX_BYTES - PDF.length)]), 'max.pdf'));
    assert.equal(exactly.document?.data.length, CLAIM_MAX_BYTES);
  });
});

describe('self-service over HTTP', () => {
  let t: TestApp;
  let staff: string;
  let staffId: string;
  let x: { id: string; name: string };
  let y: { id: string; name: string };
  let ip = 0;

  async function entity(name: string): Promise<{ id: string; name: string }> {
    const id = newId();
    const now = new Date().toISOString();
    await t.ctx.db
      .insertInto('entities')
      .values({
        id,
        name,
        name_sort: polishSortKey(name),
        legal_form: 'fundacja',
        sectors: '[]',
        lifecycle: 'active',
        search_doc: name.toLowerCase(),
        is_synthetic: false,
        gmina_teryt: '0463011',
        town: 'Toruń',
        created_at: now,
        updated_at: now,
      })
      .execute();
    return { id, name };
  }

  before(async () => {
    t = await createTestApp();
    const s = await loginAs(t, [{ role: 'coordinator' }], 'koordynator@rops.example.pl');
    staff = s.cookie;
    staffId = s.userId;
    x = await entity('Fundacja Iks');
    y = await entity('Spółdzielnia Socjalna Igrek');
  });
  after(async () => t.close());

  const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });
  async function post(url: string, fields: Record<string, string>, cookie: string, formUrl = url): Promise<LightMyRequestResponse> {
    const page = await get(formUrl, cookie);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrfFrom(page.body), ...fields }),
    });
  }
  /** Sends the public claim form as a browser would (session from the form page, own address). */
  async function claim(
    entityId: string,
    fields: Record<string, string>,
    file?: { filename: string; contentType: string; data: Buffer },
    opts: { cookie?: string; lang?: '' | '/en'; remoteAddress?: string } = {},
  ) {
    const url = `${opts.lang ?? ''}/podmioty/${entityId}/to-moj-podmiot`;
    const page = await get(url, opts.cookie);
    const jar = opts.cookie || cookieHeader(page);
    const body = multipart({ _csrf: csrfFrom(page.body), ...fields }, file ? { document: file } : {});
    ip += 1;
    return t.app.inject({
      method: 'POST',
      url,
      remoteAddress: opts.remoteAddress ?? `10.0.0.${ip}`,
      headers: { cookie: jar, 'content-type': body.contentType },
      payload: body.payload,
    });
  }
  const claims = () => t.ctx.db.selectFrom('entity_claims').selectAll().orderBy('created_at').execute();
  const mails = (template: string) => t.ctx.db.selectFrom('mail_outbox').selectAll().where('template', '=', template).execute();
  const audit = (action: string) => t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
  const roles = (userId: string) =>
    t.ctx.db.selectFrom('user_roles').select(['role', 'scope_type', 'scope_id']).where('user_id', '=', userId).execute();
  const fields = {
    name: 'Anna Nowak',
    email: 'anna.nowak@example.pl',
    role: 'prezes zarządu',
    justification: 'Jestem prezeską zarządu fundacji.',
    consent: '1',
  };

  test('the entity page links to the form; logged-in visitors get their name and e-mail filled in', async () => {
    const page = await get(`/podmioty/${x.id}-fundacja-iks`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`href="/podmioty/${x.id}/to-moj-podmiot"`));
    const anon = await get(`/podmioty/${x.id}/to-moj-podmiot`);
    assert.equal(anon.statusCode, 200);
    assert.match(anon.body, /enctype="multipart\/form-data"/);
    assert.match(anon.body, /<h1>To mój podmiot: Fundacja Iks<\/h1>/);
    const user = await loginAs(t, [], 'jan.kowalski@example.pl');
    const pre = await get(`/podmioty/${x.id}/to-moj-podmiot`, user.cookie);
    assert.match(pre.body, /value="jan.kowalski@example.pl"/);
    assert.equal((await get(`/podmioty/${newId()}/to-moj-podmiot`)).statusCode, 404);
    const en = await get(`/en/podmioty/${x.id}/to-moj-podmiot`);
    assert.match(en.body, /This is my organisation: Fundacja Iks/);
  });

  test('refusals change nothing: a renamed executable, missing consent, a bot, no CSRF token', async () => {
    const exe = await claim(x.id, fields, { filename: 'odpis.pdf', contentType: 'application/pdf', data: EXE });
    assert.equal(exe.statusCode, 400);
    assert.match(exe.body, /nie jest dokumentem PDF ani obrazem JPG lub PNG/);
    assert.match(exe.body, /value="Anna Nowak"/, 'typed values are kept');
    const noConsent = await claim(x.id, { ...fields, consent: '' });
    assert.equal(noConsent.statusCode, 400);
    assert.match(noConsent.body, /Zaznacz pole/);
    const bot = await claim(x.id, { ...fields, homepage: 'http://spam.example' });
    assert.equal(bot.statusCode, 303, 'a bot is told it worked');
    const body = multipart(fields);
    // the parser stops at the limit: a file one byte too large is refused with the field's message
    const big = await claim(x.id, fields, {
      filename: 'duzy.pdf',
      contentType: 'application/pdf',
      data: Buffer.concat([PDF, Buffer.alloc(CLAIM_MAX_BYTES + 1 - PDF.length)]),
    });
    assert.equal(big.statusCode, 400);
    assert.match(big.body, /jest za duży/);
    const noToken = await t.app.inject({
      method: 'POST',
      url: `/podmioty/${x.id}/to-moj-podmiot`,
      remoteAddress: '10.1.0.1',
      headers: { 'content-type': body.contentType },
      payload: body.payload,
    });
    assert.equal(noToken.statusCode, 403);
    assert.deepEqual(await claims(), []);
  });

  test('a request with a document is stored with its file and shown to staff only', async () => {
    const res = await claim(x.id, { ...fields, justification: '' }, { filename: 'Odpis KRS.png', contentType: 'image/png', data: PDF });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `/podmioty/${x.id}/to-moj-podmiot/wyslano`);
    const sent = await get(res.headers.location as string);
    assert.match(sent.body, /Zgłoszenie wysłane/);
    const [c] = await claims();
    assert.equal(c!.status, 'pending');
    assert.equal(c!.email_norm, 'anna.nowak@example.pl');
    const file = await t.ctx.db
      .selectFrom('entity_claim_files')
      .select(['file_name', 'content_type', 'byte_size'])
      .where('claim_id', '=', c!.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(file, { file_name: 'Odpis KRS.pdf', content_type: 'application/pdf', byte_size: PDF.length });
    assert.equal((await audit('registry.claim.submit')).length, 1);

    const list = await get('/admin/podmioty/zgloszenia', staff);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(`/admin/podmioty/zgloszenia/${c!.id}`));
    const detail = await get(`/admin/podmioty/zgloszenia/${c!.id}`, staff);
    assert.match(detail.body, /Odpis KRS\.pdf/);
    const doc = await get(`/admin/podmioty/zgloszenia/${c!.id}/dokument`, staff);
    assert.equal(doc.statusCode, 200);
    assert.equal(doc.headers['content-type'], 'application/pdf');
    assert.match(String(doc.headers['content-disposition']), /^attachment;/);
    assert.equal(doc.headers['cache-control'], 'private, no-store');
    assert.deepEqual(doc.rawPayload, PDF);
    assert.equal((await audit('registry.claim.document_view')).length, 1);
    const both = await assertHeadMatchesGet((o) => t.app.inject(o), `/admin/podmioty/zgloszenia/${c!.id}/dokument`, { cookie: staff });
    assert.deepEqual(both.rawPayload, PDF);
    assert.equal(both.headers['cache-control'], 'private, no-store');
    assert.equal(
      (await audit('registry.claim.document_view')).length,
      3,
      'each GET that sent bytes is recorded; a HEAD shows nobody the document',
    );
    const rep = await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: x.id }]);
    assert.equal((await get(`/admin/podmioty/zgloszenia/${c!.id}/dokument`, rep.cookie)).statusCode, 403);
    assert.equal((await get(`/admin/podmioty/zgloszenia/${c!.id}/dokument`)).statusCode, 302);
  });

  test('approval grants the role to the existing account, e-mails the requester and is audited; a second decision is refused', async () => {
    const anna = await loginAs(t, [], 'Anna.Nowak@example.pl');
    const [c] = await claims();
    assert.equal((await get(`/moje-podmioty/${x.id}`, anna.cookie)).statusCode, 403);
    const res = await post(`/admin/podmioty/zgloszenia/${c!.id}`, { decision: 'approve', reason: '' }, staff);
    assert.equal(res.statusCode, 303, res.body);
    assert.deepEqual(await roles(anna.userId), [{ role: 'entity_representative', scope_type: 'entity', scope_id: x.id }]);
    const [approved] = await mails('registry_claim_approved');
    assert.equal(approved!.to_address, 'anna.nowak@example.pl');
    assert.match(approved!.text_body, /Fundacja Iks/);
    assert.ok(approved!.text_body.includes(`/moje-podmioty/${x.id}`));
    assert.equal((await mails('invitation')).length, 0, 'no invitation for an existing account');
    const row = (await claims())[0]!;
    assert.equal(row.status, 'approved');
    assert.equal(row.decided_by, staffId);
    assert.equal(row.granted_user_id, anna.userId);
    assert.equal((await audit('registry.claim.approve')).length, 1);
    assert.equal((await audit('user.role_grant')).length, 1);
    // the new right applies at once (roles are read per request)
    assert.equal((await get(`/moje-podmioty/${x.id}`, anna.cookie)).statusCode, 200);
    assert.match((await get(`/podmioty/${x.id}/to-moj-podmiot`, anna.cookie)).body, /Już zarządzasz profilem tego podmiotu/);
    assert.match(
      (await get('/admin', anna.cookie)).body,
      /href="\/moje-podmioty"/,
      'the administration index leads representatives to their entities',
    );
    assert.equal((await get(`/moje-podmioty/${y.id}`, anna.cookie)).statusCode, 403);
    const again = await post(
      `/admin/podmioty/zgloszenia/${c!.id}`,
      { decision: 'reject', reason: 'Pomyłka' },
      staff,
      `/admin/podmioty/zgloszenia/${c!.id}`,
    );
    assert.equal(again.statusCode, 409);
    assert.equal((await claims())[0]!.status, 'approved');
    assert.equal((await mails('registry_claim_rejected')).length, 0);
  });

  test('approval for an unknown e-mail invites a new account holding the role', async () => {
    const res = await claim(y.id, { ...fields, name: 'Piotr Zieliński', email: 'piotr@example.pl' });
    assert.equal(res.statusCode, 303);
    const c = (await claims()).find((r) => r.email === 'piotr@example.pl')!;
    const ok = await post(`/admin/podmioty/zgloszenia/${c.id}`, { decision: 'approve', reason: 'Potwierdzone w KRS' }, staff);
    assert.equal(ok.statusCode, 303, ok.body);
    const user = await t.ctx.db.selectFrom('users').selectAll().where('email_norm', '=', 'piotr@example.pl').executeTakeFirstOrThrow();
    assert.equal(user.is_active, false);
    assert.deepEqual(await roles(user.id), [{ role: 'entity_representative', scope_type: 'entity', scope_id: y.id }]);
    const [invite] = await mails('invitation');
    assert.equal(invite!.to_address, 'piotr@example.pl');
    assert.match(invite!.text_body, /przedstawiciel podmiotu „Spółdzielnia Socjalna Igrek”/);
    assert.equal((await mails('registry_claim_approved')).length, 2);
  });

  test('rejection needs a reason, e-mails it in the request language and grants nothing', async () => {
    const res = await claim(
      y.id,
      { ...fields, name: 'Ewa Test', email: 'ewa@example.pl' },
      { filename: 'skan.jpg', contentType: 'image/jpeg', data: JPEG },
    );
    assert.equal(res.statusCode, 303);
    const c = (await claims()).find((r) => r.email === 'ewa@example.pl')!;
    const url = `/admin/podmioty/zgloszenia/${c.id}`;
    const bad = await post(url, { decision: 'reject', reason: ' ' }, staff);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Przy odrzuceniu wpisz uzasadnienie/);
    assert.equal((await claims()).find((r) => r.id === c.id)!.status, 'pending');
    const ok = await post(url, { decision: 'reject', reason: 'Osoba nie figuruje w KRS.' }, staff);
    assert.equal(ok.statusCode, 303);
    const [mail] = await mails('registry_claim_rejected');
    assert.equal(mail!.to_address, 'ewa@example.pl');
    assert.match(mail!.text_body, /Osoba nie figuruje w KRS\./);
    assert.equal(await t.ctx.db.selectFrom('users').select('id').where('email_norm', '=', 'ewa@example.pl').executeTakeFirst(), undefined);
    assert.equal((await audit('registry.claim.reject')).length, 1);
    const rejected = await get('/admin/podmioty/zgloszenia?stan=rejected', staff);
    assert.ok(rejected.body.includes(url));

    // a request sent from the English page is answered in English
    const en = await claim(y.id, { ...fields, name: 'John Smith', email: 'john@example.org' }, undefined, { lang: '/en' });
    assert.equal(en.statusCode, 303);
    assert.equal(en.headers.location, `/en/podmioty/${y.id}/to-moj-podmiot/wyslano`);
    const cEn = (await claims()).find((r) => r.email === 'john@example.org')!;
    assert.equal(cEn.lang, 'en');
    assert.equal(
      (await post(`/admin/podmioty/zgloszenia/${cEn.id}`, { decision: 'reject', reason: 'Not a board member.' }, staff)).statusCode,
      303,
    );
    const english = (await mails('registry_claim_rejected')).find((m) => m.to_address === 'john@example.org')!;
    assert.equal(english.lang, 'en');
    assert.match(english.subject, /your request about Spółdzielnia Socjalna Igrek/);
  });

  test('the public form is rate limited per address (5 in 10 minutes)', async () => {
    const before = (await claims()).length;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await claim(x.id, { ...fields, consent: '' }, undefined, { remoteAddress: '10.9.9.9' })).statusCode);
    assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429]);
    assert.equal((await claims()).length, before);
  });

  describe('representatives', () => {
    let repX: { cookie: string; userId: string };

    before(async () => {
      repX = await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: x.id }], 'rep.x@example.pl');
    });

    test('"Moje podmioty" lists only the entities represented', async () => {
      const page = await get('/moje-podmioty', repX.cookie);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Fundacja Iks/);
      assert.doesNotMatch(page.body, /Igrek/);
      const other = await loginAs(t, []);
      assert.match((await get('/moje-podmioty', other.cookie)).body, /Nie reprezentujesz jeszcze żadnego podmiotu/);
    });

    test('the account page names the represented entity, never its id, and leads to "Moje podmioty" and "Sprawozdawczość"', async () => {
      const gone = '0190f0c4-0000-7000-8000-000000000000';
      const u = await loginAs(t, [
        { role: 'entity_representative', scopeType: 'entity', scopeId: x.id },
        { role: 'entity_representative', scopeType: 'entity', scopeId: gone },
        { role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'territory:0415042' },
      ]);
      const main = (body: string) => body.slice(body.indexOf('<main'));
      const page = await get('/konto', u.cookie);
      assert.equal(page.statusCode, 200);
      const body = main(page.body);
      assert.match(body, /<li>Przedstawiciel podmiotu: Fundacja Iks<\/li>/);
      assert.match(
        body,
        /<li>Przedstawiciel podmiotu: nie znaleziono \(mógł zostać usunięty\)<\/li>/,
        'an unknown id is said to be unknown',
      );
      assert.doesNotMatch(body, new RegExp(x.id), 'no raw id');
      assert.doesNotMatch(body, new RegExp(gone));
      assert.match(body, /<h2>Moje sprawy<\/h2>/);
      assert.match(body, /<a href="\/moje-podmioty">Moje podmioty<\/a>/);
      assert.match(body, /<a href="\/sprawozdawczosc">Sprawozdawczość<\/a>/);
      // the same in the user menu of every page
      const menu = page.body.slice(page.body.indexOf('<details class="user-menu">'), page.body.indexOf('<main'));
      assert.match(menu, /href="\/moje-podmioty"/);
      assert.match(menu, /href="\/sprawozdawczosc"/);
      const en = main((await get('/en/konto', u.cookie)).body);
      assert.match(en, /<li>Entity representative: Fundacja Iks<\/li>/);
      // someone with no such role sees neither the section nor the links
      const plain = main((await get('/konto', (await loginAs(t, [])).cookie)).body);
      assert.doesNotMatch(plain, /Moje sprawy|href="\/moje-podmioty"/);
    });

    test('a representative of X cannot read or write Y; nothing changes', async () => {
      const token = csrfFrom((await get(`/moje-podmioty/${x.id}`, repX.cookie)).body);
      for (const [url, payload] of [
        [`/moje-podmioty/${y.id}`, { description: 'Przejęte' }],
        [`/moje-podmioty/${y.id}/miejsca`, { new_town: 'Bydgoszcz' }],
        [`/moje-podmioty/${y.id}/propozycja/identyfikatory`, { nip: '1234563218' }],
      ] as const) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie: repX.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: form({ _csrf: token, ...payload }),
        });
        assert.equal(res.statusCode, 403, url);
      }
      assert.equal((await get(`/moje-podmioty/${y.id}/propozycja/zatrudnienie`, repX.cookie)).statusCode, 403);
      const yRow = await t.ctx.db.selectFrom('entities').selectAll().where('id', '=', y.id).executeTakeFirstOrThrow();
      assert.equal(yRow.description, null);
      assert.equal((await t.ctx.db.selectFrom('entity_places').select('id').where('entity_id', '=', y.id).execute()).length, 0);
      assert.equal((await t.ctx.db.selectFrom('entity_proposals').select('id').execute()).length, 0);
      assert.equal((await get(`/moje-podmioty/${x.id}`, staff)).statusCode, 403, 'staff use the admin screens');
      assert.equal((await get(`/moje-podmioty/${x.id}`)).statusCode, 302);
    });

    test('direct edits reach the record with field history (the representative) and the audit log', async () => {
      const url = `/moje-podmioty/${x.id}`;
      const bad = await post(url, { description: 'Nowy opis', website: 'fundacja-iks', phone: 'zadzwoń', sectors: '' }, repX.cookie);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /http:\/\/ lub https:\/\//);
      assert.equal(
        (await t.ctx.db.selectFrom('entities').select('description').where('id', '=', x.id).executeTakeFirstOrThrow()).description,
        null,
      );
      const ok = await post(
        url,
        {
          description: 'Catering i usługi opiekuńcze w Toruniu.',
          email: 'biuro@iks.example.pl',
          phone: '+48 56 123 45 67',
          website: 'https://iks.example.pl',
          sectors: 'Catering\nUsługi opiekuńcze\ncatering',
        },
        repX.cookie,
      );
      assert.equal(ok.statusCode, 303, ok.body);
      const e = await t.ctx.db.selectFrom('entities').selectAll().where('id', '=', x.id).executeTakeFirstOrThrow();
      assert.equal(e.website, 'https://iks.example.pl');
      assert.deepEqual(JSON.parse(e.sectors), ['Catering', 'Usługi opiekuńcze']);
      assert.match(e.search_doc, /catering/);
      const sectorRows = await t.ctx.db
        .selectFrom('entity_sectors')
        .select('sector_folded')
        .where('entity_id', '=', x.id)
        .orderBy('sector_folded')
        .execute();
      assert.deepEqual(
        sectorRows.map((r) => r.sector_folded),
        ['catering', 'uslugi-opiekuncze'],
      );
      const changes = await t.ctx.db.selectFrom('entity_changes').selectAll().where('entity_id', '=', x.id).orderBy('field').execute();
      assert.deepEqual(
        changes.map((c) => c.field),
        ['description', 'email', 'phone', 'sectors', 'website'],
      );
      assert.ok(changes.every((c) => c.user_id === repX.userId && c.proposed_by === null));
      assert.equal((await audit('registry.entity.representative_update')).length, 1);
      const pub = await get(`/podmioty/${x.id}-fundacja-iks`);
      assert.match(pub.body, /Catering i usługi opiekuńcze w Toruniu\./);
    });

    test('places of activity: added, changed and removed, each in the history', async () => {
      const url = `/moje-podmioty/${x.id}/miejsca`;
      const bad = await post(
        url,
        { new_town: '', new_address: 'ul. Szeroka 1', new_gmina: '1465011' },
        repX.cookie,
        `/moje-podmioty/${x.id}`,
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /W województwie kujawsko-pomorskim nie ma gminy „1465011”/);
      const add = await post(
        url,
        { new_town: 'Toruń', new_address: 'ul. Szeroka 1', new_gmina: 'Torun' },
        repX.cookie,
        `/moje-podmioty/${x.id}`,
      );
      assert.equal(add.statusCode, 303, add.body);
      const [place] = await t.ctx.db.selectFrom('entity_places').selectAll().where('entity_id', '=', x.id).execute();
      assert.equal(place!.town, 'Toruń');
      const edit = await post(
        url,
        { [`place_${place!.id}_town`]: 'Chełmża', [`place_${place!.id}_address`]: 'Rynek 2', [`place_${place!.id}_gmina`]: '' },
        repX.cookie,
        `/moje-podmioty/${x.id}`,
      );
      assert.equal(edit.statusCode, 303);
      assert.equal(
        (await t.ctx.db.selectFrom('entity_places').select('town').where('id', '=', place!.id).executeTakeFirstOrThrow()).town,
        'Chełmża',
      );
      const del = await post(
        url,
        { [`place_${place!.id}_town`]: 'Chełmża', [`place_${place!.id}_remove`]: '1' },
        repX.cookie,
        `/moje-podmioty/${x.id}`,
      );
      assert.equal(del.statusCode, 303);
      assert.equal((await t.ctx.db.selectFrom('entity_places').select('id').where('entity_id', '=', x.id).execute()).length, 0);
      const history = await t.ctx.db
        .selectFrom('entity_changes')
        .select(['old_value', 'new_value'])
        .where('entity_id', '=', x.id)
        .where('field', '=', 'place')
        .orderBy('at')
        .orderBy('id')
        .execute();
      const plain = (v: string | null) =>
        v === null ? null : (JSON.parse(v) as { town: string; address: string | null; gmina_teryt: string | null });
      assert.deepEqual(
        history.map((h) => [plain(h.old_value), plain(h.new_value)]),
        [
          [null, { gmina_teryt: '0463011', town: 'Toruń', address: 'ul. Szeroka 1', lat: null, lon: null }],
          [
            { gmina_teryt: '0463011', town: 'Toruń', address: 'ul. Szeroka 1', lat: null, lon: null },
            { gmina_teryt: null, town: 'Chełmża', address: 'Rynek 2', lat: null, lon: null },
          ],
          [{ gmina_teryt: null, town: 'Chełmża', address: 'Rynek 2', lat: null, lon: null }, null],
        ],
      );
    });

    test('a representative adds a place by typing "Lubicz"; a name of two gminy or an unknown one is refused and changes nothing', async () => {
      const url = `/moje-podmioty/${x.id}/miejsca`;
      const places = () =>
        t.ctx.db.selectFrom('entity_places').select(['id', 'town', 'gmina_teryt']).where('entity_id', '=', x.id).execute();
      const before = await places();
      const two = await post(url, { new_town: 'Chełmża', new_gmina: 'chelmza' }, repX.cookie, `/moje-podmioty/${x.id}`);
      assert.equal(two.statusCode, 400);
      assert.match(
        two.body,
        /Nazwę „chelmza” nosi kilka gmin: Chełmża \(gmina miejska, powiat toruński\); Chełmża \(gmina wiejska, powiat toruński\)\. Wybierz jedną z podpowiedzi w polu „Gmina nowego miejsca”/,
      );
      assert.match(two.body, /name="new_gmina" type="text" value="chelmza" list="places-gminy"/, 'the text typed is shown again');
      const unknown = await post(url, { new_town: 'Nibylandia', new_gmina: 'Nibylandia' }, repX.cookie, `/moje-podmioty/${x.id}`);
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /W województwie kujawsko-pomorskim nie ma gminy „Nibylandia”/);
      assert.deepEqual(await places(), before, 'nothing changed');

      const add = await post(url, { new_town: 'Lubicz Dolny', new_gmina: 'Lubicz' }, repX.cookie, `/moje-podmioty/${x.id}`);
      assert.equal(add.statusCode, 303, add.body);
      const lubicz = (await places()).find((p) => p.town === 'Lubicz Dolny');
      assert.equal(lubicz?.gmina_teryt, '0415042');
      // the form shows the place and its gmina by name, never the code
      const page = await get(`/moje-podmioty/${x.id}`, repX.cookie);
      assert.match(page.body, /Miejsce: Lubicz Dolny \(gmina Lubicz\)/);
      assert.match(page.body, new RegExp(`name="place_${lubicz!.id}_gmina" type="text" value="Lubicz"`));
      assert.doesNotMatch(page.body, /value="0415042"/);
      assert.match(page.body, /<datalist id="places-gminy"><option value="Aleksandrów Kujawski \(gmina miejska, powiat aleksandrowski\)">/);
      assert.equal((page.body.match(/<datalist/g) ?? []).length, 1, 'one list of gminy for every place of the form');
      const del = await post(
        url,
        { [`place_${lubicz!.id}_town`]: 'Lubicz Dolny', [`place_${lubicz!.id}_remove`]: '1' },
        repX.cookie,
        `/moje-podmioty/${x.id}`,
      );
      assert.equal(del.statusCode, 303);
    });

    test('identifier proposals are checked, stay private until accepted, and the history names proposer and verifier', async () => {
      const url = `/moje-podmioty/${x.id}/propozycja/identyfikatory`;
      const bad = await post(url, { nip: '1234563219', regon: '123', krs: '' }, repX.cookie);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /poprawnego numeru NIP/);
      assert.match(bad.body, /poprawnego numeru REGON/);
      const ok = await post(url, { nip: '123-456-32-18', regon: '123456785', krs: '', comment: 'Dane z KRS' }, repX.cookie);
      assert.equal(ok.statusCode, 303, ok.body);
      let e = await t.ctx.db.selectFrom('entities').selectAll().where('id', '=', x.id).executeTakeFirstOrThrow();
      assert.equal(e.nip, null, 'not applied before staff accept it');
      assert.doesNotMatch((await get(`/podmioty/${x.id}-fundacja-iks`)).body, /1234563218/);
      assert.match((await get(`/moje-podmioty/${x.id}`, repX.cookie)).body, /czeka na weryfikację/);
      const [p] = await t.ctx.db.selectFrom('entity_proposals').selectAll().execute();
      const queue = await get('/admin/podmioty/propozycje', staff);
      assert.ok(queue.body.includes(`/admin/podmioty/propozycje/${p!.id}`));
      const detail = await get(`/admin/podmioty/propozycje/${p!.id}`, staff);
      assert.match(detail.body, /1234563218/);
      assert.equal((await get(`/admin/podmioty/propozycje/${p!.id}`, repX.cookie)).statusCode, 403);
      const accept = await post(`/admin/podmioty/propozycje/${p!.id}`, { decision: 'accept', reason: '' }, staff);
      assert.equal(accept.statusCode, 303, accept.body);
      e = await t.ctx.db.selectFrom('entities').selectAll().where('id', '=', x.id).executeTakeFirstOrThrow();
      assert.equal(e.nip, '1234563218');
      assert.equal(e.regon, '123456785');
      const history = await t.ctx.db
        .selectFrom('entity_changes')
        .selectAll()
        .where('entity_id', '=', x.id)
        .where('field', 'in', ['nip', 'regon'])
        .execute();
      assert.equal(history.length, 2);
      assert.ok(history.every((h) => h.user_id === staffId && h.proposed_by === repX.userId));
      assert.equal((await audit('registry.proposal.accept')).length, 1);
      const record = await get(`/admin/podmioty/${x.id}`, staff);
      assert.ok(record.body.includes('koordynator (na wniosek: rep.x)'), 'the staff history names the verifier and the proposer');
      const again = await post(
        `/admin/podmioty/propozycje/${p!.id}`,
        { decision: 'reject', reason: 'x' },
        staff,
        `/admin/podmioty/propozycje/${p!.id}`,
      );
      assert.equal(again.statusCode, 409);
    });

    test('a rejected proposal changes nothing and e-mails the reason to the proposer', async () => {
      const ok = await post(
        `/moje-podmioty/${x.id}/propozycja/forma-prawna`,
        { legal_form: 'zaz', creating_body: 'Powiat Toruński' },
        repX.cookie,
      );
      assert.equal(ok.statusCode, 303, ok.body);
      const p = await t.ctx.db.selectFrom('entity_proposals').selectAll().where('kind', '=', 'legal_form').executeTakeFirstOrThrow();
      const noReason = await post(`/admin/podmioty/propozycje/${p.id}`, { decision: 'reject', reason: '' }, staff);
      assert.equal(noReason.statusCode, 400);
      const res = await post(`/admin/podmioty/propozycje/${p.id}`, { decision: 'reject', reason: 'Fundacja nie jest ZAZ-em.' }, staff);
      assert.equal(res.statusCode, 303);
      assert.equal(
        (await t.ctx.db.selectFrom('entities').select('legal_form').where('id', '=', x.id).executeTakeFirstOrThrow()).legal_form,
        'fundacja',
      );
      const [mail] = await mails('registry_proposal_rejected');
      assert.equal(mail!.to_address, 'rep.x@example.pl');
      assert.match(mail!.text_body, /Fundacja nie jest ZAZ-em\./);
      assert.match((await get(`/moje-podmioty/${x.id}`, repX.cookie)).body, /Fundacja nie jest ZAZ-em\./);
    });

    test('PS status and employment proposals are applied on acceptance', async () => {
      const tomorrow = addDays(warsawToday(t.ctx.clock), 1);
      const future = await post(
        `/moje-podmioty/${x.id}/propozycja/status-ps`,
        { kind: 'granted', ps_type: 'reintegration', decision_number: 'WPS-I.1.2099', decision_date: tomorrow },
        repX.cookie,
      );
      assert.equal(future.statusCode, 400, 'a decision dated tomorrow in Poland');
      assert.match(future.body, /nie może być z przyszłości/);
      const loss = await post(
        `/moje-podmioty/${x.id}/propozycja/status-ps`,
        { kind: 'lost', decision_date: '2025-03-14', loss_reason: 'Za mało zatrudnionych' },
        repX.cookie,
      );
      assert.equal(loss.statusCode, 400, 'a loss without a grant breaks the register');
      assert.match(loss.body, /nie byłaby poprzedzona przyznaniem statusu/);
      const ps = await post(
        `/moje-podmioty/${x.id}/propozycja/status-ps`,
        { kind: 'granted', ps_type: 'reintegration', decision_number: 'WPS-I.946.1.2025', decision_date: '2025-03-14' },
        repX.cookie,
      );
      assert.equal(ps.statusCode, 303, ps.body);
      const badJobs = await post(
        `/moje-podmioty/${x.id}/propozycja/zatrudnienie`,
        { year: '2025', headcount: '3', employees: '5', fte: '4', employees_half_time: '4', at_risk: '2', at_risk_half_time: '2' },
        repX.cookie,
      );
      assert.equal(badJobs.statusCode, 400);
      const jobs = await post(
        `/moje-podmioty/${x.id}/propozycja/zatrudnienie`,
        { year: '2025', headcount: '6', employees: '5', fte: '4,5', employees_half_time: '4', at_risk: '2', at_risk_half_time: '2' },
        repX.cookie,
      );
      assert.equal(jobs.statusCode, 303, jobs.body);
      for (const p of await t.ctx.db.selectFrom('entity_proposals').select('id').where('status', '=', 'pending').execute()) {
        const res = await post(`/admin/podmioty/propozycje/${p.id}`, { decision: 'accept' }, staff);
        assert.equal(res.statusCode, 303, res.body);
      }
      const status = await t.ctx.db.selectFrom('entity_ps_status').selectAll().where('entity_id', '=', x.id).execute();
      assert.deepEqual(
        status.map((s) => [s.kind, s.ps_type, s.decision_date]),
        [['granted', 'reintegration', '2025-03-14']],
      );
      const emp = await t.ctx.db.selectFrom('entity_employment').selectAll().where('entity_id', '=', x.id).executeTakeFirstOrThrow();
      assert.deepEqual([emp.year, emp.headcount, emp.employees, emp.fte_hundredths, emp.at_risk_half_time], [2025, 6, 5, 450, 2]);
      const hist = await t.ctx.db
        .selectFrom('entity_changes')
        .select(['field', 'proposed_by'])
        .where('entity_id', '=', x.id)
        .where('field', 'in', ['ps_status', 'employment'])
        .execute();
      assert.equal(hist.length, 2);
      assert.ok(hist.every((h) => h.proposed_by === repX.userId));
    });

    describe('employment proposals with at-risk categories', () => {
      let z: { id: string; name: string };
      let repZ: { cookie: string; userId: string };
      const totals = {
        year: '2024',
        headcount: '8',
        employees: '6',
        fte: '5,5',
        employees_half_time: '5',
        at_risk: '3',
        at_risk_half_time: '2',
      };
      const proposalsOfZ = () =>
        t.ctx.db.selectFrom('entity_proposals').selectAll().where('entity_id', '=', z.id).orderBy('created_at').execute();

      before(async () => {
        z = await entity('Spółdzielnia Socjalna Zet');
        repZ = await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: z.id }], 'rep.z@example.pl');
        const now = new Date().toISOString();
        await t.ctx.db
          .insertInto('entity_employment')
          .values({
            id: newId(),
            entity_id: z.id,
            year: 2024,
            headcount: 7,
            employees: 5,
            fte_hundredths: 450,
            employees_half_time: 4,
            at_risk: 2,
            at_risk_half_time: 2,
            at_risk_categories: JSON.stringify({ disabled: 1, other: 2 }),
            source: 'sprawozdanie 2024',
            created_at: now,
            updated_at: now,
          })
          .execute();
      });

      test("the form has the staff form's category fields; an accepted proposal sets them like a staff edit", async () => {
        const url = `/moje-podmioty/${z.id}/propozycja/zatrudnienie`;
        const page = await get(url, repZ.cookie);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /<legend>Zatrudnieni zagrożeni wykluczeniem według kategorii<\/legend>/);
        assert.match(page.body, /<label for="f-cat_disabled">osoby z niepełnosprawnościami<\/label>/);
        const sent = await post(url, { ...totals, cat_disabled: '2', cat_long_term_unemployed: '1', cat_refugee: '' }, repZ.cookie);
        assert.equal(sent.statusCode, 303, sent.body);
        const [p] = await proposalsOfZ();
        assert.deepEqual((JSON.parse(p!.payload) as { at_risk_categories: unknown }).at_risk_categories, {
          long_term_unemployed: 1,
          disabled: 2,
        });

        // staff see each category someone counts, before and after
        const review = await get(`/admin/podmioty/propozycje/${p!.id}`, staff);
        assert.equal(review.statusCode, 200);
        const row = (label: string) =>
          new RegExp(`<th scope="row">${label}</th><td>([^<]*)</td><td>([^<]*)</td>`).exec(review.body)?.slice(1);
        assert.deepEqual(row('osoby z niepełnosprawnościami'), ['1', '2']);
        assert.deepEqual(row('osoby długotrwale bezrobotne'), ['0', '1']);
        assert.deepEqual(row('inne osoby zagrożone wykluczeniem wymienione w ustawie'), ['2', '0'], 'a category dropped shows as 0');
        assert.equal(row('uchodźcy i osoby objęte ochroną uzupełniającą'), undefined, 'categories nobody counts are left out');

        const accept = await post(`/admin/podmioty/propozycje/${p!.id}`, { decision: 'accept' }, staff);
        assert.equal(accept.statusCode, 303, accept.body);
        const emp = await t.ctx.db
          .selectFrom('entity_employment')
          .selectAll()
          .where('entity_id', '=', z.id)
          .where('year', '=', 2024)
          .executeTakeFirstOrThrow();
        assert.deepEqual(JSON.parse(emp.at_risk_categories), { long_term_unemployed: 1, disabled: 2 });
        assert.deepEqual(
          [emp.headcount, emp.employees, emp.fte_hundredths, emp.at_risk, emp.source],
          [8, 6, 550, 3, 'sprawozdanie 2024'],
          'the staff note on the source stays',
        );

        // the history row and the audit entry are those of a staff edit, naming the proposer
        const [hist] = await t.ctx.db
          .selectFrom('entity_changes')
          .selectAll()
          .where('entity_id', '=', z.id)
          .where('field', '=', 'employment')
          .execute();
        assert.deepEqual([hist!.user_id, hist!.proposed_by], [staffId, repZ.userId]);
        const w = await entity('Fundacja Wu');
        const staffEdit = await post(
          `/admin/podmioty/${w.id}/zatrudnienie`,
          { ...totals, cat_disabled: '2', cat_long_term_unemployed: '1', source: 'sprawozdanie 2024' },
          staff,
        );
        assert.equal(staffEdit.statusCode, 303, staffEdit.body);
        const staffHist = await t.ctx.db
          .selectFrom('entity_changes')
          .select('new_value')
          .where('entity_id', '=', w.id)
          .where('field', '=', 'employment')
          .executeTakeFirstOrThrow();
        assert.equal(hist!.new_value, staffHist.new_value);
        const [edit] = await t.ctx.db
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'registry.employment.update')
          .where('subject_id', '=', z.id)
          .execute();
        assert.equal(edit!.actor_id, staffId);
        assert.deepEqual(JSON.parse(edit!.meta!), { year: 2024, proposalId: p!.id });
        assert.match(edit!.changes!, /long_term_unemployed/);
        const [acceptAudit] = (await audit('registry.proposal.accept')).filter((a) => a.subject_id === p!.id);
        assert.match(acceptAudit!.changes!, /long_term_unemployed/);
      });

      test('invalid category numbers are refused with a translated message naming the field; nothing is stored', async () => {
        const url = `/moje-podmioty/${z.id}/propozycja/zatrudnienie`;
        const count = (await proposalsOfZ()).length;
        const bad = await post(url, { ...totals, cat_disabled: 'dwa', cat_refugee: '-1' }, repZ.cookie);
        assert.equal(bad.statusCode, 400);
        assert.match(bad.body, /Pole „osoby z niepełnosprawnościami” musi zawierać liczbę całkowitą od 0 do 100 000\./);
        assert.match(bad.body, /Pole „uchodźcy i osoby objęte ochroną uzupełniającą” musi zawierać liczbę całkowitą/);
        assert.match(bad.body, /value="dwa"/, 'the form keeps what was typed');
        const tooMany = await post(url, { ...totals, cat_disabled: '4' }, repZ.cookie);
        assert.equal(tooMany.statusCode, 400);
        assert.match(
          tooMany.body,
          /Liczba w polu „osoby z niepełnosprawnościami” nie może być większa niż liczba zatrudnionych zagrożonych wykluczeniem\./,
        );
        const en = await post(`/en${url}`, { ...totals, cat_disabled: '1.5' }, repZ.cookie);
        assert.equal(en.statusCode, 400);
        assert.match(en.body, /The field “persons with disabilities” must hold a whole number from 0 to 100,000\./);
        assert.equal((await proposalsOfZ()).length, count);
      });

      test("the categories' sum may exceed the at-risk total exactly when the staff form allows it", async () => {
        const url = `/moje-podmioty/${z.id}/propozycja/zatrudnienie`;
        // one person may belong to several categories; a single category above the total is refused
        const cases: { cats: Record<string, string>; staffAccepts: boolean }[] = [
          { cats: { cat_disabled: '3', cat_long_term_unemployed: '3', cat_other: '2' }, staffAccepts: true },
          { cats: { cat_disabled: '4', cat_other: '1' }, staffAccepts: false },
        ];
        for (const { cats, staffAccepts } of cases) {
          const body: Record<string, string> = { ...totals, year: '2023', ...cats };
          let staffRefuses = false;
          try {
            checkEmploymentForm(body, new Date().getUTCFullYear());
          } catch {
            staffRefuses = true;
          }
          assert.equal(staffRefuses, !staffAccepts, `the staff form's rule for ${JSON.stringify(cats)}`);
          const count = (await proposalsOfZ()).length;
          const res = await post(url, body, repZ.cookie);
          assert.equal(res.statusCode, staffRefuses ? 400 : 303, JSON.stringify(cats));
          assert.equal((await proposalsOfZ()).length, count + (staffRefuses ? 0 : 1));
        }
        const sent = (await proposalsOfZ()).at(-1)!;
        assert.deepEqual((JSON.parse(sent.payload) as { at_risk_categories: unknown }).at_risk_categories, {
          long_term_unemployed: 3,
          disabled: 3,
          other: 2,
        });
      });
    });

    test('an identifier taken by another record meanwhile is refused at acceptance; nothing changes', async () => {
      const repY = await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: y.id }]);
      const sent = await post(`/moje-podmioty/${y.id}/propozycja/identyfikatory`, { nip: '5260250274' }, repY.cookie);
      assert.equal(sent.statusCode, 303, sent.body);
      await t.ctx.db.updateTable('entities').set({ nip: '5260250274' }).where('id', '=', x.id).execute();
      const p = await t.ctx.db.selectFrom('entity_proposals').select('id').where('entity_id', '=', y.id).executeTakeFirstOrThrow();
      const res = await post(`/admin/podmioty/propozycje/${p.id}`, { decision: 'accept' }, staff);
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /już jest w rejestrze/);
      assert.equal(
        (await t.ctx.db.selectFrom('entity_proposals').select('status').where('id', '=', p.id).executeTakeFirstOrThrow()).status,
        'pending',
      );
      assert.equal((await t.ctx.db.selectFrom('entities').select('nip').where('id', '=', y.id).executeTakeFirstOrThrow()).nip, null);
    });
  });
});
