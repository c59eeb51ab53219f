import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/index.js';
import { silentLogger } from '../../src/log.js';
import { ANALYZER_VERSION } from '../../src/nlp/index.js';
import { analyzeArticles, buildProcessors, ingestArticle, reanalyze, unanalysedBacklog, type PipelineDeps } from '../../src/pipeline/index.js';
import { InProcessRunner, QUEUE, analyzeJobSchema, createBullQueues, makeWorker, type BullQueues } from '../../src/queue/index.js';
import { rollupDrift, rowsOf, syncConfig, upsertArticle, type Db } from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { TEST_REDIS_URL, dropPrefix, requireRedis, testQueuePrefix } from '../helpers/redis.js';

const CONFIG = `
outlets:
  - { id: harbour, name: Harbour, homepage: https://harbour.test/, feeds: [https://harbour.test/rss] }
  - { id: ledger, name: Ledger, homepage: https://ledger.test/, feeds: [https://ledger.test/rss] }
actors:
  - { id: china, name: China, kind: country, aliases: [Beijing], demonyms: [Chinese] }
  - { id: russia, name: Russia, kind: country, aliases: [Moscow, the Kremlin], demonyms: [Russian] }
`;
const config = parseConfigText(CONFIG);

const STORIES = [
  { outlet: 'harbour', day: '2026-07-01', text: 'China praised the summit. Russia condemned the talks and threatened its neighbours.' },
  { outlet: 'harbour', day: '2026-09-02', text: 'Beijing welcomed the trade deal. Moscow was criticised for the attack.' },
  { outlet: 'ledger', day: '2026-09-09', text: 'The Kremlin rejected the sanctions. Chinese diplomats called for dialogue.' },
  { outlet: 'ledger', day: '2026-09-16', text: 'China and Russia held joint military drills, raising concern in the region.' },
];
const run = promisify(execFile);
const SINCE = new Date('2026-09-01T00:00:00Z');
const OLD = 'old-0';

let testDb: TestDatabase;
let db: Db;

async function versionTables(): Promise<string[]> {
  const rows = rowsOf<{ table_name: string }>(
    await db.execute(sql`SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'analyzer_version'
        AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')`),
  );
  return rows.map((r) => r.table_name).sort();
}

/** Rows per table and analyzer version, e.g. { 'mentions lexicon-2': 7 }. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await versionTables()) {
    const rows = rowsOf<{ v: string | null; n: number | string }>(
      await db.execute(sql`SELECT analyzer_version AS v, count(*) AS n FROM ${sql.identifier(table)} GROUP BY 1`),
    );
    for (const r of rows) counts[`${table} ${r.v}`] = Number(r.n);
  }
  return counts;
}

/** Pretends every stored analysis was made by an older analyzer called `OLD`. */
async function makeAnalysesOld(): Promise<void> {
  for (const table of await versionTables()) {
    await db.execute(sql`UPDATE ${sql.identifier(table)} SET analyzer_version = ${OLD}`);
  }
}

async function articleVersions(): Promise<string[]> {
  const rows = rowsOf<{ v: string | null }>(await db.execute(sql`SELECT analyzer_version AS v FROM articles ORDER BY published_at`));
  return rows.map((r) => r.v ?? 'null');
}

function embeddedDeps(): { deps: PipelineDeps; runner: InProcessRunner } {
  const runner = new InProcessRunner({ analyzerVersion: ANALYZER_VERSION, log: silentLogger });
  const deps: PipelineDeps = { db, dispatcher: runner, config, log: silentLogger };
  runner.setProcessors(buildProcessors(deps));
  return { deps, runner };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.handle.db;
}, 60_000);

afterAll(async () => {
  await testDb?.drop();
});

let fresh: Record<string, number>;
/** The runner that made the first analyses: it still holds their job ids. */
let embedded: ReturnType<typeof embeddedDeps>;

