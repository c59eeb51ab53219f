import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoConfig } from '../../src/demo/index.js';
import {
  rebuildRollups,
  rollupDrift,
  rowsOf,
  saveAnalyses,
  stanceTrend,
  syncConfig,
  upsertArticle,
  type AnalysisToSave,
  type Db,
} from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let testDb: TestDatabase;
let db: Db;
const config = buildDemoConfig('http://127.0.0.1:1');
const OUTLETS = config.outlets.map((o) => o.id);

type ActorSpec = { id: string; scores: number[]; frames?: Record<string, number> };

/** An analysis whose article stance is the mean of the given mention scores. */
function analysis(version: string, actors: ActorSpec[]): AnalysisToSave {
  return {
    analyzerVersion: version,
    actors: actors.map((a) => {
      const mean = a.scores.reduce((s, x) => s + x, 0) / a.scores.length;
      const label = mean > 0.1 ? 'positive' : mean < -0.1 ? 'negative' : 'neutral';
      return {
        id: a.id,
        stance: { score: Math.round(mean * 1000) / 1000, label, confidence: 0.8 },
        frames: a.frames ?? {},
        mentions: a.scores.map((score, i) => ({
          text: a.id, start: i * 10, end: i * 10 + 3, score, label, confidence: 0.8, frames: Object.keys(a.frames ?? {}),
          evidence: { sentence: { text: `sentence ${i} about ${a.id}`, start: i * 10, end: i * 10 + 9 }, cues: [] },
        })),
      };
    }),
    attributions: [],
  };
}

async function article(n: number, publishedAt: string, text = `text ${n}`): Promise<string> {
  const url = `https://${OUTLETS[n % OUTLETS.length]}.test/${n}`;
  const r = await upsertArticle(db, {
    outletId: OUTLETS[n % OUTLETS.length]!, url, canonicalUrl: url, title: `Article ${n}`, text,
    author: null, publishedAt: new Date(publishedAt), language: 'en',
  });
  return r.id;
}

async function snapshot(): Promise<string[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT grain, actor_id, outlet_id, period::text, articles, mentions, trim_scale(sum_score)::text, trim_scale(sum_sq_score)::text, positive, neutral, negative
      FROM stance_rollups ORDER BY 1, 2, 3, 4`),
  );
  const frames = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT grain, actor_id, outlet_id, period::text, frame, articles, trim_scale(frame_mentions)::text FROM frame_rollups ORDER BY 1, 2, 3, 4, 5`),
  );
  return [...rows, ...frames].map((r) => JSON.stringify(Object.values(r)));
}

/** The weekly view as it was defined before rollups: computed from the analysis rows directly. */
async function weeklyFromRawRows(): Promise<Record<string, unknown>[]> {
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT actor_id, outlet_id, period::text AS period, articles, mentions, mean_stance,
             -- documented: no interval for a single article (greatest/least would skip the NULL)
             CASE WHEN n > 1 THEN ci_low END AS ci_low, CASE WHEN n > 1 THEN ci_high END AS ci_high,
             positive, neutral, negative
      FROM (
        SELECT aa.actor_id, ar.outlet_id, date_trunc('week', ar.published_at AT TIME ZONE 'UTC')::date AS period,
               count(*)::int AS articles, sum(aa.mentions)::int AS mentions,
               round(avg(aa.score::numeric), 4)::float8 AS mean_stance,
               round(greatest(-1, avg(aa.score::numeric) - 1.96 * stddev_samp(aa.score::numeric) / sqrt(count(*)::numeric)), 4)::float8 AS ci_low,
               round(least(1, avg(aa.score::numeric) + 1.96 * stddev_samp(aa.score::numeric) / sqrt(count(*)::numeric)), 4)::float8 AS ci_high,
               count(*) AS n,
               count(*) FILTER (WHERE aa.label = 'positive')::int AS positive,
               count(*) FILTER (WHERE aa.label = 'neutral')::int AS neutral,
               count(*) FILTER (WHERE aa.label = 'negative')::int AS negative
        FROM article_actors aa JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version
        WHERE ar.published_at IS NOT NULL GROUP BY 1, 2, 3) w
      ORDER BY actor_id, outlet_id, period`),
  );
}

async function weeklyView(): Promise<Record<string, unknown>[]> {
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT actor_id, outlet_id, period::text AS period, articles, mentions, mean_stance, ci_low, ci_high, positive, neutral, negative
      FROM v_stance_weekly ORDER BY actor_id, outlet_id, period`),
  );
}

async function expectConsistent(): Promise<void> {
  expect(await rollupDrift(db)).toEqual({ stance: 0, frames: 0 });
  expect(await weeklyView()).toEqual(await weeklyFromRawRows());
}

