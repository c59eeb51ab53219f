-- Source identity stored per article (issue 17). The analyze stage keys each quote's source from
-- its own article alone, so an article's rows no longer depend on which articles were analysed
-- before it (two workers take articles in no fixed order, and the stored rows differed between
-- two runs over the same articles). A bare surname ("Peskov said", person:peskov) that its own
-- article does not complete is linked here, at query time and over every stored source, to the
-- one person named in full with that family name (person:dmitry-peskov); a family name two
-- stored people share links to neither.

-- The one person named in full that a bare surname source stands for (no row for any other key).
-- A function the views join per row (LATERAL) rather than a view over every stored source: a
-- reader filtered by actor or outlet then looks up only its own rows' keys, by index (surname, and
-- the key's first word), whatever the number of sources stored. SECURITY DEFINER because the
-- analysts' role reads views, not the sources table, and a function called from a view runs with
-- the caller's rights; it tells no more than v_source_links does.
CREATE FUNCTION sw_source_link(k text) RETURNS TABLE (linked_key text, linked_name text)
LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path FROM CURRENT AS $fn$
  SELECT min(f.key), min(f.name)
  FROM sources f
  WHERE k LIKE 'person:_%' AND strpos(k, '-') = 0
    AND f.kind = 'person' AND f.key LIKE 'person:%' AND f.key <> k
    AND (f.surname = substr(k, length('person:') + 1)
      -- A two-word name may be called by its first word (family name first: "Guo Lanying" is "Guo").
      OR (split_part(f.key, '-', 1) = k AND strpos(f.key, '-') > 0
          AND strpos(substr(f.key, strpos(f.key, '-') + 1), '-') = 0))
  HAVING count(*) = 1
$fn$;
--> statement-breakpoint
CREATE INDEX sources_first_word_index ON sources (split_part(key, '-', 1));
--> statement-breakpoint
-- Every bare surname source and the one person named in full it stands for.
CREATE VIEW v_source_links AS
SELECT s.key AS source_key, l.linked_key, l.linked_name
FROM sources s CROSS JOIN LATERAL sw_source_link(s.key) l
WHERE s.kind = 'person' AND strpos(s.key, '-') = 0; -- only a bare surname can link
--> statement-breakpoint
-- The analysts' views name the linked source (same columns as before).
CREATE OR REPLACE VIEW v_attributions AS
SELECT at.article_id, ar.outlet_id, ar.published_at, at.ordinal,
       coalesce(at.source_text, sw_span(ar.title, tx.text, at.source_start, at.source_end)) AS source,
       at.source_kind, at.source_actor,
       at.via_text AS via, at.via_kind,
       coalesce(at.cue, sw_span(ar.title, tx.text, at.cue_start, at.cue_end)) AS cue,
       coalesce(at.content, sw_span(ar.title, tx.text, at.content_start, at.content_end)) AS content,
       at.direct, at.targets,
       ar.url, at.analyzer_version,
       o.name AS outlet_name, ar.title, coalesce(l.linked_key, at.source_key) AS source_key,
       coalesce(l.linked_name, at.source_name) AS source_name, at.via_key
FROM attributions at
JOIN articles ar ON ar.id = at.article_id AND ar.analyzer_version = at.analyzer_version
JOIN outlets o ON o.id = ar.outlet_id
LEFT JOIN article_texts tx ON tx.article_id = ar.id AND tx.month = ar.month
LEFT JOIN LATERAL sw_source_link(at.source_key) l ON true;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_sources AS
SELECT t.actor_id, ac.name AS actor_name, ar.outlet_id, o.name AS outlet_name,
       ar.published_at, t.article_id,
       coalesce(coalesce(at.source_text, sw_span(ar.title, tx.text, at.source_start, at.source_end)),
                '(' || coalesce(at.source_kind, 'unknown') || ')') AS source,
       at.source_kind, at.source_actor, at.via_text AS via, at.direct,
       t.score::float8 AS score, t.label,
       coalesce(at.cue, sw_span(ar.title, tx.text, at.cue_start, at.cue_end)) AS cue,
       coalesce(at.content, sw_span(ar.title, tx.text, at.content_start, at.content_end)) AS content,
       ar.url,
       coalesce(l.linked_key, t.source_key) AS source_key, coalesce(s.name, at.source_name) AS source_name, t.ordinal
FROM attribution_targets t
JOIN attributions at ON at.article_id = t.article_id AND at.analyzer_version = t.analyzer_version AND at.ordinal = t.ordinal
JOIN articles ar ON ar.id = t.article_id AND ar.analyzer_version = t.analyzer_version
JOIN outlets o ON o.id = ar.outlet_id
JOIN actors ac ON ac.id = t.actor_id
LEFT JOIN LATERAL sw_source_link(t.source_key) l ON true
LEFT JOIN sources s ON s.key = coalesce(l.linked_key, t.source_key)
LEFT JOIN article_texts tx ON tx.article_id = ar.id AND tx.month = ar.month;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_sources_weekly AS
SELECT t.actor_id, ac.name AS actor_name, ar.outlet_id, o.name AS outlet_name,
       (date_trunc('week', ar.published_at AT TIME ZONE 'UTC'))::date AS period,
       s.key AS source_key, s.name AS source_name, s.kind AS source_kind, s.actor_id AS source_actor,
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
LEFT JOIN LATERAL sw_source_link(t.source_key) l ON true
JOIN sources s ON s.key = coalesce(l.linked_key, t.source_key)
WHERE ar.published_at IS NOT NULL AND NOT ar.excluded_from_trends
GROUP BY t.actor_id, ac.name, ar.outlet_id, o.name, 5, s.key, s.name, s.kind, s.actor_id;
--> statement-breakpoint
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stancewatch_analyst') THEN
    GRANT SELECT ON v_source_links TO stancewatch_analyst;
    GRANT EXECUTE ON FUNCTION sw_source_link(text) TO stancewatch_analyst;
  END IF;
END $$;
