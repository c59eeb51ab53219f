import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { InProcessRunner, type Processors } from '../../src/queue/index.js';

const ARTICLE = '2b1f1d3e-1c2a-5b3c-8d4e-5f6a7b8c9d0e';

function recorder(overrides: Partial<Processors> = {}) {
  const calls: string[] = [];
  const processors: Processors = {
    crawl: async (job) => void calls.push(`crawl ${job.outletId}`),
    analyze: async (job) => void calls.push(`analyze ${job.articleId.slice(0, 4)}`),
    alerts: async (job) => void calls.push(`alerts ${job.outletId}`),
    ...overrides,
  };
  return { calls, processors };
}

describe('InProcessRunner', () => {
  it('runs stages in pipeline order and follows the jobs they enqueue', async () => {
    const runner = new InProcessRunner({ analyzerVersion: 'v1', log: silentLogger });
    const { calls, processors } = recorder({
      crawl: async (job) => {
        calls.push(`crawl ${job.outletId}`);
        await runner.enqueueAnalyze({ articleId: ARTICLE, contentHash: 'abcdef0123' });
        await runner.enqueueAlerts({ outletId: job.outletId });
      },
    });
    runner.setProcessors(processors);
    await runner.enqueueAlerts({ outletId: 'early' });
    await runner.enqueueCrawl({ outletId: 'a', trigger: 'manual' });
    const stats = await runner.drain();
    expect(calls).toEqual(['crawl a', 'analyze 2b1f', 'alerts early', 'alerts a']);
    expect(stats.completed).toEqual({ crawl: 1, analyze: 1, alerts: 2 });
  });

  it('ignores a job id it already has, like BullMQ', async () => {
    const runner = new InProcessRunner({ analyzerVersion: 'v1', log: silentLogger });
    const { calls, processors } = recorder();
    runner.setProcessors(processors);
    const job = { articleId: ARTICLE, contentHash: 'abcdef0123' };
    await runner.enqueueAnalyze(job);
    await runner.enqueueAnalyze(job);
    await runner.drain();
    await runner.enqueueAnalyze(job);
    await runner.drain();
    expect(calls).toEqual(['analyze 2b1f']);
  });

  it('retries transient errors and keeps permanent and malformed ones with their reason', async () => {
    const runner = new InProcessRunner({ analyzerVersion: 'v1', log: silentLogger, attempts: 3 });
    let tries = 0;
    runner.setProcessors(
      recorder({
        crawl: async (job) => {
          if (job.outletId === 'flaky' && ++tries < 3) throw new Error('timeout');
          if (job.outletId === 'gone') throw new PermanentError('outlet gone');
        },
      }).processors,
    );
    await runner.enqueueCrawl({ outletId: 'flaky', trigger: 'manual' });
    await runner.enqueueCrawl({ outletId: 'gone', trigger: 'manual' });
    await runner.enqueueAnalyze({ articleId: 'not-a-uuid', contentHash: 'zz' } as never);
    const stats = await runner.drain();
    expect(tries).toBe(3);
    expect(stats.completed.crawl).toBe(1);
    expect(stats.failed).toEqual([
      expect.objectContaining({ queue: 'crawl', reason: 'outlet gone', attempts: 1 }),
      expect.objectContaining({ queue: 'analyze', reason: expect.stringMatching(/articleId/), attempts: 1 }),
    ]);
  });
});
