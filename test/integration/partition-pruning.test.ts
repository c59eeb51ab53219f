import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoConfig } from '../../src/demo/index.js';
import { silentLogger } from '../../src/log.js';
import { analyzeArticles } from '../../src/pipeline/index.js';
import type { JobDispatcher } from '../../src/queue/index.js';
import { mentionEvidence, mentionEvidenceQuery, monthsOfArticles, rowsOf, syncConfig, upsertArticle, type Db } from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

// Queries over the monthly partitions open only the months they need (EXPLAIN ANALYZE).

const config = buildDemoConfig('http://127.0.0.1:1');
const noDispatch: JobDispatcher = { enqueueCrawl: async () => {}, enqueueAnalyze: async () => {}, enqueueAlerts: async () => {} };
const TEXT = 'Officials in Beijing said the European Union had betrayed its partners. China praised the trade deal with Brazil.';

/** The partitions of `table` the executor ran (not pruned at planning, not "never executed"). */
async function partitionsRead(db: Db, query: SQL, table: string): Promise<string[]> {
  const plan = rowsOf<{ 'QUERY PLAN': string }>(await db.execute(sql`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${query}`))
    .map((r) => r['QUERY PLAN'])
    .join('\n');
  const read = new Set<string>();
  for (const line of plan.split('\n')) {
    const m = new RegExp(`on (${table}_p\\d{6})`).exec(line);
    if (m && !line.includes('never executed')) read.add(m[1]!);
  }
  return [...read].sort();
}

describe('monthly partitions are pruned', () => {
  let t: TestDatabase;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase();
    const db = t.handle.db;
    await syncConfig(db, config);
    // Twelve months, three articles each.
    for (let i = 0; i < 36; i++) {
      const url = `https://pruning.test/${i}`;
      const r = await upsertArticle(db, {
        outletId: config.outlets[i % config.outlets.length]!.id, url, canonicalUrl: url, title: `Story ${i}`, text: TEXT,
        author: null, language: 'en', publishedAt: new Date(Date.UTC(2025, i % 12, 3 + Math.floor(i / 12))),
      });
      ids.push(r.id);
    }
    const deps = { db, dispatcher: noDispatch, config, log: silentLogger };
    for (const r of await analyzeArticles(deps, ids.map((articleId) => ({ articleId, contentHash: 'x' })))) if (r instanceof Error) throw r;
    await db.execute(sql`ANALYZE`);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('reads one month of mentions for a month-bounded trend', async () => {
    const db = t.handle.db;
    // A weekly stance trend of one actor over March from the mention rows, bounded by the partition key.
    const trend = sql`SELECT date_trunc('week', ar.published_at) AS week, avg(m.score) AS mean, count(*) AS n
      FROM mentions m JOIN articles ar ON ar.id = m.article_id AND ar.analyzer_version = m.analyzer_version AND ar.month = m.month
      WHERE m.actor_id = 'china' AND m.month >= '2025-03-01' AND m.month < '2025-04-01'
      GROUP BY 1 ORDER BY 1`;
    expect(await partitionsRead(db, trend, 'mentions')).toEqual(['mentions_p202503']);
    expect(rowsOf(await db.execute(trend)).length).toBeGreaterThan(0);
    // Unbounded, every month is read: the check above can fail.
    const all = sql`SELECT count(*) FROM mentions m WHERE m.actor_id = 'china'`;
    expect((await partitionsRead(db, all, 'mentions')).length).toBe(12);
  });

  it("reads only the cited articles' months for an alert's evidence", async () => {
    const db = t.handle.db;
    const cited = [ids[1]!, ids[13]!]; // both from February
    const query = mentionEvidenceQuery('china', cited, await monthsOfArticles(db, cited));
    expect(await partitionsRead(db, query, 'mentions')).toEqual(['mentions_p202502']);
    expect(await partitionsRead(db, query, 'article_texts')).toEqual(['article_texts_p202502']);
    const rows = await mentionEvidence(db, 'china', cited);
    expect(new Set(rows.map((r) => r.articleId))).toEqual(new Set(cited));
    expect(rows.every((r) => r.sentence.includes('China') || r.sentence.includes('Beijing'))).toBe(true);
  });
});
