import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { feeds, outlets } from '../schema/index.js';
import { rowsOf } from './trends.js';

export type FeedRow = typeof feeds.$inferSelect;

/** The listed feeds and sitemaps of an outlet with their fetch state. */
export async function loadFeedStates(db: Db, outletId: string): Promise<FeedRow[]> {
  return db.select().from(feeds).where(eq(feeds.outletId, outletId)).orderBy(feeds.url);
}

/**
 * A successful fetch (200, or 304 Not Modified) of a listed source: its validators for the next
 * conditional GET, its status, the failure count back to zero. A redelivered crawl job writes the
 * same values again.
 */
export async function recordFeedFetch(
  db: Db,
  f: { outletId: string; url: string; runId: string; status: number; etag?: string; lastModified?: string; newEntries: number; at?: Date },
): Promise<void> {
  const at = f.at ?? new Date();
  await db
    .update(feeds)
    .set({
      etag: f.etag ?? null,
      lastModified: f.lastModified ?? null,
      lastStatus: f.status,
      lastError: null,
      lastFetchedAt: at,
      consecutiveFailures: 0,
      lastRunId: f.runId,
      ...(f.newEntries > 0 && { lastNewArticlesAt: at }),
    })
    .where(and(eq(feeds.outletId, f.outletId), eq(feeds.url, f.url)));
}

/**
 * A failed fetch of a listed source: one more failure in a row (once per crawl run, so a
 * redelivered job does not count twice), and at `maxFailures` the source is disabled with the
 * reason. Returns whether it is disabled now.
 */
export async function recordFeedFailure(
  db: Db,
  f: { outletId: string; url: string; runId: string; status?: number; reason: string; maxFailures: number; at?: Date },
): Promise<{ failures: number; disabled: boolean }> {
  const at = f.at ?? new Date();
  const rows = rowsOf<{ failures: number; disabled: boolean }>(
    await db.execute(sql`
      UPDATE feeds SET
        consecutive_failures = CASE WHEN last_run_id IS DISTINCT FROM ${f.runId}::uuid THEN consecutive_failures + 1 ELSE consecutive_failures END,
        last_status = ${f.status ?? null}::int,
        last_error = ${f.reason},
        last_run_id = ${f.runId}::uuid,
        disabled_at = CASE
          WHEN disabled_at IS NULL AND (CASE WHEN last_run_id IS DISTINCT FROM ${f.runId}::uuid THEN consecutive_failures + 1 ELSE consecutive_failures END) >= ${f.maxFailures}
          THEN ${at.toISOString()}::timestamptz ELSE disabled_at END,
        disabled_reason = CASE
          WHEN disabled_at IS NULL AND (CASE WHEN last_run_id IS DISTINCT FROM ${f.runId}::uuid THEN consecutive_failures + 1 ELSE consecutive_failures END) >= ${f.maxFailures}
          THEN ${`failed ${f.maxFailures} crawls in a row; last: ${f.reason}`} ELSE disabled_reason END
      WHERE outlet_id = ${f.outletId} AND url = ${f.url}
      RETURNING consecutive_failures AS failures, disabled_at IS NOT NULL AS disabled`),
  );
  return rows[0] ?? { failures: 0, disabled: false };
}

/** Re-enables an outlet's disabled sources (all, or the one URL): the failure count starts again. */
export async function enableFeeds(db: Db, outletId: string, url?: string): Promise<string[]> {
  const where = url === undefined ? eq(feeds.outletId, outletId) : and(eq(feeds.outletId, outletId), eq(feeds.url, url));
  const rows = await db
    .update(feeds)
    .set({ disabledAt: null, disabledReason: null, consecutiveFailures: 0 })
    .where(and(where, sql`${feeds.disabledAt} IS NOT NULL`))
    .returning({ url: feeds.url });
  return rows.map((r) => r.url);
}

/** After a crawl: when it ran, whether it stored new articles, and the outlet's next interval. */
export async function recordOutletCrawl(
  db: Db,
  o: { outletId: string; at: Date; newArticles: number; pollIntervalMs: number | null },
): Promise<void> {
  await db
    .update(outlets)
    .set({
      lastCrawlAt: o.at,
      pollIntervalMs: o.pollIntervalMs,
      ...(o.newArticles > 0 && { lastNewArticlesAt: o.at }),
    })
    .where(eq(outlets.id, o.outletId));
}

/** Each outlet's current polling interval, where adaptive polling set one. */
export async function pollIntervals(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: outlets.id, ms: outlets.pollIntervalMs })
    .from(outlets)
    .where(sql`${outlets.pollIntervalMs} IS NOT NULL`);
  return new Map(rows.map((r) => [r.id, r.ms!]));
}

export interface OutletStatusRow {
  outletId: string;
  name: string;
  lastCrawlAt: Date | null;
  lastCrawlStatus: string | null;
  lastNewArticlesAt: Date | null;
  pollIntervalMs: number | null;
  articles: number;
  flagged: number;
  skipped: number;
  feeds: {
    url: string;
    kind: string;
    lastFetchedAt: Date | null;
    lastStatus: number | null;
    lastError: string | null;
    consecutiveFailures: number;
    disabledAt: Date | null;
    disabledReason: string | null;
    lastNewArticlesAt: Date | null;
  }[];
}

const asDate = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

/** Per outlet: the last crawl, polling interval, articles stored, and each listed source's state. */
export async function outletStatus(db: Db, outletIds?: string[]): Promise<OutletStatusRow[]> {
  const filter = outletIds === undefined ? sql`` : sql`WHERE o.id IN (SELECT jsonb_array_elements_text(${JSON.stringify(outletIds)}::jsonb))`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT o.id, o.name, o.last_crawl_at, o.last_new_articles_at, o.poll_interval_ms,
             (SELECT r.status FROM crawl_runs r WHERE r.outlet_id = o.id ORDER BY r.started_at DESC LIMIT 1) AS last_crawl_status,
             (SELECT r.started_at FROM crawl_runs r WHERE r.outlet_id = o.id ORDER BY r.started_at DESC LIMIT 1) AS last_run_at,
             (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id)::int AS articles,
             (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id AND a.excluded_from_trends)::int AS flagged,
             (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id AND a.analysis_skipped_reason IS NOT NULL)::int AS skipped
      FROM outlets o ${filter}
      ORDER BY o.id`),
  );
  const sources = await db.select().from(feeds).orderBy(feeds.outletId, feeds.kind, feeds.url);
  return rows.map((r) => ({
    outletId: String(r.id),
    name: String(r.name),
    lastCrawlAt: asDate(r.last_crawl_at) ?? asDate(r.last_run_at),
    lastCrawlStatus: (r.last_crawl_status as string | null) ?? null,
    lastNewArticlesAt: asDate(r.last_new_articles_at),
    pollIntervalMs: r.poll_interval_ms === null ? null : Number(r.poll_interval_ms),
    articles: Number(r.articles),
    flagged: Number(r.flagged),
    skipped: Number(r.skipped),
    feeds: sources
      .filter((f) => f.outletId === r.id)
      .map((f) => ({
        url: f.url,
        kind: f.kind,
        lastFetchedAt: f.lastFetchedAt,
        lastStatus: f.lastStatus,
        lastError: f.lastError,
        consecutiveFailures: f.consecutiveFailures,
        disabledAt: f.disabledAt,
        disabledReason: f.disabledReason,
        lastNewArticlesAt: f.lastNewArticlesAt,
      })),
  }));
}
