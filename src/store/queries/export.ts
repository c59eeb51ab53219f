import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { rowsOf } from './trends.js';

/** The analysts' views and the time column that `--since`/`--until` filter on. */
export const ANALYST_VIEWS = {
  v_article_stance: 'published_at',
  v_stance_daily: 'period',
  v_stance_weekly: 'period',
  v_stance_monthly: 'period',
  v_stance_daily_all: 'period',
  v_stance_weekly_all: 'period',
  v_stance_monthly_all: 'period',
  v_actor_stance_daily: 'period',
  v_actor_stance_weekly: 'period',
  v_actor_stance_monthly: 'period',
  v_frame_shares_daily: 'period',
  v_frame_shares_weekly: 'period',
  v_frame_shares_monthly: 'period',
  v_mentions: 'published_at',
  v_articles: 'published_at',
  v_attributions: 'published_at',
  v_sources: 'published_at',
  v_sources_weekly: 'period',
  v_alerts: 'detected_at',
  v_outlet_coverage: 'day',
  v_story_stance: 'published_at',
  v_story_stance_daily: 'period',
  v_story_stance_weekly: 'period',
  v_story_stance_monthly: 'period',
  v_crawl_failures: 'at',
} as const;
export type AnalystView = keyof typeof ANALYST_VIEWS;

export function isAnalystView(name: string): name is AnalystView {
  return Object.hasOwn(ANALYST_VIEWS, name);
}

export interface ViewColumn {
  name: string;
  /** information_schema data_type, e.g. "integer", "timestamp with time zone", "jsonb". */
  type: string;
}

/** A view's columns in order, as the database describes them. */
export async function viewColumns(db: Db, view: AnalystView): Promise<ViewColumn[]> {
  const rows = rowsOf<{ column_name: string; data_type: string }>(
    await db.execute(sql`
      SELECT column_name, data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${view}
      ORDER BY ordinal_position`),
  );
  return rows.map((r) => ({ name: r.column_name, type: r.data_type }));
}

export interface ExportRange {
  /** Rows whose time column is on or after this day (UTC), e.g. 2026-08-03. */
  since?: string;
  /** Rows whose time column is before the end of this day. */
  until?: string;
}

/**
 * Reads a view oldest first in batches through a server-side cursor, so an export of millions of
 * rows never holds them all; `onBatch` is awaited before the next batch is fetched.
 */
export async function exportView(
  db: Db,
  view: AnalystView,
  range: ExportRange,
  onBatch: (rows: Record<string, unknown>[]) => Promise<void>,
  batchSize = 5_000,
): Promise<number> {
  const time = sql.raw(ANALYST_VIEWS[view]);
  const where = [sql`true`];
  if (range.since !== undefined) where.push(sql`${time} >= ${range.since}::date`);
  if (range.until !== undefined) where.push(sql`${time} < ${range.until}::date + 1`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      DECLARE sw_export NO SCROLL CURSOR FOR
      SELECT * FROM ${sql.raw(view)} WHERE ${sql.join(where, sql` AND `)} ORDER BY ${time}`);
    let total = 0;
    for (;;) {
      const rows = rowsOf<Record<string, unknown>>(await tx.execute(sql.raw(`FETCH ${batchSize} FROM sw_export`)));
      if (rows.length === 0) break;
      total += rows.length;
      await onBatch(rows);
    }
    await tx.execute(sql`CLOSE sw_export`);
    return total;
  });
}
