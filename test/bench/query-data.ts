import type postgres from 'postgres';
import { withIndexesRebuilt, type Db } from '../../src/store/index.js';

/** Size of the generated analyst workload (defaults: the figures). */
export interface QueryBenchSize {
  outlets: number;
  actors: number;
  /** Articles; each names two actors, so article-actor rows are twice this. */
  articles: number;
  /** Mentions per article-actor row are 1..4 (2.5 on average), so mentions ~ 5 x articles. */
  days: number;
}

export const DEFAULT_SIZE: QueryBenchSize = { outlets: 50, actors: 200, articles: 1_000_000, days: 3 * 365 };
/** Issue 19's size: five times the default (10M article-actor rows, 25M mentions). */
export const LARGE_SIZE: QueryBenchSize = { ...DEFAULT_SIZE, articles: 5_000_000 };

const FRAMES = `ARRAY['diplomacy','economy','security','conflict','law','humanitarian','domestic-politics']`;

/**
 * Fills a throwaway database with generated analyses, all in set-based SQL (generate_series), so
 * millions of rows take a minute or two. Foreign-key triggers are off during the load
 * (session_replication_role = replica): the ids are generated consistently. Article-level stance
 * is the mean of the article's mention scores, so the trend computed from the raw mention table
 * and the one read from the rollups describe the same data.
 */
export async function generateQueryBenchData(
  sql: postgres.Sql,
  db: Db,
  size: QueryBenchSize,
  log: (s: string) => void,
): Promise<void> {
  const step = async (label: string, query: string) => {
    const t = performance.now();
    await sql.unsafe(query);
    log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  await sql.unsafe(`SET session_replication_role = replica`);
  await step('outlets and actors', `
    INSERT INTO outlets (id, name, homepage)
    SELECT 'o' || lpad(i::text, 3, '0'), 'Outlet ' || i, 'https://o' || i || '.bench.example/' FROM generate_series(0, ${size.outlets - 1}) i;
    INSERT INTO actors (id, name, kind)
    SELECT 'a' || lpad(i::text, 3, '0'), 'Actor ' || i, 'country' FROM generate_series(0, ${size.actors - 1}) i;`);
  // Publication time from the article number, so the mention rows can name its month without a join.
  const published = (i: string) =>
    `(timestamptz '2024-01-01 00:00:00+00' + (abs(hashtext('published' || ${i})) % ${size.days * 86_400}) * interval '1 second')`;
  const monthOf = (ts: string) => `(date_trunc('month', ${ts} AT TIME ZONE 'UTC'))::date`;
  await step('monthly partitions', `
    SELECT sw_ensure_partition(t, m::date)
    FROM unnest(ARRAY['mentions', 'article_texts']) t,
         generate_series(timestamp '2024-01-01', timestamp '2024-01-01' + interval '${size.days + 31} days', interval '1 month') m`);
  await step(`${size.articles.toLocaleString('en-US')} articles`, `
    INSERT INTO articles (id, outlet_id, url, canonical_url, title, published_at, content_hash, fetched_at, analyzer_version, analyzed_at)
    SELECT md5('article' || i)::uuid, 'o' || lpad((i % ${size.outlets})::text, 3, '0'),
           'https://bench.example/' || i, 'https://bench.example/' || i, 'Article ' || i,
           ${published('i')}, md5(i::text), now(), 'bench', now()
    FROM generate_series(1, ${size.articles}) i`);
  const t = performance.now();
  // Their keys and indexes are built once after the load instead of row by row.
  await withIndexesRebuilt(db, ['mentions', 'article_actors'], async () => {
    // Two distinct actors per article; mentions 1..4 per pair with scores around an actor's own lean.
    await step('mentions', `
      INSERT INTO mentions (article_id, analyzer_version, actor_id, start, "end", text, score, label, confidence, frames, sentence_start, sentence_end, cue_spans, month)
      SELECT p.article_id, 'bench', p.actor_id, k * 100, k * 100 + 5, 'Actor', s.score,
             CASE WHEN s.score > 0.1 THEN 'positive' WHEN s.score < -0.1 THEN 'negative' ELSE 'neutral' END,
             0.8, '[]'::jsonb, k * 100, k * 100 + 11, ARRAY[k * 100, k * 100 + 5, 500], p.month
      FROM (
        SELECT md5('article' || i)::uuid AS article_id, ${monthOf(published('i'))} AS month,
               'a' || lpad(((a0 + j * (1 + abs(hashtext('second' || i)) % ${size.actors - 1})) % ${size.actors})::text, 3, '0') AS actor_id,
               1 + (i + j) % 4 AS n
        FROM generate_series(1, ${size.articles}) i
        CROSS JOIN LATERAL (SELECT abs(hashtext('first' || i)) % ${size.actors} AS a0) f
        CROSS JOIN (VALUES (0), (1)) v(j)
      ) p
      CROSS JOIN LATERAL generate_series(1, p.n) k
      CROSS JOIN LATERAL (SELECT round(greatest(-1, least(1, (random() * 2 - 1) * 0.8))::numeric, 3)::real AS score) s`);
    await step('article-actor rows (from the mentions)', `
      INSERT INTO article_actors (article_id, actor_id, analyzer_version, score, label, confidence, mentions, frames)
      SELECT article_id, actor_id, 'bench', round(avg(score)::numeric, 3)::real,
             CASE WHEN avg(score) > 0.1 THEN 'positive' WHEN avg(score) < -0.1 THEN 'negative' ELSE 'neutral' END,
             0.8, count(*), jsonb_build_object((${FRAMES})[1 + abs(hashtext(article_id::text)) % 7], 1)
      FROM mentions GROUP BY article_id, actor_id`);
  });
  log(`  mentions and article-actor rows with their indexes: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await sql.unsafe(`SET session_replication_role = DEFAULT`);
  // The generated articles have no text rows: none of the queries measured reads text.
  await step('analyze tables', `ANALYZE articles; ANALYZE mentions; ANALYZE article_actors`);
}
