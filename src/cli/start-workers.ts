import type { Logger } from '../log.js';
import { buildProcessors, type Runtime } from '../pipeline/index.js';
import { QUEUE, makeWorker, payloadSchemas, type Worker } from '../queue/index.js';

export const WORKER_ROLES = ['crawl', 'analyze', 'alerts'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

/** Per-role concurrency: analysis is CPU-bound (scale it with processes), crawling waits on I/O. */
const CONCURRENCY: Record<WorkerRole, number> = { crawl: 2, analyze: 1, alerts: 1 };

/** Starts BullMQ workers for the given roles on the runtime's Redis connection. */
export function startBullWorkers(rt: Runtime, roles: readonly WorkerRole[], log: Logger): Worker[] {
  if (!rt.bull) throw new Error('workers need Redis: set REDIS_URL (embedded mode runs jobs in-process)');
  const processors = buildProcessors(rt.deps);
  // Workers must use the same prefix as the queues they serve.
  const common = { connection: rt.bull.redis, prefix: rt.bull.queues.crawl.opts.prefix ?? 'bull', log };
  return roles.map((role) => {
    const opts = { ...common, concurrency: CONCURRENCY[role] };
    switch (role) {
      case 'crawl':
        return makeWorker(QUEUE.crawl, payloadSchemas.crawl, processors.crawl, opts);
      case 'analyze':
        return makeWorker(QUEUE.analyze, payloadSchemas.analyze, processors.analyze, opts);
      case 'alerts':
        return makeWorker(QUEUE.alerts, payloadSchemas.alerts, processors.alerts, opts);
    }
  });
}

/** Closes workers (each waits for its active job), then the runtime's connections. */
export async function shutdown(workers: Worker[], rt: Runtime, log: Logger): Promise<void> {
  log.info({ workers: workers.length }, 'shutting down: waiting for active jobs');
  await Promise.all(workers.map((w) => w.close()));
  await rt.close();
  log.info('shut down');
}
