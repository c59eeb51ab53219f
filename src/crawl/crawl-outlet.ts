import type { Request, RequestOptions } from 'crawlee';
import { networkPolicy, ownHostsOf } from './network-policy.js';
import { existsSync } from 'node:fs';
import type { Logger } from '../log.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from './body.js';
import { BROWSER_LABELS, DEFAULT_CHROMIUM_PATH } from './browser-labels.js';
import { isolatedConfiguration } from './crawlee-config.js';
import { crawleeLogFor } from './crawlee-log.js';
import { describeFailure } from './failure.js';
import { handleRequest } from './handlers.js';
import { HostScheduler } from './hosts.js';
import { afterResponse, beforeRequest, USER_AGENT, type FetchLimits } from './navigation.js';
import { HostGate } from './host-gate.js';
import { HostSlots, PoliteCrawler } from './polite-crawler.js';
import {
  admit,
  LABEL,
  reportFailure,
  settleRobotsAsMissing,
  stageOf,
  type CrawlRun,
  type CrawlSettings,
} from './run.js';
import type { CrawlHooks, CrawlSummary, Outlet } from './types.js';
import { withOutletOptions, type CrawlOptions } from './crawl-options.js';

/**
 * Crawls one outlet once: reads its feeds and sitemaps (or, without either, its homepage, the
 * feeds it announces and the sitemaps of its robots.txt) and its section pages, skips the article
 * URLs that `hooks.knownUrls` reports as stored, fetches at most `outlet.maxArticlesPerCrawl`
 * article pages and hands each extracted article to `hooks.onArticle`. robots.txt is honoured,
 * and each host gets its own concurrency limit, delay and Retry-After pause.
 *
 * A URL that fails (HTTP error, wrong content type, not a feed, no article text, network error,
 * private address, disallowed by robots.txt, too large) goes to `hooks.onFailure` and the crawl
 * goes on; the promise rejects only when a hook itself throws from the failure path. Each call
 * has its own in-memory request queue, so crawls can run concurrently and nothing is written to
 * disk.
 *
 * Summary: `feedsRead` counts the feeds and sitemaps read, `discovered` the distinct article URLs
 * found, `fetched` those requested from the outlet, `failures` the URLs of any stage that failed.
 */
export async function crawlOutlet(
  outlet: Outlet,
  hooks: CrawlHooks,
  opts: CrawlOptions,
): Promise<CrawlSummary> {
  const log = opts.log.child({ module: 'crawl', outletId: outlet.id });
  opts = withOutletOptions(outlet, opts);
  const limits: FetchLimits = {
    maxRedirects: opts.maxRedirects ?? 5,
    maxResponseBytes: opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    resolveHost: opts.resolveHost,
    requestTimeoutMs: (opts.requestTimeoutSecs ?? 30) * 1000,
  };
  const run = newCrawlRun(outlet, hooks, log, opts);
  const slots = new HostSlots(run.hosts);
  const started = Date.now();
  if (outlet.render === 'browser') {
    await crawlWithBrowser(run, limits, opts, slots);
  } else {
    const crawler = buildCrawler(run, limits, opts, slots);
    const gate = gateRequests(run, opts, slots, (requests) => addToQueue(crawler, requests, gate));
    await admit(run, startRequests(run, opts.skipSources));
    await crawler.run();
    if (gate.backlog > 0) log.warn({ backlog: gate.backlog }, 'crawl ended with requests never queued');
  }
  run.summary.fetched = run.requested.size;
  log.info({ ...run.summary, ms: Date.now() - started }, 'outlet crawled');
  return run.summary;
}

/** Fresh state for one crawl; `addRequests` is wired to the crawler once it exists. */
/** Outlets already warned about `allowPrivateNetwork: true` in this process (once each). */
const warnedDeprecated = new Set<string>();

function newCrawlRun(outlet: Outlet, hooks: CrawlHooks, log: Logger, opts: CrawlOptions): CrawlRun {
  const hosts = new HostScheduler({
    maxConcurrency: opts.maxConcurrencyPerHost ?? 2,
    minDelayMs: (opts.sameDomainDelaySecs ?? 0.25) * 1000,
    maxCrawlDelayMs: (opts.maxCrawlDelaySecs ?? 30) * 1000,
    maxRetryAfterMs: (opts.maxRetryAfterSecs ?? 60) * 1000,
  });
  if (outlet.allowPrivateNetwork === true && !warnedDeprecated.has(outlet.id)) {
    warnedDeprecated.add(outlet.id);
    log.warn(
      { hosts: ownHostsOf(outlet) },
      'allowPrivateNetwork: true is deprecated and now means only the outlet\'s own hosts; list the hosts or CIDR ranges it may reach instead',
    );
  }
  return {
    outlet,
    network: networkPolicy(outlet.allowPrivateNetwork, ownHostsOf(outlet)),
    hooks,
    log,
    summary: { feedsRead: 0, discovered: 0, fetched: 0, articles: 0, failures: 0 },
    settings: settingsFor(outlet, opts),
    hosts,
    addRequests: async () => undefined,
    queued: new Set(),
    requested: new Set(),
    sources: new Set(),
    robots: new Map(),
    validators: opts.validators ?? new Map(),
    sourceResponses: new Map(),
  };
}

