-- Storage restructure (issue 19): compact analysis rows, article text split out, monthly partitions.
--
-- * Every article has a publication month (`articles.month`: the UTC month of published_at, or of
--   fetched_at when the page gave no date). The tables that grow with articles and that retention
--   prunes (article_texts, mentions) are partitioned by it, one partition a month, created on
--   demand by sw_ensure_partition (the store calls it before writing a month it has not seen).
-- * The article text moves to article_texts, so that `stancewatch prune --text-older-than` drops
--   whole months of it (DROP TABLE of a partition returns the disk space at once).
-- * Sentences, cue words and quoted content are no longer repeated on every mention and
--   attribution: they are offsets into the analysed text (title, blank line, body). The text is
--   kept beside the offsets only where the offsets cannot find it in SQL: the analyzer counts
--   UTF-16 units and PostgreSQL counts characters, so a text with characters beyond the Basic
--   Multilingual Plane (emoji) keeps its spans written out. Cue weights are thousandths (the
--   analyzer rounds them to three decimals), stored as [start, end, weight x 1000] triples.
-- * The views give the same columns as before, rebuilt from the offsets.

-- The span [s, e) of the analysed text (title, blank line, body); null when the text is pruned.
CREATE FUNCTION sw_span(title text, body text, s integer, e integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN body IS NOT NULL AND s IS NOT NULL AND e IS NOT NULL
              THEN substr(title || E'\n\n' || body, s + 1, e - s) END
$$;
--> statement-breakpoint
-- The cue words of a mention as the analyzer gave them, from the [start, end, weight x 1000] triples.
CREATE FUNCTION sw_cues(spans integer[], title text, body text) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'end', spans[i + 1], 'text', sw_span(title, body, spans[i], spans[i + 1]),
           'start', spans[i], 'weight', (spans[i + 2] / 1000.0)::float8) ORDER BY i), '[]'::jsonb)
  FROM generate_series(1, coalesce(array_length(spans, 1), 0), 3) AS i
$$;
--> statement-breakpoint
-- Creates the month's partition of a partitioned table (`<table>_pYYYYMM`) unless it exists. Run in
-- its own short transaction: creating a partition locks the parent table.
CREATE FUNCTION sw_ensure_partition(parent text, m date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  lo date := date_trunc('month', m)::date;
  part text := parent || '_p' || to_char(lo, 'YYYYMM');
BEGIN
  IF to_regclass(quote_ident(part)) IS NOT NULL THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(hashtext('sw_ensure_partition'));
  IF to_regclass(quote_ident(part)) IS NOT NULL THEN RETURN; END IF;
  -- The advisory lock does not refresh the catalog snapshot, so a writer that waited on it can
  -- still miss the partition another writer just created: that is not an error.
  BEGIN
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                   part, parent, lo, (lo + interval '1 month')::date);
  EXCEPTION WHEN duplicate_table OR unique_violation THEN
    NULL;
  END;
END
$$;
--> statement-breakpoint
ALTER TABLE articles ADD COLUMN month date NOT NULL
  GENERATED ALWAYS AS ((date_trunc('month', coalesce(published_at, fetched_at) AT TIME ZONE 'UTC'))::date) STORED;
--> statement-breakpoint
CREATE TABLE article_texts (
  article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  month date NOT NULL,
  text text NOT NULL,
  PRIMARY KEY (article_id, month)
) PARTITION BY RANGE (month);
--> statement-breakpoint
SELECT sw_ensure_partition('article_texts', m) FROM (SELECT DISTINCT month AS m FROM articles) months;
--> statement-breakpoint
INSERT INTO article_texts (article_id, month, text) SELECT id, month, text FROM articles;
--> statement-breakpoint
ALTER TABLE articles DROP COLUMN text;
--> statement-breakpoint
DROP VIEW v_mentions;
--> statement-breakpoint
ALTER TABLE mentions RENAME TO mentions_unpartitioned;
--> statement-breakpoint
CREATE TABLE mentions (
  article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  analyzer_version text NOT NULL,
  actor_id text NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  start integer NOT NULL,
  "end" integer NOT NULL,
  text text NOT NULL,
  score real NOT NULL,
  label text NOT NULL,
  confidence real NOT NULL,
  frames jsonb NOT NULL,
  sentence_start integer NOT NULL,
  sentence_end integer NOT NULL,
  -- Written out only when the offsets cannot find it (see the top of this file).
  sentence text,
  cue_spans integer[] NOT NULL,
  cues jsonb,
  month date NOT NULL,
  -- Calibrated class probabilities (migration 0013; null before analyzer a5).
  p_negative real,
  p_neutral real,
  p_positive real,
  PRIMARY KEY (article_id, analyzer_version, actor_id, start, month)
) PARTITION BY RANGE (month);
--> statement-breakpoint
CREATE INDEX mentions_actor_id_month_index ON mentions (actor_id, month);
--> statement-breakpoint
SELECT sw_ensure_partition('mentions', m) FROM (SELECT DISTINCT month AS m FROM articles) months;
--> statement-breakpoint
INSERT INTO mentions (article_id, analyzer_version, actor_id, start, "end", text, score, label, confidence, frames,
                      sentence_start, sentence_end, sentence, cue_spans, cues, month, p_negative, p_neutral, p_positive)
