import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../client.js';
import { withIndexesRebuilt } from './bulk-indexes.js';
import { rowsOf } from './trends.js';

/**
 * The rollups hold, per (grain, actor, outlet, period), the sum of the contributions of the
 * articles whose current analysis names the actor. A writer that changes what an article
 * contributes (a new analysis, a new publication date) reads the article's contribution before,
 * changes the rows, then adds the difference in the same transaction: re-analysing an article
 * moves its contribution and never doubles it. Articles excluded from trends (quality flags)
 * contribute nothing.
 */
export interface Contribution {
  stance: Record<string, unknown>[];
  frames: Record<string, unknown>[];
}

const GRAINS = sql.raw(`(VALUES ('day'), ('week'), ('month')) AS g(grain)`);
const PERIOD = sql.raw(`date_trunc(g.grain, ar.published_at AT TIME ZONE 'UTC')::date`);
const CURRENT = sql.raw(
  'article_actors aa JOIN articles ar ON ar.id = aa.article_id AND ar.analyzer_version = aa.analyzer_version',
);

// What the trend rollups count: dated articles whose quality flags do not exclude them (a paywall
// teaser, a page that needs JavaScript ... stays in the tables and in the `_all` views).
const COUNTED = sql.raw('ar.published_at IS NOT NULL AND NOT ar.excluded_from_trends');

const STANCE_KEY = ['grain', 'actor_id', 'outlet_id', 'period'] as const;
const STANCE_SUMS = ['articles', 'mentions', 'sum_score', 'sum_sq_score', 'positive', 'neutral', 'negative'] as const;
const FRAME_KEY = [...STANCE_KEY, 'frame'] as const;
const FRAME_SUMS = ['articles', 'frame_mentions'] as const;
const KEY_TYPES: Record<string, string> = { grain: 'text', actor_id: 'text', outlet_id: 'text', period: 'date', frame: 'text' };

function idFilter(ids: string[] | undefined): SQL {
  return ids === undefined ? sql`` : sql`AND ar.id = ANY(${`{${ids.join(',')}}`}::uuid[])`;
}

/** Stance contribution of some articles (all when `ids` is undefined), per rollup key. */
function stanceContribution(ids: string[] | undefined): SQL {
  return sql`
    SELECT g.grain, aa.actor_id, ar.outlet_id, ${PERIOD} AS period,
           count(*)::int AS articles, sum(aa.mentions)::int AS mentions,
           sum(aa.score::numeric) AS sum_score, sum(aa.score::numeric * aa.score::numeric) AS sum_sq_score,
           count(*) FILTER (WHERE aa.label = 'positive')::int AS positive,
           count(*) FILTER (WHERE aa.label = 'neutral')::int AS neutral,
           count(*) FILTER (WHERE aa.label = 'negative')::int AS negative
    FROM ${CURRENT} CROSS JOIN ${GRAINS}
    WHERE ${COUNTED} ${idFilter(ids)}
    GROUP BY 1, 2, 3, 4`;
}

/** Frame contribution: articles with the frame, and mentions in it (share x mentions). */
function frameContribution(ids: string[] | undefined): SQL {
  return sql`
    SELECT g.grain, aa.actor_id, ar.outlet_id, ${PERIOD} AS period, f.key AS frame,
           count(*)::int AS articles, sum(f.value::numeric * aa.mentions) AS frame_mentions
    FROM ${CURRENT}
    CROSS JOIN LATERAL jsonb_each_text(aa.frames) AS f(key, value)
    CROSS JOIN ${GRAINS}
    WHERE ${COUNTED} ${idFilter(ids)}
    GROUP BY 1, 2, 3, 4, 5`;
}

/**
 * Locks the articles' rows (in id order, so two writers cannot deadlock) until the transaction
 * ends: a second save of the same article waits and then reads the first one's contribution.
 */
export async function lockArticles(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(
    sql`SELECT id FROM articles WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[]) ORDER BY id FOR UPDATE`,
  );
}

