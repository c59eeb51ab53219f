-- Analysts' views, second edition. The stance trend views now read the rollup tables that the
-- analyze stage maintains (src/store/queries/rollups.ts); their columns are unchanged. New views
-- cover frames, sources, attributions, articles without their text, outlet coverage and
-- wire stories counted once. Every figure reads only each article's current analyzer version and
-- cuts days, weeks (starting Monday) and months in UTC.

-- Backfill: what `stancewatch rollups rebuild` computes, for databases analysed before rollups existed.
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
WHERE ar.published_at IS NOT NULL
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
WHERE ar.published_at IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_stance_daily AS
SELECT r.actor_id, ac.name AS actor_name, r.outlet_id, o.name AS outlet_name, r.period,
       r.articles, r.mentions, r.mean_stance, r.ci_low, r.ci_high, r.positive, r.neutral, r.negative
FROM stance_rollups r
JOIN actors ac ON ac.id = r.actor_id
JOIN outlets o ON o.id = r.outlet_id
WHERE r.grain = 'day' AND r.articles > 0;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_stance_weekly AS
SELECT r.actor_id, ac.name AS actor_name, r.outlet_id, o.name AS outlet_name, r.period,
       r.articles, r.mentions, r.mean_stance, r.ci_low, r.ci_high, r.positive, r.neutral, r.negative
FROM stance_rollups r
JOIN actors ac ON ac.id = r.actor_id
JOIN outlets o ON o.id = r.outlet_id
WHERE r.grain = 'week' AND r.articles > 0;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_stance_monthly AS
SELECT r.actor_id, ac.name AS actor_name, r.outlet_id, o.name AS outlet_name, r.period,
       r.articles, r.mentions, r.mean_stance, r.ci_low, r.ci_high, r.positive, r.neutral, r.negative
FROM stance_rollups r
JOIN actors ac ON ac.id = r.actor_id
JOIN outlets o ON o.id = r.outlet_id
WHERE r.grain = 'month' AND r.articles > 0;
--> statement-breakpoint
-- One actor over all outlets pooled: every article counts once, whichever outlet ran it.
CREATE VIEW v_actor_stance_daily AS
SELECT r.actor_id, ac.name AS actor_name, r.period, count(*)::int AS outlets,
       sum(r.articles)::int AS articles, sum(r.mentions)::int AS mentions,
       round(sum(r.sum_score) / sum(r.articles), 4)::float8 AS mean_stance,
       CASE WHEN sum(r.articles) > 1 THEN round(greatest(-1, sum(r.sum_score) / sum(r.articles) - 1.96 * sqrt(greatest(0, (sum(r.sum_sq_score) - sum(r.sum_score) * sum(r.sum_score) / sum(r.articles)) / (sum(r.articles) - 1))) / sqrt(sum(r.articles)::numeric)), 4)::float8 END AS ci_low,
       CASE WHEN sum(r.articles) > 1 THEN round(least(1, sum(r.sum_score) / sum(r.articles) + 1.96 * sqrt(greatest(0, (sum(r.sum_sq_score) - sum(r.sum_score) * sum(r.sum_score) / sum(r.articles)) / (sum(r.articles) - 1))) / sqrt(sum(r.articles)::numeric)), 4)::float8 END AS ci_high,
       sum(r.positive)::int AS positive, sum(r.neutral)::int AS neutral, sum(r.negative)::int AS negative
FROM stance_rollups r
JOIN actors ac ON ac.id = r.actor_id
WHERE r.grain = 'day' AND r.articles > 0
GROUP BY r.actor_id, ac.name, r.period;
--> statement-breakpoint
CREATE VIEW v_actor_stance_weekly AS
SELECT r.actor_id, ac.name AS actor_name, r.period, count(*)::int AS outlets,
       sum(r.articles)::int AS articles, sum(r.mentions)::int AS mentions,
       round(sum(r.sum_score) / sum(r.articles), 4)::float8 AS mean_stance,
       CASE WHEN sum(r.articles) > 1 THEN round(greatest(-1, sum(r.sum_score) / sum(r.articles) - 1.96 * sqrt(greatest(0, (sum(r.sum_sq_score) - sum(r.sum_score) * sum(r.sum_score) / sum(r.articles)) / (sum(r.articles) - 1))) / sqrt(sum(r.articles)::numeric)), 4)::float8 END AS ci_low,
       CASE WHEN sum(r.articles) > 1 THEN round(least(1, sum(r.sum_score) / sum(r.articles) + 1.96 * sqrt(greatest(0, (sum(r.sum_sq_score) - sum(r.sum_score) * sum(r.sum_score) / sum(r.articles)) / (sum(r.articles) - 1))) / sqrt(sum(r.articles)::numeric)), 4)::float8 END AS ci_high,
       sum(r.positive)::int AS positive, sum(r.neutral)::int AS neutral, sum(r.negative)::int AS negative