SELECT m.article_id, m.analyzer_version, m.actor_id, m.start, m."end", m.text, m.score, m.label, m.confidence, m.frames,
       m.sentence_start, m.sentence_end,
       CASE WHEN m.sentence IS DISTINCT FROM sw_span(ar.title, tx.text, m.sentence_start, m.sentence_end) THEN m.sentence END,
       coalesce((SELECT array_agg(x ORDER BY o, k)
                 FROM jsonb_array_elements(m.cues) WITH ORDINALITY AS c(v, o),
                      unnest(ARRAY[(v->>'start')::int, (v->>'end')::int, round((v->>'weight')::numeric * 1000)::int]) WITH ORDINALITY AS u(x, k)),
                '{}'),
       CASE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(m.cues) c(v)
                         WHERE v->>'text' IS DISTINCT FROM sw_span(ar.title, tx.text, (v->>'start')::int, (v->>'end')::int)
                            OR round((v->>'weight')::numeric, 3) <> (v->>'weight')::numeric)
            THEN m.cues END,
       ar.month, m.p_negative, m.p_neutral, m.p_positive
FROM mentions_unpartitioned m
JOIN articles ar ON ar.id = m.article_id
LEFT JOIN article_texts tx ON tx.article_id = ar.id AND tx.month = ar.month;
--> statement-breakpoint
DROP TABLE mentions_unpartitioned;
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
  coalesce(m.sentence, sw_span(ar.title, tx.text, m.sentence_start, m.sentence_end)) AS sentence,
  coalesce(m.cues, sw_cues(m.cue_spans, ar.title, tx.text)) AS cues,
  ar.url,
  m.analyzer_version,
  m.p_negative,
  m.p_neutral,
  m.p_positive
FROM mentions m
JOIN articles ar ON ar.id = m.article_id AND ar.analyzer_version = m.analyzer_version AND ar.month = m.month
LEFT JOIN article_texts tx ON tx.article_id = ar.id AND tx.month = ar.month;
--> statement-breakpoint
ALTER TABLE attributions ALTER COLUMN source_text DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE attributions ALTER COLUMN cue DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE attributions ALTER COLUMN content DROP NOT NULL;
--> statement-breakpoint
UPDATE attributions at SET
  source_text = CASE WHEN at.source_text IS DISTINCT FROM sw_span(ar.title, tx.text, at.source_start, at.source_end) THEN at.source_text END,
  cue = CASE WHEN at.cue IS DISTINCT FROM sw_span(ar.title, tx.text, at.cue_start, at.cue_end) THEN at.cue END,
  content = CASE WHEN at.content IS DISTINCT FROM sw_span(ar.title, tx.text, at.content_start, at.content_end) THEN at.content END
FROM articles ar
JOIN article_texts tx ON tx.article_id = ar.id AND tx.month = ar.month
WHERE ar.id = at.article_id;
--> statement-breakpoint
CREATE OR REPLACE VIEW v_attributions AS
SELECT at.article_id, ar.outlet_id, ar.published_at, at.ordinal,
       coalesce(at.source_text, sw_span(ar.title, tx.text, at.source_start, at.source_end)) AS source,
       at.source_kind, at.source_actor,
       at.via_text AS via, at.via_kind,
       coalesce(at.cue, sw_span(ar.title, tx.text, at.cue_start, at.cue_end)) AS cue,
       coalesce(at.content, sw_span(ar.title, tx.text, at.content_start, at.content_end)) AS content,
       at.direct, at.targets,
       ar.url, at.analyzer_version,
       o.name AS outlet_name, ar.title, at.source_key, at.source_name, at.via_key
FROM attributions at
JOIN articles ar ON ar.id = at.article_id AND ar.analyzer_version = at.analyzer_version
JOIN outlets o ON o.id = ar.outlet_id
LEFT JOIN article_texts tx ON tx.article_id = ar.id AND tx.month = ar.month;
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
       t.source_key, coalesce(s.name, at.source_name) AS source_name, t.ordinal
FROM attribution_targets t
JOIN attributions at ON at.article_id = t.article_id AND at.analyzer_version = t.analyzer_version AND at.ordinal = t.ordinal
JOIN articles ar ON ar.id = t.article_id AND ar.analyzer_version = t.analyzer_version
JOIN outlets o ON o.id = ar.outlet_id
JOIN actors ac ON ac.id = t.actor_id
LEFT JOIN sources s ON s.key = t.source_key
LEFT JOIN article_texts tx ON tx.article_id = ar.id AND tx.month = ar.month;
--> statement-breakpoint
-- v_mentions was dropped and created again: give it back to the analysts' role (migration 0006).
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stancewatch_analyst') THEN
    GRANT SELECT ON v_mentions TO stancewatch_analyst;
  END IF;
END $$;
