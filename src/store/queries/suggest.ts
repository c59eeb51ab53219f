import { archiveFilters, articlePages } from './article-pages.js';
import type { Db } from '../client.js';
import { articleTexts, articles } from '../schema/index.js';

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
  yield* articlePages<ArticleText>(
    db,
    { id: articles.id, outletId: articles.outletId, title: articles.title, text: articleTexts.text },
    archiveFilters(q),
    pageSize,
    true,
  );
}