/** The named columns of a row read from a statement that returns several kinds of row. */
function pick(r: Record<string, unknown>, cols: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(cols.map((c) => [c, r[c]]));
}

/** What these articles contribute to the rollups now; call after lockArticles. */
export async function readContribution(tx: Tx, ids: string[]): Promise<Contribution> {
  if (ids.length === 0) return { stance: [], frames: [] };
  // Both tables in one round trip: the stance rows with a null frame, the frame rows with null
  // stance sums, told apart by `t`. As text: dates and numeric sums go back into SQL exactly as
  // they came out.
  const rows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      SELECT 's' AS t, ${asText(STANCE_KEY)}, NULL AS frame, ${asText(STANCE_SUMS)}, NULL AS frame_mentions
      FROM (${stanceContribution(ids)}) c
      UNION ALL
      SELECT 'f', ${asText(STANCE_KEY)}, frame, articles::text, ${sql.raw(STANCE_SUMS.slice(1).map(() => 'NULL').join(', '))}, frame_mentions::text
      FROM (${frameContribution(ids)}) c`),
  );
  return {
    stance: rows.filter((r) => r.t === 's').map((r) => pick(r, [...STANCE_KEY, ...STANCE_SUMS])),
    frames: rows.filter((r) => r.t === 'f').map((r) => pick(r, [...FRAME_KEY, ...FRAME_SUMS])),
  };
}

const list = (cols: readonly string[]) => sql.raw(cols.join(', '));
const asText = (cols: readonly string[]) => sql.raw(cols.map((c) => `${c}::text AS ${c}`).join(', '));

/**
 * `INSERT ... ON CONFLICT` of (new contribution - old) per key. Keys whose difference is zero are
 * left alone (a redelivered job writes nothing), and rows are written in key order so that
 * concurrent writers take the row locks in the same order.
 */
function upsertDelta(
  table: 'stance_rollups' | 'frame_rollups',
  key: readonly string[],
  sums: readonly string[],
  fresh: SQL,
  old: Record<string, unknown>[],
): SQL {
  const recordType = sql.raw(
    [...key.map((k) => `${k} ${KEY_TYPES[k]}`), ...sums.map((s) => `${s} numeric`)].join(', '),
  );
  const negated = sql.raw([...key, ...sums.map((s) => `-${s}`)].join(', '));
  const summed = sql.raw(sums.map((s) => `sum(${s}) AS ${s}`).join(', '));
  const nonZero = sql.raw(sums.map((s) => `sum(${s}) <> 0`).join(' OR '));
  const update = sql.raw(sums.map((s) => `${s} = r.${s} + excluded.${s}`).join(', '));
  return sql`
    INSERT INTO ${sql.raw(table)} AS r (${list(key)}, ${list(sums)})
    SELECT ${list(key)}, ${summed}
    FROM (
      SELECT ${list(key)}, ${list(sums)} FROM (${fresh}) f
      UNION ALL
      SELECT ${negated} FROM jsonb_to_recordset(${JSON.stringify(old)}::jsonb) AS o(${recordType})
    ) d
    GROUP BY ${list(key)}
    HAVING ${nonZero}
    ORDER BY ${list(key)}
    ON CONFLICT (${list(key)}) DO UPDATE SET ${update}
    RETURNING ${asText(key)}, r.articles`;
}

/** Deletes rows whose articles all left (only among the keys just written, which this tx holds). */
async function dropEmpty(tx: Tx, table: string, key: readonly string[], empty: Record<string, unknown>[]) {
  if (empty.length === 0) return;
  const recordType = sql.raw(key.map((k) => `${k} ${KEY_TYPES[k]}`).join(', '));
  await tx.execute(sql`
    DELETE FROM ${sql.raw(table)} t
    USING jsonb_to_recordset(${JSON.stringify(empty)}::jsonb) AS e(${recordType})
    WHERE ${sql.raw(key.map((k) => `t.${k} = e.${k}`).join(' AND '))} AND t.articles = 0`);
}

/**
 * Adds what the articles contribute now minus what they contributed before (`old`, from
 * readContribution earlier in the same transaction) to the rollups: both tables in one statement,
 * which returns only the keys left without articles (usually none).
 */
export async function applyContribution(tx: Tx, ids: string[], old: Contribution): Promise<void> {
  if (ids.length === 0) return;
  const empty = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      WITH s AS (${upsertDelta('stance_rollups', STANCE_KEY, STANCE_SUMS, stanceContribution(ids), old.stance)}),
           f AS (${upsertDelta('frame_rollups', FRAME_KEY, FRAME_SUMS, frameContribution(ids), old.frames)})
      SELECT 's' AS t, ${list(STANCE_KEY)}, NULL AS frame FROM s WHERE articles = 0
      UNION ALL
      SELECT 'f', ${list(FRAME_KEY)} FROM f WHERE articles = 0`),
  );
  await dropEmpty(tx, 'stance_rollups', STANCE_KEY, empty.filter((r) => r.t === 's').map((r) => pick(r, STANCE_KEY)));
  await dropEmpty(tx, 'frame_rollups', FRAME_KEY, empty.filter((r) => r.t === 'f').map((r) => pick(r, FRAME_KEY)));
}

