-- Which quality flags keep an article out of the trends is now one generated column,
-- articles.excluded_from_trends (migration 0011): too-short, paywall-teaser, needs-javascript and
-- leaked-boilerplate do; text-from-json-ld alone does not (0010 excluded any flag). The views
-- computed live switch to it, and the rollups are recomputed with it (what `stancewatch rollups
-- rebuild` does), so articles flagged only text-from-json-ld count again.
TRUNCATE stance_rollups, frame_rollups;
--> statement-breakpoint
INSERT INTO stance_rollups (grain, actor_id, outlet_id, period, articles, mentions, sum_score, sum_sq_score, positive, neutral, negative)
SELECT g.grain, aa.actor_id, ar.outlet_id,
       date_trunc(g.grain, ar.published_at AT TIME ZONE 'UTC')::date,
       count(*), sum(aa.mentions), sum(aa.score::numeric), sum(aa.score::numeric * aa.score::numeric),
       count(*) FILTER (WHERE aa.label = 'positive'),
       count(*) FILTER (WHERE aa.label = 'neutral'),
       count(*) FILTER (WHERE aa.label = 'negative')
FROM article_actors aa
JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version
CROSS JOIN (VALUES ('day'), ('week'), ('month')) AS g(grain)
WHERE ar.published_at IS NOT NULL AND NOT ar.excluded_from_trends
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO frame_rollups (grain, actor_id, outlet_id, period, frame, articles, frame_mentions)
SELECT g.grain, aa.actor_id, ar.outlet_id,
       date_trunc(g.grain, ar.published_at AT TIME ZONE 'UTC')::date, f.key,
       count(*), sum(f.value::numeric * aa.mentions)
FROM article_actors aa
JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version
CROSS JOIN LATERAL jsonb_each_text(aa.frames) AS f(key, value)
CROSS JOIN (VALUES ('day'), ('week'), ('month')) AS g(grain)
WHERE ar.published_at IS NOT NULL AND NOT ar.excluded_from_trends
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_story_stance AS
SELECT aa.actor_id, coalesce(ar.cluster_id, ar.id::text) AS story_id,
       min(ar.published_at) AS published_at, count(*)::int AS articles,
       count(DISTINCT ar.outlet_id)::int AS outlets, sum(aa.mentions)::int AS mentions,
       avg(aa.score)::float8 AS score
FROM article_actors aa
JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version
WHERE ar.published_at IS NOT NULL AND NOT ar.excluded_from_trends
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
WHERE ar.published_at IS NOT NULL AND NOT ar.excluded_from_trends
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
         count(*) FILTER (WHERE a.excluded_from_trends)::int AS flagged,
         count(*) FILTER (WHERE a.analysis_skipped_reason IS NOT NULL)::int AS skipped
  FROM articles a
  WHERE a.outlet_id = o.id
    AND a.published_at >= d.day AT TIME ZONE 'UTC'
    AND a.published_at < (d.day + interval '1 day') AT TIME ZONE 'UTC'
) c ON true
WHERE span.first_at IS NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_stance_daily_all AS
SELECT actor_id, actor_name, outlet_id, outlet_name,
       (date_trunc('day', published_at AT TIME ZONE 'UTC'))::date AS period,
       count(*)::int AS articles, sum(mentions)::int AS mentions,
       round(avg(score)::numeric, 4)::float8 AS mean_stance,
       round(greatest(-1, avg(score) - 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_low,
       round(least(1, avg(score) + 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_high,
       count(*) FILTER (WHERE label = 'positive')::int AS positive,
       count(*) FILTER (WHERE label = 'neutral')::int AS neutral,
       count(*) FILTER (WHERE label = 'negative')::int AS negative,
       count(*) FILTER (WHERE excluded_from_trends)::int AS flagged
FROM (
  SELECT aa.actor_id, ac.name AS actor_name, ar.outlet_id, o.name AS outlet_name, ar.published_at,
         aa.score, aa.label, aa.mentions, ar.excluded_from_trends
  FROM article_actors aa
  JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version
  JOIN outlets o ON o.id = ar.outlet_id
  JOIN actors ac ON ac.id = aa.actor_id
  WHERE ar.published_at IS NOT NULL
) a
GROUP BY actor_id, actor_name, outlet_id, outlet_name, 5;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_stance_weekly_all AS
SELECT actor_id, actor_name, outlet_id, outlet_name,
       (date_trunc('week', published_at AT TIME ZONE 'UTC'))::date AS period,
       count(*)::int AS articles, sum(mentions)::int AS mentions,
       round(avg(score)::numeric, 4)::float8 AS mean_stance,
       round(greatest(-1, avg(score) - 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_low,
       round(least(1, avg(score) + 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_high,
       count(*) FILTER (WHERE label = 'positive')::int AS positive,
       count(*) FILTER (WHERE label = 'neutral')::int AS neutral,
       count(*) FILTER (WHERE label = 'negative')::int AS negative,
       count(*) FILTER (WHERE excluded_from_trends)::int AS flagged
FROM (
  SELECT aa.actor_id, ac.name AS actor_name, ar.outlet_id, o.name AS outlet_name, ar.published_at,
         aa.score, aa.label, aa.mentions, ar.excluded_from_trends
  FROM article_actors aa
  JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version
  JOIN outlets o ON o.id = ar.outlet_id
  JOIN actors ac ON ac.id = aa.actor_id
  WHERE ar.published_at IS NOT NULL
) a
GROUP BY actor_id, actor_name, outlet_id, outlet_name, 5;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_stance_monthly_all AS
SELECT actor_id, actor_name, outlet_id, outlet_name,
       (date_trunc('month', published_at AT TIME ZONE 'UTC'))::date AS period,
       count(*)::int AS articles, sum(mentions)::int AS mentions,
       round(avg(score)::numeric, 4)::float8 AS mean_stance,
       round(greatest(-1, avg(score) - 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_low,
       round(least(1, avg(score) + 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_high,
       count(*) FILTER (WHERE label = 'positive')::int AS positive,
       count(*) FILTER (WHERE label = 'neutral')::int AS neutral,
       count(*) FILTER (WHERE label = 'negative')::int AS negative,
       count(*) FILTER (WHERE excluded_from_trends)::int AS flagged
FROM (
  SELECT aa.actor_id, ac.name AS actor_name, ar.outlet_id, o.name AS outlet_name, ar.published_at,
         aa.score, aa.label, aa.mentions, ar.excluded_from_trends
  FROM article_actors aa
  JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version
  JOIN outlets o ON o.id = ar.outlet_id
  JOIN actors ac ON ac.id = aa.actor_id
  WHERE ar.published_at IS NOT NULL
) a
GROUP BY actor_id, actor_name, outlet_id, outlet_name, 5;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_articles AS
SELECT ar.id AS article_id, ar.outlet_id, o.name AS outlet_name, ar.published_at, ar.title,
       ar.url, ar.canonical_url, ar.author, ar.language,
       ar.cluster_id, coalesce(ar.cluster_id, ar.id::text) AS story_id,
       ar.analyzer_version, ar.analyzed_at, ar.fetched_at,
       ar.quality_flags, ar.analysis_skipped_reason,
       CASE WHEN ar.simhash IS NOT NULL THEN lpad(to_hex(ar.simhash), 16, '0') END AS simhash,
       ar.excluded_from_trends
FROM articles ar
JOIN outlets o ON o.id = ar.outlet_id;
