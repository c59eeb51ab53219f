import type { Queue } from 'bullmq';
import type { Outlet } from '../config/index.js';
import { crawlJobDefaults } from './job-defaults.js';
import { QUEUE, type CrawlJob } from './payloads.js';

const SCHEDULER_PREFIX = 'crawl-outlet-';

/**
 * Installs or refreshes one BullMQ job scheduler per outlet and removes those of outlets no longer
 * configured. Idempotent: running it again with the same config changes nothing.
 */
export async function syncCrawlSchedulers(
  crawlQueue: Queue,
  outlets: Outlet[],
): Promise<{ installed: string[]; removed: string[] }> {
  const wanted = new Set(outlets.map((o) => `${SCHEDULER_PREFIX}${o.id}`));
  for (const o of outlets) {
    const repeat = o.schedule.kind === 'cron' ? { pattern: o.schedule.pattern } : { every: o.schedule.ms };
    const data: CrawlJob = { outletId: o.id, trigger: 'schedule' };
    await crawlQueue.upsertJobScheduler(`${SCHEDULER_PREFIX}${o.id}`, repeat, {
      name: QUEUE.crawl,
      data,
      opts: crawlJobDefaults,
    });
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
