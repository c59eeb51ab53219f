-- Article stance as the balance of portrayal (issue 15). Each mention keeps its class
-- probabilities; each article actor keeps the share of its mentions labelled positive and
-- negative. Both are null on rows written by an analyzer before this one (`stancewatch
-- reanalyze` backfills). The trend views gain, as their last two columns (CREATE OR REPLACE
-- VIEW may only append), the share of articles positive and negative about the actor.
ALTER TABLE "mentions" ADD COLUMN "p_negative" real;
--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "p_neutral" real;
--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "p_positive" real;
--> statement-breakpoint
ALTER TABLE "article_actors" ADD COLUMN "positive_share" real;
--> statement-breakpoint
ALTER TABLE "article_actors" ADD COLUMN "negative_share" real;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_stance_daily AS
SELECT r.actor_id, ac.name AS actor_name, r.outlet_id, o.name AS outlet_name, r.period,
       r.articles, r.mentions, r.mean_stance, r.ci_low, r.ci_high, r.positive, r.neutral, r.negative,
       round(r.positive::numeric / r.articles, 4)::float8 AS share_positive,
       round(r.negative::numeric / r.articles, 4)::float8 AS share_negative
FROM stance_rollups r
JOIN actors ac ON ac.id = r.actor_id
JOIN outlets o ON o.id = r.outlet_id
WHERE r.grain = 'day' AND r.articles > 0;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_stance_weekly AS
SELECT r.actor_id, ac.name AS actor_name, r.outlet_id, o.name AS outlet_name, r.period,
       r.articles, r.mentions, r.mean_stance, r.ci_low, r.ci_high, r.positive, r.neutral, r.negative,
       round(r.positive::numeric / r.articles, 4)::float8 AS share_positive,
       round(r.negative::numeric / r.articles, 4)::float8 AS share_negative
FROM stance_rollups r
JOIN actors ac ON ac.id = r.actor_id
JOIN outlets o ON o.id = r.outlet_id
WHERE r.grain = 'week' AND r.articles > 0;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_stance_monthly AS
SELECT r.actor_id, ac.name AS actor_name, r.outlet_id, o.name AS outlet_name, r.period,
       r.articles, r.mentions, r.mean_stance, r.ci_low, r.ci_high, r.positive, r.neutral, r.negative,
       round(r.positive::numeric / r.articles, 4)::float8 AS share_positive,
       round(r.negative::numeric / r.articles, 4)::float8 AS share_negative
FROM stance_rollups r
JOIN actors ac ON ac.id = r.actor_id
JOIN outlets o ON o.id = r.outlet_id
WHERE r.grain = 'month' AND r.articles > 0;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_actor_stance_daily AS
SELECT r.actor_id, ac.name AS actor_name, r.period, count(*)::int AS outlets,
       sum(r.articles)::int AS articles, sum(r.mentions)::int AS mentions,
       round(sum(r.sum_score) / sum(r.articles), 4)::float8 AS mean_stance,
       CASE WHEN sum(r.articles) > 1 THEN round(greatest(-1, sum(r.sum_score) / sum(r.articles) - 1.96 * sqrt(greatest(0, (sum(r.sum_sq_score) - sum(r.sum_score) * sum(r.sum_score) / sum(r.articles)) / (sum(r.articles) - 1))) / sqrt(sum(r.articles)::numeric)), 4)::float8 END AS ci_low,
       CASE WHEN sum(r.articles) > 1 THEN round(least(1, sum(r.sum_score) / sum(r.articles) + 1.96 * sqrt(greatest(0, (sum(r.sum_sq_score) - sum(r.sum_score) * sum(r.sum_score) / sum(r.articles)) / (sum(r.articles) - 1))) / sqrt(sum(r.articles)::numeric)), 4)::float8 END AS ci_high,
       sum(r.positive)::int AS positive, sum(r.neutral)::int AS neutral, sum(r.negative)::int AS negative,
       round(sum(r.positive)::numeric / sum(r.articles), 4)::float8 AS share_positive,
       round(sum(r.negative)::numeric / sum(r.articles), 4)::float8 AS share_negative
