import robotsParserModule from 'robots-parser';
import { resolveHttpUrl } from './url.js';

// The package's typings declare an ES default export, but it is CommonJS whose module.exports is
// the function itself, which is what a default import gives at run time.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** What a host's robots.txt says to us. */
export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay for our agent (or `*`), in seconds. */
  crawlDelaySecs: number | undefined;
  /** Sitemap URLs the file lists, absolute. */
  sitemaps: string[];
}

/** Rules for a host whose robots.txt is missing or could not be fetched: everything allowed. */
export const ALLOW_ALL: RobotsRules = {
  isAllowed: () => true,
  crawlDelaySecs: undefined,
  sitemaps: [],
};

/** The robots.txt URL that governs `url`: same scheme, host and port. */
export function robotsUrlFor(url: string): string {
  return new URL('/robots.txt', url).href;
}

/** The origin whose robots.txt governs `url`, as a cache key. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * Parses a robots.txt for our `userAgent` (its product token, `stancewatch` for
 * `stancewatch/0.1 (+https://...)`, is matched against the groups; `*` applies otherwise).
 */
export function parseRobots(robotsUrl: string, body: string, userAgent: string): RobotsRules {
  const robots = robotsParser(robotsUrl, body);
  const delay = robots.getCrawlDelay(userAgent);
  return {
    // undefined means the URL is on another host, which this file does not govern.
    isAllowed: (url) => robots.isAllowed(url, userAgent) !== false,
    crawlDelaySecs: delay !== undefined && Number.isFinite(delay) && delay > 0 ? delay : undefined,
    // Sitemap lines should be absolute, but relative ones are common.
    sitemaps: robots.getSitemaps().flatMap((href) => resolveHttpUrl(href, robotsUrl) ?? []),
  };
}
