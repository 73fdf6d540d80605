// Project rules that a generic linter cannot express, checked on every `npm test`:
// - every source file opens with a comment saying why it exists;
// - only src/core/db/dialect/ branches on the database kind;
// - modules import other modules only through their index.ts;
// - src/core/ imports nothing from src/modules/ (its tests may build the whole app);
// - the browser suite (e2e/) and the benchmark (bench/) reach a module only through its index.ts or
//   its *.testing.ts files (core and the rest of src/ freely);
// - production code (src/ and scripts/ outside tests) imports no test helper: no *.testing.ts,
//   testing.ts, *.test.ts or src/testing/ file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const problems: string[] = [];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const full = join(dir, e);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(e) && !e.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports, statically or with `import()`. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm)].map((m) => m[2]!);
}

/** A module's test surface: `x.testing.ts` or `testing.ts` (imports name them `.js`). */
function isTestingFile(path: string): boolean {
  return /(^|[./\\])testing\.(js|ts|tsx)$/.test(path);
}

/** Files that exist only for tests: test files, test surfaces and src/testing/. */
function isTestSupport(path: string): boolean {
  return isTestingFile(path) || /\.test\.(js|ts|tsx)$/.test(path) || path.startsWith(`src${sep}testing${sep}`) || path.startsWith(`e2e${sep}`);
}

for (const file of [...files(join(ROOT, 'src')), ...files(join(ROOT, 'scripts')), ...files(join(ROOT, 'e2e')), ...files(join(ROOT, 'bench'))]) {
  const rel = relative(ROOT, file);
  const text = readFileSync(file, 'utf8');
  if (!/^\s*(\/\/|\/\*)/.test(text)) problems.push(`${rel}: must open with a comment saying why the file exists`);
  const dialectFree = rel.startsWith('src') && !rel.startsWith(`src${sep}core${sep}db${sep}dialect`) && rel !== `src${sep}config.ts` && !/\.test\.tsx?$/.test(rel);
  if (dialectFree && /(['"])(sqlite|postgres)\1\s*(===|!==)|(===|!==)\s*(['"])(sqlite|postgres)\5/.test(text) ) {
    problems.push(`${rel}: branches on the database kind outside src/core/db/dialect/`);
  }
  const inSrc = rel.startsWith(`src${sep}`);
  const outside = rel.startsWith(`e2e${sep}`) || rel.startsWith(`bench${sep}`);
  const production = (inSrc || rel.startsWith(`scripts${sep}`)) && !isTestSupport(rel);
  for (const spec of importsOf(text)) {
    if (!spec.startsWith('.')) continue;
    const target = relative(ROOT, resolve(dirname(file), spec));
    const parts = target.split(sep);
    if (production && isTestSupport(target)) problems.push(`${rel}: imports the test helper ${spec} — production code never imports test files`);
    if (outside && parts[0] === 'src' && parts[1] === 'modules' && !(parts.length === 4 && parts[3] === 'index.js') && !isTestingFile(target)) {
      problems.push(`${rel}: imports ${spec} — e2e/ and bench/ reach a module only through its index.ts or *.testing.ts`);
    }
    if (!inSrc) continue;
    if (rel.startsWith(`src${sep}core`) && !/\.test\.tsx?$/.test(rel) && parts[1] === 'modules') problems.push(`${rel}: core must not import a module (${spec})`);
    const own = rel.split(sep)[2];
    if (rel.startsWith(`src${sep}modules`) && parts[1] === 'modules' && parts[2] !== own && parts.length > 3 && parts[3] !== 'index.js') {
      problems.push(`${rel}: imports ${spec} — other modules are reached only through their index.ts`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('architecture rules: ok');
