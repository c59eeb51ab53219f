import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadEnv } from '../../src/config/index.js';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { silentLogger } from '../../src/log.js';
import { buildProcessors, openRuntime, runCrawl, type Runtime } from '../../src/pipeline/index.js';
import { rowsOf } from '../../src/store/index.js';
import { startBullWorkers, WORKER_ROLES } from '../../src/cli/start-workers.js';
import type { Worker } from '../../src/queue/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { count, expectDemoWorldStored } from '../helpers/demo-assertions.js';
import { TEST_REDIS_URL, dropPrefix, requireRedis, testQueuePrefix } from '../helpers/redis.js';

const prefix = testQueuePrefix();
let demo: DemoServer;
let testDb: TestDatabase;
let rt: Runtime;
let workers: Worker[];

async function waitUntilIdle(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await Promise.all(
      Object.values(rt.bull!.queues).map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')),
    );
    const busy = counts.reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
    if (busy === 0) return;
    if (Date.now() > deadline) throw new Error(`queues still busy: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  await requireRedis();
  demo = await startDemoServer();
  testDb = await createTestDatabase();
  const env = loadEnv({ DATABASE_URL: testDb.url, REDIS_URL: TEST_REDIS_URL, STANCEWATCH_QUEUE_PREFIX: prefix });
  rt = await openRuntime(env, demo.config(), silentLogger, { crawl: { maxConcurrency: 8 } });
  workers = startBullWorkers(rt, WORKER_ROLES, silentLogger);
  for (const o of demo.config().outlets) await rt.deps.dispatcher.enqueueCrawl({ outletId: o.id, trigger: 'manual' });
  await new Promise((r) => setTimeout(r, 500));
  await waitUntilIdle(150_000);
}, 180_000);

afterAll(async () => {
  await Promise.all((workers ?? []).map((w) => w.close()));
  await rt?.close();
  await testDb?.drop();
  await demo?.close();
  await dropPrefix(prefix);
});

describe('the demo world through BullMQ workers and PostgreSQL', () => {
  it('stores, analyses and trends every article; the planted shift shows', async () => {
    await expectDemoWorldStored(rt.deps.db);
  });

  it('finds the planted framing change', async () => {
    const alerts = rowsOf<{ outlet_id: string; actor_id: string }>(
      await rt.deps.db.execute(sql`SELECT outlet_id, actor_id FROM alerts`),
    );
    expect(alerts).toContainEqual({ outlet_id: 'harbour-times', actor_id: 'china' });
  });

  it('leaves identical rows when the same analyze job is delivered twice', async () => {
    const [article] = rowsOf<{ id: string; content_hash: string }>(
      await rt.deps.db.execute(sql`SELECT id, content_hash FROM articles ORDER BY id LIMIT 1`),
    );
    const snapshot = async () =>
      rowsOf(await rt.deps.db.execute(sql`SELECT actor_id, start, "end", score, label, sentence, cues FROM mentions WHERE article_id = ${article!.id} ORDER BY actor_id, start`));
    const before = await snapshot();
    const totals = [await count(rt.deps.db, 'mentions'), await count(rt.deps.db, 'article_actors')];
    const job = { articleId: article!.id, contentHash: article!.content_hash };
    const processors = buildProcessors(rt.deps);
    await processors.analyze(job, { jobId: 'redelivered', attempt: 2 });
    await processors.analyze(job, { jobId: 'redelivered', attempt: 3 });
    expect(before.length).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
    expect([await count(rt.deps.db, 'mentions'), await count(rt.deps.db, 'article_actors')]).toEqual(totals);
  });

  it('stores nothing twice when a crawl job is delivered twice', async () => {
    const articles = await count(rt.deps.db, 'articles');
    const runs = await count(rt.deps.db, 'crawl_runs');
    const ctx = { jobId: 'crawl-redelivered', attempt: 1 };
    await runCrawl(rt.deps, { outletId: 'northern-wire', trigger: 'manual' }, ctx);
    await runCrawl(rt.deps, { outletId: 'northern-wire', trigger: 'manual' }, { ...ctx, attempt: 2 });
    await waitUntilIdle(60_000);
    expect(await count(rt.deps.db, 'articles')).toBe(articles);
    expect(await count(rt.deps.db, 'crawl_runs')).toBe(runs + 1);
  });
});
