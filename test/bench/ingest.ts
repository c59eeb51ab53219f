import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDemoConfig } from '../../src/demo/index.js';
import { silentLogger } from '../../src/log.js';
import { availableParallelism } from 'node:os';
import { ingestArticle, ingestFile, openRuntime, startAnalysisPool } from '../../src/pipeline/index.js';
import { createTestDatabase } from '../helpers/db.js';
import { TEST_REDIS_URL, dropPrefix, testQueuePrefix } from '../helpers/redis.js';
import { fmt } from './measure.js';
import { REAL_NEWS_FILE, realNewsTexts } from './texts.js';

// `stancewatch ingest` of the real pages x COPIES (issue 19's bar: >= 100 articles/s analysed and
// stored in-process on PostgreSQL, >= 1,000 articles/s stored and enqueued with REDIS_URL), each
// beside the previous way (one line stored, then queued or analysed, at a time) in the same run.
// `npx tsx test/bench/ingest.ts` runs this part alone.

const COPIES = Number(process.env.BENCH_INGEST_COPIES ?? 50);
// The line-at-a-time baseline is slow: it runs on fewer copies (articles/s does not depend on it).
// Analysis threads as `stancewatch ingest` starts them: one a core.
const THREADS = Number(process.env.BENCH_INGEST_THREADS ?? availableParallelism());
const BASELINE_COPIES = Number(process.env.BENCH_INGEST_BASELINE_COPIES ?? 10);

export interface IngestFigure {
  what: string;
  articles: number;
  seconds: number;
  perSecond: number;
}

type Line = { outlet: string; url: string; title: string; published_at: string; text: string; language: string };

function archive(copies: number, outletIds: readonly string[]): Line[] | undefined {
  const real = realNewsTexts(outletIds);
  if (!real) return undefined;
  const lines: Line[] = [];
  for (let c = 0; c < copies; c++) {
    for (const [i, a] of real.entries()) {
      // Spread over two years, so rows land in many monthly partitions as a real archive's do.
      const at = new Date(Date.UTC(2025, 0, 1) + ((c * real.length + i) % 730) * 86_400_000 + c * 60_000);
      lines.push({ outlet: a.outletId, url: `https://bench.example/${c}/${a.slug}`, title: a.title, published_at: at.toISOString(), text: a.text, language: 'en' });
    }
  }
  return lines;
}

async function run(what: string, lines: Line[], mode: 'embedded' | 'redis', how: 'batched' | 'line-at-a-time'): Promise<IngestFigure> {
  const config = buildDemoConfig('http://127.0.0.1:1');
  const db = await createTestDatabase();
  const dir = await mkdtemp(path.join(tmpdir(), 'sw-bench-ingest-'));
  const file = path.join(dir, 'archive.jsonl');
  await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n'));
  const prefix = testQueuePrefix();
  const env = {
    databaseUrl: db.url,
    redisUrl: mode === 'redis' ? TEST_REDIS_URL : undefined,
    smtpUrl: undefined,
    smtpFrom: undefined,
    dataDir: dir,
    configPath: undefined,
    queuePrefix: prefix,
    logLevel: undefined,
    port: undefined,
    reconcileIntervalMs: 300_000,
    stallCheckMs: 30_000, webAuth: { readers: [], admins: [] },
  };
  const rt = await openRuntime(env, config, silentLogger);
  const thread = mode === 'embedded' && how === 'batched' ? await startAnalysisPool(config.actors, THREADS) : undefined;
  try {
    const t0 = performance.now();
    let stored: number;
    if (how === 'batched') {
      const r = await ingestFile(rt.deps, file, thread ? { analyzeText: (t) => thread.analyze(t) } : {});
      stored = r.stored.new;
    } else {
      // The previous ingest: each line stored in its own transaction and queued; embedded, the
      // runner then analyses the queued articles one job at a time.
      stored = 0;
      for (const l of lines) {
        const r = await ingestArticle(rt.deps, {
          outletId: l.outlet, url: l.url, canonicalUrl: l.url, title: l.title, text: l.text, author: null,
          publishedAt: new Date(l.published_at), language: l.language,
        });
        if (r.status === 'new') stored++;
      }
    }
    const stats = rt.runner ? await rt.runner.drain() : undefined;
    const seconds = (performance.now() - t0) / 1000;
    if (stored !== lines.length) throw new Error(`${what}: stored ${stored} of ${lines.length}`);
    if (stats && stats.failed.length > 0) throw new Error(`${what}: ${stats.failed.length} jobs failed: ${stats.failed[0]?.reason}`);
    if (mode === 'redis') {
      const waiting = await rt.bull!.queues.analyze.getJobCountByTypes('waiting', 'delayed', 'prioritized');
      if (waiting !== lines.length) throw new Error(`${what}: ${waiting} analyze jobs queued for ${lines.length} articles`);
    } else {
      const analysed = await db.handle.db.$count((await import('../../src/store/index.js')).tables.articles);
      if (analysed !== lines.length) throw new Error(`${what}: ${analysed} articles`);
    }
    return { what, articles: lines.length, seconds, perSecond: lines.length / seconds };
  } finally {
    await thread?.close();
    await rt.close();
    await db.drop();
    if (mode === 'redis') await dropPrefix(prefix);
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchIngest(log: (s: string) => void): Promise<IngestFigure[] | undefined> {
  const outletIds = buildDemoConfig('http://127.0.0.1:1').outlets.map((o) => o.id);
  const lines = archive(COPIES, outletIds);
  const baselineLines = archive(BASELINE_COPIES, outletIds);
  if (!lines || !baselineLines) return undefined;
  const figures: IngestFigure[] = [];
  for (const [what, ls, mode, how] of [
    ['embedded on PostgreSQL, line at a time (before)', baselineLines, 'embedded', 'line-at-a-time'],
    [`embedded on PostgreSQL, batched + ${THREADS} analysis thread${THREADS > 1 ? 's' : ''}`, lines, 'embedded', 'batched'],
    ['REDIS_URL: stored and enqueued, line at a time (before)', baselineLines, 'redis', 'line-at-a-time'],
    ['REDIS_URL: stored and enqueued, batched + addBulk', lines, 'redis', 'batched'],
  ] as const) {
    log(`  ingest bench: ${what} (${ls.length} articles)`);
    figures.push(await run(what, [...ls], mode, how));
  }
  return figures;
}

export function formatIngestBench(figures: IngestFigure[] | undefined): string {
  if (!figures) return `ingest bench skipped: ${REAL_NEWS_FILE} is absent`;
  const w = Math.max(...figures.map((f) => f.what.length));
  const rows = figures.map((f) => `${f.what.padEnd(w)}  ${String(f.articles).padStart(5)} articles  ${fmt(f.seconds, 1).padStart(6)} s  ${fmt(f.perSecond, 1).padStart(7)} articles/s`);
  const ratio = (a: number, b: number) => fmt(figures[b]!.perSecond / figures[a]!.perSecond, 2);
  return [
    `stancewatch ingest, real pages x ${COPIES} (baselines x ${BASELINE_COPIES}), fresh PostgreSQL database each:`,
    ...rows,
    `ratio to the line-at-a-time baseline: embedded ${ratio(0, 1)}x (bar: >= 100 articles/s analysed and stored), ` +
      `REDIS_URL ${ratio(2, 3)}x (bar: >= 1,000 articles/s stored and enqueued)`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchIngest((s) => process.stderr.write(`${s}\n`));
  process.stdout.write(`${formatIngestBench(figures)}\n`);
}
