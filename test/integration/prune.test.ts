import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoConfig } from '../../src/demo/index.js';
import { silentLogger } from '../../src/log.js';
import { analyzeArticles, type PipelineDeps } from '../../src/pipeline/index.js';
import type { JobDispatcher } from '../../src/queue/index.js';
import {
  articleEvidence,
  pruneStorage,
  rowsOf,
  syncConfig,
  upsertArticle,
  type Db,
} from '../../src/store/index.js';
import { renderArticlePage } from '../../src/web/article-page.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

// Retention drops whole months of text and mention rows; the trends must not notice.

const config = buildDemoConfig('http://127.0.0.1:1');
const outlets = config.outlets.map((o) => o.id);
const noDispatch: JobDispatcher = { enqueueCrawl: async () => {}, enqueueAnalyze: async () => {}, enqueueAlerts: async () => {} };
const TEXTS = [
  'Officials in Beijing said the European Union had betrayed its partners and condemned the sanctions.',
  'China praised the new trade deal with Brazil, calling it a historic success for both sides.',
  'The European Union condemned the Chinese blockade as illegal and a threat to peace.',
  '"We will not accept this," a senior EU official said, accusing China of bullying its neighbours.',
];
// Two articles a month from January to June 2026, mid-month.
const ARTICLES = Array.from({ length: 12 }, (_, i) => ({
  outletId: outlets[i % outlets.length]!,
  url: `https://prune.test/${i}`,
  canonicalUrl: `https://prune.test/${i}`,
  title: `Story ${i}`,
  text: `${TEXTS[i % TEXTS.length]} ${TEXTS[(i + 1) % TEXTS.length]}`,
  author: null,
  language: 'en',
  publishedAt: new Date(Date.UTC(2026, Math.floor(i / 2), 10 + (i % 2) * 10)),
}));

/** What the trends read: every stance, frame, story and coverage view, and the article list. */
const TREND_VIEWS = [
  'v_article_stance', 'v_stance_daily', 'v_stance_weekly', 'v_stance_monthly',
  'v_actor_stance_daily', 'v_actor_stance_weekly', 'v_actor_stance_monthly',
  'v_frame_shares_weekly', 'v_story_stance_weekly', 'v_outlet_coverage', 'v_articles',
];

async function trendRows(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const v of TREND_VIEWS) {
    out[v] = rowsOf<{ j: string }>(await db.execute(sql`SELECT to_jsonb(x)::text AS j FROM ${sql.identifier(v)} x ORDER BY 1`)).map((r) => r.j);
  }
  return out;
}

async function one(db: Db, q: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: number | string | null }>(await db.execute(q))[0]?.n ?? 0);
}

const partitionBytes = (db: Db, table: string) =>
  one(db, sql`SELECT coalesce(sum(pg_total_relation_size(i.inhrelid)), 0)::bigint AS n FROM pg_inherits i WHERE i.inhparent = ${table}::regclass`);

describe('stancewatch prune (retention by monthly partitions)', () => {
  let t: TestDatabase;
  let deps: PipelineDeps;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase();
    await syncConfig(t.handle.db, config);
    deps = { db: t.handle.db, dispatcher: noDispatch, config, log: silentLogger };
    for (const a of ARTICLES) ids.push((await upsertArticle(t.handle.db, a)).id);
    const results = await analyzeArticles(deps, ids.map((articleId) => ({ articleId, contentHash: 'x' })));
    for (const r of results) if (r instanceof Error) throw r;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('drops old text and mentions by whole months, keeps the trends, and returns the space', async () => {
    const db = t.handle.db;
    const before = await trendRows(db);
    expect(before.v_stance_weekly!.length).toBeGreaterThan(0);
    const textBytes = await partitionBytes(db, 'article_texts');
    const mentionBytes = await partitionBytes(db, 'mentions');
    expect(await one(db, sql`SELECT count(*) AS n FROM mentions_p202601`)).toBeGreaterThan(0);

    // Text before 15 March: January and February go whole, the 10 March article's text row is
    // deleted from its month; mention rows before 1 February: January goes whole.
    const pruned = await pruneStorage(db, { textBefore: new Date('2026-03-15T00:00:00Z'), mentionsBefore: new Date('2026-02-01T00:00:00Z') });
    expect(pruned.map((p) => `${p.table} ${p.month} ${p.action} ${p.rows}`)).toEqual([
      'article_texts 2026-01-01 dropped 2',
      'article_texts 2026-02-01 dropped 2',
      'article_texts 2026-03-01 deleted 1',
      `mentions 2026-01-01 dropped ${pruned.find((p) => p.table === 'mentions')!.rows}`,
    ]);
    expect(pruned.every((p) => p.action === 'deleted' || (p.bytes > 0 && p.rows > 0))).toBe(true);

    // The trends are whole: nothing they read was touched.
    expect(await trendRows(db)).toEqual(before);
    // The text is gone, and so are the partitions that held it: the disk space is back.
    expect(await one(db, sql`SELECT count(*) AS n FROM article_texts t JOIN articles a ON a.id = t.article_id
      WHERE a.published_at < '2026-03-15'`)).toBe(0);
    expect(await one(db, sql`SELECT count(*) AS n FROM article_texts`)).toBe(7);
    expect(await one(db, sql`SELECT (to_regclass('article_texts_p202601') IS NULL AND to_regclass('article_texts_p202602') IS NULL
      AND to_regclass('mentions_p202601') IS NULL)::int AS n`)).toBe(1);
    const returned = pruned.filter((p) => p.action === 'dropped').reduce((n, p) => n + p.bytes, 0);
    expect(await partitionBytes(db, 'article_texts')).toBeLessThan(textBytes);
    expect(textBytes + mentionBytes - (await partitionBytes(db, 'article_texts')) - (await partitionBytes(db, 'mentions'))).toBe(returned);
    // Mentions of February on stay, with their sentences only where the text still is.
    expect(await one(db, sql`SELECT count(*) AS n FROM v_mentions WHERE published_at < '2026-02-01'`)).toBe(0);
    expect(await one(db, sql`SELECT count(*) AS n FROM v_mentions WHERE published_at >= '2026-04-01' AND sentence IS NULL`)).toBe(0);
    expect(await one(db, sql`SELECT count(*) AS n FROM v_mentions WHERE published_at >= '2026-02-01' AND published_at < '2026-03-01' AND sentence IS NOT NULL`)).toBe(0);

    // Twice is once.
    expect(await pruneStorage(db, { textBefore: new Date('2026-03-15T00:00:00Z'), mentionsBefore: new Date('2026-02-01T00:00:00Z') })).toEqual([]);
  });

  it('shows a pruned article as such, skips analysing it, and stores old articles again', async () => {
    const db = t.handle.db;
    const page = await articleEvidence(db, ids[0]!);
    expect(page?.textPruned).toBe(true);
    expect(page?.actors.length).toBeGreaterThan(0);
    const html = renderArticlePage(page!);
    expect(html).toContain('text pruned');
    expect((await articleEvidence(db, ids[11]!))?.textPruned).toBe(false);

    const [res] = await analyzeArticles(deps, [{ articleId: ids[0]!, contentHash: 'x' }]);
    expect(res).toMatchObject({ skipped: 'text pruned' });

    // A January article crawled now goes into a January partition made again.
    const late = await upsertArticle(db, { ...ARTICLES[0]!, url: 'https://prune.test/late', canonicalUrl: 'https://prune.test/late' });
    expect(late.status).toBe('new');
    expect(await one(db, sql`SELECT count(*) AS n FROM article_texts_p202601`)).toBe(1);
  });
});