function settingsFor(outlet: Outlet, opts: CrawlOptions): CrawlSettings {
  const now = opts.now ?? new Date();
  return {
    userAgent: outlet.userAgent ?? opts.userAgent ?? USER_AGENT,
    oldest: outlet.maxAge === undefined ? undefined : new Date(now.getTime() - outlet.maxAge),
    include: outlet.articleUrlPatterns.map((source) => new RegExp(source)),
    exclude: outlet.excludeUrlPatterns.map((source) => new RegExp(source)),
    robotsSitemaps: outlet.feeds.length === 0 && outlet.sitemaps.length === 0,
    extractOnThread: opts.extractOnThread ?? true,
    now,
  };
}

function startRequests(run: CrawlRun, skip: ReadonlySet<string> = new Set()): RequestOptions[] {
  const { outlet } = run;
  const sources = (urls: string[], label: string): RequestOptions[] =>
    urls.filter((url) => !skip.has(url)).map((url) => {
      run.sources.add(url);
      return { url, uniqueKey: `${label} ${url}`, label };
    });
  // Listed feeds or sitemaps are the outlet's own choice; the homepage is the fallback (an
  // operator who wants it as well lists it among the sections).
  const listings =
    outlet.feeds.length === 0 && outlet.sitemaps.length === 0 ? [outlet.homepage] : [];
  return [
    ...sources(outlet.feeds, LABEL.feed),
    ...sources(outlet.sitemaps, LABEL.sitemap),
    ...listings.map((url) => ({ url, label: LABEL.homepage })),
    ...outlet.sections.map((url) => ({ url, label: LABEL.section })),
  ];
}

/**
 * A `render: browser` outlet: pages (homepage, sections, articles) go to a PlaywrightCrawler,
 * feeds, sitemaps and robots.txt to the HTTP crawler. Each feeds the other (a feed queues
 * articles for the browser, an article's robots.txt is read over HTTP), so neither may stop
 * while the other can still give it work: both end once both queues are done.
 */
async function crawlWithBrowser(
  run: CrawlRun,
  limits: FetchLimits,
  opts: CrawlOptions,
  slots: HostSlots,
): Promise<void> {
  const executablePath = opts.chromiumPath ?? DEFAULT_CHROMIUM_PATH;
  const queues: { isFinished(): Promise<boolean> }[] = [];
  // Checked in turn twice: a handler of one crawler that queues work for the other has finished
  // adding it before its own request counts as done.
  const isFinished = async () => {
    for (let pass = 0; pass < 2; pass++) {
      for (const queue of queues) if (!(await queue.isFinished())) return false;
    }
    return true;
  };
  const http = buildCrawler(run, limits, opts, slots, isFinished);
  const browser = existsSync(executablePath)
    ? await (
        await import('./browser-crawler.js')
      ).buildBrowserCrawler({
        run,
        limits,
        slots,
        config: isolatedConfiguration(),
        executablePath,
        maxConcurrency: opts.maxConcurrency ?? 4,
        maxRequestsPerMinute: opts.maxRequestsPerMinute ?? 120,
        maxRequestRetries: opts.maxRequestRetries ?? 2,
        navigationTimeoutSecs: opts.requestTimeoutSecs ?? 30,
        isFinished,
        onFailed: (request, status, error) => reportFailedRequest(run, request, status, error),
      })
    : undefined;
  const forBrowser = (r: RequestOptions) => BROWSER_LABELS.has(r.label ?? LABEL.article);
  const gate = gateRequests(run, opts, slots, async (requests) => {
    const pages = requests.filter(forBrowser);
    await addToQueue(http, requests.filter((r) => !forBrowser(r)), gate);
    if (pages.length === 0) return;
    if (browser !== undefined) {
      await addToQueue(browser, pages, gate);
      return;
    }
    for (const page of pages) {
      await reportFailure(run, {
        url: page.url,
        stage: stageOf(page.label),
        reason: `render: browser needs Chromium at ${executablePath}, which is not installed`,
      });
      await gate.done(page.url);
    }
  });
  queues.push(await http.getRequestQueue());
  if (browser !== undefined) queues.push(await browser.getRequestQueue());
  await admit(run, startRequests(run, opts.skipSources));
  await Promise.all([http.run(), browser?.run()]);
}

