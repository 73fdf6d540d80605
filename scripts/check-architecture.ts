// Project rules that a generic linter cannot express, checked on every `npm test`:
// - every source file opens with a comment saying why it exists;
// - only src/core/db/dialect/ branches on the database kind;
// - modules import other modules only through their index.ts;
// - src/core/ imports nothing from src/modules/ (its tests may build the whole app);
// - the browser suite (e2e/), the benchmark (bench/) and the durability suite (durability/) reach a
//   module only through its index.ts or its *.testing.ts files (core and the rest of src/ freely);
// - production code (src/ and scripts/ outside tests) imports no test helper: no *.testing.ts,
//   testing.ts, *.test.ts or src/testing/ file;
// - adding a module never edits the core: no file of src/core/, src/cli.ts or the mail module names
//   another module's error code or mail template (modules declare their own and merge them into
//   `ErrorCodes` / `MailTemplates`); src/cli.ts imports no module (their commands come through
//   MODULES); `MODULES` in src/app.ts is the only list of modules (no other file imports a module
//   object); no module keeps a top-level registry (a Map, Set or array) that an exported
//   `register*` function fills, nor calls `register*` at import time — extension points are
//   `AppModule.contributes`, collected per app instance;
// - services hold rules only: a `*.service.ts` imports nothing from Kysely and runs no query (SQL
//   belongs in `*.repo.ts`) and imports no view (`*.tsx`, except another module's index.tsx);
// - one migration convention: a module's `migrations/` holds `YYYYMMDDHHmm_description.ts` files,
//   one migration each, and an index.ts that lists every one of them under its file's name as key;
// - one route toolkit: no `request.params/query/body as …` cast anywhere in src/ (routes are typed
//   by their schemas through AppInstance); no `http.validation` caught by code comparison outside
//   core (use submitForm/formProblems/validationProblems); @fastify/multipart and content-disposition
//   headers only through core/http/uploads.ts; form body schemas only through formBody/formBodyWithLists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const problems: string[] = [];
const isTest = (rel: string) => /\.test\.tsx?$/.test(rel);

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
  return (
    isTestingFile(path) ||
    /\.test\.(js|ts|tsx)$/.test(path) ||
    path.startsWith(`src${sep}testing${sep}`) ||
    path.startsWith(`e2e${sep}`) ||
    path.startsWith(`durability${sep}`)
  );
}

