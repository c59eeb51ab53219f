import { and, count, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { archiveFilters, articlePages } from './article-pages.js';
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
  /** Leave out articles recorded as not to analyse (`analysis_skipped_reason`): the reconciler's view. */
  excludeSkipped?: boolean;
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

function candidateFilters(q: ReanalysisQuery): (SQL | undefined)[] {
  const filters: (SQL | undefined)[] = archiveFilters(q);
  if (!q.all) filters.push(or(isNull(articles.analyzerVersion), ne(articles.analyzerVersion, q.analyzerVersion)));
  // By primary subtag, as the analyze stage reads them (analysis-policy.ts): "en-GB" is English.
  if (q.languages) {
    const primary = sql`lower(split_part(replace(btrim(${articles.language}), '_', '-'), '-', 1))`;
    filters.push(or(isNull(articles.language), sql`btrim(${articles.language}) = ''`, inArray(primary, q.languages.map((l) => l.toLowerCase()))));
  }
  if (q.excludeSkipped) filters.push(isNull(articles.analysisSkippedReason));
  return filters;
}

/** How many articles `reanalysisCandidates` would yield now (a progress total; the unanalysed backlog of `status`). */
export async function countReanalysisCandidates(db: Db, q: ReanalysisQuery): Promise<number> {
  const [row] = await db.select({ n: count() }).from(articles).where(and(...candidateFilters(q)));
  return Number(row?.n ?? 0);
}

/**
 * Articles to analyse again, in pages keyed on the id (keyset paging: a page that the caller
 * analyses before asking for the next one cannot shift the pages after it).
 */
export async function* reanalysisCandidates(db: Db, q: ReanalysisQuery): AsyncGenerator<ReanalysisCandidate[]> {
  const pageSize = q.pageSize ?? 500;
  const filters = candidateFilters(q);
  yield* articlePages<ReanalysisCandidate>(
    db,
    {
      id: articles.id,
      outletId: articles.outletId,
      contentHash: articles.contentHash,
      analyzerVersion: articles.analyzerVersion,
      analyzedAt: articles.analyzedAt,
    },
    filters,
    pageSize,
  );
}