/**
 * Recomputes both rollup tables from the analyses. Writers wait meanwhile (the tables are
 * locked) and apply their own difference afterwards, so nothing is lost or counted twice.
 * Returns the number of rows written.
 */
export async function rebuildRollups(
  db: Db,
  opts: { onStep?: (done: number, total: number) => void } = {},
): Promise<{ stance: number; frames: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE stance_rollups, frame_rollups IN ACCESS EXCLUSIVE MODE`);
    await tx.execute(sql`TRUNCATE stance_rollups, frame_rollups`);
    // One big grouping: with the default 4 MB it spills to disk in dozens of batches.
    await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
    const insert = async (table: string, cols: readonly string[], fresh: SQL) => {
      const rows = rowsOf<{ n: number | string }>(
        await tx.execute(sql`
          WITH ins AS (INSERT INTO ${sql.raw(table)} (${list(cols)}) ${fresh} ORDER BY 1, 2, 3, 4 RETURNING 1)
          SELECT count(*) AS n FROM ins`),
      );
      return Number(rows[0]?.n ?? 0);
    };
    opts.onStep?.(0, 2);
    return withIndexesRebuilt(tx, ['stance_rollups', 'frame_rollups'], async () => {
      const stance = await insert('stance_rollups', [...STANCE_KEY, ...STANCE_SUMS], stanceContribution(undefined));
      opts.onStep?.(1, 2);
      const frames = await insert('frame_rollups', [...FRAME_KEY, ...FRAME_SUMS], frameContribution(undefined));
      opts.onStep?.(2, 2);
      return { stance, frames };
    });
  });
}

/**
 * Rows in which the stored rollups differ from a fresh computation (missing, extra or with other
 * sums): zero when incremental maintenance kept up.
 */
export async function rollupDrift(db: Db | Tx): Promise<{ stance: number; frames: number }> {
  const drift = async (table: string, key: readonly string[], sums: readonly string[], fresh: SQL) => {
    const cols = list([...key, ...sums]);
    const rows = rowsOf<{ n: number | string }>(
      await db.execute(sql`
        WITH fresh AS (${fresh}), stored AS (SELECT ${cols} FROM ${sql.raw(table)})
        SELECT count(*) AS n FROM (
          (SELECT ${cols} FROM fresh EXCEPT SELECT ${cols} FROM stored)
          UNION ALL
          (SELECT ${cols} FROM stored EXCEPT SELECT ${cols} FROM fresh)
        ) d`),
    );
    return Number(rows[0]?.n ?? 0);
  };
  return {
    stance: await drift('stance_rollups', STANCE_KEY, STANCE_SUMS, stanceContribution(undefined)),
    frames: await drift('frame_rollups', FRAME_KEY, FRAME_SUMS, frameContribution(undefined)),
  };
}
