// Test support for `spojnia stack`: TypeScript files bundled with a linked source map, as
// scripts/build.mjs does, and the bundle run without source maps in a process of its own, so the
// stack trace it prints names positions in the bundle, as the production log does.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

/** Writes `files` (path → lines) under `root`, bundles `entry` into `bundle`, runs it; its stderr. */
export async function bundledStack(root: string, files: Record<string, string[]>, entry: string, bundle: string): Promise<string> {
  for (const [path, lines] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), [...lines, ''].join('\n'));
  }
  await build({
    entryPoints: [join(root, entry)],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    sourcemap: 'linked',
    logLevel: 'silent',
  });
  return spawnSync(process.execPath, [bundle], { encoding: 'utf8', env: {} }).stderr;
}
