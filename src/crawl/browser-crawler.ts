import {
  NonRetryableError,
  PlaywrightCrawler,
  type Configuration,
  type PlaywrightCrawlerOptions,
  type PlaywrightCrawlingContext,
  type Request,
} from 'crawlee';
import type { Route } from 'playwright-core';
import { crawleeLogFor } from './crawlee-log.js';
import { DeadlineError } from './body.js';
import { PRIVATE_NETWORK_REASON } from './failure.js';
import { handleRequest } from './handlers.js';
import { HTML_TYPES, deadlineOf, mimeType, startAttempt, statusError, type FetchLimits } from './navigation.js';
import type { HostSlots, RequestSource } from './polite-crawler.js';
import { refusedAddressOf } from './private-network.js';
import { LABEL, type CrawlRun } from './run.js';

// This module is imported only for `render: browser` outlets, and it imports playwright-core
// only when it builds a crawler: an HTTP-only crawl never loads the browser library.

/**
 * The longest wait, after the `load` event, for the page's own requests to go quiet: scripts
 * that fetch the story and insert it finish within it; a page that polls forever is read as it
 * stands.
 */
const SETTLE_MS = 5_000;

// Nothing of these is read, and a page's video is the largest thing it would download.
const SKIPPED_RESOURCES = new Set(['image', 'media', 'font']);

export interface BrowserCrawlerSettings {
  run: CrawlRun;
  limits: FetchLimits;
  slots: HostSlots;
  config: Configuration;
  executablePath: string;
  maxConcurrency: number;
  maxRequestsPerMinute: number;
  maxRequestRetries: number;
  navigationTimeoutSecs: number;
  /** When the crawl as a whole (both crawlers) has nothing left to do. */
  isFinished: () => Promise<boolean>;
  onFailed: (request: Request, status: number | undefined, error: Error) => Promise<void>;
}

/** A PlaywrightCrawler that shares the host slots of the outlet's HTTP crawler. */
class PoliteBrowserCrawler extends PlaywrightCrawler {
  constructor(
    options: PlaywrightCrawlerOptions,
    config: Configuration,
    private readonly slots: HostSlots,
  ) {
    super(options, config);
  }

  protected override delayRequest(request: Request, source: RequestSource): boolean {
    return this.slots.delay(request, source);
  }

  protected override async _cleanupContext(context: PlaywrightCrawlingContext): Promise<void> {
    await this.slots.release(context.request);
    await super._cleanupContext(context);
  }
}

/**
 * Crawlee's PlaywrightCrawler on the system's Chromium (Crawlee is handed the launcher, so it
 * neither looks for the `playwright` package nor downloads a browser). The rendered DOM goes
 * through the same handlers as an HTTP page, under the same User-Agent, host politeness, address
 * checks, status and content-type rules.
 */
export async function buildBrowserCrawler(s: BrowserCrawlerSettings): Promise<PlaywrightCrawler> {
  const { chromium } = await import('playwright-core');
  const { run, limits } = s;
  return new PoliteBrowserCrawler(
    {
      launchContext: {
        launcher: chromium,
        launchOptions: { executablePath: s.executablePath, headless: true },
        userAgent: run.settings.userAgent,
      },
      // Generated fingerprints would replace our User-Agent with a browser's.
      browserPoolOptions: { useFingerprints: false },
      preNavigationHooks: [(ctx) => beforeNavigation(run, limits, ctx)],
      postNavigationHooks: [(ctx) => afterNavigation(run, limits, ctx)],
      requestHandler: (ctx) => renderAndHandle(run, limits, ctx),
      failedRequestHandler: ({ request, response }, error) =>
        s.onFailed(request, response?.status(), error),
      // Unlike the HTTP pool, a browser's pages are heavy: Crawlee's autoscaling may lower the
      // concurrency when memory or CPU run short, but it starts at the outlet's, not at one.
      maxConcurrency: s.maxConcurrency,
      maxRequestsPerMinute: s.maxRequestsPerMinute,
      maxRequestRetries: s.maxRequestRetries,
      navigationTimeoutSecs: s.navigationTimeoutSecs,
      requestHandlerTimeoutSecs: 60,
      useSessionPool: false,
      persistCookiesPerSession: false,
      autoscaledPoolOptions: { isFinishedFunction: s.isFinished, desiredConcurrency: s.maxConcurrency },
      log: crawleeLogFor(run.log),
    },
    s.config,
    s.slots,
  );
}

