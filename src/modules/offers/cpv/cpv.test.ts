// `spojnia import cpv FILE` on SQLite and PostgreSQL: a small fragment of the official vocabulary
// (fixtures/cpv_fragment.csv, layout CODE;EN;PL) loads its good rows, refuses the code with a wrong
// check digit with its line, changes nothing when run again and rewrites a changed label; the same
// rows as XLSX load too; the offer page then shows the Polish label next to the code; and the real
// executable (SQLite) prints the refused line and the summary and exits 1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { translator } from '../../../i18n/index.js';
import { createTestApp, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { makeEntity, makeOffer } from '../offers.testing.js';
import { cpvSummary, importCpvFile } from './cpv.service.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'cpv_fragment.csv');
const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;

before(async () => {
  t = await createTestApp({ clock });
});
after(async () => t.close());

const stored = () => t.ctx.db.selectFrom('cpv_codes').select(['code', 'label_pl', 'label_en', 'updated_at']).orderBy('code').execute();

test('the fixture loads its four good rows and refuses the wrong check digit with its line; a re-run changes nothing', async () => {
  const first = await importCpvFile(t.ctx, readFileSync(FIXTURE));
  assert.deepEqual(first.fileProblems, []);
  assert.deepEqual(
    { total: first.total, added: first.added, updated: first.updated, unchanged: first.unchanged, refused: first.refused },
    { total: 5, added: 4, updated: 0, unchanged: 0, refused: 1 },
  );
  assert.deepEqual(first.problems, [{ key: 'offers.validation.cpvCheckDigit', params: { code: '55520000-2' }, line: 4 }]);
  const rows = await stored();
  assert.deepEqual(
    rows.map((r) => r.code),
    ['55300000-3', '55520000-1', '77310000-6', '90910000-9'],
  );
  assert.deepEqual(rows[1], {
    code: '55520000-1',
    label_pl: 'Usługi dostarczania posiłków (catering)',
    label_en: 'Catering services',
    updated_at: rows[1]!.updated_at,
  });
  assert.equal(
    cpvSummary(translator('pl'), 'cpv_fragment.csv', first),
    'cpv_fragment.csv: 5 wierszy; nowe kody: 4, zmienione nazwy: 0, bez zmian: 0, odrzucone wiersze: 1.',
  );

  clock.advance(60_000);
  const again = await importCpvFile(t.ctx, readFileSync(FIXTURE));
  assert.deepEqual([again.added, again.updated, again.unchanged, again.refused], [0, 0, 4, 1]);
  assert.deepEqual(await stored(), rows, 'a re-run writes nothing, not even the time');
});

test('a newer file rewrites a label; the XLSX layout (CODE … PL, no EN) loads too', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('CPV');
  ws.addRow(['CODE', 'DE', 'PL']);
  ws.addRow(['90910000-9', 'Reinigungsdienste', 'Usługi sprzątania (nowa nazwa)']);
  ws.addRow(['90600000-3', 'x', 'Usługi sprzątania oraz usługi sanitarne na obszarach miejskich lub wiejskich oraz usługi powiązane']);
  ws.addRow(['9060000-3', 'x', 'za krótki kod']);
  const outcome = await importCpvFile(t.ctx, Buffer.from(await wb.xlsx.writeBuffer()));
  assert.deepEqual([outcome.total, outcome.added, outcome.updated, outcome.refused], [3, 1, 1, 1]);
  assert.deepEqual(
    outcome.problems.map((p) => [p.line, p.key]),
    [[4, 'offers.validation.cpvFormat']],
  );
  const row = await t.ctx.db.selectFrom('cpv_codes').selectAll().where('code', '=', '90910000-9').executeTakeFirstOrThrow();
  assert.deepEqual([row.label_pl, row.label_en], ['Usługi sprzątania (nowa nazwa)', null]);
  const missing = await importCpvFile(t.ctx, Buffer.from('KOD;NAZWA\n55520000-1;x\n'));
  assert.deepEqual(
    missing.fileProblems.map((p) => p.params?.column),
    ['CODE', 'PL'],
  );
});

test('the offer page shows the Polish label next to a code the table holds, the bare code otherwise', async () => {
  const entity = await makeEntity(t.ctx, { name: 'Spółdzielnia Socjalna Etykieta' });
  const offer = await makeOffer(t.ctx, entity, { title: 'Obiady z etykietą CPV' });
  const page = await t.app.inject({ url: `/oferta/${offer}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /55520000-1 \(<span>Usługi dostarczania posiłków \(catering\)<\/span>\)/);
  await t.ctx.db.deleteFrom('cpv_codes').where('code', '=', '55520000-1').execute();
  const bare = await t.app.inject({ url: `/oferta/${offer}` });
  assert.match(bare.body, /55520000-1/);
  assert.doesNotMatch(bare.body, /Usługi dostarczania posiłków/);
});

test('`spojnia import cpv FILE` prints the refused line and the summary and exits 1 (run on its own SQLite file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spojnia-cli-cpv-'));
  try {
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`,
      SESSION_SECRET: 'cli-cpv-test-session-secret-0123456789',
      LOG_LEVEL: 'silent',
    };
    const run = () =>
      spawnSync(process.execPath, ['bin/spojnia.mjs', 'import', 'cpv', FIXTURE], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env });
    const r = run();
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^line 4: The CPV code 55520000-2 has a wrong check digit\.$/m);
    assert.match(r.stdout, /^cpv_fragment\.csv: 5 rows; new codes: 4, labels changed: 0, unchanged: 0, rows refused: 1\.$/m);
    assert.match(run().stdout, /new codes: 0, labels changed: 0, unchanged: 4, rows refused: 1\./);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
