import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import {
  QUEUE,
  analyzeJobSchema,
  crawlJobSchema,
  makeWorker,
  syncCrawlSchedulers,
} from '../../src/queue/index.js';
import { parseConfigText } from '../../src/config/index.js';
import { useBullQueues } from '../helpers/redis.js';

const shared = useBullQueues();
const { prefix } = shared;

const ARTICLE = { articleId: '2b1f1d3e-1c2a-5b3c-8d4e-5f6a7b8c9d0e', contentHash: 'abcdef0123456789' };

describe('BullMQ queues (real Redis)', () => {
  it('keeps one job for an analysis enqueued twice (deterministic job id)', async () => {
    await shared.bull.dispatcher.enqueueAnalyze(ARTICLE);
    await shared.bull.dispatcher.enqueueAnalyze(ARTICLE);
    expect(await shared.bull.queues.analyze.getJobCounts('waiting')).toEqual({ waiting: 1 });
    const [job] = await shared.bull.queues.analyze.getJobs(['waiting']);
    expect(job!.id).not.toContain(':');
    await shared.bull.queues.analyze.drain();
  });

  it('sends a malformed payload to the failed set with its reason, without retrying', async () => {
    const seen: unknown[] = [];
    const worker = makeWorker(QUEUE.analyze, analyzeJobSchema, async (d) => void seen.push(d), {
      connection: shared.redis,
      prefix,
      log: silentLogger,
    });
    const failedOnce = new Promise<void>((resolve) => worker.on('failed', () => resolve()));
    const job = await shared.bull.queues.analyze.add('analyze', { articleId: 42 }, { attempts: 5 });
    await failedOnce;
    const failed = (await shared.bull.queues.analyze.getJob(job.id!))!;
    expect(failed.failedReason).toMatch(/^malformed analyze job payload: articleId: /);
    expect(failed.attemptsMade).toBe(1);
    expect(seen).toEqual([]);
    await worker.close();
  });

  it('does not retry a PermanentError but retries a transient one', async () => {
    let calls = 0;
    const worker = makeWorker(
      QUEUE.crawl,
      crawlJobSchema,
      async (d) => {
        calls++;
        if (d.outletId === 'gone') throw new PermanentError('outlet gone');
        if (calls < 3) throw new Error('flaky');
      },
      { connection: shared.redis, prefix, log: silentLogger },
    );
    const opts = { attempts: 3, backoff: { type: 'fixed', delay: 10 } };
    const goneFailed = new Promise<void>((resolve) => worker.on('failed', () => resolve()));
    const gone = await shared.bull.queues.crawl.add('crawl', { outletId: 'gone', trigger: 'manual' }, opts);
    await goneFailed;
    expect((await shared.bull.queues.crawl.getJob(gone.id!))!.attemptsMade).toBe(1);
    calls = 0;
    const completed = new Promise<void>((resolve) => worker.on('completed', () => resolve()));
    const flaky = await shared.bull.queues.crawl.add('crawl', { outletId: 'flaky', trigger: 'manual' }, opts);
    await completed;
    expect(await (await shared.bull.queues.crawl.getJob(flaky.id!))!.getState()).toBe('completed');
    expect(calls).toBe(3);
    await worker.close();
  });

  it('lets the active job finish when a worker is closed (graceful shutdown)', async () => {
    let finished = false;
    const worker = makeWorker(
      QUEUE.crawl,
      crawlJobSchema,
      async () => {
        await new Promise((r) => setTimeout(r, 500));
        finished = true;
      },
      { connection: shared.redis, prefix, log: silentLogger },
    );
    const active = new Promise<void>((resolve) => worker.on('active', () => resolve()));
    await shared.bull.queues.crawl.add('crawl', { outletId: 'slow', trigger: 'manual' });
    await active;
    await worker.close();
    expect(finished).toBe(true);
  });

  it('installs one job scheduler per outlet and removes those of dropped outlets', async () => {
    const cfg = parseConfigText(`
outlets:
  - { id: a, name: A, homepage: "https://a.example", schedule: 30m }
  - { id: b, name: B, homepage: "https://b.example", schedule: "0 * * * *" }
`);
    await syncCrawlSchedulers(shared.bull.queues.crawl, cfg.outlets);
    await syncCrawlSchedulers(shared.bull.queues.crawl, cfg.outlets);
    expect((await shared.bull.queues.crawl.getJobSchedulers()).map((s) => s.key).sort()).toEqual([
      'crawl-outlet-a',
      'crawl-outlet-b',
    ]);
    const res = await syncCrawlSchedulers(shared.bull.queues.crawl, cfg.outlets.slice(0, 1));
    expect(res.removed).toEqual(['crawl-outlet-b']);
    expect(await shared.bull.queues.crawl.getJobSchedulersCount()).toBe(1);
  });
});
