import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadEnv } from '../../src/config/index.js';
import { startDemoServer } from '../../src/demo/index.js';
import { silentLogger } from '../../src/log.js';
import { openRuntime, type Runtime } from '../../src/pipeline/index.js';
import { createBullQueues } from '../../src/queue/index.js';
import { alertMarkers, frameShares, rebuildRollups, rollupDrift, rowsOf, stanceTrend, topSources } from '../../src/store/index.js';
import { startWebServer, type WebServer } from '../../src/web/index.js';
import { CHROMIUM_INSTALL_HINT, TEST_CHROMIUM_PATH, skipWithoutChromium } from '../helpers/chromium.js';
import { TEST_REDIS_URL, dropPrefix, requireRedis, testQueuePrefix } from '../helpers/redis.js';

// The docs' screenshots are rewritten only when asked (UPDATE_SCREENSHOTS=1): otherwise every test
// run left the checkout modified with new PNGs of the same pages.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? path.resolve('docs/screenshots')
  : mkdtempSync(path.join(tmpdir(), 'sw-screenshots-'));
const skip = skipWithoutChromium('the dashboard browser tests');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

let dataDir: string;
let rt: Runtime;
let web: WebServer;
let browser: Browser;
let quoted: { articleId: string; source: string };

/** A page that records console errors and uncaught exceptions. */
async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

async function chartData(page: Page, id: string): Promise<{ series: number; points: number; alerts: number }> {
  return page.$eval(`#${id}`, (el) => {
    const d = (el as HTMLElement).dataset;
    return { series: Number(d.series), points: Number(d.points), alerts: Number(d.alerts ?? 0) };
  });
}

async function publishedDay(articleId: string): Promise<string> {
  const rows = rowsOf<{ day: string }>(
    await rt.deps.db.execute(sql`SELECT (published_at AT TIME ZONE 'UTC')::date::text AS day FROM articles WHERE id = ${articleId}`),
  );
  return rows[0]!.day;
}

/** Waits for the page's fetches and charts after a filter change. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 20_000 });
}

/**
 * A China article with an attributed quote about China, for the evidence view. The attribution
 * tagger is young: when it found none, one quote is added by hand (ordinal 1000).
 */
async function quotedChinaArticle(): Promise<{ articleId: string; source: string }> {
  const db = rt.deps.db;
  const found = rowsOf<{ article_id: string; source: string }>(
    await db.execute(sql`
      SELECT article_id, source FROM v_sources
      WHERE actor_id = 'china' ORDER BY published_at DESC, article_id LIMIT 1`),
  )[0];
  if (found) return { articleId: found.article_id, source: found.source };
  const [m] = rowsOf<{ article_id: string; version: string; sentence: string; start: number; end: number }>(
    await db.execute(sql`
      SELECT m.article_id, m.analyzer_version AS version, m.sentence, m.sentence_start AS start, m.sentence_end AS "end"
      FROM mentions m JOIN articles a ON a.id = m.article_id AND a.analyzer_version = m.analyzer_version
      WHERE m.actor_id = 'china' ORDER BY a.published_at DESC, m.start LIMIT 1`),
  );
  await db.execute(sql`
    INSERT INTO attributions (article_id, analyzer_version, ordinal, source_text, source_kind, cue, cue_start, cue_end,
                              content, content_start, content_end, direct, targets)
    VALUES (${m!.article_id}, ${m!.version}, 1000, 'a trade official', 'anonymous', 'said', ${m!.start}, ${m!.start},
            ${m!.sentence}, ${m!.start}, ${m!.end}, false, '[{"actor":"china","score":-0.4,"label":"negative"}]'::jsonb)`);
  return { articleId: m!.article_id, source: 'a trade official' };
}

