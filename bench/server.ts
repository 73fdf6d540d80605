// The baselines of `npm run bench`, in a process of their own so the load generator does not
// share their event loop (the application itself runs as the production process, see run.ts):
// a raw Fastify route serving a fixed 5 KB HTML string — the baseline S — and the same route
// behind the platform's security plugins (helmet, session, CSRF, rate limit), which shows how
// much of a gap to S is the plugin stack rather than the page. Two more raw baselines read the
// benchmark's SQLite file (already migrated and loaded by run.ts) through their own
// better-sqlite3 connection: one indexed query rendered as 20 table rows (Q) and one unranked
// FTS5 query rendered the same way (F). Given a PostgreSQL URL instead, it serves Q alone, from the
// same query over its own pg pool (the PostgreSQL column's baseline). Prints the ports as one JSON line.
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';
import { openDatabase } from '../src/core/db/database.js';
import { loadConfig } from '../src/config.js';
import { registerSecurity } from '../src/core/http/security.js';
import { systemClock } from '../src/core/db/time.js';

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error('usage: bench/server.ts DATABASE_URL');

/** A complete HTML document of exactly 5 KB (ASCII, so characters are bytes). */
function baselineHtml(bytes = 5 * 1024): string {
  const head = '<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>S</title></head><body><p>';
  const tail = '</p></body></html>';
  return `${head}${'x'.repeat(bytes - head.length - tail.length)}${tail}`;
}
const BASELINE_HTML = baselineHtml();

const escapeHtml = (s: string | null) => (s ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const rowsHtml = (rows: { id: string; name: string; town: string | null }[]) =>
  `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Q</title></head><body><table><tbody>${rows.map((r) => `<tr><th><a href="/podmioty/${r.id}">${escapeHtml(r.name)}</a></th><td>${escapeHtml(r.town)}</td></tr>`).join('')}</tbody></table></body></html>`;
const Q_SQL = "select id, name, town from entities where legal_form = $1 and lifecycle != 'closed' order by name_sort, id limit 20";

if (databaseUrl.startsWith('postgres')) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const baseline = Fastify({ logger: false });
  baseline.get('/q', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(rowsHtml((await pool.query(Q_SQL, ['fundacja'])).rows as never)),
  );
  await baseline.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ baseline: (baseline.server.address() as { port: number }).port, secured: 0 })}\n`);
  const stop = async () => {
    await baseline.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
} else {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: 'bench-session-secret-0123456789abcdefghij',
    LOG_LEVEL: 'silent',
  });
  const database = await openDatabase(databaseUrl);

  const raw = new BetterSqlite3(databaseUrl.slice('sqlite:'.length), { readonly: true });
  const q = raw.prepare(Q_SQL.replace('$1', '?'));
  const f = raw.prepare(
    'select e.id, e.name, e.town from entities e where e.rowid in (select rowid from entities_fts where entities_fts match ? limit 20)',
  );

  const baseline = Fastify({ logger: false });
  baseline.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(BASELINE_HTML));
  baseline.get('/q', async (_request, reply) => reply.type('text/html; charset=utf-8').send(rowsHtml(q.all('fundacja') as never)));
  baseline.get('/f', async (request, reply) => {
    // the terms arrive already folded and stemmed (bench/run.ts); quoted as prefixes like the seam does
    const terms = String((request.query as { q?: string }).q ?? '')
      .split(' ')
      .filter(Boolean);
    const match = terms.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' AND ');
    return reply.type('text/html; charset=utf-8').send(rowsHtml(f.all(match) as never));
  });
  await baseline.listen({ port: 0, host: '127.0.0.1' });

  const secured = Fastify({ logger: false });
  await registerSecurity(secured, {
    config,
    db: database.db,
    clock: systemClock,
    loadUser: async () => null,
    rateLimitPerMinute: 1_000_000_000,
  });
  secured.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(BASELINE_HTML));
  await secured.listen({ port: 0, host: '127.0.0.1' });

  const port = (f: typeof baseline) => (f.server.address() as { port: number }).port;
  process.stdout.write(`${JSON.stringify({ baseline: port(baseline), secured: port(secured) })}\n`);

  const stop = async () => {
    await Promise.allSettled([baseline.close(), secured.close()]);
    await database.close();
    raw.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}
