import type { Outlet } from '../config/index.js';

export type { Outlet };

/** An extracted article page, ready to be stored. */
export interface ArticleCandidate {
  outletId: string;
  /** The URL that was fetched (after redirects). */
  url: string;
  /** rel=canonical or og:url when present and on http(s), else the fetched URL, normalised. */
  canonicalUrl: string;
  title: string;
  text: string;
  author: string | null;
  publishedAt: Date | null;
  language: string | null;
}

export type CrawlStage = 'homepage' | 'feed' | 'page';

/** Something that went wrong with one URL; the crawl goes on. */
export interface CrawlFailure {
  url: string;
  stage: CrawlStage;
  reason: string;
  status?: number;
}

/** What the crawl needs from the rest of the system, injected so crawl/ stays free of storage. */
export interface CrawlHooks {
  /** Of these canonical or fetched URLs, the ones already stored (they are not fetched again). */
  knownUrls(urls: string[]): Promise<Set<string>>;
  onArticle(article: ArticleCandidate): Promise<void>;
  onFailure(failure: CrawlFailure): Promise<void>;
}

export interface CrawlSummary {
  feedsRead: number;
  discovered: number;
  fetched: number;
  articles: number;
  failures: number;
}
