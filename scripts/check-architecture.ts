// Project rules that a generic linter cannot express, checked on every `npm test`:
// - every source file opens with a comment saying why it exists;
// - only src/core/db/dialect/ branches on the database kind;
// - modules import other modules only through their index.ts;
// - src/core/ imports nothing from src/modules/ (its tests may build the whole app).
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

for (const file of [...files(join(ROOT, 'src')), ...files(join(ROOT, 'scripts')), ...files(join(ROOT, 'e2e')), ...files(join(ROOT, 'bench')), ...files(join(ROOT, 'durability'))]) {
  const rel = relative(ROOT, file);
  const text = readFileSync(file, 'utf8');
  if (!/^\s*(\/\/|\/\*)/.test(text)) problems.push(`${rel}: must open with a comment saying why the file exists`);
  const dialectFree = rel.startsWith('src') && !rel.startsWith(`src${sep}core${sep}db${sep}dialect`) && rel !== `src${sep}config.ts` && !/\.test\.tsx?$/.test(rel);
  if (dialectFree && /(['"])(sqlite|postgres)\1\s*(===|!==)|(===|!==)\s*(['"])(sqlite|postgres)\5/.test(text) ) {
    problems.push(`${rel}: branches on the database kind outside src/core/db/dialect/`);
  }
  if (!rel.startsWith('src')) continue;
  for (const m of text.matchAll(/from\s+['"](\.[^'"]+)['"]/g)) {
    const target = relative(ROOT, resolve(dirname(file), m[1]!));
    const parts = target.split(sep);
    if (rel.startsWith(`src${sep}core`) && !/\.test\.tsx?$/.test(rel) && parts[1] === 'modules') problems.push(`${rel}: core must not import a module (${m[1]})`);
    const own = rel.split(sep)[2];
    if (rel.startsWith(`src${sep}modules`) && parts[1] === 'modules' && parts[2] !== own && parts.length > 3 && parts[3] !== 'index.js') {
      problems.push(`${rel}: imports ${m[1]} — other modules are reached only through their index.ts`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('architecture rules: ok');
