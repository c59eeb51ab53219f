import { and, asc, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { articles } from '../schema/index.js';

export interface ArticleTextQuery {
  /** Only articles published on or after this instant (fetched, when the date is unknown). */
  since?: Date;
  outletIds?: readonly string[];
  /** Rows per round trip (default 200). */
  pageSize?: number;
}

export interface ArticleText {
  id: string;
  outletId: string;
  title: string;
  text: string;
}

/**
 * Article texts in pages of `pageSize`, keyed on the id, so a large archive is read a page at a
 * time and never held in memory at once (keyset paging: each page starts after the last id, so
 * the cost does not grow with the offset as OFFSET paging's does).
 */
export async function* articleTextPages(db: Db, q: ArticleTextQuery = {}): AsyncGenerator<ArticleText[]> {
  const pageSize = q.pageSize ?? 200;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a positive integer (got ${pageSize})`);
  const filters: SQL[] = [];
  if (q.since) filters.push(sql`coalesce(${articles.publishedAt}, ${articles.fetchedAt}) >= ${q.since.toISOString()}::timestamptz`);
  if (q.outletIds && q.outletIds.length > 0) filters.push(inArray(articles.outletId, [...q.outletIds]));
  let after: string | undefined;
  for (;;) {
    const rows = await db
      .select({ id: articles.id, outletId: articles.outletId, title: articles.title, text: articles.text })
      .from(articles)
      .where(and(...filters, after === undefined ? undefined : gt(articles.id, after)))
      .orderBy(asc(articles.id))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.id;
    if (rows.length < pageSize) return;
  }
}