beforeEach(async () => {
  await db.execute(sql`TRUNCATE articles, outlets, actors, stance_rollups, frame_rollups CASCADE`);
  embedded = embeddedDeps();
  const { deps, runner } = embedded;
  await syncConfig(db, config);
  for (const [i, s] of STORIES.entries()) {
    const url = `https://${s.outlet}.test/${i}`;
    await ingestArticle(deps, { outletId: s.outlet, url, canonicalUrl: url, title: `Story ${i}`, text: s.text, author: null, publishedAt: new Date(`${s.day}T08:00:00Z`), language: 'en' });
  }
  await runner.drain();
  fresh = await rowCounts();
  expect(fresh[`mentions ${ANALYZER_VERSION}`]).toBeGreaterThanOrEqual(8);
});

describe('reanalyze, embedded (in-process runner)', () => {
  it('re-runs only analyses of another version since the day, without duplicating rows', async () => {
    await makeAnalysesOld();
    const { deps, runner } = embeddedDeps();
    const first = await reanalyze(deps, { since: SINCE, afterPage: async () => void (await runner.drain()) });
    expect(first).toEqual({ analyzerVersion: ANALYZER_VERSION, queued: 3 });
    expect(await articleVersions()).toEqual([OLD, ANALYZER_VERSION, ANALYZER_VERSION, ANALYZER_VERSION]);
    // The three re-analysed articles have exactly one current analysis each; the old rows stay as history.
    const counts = await rowCounts();
    expect(counts[`article_actors ${ANALYZER_VERSION}`]).toBe(fresh[`article_actors ${ANALYZER_VERSION}`]! - 2);
    expect(counts[`article_actors ${OLD}`]).toBe(fresh[`article_actors ${ANALYZER_VERSION}`]);
    expect(await rollupDrift(db)).toEqual({ stance: 0, frames: 0 });
    // Nothing changed since: a second run selects nothing.
    expect((await reanalyze(deps, { since: SINCE, afterPage: async () => void (await runner.drain()) })).queued).toBe(0);
    expect(runner.failed).toEqual([]);
  });

  it('with --all re-runs articles the current version already analysed, and asking twice queues once', async () => {
    // The runner that ran the first analyses, so it still knows their job ids (content x version).
    const { deps, runner } = embedded;
    const before = (await runner.drain()).completed.analyze;
    expect((await reanalyze(deps, { all: true })).queued).toBe(4);
    expect((await reanalyze(deps, { all: true })).queued).toBe(4);
    const stats = await runner.drain();
    expect(stats.completed.analyze - before).toBe(4);
    expect(await rowCounts()).toEqual(fresh);
    expect(await rollupDrift(db)).toEqual({ stance: 0, frames: 0 });
    // Once analysed again, --all asks again (its state changed); without it nothing is left to do.
    expect((await reanalyze(deps, { all: true, outletIds: ['ledger'] })).queued).toBe(2);
    expect((await runner.drain()).completed.analyze - before).toBe(6);
    expect((await reanalyze(deps)).queued).toBe(0);
    expect(await rowCounts()).toEqual(fresh);
  });
});

describe('the backlog the reconciler and reanalyze read', () => {
  it('counts an unanalysed article tagged en-GB as English, and not one tagged de', async () => {
    expect(await unanalysedBacklog({ db })).toBe(0);
    for (const language of ['en-GB', 'de']) {
      const url = `https://harbour.test/lang-${language}`;
      await upsertArticle(db, { outletId: 'harbour', url, canonicalUrl: url, title: 'China', text: 'China praised the summit.', author: null, publishedAt: new Date('2026-09-20T08:00:00Z'), language });
    }
    expect(await unanalysedBacklog({ db })).toBe(1);
  });
});