beforeAll(async () => {
  if (skip) return;
  // First, so a missing browser under CI fails at once rather than after the demo crawl.
  try {
    browser = await chromium.launch({ executablePath: TEST_CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new Error(`the dashboard browser tests need Chromium at ${TEST_CHROMIUM_PATH}: ${CHROMIUM_INSTALL_HINT}`, { cause: err });
  }
  dataDir = await mkdtemp(path.join(tmpdir(), 'sw-dashboard-'));
  const demo = await startDemoServer();
  try {
    rt = await openRuntime(loadEnv({ STANCEWATCH_DATA_DIR: dataDir }), demo.config(), silentLogger, { crawl: { maxConcurrency: 8 } });
    for (const o of demo.config().outlets) await rt.runner!.enqueueCrawl({ outletId: o.id, trigger: 'demo' });
    const stats = await rt.runner!.drain();
    expect(stats.failed).toEqual([]);
  } finally {
    await demo.close();
  }
  quoted = await quotedChinaArticle();
  web = await startWebServer({ db: rt.deps.db, log: silentLogger }, { port: 0 });
  await mkdir(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await rt?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe.skipIf(skip)('the dashboard in headless Chromium, on the demo world', () => {
  it('keeps rollups equal to a rebuild through the whole demo pipeline (PGlite)', async () => {
    expect(await rollupDrift(rt.deps.db)).toEqual({ stance: 0, frames: 0 });
    const before = await stanceTrend(rt.deps.db, { interval: 'day' });
    await rebuildRollups(rt.deps.db);
    expect(await stanceTrend(rt.deps.db, { interval: 'day' })).toEqual(before);
  });

  it('draws one stance line per outlet, one point per week, the planted alert and the frame shares', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${web.url}/?actor=china`);
    await settled(page);
    const timing = await page.evaluate(() => ({
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      chartsDrawn: performance.getEntriesByName('trends-rendered')[0]?.startTime ?? -1,
    }));
    const rows = await stanceTrend(rt.deps.db, { actorId: 'china', interval: 'week' });
    const frames = await frameShares(rt.deps.db, { actorId: 'china', interval: 'week' });
    const alerts = await alertMarkers(rt.deps.db, { actorId: 'china' });
    expect(await chartData(page, 'trend-chart')).toEqual({
      series: new Set(rows.map((r) => r.outletId)).size,
      points: new Set(rows.map((r) => r.period)).size,
      alerts: alerts.length,
    });
    // The demo's planted change: The Harbour Times turns on China.
    expect(alerts.map((a) => a.outletId)).toContain('harbour-times');
    expect(new Set(rows.map((r) => r.outletId)).size).toBe(3);
    expect(await chartData(page, 'frame-chart')).toMatchObject({ series: new Set(frames.map((f) => f.frame)).size });
    expect(await page.locator('#alerts tbody tr').count()).toBe(alerts.length);
    const sources = await topSources(rt.deps.db, { actorId: 'china', limit: 15 });
    expect(await page.locator('#sources tbody tr').count()).toBe(sources.length);
    expect(await page.locator('#sources tbody tr td').first().textContent()).toBe(sources[0]!.source);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-trends.png'), fullPage: true });
    process.stdout.write(`dashboard first paint (trends page, demo data): first-contentful-paint ${timing.firstContentfulPaint.toFixed(0)} ms, charts drawn ${timing.chartsDrawn.toFixed(0)} ms\n`);
    expect(timing.firstContentfulPaint).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('redraws the charts when the filters change (outlets, interval, time range)', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${web.url}/?actor=china`);
    await settled(page);
    await page.uncheck('input[name="outlet"][value="northern-wire"]');
    await settled(page);
    await page.uncheck('input[name="outlet"][value="continental-ledger"]');
    await settled(page);
    const harbour = await stanceTrend(rt.deps.db, { actorId: 'china', outletIds: ['harbour-times'], interval: 'week' });
    const harbourAlerts = await alertMarkers(rt.deps.db, { actorId: 'china', outletIds: ['harbour-times'] });
    expect(await chartData(page, 'trend-chart')).toEqual({ series: 1, points: harbour.length, alerts: harbourAlerts.length });
    expect(page.url()).toContain('outlet=harbour-times');
    await page.selectOption('#f-interval', 'month');
    await settled(page);
    const months = await stanceTrend(rt.deps.db, { actorId: 'china', outletIds: ['harbour-times'], interval: 'month' });
    expect(await chartData(page, 'trend-chart')).toMatchObject({ series: 1, points: months.length });
    await page.selectOption('#f-interval', 'week');
    await settled(page);
    await page.fill('#f-from', '2026-09-14');
    await page.dispatchEvent('#f-from', 'change');
    await settled(page);
    const late = harbour.filter((r) => r.period >= '2026-09-14');
    expect(await chartData(page, 'trend-chart')).toMatchObject({ series: 1, points: late.length });
    expect(late.length).toBeLessThan(harbour.length);
    await page.selectOption('#f-actor', 'russia');
    await settled(page);
    const russia = await stanceTrend(rt.deps.db, { actorId: 'russia', outletIds: ['harbour-times'], interval: 'week', from: '2026-09-14' });
    expect(await chartData(page, 'trend-chart')).toMatchObject({ series: 1, points: new Set(russia.map((r) => r.period)).size });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the evidence behind an article: highlighted sentences, mentions by stance, attributed quotes', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${web.url}/?actor=china`);
    await settled(page);
    // Through the page: the article list links each article to its evidence.
    await page.goto(`${web.url}/?actor=china&from=${await publishedDay(quoted.articleId)}&to=${await publishedDay(quoted.articleId)}`);
    await settled(page);
    await page.click(`#articles a[href="/article/${quoted.articleId}"]`);
    await page.waitForSelector('#article-text');
    const sentence = page.locator('#article-text .ev-sentence').first();
    await expect.poll(() => sentence.isVisible()).toBe(true);
    const background = await sentence.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    const mentions = rowsOf<{ n: number }>(
      await rt.deps.db.execute(sql`SELECT count(*)::int AS n FROM mentions m JOIN articles a ON a.id = m.article_id AND a.analyzer_version = m.analyzer_version WHERE a.id = ${quoted.articleId}`),
    )[0]!.n;
    expect(await page.locator('#mention-list li').count()).toBe(mentions);
    expect(await page.locator('#article-text .mention[data-actor="china"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#article-text .quote').first().isVisible()).toBe(true);
    expect(await page.locator('#quote-list').textContent()).toContain(quoted.source);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-evidence.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves the queue dashboard at /queues when Redis is configured', async () => {
    await requireRedis();
    const prefix = testQueuePrefix();
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const bull = createBullQueues({ connection: redis, prefix, analyzerVersion: 'test' });
    const withQueues = await startWebServer({ db: rt.deps.db, log: silentLogger, queues: Object.values(bull.queues) }, { port: 0 });
    try {
      await bull.dispatcher.enqueueCrawl({ outletId: 'harbour-times', trigger: 'manual' });
      const { page, errors } = await openPage();
      await page.goto(`${withQueues.url}/queues`);
      await page.getByText('crawl', { exact: true }).first().waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await page.getByText('Loading...').waitFor({ state: 'detached', timeout: 20_000 });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-queues.png') });
      expect(errors).toEqual([]);
      await page.close();
      const { page: plain } = await openPage();
      await plain.goto(`${web.url}/queues`);
      expect(await plain.textContent('main')).toContain('REDIS_URL');
      await plain.close();
    } finally {
      await withQueues.close();
      await bull.close();
      redis.disconnect();
      await dropPrefix(prefix);
    }
  });
});
