// The rules around the edges of the procedure: the derived phases,
// calendar months for retention, texts from a Word file and from a programme version (multipart
// upload through the staff form), the versioned information clause, organisations-only
// consultations and the attached library documents.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { createTestApp, csrfFrom, loginAs, type TestApp } from '../../testing/app.js';
import { listAllVersions, programmeModule } from '../programme/index.js';
import { submitComment } from './comments.service.js';
import * as repo from './consultations.repo.js';
import { attachDocument, monthsBefore, updateConsultation, detailsFormValues, getConsultation } from './consultations.service.js';
import { makeConsultation } from './consultations.testing.js';
import { phaseOf } from './consultations.phase.js';
import { multipart } from '../../testing/multipart.js';

test('phases derive from the times and the two publication flags', () => {
  const c = { is_published: true, is_report_published: false, starts_at: '2027-03-02T08:00:00.000Z', ends_at: '2027-03-10T15:00:00.000Z' };
  assert.equal(phaseOf(c, new Date('2027-03-01T00:00:00Z')), 'announced');
  assert.equal(phaseOf(c, new Date('2027-03-02T08:00:00Z')), 'open');
  assert.equal(phaseOf(c, new Date('2027-03-10T15:00:00Z')), 'closed', 'the end instant closes it');
  assert.equal(phaseOf({ ...c, is_report_published: true }, new Date('2027-03-11T00:00:00Z')), 'report');
  assert.equal(phaseOf({ ...c, is_published: false }, new Date('2027-03-05T00:00:00Z')), 'draft');
});

test('retention months are calendar months', () => {
  assert.equal(monthsBefore(new Date('2028-03-31T10:00:00Z'), 1).toISOString(), '2028-02-29T10:00:00.000Z');
  assert.equal(monthsBefore(new Date('2028-03-15T10:00:00Z'), 12).toISOString(), '2027-03-15T10:00:00.000Z');
});

let t: TestApp;
let cookie: string;
before(async () => {
  t = await createTestApp({ reference: false });
  cookie = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
});
after(async () => t.close());

/** Posts the staff form as a browser does (multipart, with a file when given). */
async function postMultipart(url: string, values: Record<string, string>, file?: { name: string; data: Buffer }) {
  const page = await t.app.inject({ url, headers: { cookie } });
  const body = multipart({ _csrf: csrfFrom(page.body), ...values }, file ? { file: { filename: file.name, data: file.data } } : {});
  return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': body.contentType }, payload: body.payload });
}

const details = {
  title: 'Konsultacje dokumentu',
  description: 'Opis.',
  who_may_comment: 'organisations',
  starts_at: '2027-03-02T09:00',
  ends_at: '2027-03-10T16:00',
  clause: 'Klauzula w wersji pierwszej.',
  is_published: '1',
};

test('a Word file becomes numbered sections; a broken file is refused and nothing is saved', async () => {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Wprowadzenie', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Tekst wprowadzenia.'),
          new Paragraph({ text: 'Cele', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Cel szczegółowy', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Wsparcie spółdzielni socjalnych.'),
        ],
      },
    ],
  });
  const bad = await postMultipart(
    '/admin/konsultacje/nowa',
    { ...details, source: 'docx' },
    { name: 'x.docx', data: Buffer.from('to nie jest plik Word') },
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /nie jest poprawnym dokumentem Word/);
  assert.equal((await t.ctx.db.selectFrom('consultations').selectAll().execute()).length, 0);

  const res = await postMultipart(
    '/admin/konsultacje/nowa',
    { ...details, source: 'docx' },
    { name: 'program.docx', data: await Packer.toBuffer(doc) },
  );
  assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
  const id = /konsultacje\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
  const sections = await repo.listSections(t.ctx.db, id, 'consulted');
  assert.deepEqual(
    sections.map((s) => [s.number, s.heading, s.body]),
    [
      ['1', 'Wprowadzenie', 'Tekst wprowadzenia.'],
      ['2', 'Cele', ''],
      ['2.1', 'Cel szczegółowy', 'Wsparcie spółdzielni socjalnych.'],
    ],
  );
});

