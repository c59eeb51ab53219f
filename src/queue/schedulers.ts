import type { Queue } from 'bullmq';
import type { Outlet } from '../config/index.js';
import { crawlJobDefaults } from './job-defaults.js';
import { QUEUE, type CrawlJob } from './payloads.js';

const SCHEDULER_PREFIX = 'crawl-outlet-';

async function upsertCrawlScheduler(
  crawlQueue: Queue,
  outletId: string,
  repeat: { pattern: string } | { every: number },
): Promise<void> {
  const data: CrawlJob = { outletId, trigger: 'schedule' };
  await crawlQueue.upsertJobScheduler(`${SCHEDULER_PREFIX}${outletId}`, repeat, {
    name: QUEUE.crawl,
    data,
    opts: crawlJobDefaults,
  });
}

/**
 * Adaptive polling: moves an outlet's job scheduler to a new interval. Only an installed one: a
 * crawl started by hand (`stancewatch crawl`) must not install a schedule nobody asked for.
 */
export async function rescheduleCrawlEvery(crawlQueue: Queue, outletId: string, everyMs: number): Promise<void> {
  const current = await crawlQueue.getJobScheduler(`${SCHEDULER_PREFIX}${outletId}`);
  if (current === undefined || current === null || current.every === undefined || current.every === null) return;
  if (current.every === everyMs) return;
  await upsertCrawlScheduler(crawlQueue, outletId, { every: everyMs });
}

/**
 * Installs or refreshes one BullMQ job scheduler per outlet and removes those of outlets no longer
 * configured. Idempotent: running it again with the same config changes nothing. `intervals` are
 * the outlets' adapted polling intervals (interval schedules only; the configured one otherwise).
 */
export async function syncCrawlSchedulers(
  crawlQueue: Queue,
  outlets: Outlet[],
  intervals: ReadonlyMap<string, number> = new Map(),
): Promise<{ installed: string[]; removed: string[] }> {
  const wanted = new Set(outlets.map((o) => `${SCHEDULER_PREFIX}${o.id}`));
  for (const o of outlets) {
    // An interval schedule starts from the outlet's adapted interval when one is stored.
    const repeat =
      o.schedule.kind === 'cron' ? { pattern: o.schedule.pattern } : { every: intervals.get(o.id) ?? o.schedule.ms };
    await upsertCrawlScheduler(crawlQueue, o.id, repeat);
  }
  const removed: string[] = [];
  for (const s of await crawlQueue.getJobSchedulers(0, -1)) {
    const key = s.key;
    if (key.startsWith(SCHEDULER_PREFIX) && !wanted.has(key)) {
      await crawlQueue.removeJobScheduler(key);
      removed.push(key);
    }
  }
  return { installed: [...wanted], removed };
}