FROM stance_rollups r
JOIN actors ac ON ac.id = r.actor_id
WHERE r.grain = 'week' AND r.articles > 0
GROUP BY r.actor_id, ac.name, r.period;
--> statement-breakpoint
CREATE VIEW v_actor_stance_monthly AS
SELECT r.actor_id, ac.name AS actor_name, r.period, count(*)::int AS outlets,
       sum(r.articles)::int AS articles, sum(r.mentions)::int AS mentions,
       round(sum(r.sum_score) / sum(r.articles), 4)::float8 AS mean_stance,
       CASE WHEN sum(r.articles) > 1 THEN round(greatest(-1, sum(r.sum_score) / sum(r.articles) - 1.96 * sqrt(greatest(0, (sum(r.sum_sq_score) - sum(r.sum_score) * sum(r.sum_score) / sum(r.articles)) / (sum(r.articles) - 1))) / sqrt(sum(r.articles)::numeric)), 4)::float8 END AS ci_low,
       CASE WHEN sum(r.articles) > 1 THEN round(least(1, sum(r.sum_score) / sum(r.articles) + 1.96 * sqrt(greatest(0, (sum(r.sum_sq_score) - sum(r.sum_score) * sum(r.sum_score) / sum(r.articles)) / (sum(r.articles) - 1))) / sqrt(sum(r.articles)::numeric)), 4)::float8 END AS ci_high,
       sum(r.positive)::int AS positive, sum(r.neutral)::int AS neutral, sum(r.negative)::int AS negative
FROM stance_rollups r
JOIN actors ac ON ac.id = r.actor_id
WHERE r.grain = 'month' AND r.articles > 0
GROUP BY r.actor_id, ac.name, r.period;
--> statement-breakpoint
-- Frame shares: of an actor's mentions in an outlet and period, the share presented in each frame.
-- A mention can carry several frames, so the shares of one period may add up to more than 1.
CREATE VIEW v_frame_shares_daily AS
SELECT f.actor_id, ac.name AS actor_name, f.outlet_id, o.name AS outlet_name, f.period, f.frame,
       f.articles, round(f.frame_mentions, 2)::float8 AS frame_mentions, s.mentions,
       CASE WHEN s.mentions > 0 THEN round(f.frame_mentions / s.mentions, 4)::float8 END AS share
FROM frame_rollups f
JOIN stance_rollups s ON s.grain = f.grain AND s.actor_id = f.actor_id AND s.outlet_id = f.outlet_id AND s.period = f.period
JOIN actors ac ON ac.id = f.actor_id
JOIN outlets o ON o.id = f.outlet_id
WHERE f.grain = 'day' AND f.articles > 0;
--> statement-breakpoint
CREATE VIEW v_frame_shares_weekly AS
SELECT f.actor_id, ac.name AS actor_name, f.outlet_id, o.name AS outlet_name, f.period, f.frame,
       f.articles, round(f.frame_mentions, 2)::float8 AS frame_mentions, s.mentions,
       CASE WHEN s.mentions > 0 THEN round(f.frame_mentions / s.mentions, 4)::float8 END AS share
FROM frame_rollups f
JOIN stance_rollups s ON s.grain = f.grain AND s.actor_id = f.actor_id AND s.outlet_id = f.outlet_id AND s.period = f.period
JOIN actors ac ON ac.id = f.actor_id
JOIN outlets o ON o.id = f.outlet_id
WHERE f.grain = 'week' AND f.articles > 0;
--> statement-breakpoint
CREATE VIEW v_frame_shares_monthly AS
SELECT f.actor_id, ac.name AS actor_name, f.outlet_id, o.name AS outlet_name, f.period, f.frame,
       f.articles, round(f.frame_mentions, 2)::float8 AS frame_mentions, s.mentions,
       CASE WHEN s.mentions > 0 THEN round(f.frame_mentions / s.mentions, 4)::float8 END AS share
FROM frame_rollups f
JOIN stance_rollups s ON s.grain = f.grain AND s.actor_id = f.actor_id AND s.outlet_id = f.outlet_id AND s.period = f.period
JOIN actors ac ON ac.id = f.actor_id
JOIN outlets o ON o.id = f.outlet_id
WHERE f.grain = 'month' AND f.articles > 0;
--> statement-breakpoint
-- Articles without their text: what an analyst needs to cite or open one.
CREATE VIEW v_articles AS
SELECT ar.id AS article_id, ar.outlet_id, o.name AS outlet_name, ar.published_at, ar.title,
       ar.url, ar.canonical_url, ar.author, ar.language,
       ar.cluster_id, coalesce(ar.cluster_id, ar.id::text) AS story_id,
       ar.analyzer_version, ar.analyzed_at, ar.fetched_at
FROM articles ar
JOIN outlets o ON o.id = ar.outlet_id;
--> statement-breakpoint
-- Reported speech and citations, one row per attribution of an article's current analysis.
CREATE VIEW v_attributions AS
SELECT at.article_id, ar.outlet_id, ar.published_at, at.ordinal,
       at.source_text AS source, at.source_kind, at.source_actor,
       at.via_text AS via, at.via_kind, at.cue, at.content, at.direct, at.targets,
       ar.url, at.analyzer_version