test('a programme version is copied into the consultation, keeping the source version id', async () => {
  await programmeModule.seedDemo!(t.ctx);
  const version = (await listAllVersions(t.ctx.db))[0]!;
  const res = await postMultipart('/admin/konsultacje/nowa', {
    ...details,
    title: 'Konsultacje programu',
    source: 'programme',
    version_id: version.id,
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
  const id = /konsultacje\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
  const c = await getConsultation(t.ctx, id);
  assert.equal(c.source_version_id, version.id);
  const own = await repo.listSections(t.ctx.db, id, 'consulted');
  const source = await t.ctx.db
    .selectFrom('programme_sections')
    .select(['number', 'heading', 'body'])
    .where('version_id', '=', version.id)
    .orderBy('position')
    .execute();
  assert.ok(own.length > 0);
  assert.deepEqual(
    own.map((s) => [s.number, s.heading, s.body]),
    source.map((s) => [s.number, s.heading, s.body]),
  );
});

test('the information clause is versioned; each comment keeps the version its author accepted; organisations only', async () => {
  const id = await makeConsultation(t.ctx, { startsIn: -1, endsIn: 48, organisationsOnly: true });
  const sections = await repo.listSections(t.ctx.db, id, 'consulted');
  const actor = { actorId: null, ip: null, requestId: null };
  const person = {
    section: sections[0]!.id,
    justification: 'Uwaga.',
    author_kind: 'person',
    first_name: 'Ala',
    last_name: 'Kot',
    email: 'ala@example.pl',
    consent: '1',
  };
  // organisations only: a "person" is treated as an organisation and must name it
  await assert.rejects(submitComment(t.ctx, id, person, 'pl'), (err: { problems?: { field?: string }[] }) =>
    (err.problems ?? []).some((p) => p.field === 'organisation'),
  );
  const org = { ...person, organisation: 'Stowarzyszenie', acting_person: 'Ala Kot' };
  await submitComment(t.ctx, id, org, 'pl');
  const values = await detailsFormValues(t.ctx, await getConsultation(t.ctx, id));
  await updateConsultation(t.ctx, id, { ...values, clause: 'Klauzula w wersji drugiej.' }, actor);
  await updateConsultation(t.ctx, id, { ...values, clause: 'Klauzula w wersji drugiej.' }, actor);
  await submitComment(t.ctx, id, { ...org, email: 'inna@example.pl' }, 'pl');
  const clauses = await repo.listClauses(t.ctx.db, id);
  assert.deepEqual(
    clauses.map((c) => c.version),
    [1, 2],
    'an unchanged clause makes no new version',
  );
  const rows = await t.ctx.db
    .selectFrom('consultation_comments')
    .select(['clause_id', 'author_kind'])
    .where('consultation_id', '=', id)
    .orderBy('created_at')
    .execute();
  assert.deepEqual(
    rows.map((r) => clauses.find((c) => c.id === r.clause_id)!.version),
    [1, 2],
  );
  assert.ok(rows.every((r) => r.author_kind === 'organisation'));
});

test('an attached document must exist in the library and be published', async () => {
  const id = await makeConsultation(t.ctx, { startsIn: 24, endsIn: 48 });
  await assert.rejects(
    attachDocument(t.ctx, id, { document_id: '01900000-0000-7000-8000-000000000000' }, { actorId: null, ip: null, requestId: null }),
    (err: { problems?: { field?: string }[] }) => (err.problems ?? []).some((p) => p.field === 'q'),
  );
  assert.equal((await getConsultation(t.ctx, id)).document_ids, '[]');
});

test('an English visitor gets the e-mail in English with a link to the English page; the address is stored, never the token', async () => {
  const id = await makeConsultation(t.ctx, { startsIn: -1, endsIn: 48 });
  await submitComment(
    t.ctx,
    id,
    {
      section: 'general',
      justification: 'A comment.',
      author_kind: 'person',
      first_name: 'Jane',
      last_name: 'Doe',
      email: 'Jane.Doe@Example.org',
      consent: '1',
    },
    'en',
  );
  const mail = await t.ctx.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', 'Jane.Doe@Example.org')
    .executeTakeFirstOrThrow();
  assert.match(mail.subject, /^Spójnia: confirm your comment/);
  assert.match(mail.text_body, /\/en\/konsultacje\/potwierdzenie\/[A-Za-z0-9_-]{40,}/);
  assert.match(mail.text_body, /The link shows the comment itself/);
  assert.ok(!mail.text_body.includes('A comment.') && !mail.text_body.includes('Jane'), 'the typed text and name are not quoted');
  const token = /potwierdzenie\/([A-Za-z0-9_-]+)/.exec(mail.text_body)![1]!;
  const row = await t.ctx.db.selectFrom('consultation_comments').selectAll().where('consultation_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.email_norm, 'jane.doe@example.org');
  assert.notEqual(row.token_hash, token);
  assert.equal(row.token_hash!.length, 64);
});
