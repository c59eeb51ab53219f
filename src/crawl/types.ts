import type { Outlet } from '../config/index.js';
import type { QualityFlag } from './extraction/quality.js';

export type { Outlet, QualityFlag };

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
  /** Every author named, in page order (`author` joins them with ", "). */
  authors?: string[];
  /** Last modification in UTC, when the page says; never before `publishedAt`. */
  modifiedAt?: Date | null;
  /** The site's own section name ("Politics"), from JSON-LD or meta tags. */
  section?: string | null;
  /**
   * Reasons to doubt that `text` is the whole story: `too-short`, `paywall-teaser`,
   * `needs-javascript`, `leaked-boilerplate`, `text-from-json-ld`. Empty when clean.
   */
  qualityFlags?: QualityFlag[];
  /** 64-bit SimHash of `text` as 16 hex digits; near-duplicates differ in few bits. */
  simhash?: string;
}

/** Homepage and section pages are `homepage`; robots.txt problems are never failures. */
export type CrawlStage = 'homepage' | 'feed' | 'sitemap' | 'page';

/** Something that went wrong with one URL; the crawl goes on. */
export interface CrawlFailure {
  url: string;
  stage: CrawlStage;
  reason: string;
  status?: number;
}

/** What the last fetch of a feed or sitemap answered, sent back for a conditional GET. */
export interface SourceValidators {
  etag?: string;
  lastModified?: string;
}

/** A feed or sitemap read (or found unchanged: 304) in this crawl. */
export interface SourceFetch extends SourceValidators {
  url: string;
  stage: 'feed' | 'sitemap';
  status: number;
  /** The server answered 304 Not Modified to our validators: nothing was parsed. */
  notModified: boolean;
  /** Entries listed, and those queued as articles not stored before. */
  entries: number;
  newEntries: number;
}

/** What the crawl needs from the rest of the system, injected so crawl/ stays free of storage. */
export interface CrawlHooks {
  /** Of these canonical or fetched URLs, the ones already stored (they are not fetched again). */
  knownUrls(urls: string[]): Promise<Set<string>>;
  onArticle(article: ArticleCandidate): Promise<void>;
  onFailure(failure: CrawlFailure): Promise<void>;
  /** A feed or sitemap was fetched: its status and validators, for the next conditional GET. */
  onSourceFetched?(fetch: SourceFetch): Promise<void>;
}

export interface CrawlSummary {
  feedsRead: number;
  discovered: number;
  fetched: number;
  articles: number;
  failures: number;
}