FROM attributions at
JOIN articles ar ON ar.id = at.article_id AND ar.analyzer_version = at.analyzer_version;
--> statement-breakpoint
-- Sources cited about each actor: one row per attribution and actor it speaks about, with the
-- stance the source takes towards that actor. Unnamed sources are named by their kind.
CREATE VIEW v_sources AS
SELECT t.actor AS actor_id, ac.name AS actor_name, ar.outlet_id, o.name AS outlet_name,
       ar.published_at, at.article_id,
       coalesce(at.source_text, '(' || coalesce(at.source_kind, 'unknown') || ')') AS source,
       at.source_kind, at.source_actor, at.via_text AS via, at.direct,
       t.score::float8 AS score, t.label, at.cue, at.content, ar.url
FROM attributions at
JOIN articles ar ON ar.id = at.article_id AND ar.analyzer_version = at.analyzer_version
JOIN outlets o ON o.id = ar.outlet_id
CROSS JOIN LATERAL jsonb_to_recordset(at.targets) AS t(actor text, score float8, label text)
JOIN actors ac ON ac.id = t.actor;
--> statement-breakpoint
-- Articles per outlet per day from its first article to today, zeros included, so gaps show.
CREATE VIEW v_outlet_coverage AS
SELECT o.id AS outlet_id, o.name AS outlet_name, d.day::date AS day,
       coalesce(c.articles, 0) AS articles, coalesce(c.stories, 0) AS stories,
       coalesce(c.analyzed, 0) AS analyzed
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
         count(*) FILTER (WHERE a.analyzer_version IS NOT NULL)::int AS analyzed
  FROM articles a
  WHERE a.outlet_id = o.id
    AND a.published_at >= d.day AT TIME ZONE 'UTC'
    AND a.published_at < (d.day + interval '1 day') AT TIME ZONE 'UTC'
) c ON true
WHERE span.first_at IS NOT NULL;
--> statement-breakpoint
-- Wire stories counted once: copies of one story (same cluster_id) across outlets form one
-- story, scored by the mean of its copies and dated by its first; an article without a cluster
-- is its own story. Actor x period over all outlets.
CREATE VIEW v_story_stance AS
SELECT aa.actor_id, coalesce(ar.cluster_id, ar.id::text) AS story_id,
       min(ar.published_at) AS published_at, count(*)::int AS articles,
       count(DISTINCT ar.outlet_id)::int AS outlets, sum(aa.mentions)::int AS mentions,
       avg(aa.score)::float8 AS score
FROM article_actors aa
JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version
WHERE ar.published_at IS NOT NULL
GROUP BY aa.actor_id, coalesce(ar.cluster_id, ar.id::text);
--> statement-breakpoint
CREATE VIEW v_story_stance_daily AS
SELECT s.actor_id, ac.name AS actor_name, (date_trunc('day', s.published_at AT TIME ZONE 'UTC'))::date AS period,
       count(*)::int AS stories, sum(s.articles)::int AS articles, max(s.outlets)::int AS max_outlets,
       round(avg(s.score)::numeric, 4)::float8 AS mean_stance,
       round(greatest(-1, avg(s.score) - 1.96 * stddev_samp(s.score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_low,
       round(least(1, avg(s.score) + 1.96 * stddev_samp(s.score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_high
FROM v_story_stance s
JOIN actors ac ON ac.id = s.actor_id
GROUP BY s.actor_id, ac.name, 3;
--> statement-breakpoint
CREATE VIEW v_story_stance_weekly AS
SELECT s.actor_id, ac.name AS actor_name, (date_trunc('week', s.published_at AT TIME ZONE 'UTC'))::date AS period,
       count(*)::int AS stories, sum(s.articles)::int AS articles, max(s.outlets)::int AS max_outlets,
       round(avg(s.score)::numeric, 4)::float8 AS mean_stance,
       round(greatest(-1, avg(s.score) - 1.96 * stddev_samp(s.score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_low,
       round(least(1, avg(s.score) + 1.96 * stddev_samp(s.score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_high
FROM v_story_stance s
JOIN actors ac ON ac.id = s.actor_id
GROUP BY s.actor_id, ac.name, 3;
--> statement-breakpoint
CREATE VIEW v_story_stance_monthly AS
SELECT s.actor_id, ac.name AS actor_name, (date_trunc('month', s.published_at AT TIME ZONE 'UTC'))::date AS period,
       count(*)::int AS stories, sum(s.articles)::int AS articles, max(s.outlets)::int AS max_outlets,
       round(avg(s.score)::numeric, 4)::float8 AS mean_stance,
       round(greatest(-1, avg(s.score) - 1.96 * stddev_samp(s.score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_low,
       round(least(1, avg(s.score) + 1.96 * stddev_samp(s.score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_high
FROM v_story_stance s
JOIN actors ac ON ac.id = s.actor_id
GROUP BY s.actor_id, ac.name, 3;
