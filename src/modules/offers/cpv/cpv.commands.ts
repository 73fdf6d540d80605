// `spojnia import cpv FILE` (listed on offersModule.commands): loads the official CPV vocabulary file
// an operator provides into `cpv_codes`, so offer and need pages show Polish labels next to codes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ModuleCommand } from '../../../core/commands.js';
import { AppError } from '../../../core/errors/app-error.js';
import { cpvSummary, importCpvFile } from './cpv.service.js';

export const importCpvCommand: ModuleCommand = {
  words: 'import cpv',
  summary: 'Load the official CPV vocabulary (CSV or XLSX with columns CODE and PL, EN optional); exit 1 when any row is refused',
  usage: [
    'spojnia import cpv FILE',
    '',
    'FILE is the official CPV 2008 file (CSV in UTF-8 or windows-1250 separated by ";" or ",", or XLSX) whose header row',
    'has a CODE column (e.g. 55520000-1) and a PL column with the Polish label; an EN column is kept when present.',
    'Each code is checked (format and check digit); refused rows are listed with their line and never saved.',
    'Codes already loaded get their labels rewritten; running the same file again changes nothing.',
    '',
    'Exit codes: 0 every row valid; 1 some rows refused (the valid ones are saved) or the file is unusable; 2 usage mistake.',
  ].join('\n'),
  options: {},
  positionals: true,
  usageExitCode: 2,
  async run(r) {
    const files = (r.values.positionals as string[] | undefined) ?? [];
    if (files.length !== 1) throw new AppError('cli.usage', { message: 'give exactly one FILE (spojnia import cpv FILE).' });
    const file = resolve(files[0]!);
    if (!existsSync(file) || statSync(file).isDirectory()) throw new AppError('cli.usage', { message: `${file}: no such file.` });
    const ctx = await r.context();
    const outcome = await importCpvFile(ctx, readFileSync(file));
    for (const p of outcome.fileProblems) r.out(`${basename(file)}: ${r.t(p.key as never, p.params)}`);
    for (const p of outcome.problems) r.out(r.t('offers.cpvImport.line', { line: p.line, problem: r.t(p.key as never, p.params) }));
    r.out(cpvSummary(r.t, basename(file), outcome));
    return outcome.refused > 0 || outcome.fileProblems.length > 0 ? 1 : 0;
  },
};
