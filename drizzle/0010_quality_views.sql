-- Crawl state in the analysts' views (issue 3). Articles now carry quality flags (paywall
-- teaser, too short, needs JavaScript, leaked boilerplate ...): a flagged article is left out of
-- the trend views by default. The stance and frame views read the rollups, which the analyze stage
-- now keeps without flagged articles (src/store/queries/rollups.ts); the views computed live here
-- filter them the same way. v_stance_{daily,weekly,monthly}_all count every article, flagged ones
-- included, with how many were flagged; v_articles shows each article's flags.

-- Near-duplicate lookup: two 64-bit SimHashes within Hamming distance 3 agree on at least one of
-- their four 16-bit bands, so an index per band finds the candidates.
CREATE INDEX articles_simhash_band0_index ON articles (((simhash >> 48) & 65535)) WHERE simhash IS NOT NULL;
--> statement-breakpoint
CREATE INDEX articles_simhash_band1_index ON articles (((simhash >> 32) & 65535)) WHERE simhash IS NOT NULL;
--> statement-breakpoint
CREATE INDEX articles_simhash_band2_index ON articles (((simhash >> 16) & 65535)) WHERE simhash IS NOT NULL;
--> statement-breakpoint
CREATE INDEX articles_simhash_band3_index ON articles ((simhash & 65535)) WHERE simhash IS NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_articles AS
SELECT ar.id AS article_id, ar.outlet_id, o.name AS outlet_name, ar.published_at, ar.title,
       ar.url, ar.canonical_url, ar.author, ar.language,
       ar.cluster_id, coalesce(ar.cluster_id, ar.id::text) AS story_id,
       ar.analyzer_version, ar.analyzed_at, ar.fetched_at,
       ar.quality_flags, ar.analysis_skipped_reason,
       CASE WHEN ar.simhash IS NOT NULL THEN lpad(to_hex(ar.simhash), 16, '0') END AS simhash
FROM articles ar
JOIN outlets o ON o.id = ar.outlet_id;
--> statement-breakpoint
-- Wire stories counted once, without flagged copies (same columns as before).
CREATE OR REPLACE VIEW v_story_stance AS
SELECT aa.actor_id, coalesce(ar.cluster_id, ar.id::text) AS story_id,
       min(ar.published_at) AS published_at, count(*)::int AS articles,
       count(DISTINCT ar.outlet_id)::int AS outlets, sum(aa.mentions)::int AS mentions,
       avg(aa.score)::float8 AS score
FROM article_actors aa
JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version
WHERE ar.published_at IS NOT NULL AND cardinality(ar.quality_flags) = 0
GROUP BY aa.actor_id, coalesce(ar.cluster_id, ar.id::text);
--> statement-breakpoint
CREATE OR REPLACE VIEW v_sources_weekly AS
SELECT t.actor_id, ac.name AS actor_name, ar.outlet_id, o.name AS outlet_name,
       (date_trunc('week', ar.published_at AT TIME ZONE 'UTC'))::date AS period,
       t.source_key, s.name AS source_name, s.kind AS source_kind, s.actor_id AS source_actor,
       count(*)::int AS quotes, count(DISTINCT t.article_id)::int AS articles,
       count(*) FILTER (WHERE at.direct)::int AS direct_quotes,
       round(avg(t.score)::numeric, 4)::float8 AS mean_stance,
       count(*) FILTER (WHERE t.label = 'positive')::int AS positive,
       count(*) FILTER (WHERE t.label = 'neutral')::int AS neutral,
       count(*) FILTER (WHERE t.label = 'negative')::int AS negative
FROM attribution_targets t
JOIN attributions at ON at.article_id = t.article_id AND at.analyzer_version = t.analyzer_version AND at.ordinal = t.ordinal
JOIN articles ar ON ar.id = t.article_id AND ar.analyzer_version = t.analyzer_version
JOIN outlets o ON o.id = ar.outlet_id
JOIN actors ac ON ac.id = t.actor_id
JOIN sources s ON s.key = t.source_key
WHERE ar.published_at IS NOT NULL AND cardinality(ar.quality_flags) = 0
GROUP BY t.actor_id, ac.name, ar.outlet_id, o.name, 5, t.source_key, s.name, s.kind, s.actor_id;
--> statement-breakpoint
-- Coverage counts every stored article (a paywalled day is still a covered day), plus how many
-- were flagged and how many were not analysed for a recorded reason (a language, ...).
CREATE OR REPLACE VIEW v_outlet_coverage AS
SELECT o.id AS outlet_id, o.name AS outlet_name, d.day::date AS day,
       coalesce(c.articles, 0) AS articles, coalesce(c.stories, 0) AS stories,
       coalesce(c.analyzed, 0) AS analyzed, coalesce(c.flagged, 0) AS flagged,
       coalesce(c.skipped, 0) AS skipped
