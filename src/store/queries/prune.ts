import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { forgetPartitions, type MonthlyTable } from './partitions.js';
import { rowsOf } from './trends.js';

export interface PruneRequest {
  /** Drop the text of articles published before this instant. */
  textBefore?: Date;
  /** Drop the mention rows (sentences' offsets, cues) of articles published before this instant. */
  mentionsBefore?: Date;
  /** Report what would go without dropping anything. */
  dryRun?: boolean;
}

export interface PrunedPart {
  table: MonthlyTable;
  /** First day of the month (UTC). */
  month: string;
  /** `dropped`: the whole month's partition; `deleted`: the older rows of a month that straddles the cut. */
  action: 'dropped' | 'deleted';
  rows: number;
  /** Disk space of the dropped partition (a delete returns its space to the table, not the disk). */
  bytes: number;
}

interface Partition {
  name: string;
  month: string;
}

/** The monthly partitions of `table`, oldest first, as sw_ensure_partition names them. */
async function partitionsOf(db: Db, table: MonthlyTable): Promise<Partition[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      SELECT c.relname AS name FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
      JOIN pg_class p ON p.oid = i.inhparent
      WHERE p.relname = ${table} ORDER BY 1`),
  );
  const pattern = new RegExp(`^${table}_p(\\d{4})(\\d{2})$`);
  return rows.flatMap((r) => {
    const m = pattern.exec(r.name);
    return m ? [{ name: r.name, month: `${m[1]}-${m[2]}-01` }] : [];
  });
}

const nextMonth = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d;
};

async function count(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: number | string }>(await db.execute(query))[0]?.n ?? 0);
}

/**
 * Drops the months of `table` that end before `before` whole (DROP TABLE of the partition: the
 * space goes back to the disk at once, with no dead rows left to vacuum), then deletes the older
 * rows of the month the cut falls in. Articles, article-level stance, rollups and alerts stay.
 */
async function pruneTable(db: Db, table: MonthlyTable, before: Date, dryRun: boolean): Promise<PrunedPart[]> {
  const out: PrunedPart[] = [];
  for (const p of await partitionsOf(db, table)) {
    const end = nextMonth(p.month);
    const ident = sql.identifier(p.name);
    if (end.getTime() <= before.getTime()) {
      const rows = await count(db, sql`SELECT count(*) AS n FROM ${ident}`);
      const bytes = await count(db, sql`SELECT pg_total_relation_size(${p.name}::regclass) AS n`);
      if (!dryRun) await db.execute(sql`DROP TABLE ${ident}`);
      out.push({ table, month: p.month, action: 'dropped', rows, bytes });
    } else if (new Date(`${p.month}T00:00:00Z`).getTime() < before.getTime()) {
      // The month the cut falls in: only its articles published before the cut.
      const older = sql`FROM ${ident} x USING articles a
        WHERE a.id = x.article_id AND coalesce(a.published_at, a.fetched_at) < ${before.toISOString()}::timestamptz`;
      const rows = dryRun
        ? await count(db, sql`SELECT count(*) AS n FROM ${ident} x JOIN articles a ON a.id = x.article_id
            WHERE coalesce(a.published_at, a.fetched_at) < ${before.toISOString()}::timestamptz`)
        : rowsOf<{ n: number }>(await db.execute(sql`WITH d AS (DELETE ${older} RETURNING 1) SELECT count(*)::int AS n FROM d`))[0]?.n ?? 0;
      if (rows > 0) out.push({ table, month: p.month, action: 'deleted', rows: Number(rows), bytes: 0 });
    }
  }
  return out;
}

/**
 * Retention: drops article text and mention rows of articles published before the given instants,
 * by whole monthly partitions where it can. What the trends read (articles, article_actors,
 * rollups, alerts) is never touched, so every trend view returns the same rows afterwards; an
 * article whose text is gone says so on its evidence page. Running it twice drops nothing twice.
 */
export async function pruneStorage(db: Db, req: PruneRequest): Promise<PrunedPart[]> {
  const dryRun = req.dryRun ?? false;
  const out: PrunedPart[] = [];
  if (req.textBefore) out.push(...(await pruneTable(db, 'article_texts', req.textBefore, dryRun)));
  if (req.mentionsBefore) out.push(...(await pruneTable(db, 'mentions', req.mentionsBefore, dryRun)));
  // This process may write those months again (an old article crawled anew): check before it does.
  if (!dryRun) forgetPartitions(db);
  return out;
}
