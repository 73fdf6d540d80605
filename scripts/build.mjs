// `npm run build` (and the first half of `npm start`): bundles the web server, src/main.ts, into
// dist/main.js with esbuild, so a production process starts without compiling TypeScript on the
// fly (tsx at start cost ~1.5 s and a loader thread's memory; ADR 8). npm packages stay external
// (node_modules is resolved at run time as usual); the Word reader's worker thread is bundled beside it; paths to shipped files come from the project
// root (src/core/paths.ts), so the bundle may live in any folder inside the project. Plain
// JavaScript on purpose: it must run before anything is compiled. Type checking stays with tsc.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');

/** Bundles the server into `outfile` (default dist/main.js); resolves when written. */
export async function buildServer(outfile = join(ROOT, 'dist', 'main.js')) {
  // the Word reader's worker thread (src/core/text/docx.ts) is its own file, found beside the server's
  await Promise.all([
    bundle(join(ROOT, 'src', 'main.ts'), outfile),
    bundle(join(ROOT, 'src', 'core', 'text', 'docx.worker.ts'), join(dirname(outfile), 'docx.worker.js')),
  ]);
  return outfile;
}

async function bundle(entry, outfile) {
  await build({
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
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildServer(process.argv[2]);
}