FROM outlets o
CROSS JOIN LATERAL (
  SELECT min(published_at) AS first_at, max(published_at) AS last_at FROM articles WHERE outlet_id = o.id
) span
CROSS JOIN LATERAL generate_series(
  (span.first_at AT TIME ZONE 'UTC')::date,
  greatest((span.last_at AT TIME ZONE 'UTC')::date, (now() AT TIME ZONE 'UTC')::date),
  interval '1 day'
) AS d(day)
LEFT JOIN LATERAL (
  SELECT count(*)::int AS articles,
         count(DISTINCT coalesce(a.cluster_id, a.id::text))::int AS stories,
         count(*) FILTER (WHERE a.analyzer_version IS NOT NULL)::int AS analyzed,
         count(*) FILTER (WHERE cardinality(a.quality_flags) > 0)::int AS flagged,
         count(*) FILTER (WHERE a.analysis_skipped_reason IS NOT NULL)::int AS skipped
  FROM articles a
  WHERE a.outlet_id = o.id
    AND a.published_at >= d.day AT TIME ZONE 'UTC'
    AND a.published_at < (d.day + interval '1 day') AT TIME ZONE 'UTC'
) c ON true
WHERE span.first_at IS NOT NULL;
--> statement-breakpoint
CREATE VIEW v_stance_daily_all AS
SELECT actor_id, actor_name, outlet_id, outlet_name,
       (date_trunc('day', published_at AT TIME ZONE 'UTC'))::date AS period,
       count(*)::int AS articles, sum(mentions)::int AS mentions,
       round(avg(score)::numeric, 4)::float8 AS mean_stance,
       round(greatest(-1, avg(score) - 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_low,
       round(least(1, avg(score) + 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_high,
       count(*) FILTER (WHERE label = 'positive')::int AS positive,
       count(*) FILTER (WHERE label = 'neutral')::int AS neutral,
       count(*) FILTER (WHERE label = 'negative')::int AS negative,
       count(*) FILTER (WHERE cardinality(quality_flags) > 0)::int AS flagged
FROM (
  SELECT aa.actor_id, ac.name AS actor_name, ar.outlet_id, o.name AS outlet_name, ar.published_at,
         aa.score, aa.label, aa.mentions, ar.quality_flags
  FROM article_actors aa
  JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version
  JOIN outlets o ON o.id = ar.outlet_id
  JOIN actors ac ON ac.id = aa.actor_id
  WHERE ar.published_at IS NOT NULL
) a
GROUP BY actor_id, actor_name, outlet_id, outlet_name, 5;
--> statement-breakpoint
CREATE VIEW v_stance_weekly_all AS
SELECT actor_id, actor_name, outlet_id, outlet_name,
       (date_trunc('week', published_at AT TIME ZONE 'UTC'))::date AS period,
       count(*)::int AS articles, sum(mentions)::int AS mentions,
       round(avg(score)::numeric, 4)::float8 AS mean_stance,
       round(greatest(-1, avg(score) - 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_low,
       round(least(1, avg(score) + 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_high,
       count(*) FILTER (WHERE label = 'positive')::int AS positive,
       count(*) FILTER (WHERE label = 'neutral')::int AS neutral,
       count(*) FILTER (WHERE label = 'negative')::int AS negative,
       count(*) FILTER (WHERE cardinality(quality_flags) > 0)::int AS flagged
FROM (
  SELECT aa.actor_id, ac.name AS actor_name, ar.outlet_id, o.name AS outlet_name, ar.published_at,
         aa.score, aa.label, aa.mentions, ar.quality_flags
  FROM article_actors aa
  JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version
  JOIN outlets o ON o.id = ar.outlet_id
  JOIN actors ac ON ac.id = aa.actor_id
  WHERE ar.published_at IS NOT NULL
) a
GROUP BY actor_id, actor_name, outlet_id, outlet_name, 5;
--> statement-breakpoint
CREATE VIEW v_stance_monthly_all AS
SELECT actor_id, actor_name, outlet_id, outlet_name,
       (date_trunc('month', published_at AT TIME ZONE 'UTC'))::date AS period,
       count(*)::int AS articles, sum(mentions)::int AS mentions,
       round(avg(score)::numeric, 4)::float8 AS mean_stance,
       round(greatest(-1, avg(score) - 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_low,
       round(least(1, avg(score) + 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_high,
       count(*) FILTER (WHERE label = 'positive')::int AS positive,
       count(*) FILTER (WHERE label = 'neutral')::int AS neutral,
       count(*) FILTER (WHERE label = 'negative')::int AS negative,
       count(*) FILTER (WHERE cardinality(quality_flags) > 0)::int AS flagged
FROM (
  SELECT aa.actor_id, ac.name AS actor_name, ar.outlet_id, o.name AS outlet_name, ar.published_at,
         aa.score, aa.label, aa.mentions, ar.quality_flags
  FROM article_actors aa
  JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version
  JOIN outlets o ON o.id = ar.outlet_id
  JOIN actors ac ON ac.id = aa.actor_id
  WHERE ar.published_at IS NOT NULL
) a
GROUP BY actor_id, actor_name, outlet_id, outlet_name, 5;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stancewatch_analyst') THEN
    GRANT SELECT ON v_stance_daily_all, v_stance_weekly_all, v_stance_monthly_all TO stancewatch_analyst;
  END IF;
END
$$;
