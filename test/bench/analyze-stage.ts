import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { StancewatchConfig } from '../../src/config/index.js';
import { ANALYZER_VERSION } from '../../src/nlp/index.js';
import { createBullQueues } from '../../src/queue/index.js';
import { syncConfig, upsertArticle } from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { TEST_REDIS_URL, dropPrefix, requireRedis, testQueuePrefix } from '../helpers/redis.js';
import type { benchTexts } from './texts.js';

async function storeArticles(testDb: TestDatabase, texts: ReturnType<typeof benchTexts>, copies: number, config: StancewatchConfig) {
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
  return jobs;
}

function startWorkers(n: number, env: Record<string, string>): ChildProcess[] {
  return Array.from({ length: n }, () =>
    spawn('node', ['--import', 'tsx', 'workers/analyze.ts'], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: process.env.BENCH_WORKER_LOG_LEVEL ?? 'warn', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
}

/** A process's peak resident memory (VmHWM), in MB; 0 where /proc is not available. */
async function peakRssMb(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Math.round(Number(kb) / 1024) : 0;
}

/**
 * The analyze stage as deployed: articles in PostgreSQL, one BullMQ job each, `processes` analyze
 * worker processes (workers/analyze.ts) taking them. Timed from the first job taken to the last
 * one completed, so process start-up is not counted.
 */
export async function benchAnalyzeStage(
  texts: ReturnType<typeof benchTexts>,
  config: StancewatchConfig,
  copies: number,
  processes: number,
): Promise<{ articles: number; ms: number; workerPeakRssMb: number }> {
  await requireRedis();
  const testDb = await createTestDatabase();
  const prefix = testQueuePrefix();
  const dir = await mkdtemp(path.join(tmpdir(), 'sw-bench-'));
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const bull = createBullQueues({ connection: redis, prefix, analyzerVersion: ANALYZER_VERSION });
  const events = new QueueEvents('analyze', { connection: { url: TEST_REDIS_URL }, prefix });
  let workers: ChildProcess[] = [];
  try {
    const jobs = await storeArticles(testDb, texts, copies, config);
    const configPath = path.join(dir, 'config.json');
    await writeFile(configPath, JSON.stringify({ ...config, outlets: [], alerts: [] }));
    await events.waitUntilReady();
    let first = 0;
    let done = 0;
    const finished = new Promise<number>((resolve, reject) => {
      events.on('active', () => (first ||= performance.now()));
      events.on('completed', () => ++done === jobs.length && resolve(performance.now()));
      events.on('failed', ({ jobId, failedReason }) => reject(new Error(`bench job ${jobId} failed: ${failedReason}`)));
    });
    for (const j of jobs) await bull.dispatcher.enqueueAnalyze(j);
    workers = startWorkers(processes, {
      DATABASE_URL: testDb.url,
      REDIS_URL: TEST_REDIS_URL,
      STANCEWATCH_QUEUE_PREFIX: prefix,
      STANCEWATCH_CONFIG: configPath,
    });
    const end = await finished;
    return { articles: jobs.length, ms: end - first, workerPeakRssMb: Math.max(...(await Promise.all(workers.map(peakRssMb)))) };
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
    await events.close();
    await bull.close();
    redis.disconnect();
    await dropPrefix(prefix);
    await testDb.drop();
    await rm(dir, { recursive: true, force: true });
  }
}
