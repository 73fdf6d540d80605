// The entity import on SQLite and PostgreSQL: a dry run reports every row's problems (identifiers,
// TERYT, legal form, duplicates in the file and against the register) and saves nothing; the
// commit imports exactly the good rows in batches, searchable, with their source, history and audit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../testing/app.js';
import { readSpreadsheetCsv, type CsvRow } from '../../../core/csv/index.js';
import { initialMapping } from './import.parse.js';
import { legalFormFromText, parseDay, runImport, type ImportOutcome } from './import.service.js';
import { searchCatalogue, parseCatalogueQuery } from '../entity/registry.service.js';
import { validKrs, validNip, validRegon } from './import.testing.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const actor = { actorId: null, ip: null, requestId: null };
const count = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('entities')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function csv(lines: string[]): { headers: string[]; records: CsvRow[] } {
  const { headers, rows } = readSpreadsheetCsv(Buffer.from(lines.join('\n'), 'utf8'));
  return { headers, records: rows };
}

async function run(lines: string[], dryRun: boolean, batchSize = 1000): Promise<ImportOutcome> {
  const { headers, records } = csv(lines);
  return runImport(t.ctx, headers, records, initialMapping(headers), { fileName: 'podmioty.csv', dryRun, actor, batchSize });
}

const byRow = (o: ImportOutcome) => {
  const m = new Map<number, string[]>();
  for (const p of o.problems) m.set(p.row, [...(m.get(p.row) ?? []), `${p.field}:${p.key.split('.').pop()}`]);
  return Object.fromEntries(m);
};

test('pure rules: legal form labels, dates', () => {
  assert.equal(legalFormFromText('Spółdzielnia socjalna'), 'spoldzielnia_socjalna');
  assert.equal(legalFormFromText('FUNDACJA'), 'fundacja');
  assert.equal(legalFormFromText('stowarzyszenie rejestrowe'), 'stowarzyszenie');
  assert.equal(legalFormFromText('Stowarzyszenie Kultury Fizycznej'), 'stowarzyszenie');
  assert.equal(legalFormFromText('spółka z o.o. non-profit'), 'spolka_non_profit');
  assert.equal(legalFormFromText('CIS'), 'cis');
  assert.equal(legalFormFromText('Centrum Integracji Społecznej'), 'cis');
  assert.equal(legalFormFromText('foundation'), 'fundacja');
  assert.equal(legalFormFromText('spółdzielnia'), null);
  assert.equal(legalFormFromText('firma krzak'), null);
  assert.equal(parseDay('2021-03-04'), '2021-03-04');
  assert.equal(parseDay('4.3.2021'), '2021-03-04');
  assert.equal(parseDay('31.02.2021'), null);
  assert.equal(parseDay('wczoraj'), null);
});