FROM stance_rollups r
JOIN actors ac ON ac.id = r.actor_id
WHERE r.grain = 'day' AND r.articles > 0
GROUP BY r.actor_id, ac.name, r.period;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_actor_stance_weekly AS
SELECT r.actor_id, ac.name AS actor_name, r.period, count(*)::int AS outlets,
       sum(r.articles)::int AS articles, sum(r.mentions)::int AS mentions,
       round(sum(r.sum_score) / sum(r.articles), 4)::float8 AS mean_stance,
       CASE WHEN sum(r.articles) > 1 THEN round(greatest(-1, sum(r.sum_score) / sum(r.articles) - 1.96 * sqrt(greatest(0, (sum(r.sum_sq_score) - sum(r.sum_score) * sum(r.sum_score) / sum(r.articles)) / (sum(r.articles) - 1))) / sqrt(sum(r.articles)::numeric)), 4)::float8 END AS ci_low,
       CASE WHEN sum(r.articles) > 1 THEN round(least(1, sum(r.sum_score) / sum(r.articles) + 1.96 * sqrt(greatest(0, (sum(r.sum_sq_score) - sum(r.sum_score) * sum(r.sum_score) / sum(r.articles)) / (sum(r.articles) - 1))) / sqrt(sum(r.articles)::numeric)), 4)::float8 END AS ci_high,
       sum(r.positive)::int AS positive, sum(r.neutral)::int AS neutral, sum(r.negative)::int AS negative,
       round(sum(r.positive)::numeric / sum(r.articles), 4)::float8 AS share_positive,
       round(sum(r.negative)::numeric / sum(r.articles), 4)::float8 AS share_negative
FROM stance_rollups r
JOIN actors ac ON ac.id = r.actor_id
WHERE r.grain = 'week' AND r.articles > 0
GROUP BY r.actor_id, ac.name, r.period;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_actor_stance_monthly AS
SELECT r.actor_id, ac.name AS actor_name, r.period, count(*)::int AS outlets,
       sum(r.articles)::int AS articles, sum(r.mentions)::int AS mentions,
       round(sum(r.sum_score) / sum(r.articles), 4)::float8 AS mean_stance,
       CASE WHEN sum(r.articles) > 1 THEN round(greatest(-1, sum(r.sum_score) / sum(r.articles) - 1.96 * sqrt(greatest(0, (sum(r.sum_sq_score) - sum(r.sum_score) * sum(r.sum_score) / sum(r.articles)) / (sum(r.articles) - 1))) / sqrt(sum(r.articles)::numeric)), 4)::float8 END AS ci_low,
       CASE WHEN sum(r.articles) > 1 THEN round(least(1, sum(r.sum_score) / sum(r.articles) + 1.96 * sqrt(greatest(0, (sum(r.sum_sq_score) - sum(r.sum_score) * sum(r.sum_score) / sum(r.articles)) / (sum(r.articles) - 1))) / sqrt(sum(r.articles)::numeric)), 4)::float8 END AS ci_high,
       sum(r.positive)::int AS positive, sum(r.neutral)::int AS neutral, sum(r.negative)::int AS negative,
       round(sum(r.positive)::numeric / sum(r.articles), 4)::float8 AS share_positive,
       round(sum(r.negative)::numeric / sum(r.articles), 4)::float8 AS share_negative
FROM stance_rollups r
JOIN actors ac ON ac.id = r.actor_id
WHERE r.grain = 'month' AND r.articles > 0
GROUP BY r.actor_id, ac.name, r.period;
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
       count(*) FILTER (WHERE excluded_from_trends)::int AS flagged,
       round(count(*) FILTER (WHERE label = 'positive')::numeric / count(*), 4)::float8 AS share_positive,
       round(count(*) FILTER (WHERE label = 'negative')::numeric / count(*), 4)::float8 AS share_negative
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
       count(*) FILTER (WHERE excluded_from_trends)::int AS flagged,
       round(count(*) FILTER (WHERE label = 'positive')::numeric / count(*), 4)::float8 AS share_positive,
       round(count(*) FILTER (WHERE label = 'negative')::numeric / count(*), 4)::float8 AS share_negative
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
       count(*) FILTER (WHERE excluded_from_trends)::int AS flagged,
       round(count(*) FILTER (WHERE label = 'positive')::numeric / count(*), 4)::float8 AS share_positive,
       round(count(*) FILTER (WHERE label = 'negative')::numeric / count(*), 4)::float8 AS share_negative
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
CREATE OR REPLACE VIEW v_mentions AS
SELECT
  m.article_id,
  ar.outlet_id,
  m.actor_id,
  ar.published_at,
  m.text AS mention,
  m.score,
  m.label,
  m.confidence,
  m.frames,
  m.sentence,
  m.cues,
  ar.url,
  m.analyzer_version,
  m.p_negative,
  m.p_neutral,
  m.p_positive
FROM mentions m
JOIN articles ar ON ar.id = m.article_id AND ar.analyzer_version = m.analyzer_version;
