// Starts the web server: configuration, database (migrated, reference data loaded), the app,
// the one-time set-up link when no administrator exists, the scheduled jobs, and a graceful
// shutdown on SIGTERM.
import { pathToFileURL } from 'node:url';
import { buildApp, MODULES } from './app.js';
import { prepare } from './bootstrap.js';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { startScheduler } from './core/jobs.js';
import { issueSetupToken } from './modules/accounts/index.js';

export async function serve(config: Config): Promise<{ close: () => Promise<void>; url: string }> {
  const started = performance.now();
  const { database, ctx: bootCtx } = await prepare(config, { log: (m) => console.log(m) });
  const { app, ctx, sessions, warmSchemas } = await buildApp({ config, database });
  void bootCtx;
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ ms: Math.round(performance.now() - started) }, 'ready');
  // the route schemas not requested yet, compiled in small slices between requests once the
  // start-up burst (health checks, the first visitors) has been answered
  const warm = setTimeout(
    () => void warmSchemas().catch((err: unknown) => app.log.error({ err }, 'a route schema does not compile')),
    2000,
  );
  warm.unref();

  const token = await issueSetupToken(ctx);
  if (token) console.log(`Spójnia: create the first administrator at ${config.publicUrl}/setup?token=${token}`);

  const purge = setInterval(
    () => void sessions.purgeExpired().catch((err: unknown) => app.log.warn({ err }, 'session purge failed')),
    3600_000,
  );
  purge.unref();
  const scheduler = startScheduler(
    ctx,
    MODULES.flatMap((m) => m.jobs ?? []),
    app.log,
  );

  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    clearInterval(purge);
    clearTimeout(warm);
    // the job ticker claims nothing more from now on; a job already running is awaited below
    const jobsStopped = scheduler.stop();
    // new requests get 503 with Connection: close, busy connections close after their response,
    // requests already received complete; then the onClose hooks (mail worker, Redis) run
    await app.close();
    await jobsStopped;
    // last: SQLite checkpoints its WAL into the database file, PostgreSQL's pool ends
    await database.close();
  };
  return { close, url: address };
}

/**
 * Runs the server until SIGTERM or SIGINT, then closes it; resolves with the exit code. Shared by
 * `npm start` and `spojnia serve` so both stop the same way. A close that hangs past 10 s exits 1,
 * because an orchestrator waiting on us would otherwise kill the process without a word.
 */
export async function serveUntilSignal(config: Config): Promise<number> {
  const server = await serve(config);
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal}: shutting down`);
      const force = setTimeout(() => {
        console.error(`${signal}: not closed within 10 s, exiting anyway`);
        process.exit(1);
      }, 10_000);
      force.unref();
      server.close().then(
        () => resolve(0),
        (err: unknown) => {
          console.error(err);
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

async function main(): Promise<void> {
  loadDotEnv();
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  process.exit(await serveUntilSignal(config));
}

// run as the program (`node dist/main.js`, `node --import tsx src/main.ts`); inside the command
// line's bundle this code is part of dist/cli.js, whose own entry check must be the only one to fire
if (/\/main\.[jt]s$/.test(import.meta.url) && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(2);
  });
}
