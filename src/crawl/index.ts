export { crawlOutlet, type CrawlOptions } from './crawl-outlet.js';
export { extractArticle, MIN_ARTICLE_CHARS, type ExtractedArticle } from './extract.js';
export { parseFeed, type FeedEntry } from './feed.js';
export { normalizeUrl } from './url.js';
export { USER_AGENT } from './navigation.js';
export type {
  ArticleCandidate,
  CrawlFailure,
  CrawlHooks,
  CrawlStage,
  CrawlSummary,
  Outlet,
} from './types.js';
