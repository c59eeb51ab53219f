import { describe, expect, it } from 'vitest';
import { outletSchema } from '../../src/config/index.js';
import { syncCrawlSchedulers } from '../../src/queue/index.js';
import { useBullQueues } from '../helpers/redis.js';

const shared = useBullQueues();
const { prefix } = shared;

const outlet = (id: string, schedule: string) => outletSchema.parse({ id, name: id, homepage: `https://${id}.test/`, schedule });
const everyOf = async (id: string) => (await shared.bull.queues.crawl.getJobScheduler(`crawl-outlet-${id}`))?.every;

describe('adaptive polling on BullMQ job schedulers (real Redis)', () => {
  it('installs stored intervals, moves a scheduler when the pipeline reschedules, and keeps cron outlets as written', async () => {
    const outlets = [outlet('fast', '1h'), outlet('slow', '1h'), outlet('cron', '0 * * * *')];
    await syncCrawlSchedulers(shared.bull.queues.crawl, outlets, new Map([['fast', 15 * 60_000]]));
    expect(await everyOf('fast')).toBe(15 * 60_000);
    expect(await everyOf('slow')).toBe(3_600_000);
    await shared.bull.dispatcher.rescheduleCrawl?.('slow', 30 * 60_000);
    expect(await everyOf('slow')).toBe(30 * 60_000);
    const cron = await shared.bull.queues.crawl.getJobScheduler('crawl-outlet-cron');
    expect(cron?.pattern).toBe('0 * * * *');
    // A crawl of an outlet without a scheduler (started by hand) installs none.
    await shared.bull.dispatcher.rescheduleCrawl?.('unscheduled', 30 * 60_000);
    await shared.bull.dispatcher.rescheduleCrawl?.('cron', 30 * 60_000);
    expect((await shared.bull.queues.crawl.getJobScheduler('crawl-outlet-cron'))?.pattern).toBe('0 * * * *');
    // One scheduler per outlet, however often it moved.
    const keys = (await shared.bull.queues.crawl.getJobSchedulers(0, -1)).map((s) => s.key).sort();
    expect(keys).toEqual(['crawl-outlet-cron', 'crawl-outlet-fast', 'crawl-outlet-slow']);
  });
});
