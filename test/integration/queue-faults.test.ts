import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'bullmq';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/index.js';
import { PermanentError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { ANALYZER_VERSION } from '../../src/nlp/index.js';
import { analyzeArticles, ingestArticle, reconcile, unanalysedBacklog, type PipelineDeps } from '../../src/pipeline/index.js';
import {
  QUEUE,
  STALL_LIMIT,
  analyzeJobSchema,
  crawlJobSchema,
  makeWorker,
  queueStatus,
  retryFailedJobs,
  stallBackoffMs,
} from '../../src/queue/index.js';
import { syncConfig } from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { TEST_REDIS_URL, useBullQueues } from '../helpers/redis.js';

const shared = useBullQueues(ANALYZER_VERSION);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('stalled jobs (real Redis)', () => {
  it('retries a job stalled more often than BullMQ allows by default, backing off, and completes it', async () => {
    const { queues } = shared.bull;
    const job = await queues.crawl.add(QUEUE.crawl, { outletId: 'stally', trigger: 'manual' }, { jobId: 'stally-1' });
    // A worker that takes the job and dies: its lock (200 ms) is never renewed. The checker stands
    // for our other workers' stall checks, with our stall limit.
    const thief = new Worker(QUEUE.crawl, null, { connection: shared.redis, prefix: shared.prefix, autorun: false, lockDuration: 200 });
    const checker = new Worker(QUEUE.crawl, null, {
      connection: shared.redis,
      prefix: shared.prefix,
      autorun: false,
      stalledInterval: 150,
      maxStalledCount: STALL_LIMIT,
    });
    const STALLS = 3;
    try {
      void checker.startStalledCheckTimer();
      for (let i = 0; i < STALLS; i++) {
        await waitFor(async () => (await queues.crawl.getJobState(job.id!)) === 'waiting', 10_000, `the job waiting (stall ${i})`);
        expect(await thief.getNextJob(`thief-${i}`)).toBeDefined();
        await waitFor(async () => (await queues.crawl.getJob(job.id!))!.stalledCounter === i + 1, 10_000, `stall ${i + 1}`);
      }
      // BullMQ's default (maxStalledCount 1) would have failed it at the second stall.
      expect(STALLS).toBeGreaterThan(1);
      await checker.close();
      await thief.close();
      const started: number[] = [];
      const worker = makeWorker(QUEUE.crawl, crawlJobSchema, async () => void started.push(Date.now()), {
        connection: shared.redis,
        prefix: shared.prefix,
        log: silentLogger,
      });
      const handedBack = Date.now();
      try {
        await waitFor(async () => (await queues.crawl.getJobState(job.id!)) === 'completed', 30_000, 'the job completed');
      } finally {
        await worker.close();
      }
      const done = (await queues.crawl.getJob(job.id!))!;
      expect(done.stalledCounter).toBe(STALLS);
      expect(done.failedReason ?? '').toBe('');
      // It waited the third stall's backoff before it ran.
      expect(started).toHaveLength(1);
      expect(started[0]! - handedBack).toBeGreaterThanOrEqual(stallBackoffMs(STALLS) - 50);
      expect(await queues.crawl.getFailedCount()).toBe(0);
    } finally {
      await checker.close();
      await thief.close();
    }
  }, 60_000);
});

const CONFIG = `
outlets:
  - { id: harbour, name: Harbour, homepage: https://harbour.test/, feeds: [https://harbour.test/rss] }
actors:
  - { id: china, name: China, kind: country, aliases: [Beijing], demonyms: [Chinese] }
`;

describe('reconciler, status and jobs retry (real PostgreSQL and Redis)', () => {
  let testDb: TestDatabase;
  let deps: PipelineDeps;
  let dir: string;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    const config = parseConfigText(CONFIG);
    await syncConfig(testDb.handle.db, config);
    deps = { db: testDb.handle.db, dispatcher: shared.bull.dispatcher, config, log: silentLogger };
    dir = await mkdtemp(path.join(tmpdir(), 'sw-reconcile-'));
    await writeFile(path.join(dir, 'config.yaml'), CONFIG);
  });
  afterAll(async () => {
    await testDb?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const cli = async (...args: string[]) =>
    (
      await promisify(execFile)('node', ['bin/stancewatch.js', '--config', path.join(dir, 'config.yaml'), ...args], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          DATABASE_URL: testDb.url,
          REDIS_URL: TEST_REDIS_URL,
          STANCEWATCH_QUEUE_PREFIX: shared.prefix,
          LOG_LEVEL: 'warn',
        },
        timeout: 60_000,
      })
    ).stdout;

  it('re-drives articles whose jobs were lost, leaves queued ones alone, and counts failed ones', async () => {
    const { analyze } = shared.bull.queues;
    for (let i = 0; i < 3; i++) {
      const url = `https://harbour.test/${i}`;
      await ingestArticle(deps, { outletId: 'harbour', url, canonicalUrl: url, title: `Story ${i}`, text: `China praised the summit number ${i}.`, author: null, publishedAt: new Date('2026-09-01T08:00:00Z'), language: 'en' });
    }
    expect(await analyze.getJobCounts('waiting')).toEqual({ waiting: 3 });
    // Lost: as after a Redis restore from an old snapshot, or a crash between commit and enqueue.
    await analyze.obliterate({ force: true });
    expect(await unanalysedBacklog(deps)).toBe(3);
    expect(await reconcile(deps)).toEqual({ analyzerVersion: ANALYZER_VERSION, unanalysed: 3, enqueued: 3, queued: 0, failed: 0 });
    // Asked again before any worker ran: the same job ids are queued, nothing is added.
    expect(await reconcile(deps)).toMatchObject({ unanalysed: 3, enqueued: 0, queued: 3 });
    expect(await analyze.getJobCounts('waiting')).toEqual({ waiting: 3 });

    // One job fails for good (a reason of its own); the others are analysed.
    const [poisoned] = await analyze.getJobs(['waiting'], 0, 0);
    const worker = makeWorker(
      QUEUE.analyze,
      analyzeJobSchema,
      async (job, ctx) => {
        if (ctx.jobId === poisoned!.id) throw new PermanentError('poisoned for the test');
        const [r] = await analyzeArticles(deps, [job]);
        if (r instanceof Error) throw r;
        return r;
      },
      { connection: shared.redis, prefix: shared.prefix, log: silentLogger },
    );
    try {
      await waitFor(async () => (await analyze.getJobCounts('completed', 'failed')).completed === 2, 20_000, 'two analyses');
      await waitFor(async () => (await analyze.getFailedCount()) === 1, 20_000, 'one failure');
    } finally {
      await worker.close();
    }
    expect(await unanalysedBacklog(deps)).toBe(1);
    expect(await reconcile(deps)).toMatchObject({ unanalysed: 1, enqueued: 0, failed: 1 });
    const status = await queueStatus('analyze', analyze);
    expect(status).toMatchObject({ waiting: 0, active: 0, failed: 1, topReasons: [{ reason: 'poisoned for the test', jobs: 1 }] });

    // The operator's view and re-drive, as a user runs them.
    const printed = JSON.parse(await cli('status', '--json')) as { mode: string; unanalysedBacklog: number; queues: { queue: string; failed: number }[] };
    expect(printed.mode).toBe('servers');
    expect(printed.unanalysedBacklog).toBe(1);
    expect(printed.queues.find((q) => q.queue === 'analyze')).toMatchObject({ failed: 1 });
    expect(await cli('status')).toMatch(/analyze +waiting 0 +active 0 +delayed 0 +failed 1\n +1 × poisoned for the test\n/);
    expect(await cli('jobs', 'retry', '--failed', '--queue', 'analyze')).toBe('analyze: 1 failed jobs retried\n');
    expect(await analyze.getJobCounts('waiting', 'failed')).toEqual({ waiting: 1, failed: 0 });
    const again = makeWorker(QUEUE.analyze, analyzeJobSchema, async (job) => (await analyzeArticles(deps, [job]))[0], {
      connection: shared.redis,
      prefix: shared.prefix,
      log: silentLogger,
    });
    try {
      await waitFor(async () => (await unanalysedBacklog(deps)) === 0, 20_000, 'the backlog drained');
    } finally {
      await again.close();
    }
    expect(JSON.parse(await cli('reconcile', '--json'))).toMatchObject({ unanalysed: 0, enqueued: 0 });
    const rows = await testDb.handle.db.execute(sql`SELECT count(*)::int AS n FROM articles WHERE analyzer_version = ${ANALYZER_VERSION}`);
    expect(Array.from(rows as unknown as { n: number }[])[0]?.n).toBe(3);
  }, 120_000);
});
