-- Normalised sources in the analysts' views (issue 5). Attributions now carry the key of their
-- normalised source (sources.key, e.g. person:dmitry-peskov, anonymous:eu) and their per-actor
-- stance is a table (attribution_targets) indexed on (actor_id, label), so "who speaks against
-- China in outlet X" reads an index instead of unpacking every attribution's JSON.

-- Backfill the per-actor rows of analyses stored before this migration (their source_key stays
-- empty until the article is analysed again: the normalisation lives in the analyzer, not in SQL).
INSERT INTO attribution_targets (article_id, analyzer_version, ordinal, actor_id, score, label, source_key)
SELECT DISTINCT ON (at.article_id, at.analyzer_version, at.ordinal, t.actor)
       at.article_id, at.analyzer_version, at.ordinal, t.actor, t.score, t.label, at.source_key
FROM attributions at
CROSS JOIN LATERAL jsonb_to_recordset(at.targets) AS t(actor text, score real, label text)
JOIN actors ac ON ac.id = t.actor
WHERE t.score IS NOT NULL AND t.label IS NOT NULL
ORDER BY at.article_id, at.analyzer_version, at.ordinal, t.actor
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Same columns as before plus, at the end, the outlet's name, the title and the normalised source.
CREATE OR REPLACE VIEW v_attributions AS
SELECT at.article_id, ar.outlet_id, ar.published_at, at.ordinal,
       at.source_text AS source, at.source_kind, at.source_actor,
       at.via_text AS via, at.via_kind, at.cue, at.content, at.direct, at.targets,
       ar.url, at.analyzer_version,
       o.name AS outlet_name, ar.title, at.source_key, at.source_name, at.via_key
FROM attributions at
JOIN articles ar ON ar.id = at.article_id AND ar.analyzer_version = at.analyzer_version
JOIN outlets o ON o.id = ar.outlet_id;
--> statement-breakpoint
-- One row per attribution and actor it speaks about, now read from attribution_targets; same
-- columns as before plus the normalised source at the end.
CREATE OR REPLACE VIEW v_sources AS
SELECT t.actor_id, ac.name AS actor_name, ar.outlet_id, o.name AS outlet_name,
       ar.published_at, t.article_id,
       coalesce(at.source_text, '(' || coalesce(at.source_kind, 'unknown') || ')') AS source,
       at.source_kind, at.source_actor, at.via_text AS via, at.direct,
       t.score::float8 AS score, t.label, at.cue, at.content, ar.url,
       t.source_key, coalesce(s.name, at.source_name) AS source_name, t.ordinal
FROM attribution_targets t
JOIN attributions at ON at.article_id = t.article_id AND at.analyzer_version = t.analyzer_version AND at.ordinal = t.ordinal
JOIN articles ar ON ar.id = t.article_id AND ar.analyzer_version = t.analyzer_version
JOIN outlets o ON o.id = ar.outlet_id
JOIN actors ac ON ac.id = t.actor_id
LEFT JOIN sources s ON s.key = t.source_key;
--> statement-breakpoint
-- Sources cited about each actor per outlet and week (Monday, UTC), over normalised sources:
-- "Peskov" and "Kremlin spokesman Dmitry Peskov" count as one source. Attributions whose source
-- has no identity (an unresolved "he said", analyses stored before sources were normalised) are
-- left out; v_sources has them.
CREATE VIEW v_sources_weekly AS
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
WHERE ar.published_at IS NOT NULL
GROUP BY t.actor_id, ac.name, ar.outlet_id, o.name, 5, t.source_key, s.name, s.kind, s.actor_id;
--> statement-breakpoint
-- The analysts' role reads the new view (the replaced ones keep their grants); skipped where the
-- role does not exist yet.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stancewatch_analyst') THEN
    GRANT SELECT ON v_sources_weekly TO stancewatch_analyst;
  END IF;
END
$$;
