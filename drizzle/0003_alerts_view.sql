-- Analysts' view of framing-change alerts: one row per alert with its before/after figures as
-- columns, the change it measures, whether other outlets showed the same shift, and its delivery.
CREATE VIEW v_alerts AS
SELECT
  a.id AS alert_id,
  a.rule_id,
  a.outlet_id,
  o.name AS outlet_name,
  a.actor_id,
  ac.name AS actor_name,
  a.kind,
  a.details->>'measure' AS measure,
  a.change_at,
  a.detected_at,
  (a.before->>'articles')::int AS before_articles,
  (a.before->>'mean')::float8 AS before_mean,
  (a.before->>'ciLow')::float8 AS before_ci_low,
  (a.before->>'ciHigh')::float8 AS before_ci_high,
  (a.after->>'articles')::int AS after_articles,
  (a.after->>'mean')::float8 AS after_mean,
  (a.after->>'ciLow')::float8 AS after_ci_low,
  (a.after->>'ciHigh')::float8 AS after_ci_high,
  (a.after->>'mean')::float8 - (a.before->>'mean')::float8 AS change,
  COALESCE((a.details->'context'->'otherOutlets'->>'newsDriven')::boolean, false) AS news_driven,
  a.articles AS article_urls,
  CASE
    WHEN a.sent_at IS NOT NULL THEN 'sent'
    WHEN a.sending_at IS NOT NULL THEN 'sending'
    ELSE 'pending'
  END AS status,
  a.sent_at,
  a.sent_via,
  a.message_id,
  a.send_error,
  a.created_at
FROM alerts a
LEFT JOIN outlets o ON o.id = a.outlet_id
LEFT JOIN actors ac ON ac.id = a.actor_id;
