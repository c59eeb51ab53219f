import type { Command } from 'commander';
import { openRuntime, startAnalysisThread, startReconciler, startRetention } from '../../pipeline/index.js';
import { syncCrawlSchedulers } from '../../queue/index.js';
import { pollIntervals } from '../../store/index.js';
import { cliContext, requireConfig, type CliContext } from '../context.js';
import { WORKER_ROLES, shutdown, startBullWorkers, type WorkerRole } from '../start-workers.js';
import { waitForSignal } from '../wait-for-signal.js';
import { installLastResortHandlers } from '../last-resort.js';

/** Runs BullMQ workers for the roles until SIGINT/SIGTERM, then lets active jobs finish. */
export async function runWorkers(ctx: CliContext, roles: readonly WorkerRole[]): Promise<void> {
  installLastResortHandlers(ctx.log);
  const config = await requireConfig(ctx);
  if (!ctx.env.redisUrl) throw new Error('workers need Redis: set REDIS_URL');
  const rt = await openRuntime(ctx.env, config, ctx.log);
  // An analyze worker analyses on a thread of its own while its main thread fetches jobs, reads
  // articles and saves the previous batches.
  const thread = roles.includes('analyze') ? await startAnalysisThread(config.actors) : undefined;
  try {
    if (thread) rt.deps.analyzeText = (text) => thread.analyze(text);
    const workers = startBullWorkers(rt, roles, ctx.log, { stallCheckMs: ctx.env.stallCheckMs });
    ctx.log.info({ roles, database: rt.database.location }, 'workers started');
    const sig = await waitForSignal();
    ctx.log.info({ signal: sig }, 'signal received');
    await shutdown(workers, rt, ctx.log);
  } finally {
    // After the workers' active jobs, which wait on it; a live thread would keep the process up.
    await thread?.close();
  }
}

// Re-reading the config now and then picks up new or removed outlets without a restart.
const RESYNC_MS = 5 * 60_000;

/** Keeps one BullMQ job scheduler per outlet in step with the config file until stopped. */
export async function runScheduler(ctx: CliContext): Promise<void> {
  if (!ctx.env.redisUrl) throw new Error('the scheduler needs Redis: set REDIS_URL');
  installLastResortHandlers(ctx.log);
  const rt = await openRuntime(ctx.env, await requireConfig(ctx), ctx.log);
  const sync = async () => {
    const config = await requireConfig(ctx);
    const res = await syncCrawlSchedulers(rt.bull!.queues.crawl, config.outlets, await pollIntervals(rt.deps.db));
    ctx.log.info({ installed: res.installed.length, removed: res.removed }, 'crawl schedulers synced');
  };
  await sync();
  const timer = setInterval(() => {
    sync().catch((err: unknown) => ctx.log.error({ err: String(err) }, 'scheduler resync failed'));
  }, RESYNC_MS);
  // The reconciler re-drives articles whose analyze job was lost; one pass at a time.
  const reconciler = startReconciler(rt.deps, ctx.env.reconcileIntervalMs);
  // The config's retention: one scheduler per deployment, so one pruner.
  const retention = startRetention(rt.deps.db, rt.deps.config.retention, ctx.log);
  await waitForSignal();
  clearInterval(timer);
  await reconciler.stop();
  await retention.stop();
  await rt.close();
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run a BullMQ worker process: crawl, analyze, alerts or scheduler (needs REDIS_URL)')
    .argument('<role>', `${WORKER_ROLES.join(' | ')} | scheduler`)
    .action(async (role: string) => {
      const ctx = cliContext(program.opts<{ config?: string }>().config);
      if (role === 'scheduler') return runScheduler(ctx);
      if (!(WORKER_ROLES as readonly string[]).includes(role)) {
        throw new Error(`unknown worker role "${role}": use ${WORKER_ROLES.join(', ')} or scheduler`);
      }
      return runWorkers(ctx, [role as WorkerRole]);
    });
}
