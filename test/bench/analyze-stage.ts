import { Redis } from 'ioredis';
import { silentLogger } from '../../src/log.js';
import type { PipelineDeps } from '../../src/pipeline/index.js';
import { createBullQueues } from '../../src/queue/index.js';
import { makeRoleWorker } from '../../src/cli/start-workers.js';
import { ANALYZER_VERSION } from '../../src/nlp/index.js';
import { syncConfig, upsertArticle } from '../../src/store/index.js';
import type { StancewatchConfig } from '../../src/config/index.js';
import { createTestDatabase } from '../helpers/db.js';
import { TEST_REDIS_URL, dropPrefix, requireRedis, testQueuePrefix } from '../helpers/redis.js';
import type { benchTexts } from './texts.js';

/**
 * The analyze stage as production runs it: articles in PostgreSQL, one BullMQ job each, a worker
 * that loads the article, analyses it and replaces its rows in one transaction. Returns the
 * wall time from the first job taken to the last one completed.
 */
export async function benchAnalyzeStage(
  texts: ReturnType<typeof benchTexts>,
  config: StancewatchConfig,
  copies: number,
): Promise<{ articles: number; ms: number }> {
  await requireRedis();
  const testDb = await createTestDatabase();
  const prefix = testQueuePrefix();
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const bull = createBullQueues({ connection: redis, prefix, analyzerVersion: ANALYZER_VERSION });
  try {
    const db = testDb.handle.db;
    await syncConfig(db, config);
    const jobs = [];
    for (let c = 0; c < copies; c++) {
      for (const t of texts) {
        const url = `https://${t.outletId}.bench.example/${c}/${t.slug}`;
        const r = await upsertArticle(db, {
          outletId: t.outletId, url, canonicalUrl: url, title: t.title, text: t.text,
          author: null, publishedAt: new Date(t.publishedAt), language: 'en',
        });
        jobs.push({ articleId: r.id, contentHash: r.contentHash });
      }
    }
    for (const j of jobs) await bull.dispatcher.enqueueAnalyze(j);
    const deps: PipelineDeps = { db, dispatcher: bull.dispatcher, config, log: silentLogger };
    let done = 0;
    let first = 0;
    const finished = new Promise<void>((resolve, reject) => {
      // The production analyze worker: batched saves, its own concurrency.
      const worker = makeRoleWorker('analyze', deps, { connection: redis, prefix, log: silentLogger });
      worker.on('active', () => (first ||= performance.now()));
      worker.on('completed', () => {
        if (++done === jobs.length) void worker.close().then(resolve);
      });
      worker.on('failed', (job, err) => reject(new Error(`bench job ${job?.id} failed`, { cause: err })));
    });
    await finished;
    return { articles: jobs.length, ms: performance.now() - first };
  } finally {
    await bull.close();
    redis.disconnect();
    await dropPrefix(prefix);
    await testDb.drop();
  }
}
