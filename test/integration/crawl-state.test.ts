import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFileSchema, type StancewatchConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/log.js';
import { ingestArticle, runCrawl, type PipelineDeps } from '../../src/pipeline/index.js';
import type { AlertsJob, AnalyzeJob, CrawlJob, JobDispatcher } from '../../src/queue/index.js';
import {
  enableFeeds,
  openPglite,
  outletStatus,
  rollupDrift,
  rowsOf,
  saveAnalyses,
  syncConfig,
  upsertArticle,
  type AnalysisToSave,
  type Db,
} from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { articlePage, rssOf, startScriptedServer, type ScriptedServer } from './crawl-helpers.js';

const run = promisify(execFile);

/** A dispatcher that records what the pipeline asks of it. */
function recordingDispatcher() {
  const calls = { crawl: [] as CrawlJob[], analyze: [] as AnalyzeJob[], alerts: [] as AlertsJob[], reschedule: [] as [string, number][] };
  const dispatcher: JobDispatcher = {
    enqueueCrawl: async (j) => void calls.crawl.push(j),
    enqueueAnalyze: async (j) => void calls.analyze.push(j),
    enqueueAlerts: async (j) => void calls.alerts.push(j),
    rescheduleCrawl: async (id, ms) => void calls.reschedule.push([id, ms]),
  };
  return { dispatcher, calls };
}

/** An analysis naming one actor with one score (enough for the rollups). */
function analysis(score: number): AnalysisToSave {
  const label = score > 0.1 ? 'positive' : score < -0.1 ? 'negative' : 'neutral';
  const sentence = { text: 'China spoke.', start: 0, end: 12 };
  return {
    analyzerVersion: 'v1',
    actors: [{
      id: 'china', stance: { score, label, confidence: 0.8 }, frames: {},
      mentions: [{ text: 'China', start: 0, end: 5, score, label, confidence: 0.8, frames: [], evidence: { sentence, cues: [] } }],
    }],
    attributions: [],
  };
}

const ACTORS = [{ id: 'china', name: 'China', kind: 'country' }];

