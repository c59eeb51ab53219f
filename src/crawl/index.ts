export { crawlOutlet } from './crawl-outlet.js';
export type { CrawlOptions } from './crawl-options.js';
export { extractArticle, MIN_ARTICLE_CHARS, type ExtractedArticle } from './extract.js';
export { parseFeed, type FeedEntry } from './feed.js';
export { parseSitemap, type Sitemap, type SitemapEntry } from './sitemap.js';
export { hammingDistance } from './extraction/simhash.js';
export { normalizeUrl } from './url.js';
export { USER_AGENT } from './navigation.js';
export type { ResolveHost } from './private-network.js';
export type {
  ArticleCandidate,
  CrawlFailure,
  CrawlHooks,
  CrawlStage,
  CrawlSummary,
  Outlet,
  QualityFlag,
  SourceFetch,
  SourceValidators,
} from './types.js';
export { pollBounds, nextPollInterval, MIN_POLL_MS, type PollBounds } from './poll-interval.js';
export { probeSite, sampleArticles, type ProbeOptions, type SampledArticle, type SiteProbe } from './site-probe.js';
