import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { crawlFailures, crawlRuns } from '../schema/index.js';

export interface CrawlRunTotals {
  feedsRead: number;
  discovered: number;
  fetched: number;
  articles: number;
  failures: number;
}

/** Opens (or, for a redelivered job, reopens) the crawl-run row. */
export async function startCrawlRun(
  db: Db,
  run: { id: string; outletId: string; trigger: string; startedAt?: Date },
): Promise<void> {
  const startedAt = run.startedAt ?? new Date();
  await db
    .insert(crawlRuns)
    .values({ id: run.id, outletId: run.outletId, trigger: run.trigger, status: 'running', startedAt })
    .onConflictDoUpdate({
      target: crawlRuns.id,
      set: { status: 'running', startedAt, finishedAt: null, error: null },
    });
}

/** Records why one URL failed; the same failure recorded twice stays one row. */
export async function recordCrawlFailure(
  db: Db,
  f: { runId: string; url: string; stage: string; reason: string; status?: number | undefined },
): Promise<void> {
  await db
    .insert(crawlFailures)
    .values({ runId: f.runId, url: f.url, stage: f.stage, reason: f.reason, status: f.status ?? null })
    .onConflictDoUpdate({
      target: [crawlFailures.runId, crawlFailures.url, crawlFailures.stage],
      set: { reason: f.reason, status: f.status ?? null, at: sql`now()` },
    });
}

/** Closes the run: ok, partial (some URLs failed) or failed (nothing could be read). */
export async function finishCrawlRun(
  db: Db,
  id: string,
  totals: CrawlRunTotals,
  error?: string,
): Promise<void> {
  const status =
    error !== undefined || (totals.failures > 0 && totals.fetched === 0 && totals.feedsRead === 0)
      ? 'failed'
      : totals.failures > 0
        ? 'partial'
        : 'ok';
  await db
    .update(crawlRuns)
    .set({ ...totals, status, finishedAt: new Date(), error: error ?? null })
    .where(eq(crawlRuns.id, id));
}

export type CrawlRun = typeof crawlRuns.$inferSelect;
export type CrawlFailureRow = typeof crawlFailures.$inferSelect;

export async function listCrawlFailures(db: Db, runId: string): Promise<CrawlFailureRow[]> {
  return db.select().from(crawlFailures).where(eq(crawlFailures.runId, runId));
}
