// The search every picker of library documents shares (findDocumentChoices), on SQLite and PostgreSQL:
// nothing typed offers the first published documents by title with the full count, words of the title
// (without capitals or Polish letters, any ending) narrow them, attached and draft documents are never
// offered, and a query without a searchable word finds nothing rather than everything.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { createDocument, PDF, publishedDocument } from './testing.js';
import { findDocumentChoices, publishedDocumentChoice } from './documents.service.js';

let t: TestApp;
const ids: Record<string, string> = {};
let draft = '';

before(async () => {
  t = await createTestApp({ clock: new ManualClock('2027-03-01T10:00:00Z'), reference: false });
  for (const title of [
    'Sprawozdanie z realizacji programu 2026',
    'Diagnoza ekonomii społecznej',
    'Ankieta dla samorządów',
    'Sprawozdanie roczne ROPS',
  ])
    ids[title] = await publishedDocument(t.ctx, title);
  draft = await createDocument(
    t.ctx,
    { title_pl: 'Sprawozdanie — szkic', category: 'raporty', doc_date: '2027-02-01', label_pl: 'szkic', version_date: '2027-02-01' },
    { filename: 'szkic.pdf', data: PDF, truncated: false },
    { actorId: null, ip: null, requestId: null },
  );
});
after(async () => t.close());

const titles = (pick: { choices: { title: string }[] }) => pick.choices.map((c) => c.title);

test('nothing typed: the first published documents by title, with how many there are', async () => {
  const pick = await findDocumentChoices(t.ctx, '  ', [], 2);
  assert.deepEqual(titles(pick), ['Ankieta dla samorządów', 'Diagnoza ekonomii społecznej']);
  assert.equal(pick.total, 4, 'the draft is not counted');
});

test('words of the title narrow the list, folded and stemmed; attached documents and drafts are left out', async () => {
  assert.deepEqual(titles(await findDocumentChoices(t.ctx, 'SPRAWOZDANIA')), [
    'Sprawozdanie roczne ROPS',
    'Sprawozdanie z realizacji programu 2026',
  ]);
  assert.deepEqual(titles(await findDocumentChoices(t.ctx, 'spolecznej diagnoz')), ['Diagnoza ekonomii społecznej']);
  const without = await findDocumentChoices(t.ctx, 'sprawozdanie', [ids['Sprawozdanie roczne ROPS']!]);
  assert.deepEqual(titles(without), ['Sprawozdanie z realizacji programu 2026']);
  assert.equal(without.total, 1);
  assert.deepEqual(titles(await findDocumentChoices(t.ctx, 'szkic')), []);
  assert.deepEqual(titles(await findDocumentChoices(t.ctx, '„ – ”')), [], 'no searchable word finds nothing');
});

test('a chosen id counts only when it is a published document', async () => {
  assert.equal((await publishedDocumentChoice(t.ctx, ids['Ankieta dla samorządów']!))?.title, 'Ankieta dla samorządów');
  assert.equal(await publishedDocumentChoice(t.ctx, draft), null);
  assert.equal(await publishedDocumentChoice(t.ctx, '01900000-0000-7000-8000-0000000000ff'), null);
});