describe('crawl state on PostgreSQL', () => {
  let testDb: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.handle.db;
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  describe('quality flags and languages', () => {
    let config: StancewatchConfig;
    beforeAll(async () => {
      config = configFileSchema.parse({
        outlets: [
          { id: 'qa', name: 'QA', homepage: 'https://qa.test/' },
          { id: 'qb', name: 'QB', homepage: 'https://qb.test/' },
        ],
        actors: ACTORS,
      }) as StancewatchConfig;
      await syncConfig(db, config);
    });

    it('keeps a flagged article out of the trend views and in the _all views, and moves it when its flags change', async () => {
      const base = { outletId: 'qa', author: null, language: 'en', publishedAt: new Date('2026-09-01T10:00:00Z') };
      const clean = await upsertArticle(db, { ...base, url: 'https://qa.test/1', canonicalUrl: 'https://qa.test/1', title: 'One', text: 'clean text' });
      const teaser = await upsertArticle(db, {
        ...base, url: 'https://qa.test/2', canonicalUrl: 'https://qa.test/2', title: 'Two', text: 'Subscribe to read', qualityFlags: ['paywall-teaser'],
      });
      await saveAnalyses(db, [{ articleId: clean.id, analysis: analysis(0.5) }, { articleId: teaser.id, analysis: analysis(-0.9) }]);
      const week = async (view: string) =>
        rowsOf<{ articles: number; mean_stance: number }>(
          await db.execute(sql`SELECT articles, mean_stance FROM ${sql.raw(view)} WHERE actor_id = 'china' AND outlet_id = 'qa'`),
        );
      expect(await week('v_stance_weekly')).toEqual([{ articles: 1, mean_stance: 0.5 }]);
      expect(await week('v_stance_weekly_all')).toEqual([{ articles: 2, mean_stance: -0.2 }]);
      const flags = rowsOf<{ quality_flags: string[] }>(await db.execute(sql`SELECT quality_flags FROM v_articles WHERE article_id = ${teaser.id}`));
      expect(flags).toEqual([{ quality_flags: ['paywall-teaser'] }]);
      // The full text arrives on a later crawl, without flags: the article joins the trend.
      await upsertArticle(db, { ...base, url: 'https://qa.test/2', canonicalUrl: 'https://qa.test/2', title: 'Two', text: 'The whole story', qualityFlags: [] });
      expect(await week('v_stance_weekly')).toEqual([{ articles: 2, mean_stance: -0.2 }]);
      expect(await rollupDrift(db)).toEqual({ stance: 0, frames: 0 });
      // ... and a later copy flagged again leaves it.
      await upsertArticle(db, { ...base, url: 'https://qa.test/2', canonicalUrl: 'https://qa.test/2', title: 'Two', text: 'Subscribe!', qualityFlags: ['too-short'] });
      expect(await week('v_stance_weekly')).toEqual([{ articles: 1, mean_stance: 0.5 }]);
      expect(await rollupDrift(db)).toEqual({ stance: 0, frames: 0 });
      // Text taken from the page's JSON-LD is a full text: that flag alone keeps it in the trends.
      await upsertArticle(db, { ...base, url: 'https://qa.test/2', canonicalUrl: 'https://qa.test/2', title: 'Two', text: 'The story (JSON-LD)', qualityFlags: ['text-from-json-ld'] });
      expect(await week('v_stance_weekly')).toEqual([{ articles: 2, mean_stance: -0.2 }]);
      expect(await rollupDrift(db)).toEqual({ stance: 0, frames: 0 });
    });

    it('stores a non-English article with its language and the reason, and never queues its analysis', async () => {
      const { dispatcher, calls } = recordingDispatcher();
      const deps: PipelineDeps = { db, dispatcher, config, log: silentLogger };
      const candidate = {
        outletId: 'qa', url: 'https://qa.test/de', canonicalUrl: 'https://qa.test/de', title: 'Gipfel', text: 'Der Gipfel endete.',
        author: null, publishedAt: new Date('2026-09-02T10:00:00Z'), language: 'de',
      };
      const stored = await ingestArticle(deps, candidate);
      await ingestArticle(deps, { ...candidate, url: 'https://qa.test/en', canonicalUrl: 'https://qa.test/en', language: 'en-GB', text: 'The summit ended.' });
      expect(calls.analyze.map((j) => j.articleId)).not.toContain(stored.id);
      expect(calls.analyze).toHaveLength(1);
      const rows = rowsOf<{ language: string; analysis_skipped_reason: string | null }>(
        await db.execute(sql`SELECT language, analysis_skipped_reason FROM v_articles WHERE outlet_id = 'qa' AND (url LIKE '%/de' OR url LIKE '%/en') ORDER BY url`),
      );
      expect(rows).toEqual([
        { language: 'de', analysis_skipped_reason: 'language de' },
        { language: 'en-GB', analysis_skipped_reason: null },
      ]);
    });
  });

  describe('wire copies share a cluster', () => {
    const hex = (n: bigint) => BigInt.asUintN(64, n).toString(16).padStart(16, '0');
    const H = 0x5a5a_1234_dead_beefn;
    const article = (outletId: string, n: number, simhash: string, day: number) => ({
      outletId, url: `https://${outletId}.test/wire-${n}`, canonicalUrl: `https://${outletId}.test/wire-${n}`, title: `Wire ${n}`,
      text: `wire story copy ${n}`, author: null, language: 'en', publishedAt: new Date(Date.UTC(2026, 9, day, 8)), simhash,
    });
    const clusterOf = async (id: string) =>
      rowsOf<{ cluster_id: string | null }>(await db.execute(sql`SELECT cluster_id FROM articles WHERE id = ${id}::uuid`))[0]?.cluster_id;

    it('clusters a near-duplicate (≤ 3 bits) from another outlet within 7 days under the earlier article, once', async () => {
      const first = await upsertArticle(db, article('qa', 1, hex(H), 1));
      const copy = await upsertArticle(db, article('qb', 2, hex(H ^ 0b101n), 3));
      expect(await clusterOf(first.id)).toBe(first.id);
      expect(await clusterOf(copy.id)).toBe(first.id);
      // A third copy joins the existing cluster; far hashes, the same outlet and old stories do not.
      const third = await upsertArticle(db, article('qb', 3, hex(H ^ (1n << 63n)), 4));
      const far = await upsertArticle(db, article('qb', 4, hex(H ^ 0xffn), 4));
      const sameOutlet = await upsertArticle(db, article('qa', 5, hex(H ^ 1n), 20));
      const late = await upsertArticle(db, article('qb', 6, hex(H ^ 2n), 30));
      expect(await clusterOf(third.id)).toBe(first.id);
      expect(await clusterOf(far.id)).toBeNull();
      expect(await clusterOf(sameOutlet.id)).toBeNull();
      expect(await clusterOf(late.id)).toBeNull();
      // Within 7 days of the day-20 story in another outlet: a new cluster named after it.
      const near = await upsertArticle(db, article('qb', 7, hex(H ^ 4n), 22));
      expect(await clusterOf(near.id)).toBe(sameOutlet.id);
      expect(await clusterOf(sameOutlet.id)).toBe(sameOutlet.id);
      // Storing the same copy again changes nothing.
      const again = await upsertArticle(db, article('qb', 2, hex(H ^ 0b101n), 3));
      expect(again.status).toBe('unchanged');
      expect(await clusterOf(copy.id)).toBe(first.id);
    });

    it('refuses a simhash that is not 16 hex digits, naming the article', async () => {
      await expect(upsertArticle(db, article('qa', 9, 'xyz', 5))).rejects.toThrow(/qa\.test\/wire-9: simhash "xyz" is not 16 hex digits/);
    });
  });

  describe('feed state, failures and adaptive polling through runCrawl', () => {
    let server: ScriptedServer;
    let config: StancewatchConfig;
    let deps: PipelineDeps;
    let calls: ReturnType<typeof recordingDispatcher>['calls'];
    let crawls = 0;
    const crawl = () => runCrawl(deps, { outletId: 'feedy', trigger: 'manual' }, { jobId: `test-${(crawls += 1)}`, attempt: 1 });
    let articles = ['/a1.html', '/a2.html'];

    beforeAll(async () => {
      server = await startScriptedServer({
        '/feed.xml': (req, res) => {
          const etag = `"v${articles.length}"`;
          if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
          res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': 'Sun, 01 Nov 2026 08:00:00 GMT' }).end(rssOf(articles));
        },
        '/broken.xml': (_req, res) => void res.writeHead(500, { 'content-type': 'text/plain' }).end('down'),
        ...Object.fromEntries(['/a1.html', '/a2.html', '/a3.html'].map((p) => [p, (_req: unknown, res: import('node:http').ServerResponse) =>
          void res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage(`Story ${p}`))])),
      });
      config = configFileSchema.parse({
        outlets: [{
          id: 'feedy', name: 'Feedy', homepage: `${server.url}/`, allowPrivateNetwork: true, schedule: '1h', minInterval: '10m', maxFeedFailures: 2,
          feeds: [`${server.url}/feed.xml`, `${server.url}/broken.xml`],
        }],
        actors: ACTORS,
      }) as StancewatchConfig;
      await syncConfig(db, config);
      const rec = recordingDispatcher();
      calls = rec.calls;
      deps = { db, dispatcher: rec.dispatcher, config, log: silentLogger, crawl: { maxRequestRetries: 0, maxConcurrency: 2 } };
    });
    afterAll(async () => {
      await server?.close();
    });

    const feed = async (name: string) => (await outletStatus(db, ['feedy']))[0]!.feeds.find((f) => f.url.endsWith(name))!;

    it('stores validators, then asks conditionally and reads nothing on 304; halves the interval after new articles, then grows it', async () => {
      const first = await crawl();
      expect(first.newArticles).toBe(2);
      expect(first.pollIntervalMs).toBe(30 * 60_000);
      expect(await feed('/feed.xml')).toMatchObject({ lastStatus: 200, consecutiveFailures: 0, disabledAt: null });
      const second = await crawl();
      const asked = server.seen.filter((r) => r.path === '/feed.xml');
      expect(asked).toHaveLength(2);
      expect(second.newArticles).toBe(0);
      expect(second.feedsRead).toBe(1);
      expect((await feed('/feed.xml')).lastStatus).toBe(304);
      expect(second.pollIntervalMs).toBe(45 * 60_000);
      expect(calls.reschedule).toEqual([['feedy', 30 * 60_000], ['feedy', 45 * 60_000]]);
      // A new entry changes the ETag: the feed is read again and the new article fetched.
      articles = [...articles, '/a3.html'];
      const third = await crawl();
      expect(third.newArticles).toBe(1);
      expect(third.pollIntervalMs).toBe(22.5 * 60_000);
    });

    it('disables a feed after maxFeedFailures crawls in a row, skips it, and re-enables it on request', async () => {
      // The broken feed failed in each of the three crawls above: disabled at the second.
      const broken = await feed('/broken.xml');
      expect(broken.disabledAt).not.toBeNull();
      expect(broken.disabledReason).toMatch(/^failed 2 crawls in a row; last: HTTP 500/);
      const before = server.hits('/broken.xml');
      expect(before).toBe(2);
      await crawl();
      expect(server.hits('/broken.xml')).toBe(before);
      expect(await enableFeeds(db, 'feedy')).toEqual([`${server.url}/broken.xml`]);
      expect(await feed('/broken.xml')).toMatchObject({ disabledAt: null, consecutiveFailures: 0 });
      await crawl();
      expect(server.hits('/broken.xml')).toBe(before + 1);
      expect((await feed('/broken.xml')).consecutiveFailures).toBe(1);
    });

    it('counts a failure once per crawl run, however often the job is redelivered', async () => {
      const before = (await feed('/broken.xml')).consecutiveFailures;
      const job = { outletId: 'feedy', trigger: 'manual' } as const;
      await runCrawl(deps, job, { jobId: 'redelivered', attempt: 1 });
      await runCrawl(deps, job, { jobId: 'redelivered', attempt: 2 });
      expect((await feed('/broken.xml')).consecutiveFailures).toBe(before + 1);
    });

    it('`outlets status` prints every outlet and feed as a table or JSON', async () => {
      const env = { ...process.env, DATABASE_URL: testDb.url, LOG_LEVEL: 'silent' };
      const json = await run('node', ['bin/stancewatch.js', 'outlets', 'status', '--outlet', 'feedy', '--format', 'json'], { env });
      const [status] = JSON.parse(json.stdout) as { outletId: string; articles: number; pollIntervalMs: number; feeds: { url: string; lastStatus: number }[] }[];
      expect(status).toMatchObject({ outletId: 'feedy', articles: 3 });
      expect(status?.feeds.map((f) => f.url.replace(server.url, ''))).toEqual(['/broken.xml', '/feed.xml']);
      const table = await run('node', ['bin/stancewatch.js', 'outlets', 'status'], { env });
      expect(table.stdout).toMatch(/^outlet\s+last crawl\s+run\s+interval\s+articles/m);
      expect(table.stdout).toMatch(/feedy .* feed\s+http:\S+\/feed\.xml/m);
      await expect(run('node', ['bin/stancewatch.js', 'outlets', 'status', '--format', 'xml'], { env })).rejects.toThrow(/--format "xml" is not one of table, json/);
    }, 60_000);
  });
});

