// The registry's commands of the `spojnia` command line (listed on registryModule): the CSV import
// of entities (`import podmioty`) and the synthetic entities for benchmarks (`seed synthetic`).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ModuleCommand } from '../../core/commands.js';
import { AppError } from '../../core/errors/app-error.js';
import { IMPORT_FIELDS, parseMapOptions, unknownOverrides } from './data-quality/import.parse.js';
import { importEntitiesFile, problemText } from './data-quality/import.service.js';
import { seedSynthetic } from './data-quality/registry.synthetic.js';

function usageError(message: string): AppError {
  return new AppError('cli.usage', { message });
}

const seedSyntheticCommand: ModuleCommand = {
  words: 'seed synthetic',
  summary: 'Add N clearly marked synthetic entities for benchmarks only (--count N [--seed S])',
  usage:
    'spojnia seed synthetic --count N [--seed S]\n\nInserts N made-up entities named "[SYNTETYCZNY] …" with is_synthetic set; pages label them.\n' +
    'For benchmarks and load tests only: never run it on a production database. Deterministic for one --seed.',
  options: { count: { type: 'string' }, seed: { type: 'string' } },
  async run(r) {
    const count = Number(r.values.count);
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw usageError('--count must be a whole number from 1 to 1000000.');
    const seed = r.values.seed === undefined ? undefined : Number(r.values.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw usageError('--seed must be a whole number.');
    const ctx = await r.context();
    const started = Date.now();
    const added = await seedSynthetic(ctx, {
      count,
      ...(seed === undefined ? {} : { seed }),
      onProgress: r.progress(r.t('registryImport.cli.synthetic')),
    });
    r.out(r.t('registryImport.cli.syntheticAdded', { count: added, time: `${((Date.now() - started) / 1000).toFixed(1)} s` }));
    return 0;
  },
};

const importCommand: ModuleCommand = {
  words: 'import podmioty',
  summary: 'Import entities from a CSV file (--dry-run only checks; --map HEADER=FIELD); exit 1 when any row is refused',
  usage: [
    'spojnia import podmioty FILE [--dry-run] [--map HEADER=FIELD …]',
    '',
    'FILE is a CSV in UTF-8 (with or without BOM) or windows-1250, separated by ";" or ",", with a header row.',
    'Common Polish and English headers are recognised (nazwa/name, forma_prawna/legal_form, nip, regon, krs,',
    'teryt/gmina_teryt, miejscowosc/town, adres/address, email, telefon/phone, www/website, opis/description, …).',
    `--map HEADER=FIELD assigns any other column (repeatable; FIELD "-" skips a column). Fields: ${IMPORT_FIELDS.join(', ')}`,
    '',
    'Every row is checked first (identifiers with check digits, TERYT, legal form, duplicates in the file and',
    'in the registry); refused rows are listed with their row number. Without --dry-run the valid rows are',
    'imported in batches of 1000, one transaction each; refused rows are never saved.',
    '',
    'Exit codes: 0 every row valid (and imported unless --dry-run); 1 some rows refused (the valid ones are',
    'still imported unless --dry-run) or the file is unusable; 2 usage mistake (no such file, bad --map) or internal error.',
  ].join('\n'),
  options: { 'dry-run': { type: 'boolean' }, map: { type: 'string', multiple: true } },
  positionals: true,
  usageExitCode: 2,
  async run(r) {
    const files = (r.values.positionals as string[] | undefined) ?? [];
    if (files.length !== 1) throw usageError('give exactly one FILE (spojnia import podmioty FILE [--dry-run]).');
    const file = resolve(files[0]!);
    if (!existsSync(file) || statSync(file).isDirectory()) throw usageError(`${file}: no such file.`);
    const dryRun = r.values['dry-run'] === true;
    const { overrides, errors } = parseMapOptions((Array.isArray(r.values.map) ? r.values.map : []).map(String));
    if (errors.length) throw usageError(errors.join('; '));
    const bytes = readFileSync(file);
    const ctx = await r.context();
    const outcome = await importEntitiesFile(ctx, bytes, {
      fileName: basename(file),
      dryRun,
      actor: { actorId: null, ip: null, requestId: null },
      overrides,
      checkHeaders: (headers) => {
        const unknown = unknownOverrides(headers, overrides);
        if (unknown.length)
          throw usageError(
            `--map names ${unknown.map((h) => `"${h}"`).join(', ')}, not a header of the file (headers: ${headers.join(', ')}).`,
          );
      },
      onProgress: r.progress(r.t(dryRun ? 'registryImport.cli.checking' : 'registryImport.cli.importing')),
    });
    for (const p of outcome.fileProblems) r.out(`file: ${problemText(r.t, p)}`);
    for (const p of outcome.problems) r.out(`row ${p.row}${p.field ? ` (${p.field})` : ''}: ${problemText(r.t, p)}`);
    r.out(
      r.t('registryImport.cli.summary', {
        file: basename(file),
        rows: r.t('registryImport.cli.rows', { count: outcome.total }),
        valid: r.t('registryImport.cli.valid', { count: outcome.ok }),
        refused: r.t('registryImport.cli.refused', { count: outcome.refused }),
        outcome: dryRun ? r.t('registryImport.cli.dryRun') : r.t('registryImport.cli.imported', { count: outcome.imported }),
      }),
    );
    return outcome.refused > 0 || outcome.fileProblems.length > 0 ? 1 : 0;
  },
};

export const registryCommands: ModuleCommand[] = [seedSyntheticCommand, importCommand];