test('dry run: every row with its problems and row number; nothing is saved', async () => {
  // an entity already in the register: hard duplicate by NIP, suspected duplicate by name in Toruń
  const existingNip = validNip('52100001');
  await run(['nazwa;nip;teryt', `"Fundacja „Stara”";${existingNip};0463011`], false);
  const before = await count();
  const nipA = validNip('77700001');
  const lines = [
    'Nazwa;Forma prawna;NIP;REGON;KRS;TERYT;Miejscowość;E-mail;www;sektory',
    `Spółdzielnia Socjalna Dobre Ręce;spółdzielnia socjalna;${nipA};${validRegon('12345678')};${validKrs(42)};0463011;Toruń;biuro@dobrerece.pl;www.dobrerece.pl;usługi opiekuńcze, gastronomia`, // 2 ok
    ';fundacja;;;;0463011;Toruń;;;', // 3 no name
    'Fundacja Zła Cyfra;fundacja;1234567890;123456789;12a;;;;;', // 4 bad NIP, REGON, KRS
    'Stowarzyszenie Nigdzie;stowarzyszenie;;;;9999999;;;;', // 5 unknown TERYT
    'Firma;spółka cywilna;;;;;;;;', // 6 unknown legal form
    `Kopia Numeru;fundacja;${nipA};;;;;;;`, // 7 NIP as row 2
    'SPÓŁDZIELNIA SOCJALNA "DOBRE RĘCE";spółdzielnia socjalna;;;;0463011;;;;', // 8 same name in Toruń as row 2
    `Inna Nazwa;fundacja;${existingNip};;;;;;;`, // 9 NIP already in the register
    'fundacja stara;fundacja;;;;0463011;;;;', // 10 same name in Toruń as the register's
    'Fundacja Stara;fundacja;;;;0461011;;;;', // 11 same name, other gmina: fine
    'Zły Mail;fundacja;;;;;;nie-mail;ftp:x;', // 12 bad e-mail and website
  ];
  const dry = await run(lines, true);
  assert.equal(await count(), before, 'a dry run saves nothing');
  assert.deepEqual(byRow(dry), {
    3: ['name:missingName'],
    4: ['nip:invalid_nip', 'regon:invalid_regon', 'krs:invalid_krs'],
    5: ['gmina_teryt:unknownTeryt'],
    6: ['legal_form:unknownLegalForm'],
    7: ['nip:duplicateInFile'],
    8: ['name:suspectedInFile'],
    9: ['nip:duplicateInRegister'],
    10: ['name:suspectedInRegister'],
    12: ['email:invalidEmail', 'website:invalidUrl'],
  });
  assert.deepEqual([dry.total, dry.ok, dry.refused, dry.imported], [11, 2, 9, 0]);
  assert.equal(dry.problems.find((p) => p.row === 7)!.params!.other, 2);

  // the commit in batches of two refuses the same rows and imports the others
  const done = await run(lines, false, 2);
  assert.deepEqual(byRow(done), byRow(dry));
  assert.deepEqual([done.ok, done.imported], [2, 2]);
  assert.equal(await count(), before + 2);

  const e = await t.ctx.db.selectFrom('entities').selectAll().where('nip', '=', nipA).executeTakeFirstOrThrow();
  assert.equal(e.legal_form, 'spoldzielnia_socjalna');
  assert.equal(e.website, 'https://www.dobrerece.pl');
  assert.equal(e.gmina_teryt, '0463011');
  assert.ok(e.name_sort.length > 0);
  assert.match(e.data_source ?? '', /podmioty\.csv/);
  assert.deepEqual(JSON.parse(e.sectors), ['usługi opiekuńcze', 'gastronomia']);
  const sectors = await t.ctx.db.selectFrom('entity_sectors').select('sector').where('entity_id', '=', e.id).execute();
  assert.equal(sectors.length, 2);
  const history = await t.ctx.db.selectFrom('entity_changes').selectAll().where('entity_id', '=', e.id).execute();
  assert.deepEqual(
    history.map((h) => [h.field, h.new_value]),
    [['import', 'podmioty.csv']],
  );
  const audit = await t.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'registry.import')
    .orderBy('at', 'desc')
    .executeTakeFirstOrThrow();
  assert.match(audit.meta ?? '', /"imported":2/);

  // searchable like an entity entered in the form: diacritics and inflection
  const found = await searchCatalogue(t.ctx, parseCatalogueQuery({ q: 'spoldzielnia dobre rece torun' }));
  assert.deepEqual(
    found.rows.map((r) => r.id),
    [e.id],
  );

  // importing the same file again refuses every row that was imported (hard or suspected duplicate)
  const again = await run(lines, true);
  assert.ok(again.problems.some((p) => p.row === 2 && p.key === 'registryImport.problem.duplicateInRegister'));
  assert.ok(again.problems.some((p) => p.row === 11 && p.key === 'registryImport.problem.suspectedInRegister'));
});

test('file problems: no name column, one field twice, empty file', async () => {
  const noName = await run(['nip;regon', `${validNip('11100001')};`], true);
  assert.deepEqual(
    noName.fileProblems.map((p) => p.key),
    ['registryImport.fileProblem.noName'],
  );
  assert.equal(noName.refused, 1);
  const twice = csv(['nazwa;name', 'A;B']);
  const o = await runImport(t.ctx, twice.headers, twice.records, initialMapping(twice.headers), { fileName: 'x.csv', dryRun: true, actor });
  assert.deepEqual(
    o.fileProblems.map((p) => p.key),
    ['registryImport.fileProblem.twice'],
  );
  const empty = await runImport(t.ctx, [], [], [], { fileName: 'x.csv', dryRun: true, actor });
  assert.deepEqual(
    empty.fileProblems.map((p) => p.key),
    ['registryImport.fileProblem.empty'],
  );
});
