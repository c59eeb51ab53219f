import {
  CheerioCrawler,
  Configuration,
  LogLevel,
  MemoryStorage,
  type CheerioCrawlingContext,
  type RequestOptions,
} from 'crawlee';
import type { Logger } from '../log.js';
import { crawleeLogFor } from './crawlee-log.js';
import { describeFailure } from './failure.js';
import {
  handleRequest,
  LABEL,
  newCrawlRun,
  reportFailure,
  stageOf,
  type CrawlRun,
} from './handlers.js';
import { afterResponse, beforeRequest } from './navigation.js';
import type { CrawlHooks, CrawlSummary, Outlet } from './types.js';

export interface CrawlOptions {
  log: Logger;
  /** Parallel requests of this crawl. @defaultValue 4 */
  maxConcurrency?: number;
  /** Upper bound of requests per minute of this crawl. @defaultValue 120 */
  maxRequestsPerMinute?: number;
  /** Pause between two requests to one domain, in seconds (IP hosts exempt). @defaultValue 0.25 */
  sameDomainDelaySecs?: number;
  /** Time for connecting and downloading one response, in seconds. @defaultValue 30 */
  requestTimeoutSecs?: number;
  /** Retries after a retryable failure (network error, HTTP 5xx, 408, 429). @defaultValue 2 */
  maxRequestRetries?: number;
}

/**
 * Crawls one outlet once: reads its feeds (or, without feeds, its homepage), skips the article
 * URLs that `hooks.knownUrls` reports as stored, fetches at most `outlet.maxArticlesPerCrawl`
 * article pages and hands each extracted article to `hooks.onArticle`.
 *
 * A URL that fails (HTTP error, wrong content type, not a feed, no article text, network error,
 * private address) goes to `hooks.onFailure` and the crawl goes on; the promise rejects only when
 * a hook itself throws from the failure path. Each call has its own in-memory request queue, so
 * crawls can run concurrently and nothing is written to disk.
 *
 * Summary: `discovered` counts the distinct article URLs found, `fetched` those requested from the
 * outlet, `failures` the URLs of any stage that failed.
 */
export async function crawlOutlet(
  outlet: Outlet,
  hooks: CrawlHooks,
  opts: CrawlOptions,
): Promise<CrawlSummary> {
  const log = opts.log.child({ module: 'crawl', outletId: outlet.id });
  const run = newCrawlRun(outlet, hooks, log);
  const crawler = buildCrawler(run, opts);
  const started = Date.now();
  await crawler.run(startRequests(outlet));
  run.summary.fetched = run.requested.size;
  log.info({ ...run.summary, ms: Date.now() - started }, 'outlet crawled');
  return run.summary;
}

function startRequests(outlet: Outlet): RequestOptions[] {
  if (outlet.feeds.length === 0) return [{ url: outlet.homepage, label: LABEL.homepage }];
  return outlet.feeds.map((url) => ({ url, uniqueKey: `feed ${url}`, label: LABEL.feed }));
}

function buildCrawler(run: CrawlRun, opts: CrawlOptions): CheerioCrawler {
  return new CheerioCrawler(
    {
      requestHandler: (ctx) => handleRequest(run, ctx),
      failedRequestHandler: (ctx, error) => reportFailedRequest(run, ctx, error),
      preNavigationHooks: [(ctx, gotOptions) => beforeRequest(run, ctx, gotOptions)],
      postNavigationHooks: [afterResponse],
      // Content types are checked per label in afterResponse, with our own wording.
      additionalMimeTypes: ['*/*'],
      maxConcurrency: opts.maxConcurrency ?? 4,
      maxRequestsPerMinute: opts.maxRequestsPerMinute ?? 120,
      sameDomainDelaySecs: opts.sameDomainDelaySecs ?? 0.25,
      maxRequestRetries: opts.maxRequestRetries ?? 2,
      navigationTimeoutSecs: opts.requestTimeoutSecs ?? 30,
      requestHandlerTimeoutSecs: 60,
      // Crawlee's default is to accept any certificate.
      ignoreSslErrors: false,
      // Sessions exist to rotate identities around blocking; we crawl openly under one name.
      useSessionPool: false,
      log: crawleeLogFor(run.log),
    },
    isolatedConfiguration(),
  );
}

/** Called by Crawlee once a request has failed for good: after its retries, or at once. */
async function reportFailedRequest(
  run: CrawlRun,
  { request, response }: CheerioCrawlingContext,
  error: Error,
): Promise<void> {
  // No response when the failure came before one (refused address, connection error).
  const status = response?.statusCode;
  await reportFailure(run, {
    url: request.url,
    stage: stageOf(request.label),
    reason: describeFailure(error),
    ...(status === undefined ? {} : { status }),
  });
}

/**
 * A configuration of our own with a fresh in-memory storage client: concurrent crawls must not
 * share the default request queue, and workers must not write a ./storage folder. The log level
 * quiets Crawlee's global logger (used by its storages and autoscaling); CRAWLEE_LOG_LEVEL still
 * wins, because Configuration reads the environment first.
 */
function isolatedConfiguration(): Configuration {
  return new Configuration({
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
    persistStorage: false,
    purgeOnStart: true,
    logLevel: LogLevel.WARNING,
  });
}