describe('crawl state on PGlite', () => {
  it('migrates, keeps flagged articles out of the trends and clusters wire copies', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sw-crawl-state-'));
    const handle = await openPglite(dir);
    try {
      await handle.migrate();
      const db = handle.db;
      await syncConfig(db, configFileSchema.parse({
        outlets: [{ id: 'pa', name: 'PA', homepage: 'https://pa.test/' }, { id: 'pb', name: 'PB', homepage: 'https://pb.test/' }],
        actors: ACTORS,
      }) as StancewatchConfig);
      const at = new Date('2026-10-01T08:00:00Z');
      const a = await upsertArticle(db, { outletId: 'pa', url: 'https://pa.test/1', canonicalUrl: 'https://pa.test/1', title: 'A', text: 'a', author: null, publishedAt: at, language: 'en', simhash: '00000000000000ff' });
      const later = new Date(at.getTime() + 3_600_000);
      const b = await upsertArticle(db, { outletId: 'pb', url: 'https://pb.test/1', canonicalUrl: 'https://pb.test/1', title: 'B', text: 'b', author: null, publishedAt: later, language: 'en', simhash: '00000000000000fe', qualityFlags: ['leaked-boilerplate'] });
      await saveAnalyses(db, [{ articleId: a.id, analysis: analysis(0.4) }, { articleId: b.id, analysis: analysis(-0.4) }]);
      const clusters = rowsOf<{ cluster_id: string }>(await db.execute(sql`SELECT DISTINCT cluster_id FROM articles`));
      expect(clusters).toEqual([{ cluster_id: a.id }]);
      const pooled = rowsOf<{ articles: number }>(await db.execute(sql`SELECT articles FROM v_actor_stance_weekly WHERE actor_id = 'china'`));
      expect(pooled).toEqual([{ articles: 1 }]);
    } finally {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
