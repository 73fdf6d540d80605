#!/usr/bin/env node
// The `spojnia` executable (package.json "bin"). It runs the esbuild bundle dist/cli.js, so a
// command starts without compiling TypeScript (ADR 8): `spojnia --help` in well under a second
// instead of ~2 s through tsx. When dist/cli.js is missing or older than the sources (a checkout,
// an edit), it is rebuilt first (scripts/build.mjs, about a second, said on stderr); when that is
// impossible (no esbuild in a production install, a read-only release), the sources run through
// tsx as before, with a one-line note. SPOJNIA_FROM_SOURCES=1 always runs the sources.
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

async function load() {
  if (process.env.SPOJNIA_FROM_SOURCES === '1') return fromSources();
  const { buildAll, bundleIsCurrent } = await import('../scripts/build.mjs');
  const bundle = join(ROOT, 'dist', 'cli.js');
  if (!bundleIsCurrent(bundle)) {
    process.stderr.write('spojnia: dist/cli.js is missing or older than the sources; building dist/ (scripts/build.mjs)…\n');
    try {
      await buildAll(undefined, { logLevel: 'silent' });
    } catch (err) {
      process.stderr.write(`spojnia: running from the TypeScript sources, dist/ could not be built: ${reason(err)}\n`);
      return fromSources();
    }
  }
  // stack traces (LOG_LEVEL=debug) point at src/*.ts through the bundle's source map
  process.setSourceMapsEnabled(true);
  return import(bundle);
}

async function fromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli.ts');
}

/** esbuild's first error with its place ("Expected … [src/x.ts:12]"), or the first line of any other. */
function reason(err) {
  const first = err?.errors?.[0];
  if (first?.text) return first.location ? `${first.text} [${first.location.file}:${first.location.line}]` : first.text;
  return String(err instanceof Error ? err.message : err).split('\n')[0];
}

const { main } = await load();
await main();
