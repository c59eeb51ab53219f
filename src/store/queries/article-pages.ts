import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';
import { articleTexts, articles } from '../schema/index.js';

/** Joins an article to its text: the row of its own month's partition (none once pruned). */
export const textOfArticle = and(eq(articleTexts.articleId, articles.id), eq(articleTexts.month, articles.month));

/** Filters shared by the readers that walk the archive: a start day and some outlets. */
export function archiveFilters(q: { since?: Date; outletIds?: readonly string[] }): SQL[] {
  const filters: SQL[] = [];
  if (q.since) filters.push(sql`coalesce(${articles.publishedAt}, ${articles.fetchedAt}) >= ${q.since.toISOString()}::timestamptz`);
  if (q.outletIds && q.outletIds.length > 0) filters.push(inArray(articles.outletId, [...q.outletIds]));
  return filters;
}

/**
 * Articles matching `filters` in pages of `pageSize`, keyed on the id (keyset paging: each page
 * starts after the last id, so its cost does not grow with the offset, and a page the caller acts
 * on before asking for the next cannot shift the pages after it).
 */
export async function* articlePages<T extends { id: string }>(
  db: Db,
  columns: Record<keyof T & string, PgColumn>,
  filters: readonly (SQL | undefined)[],
  pageSize: number,
  /** Read the text too (columns may name articleTexts.text); articles whose text was pruned are left out. */
  withText = false,
): AsyncGenerator<T[]> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a positive integer (got ${pageSize})`);
  let after: string | undefined;
  for (;;) {
    // The caller names the columns of T, so the rows are T's.
    const query = db.select(columns).from(articles);
    const joined = withText
      ? query.innerJoin(articleTexts, textOfArticle)
      : query;
    const rows = (await joined
      .where(and(...filters, after === undefined ? undefined : gt(articles.id, after)))
      .orderBy(asc(articles.id))
      .limit(pageSize)) as unknown as T[];
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)?.id;
    if (rows.length < pageSize) return;
  }
}
