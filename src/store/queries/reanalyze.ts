import { and, asc, gt, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { articles } from '../schema/index.js';

export interface ReanalysisQuery {
  /** Articles whose current analysis is not of this version (all articles with `all`). */
  analyzerVersion: string;
  all?: boolean;
  /** Only articles published on or after this instant (fetched, when the date is unknown). */
  since?: Date;
  outletIds?: readonly string[];
  /** Only these languages, plus articles of unknown language; all languages when absent. */
  languages?: readonly string[];
  /** Rows per round trip (default 500). */
  pageSize?: number;
}

/** What a reanalysis job needs to know of one article. */
export interface ReanalysisCandidate {
  id: string;
  outletId: string;
  contentHash: string;
  analyzerVersion: string | null;
  analyzedAt: Date | null;
}

/**
 * Articles to analyse again, in pages keyed on the id (keyset paging: a page that the caller
 * analyses before asking for the next one cannot shift the pages after it).
 */
export async function* reanalysisCandidates(db: Db, q: ReanalysisQuery): AsyncGenerator<ReanalysisCandidate[]> {
  const pageSize = q.pageSize ?? 500;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a positive integer (got ${pageSize})`);
  const filters: (SQL | undefined)[] = [];
  if (!q.all) filters.push(or(isNull(articles.analyzerVersion), ne(articles.analyzerVersion, q.analyzerVersion)));
  if (q.since) filters.push(sql`coalesce(${articles.publishedAt}, ${articles.fetchedAt}) >= ${q.since.toISOString()}::timestamptz`);
  if (q.outletIds && q.outletIds.length > 0) filters.push(inArray(articles.outletId, [...q.outletIds]));
  if (q.languages) filters.push(or(isNull(articles.language), inArray(articles.language, [...q.languages])));
  let after: string | undefined;
  for (;;) {
    const rows = await db
      .select({
        id: articles.id,
        outletId: articles.outletId,
        contentHash: articles.contentHash,
        analyzerVersion: articles.analyzerVersion,
        analyzedAt: articles.analyzedAt,
      })
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
