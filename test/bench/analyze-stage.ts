import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
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
import type { BenchText } from './texts.js';

async function storeArticles(testDb: TestDatabase, texts: BenchText[], copies: number, config: StancewatchConfig, round: string) {
  const db = testDb.handle.db;
  await syncConfig(db, config);
  const jobs = [];
  for (let c = 0; c < copies; c++) {
    for (const t of texts) {
      const url = `https://${t.outletId}.bench.example/${round}${c}/${t.slug}`;
      const r = await upsertArticle(db, {
        outletId: t.outletId, url, canonicalUrl: url, title: t.title, text: t.text,
        author: null, publishedAt: new Date(t.publishedAt), language: 'en',
      });
      jobs.push({ articleId: r.id, contentHash: r.contentHash });
    }
  }
  return jobs;
}

/** The analyze worker's Node flags in docker-compose.yml: the bench runs it as deployed. */
export const DEPLOYED_WORKER_NODE_ARGS = '--max-old-space-size=256';

function startWorkers(n: number, env: Record<string, string>): ChildProcess[] {
  // BENCH_WORKER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the workers (and
  // replaces the deployed flags; add them back to keep the heap cap).
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? DEPLOYED_WORKER_NODE_ARGS).split(' ').filter(Boolean);
  return Array.from({ length: n }, () =>
    spawn('node', [...nodeArgs, '--import', 'tsx', 'workers/analyze.ts'], {
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

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system) used so far by a process, in ms; 0 where /proc is not available. */
async function cpuMs(pid: number | undefined): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11] ?? 0) + Number(f[12] ?? 0)) * TICK_MS;
}

/** CPU time of the processes whose /proc/<pid>/<file> passes `match`, in ms. */
async function matchingCpuMs(file: 'cmdline' | 'comm', match: (text: string) => boolean): Promise<number> {
  let ms = 0;
  for (const pid of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    if (match(await readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => ''))) ms += await cpuMs(Number(pid));
  }
  return ms;
}

/**
 * Samples the CPU used so far by the workers, by the PostgreSQL backends connected to their
 * database (the process title names it) and by redis-server (shared with whatever else uses it).
 */
function cpuSampler(workers: () => ChildProcess[], database: string) {
  return async () => ({
    worker: (await Promise.all(workers().map((w) => cpuMs(w.pid)))).reduce((a, b) => a + b, 0),
    postgres: await matchingCpuMs('cmdline', (t) => t.startsWith('postgres: ') && t.includes(` ${database} `)),
    redis: await matchingCpuMs('comm', (t) => t.trim() === 'redis-server'),
  });
}

/**
 * The analyze stage as deployed: articles in PostgreSQL, one BullMQ job each, `processes` analyze
 * worker processes (workers/analyze.ts) taking them. Timed from the first job taken to the last
 * one completed, so process start-up is not counted.
 */
export async function benchAnalyzeStage(
  texts: BenchText[],
  config: StancewatchConfig,
  copies: number,
  processes: number,
  /** A database to run in (already filled, e.g. the query bench's); default: a fresh one, dropped after. */
  into?: TestDatabase,
  /** Keeps a repeated run in the same database on new articles (a URL path prefix). */
  round = '',
): Promise<{
  articles: number;
  ms: number;
  workerPeakRssMb: number;
  /** CPU ms per article between the first job taken and the last one completed. */
  cpuPerArticle: { worker: number; postgres: number; redis: number };
}> {
  await requireRedis();
  const testDb = into ?? (await createTestDatabase());
  const prefix = testQueuePrefix();
  const dir = await mkdtemp(path.join(tmpdir(), 'sw-bench-'));
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const bull = createBullQueues({ connection: redis, prefix, analyzerVersion: ANALYZER_VERSION });
  const events = new QueueEvents('analyze', { connection: { url: TEST_REDIS_URL }, prefix });
  let workers: ChildProcess[] = [];
  try {
    const jobs = await storeArticles(testDb, texts, copies, config, round);
    const configPath = path.join(dir, 'config.json');
    await writeFile(configPath, JSON.stringify({ ...config, outlets: [], alerts: [] }));
    await events.waitUntilReady();
    const sample = cpuSampler(() => workers, new URL(testDb.url).pathname.slice(1));
    let first = 0;
    let cpuAtFirst: ReturnType<typeof sample> | undefined;
    let done = 0;
    const finished = new Promise<number>((resolve, reject) => {
      events.on('active', () => {
        first ||= performance.now();
        cpuAtFirst ??= sample();
      });
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
    const [from, to] = await Promise.all([cpuAtFirst, sample()]);
    const per = (k: 'worker' | 'postgres' | 'redis') => ((to[k] - (from?.[k] ?? 0)) / jobs.length);
    return {
      articles: jobs.length,
      ms: end - first,
      workerPeakRssMb: Math.max(...(await Promise.all(workers.map(peakRssMb)))),
      cpuPerArticle: { worker: per('worker'), postgres: per('postgres'), redis: per('redis') },
    };
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
    await events.close();
    await bull.close();
    redis.disconnect();
    await dropPrefix(prefix);
    if (!into) await testDb.drop();
    await rm(dir, { recursive: true, force: true });
  }
}