/**
 * Routes the crawl's requests through a {@link HostGate}: at most twice the per-host concurrency
 * of each host in the crawlers' queues, the rest waiting in order until one of theirs is done.
 */
function gateRequests(
  run: CrawlRun,
  opts: CrawlOptions,
  slots: HostSlots,
  sink: (requests: RequestOptions[]) => Promise<void>,
): HostGate {
  const gate = new HostGate(2 * (opts.maxConcurrencyPerHost ?? 2), sink);
  run.addRequests = (requests) => gate.add(requests);
  slots.onDone = (url) => gate.done(url);
  return gate;
}

/** Adds requests to a crawler's queue; one it already held frees its place in the gate at once. */
async function addToQueue(
  crawler: { addRequests(requests: RequestOptions[]): Promise<{ addedRequests: { uniqueKey: string; wasAlreadyPresent: boolean }[] }> },
  requests: RequestOptions[],
  gate: HostGate,
): Promise<void> {
  if (requests.length === 0) return;
  // Keys of our own, so that what Crawlee reports back can be matched to a URL.
  const keyed = requests.map((r) => ({ ...r, uniqueKey: r.uniqueKey ?? r.url }));
  const { addedRequests } = await crawler.addRequests(keyed);
  const urlOf = new Map(keyed.map((r) => [r.uniqueKey, r.url]));
  for (const added of addedRequests) {
    const url = urlOf.get(added.uniqueKey);
    if (added.wasAlreadyPresent && url !== undefined) await gate.done(url);
  }
}

function buildCrawler(
  run: CrawlRun,
  limits: FetchLimits,
  opts: CrawlOptions,
  slots: HostSlots,
  isFinished?: () => Promise<boolean>,
): PoliteCrawler {
  return new PoliteCrawler(
    {
      requestHandler: (ctx) => handleRequest(run, ctx),
      failedRequestHandler: ({ request, response }, error) =>
        // No response when the failure came before one (refused address, connection error).
        reportFailedRequest(run, request, response?.statusCode, error),
      preNavigationHooks: [(ctx, gotOptions) => beforeRequest(run, limits, ctx, gotOptions)],
      postNavigationHooks: [(ctx) => afterResponse(run, limits, ctx)],
      // Content types are checked per label in afterResponse, with our own wording.
      additionalMimeTypes: ['*/*'],
      // Crawlee starts at one request and adds one every 10 s while the machine looks idle: a
      // crawl of a few hundred pages would never reach its concurrency, and a busy machine (the
      // analyze workers' CPU) would hold it at one. The concurrency here is the operator's, and
      // politeness is per host (HostScheduler), so the pool runs at it from the start.
      minConcurrency: opts.maxConcurrency ?? 4,
      maxConcurrency: opts.maxConcurrency ?? 4,
      maxRequestsPerMinute: opts.maxRequestsPerMinute ?? 120,
      maxRequestRetries: opts.maxRequestRetries ?? 2,
      navigationTimeoutSecs: opts.requestTimeoutSecs ?? 30,
      requestHandlerTimeoutSecs: 60,
      // Crawlee's default is to accept any certificate.
      ignoreSslErrors: false,
      // Sessions exist to rotate identities around blocking; we crawl openly under one name.
      useSessionPool: false,
      log: crawleeLogFor(run.log),
      ...(isFinished === undefined ? {} : { autoscaledPoolOptions: { isFinishedFunction: isFinished } }),
    },
    isolatedConfiguration({ fixedConcurrency: true }),
    slots,
    limits.maxResponseBytes,
  );
}

/**
 * Called by Crawlee once a request has failed for good: after its retries, or at once. A
 * robots.txt that cannot be read allows everything and is not a failure of the crawl.
 */
async function reportFailedRequest(
  run: CrawlRun,
  request: Request,
  status: number | undefined,
  error: Error,
): Promise<void> {
  if (request.label === LABEL.robots) {
    run.log.debug({ url: request.url, reason: describeFailure(error) }, 'robots.txt unavailable');
    await settleRobotsAsMissing(run, request.url);
    return;
  }
  await reportFailure(run, {
    url: request.url,
    stage: stageOf(request.label),
    reason: describeFailure(error),
    ...(status === undefined ? {} : { status }),
  });
}
