// Where the project's files are, whether the code runs from `src/` through tsx (tests, CLI) or
// from the bundle in `dist/` (`npm start`, ADR 8): a file's own directory differs between the
// two, so every path to shipped files (public assets, reference data, word lists) is taken from
// the project root, found once by walking up to this package's package.json.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'spojnia') return dir;
    if (dirname(dir) === dir) throw new Error(`the project root (package.json of "spojnia") was not found above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);

/** A path inside the project, e.g. `projectPath('data', 'reference')`. */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
