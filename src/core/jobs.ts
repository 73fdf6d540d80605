// Runs the modules' scheduled jobs (reminders, retention). There is no separate worker process to
// deploy: every web process ticks once a minute, and a job is claimed with one conditional UPDATE,
// so with several processes a due job still runs once. A job that crashes stays locked for the
// lock period, then becomes due again.
import type { ModuleContext, ScheduledJob } from './module.js';

const LOCK_MS = 15 * 60_000;
const TICK_MS = 60_000;

export interface JobOutcome {
  name: string;
  ran: boolean;
  result?: string;
  error?: string;
}

/** Claims the job when it is due (or when `force`); true when this caller may run it now. */
async function claim(ctx: ModuleContext, job: ScheduledJob, force: boolean): Promise<boolean> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  await ctx.db
    .insertInto('scheduled_jobs')
    .values({ name: job.name, last_started_at: null, last_finished_at: null, last_result: null, locked_until: null })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const dueBefore = new Date(now.getTime() - job.intervalMs).toISOString();
  let update = ctx.db
    .updateTable('scheduled_jobs')
    .set({ last_started_at: nowIso, locked_until: new Date(now.getTime() + LOCK_MS).toISOString() })
    .where('name', '=', job.name)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]));
  if (!force) update = update.where((eb) => eb.or([eb('last_started_at', 'is', null), eb('last_started_at', '<=', dueBefore)]));
  const res = await update.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

async function runOne(ctx: ModuleContext, job: ScheduledJob, force: boolean): Promise<JobOutcome> {
  if (!(await claim(ctx, job, force))) return { name: job.name, ran: false };
  let outcome: JobOutcome;
  try {
    const result = (await job.run(ctx)) ?? 'ok';
    outcome = { name: job.name, ran: true, result };
  } catch (err) {
    outcome = { name: job.name, ran: true, error: err instanceof Error ? err.message : String(err) };
  }
  await ctx.db
    .updateTable('scheduled_jobs')
    .set({
      last_finished_at: ctx.clock.now().toISOString(),
      last_result: (outcome.error ? `error: ${outcome.error}` : outcome.result!).slice(0, 500),
      locked_until: null,
    })
    .where('name', '=', job.name)
    .execute();
  return outcome;
}

/**
 * Runs every due job once, one after another; `force` runs them even when not due. `stopping`
 * is asked before each claim: once it says true, no further job is claimed (shutdown).
 */
export async function runDueJobs(
  ctx: ModuleContext,
  jobs: readonly ScheduledJob[],
  opts: { force?: boolean; stopping?: () => boolean } = {},
): Promise<JobOutcome[]> {
  const out: JobOutcome[] = [];
  for (const job of jobs) {
    if (opts.stopping?.()) break;
    out.push(await runOne(ctx, job, opts.force ?? false));
  }
  return out;
}

export interface Scheduler {
  /** Claims nothing more from the moment it is called; resolves when the job running now ends. */
  stop(): Promise<void>;
}

/**
 * The first tick comes this long after start, so a process that has just started serves its first
 * requests before the jobs due since it last ran (all of them on a new database) take their turn.
 */
export const FIRST_TICK_MS = 5_000;

/** Ticks every minute in the web process; failures are logged, never thrown. */
export function startScheduler(
  ctx: ModuleContext,
  jobs: readonly ScheduledJob[],
  log: { debug(o: object, m: string): void; info(o: object, m: string): void; error(o: object, m: string): void },
): Scheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runDueJobs(ctx, jobs, { stopping: () => stopped })
      .then((outcomes) => {
        // at debug level, every tick says what it claimed: with several instances, the one that ran a job
        log.debug(
          { ran: outcomes.filter((o) => o.ran).map((o) => o.name), notClaimed: outcomes.filter((o) => !o.ran).length },
          'scheduler tick',
        );
        for (const o of outcomes) {
          if (o.error) log.error({ job: o.name, err: o.error }, 'scheduled job failed');
          else if (o.ran) log.info({ job: o.name, result: o.result }, 'scheduled job ran');
        }
      })
      .catch((err: unknown) => log.error({ err }, 'scheduler tick failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  const first = setTimeout(tick, FIRST_TICK_MS);
  first.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}
