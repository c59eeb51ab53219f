import postgres from 'postgres';
import { rebuildRollups } from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { DEFAULT_SIZE, generateQueryBenchData, type QueryBenchSize } from './query-data.js';

export interface LatencyFigure {
  query: string;
  source: 'rollup view' | 'raw mentions';
  /** One of the two queries the p95 < 50 ms bar is about. */
  bar: boolean;
  rows: number;
  medianMs: number;
  p95Ms: number;
}

export interface QueryBenchResult {
  size: QueryBenchSize;
  counts: { articleActors: number; mentions: number; rollupRows: number };
  loadSeconds: number;
  rebuildSeconds: number;
  figures: LatencyFigure[];
}

// What an analyst types: the documented views.
const VIEW = {
  pooled: `SELECT period, outlets, articles, mentions, mean_stance, ci_low, ci_high
    FROM v_actor_stance_weekly WHERE actor_id = $1 ORDER BY period`,
  one: `SELECT outlet_id, period, articles, mentions, mean_stance, ci_low, ci_high
    FROM v_stance_weekly WHERE actor_id = $1 AND outlet_id = $2 ORDER BY period`,
  lines: `SELECT outlet_id, period, articles, mentions, mean_stance, ci_low, ci_high
    FROM v_stance_weekly WHERE actor_id = $1 ORDER BY outlet_id, period`,
};

// The same figures from the raw mention table: article stance as the mean of its mentions first,
// then per week (and outlet): what the views would cost without rollups.
const rawQuery = (by: 'pooled' | 'one' | 'lines') => {
  const outlet = by === 'pooled' ? '' : 'outlet_id, ';
  return `
  SELECT ${outlet}period, count(*)::int AS articles, sum(n)::int AS mentions,
         round(avg(s)::numeric, 4)::float8 AS mean_stance,
         CASE WHEN count(*) > 1 THEN round(greatest(-1, avg(s) - 1.96 * stddev_samp(s) / sqrt(count(*)))::numeric, 4)::float8 END AS ci_low,
         CASE WHEN count(*) > 1 THEN round(least(1, avg(s) + 1.96 * stddev_samp(s) / sqrt(count(*)))::numeric, 4)::float8 END AS ci_high
  FROM (
    SELECT m.article_id, ar.outlet_id, date_trunc('week', ar.published_at AT TIME ZONE 'UTC')::date AS period,
           count(*) AS n, avg(m.score) AS s
    FROM mentions m
    JOIN articles ar ON ar.id = m.article_id AND ar.analyzer_version = m.analyzer_version
    WHERE m.actor_id = $1 ${by === 'one' ? 'AND ar.outlet_id = $2' : ''} AND ar.published_at IS NOT NULL
    GROUP BY 1, 2, 3
  ) a
  GROUP BY ${outlet}period ORDER BY ${outlet}period`;
};

/** The queries of the bar, then one more for context (every outlet's own line at once). */
const QUERIES = [
  { query: 'one actor, all outlets', by: 'pooled', bar: true },
  { query: 'one actor, one outlet', by: 'one', bar: true },
  { query: 'one actor, 50 outlet lines', by: 'lines', bar: false },
] as const;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

/** Runs `query` `runs` times (after 3 warm-up runs), a different actor each run. */
async function measure(sql: postgres.Sql, query: string, params: (run: number) => string[], runs: number) {
  for (let w = 0; w < 3; w++) await sql.unsafe(query, params(runs + w));
  const times: number[] = [];
  let rows = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const result = await sql.unsafe(query, params(r));
    times.push(performance.now() - t);
    rows += result.length;
  }
  times.sort((a, b) => a - b);
  return { rows: Math.round(rows / runs), medianMs: percentile(times, 50), p95Ms: percentile(times, 95) };
}

async function count(sql: postgres.Sql, table: string): Promise<number> {
  const [row] = await sql.unsafe(`SELECT count(*)::int AS n FROM ${table}`);
  return Number(row!.n);
}

/**
 * The analysts' query figure: a generated database of `size`, the weekly trend of one actor in
 * all outlets and in one outlet, each timed over `runs` runs from the rollup-backed view and
 * computed from the raw mention table, in the same run. The database is dropped afterwards.
 */
export async function benchQueryTrends(
  opts: {
    size?: QueryBenchSize;
    runs?: number;
    log?: (s: string) => void;
    /** Runs on the filled database after the queries, before it is dropped (the stage at size). */
    atSize?: (db: TestDatabase) => Promise<void>;
  } = {},
): Promise<QueryBenchResult> {
  const size = opts.size ?? DEFAULT_SIZE;
  const runs = opts.runs ?? 50;
  const log = opts.log ?? (() => {});
  const testDb = await createTestDatabase();
  const sql = postgres(testDb.url, { max: 1, onnotice: () => {} });
  try {
    const t0 = performance.now();
    await generateQueryBenchData(sql, testDb.handle.db, size, log);
    const loadSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await rebuildRollups(testDb.handle.db);
    await sql.unsafe('ANALYZE stance_rollups; ANALYZE frame_rollups');
    const rebuildSeconds = (performance.now() - t1) / 1000;
    log(`  rollups rebuild: ${rebuildSeconds.toFixed(1)} s`);
    const actor = (r: number) => `a${String((r * 37) % size.actors).padStart(3, '0')}`;
    const outlet = (r: number) => `o${String((r * 13) % size.outlets).padStart(3, '0')}`;
    const all = (r: number) => [actor(r)];
    const one = (r: number) => [actor(r), outlet(r)];
    const figures: LatencyFigure[] = [];
    for (const q of QUERIES) {
      const params = q.by === 'one' ? one : all;
      figures.push({ query: q.query, bar: q.bar, source: 'rollup view', ...(await measure(sql, VIEW[q.by], params, runs)) });
      figures.push({ query: q.query, bar: q.bar, source: 'raw mentions', ...(await measure(sql, rawQuery(q.by), params, runs)) });
    }
    const counts = {
      articleActors: await count(sql, 'article_actors'),
      mentions: await count(sql, 'mentions'),
      rollupRows: await count(sql, 'stance_rollups'),
    };
    await opts.atSize?.(testDb);
    return { size, counts, loadSeconds, rebuildSeconds, figures };
  } finally {
    await sql.end({ timeout: 5 });
    await testDb.drop();
  }
}