/**
 * Refuses what the HTTP crawler refuses before connecting: private addresses (also for a name,
 * resolved here because Chromium resolves names itself) and hosts given up after a long
 * Retry-After. Images, media and fonts are not downloaded; with private networks refused, no
 * request of the page may go to one either.
 */
async function beforeNavigation(
  run: CrawlRun,
  limits: FetchLimits,
  ctx: PlaywrightCrawlingContext,
): Promise<void> {
  const { request, page } = ctx;
  // The navigation timeout (the same requestTimeout) bounds the page until its load event, the
  // main document's whole download included; the deadline also bounds the settling after it.
  startAttempt(request, limits);
  const literal = run.network.refusalForUrl(request.url);
  if (literal !== undefined) throw new NonRetryableError(`${PRIVATE_NETWORK_REASON} (${literal})`);
  const { hostname } = new URL(request.url);
  const refused = await refusedAddressOf(hostname, run.network.refusal, limits.resolveHost);
  if (refused !== undefined) throw new NonRetryableError(`${PRIVATE_NETWORK_REASON} (${refused})`);
  if (run.hosts.isGivenUp(request.url)) {
    throw new NonRetryableError('host asked to retry later than this crawl waits');
  }
  await page.route('**/*', (route: Route) => {
    const sub = route.request();
    const refused = run.network.refusalForUrl(sub.url()) !== undefined;
    return refused || SKIPPED_RESOURCES.has(sub.resourceType()) ? route.abort() : route.continue();
  });
  if (request.label === LABEL.article) run.requested.add(request.url);
}

/** Status, redirects, size and content type of the page's main response, as for HTTP. */
async function afterNavigation(
  run: CrawlRun,
  limits: FetchLimits,
  ctx: PlaywrightCrawlingContext,
): Promise<void> {
  const { request, response } = ctx;
  if (response === null || response === undefined) throw new Error('no response from the page');
  const remote = (await response.serverAddr())?.ipAddress;
  const refused = remote === undefined ? undefined : run.network.refusal(new URL(response.url()).hostname, remote);
  if (refused !== undefined) throw new NonRetryableError(`${PRIVATE_NETWORK_REASON} (${refused})`);
  const status = response.status();
  const headers = response.headers();
  if (status >= 400) throw statusError(run, request.url, status, headers['retry-after']);
  let hops = 0;
  for (let r = response.request().redirectedFrom(); r !== null; r = r.redirectedFrom()) hops += 1;
  if (hops > limits.maxRedirects) throw new NonRetryableError('too many redirects');
  const length = Number(headers['content-length']);
  if (Number.isFinite(length) && length > limits.maxResponseBytes) {
    throw new NonRetryableError(`response too large (over ${limits.maxResponseBytes} bytes)`);
  }
  const type = mimeType(headers['content-type']);
  if (type !== undefined && !HTML_TYPES.has(type)) {
    throw new NonRetryableError(`content type ${type} is not HTML`);
  }
}

/**
 * Lets the page's scripts finish (at most SETTLE_MS, and never past the attempt's deadline), then
 * hands the rendered DOM to the crawl's handlers.
 */
async function renderAndHandle(
  run: CrawlRun,
  limits: FetchLimits,
  ctx: PlaywrightCrawlingContext,
): Promise<void> {
  const left = (deadlineOf(ctx.request) ?? Infinity) - Date.now();
  if (left <= 0) throw new DeadlineError('timed out: the page did not load within the request timeout');
  await ctx.page.waitForLoadState('networkidle', { timeout: Math.min(SETTLE_MS, left) }).catch(() => {
    // Still busy after SETTLE_MS or at the deadline (live tickers, analytics beacons): the DOM as it is now.
  });
  const html = await ctx.page.content();
  if (Buffer.byteLength(html) > limits.maxResponseBytes) {
    throw new NonRetryableError(`response too large (over ${limits.maxResponseBytes} bytes)`);
  }
  await handleRequest(run, { request: ctx.request, body: html, $: await ctx.parseWithCheerio() });
}