for (const file of [
  ...files(join(ROOT, 'src')),
  ...files(join(ROOT, 'scripts')),
  ...files(join(ROOT, 'e2e')),
  ...files(join(ROOT, 'bench')),
  ...files(join(ROOT, 'durability')),
]) {
  const rel = relative(ROOT, file);
  const text = readFileSync(file, 'utf8');
  if (!/^\s*(\/\/|\/\*)/.test(text)) problems.push(`${rel}: must open with a comment saying why the file exists`);
  const dialectFree =
    rel.startsWith('src') &&
    !rel.startsWith(`src${sep}core${sep}db${sep}dialect`) &&
    rel !== `src${sep}config.ts` &&
    !/\.test\.tsx?$/.test(rel);
  if (dialectFree && /(['"])(sqlite|postgres)\1\s*(===|!==)|(===|!==)\s*(['"])(sqlite|postgres)\5/.test(text)) {
    problems.push(`${rel}: branches on the database kind outside src/core/db/dialect/`);
  }
  const inSrc = rel.startsWith(`src${sep}`);
  const outside = rel.startsWith(`e2e${sep}`) || rel.startsWith(`bench${sep}`) || rel.startsWith(`durability${sep}`);
  const production = (inSrc || rel.startsWith(`scripts${sep}`)) && !isTestSupport(rel);
  for (const spec of importsOf(text)) {
    if (!spec.startsWith('.')) continue;
    const target = relative(ROOT, resolve(dirname(file), spec));
    const parts = target.split(sep);
    if (production && isTestSupport(target))
      problems.push(`${rel}: imports the test helper ${spec} — production code never imports test files`);
    if (
      outside &&
      parts[0] === 'src' &&
      parts[1] === 'modules' &&
      !(parts.length === 4 && parts[3] === 'index.js') &&
      !isTestingFile(target)
    ) {
      problems.push(`${rel}: imports ${spec} — e2e/, bench/ and durability/ reach a module only through its index.ts or *.testing.ts`);
    }
    if (!inSrc) continue;
    if (rel.startsWith(`src${sep}core`) && !/\.test\.tsx?$/.test(rel) && parts[1] === 'modules')
      problems.push(`${rel}: core must not import a module (${spec})`);
    const own = rel.split(sep)[2];
    if (rel.startsWith(`src${sep}modules`) && parts[1] === 'modules' && parts[2] !== own && parts.length > 3 && parts[3] !== 'index.js') {
      problems.push(`${rel}: imports ${spec} — other modules are reached only through their index.ts`);
    }
  }
}

// --- adding a module never edits the core ---------------------------------------------------------
const MODULES_DIR = join(ROOT, 'src', 'modules');
const moduleNames = readdirSync(MODULES_DIR).filter((e) => statSync(join(MODULES_DIR, e)).isDirectory());
/** What each module declares, read from its sources: error codes (`'x.y': { status: … }`) and mail templates. */
const declared: { owner: string; kind: 'error code' | 'mail template'; name: string }[] = [];
for (const owner of moduleNames) {
  for (const file of files(join(MODULES_DIR, owner))) {
    const text = readFileSync(file, 'utf8');
    if (isTest(file)) continue;
    for (const m of text.matchAll(/['"]([a-z][a-z_]*\.[a-z_]+)['"]\s*:\s*\{\s*status\s*:/g))
      declared.push({ owner, kind: 'error code', name: m[1]! });
    for (const block of text.matchAll(/interface MailTemplates\s*\{([\s\S]*?)\n\s*\}/g)) {
      for (const m of block[1]!.matchAll(/^\s*([A-Za-z0-9_]+)\s*:/gm)) declared.push({ owner, kind: 'mail template', name: m[1]! });
    }
  }
}
const domainFree = [
  ...files(join(ROOT, 'src', 'core')).map((f) => ({ file: f, own: null as string | null })),
  { file: join(ROOT, 'src', 'cli.ts'), own: null },
  ...files(join(MODULES_DIR, 'mail')).map((f) => ({ file: f, own: 'mail' })),
].filter(({ file }) => !isTest(file));
for (const { file, own } of domainFree) {
  const rel = relative(ROOT, file);
  const text = readFileSync(file, 'utf8');
  for (const d of declared) {
    if (d.owner === own) continue;
    const name = d.name.replace('.', '\\.');
    // a quoted name (a code, a template) or, for templates, an object key (`password_reset: [...]`)
    const named = new RegExp(d.kind === 'error code' ? `['"\`]${name}['"\`.]` : `['"\`]${name}['"\`.]|\\b${name}\\s*:`);
    if (named.test(text))
      problems.push(
        `${rel}: names the ${d.kind} ${d.name} of the ${d.owner} module — modules declare their own (see docs/architecture.md, "Adding a module")`,
      );
  }
}

const CLI = join(ROOT, 'src', 'cli.ts');
for (const m of readFileSync(CLI, 'utf8').matchAll(/(?:from\s+|import\()\s*['"](\.[^'"]+)['"]/g)) {
  if (relative(ROOT, resolve(dirname(CLI), m[1]!)).split(sep)[1] === 'modules')
    problems.push(`src/cli.ts: imports ${m[1]} — modules bring their commands through AppModule.commands`);
}

for (const file of files(join(ROOT, 'src'))) {
  const rel = relative(ROOT, file);
  if (isTest(rel) || rel === join('src', 'app.ts')) continue;
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+['"](\.[^'"]+)['"]/g)) {
    const target = relative(ROOT, resolve(dirname(file), m[2]!)).split(sep);
    const own = rel.split(sep)[1] === 'modules' ? rel.split(sep)[2] : null;
    if (target[1] !== 'modules' || target[2] === own) continue;
    const objects = m[1]!
      .split(',')
      .map((x) => x.trim().replace(/^type\s+/, ''))
      .filter((x) => /^[a-z]\w*Module$/.test(x));
    if (objects.length) problems.push(`${rel}: imports ${objects.join(', ')} — MODULES in src/app.ts is the only list of modules`);
  }
}

for (const file of files(MODULES_DIR)) {
  const rel = relative(ROOT, file);
  if (isTest(rel)) continue;
  const text = readFileSync(file, 'utf8');
  const registries = [...text.matchAll(/^(?:export\s+)?(?:const|let)\s+(\w+)\b[^=\n]*=\s*(?:new\s+(?:Map|Set|WeakMap)\b|\[)/gm)].map(
    (m) => m[1]!,
  );
  for (const fn of text.matchAll(/^export\s+(?:async\s+)?function\s+(register\w*)[\s\S]*?\n\}/gm)) {
    for (const name of registries) {
      if (new RegExp(`\\b${name}\\s*(?:\\.(?:set|add|push|unshift|splice)\\(|\\[[^\\]]*\\]\\s*=[^=])`).test(fn[0])) {
        problems.push(`${rel}: ${fn[1]}() fills the module-level ${name} — declare an extension point in ModuleContributions instead`);
      }
    }
  }
  for (const m of text.matchAll(/^(register\w*)\(/gm))
    problems.push(`${rel}: calls ${m[1]}() at import time — contribute through AppModule.contributes instead`);
}

// --- services: rules, no SQL and no views ---------------------------------------------------------
const QUERY = /\.(?:selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|selectNoFrom)\(|\bsql\s*(?:`|\.\w+\(|<)|\.schema\./;
for (const file of files(join(ROOT, 'src')).filter((f) => f.endsWith('.service.ts'))) {
  const rel = relative(ROOT, file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:from\s+|import\s*\(?\s*)['"]([^'"]+)['"]/g)) {
    const spec = m[1]!;
    if (spec === 'kysely' || spec.startsWith('kysely/'))
      problems.push(`${rel}: imports ${spec} — queries and their types belong in a *.repo.ts`);
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec.replace(/\.js$/, '.tsx'));
    if (existsSync(target) && !target.endsWith(`${sep}index.tsx`))
      problems.push(`${rel}: imports the view ${spec} — services build no views (the route or a *.views.tsx does)`);
  }
  const query = QUERY.exec(text);
  if (query) problems.push(`${rel}: runs a query (${query[0]}…) — SQL belongs in a *.repo.ts`);
}

// --- migrations: dated files, one migration each, listed by the index ------------------------------
for (const mod of moduleNames) {
  const dir = join(MODULES_DIR, mod, 'migrations');
  if (!existsSync(dir)) continue;
  const index = existsSync(join(dir, 'index.ts')) ? readFileSync(join(dir, 'index.ts'), 'utf8') : '';
  if (!index) problems.push(`src/modules/${mod}/migrations: needs an index.ts listing its migrations`);
  if (/\bup\s*\(/.test(index))
    problems.push(`src/modules/${mod}/migrations/index.ts: holds a migration itself — each one goes in its own dated file`);
  const listed = new Set([...index.matchAll(/^\s*'(\d{12}_[a-z0-9_]+)'\s*:/gm)].map((m) => m[1]!));
  for (const entry of readdirSync(dir)) {
    if (entry === 'index.ts') continue;
    const rel = `src/modules/${mod}/migrations/${entry}`;
    const key = /^(\d{12}_[a-z0-9_]+)\.ts$/.exec(entry)?.[1];
    if (!key) {
      problems.push(`${rel}: a migration file is named YYYYMMDDHHmm_description.ts (its key)`);
      continue;
    }
    const text = readFileSync(join(dir, entry), 'utf8');
    const exported = [...text.matchAll(/^export const (\w+): ModuleMigration = \{/gm)].map((m) => m[1]!);
    if (exported.length !== 1) problems.push(`${rel}: holds exactly one migration (export const x: ModuleMigration = { … })`);
    const name = exported[0];
    if (!listed.has(key) || (name && !new RegExp(`'${key}'\\s*:\\s*${name}\\b`).test(index)))
      problems.push(`${rel}: index.ts lists it under its own key ('${key}': ${name ?? '…'})`);
    listed.delete(key);
  }
  for (const key of listed) problems.push(`src/modules/${mod}/migrations/index.ts: lists ${key} but has no file ${key}.ts`);
}

// --- one route toolkit ------------------------------------------------------------------------------
const TOOLKIT: [RegExp, string][] = [
  [
    /\b(?:request|req)\.(?:params|query|body)\s+as\b/,
    'casts request input — declare it in the route schema (AppInstance types the handler)',
  ],
  [
    /\.code\s*[!=]==\s*'http\.validation'/,
    "compares an error code with 'http.validation' — use submitForm/formProblems (core/http/forms.ts) or validationProblems",
  ],
  [/from\s+'@fastify\/multipart'/, 'reads multipart itself — use core/http/uploads.ts'],
  [
    /header\(\s*'content-disposition',\s*[`'"]/,
    'builds a content-disposition header by hand — use contentDisposition() from core/http/uploads.ts',
  ],
  [
    /Type\.Record\(\s*Type\.String\(\{\s*maxLength:\s*\d+\s*\}\),\s*(?:Type\.String|Type\.Union)/,
    'defines a form body schema by hand — use formBody/formBodyWithLists (core/http/forms.ts)',
  ],
];
const TOOLKIT_HOME = new Set(['src/core/http/forms.ts', 'src/core/http/uploads.ts', 'src/core/errors/app-error.ts']);
for (const file of files(join(ROOT, 'src'))) {
  const rel = relative(ROOT, file).split(sep).join('/');
  if (TOOLKIT_HOME.has(rel)) continue;
  const text = readFileSync(file, 'utf8');
  // tests may inspect an error's code; production code goes through the helpers
  for (const [pattern, message] of TOOLKIT)
    if (pattern.test(text) && !(isTest(rel) && pattern === TOOLKIT[1]![0])) problems.push(`${rel}: ${message}`);
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('architecture rules: ok');
