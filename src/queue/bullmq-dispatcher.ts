import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { describeError, isServiceOutage } from '../errors.js';
import type { Logger } from '../log.js';
import { outage } from '../outage.js';
import type { JobDispatcher } from './dispatcher.js';
import { crawlJobDefaults, jobDefaults } from './job-defaults.js';
import { alertsDedupId, analyzeJobId, crawlJobId } from './job-ids.js';
import { QUEUE, type QueueName } from './payloads.js';
import { ensureJob } from './queue-admin.js';
import { rescheduleCrawlEvery } from './schedulers.js';

export interface BullQueues {
  queues: Record<QueueName, Queue>;
  dispatcher: JobDispatcher;
  close(): Promise<void>;
}

/** Debounce window of alert checks: analyses finishing within it share one check. */
const ALERTS_DEBOUNCE_MS = 5_000;

/** The three queues on one Redis connection, and a dispatcher that enqueues with stable ids. */
export function createBullQueues(opts: {
  connection: Redis;
  prefix: string;
  analyzerVersion: string;
  /** Where the queues' connection errors go (an outage is logged once); silent without it. */
  log?: Logger;
}): BullQueues {
  const make = (name: QueueName, defaults: typeof jobDefaults) => {
    const q = new Queue(name, { connection: opts.connection, prefix: opts.prefix, defaultJobOptions: defaults });
    // Without a listener BullMQ prints every connection error's stack to stderr.
    q.on('error', (err: Error) => {
      if (!opts.log) return;
      if (isServiceOutage(err)) outage('redis', opts.log).failed(err);
      else opts.log.error({ queue: name, err: describeError(err) }, 'queue error');
    });
    return q;
  };
  const queues = {
    crawl: make(QUEUE.crawl, crawlJobDefaults),
    analyze: make(QUEUE.analyze, jobDefaults),
    alerts: make(QUEUE.alerts, jobDefaults),
  };
  const dispatcher: JobDispatcher = {
    async enqueueCrawl(job) {
      await queues.crawl.add(QUEUE.crawl, job, { jobId: crawlJobId(job, new Date()) });
    },
    async enqueueAnalyze(job) {
      await queues.analyze.add(QUEUE.analyze, job, { jobId: analyzeJobId(job, opts.analyzerVersion) });
    },
    ensureAnalyze(job) {
      return ensureJob(queues.analyze, QUEUE.analyze, job, analyzeJobId(job, opts.analyzerVersion));
    },
    async enqueueAnalyzeMany(jobs) {
      // One round trip for the lot (a backfill's batch); ids as enqueueAnalyze gives them.
      if (jobs.length === 0) return;
      await queues.analyze.addBulk(jobs.map((job) => ({ name: QUEUE.analyze, data: job, opts: { jobId: analyzeJobId(job, opts.analyzerVersion) } })));
    },
    async rescheduleCrawl(outletId, everyMs) {
      await rescheduleCrawlEvery(queues.crawl, outletId, everyMs);
    },
    async enqueueAlerts(job) {
      await queues.alerts.add(QUEUE.alerts, job, {
        delay: ALERTS_DEBOUNCE_MS,
        deduplication: { id: alertsDedupId(job), ttl: ALERTS_DEBOUNCE_MS },
      });
    },
  };
  return {
    queues,
    dispatcher,
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}
