// `npm run build` (and the first half of `npm start`): bundles the web server, src/main.ts, into
// dist/main.js and the command line, src/cli.ts, into dist/cli.js with esbuild, so neither a
// production process nor `spojnia` compiles TypeScript on the fly (tsx at start cost ~1.5 s and a
// loader thread's memory; ADR 8). npm packages stay external (node_modules is resolved at run time
// as usual); the Word reader's worker thread is bundled beside them; paths to shipped files come
// from the project root (src/core/paths.ts), so the bundles may live in any folder inside the
// project. Each file is written under a temporary name and renamed, so a process starting while
// another builds never reads half a file. `bundleIsCurrent` tells bin/spojnia.mjs whether dist/ is
// older than the sources. Plain JavaScript on purpose: it must run before anything is compiled,
// and esbuild (a devDependency) is loaded only to build. Type checking stays with tsc.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');

/**
 * Node's flags for the production server, wherever it is started: `npm start` and the systemd unit
 * write them out (a test checks both against this list), the bench, the durability runs and the
 * bundle's own test pass them from here. A young generation of 2 × 8 MB instead of the 2 × 64 MB
 * V8 takes on a large machine, and an old generation let grow to 1.25 × what the last full
 * collection kept instead of up to 4 ×: together they held the resident set after the long-tail
 * search load at ~320 MB instead of ~700 MB, at the same CPU per request (docs/deploy.md, issue 16).
 * No `--enable-source-maps`: positions in the log are translated offline by `spojnia stack` (ADR 8).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=25'];

/**
 * Bundles the server into `outfile` (default dist/main.js) and the Word worker beside it; resolves
 * when written. `logLevel` is esbuild's (default "warning": errors and warnings on stderr).
 */
export async function buildServer(outfile = join(DIST, 'main.js'), { logLevel = 'warning' } = {}) {
  // the Word reader's worker thread (src/core/text/docx.ts) is its own file, found beside the server's
  await Promise.all([
    bundle(join(ROOT, 'src', 'main.ts'), outfile, logLevel),
    bundle(join(ROOT, 'src', 'core', 'text', 'docx.worker.ts'), join(dirname(outfile), 'docx.worker.js'), logLevel),
  ]);
  return outfile;
}

/**
 * Everything `dist/` holds: the server, the command line (dist/cli.js) and the Word worker. The
 * command line is its own bundle, not chunks shared with the server: a rebuild replaces whole files,
 * so a running process never finds a chunk it loads late gone or changed.
 */
export async function buildAll(dir = DIST, { logLevel = 'warning' } = {}) {
  await Promise.all([buildServer(join(dir, 'main.js'), { logLevel }), bundle(join(ROOT, 'src', 'cli.ts'), join(dir, 'cli.js'), logLevel)]);
  return { main: join(dir, 'main.js'), cli: join(dir, 'cli.js') };
}

/**
 * True when `file` (default dist/cli.js) exists and is newer than every source it is built from:
 * the files and folders under src/ (tests excluded: they are not bundled; a folder's time covers a
 * deleted file), tsconfig.json and this script. About 20 ms for the ~850 files.
 */
export function bundleIsCurrent(file = join(DIST, 'cli.js')) {
  let built;
  try {
    built = statSync(file).mtimeMs;
  } catch {
    return false;
  }
  const newer = (path) => statSync(path).mtimeMs > built;
  if (newer(join(ROOT, 'tsconfig.json')) || newer(join(ROOT, 'scripts', 'build.mjs'))) return false;
  let entries;
  try {
    entries = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true });
  } catch {
    return true; // a release shipped without its sources runs the bundle it has
  }
  if (newer(join(ROOT, 'src'))) return false;
  for (const e of entries) {
    if (e.isFile() && /\.test\.tsx?$/.test(e.name)) continue;
    if (newer(join(e.parentPath, e.name))) return false;
  }
  return true;
}

async function bundle(entry, outfile, logLevel) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel,
    write: false,
  });
  mkdirSync(dirname(outfile), { recursive: true });
  // the map first, then the code that names it; a rename replaces a file in one step
  const isMap = (f) => f.path.endsWith('.map');
  for (const f of [...result.outputFiles.filter(isMap), ...result.outputFiles.filter((f) => !isMap(f))]) {
    const temporary = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
    writeFileSync(temporary, f.contents);
    renameSync(temporary, f.path);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2]) await buildServer(process.argv[2]);
  else await buildAll();
}