const ids: string[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.handle.db;
  await syncConfig(db, config);
  for (let n = 0; n < 12; n++) ids.push(await article(n, `2026-08-${String(3 + n).padStart(2, '0')}T10:00:00Z`));
  await saveAnalyses(db, ids.map((articleId, n) => ({
    articleId,
    analysis: analysis('v1', [
      { id: 'china', scores: [n % 3 === 0 ? -0.6 : 0.4, 0.2], frames: { economy: 0.5, security: 0.5 } },
      ...(n % 2 === 0 ? [{ id: 'russia', scores: [-0.5], frames: { conflict: 1 } }] : []),
    ]),
  })));
});

afterAll(async () => {
  await testDb?.drop();
});

describe('stance rollups maintained by the analyze stage', () => {
  it('equal a rebuild and the raw-row computation after a first analysis', async () => {
    await expectConsistent();
    const weeks = await stanceTrend(db, { actorId: 'china', interval: 'week' });
    expect(weeks.reduce((n, w) => n + w.articles, 0)).toBe(12);
  });

  it('do not change when the same analyses are saved again (a redelivered job)', async () => {
    const before = await snapshot();
    await saveAnalyses(db, ids.slice(0, 4).map((articleId, n) => ({
      articleId,
      analysis: analysis('v1', [
        { id: 'china', scores: [n % 3 === 0 ? -0.6 : 0.4, 0.2], frames: { economy: 0.5, security: 0.5 } },
        ...(n % 2 === 0 ? [{ id: 'russia', scores: [-0.5], frames: { conflict: 1 } }] : []),
      ]),
    })));
    expect(await snapshot()).toEqual(before);
  });

  it('move an article from its old reading to its new one on re-analysis, and on a new analyzer version', async () => {
    await saveAnalyses(db, [{ articleId: ids[0]!, analysis: analysis('v1', [{ id: 'usa', scores: [0.9] }]) }]);
    await expectConsistent();
    await saveAnalyses(db, [
      { articleId: ids[1]!, analysis: analysis('v2', [{ id: 'china', scores: [-0.9, -0.7], frames: { law: 1 } }]) },
      { articleId: ids[2]!, analysis: analysis('v2', []) },
    ]);
    await expectConsistent();
    const russia = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM stance_rollups WHERE grain = 'day' AND actor_id = 'russia' AND period IN ('2026-08-03', '2026-08-05')`),
    );
    // Article 0 and 2 were russia's only articles in their days; no empty rows stay behind.
    expect(russia[0]!.n).toBe(0);
  });

  it('move an article to its new week when a re-crawl changes its publication date', async () => {
    const week = async () =>
      rowsOf<{ period: string; articles: number }>(
        await db.execute(sql`SELECT period::text AS period, articles FROM stance_rollups WHERE grain = 'week' AND actor_id = 'china' AND outlet_id = ${OUTLETS[3 % OUTLETS.length]!} ORDER BY period`),
      );
    const before = await week();
    await article(3, '2026-10-01T09:00:00Z', 'text 3, corrected');
    await expectConsistent();
    const after = await week();
    expect(after).not.toEqual(before);
    expect(after.some((r) => r.period === '2026-09-28')).toBe(true);
  });

  it('stay exact under concurrent batches touching the same rollup rows', async () => {
    const batches = [0, 1, 2, 3].map((b) =>
      ids.filter((_, i) => i % 4 === b).map((articleId, k) => ({
        articleId,
        analysis: analysis('v3', [{ id: 'china', scores: [0.1 * (b + k) - 0.3] }, { id: 'eu', scores: [0.3] }]),
      })),
    );
    await Promise.all(batches.map((batch) => saveAnalyses(db, batch)));
    await expectConsistent();
  });

  it('mark the last version current when one batch saves two versions of an article', async () => {
    await saveAnalyses(db, [
      { articleId: ids[5]!, analysis: analysis('v4', [{ id: 'china', scores: [0.8] }]) },
      { articleId: ids[6]!, analysis: analysis('v4', [{ id: 'eu', scores: [-0.4] }]) },
      { articleId: ids[5]!, analysis: analysis('v5', [{ id: 'usa', scores: [-0.2, -0.6] }]) },
    ]);
    const versions = rowsOf<{ id: string; v: string }>(
      await db.execute(sql`SELECT id::text, analyzer_version AS v FROM articles WHERE id IN (${ids[5]!}, ${ids[6]!})`),
    );
    expect(Object.fromEntries(versions.map((r) => [r.id, r.v]))).toEqual({ [ids[5]!]: 'v5', [ids[6]!]: 'v4' });
    await expectConsistent();
  });

  it('a rebuild from scratch gives back exactly the incremental rows', async () => {
    const incremental = await snapshot();
    const written = await rebuildRollups(db);
    expect(written.stance).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(incremental);
  });
});
