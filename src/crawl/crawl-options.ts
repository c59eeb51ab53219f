import type { Logger } from '../log.js';
import type { ResolveHost } from './private-network.js';
import type { Outlet, SourceValidators } from './types.js';

/** Process-wide settings of a crawl (tests, benchmarks, the demo); an outlet's own settings win. */
export interface CrawlOptions {
  log: Logger;
  /**
   * Extract articles on the extraction thread, whose own heap limits contain a pathological page.
   * Off, extraction runs on the event loop and the process saves the thread's ~130 MB: for small
   * known pages only (the offline demo). @defaultValue true
   */
  extractOnThread?: boolean;
  /** Parallel requests of this crawl. @defaultValue 4 */
  maxConcurrency?: number;
  /** Parallel requests to one host. @defaultValue 2 */
  maxConcurrencyPerHost?: number;
  /** Upper bound of requests per minute of this crawl. @defaultValue 120 */
  maxRequestsPerMinute?: number;
  /**
   * Pause between the starts of two requests to one host, in seconds; a longer robots.txt
   * Crawl-delay wins. IP-literal hosts (tests, demos) are exempt. @defaultValue 0.25
   */
  sameDomainDelaySecs?: number;
  /** The longest robots.txt Crawl-delay honoured, in seconds. @defaultValue 30 */
  maxCrawlDelaySecs?: number;
  /**
   * The longest Retry-After (429, 503) waited for, in seconds; beyond it the URL fails.
   * @defaultValue 60
   */
  maxRetryAfterSecs?: number;
  /** Time for connecting and downloading one response, in seconds. @defaultValue 30 */
  requestTimeoutSecs?: number;
  /** Retries after a retryable failure (network error, HTTP 5xx, 408, 429). @defaultValue 2 */
  maxRequestRetries?: number;
  /** Redirects followed per request. @defaultValue 5 */
  maxRedirects?: number;
  /** Bodies above this size are cut off and recorded as too large. @defaultValue 10 MiB */
  maxResponseBytes?: number;
  /**
   * User-Agent with a contact URL; an outlet's own `userAgent` wins.
   * @defaultValue `USER_AGENT` of navigation.ts
   */
  userAgent?: string;
  /** Resolves host names (split-horizon DNS, tests); the system resolver by default. */
  resolveHost?: ResolveHost;
  /**
   * The Chromium that `render: browser` outlets are fetched with.
   * @defaultValue `/usr/bin/chromium` (Debian's chromium package)
   */
  chromiumPath?: string;
  /** The crawl's clock, for maxAge and for dates pages may claim. @defaultValue now */
  now?: Date;
  /**
   * ETag and Last-Modified of feeds and sitemaps from their last fetch, by URL: sent as
   * If-None-Match / If-Modified-Since, so an unchanged feed answers 304 and is not parsed again.
   */
  validators?: ReadonlyMap<string, SourceValidators>;
  /** Listed feeds and sitemaps not to read in this crawl (disabled after repeated failures). */
  skipSources?: ReadonlySet<string>;
}

/**
 * The crawl options with the outlet's own settings over them: the config file speaks for one
 * outlet, the options for the whole process (tests, benchmarks, the demo).
 */
export function withOutletOptions(outlet: Outlet, opts: CrawlOptions): CrawlOptions {
  const secs = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);
  const own: Partial<CrawlOptions> = {
    maxConcurrency: outlet.maxConcurrency,
    maxConcurrencyPerHost: outlet.maxConcurrencyPerHost,
    maxRequestsPerMinute: outlet.maxRequestsPerMinute,
    sameDomainDelaySecs: secs(outlet.hostDelay),
    maxCrawlDelaySecs: secs(outlet.maxCrawlDelay),
    maxRetryAfterSecs: secs(outlet.maxRetryAfter),
    requestTimeoutSecs: secs(outlet.requestTimeout),
    maxRequestRetries: outlet.maxRetries,
    maxRedirects: outlet.maxRedirects,
    maxResponseBytes: outlet.maxResponseSize,
    userAgent: outlet.userAgent,
  };
  const merged: CrawlOptions = { ...opts };
  for (const [key, value] of Object.entries(own) as [keyof CrawlOptions, unknown][]) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
}
