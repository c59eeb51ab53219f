import type { StancewatchConfig } from '../config/index.js';
import { formatTrendMatrix } from '../analytics/index.js';
import { openRuntime, startReconciler, startRetention } from '../pipeline/index.js';
import { startInProcessScheduler, syncCrawlSchedulers } from '../queue/index.js';
import { pollIntervals, stanceTrend } from '../store/index.js';
import type { CliContext } from './context.js';
import { printJson } from './output.js';
import { WORKER_ROLES, shutdown, startBullWorkers } from './start-workers.js';
import { waitForSignal } from './wait-for-signal.js';
import { installLastResortHandlers } from './last-resort.js';

/** `start --once`: crawl every outlet once in this process, analyse, check alerts, exit. */
export async function runOnce(ctx: CliContext, config: StancewatchConfig): Promise<void> {
  const rt = await openRuntime(ctx.env, config, ctx.log, { inProcess: true });
  try {
    for (const o of config.outlets) await rt.runner!.enqueueCrawl({ outletId: o.id, trigger: 'once' });
    const stats = await rt.runner!.drain();
    printJson({ database: rt.database.location, jobs: stats });
    process.stdout.write(`${formatTrendMatrix(await stanceTrend(rt.deps.db, { interval: 'week' }))}\n`);
    if (stats.failed.length > 0) process.exitCode = 1;
  } finally {
    await rt.close();
  }
}

/**
 * `start` with a config: the whole pipeline in one process until stopped. With Redis, BullMQ job
 * schedulers plus every worker; without, in-process timers feeding the in-process runner.
 */
export async function runForever(ctx: CliContext, config: StancewatchConfig): Promise<void> {
  installLastResortHandlers(ctx.log);
  const rt = await openRuntime(ctx.env, config, ctx.log);
  const retention = startRetention(rt.deps.db, config.retention, ctx.log);
  if (rt.bull) {
    // Adapted polling intervals survive a restart.
    await syncCrawlSchedulers(rt.bull.queues.crawl, config.outlets, await pollIntervals(rt.deps.db));
    const workers = startBullWorkers(rt, WORKER_ROLES, ctx.log, { stallCheckMs: ctx.env.stallCheckMs });
    ctx.log.info({ outlets: config.outlets.length, database: rt.database.location }, 'pipeline running (BullMQ)');
    // As the scheduler process does: re-drive articles whose analyze job was lost.
    const reconciler = startReconciler(rt.deps, ctx.env.reconcileIntervalMs);
    await waitForSignal();
    await reconciler.stop();
    await retention.stop();
    await shutdown(workers, rt, ctx.log);
    return;
  }
  const runner = rt.runner!;
  // One drain at a time: a due crawl waits for the previous batch instead of interleaving with it.
  let chain: Promise<unknown> = Promise.resolve();
  const crawl = (outletId: string) => {
    chain = chain
      .then(() => runner.enqueueCrawl({ outletId, trigger: 'schedule' }))
      .then(() => runner.drain())
      .catch((err: unknown) => ctx.log.error({ outletId, err: String(err) }, 'scheduled crawl failed'));
  };
  config.outlets.forEach((o) => crawl(o.id));
  for (const [id, ms] of await pollIntervals(rt.deps.db)) runner.pollIntervals.set(id, ms);
  const scheduler = startInProcessScheduler(config.outlets, crawl, { intervalOf: (id) => runner.pollIntervals.get(id) });
  runner.onReschedule = (id, ms) => scheduler.reschedule(id, ms);
  ctx.log.info({ outlets: config.outlets.length, database: rt.database.location }, 'pipeline running (in-process)');
  await waitForSignal();
  scheduler.stop();
  await retention.stop();
  await chain;
  await rt.close();
}
