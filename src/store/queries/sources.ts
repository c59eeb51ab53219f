import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.js';
import { rowsOf } from './trends.js';

/** The smaller of two values in UTF-8 byte order (PostgreSQL's COLLATE "C"); null only when both are. */
function least(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) <= 0 ? a : b;
}

/** A normalised source as nlp's identifySources gives it (structurally; store does not import nlp). */
export interface SourceToSave {
  key: string;
  name: string;
  kind: string;
  actor?: string;
  surname?: string;
  alias?: string;
}

/**
 * Upserts the sources cited by some articles and their aliases: two statements for the whole
 * batch. A source's first and last seen (its articles' publication time, else fetch time) only
 * widen, and its name, affiliation and surname are the smallest seen (so the row does not depend on
 * the order articles were analysed in); saving the same analysis again changes nothing. Rows
 * already covering what is written are not touched at all (a frequent source such as
 * `anonymous:unaffiliated` would otherwise serialise concurrent batches on its row lock); the
 * others are written in key order, so two writers lock them in the same order.
 */
export async function upsertSources(
  tx: Tx,
  rows: readonly { articleId: string; source: SourceToSave }[],
): Promise<void> {
  if (rows.length === 0) return;
  const byKey = new Map<string, { key: string; name: string; kind: string; actor_id: string | null; surname: string | null; article_ids: Set<string> }>();
  const aliases = new Map<string, { alias: string; source_key: string }>();
  for (const { articleId, source: s } of rows) {
    const known = byKey.get(s.key);
    if (known === undefined) {
      byKey.set(s.key, {
        key: s.key,
        name: s.name,
        kind: s.kind,
        actor_id: s.actor ?? null,
        surname: s.surname ?? null,
        article_ids: new Set([articleId]),
      });
    } else {
      // The smallest of each value, as the upsert below keeps: what is stored must not depend on
      // which article (or worker) wrote a source first.
      known.article_ids.add(articleId);
      known.name = least(known.name, s.name)!;
      known.actor_id = least(known.actor_id, s.actor ?? null);
      known.surname = least(known.surname, s.surname ?? null);
    }
    if (s.alias !== undefined && s.alias !== '') aliases.set(`${s.alias}\u0000${s.key}`, { alias: s.alias, source_key: s.key });
  }
  const json = JSON.stringify([...byKey.values()].map((r) => ({ ...r, article_ids: [...r.article_ids] })));
  await tx.execute(sql`
    WITH r AS (
      SELECT r.key, r.name, r.kind, r.actor_id, r.surname,
             min(coalesce(ar.published_at, ar.fetched_at)) AS first_seen,
             max(coalesce(ar.published_at, ar.fetched_at)) AS last_seen
      FROM jsonb_to_recordset(${json}::jsonb)
        AS r(key text, name text, kind text, actor_id text, surname text, article_ids uuid[])
      CROSS JOIN LATERAL unnest(r.article_ids) AS a(id)
      JOIN articles ar ON ar.id = a.id
      GROUP BY r.key, r.name, r.kind, r.actor_id, r.surname
    )
    INSERT INTO sources AS s (key, name, kind, actor_id, surname, first_seen, last_seen)
    SELECT r.key, r.name, r.kind, r.actor_id, r.surname, r.first_seen, r.last_seen FROM r
    WHERE NOT EXISTS (
      SELECT 1 FROM sources x
      WHERE x.key = r.key AND x.first_seen <= r.first_seen AND x.last_seen >= r.last_seen
        AND x.name COLLATE "C" <= r.name AND x.actor_id IS NOT DISTINCT FROM least(x.actor_id COLLATE "C", r.actor_id)
        AND x.surname IS NOT DISTINCT FROM least(x.surname COLLATE "C", r.surname)
    )
    ORDER BY r.key
    ON CONFLICT (key) DO UPDATE SET
      first_seen = least(s.first_seen, excluded.first_seen),
      last_seen = greatest(s.last_seen, excluded.last_seen),
      -- least() skips NULLs: the smallest value either side has, whichever came first (byte
      -- order, as the batch's own choice above, whatever the database's collation).
      name = least(s.name COLLATE "C", excluded.name),
      actor_id = least(s.actor_id COLLATE "C", excluded.actor_id),
      surname = least(s.surname COLLATE "C", excluded.surname)`);
  if (aliases.size === 0) return;
  await tx.execute(sql`
    INSERT INTO source_aliases (alias, source_key)
    SELECT alias, source_key FROM jsonb_to_recordset(${JSON.stringify([...aliases.values()])}::jsonb)
      AS r(alias text, source_key text)
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING`);
}

export interface StoredSource {
  key: string;
  name: string;
  kind: string;
  actorId: string | null;
  surname: string | null;
  firstSeen: Date;
  lastSeen: Date;
  aliases: string[];
  attributions: number;
}

/** Stored sources with their aliases and the number of current attributions citing them, by key. */
export async function listSources(db: Db | Tx, filter: { keys?: string[] } = {}): Promise<StoredSource[]> {
  const where =
    filter.keys === undefined
      ? sql``
      : sql`WHERE s.key IN (SELECT jsonb_array_elements_text(${JSON.stringify(filter.keys)}::jsonb))`;
  const rows = rowsOf<{
    key: string; name: string; kind: string; actor_id: string | null; surname: string | null;
    first_seen: string | Date; last_seen: string | Date; aliases: string[] | null; attributions: number | string;
  }>(
    await db.execute(sql`
      SELECT s.key, s.name, s.kind, s.actor_id, s.surname, s.first_seen, s.last_seen,
             (SELECT array_agg(a.alias ORDER BY a.alias) FROM source_aliases a WHERE a.source_key = s.key) AS aliases,
             (SELECT count(*) FROM attributions at
              JOIN articles ar ON ar.id = at.article_id AND ar.analyzer_version = at.analyzer_version
              WHERE at.source_key = s.key) AS attributions
      FROM sources s ${where}
      ORDER BY s.key`),
  );
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    kind: r.kind,
    actorId: r.actor_id,
    surname: r.surname,
    firstSeen: new Date(r.first_seen),
    lastSeen: new Date(r.last_seen),
    aliases: r.aliases ?? [],
    attributions: Number(r.attributions),
  }));
}
