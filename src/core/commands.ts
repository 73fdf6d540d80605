// The contract of a command a module adds to the `spojnia` command line (AppModule.commands), so
// a module's operator tasks (an import, a seed) live in the module and src/cli.ts stays generic: it
// parses the flags, prints help and errors, opens the database when asked and closes it after.
import type { ParseArgsConfig } from 'node:util';
import type { T } from '../i18n/index.js';
import type { ModuleContext } from './module.js';

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;
/** Parsed flags; `positionals` holds the words after the flags when the command accepts them. */
export type CommandValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What a command receives for one run. */
export interface CommandRun {
  values: CommandValues;
  /** A line on stdout (the result) or stderr (progress, notes). */
  out(line: string): void;
  err(line: string): void;
  /** Translations in the operators' language (English). */
  t: T;
  /** Opens the database, migrates and loads reference data when it changed; closed after the run. */
  context(): Promise<ModuleContext>;
  /** Progress of a long run on stderr (core/progress.ts): a bar on a terminal, otherwise a line per 10 % ("20 000 / 100 000 (20%)"). */
  progress(what: string): (done: number, total: number) => void;
  /** The first line of stdin when it is piped and not empty, else null (read only when asked). */
  stdinLine(): Promise<string | null>;
}

export interface ModuleCommand {
  /** As typed, one or two words: `import podmioty`, `user create`. */
  words: string;
  /** One line for `spojnia help`. */
  summary: string;
  /** The text of `spojnia <words> --help` after the summary. */
  usage: string;
  options: CommandOptions;
  /** Accepts words after the flags (file names); they arrive as `values.positionals`. */
  positionals?: boolean;
  /** Exit code for usage mistakes when 1 means something else for this command (import: rows refused). */
  usageExitCode?: number;
  /** Returns the exit code: 0 ok, 1 the operator's mistake or refused data. Throw `new AppError('cli.usage', { message })` for a usage mistake. */
  run(run: CommandRun): Promise<number>;
}