describe('stancewatch reanalyze', () => {
  it('backfills in-process and says how many articles it queued and analysed', async () => {
    await makeAnalysesOld();
    const dir = await mkdtemp(path.join(tmpdir(), 'sw-reanalyze-'));
    try {
      await writeFile(path.join(dir, 'config.yaml'), CONFIG);
      const cli = (...args: string[]) =>
        run('node', ['bin/stancewatch.js', '--config', path.join(dir, 'config.yaml'), 'reanalyze', ...args], {
          env: { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_URL: testDb.url, LOG_LEVEL: 'warn' },
          timeout: 60_000,
        });
      const first = await cli('--since', '2026-09-01');
      expect(first.stderr).toBe('');
      expect(first.stdout).toBe(`3 articles queued for analysis with ${ANALYZER_VERSION}; 3 analyzed in this process, 0 failed (2 actors)\n`);
      expect(await articleVersions()).toEqual([OLD, ANALYZER_VERSION, ANALYZER_VERSION, ANALYZER_VERSION]);
      const second = JSON.parse((await cli('--json')).stdout) as { queued: number; mode: string };
      expect(second).toMatchObject({ queued: 1, mode: 'embedded' });
      expect(JSON.parse((await cli('--json')).stdout)).toMatchObject({ queued: 0 });
      await expect(cli('--outlet', 'nowhere')).rejects.toMatchObject({ stderr: expect.stringContaining('unknown outlet "nowhere": not in the config') });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('reanalyze through BullMQ (real Redis)', () => {
  const prefix = testQueuePrefix();
  let redis: Redis;
  let bull: BullQueues;

  beforeAll(async () => {
    await requireRedis();
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    bull = createBullQueues({ connection: redis, prefix, analyzerVersion: ANALYZER_VERSION });
  });

  afterEach(async () => {
    await bull.queues.analyze.obliterate({ force: true });
    await bull.queues.alerts.obliterate({ force: true });
  });

  afterAll(async () => {
    await bull.close();
    redis.disconnect();
    await dropPrefix(prefix);
  });

  /** Runs an analyze worker until `n` jobs have completed in all. */
  async function work(deps: PipelineDeps, n: number): Promise<void> {
    const worker = makeWorker(QUEUE.analyze, analyzeJobSchema, (job) => analyzeArticles(deps, [job]), {
      connection: redis,
      prefix,
      log: silentLogger,
    });
    try {
      for (let i = 0; i < 300 && (await bull.queues.analyze.getJobCounts('completed')).completed! < n; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await worker.close();
    }
  }

  it('queues each stale article once however often it is asked, and the workers bring it current', async () => {
    const deps: PipelineDeps = { db, dispatcher: bull.dispatcher, config, log: silentLogger };
    // The crawl's own jobs (content x version) ran through BullMQ and are kept as completed.
    const ids = rowsOf<{ id: string; h: string }>(await db.execute(sql`SELECT id, content_hash AS h FROM articles`));
    for (const { id, h } of ids) await bull.dispatcher.enqueueAnalyze({ articleId: id, contentHash: h });
    await work(deps, 4);
    await makeAnalysesOld();
    expect((await reanalyze(deps)).queued).toBe(4);
    expect((await reanalyze(deps)).queued).toBe(4);
    expect(await bull.queues.analyze.getJobCounts('waiting')).toEqual({ waiting: 4 });
    await work(deps, 8);
    expect(await bull.queues.analyze.getJobCounts('completed', 'failed')).toEqual({ completed: 8, failed: 0 });
    expect(await articleVersions()).toEqual(Array(4).fill(ANALYZER_VERSION));
    const counts = await rowCounts();
    // The old analyses stay as history, the new ones are exactly a fresh analysis's rows.
    for (const [key, n] of Object.entries(fresh)) {
      if (!key.startsWith('articles ')) expect(counts[key.replace(ANALYZER_VERSION, OLD)], key).toBe(n);
    }
    expect(Object.fromEntries(Object.entries(counts).filter(([k]) => k.endsWith(ANALYZER_VERSION)))).toEqual(fresh);
    expect(await rollupDrift(db)).toEqual({ stance: 0, frames: 0 });
    expect((await reanalyze(deps)).queued).toBe(0);
    expect(await bull.queues.analyze.getJobCounts('waiting')).toEqual({ waiting: 0 });
  }, 30_000);
});
