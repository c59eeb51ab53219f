import type { Logger } from '../log.js';
import { analyzeArticles, buildProcessors, type PipelineDeps, type Runtime } from '../pipeline/index.js';
import {
  QUEUE,
  createMicroBatcher,
  makeWorker,
  payloadSchemas,
  type AnalyzeJob,
  type Worker,
  type WorkerOptions,
} from '../queue/index.js';

export const WORKER_ROLES = ['crawl', 'analyze', 'alerts'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

/**
 * Per-role concurrency. Analysis is CPU-bound, but its jobs are taken many at a time and saved in
 * one transaction (see ANALYZE_BATCH): three batches in flight keep one analysing while another
 * commits and the third's jobs are fetched and read (with two, the worker's main thread sat idle
 * 11.5% of the time on real news pages; with three, 5.2%). Crawling waits on the network.
 */
const CONCURRENCY: Record<WorkerRole, number> = { crawl: 2, analyze: 96, alerts: 1 };

/** Up to this many analyses share one commit; a lone job waits at most 25 ms for company. */
const ANALYZE_BATCH = { maxSize: 32, maxWaitMs: 25 };

/** The BullMQ worker of one role, processing with the pipeline's use cases. */
export function makeRoleWorker(
  role: WorkerRole,
  deps: PipelineDeps,
  opts: Omit<WorkerOptions, 'concurrency'>,
): Worker {
  const processors = buildProcessors(deps);
  const withConcurrency = { ...opts, concurrency: CONCURRENCY[role] };
  switch (role) {
    case 'crawl':
      return makeWorker(QUEUE.crawl, payloadSchemas.crawl, processors.crawl, withConcurrency);
    case 'analyze': {
      const batcher = createMicroBatcher((jobs: AnalyzeJob[]) => analyzeArticles(deps, jobs), ANALYZE_BATCH);
      return makeWorker(QUEUE.analyze, payloadSchemas.analyze, (job) => batcher.submit(job), withConcurrency);
    }
    case 'alerts':
      return makeWorker(QUEUE.alerts, payloadSchemas.alerts, processors.alerts, withConcurrency);
  }
}

/** Starts BullMQ workers for the given roles on the runtime's Redis connection. */
export function startBullWorkers(
  rt: Runtime,
  roles: readonly WorkerRole[],
  log: Logger,
  timing: { stallCheckMs?: number } = {},
): Worker[] {
  if (!rt.bull) throw new Error('workers need Redis: set REDIS_URL (embedded mode runs jobs in-process)');
  // Workers must use the same prefix as the queues they serve.
  const opts = {
    connection: rt.bull.redis,
    prefix: rt.bull.queues.crawl.opts.prefix ?? 'bull',
    log,
    ...(timing.stallCheckMs ? { lockDurationMs: timing.stallCheckMs, stalledIntervalMs: timing.stallCheckMs } : {}),
  };
  return roles.map((role) => makeRoleWorker(role, rt.deps, opts));
}

/** Closes workers (each waits for its active job), then the runtime's connections. */
export async function shutdown(workers: Worker[], rt: Runtime, log: Logger): Promise<void> {
  log.info({ workers: workers.length }, 'shutting down: waiting for active jobs');
  await Promise.all(workers.map((w) => w.close()));
  await rt.close();
  log.info('shut down');
}
