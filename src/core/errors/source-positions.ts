// Production runs the bundle without `--enable-source-maps` (ADR 8): Node parses the whole source
// map into ~45 MB of heap the first time any stack trace is formatted, which took 0.5 s of the event
// loop and a fifth of the process's memory. So the log keeps positions in `dist/*.js`, and this turns
// them back into source files and lines, offline (`spojnia stack`), with the map esbuild writes
// beside each bundle. Node's own parser (`module.SourceMap`) reads the maps, so the mapping is the one
// `--enable-source-maps` would have printed.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A position in a JavaScript file as a stack trace prints it: an absolute path or file URL, line and
 * column (`file:line` alone heads Node's report of an uncaught exception).
 */
const POSITION = /((?:file:\/\/)?\/[^\s():"'\\]+?\.[cm]?js):(\d+)(?::(\d+))?/g;

export interface MappedText {
  text: string;
  /** How many positions were translated. */
  mapped: number;
  /** Positions in a bundle whose source map was not found (named once each). */
  unmapped: string[];
}

/**
 * `text` (a stack trace, log lines as JSON or plain) with every position in a file that has a
 * source map replaced by the original `file:line:column`, relative to `root`. A trace copied from
 * another machine names that machine's path: a file of the same name in `dist` is used then.
 */
export function originalPositions(text: string, opts: { root: string; dist: string }): MappedText {
  // per file named in the text: its map and the map's folder (the sources are named relative to it)
  const maps = new Map<string, { map: SourceMap; folder: string } | null>();
  const mapOf = (file: string) => {
    let entry = maps.get(file);
    if (entry === undefined) {
      const found = [file, join(opts.dist, basename(file))].map((f) => `${f}.map`).find((f) => existsSync(f));
      entry = found
        ? {
            map: new SourceMap(JSON.parse(readFileSync(found, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]),
            folder: dirname(found),
          }
        : null;
      maps.set(file, entry);
    }
    return entry;
  };
  const unmapped = new Set<string>();
  let mapped = 0;
  const out = text.replace(POSITION, (whole: string, file: string, line: string, column: string | undefined) => {
    const path = file.startsWith('file://') ? fileURLToPath(file) : file;
    const entry = mapOf(path);
    if (entry === null) {
      if (path.split(sep).includes('dist')) unmapped.add(path);
      return whole;
    }
    const origin = entry.map.findOrigin(Number(line), Number(column ?? 1));
    if (!('fileName' in origin)) return whole;
    mapped += 1;
    const source = relative(opts.root, resolve(entry.folder, origin.fileName));
    return column === undefined ? `${source}:${origin.lineNumber}` : `${source}:${origin.lineNumber}:${origin.columnNumber}`;
  });
  return { text: out, mapped, unmapped: [...unmapped] };
}
