-- Analysts' views. Only rows of each article's current analyzer version count, and days/weeks are
-- cut in UTC so that figures do not depend on the session's time zone.
CREATE VIEW v_article_stance AS
SELECT
  ar.id AS article_id,
  ar.outlet_id,
  o.name AS outlet_name,
  aa.actor_id,
  ac.name AS actor_name,
  ar.published_at,
  ar.title,
  ar.url,
  aa.score,
  aa.label,
  aa.confidence,
  aa.mentions,
  aa.frames,
  aa.analyzer_version
FROM article_actors aa
JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version
JOIN outlets o ON o.id = ar.outlet_id
JOIN actors ac ON ac.id = aa.actor_id
WHERE ar.published_at IS NOT NULL;
--> statement-breakpoint
CREATE VIEW v_stance_daily AS
SELECT
  actor_id,
  actor_name,
  outlet_id,
  outlet_name,
  (date_trunc('day', published_at AT TIME ZONE 'UTC'))::date AS period,
  count(*)::int AS articles,
  sum(mentions)::int AS mentions,
  round(avg(score)::numeric, 4)::float8 AS mean_stance,
  round(greatest(-1, avg(score) - 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_low,
  round(least(1, avg(score) + 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_high,
  count(*) FILTER (WHERE label = 'positive')::int AS positive,
  count(*) FILTER (WHERE label = 'neutral')::int AS neutral,
  count(*) FILTER (WHERE label = 'negative')::int AS negative
FROM v_article_stance
GROUP BY actor_id, actor_name, outlet_id, outlet_name, 5;
--> statement-breakpoint
CREATE VIEW v_stance_weekly AS
SELECT
  actor_id,
  actor_name,
  outlet_id,
  outlet_name,
  (date_trunc('week', published_at AT TIME ZONE 'UTC'))::date AS period,
  count(*)::int AS articles,
  sum(mentions)::int AS mentions,
  round(avg(score)::numeric, 4)::float8 AS mean_stance,
  round(greatest(-1, avg(score) - 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_low,
  round(least(1, avg(score) + 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_high,
  count(*) FILTER (WHERE label = 'positive')::int AS positive,
  count(*) FILTER (WHERE label = 'neutral')::int AS neutral,
  count(*) FILTER (WHERE label = 'negative')::int AS negative
FROM v_article_stance
GROUP BY actor_id, actor_name, outlet_id, outlet_name, 5;
--> statement-breakpoint
CREATE VIEW v_stance_monthly AS
SELECT
  actor_id,
  actor_name,
  outlet_id,
  outlet_name,
  (date_trunc('month', published_at AT TIME ZONE 'UTC'))::date AS period,
  count(*)::int AS articles,
  sum(mentions)::int AS mentions,
  round(avg(score)::numeric, 4)::float8 AS mean_stance,
  round(greatest(-1, avg(score) - 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_low,
  round(least(1, avg(score) + 1.96 * stddev_samp(score) / sqrt(count(*)))::numeric, 4)::float8 AS ci_high,
  count(*) FILTER (WHERE label = 'positive')::int AS positive,
  count(*) FILTER (WHERE label = 'neutral')::int AS neutral,
  count(*) FILTER (WHERE label = 'negative')::int AS negative
FROM v_article_stance
GROUP BY actor_id, actor_name, outlet_id, outlet_name, 5;
--> statement-breakpoint
CREATE VIEW v_mentions AS
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
  m.analyzer_version
FROM mentions m
JOIN articles ar ON ar.id = m.article_id AND ar.analyzer_version = m.analyzer_version;
--> statement-breakpoint
CREATE VIEW v_crawl_failures AS
SELECT r.outlet_id, r.started_at AS run_started_at, f.url, f.stage, f.reason, f.status, f.at
FROM crawl_failures f
JOIN crawl_runs r ON r.id = f.run_id;
