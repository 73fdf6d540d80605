// Writes docs/routes.md, the table "URL → file": every route of the application with its method,
// access rule and the source file that registers it, read from the router itself (the app is built
// on an in-memory SQLite database; an onRoute hook takes the file from the stack at registration).
// `npm run docs:routes` regenerates it; `--check` (run by `npm test`) fails when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RouteOptions } from 'fastify';
import { buildApp, MODULES } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { accessName, type AccessRule } from '../src/core/auth/access.js';
import { openDatabase } from '../src/core/db/database.js';
import { migrateToLatest } from '../src/core/db/migrate.js';

const ROOT = join(import.meta.dirname, '..');
const TARGET = join(ROOT, 'docs', 'routes.md');

interface Row {
  methods: string[];
  url: string;
  access: string;
  file: string;
}

/** The src/ files on a registration stack, innermost first, as paths relative to the project. */
function sourceFiles(stack: string): string[] {
  const out: string[] = [];
  for (const m of stack.matchAll(/\(?((?:file:\/\/)?\/[^():\s]+\.tsx?):\d+:\d+\)?/g)) {
    const path = m[1]!.startsWith('file://') ? fileURLToPath(m[1]!) : m[1]!;
    const rel = relative(ROOT, path);
    if (rel.startsWith(`src${sep}`)) out.push(rel.split(sep).join('/'));
  }
  return out;
}

/**
 * The file that registers a route: the innermost src/ frame, except that a core helper called from
 * a module (a wrapper registering routes for it) gives way to the module's file. A route a plugin
 * adds by itself (static files, the API documentation) is named by the plugin's package.
 */
function registeringFile(stack: string): string {
  const files = sourceFiles(stack);
  const first = files[0];
  if (!first) {
    const plugin = [...stack.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)]
      .map((m) => m[1]!)
      .find((p) => p !== 'fastify' && p !== 'avvio');
    return plugin ? `plugin ${plugin}` : 'plugin';
  }
  if (first.startsWith('src/core/')) {
    const moduleFile = files.find((f) => f.startsWith('src/modules/'));
    if (moduleFile) return moduleFile;
  }
  return first;
}

async function collectRoutes(): Promise<Row[]> {
  const previousLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 200;
  const config = loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    SESSION_SECRET: 'routes-table-secret-0123456789abcdefghij',
    LOG_LEVEL: 'silent',
    PAGE_CACHE_MS: '0',
  });
  const database = await openDatabase(config.databaseUrl);
  const raw: { method: string; url: string; access: string; file: string }[] = [];
  try {
    await migrateToLatest(database, MODULES);
    const onRoute = (route: RouteOptions) => {
      const rule = (route.config as { access?: AccessRule } | undefined)?.access;
      const file = registeringFile(new Error().stack ?? '');
      for (const method of [route.method].flat())
        raw.push({ method, url: route.url, access: rule === undefined ? '(none)' : accessName(rule), file });
    };
    const { app } = await buildApp({ config, database, logger: false, onRoute });
    await app.ready();
    await app.close();
  } finally {
    await database.close();
    Error.stackTraceLimit = previousLimit;
  }
  const rows = new Map<string, Row>();
  for (const r of raw) {
    // HEAD answers every GET by itself; it is listed only where it is a route of its own
    if (r.method === 'HEAD' && raw.some((o) => o.method === 'GET' && o.url === r.url)) continue;
    const key = `${r.url}\u0000${r.access}\u0000${r.file}`;
    const row = rows.get(key);
    if (row) {
      if (!row.methods.includes(r.method)) row.methods.push(r.method);
    } else rows.set(key, { methods: [r.method], url: r.url, access: r.access, file: r.file });
  }
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
  for (const row of rows.values()) row.methods.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return [...rows.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : a.methods.join() < b.methods.join() ? -1 : 1));
}

const SERVICE = /^\/(assets\/|healthz$|readyz$)/;
const SECTIONS: { title: string; note: string; has: (url: string) => boolean }[] = [
  {
    title: 'Public pages and forms',
    note: "including sign-in and the own account (`/konto`), the representatives' pages and partner reporting",
    has: (u) => !u.startsWith('/admin') && !u.startsWith('/api/') && !SERVICE.test(u),
  },
  { title: 'Administration', note: 'staff pages under `/admin`', has: (u) => u === '/admin' || u.startsWith('/admin/') },
  { title: 'API', note: 'JSON under `/api/`, described at `/api/docs`', has: (u) => u.startsWith('/api/') },
  { title: 'Service', note: 'health checks and static files', has: (u) => SERVICE.test(u) },
];
/** The text of docs/routes.md. */
function routesMarkdown(rows: Row[]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const out = [
    '# URL → file',
    '',
    '<!-- Generated by `npm run docs:routes` (scripts/routes-table.ts) from the router; do not edit by hand. `npm test` fails when it is stale. -->',
    '',
    `Every route of the application (${rows.length} rows), read from the router: the method(s), the URL as`,
    'registered (`:name` is a path parameter, `*` the rest of the path), the access rule the route declares',
    '(`public`, `authenticated` or `policy:<name>`; `(none)` only for the routes of a plugin that the access',
    'check exempts) and the file whose code registers it. A HEAD route is not listed: every GET answers HEAD.',
    '',
    '**Languages.** The router holds each URL once, in Polish. Every URL also answers with the `/en` prefix',
    'in English (`/en/podmioty`, `/en/admin/podmioty`, `/en` for the home page): the prefix is stripped',
    'before routing (`stripLanguagePrefix` in src/core/http/language.ts) and sets the language, so the paths',
    'stay Polish in both languages.',
  ];
  for (const section of SECTIONS) {
    const list = rows.filter((r) => section.has(r.url));
    out.push(
      '',
      `## ${section.title}`,
      '',
      `${section.note[0]!.toUpperCase()}${section.note.slice(1)}.`,
      '',
      '| URL | method | access | file |',
      '| --- | --- | --- | --- |',
    );
    for (const r of list)
      out.push(
        `| \`${cell(r.url)}\` | ${r.methods.join(', ')} | ${cell(r.access)} | ${r.file.startsWith('src/') ? `\`${r.file}\`` : r.file} |`,
      );
  }
  return `${out.join('\n')}\n`;
}

const text = routesMarkdown(await collectRoutes());
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(TARGET, 'utf8');
  } catch {
    // a missing file is stale too
  }
  if (current !== text) {
    console.error('docs/routes.md is stale: run npm run docs:routes');
    process.exit(1);
  }
  console.log('docs/routes.md: up to date');
} else {
  writeFileSync(TARGET, text);
  console.log(`docs/routes.md: ${text.split('\n').filter((l) => l.startsWith('| `')).length} routes`);
}
