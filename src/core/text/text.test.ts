// The section splitter and the word comparison on real Polish programme text: numbering typed by
// the author is kept, derived otherwise; a Word file goes through the same path; renumbered
// sections pair by heading.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { markdownFromDocx, sectionsFromDocx, sectionsFromMarkdown } from './sections.js';
import { compareSections, wordDiff } from './word-diff.js';

test('markdown headings become numbered sections; typed numbers are kept', () => {
  const s = sectionsFromMarkdown(
    'Preambuła programu.\n\n# 1. Diagnoza\nTekst **diagnozy**.\n\n## Cele szczegółowe\nCel 1.\n\n## 1.2 Działania\nDziałanie.\n\n# Wdrażanie\n```\n# not a heading\n```\n',
  );
  assert.deepEqual(
    s.map((x) => [x.number, x.heading]),
    [
      ['0', ''],
      ['1', 'Diagnoza'],
      ['1.1', 'Cele szczegółowe'],
      ['1.2', 'Działania'],
      ['2', 'Wdrażanie'],
    ],
  );
  assert.equal(s[1]!.body, 'Tekst **diagnozy**.');
  assert.match(s[4]!.body, /# not a heading/);
  assert.deepEqual(sectionsFromMarkdown(''), []);
  assert.equal(sectionsFromMarkdown('### Tylko trzeci poziom')[0]!.number, '1');
});

test('a Word file: headings become sections, Polish letters, bold and lists survive, Markdown characters stay text', async () => {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Wstęp ogólny' }),
          new Paragraph({ text: '1. Diagnoza sytuacji', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('Zażółć gęślą jaźń. '), new TextRun({ text: 'pogrubione', bold: true })] }),
          new Paragraph({ text: 'Cele szczegółowe', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'punkt *listy* & <b>', bullet: { level: 0 } }),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  const md = await markdownFromDocx(buffer);
  assert.match(md, /^Wstęp ogólny/);
  const s = await sectionsFromDocx(buffer);
  assert.deepEqual(
    s.map((x) => [x.number, x.heading]),
    [
      ['0', ''],
      ['1', 'Diagnoza sytuacji'],
      ['1.1', 'Cele szczegółowe'],
    ],
  );
  assert.equal(s[1]!.body, 'Zażółć gęślą jaźń. **pogrubione**');
  assert.equal(s[2]!.body, '- punkt \\*listy\\* & <b>');
});

test('word diff marks inserted and deleted words only', () => {
  const parts = wordDiff('Wsparcie dla spółdzielni socjalnych', 'Wsparcie finansowe dla spółdzielni');
  assert.equal(
    parts
      .filter((p) => p.kind === 'added')
      .map((p) => p.text.trim())
      .join(' '),
    'finansowe',
  );
  assert.equal(
    parts
      .filter((p) => p.kind === 'removed')
      .map((p) => p.text.trim())
      .join(' '),
    'socjalnych',
  );
  assert.equal(
    parts
      .filter((p) => p.kind !== 'removed')
      .map((p) => p.text)
      .join(''),
    'Wsparcie finansowe dla spółdzielni',
  );
});

test('sections pair by number, then by heading; added and removed sections keep their place', () => {
  const before = [
    { number: '1', heading: 'Diagnoza', body: 'Stara diagnoza.' },
    { number: '2', heading: 'Cele', body: 'Cel główny.' },
    { number: '3', heading: 'Finansowanie', body: 'Środki EFS.' },
  ];
  const after = [
    { number: '1', heading: 'Diagnoza', body: 'Stara diagnoza.' },
    { number: '2', heading: 'Wdrażanie', body: 'Nowy rozdział.' },
    { number: '3', heading: 'Cele', body: 'Cel główny i cele szczegółowe.' },
  ];
  assert.deepEqual(
    compareSections(before, after).map((c) => [c.kind, c.before?.number ?? null, c.after?.number ?? null]),
    [
      ['unchanged', '1', '1'],
      ['added', null, '2'],
      ['changed', '2', '3'],
      ['removed', '3', null],
    ],
  );
  const retitled = compareSections(before, [
    before[0]!,
    { number: '2', heading: 'Cele programu', body: 'Cel główny.' },
    { number: '3', heading: 'Finansowanie', body: 'Środki EFS.' },
  ]);
  assert.deepEqual(
    retitled.map((c) => c.kind),
    ['unchanged', 'changed', 'unchanged'],
  );
  const renumbered = compareSections(before, [before[0]!, { number: '2', heading: 'Finansowanie', body: 'Środki EFS.' }]);
  assert.deepEqual(
    renumbered.map((c) => [c.kind, c.before?.heading ?? null, c.after?.heading ?? null]),
    [
      ['unchanged', 'Diagnoza', 'Diagnoza'],
      ['removed', 'Cele', null],
      ['changed', 'Finansowanie', 'Finansowanie'],
    ],
  );
});
