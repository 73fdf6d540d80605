// The import target of `npm run bench`: a generated CSV of 100,000 valid entities (windows-1250, as
// Polish Excel saves it) is imported into a fresh SQLite database through the same code the CLI
// runs (decode, parse, check every row, commit in batches). The whole run must take under 60 s.
// Also runnable alone: `node --import tsx bench/import.ts [ROWS]` prints the figure.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { prepare } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { importEntitiesFile } from '../src/modules/registry/index.js';
import { validKrs, validNip, validRegon } from '../src/modules/registry/data-quality/import.testing.js';
import { listUnits } from '../src/modules/territory/index.js';

export const IMPORT_ROWS = 100_000;
export const IMPORT_LIMIT_S = 60;

const FORMS = [
  'Fundacja',
  'Stowarzyszenie',
  'spółdzielnia socjalna',
  'Spółdzielnia pracy',
  'Koło Gospodyń Wiejskich',
  'spółka z o.o. non-profit',
  'CIS',
];
const WORDS = [
  'Dobre',
  'Ręce',
  'Łąka',
  'Źródło',
  'Most',
  'Wisła',
  'Pomoc',
  'Razem',
  'Żuraw',
  'Słońce',
  'Przystań',
  'Nadzieja',
  'Kujawy',
  'Pałuki',
  'Krajna',
  'Dolina',
];
const SECTORS = ['usługi opiekuńcze', 'gastronomia', 'turystyka', 'sprzątanie', 'zieleń', 'rękodzieło', 'edukacja'];

/** A CSV of `rows` valid, distinct entities spread over the given gminy. */
export function generateImportCsv(rows: number, gminy: readonly { teryt: string; name: string }[]): string {
  const lines = ['nazwa;forma_prawna;nip;regon;krs;teryt;miejscowosc;adres;email;telefon;www;opis;sektory'];
  for (let i = 0; i < rows; i++) {
    const g = gminy[i % gminy.length]!;
    const form = FORMS[i % FORMS.length]!;
    const name = `${form === 'CIS' ? 'Centrum Integracji Społecznej' : form} ${WORDS[i % WORDS.length]} ${WORDS[(i >> 4) % WORDS.length]} nr ${i + 1}`;
    const digits = String(10_000_000 + i);
    lines.push(
      [
        `"${name}"`,
        form,
        validNip(digits),
        validRegon(digits),
        validKrs(i + 1),
        g.teryt,
        g.name,
        `ul. Polna ${(i % 200) + 1}`,
        `biuro${i}@example.pl`,
        `56 ${String(600_000 + (i % 400_000)).padStart(7, '0')}`,
        `www.podmiot${i}.example.pl`,
        `"Podmiot ekonomii społecznej działający w gminie ${g.name}; zatrudnia osoby zagrożone wykluczeniem."`,
        `"${SECTORS[i % SECTORS.length]}, ${SECTORS[(i + 3) % SECTORS.length]}"`,
      ].join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface ImportMeasure {
  rows: number;
  imported: number;
  seconds: number;
  /** CPU time of this process during the import (user + system): what the run costs when the machine is shared. */
  cpuSeconds: number;
}

/** Imports a generated file into a fresh database in `dir`; the timer covers reading the file to the last commit. */
export async function measureImport(dir: string, rows = IMPORT_ROWS): Promise<ImportMeasure> {
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'import.db')}`,
    SESSION_SECRET: 'bench-session-secret-0123456789abcdefghij',
    LOG_LEVEL: 'silent',
  });
  const { database, ctx } = await prepare(config);
  try {
    const gminy = (await listUnits(ctx.db, 'gmina')).map((g) => ({ teryt: g.teryt, name: g.name }));
    const file = join(dir, 'podmioty.csv');
    writeFileSync(file, iconv.encode(generateImportCsv(rows, gminy), 'win1250'));
    const start = performance.now();
    const cpu = process.cpuUsage();
    const outcome = await importEntitiesFile(ctx, readFileSync(file), {
      fileName: 'podmioty.csv',
      dryRun: false,
      actor: { actorId: null, ip: null, requestId: null },
    });
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    if (outcome.refused > 0)
      throw new Error(
        `the generated file had ${outcome.refused} refused rows, e.g. ${JSON.stringify(outcome.problems[0] ?? outcome.fileProblems[0])}`,
      );
    return { rows, imported: outcome.imported, seconds, cpuSeconds };
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = mkdtempSync(join(tmpdir(), 'spojnia-import-bench-'));
  try {
    const r = await measureImport(dir, Number(process.argv[2] ?? IMPORT_ROWS));
    process.stdout.write(
      `imported ${r.imported} of ${r.rows} rows in ${r.seconds.toFixed(1)} s, ${r.cpuSeconds.toFixed(1)} s of CPU (limit ${IMPORT_LIMIT_S} s)\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench row: `npm run bench` adds it to its checks (import of 100,000 rows < 60 s). */
export async function importCheck(dir: string): Promise<{ name: string; value: number; unit: string; limit: number; ok: boolean }> {
  const r = await measureImport(dir);
  const seconds = Math.round(r.seconds * 10) / 10;
  return {
    name: `import of ${r.rows} CSV rows (windows-1250, checks + commit, SQLite)`,
    value: seconds,
    unit: 's',
    limit: IMPORT_LIMIT_S,
    ok: r.imported === r.rows && r.seconds < IMPORT_LIMIT_S,
  };
}
