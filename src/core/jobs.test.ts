// The scheduler's promise: a due job runs once however many processes tick, is not due again
// before its interval, runs again after it, and a failing job is recorded and released.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '../testing/app.js';
import { runDueJobs } from './jobs.js';
import type { ScheduledJob } from './module.js';
import { ManualClock } from '../testing/clock.js';

test('a due job runs once, again only after its interval; force runs it anyway; failures are recorded', async () => {
  const clock = new ManualClock('2026-03-01T08:00:00Z');
  const t = await createTestApp({ reference: false, clock });
  try {
    let runs = 0;
    const job: ScheduledJob = { name: 'test.daily', intervalMs: 24 * 3600_000, run: async () => `run ${++runs}` };
    const [a, b] = await Promise.all([runDueJobs(t.ctx, [job]), runDueJobs(t.ctx, [job])]);
    assert.equal(runs, 1, 'two processes ticking at once run the job once');
    assert.deepEqual([a[0]!.ran, b[0]!.ran].sort(), [false, true]);

    clock.set('2026-03-01T20:00:00Z');
    assert.equal((await runDueJobs(t.ctx, [job]))[0]!.ran, false);
    assert.equal(runs, 1);
    assert.equal((await runDueJobs(t.ctx, [job], { force: true }))[0]!.ran, true);
    assert.equal(runs, 2);

    clock.set('2026-03-02T20:00:01Z');
    assert.equal((await runDueJobs(t.ctx, [job]))[0]!.result, 'run 3');

    const failing: ScheduledJob = { name: 'test.failing', intervalMs: 3600_000, run: async () => Promise.reject(new Error('SMTP down')) };
    const [out] = await runDueJobs(t.ctx, [failing]);
    assert.equal(out!.error, 'SMTP down');
    const row = await t.ctx.db.selectFrom('scheduled_jobs').selectAll().where('name', '=', 'test.failing').executeTakeFirstOrThrow();
    assert.equal(row.last_result, 'error: SMTP down');
    assert.equal(row.locked_until, null, 'a finished job does not keep its lock');
  } finally {
    await t.close();
  }
});

test('once shutdown begins, the ticker claims no further job: the one running finishes, the rest stay unclaimed', async () => {
  const t = await createTestApp({ reference: false });
  try {
    let stopping = false;
    const ran: string[] = [];
    const first: ScheduledJob = {
      name: 'test.first',
      intervalMs: 3600_000,
      run: async () => {
        // the signal arrives while this job runs
        stopping = true;
        ran.push('first');
        return 'done';
      },
    };
    const second: ScheduledJob = { name: 'test.second', intervalMs: 3600_000, run: async () => void ran.push('second') };
    const outcomes = await runDueJobs(t.ctx, [first, second], { stopping: () => stopping });
    assert.deepEqual(ran, ['first']);
    assert.deepEqual(
      outcomes.map((o) => o.name),
      ['test.first'],
    );
    const rows = await t.ctx.db.selectFrom('scheduled_jobs').select(['name', 'last_started_at', 'locked_until']).orderBy('name').execute();
    assert.deepEqual(
      rows.map((r) => [r.name, r.last_started_at !== null, r.locked_until]),
      [['test.first', true, null]],
      'the second job was neither claimed nor even registered',
    );
  } finally {
    await t.close();
  }
});
