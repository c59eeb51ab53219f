import { NonRetryableError, type CheerioCrawlingContext, type CheerioHook } from 'crawlee';
import { PRIVATE_NETWORK_REASON } from './failure.js';
import { retryAfterMs } from './hosts.js';
import { guardedLookup, type ResolveHost } from './private-network.js';
import { LABEL, type CrawlRun } from './run.js';

/** How we identify ourselves to the sites we crawl, with where to reach us. */
export const USER_AGENT = 'stancewatch/0.1 (+https://github.com/stancewatch/stancewatch)';

type GotOptions = Parameters<CheerioHook>[1];

/** Fetch limits of one crawl, applied to every request. */
export interface FetchLimits {
  maxRedirects: number;
  maxResponseBytes: number;
  resolveHost: ResolveHost | undefined;
  /** Time for one request attempt as a whole: connecting, redirects, headers and the whole body. */
  requestTimeoutMs: number;
}

// Each request attempt's deadline, set when it starts and read while its body downloads.
const deadlines = new WeakMap<object, number>();

/** When the current attempt of `request` must have finished downloading (ms since the epoch). */
export function deadlineOf(request: object): number | undefined {
  return deadlines.get(request);
}

/** Starts an attempt of `request`: its deadline is `limits.requestTimeoutMs` from now. */
export function startAttempt(request: object, limits: FetchLimits): number {
  const deadline = Date.now() + limits.requestTimeoutMs;
  deadlines.set(request, deadline);
  return deadline;
}

export const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
// Statuses that say "later", unlike the other 4xx, which say "never".
const RETRYABLE_STATUS = new Set([408, 425, 429]);
// Labels whose content type is often wrong (text/plain, text/html); their parser has the last word.
const ANY_TYPE_LABELS = new Set<string>([LABEL.feed, LABEL.sitemap, LABEL.robots]);
const ACCEPT_FEED = [
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml;q=0.9',
  'application/xml;q=0.9',
  'text/xml;q=0.9',
  '*/*;q=0.5',
].join(', ');
export const ACCEPT_HTML = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
const ACCEPT_OTHER = 'application/xml, text/xml;q=0.9, text/plain;q=0.9, */*;q=0.5';

/**
 * Runs before each request: refuses private addresses (literal ones without connecting, names
 * once resolved, redirects before following them), gives up on a host that asked for a longer
 * pause than we wait, sets our User-Agent instead of got-scraping's generated browser headers,
 * and counts article fetches.
 */
export function beforeRequest(
  run: CrawlRun,
  limits: FetchLimits,
  ctx: CheerioCrawlingContext,
  gotOptions: GotOptions,
): void {
  const { request } = ctx;
  // A page that trickles a byte a second never trips a timeout between bytes: the deadline
  // counts the whole attempt.
  startAttempt(request, limits);
  const literal = run.network.refusalForUrl(request.url);
  if (literal !== undefined) throw new NonRetryableError(`${PRIVATE_NETWORK_REASON} (${literal})`);
  if (run.hosts.isGivenUp(request.url)) {
    throw new NonRetryableError('host asked to retry later than this crawl waits');
  }
  gotOptions.hooks = { ...gotOptions.hooks, beforeRedirect: [refusePrivateRedirect(run, request)] };
  // Every connection, redirects included, resolves through this: the allow-list is checked on
  // the address actually connected to.
  gotOptions.dnsLookup = noRetryOnRefusal(request, guardedLookup(run.network.refusal, limits.resolveHost));
  // HTTP/1.1 through Node's agent is what honours `dnsLookup` on every connection.
  gotOptions.http2 = false;
  gotOptions.maxRedirects = limits.maxRedirects;
  gotOptions.useHeaderGenerator = false;
  gotOptions.headers = {
    ...gotOptions.headers,
    'user-agent': run.settings.userAgent,
    accept: acceptFor(request.label),
    ...conditionalHeaders(run, request.label, request.url),
  };
  if (request.label === LABEL.article) run.requested.add(request.url);
}

/**
 * Runs once the status line and headers are in, before the body is read: turns HTTP errors and
 * non-HTML pages into failures, pauses a host that answers 429 or 503 for as long as its
 * Retry-After asks, and drops the connection instead of downloading a PDF, a video or a body
 * that says it is over the size limit.
 */
export function afterResponse(
  run: CrawlRun,
  limits: FetchLimits,
  ctx: CheerioCrawlingContext,
): void {
  const { request, response } = ctx;
  const status = response.statusCode ?? 0;
  const remote = response.socket?.remoteAddress;
  const refused = remote === undefined ? undefined : run.network.refusal(hostOfUrl(response.url ?? request.loadedUrl ?? request.url), remote);
  if (refused !== undefined) {
    // A second line behind the DNS check, for connections made some other way.
    response.destroy();
    throw new NonRetryableError(`${PRIVATE_NETWORK_REASON} (${refused})`);
  }
  if (status >= 400) {
    response.destroy();
    throw statusError(run, request.url, status, response.headers['retry-after']);
  }
  if (SOURCE_LABELS.has(request.label ?? '')) {
    const header = (name: string) => {
      const value = response.headers[name];
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const etag = header('etag');
    const lastModified = header('last-modified');
    run.sourceResponses?.set(request.url, {
      status,
      ...(etag !== undefined && { etag }),
      ...(lastModified !== undefined && { lastModified }),
    });
  }
  const length = Number(response.headers['content-length']);
  if (Number.isFinite(length) && length > limits.maxResponseBytes) {
    response.destroy();
    throw new NonRetryableError(`response too large (over ${limits.maxResponseBytes} bytes)`);
  }
  if (ANY_TYPE_LABELS.has(request.label ?? '')) return;
  const type = mimeType(response.headers['content-type']);
  if (type !== undefined && !HTML_TYPES.has(type)) {
    response.destroy();
    throw new NonRetryableError(`content type ${type} is not HTML`);
  }
}

export function statusError(
  run: CrawlRun,
  url: string,
  status: number,
  retryAfter: string | undefined,
): Error {
  const message = `HTTP ${status}`;
  if (status === 429 || status === 503) {
    const wait = retryAfterMs(retryAfter);
    if (wait !== undefined && !run.hosts.pause(url, wait)) {
      return new NonRetryableError(
        `${message} (asked to retry after ${Math.round(wait / 1000)} s)`,
      );
    }
    if (wait === undefined && status === 429) run.hosts.pause(url, DEFAULT_429_PAUSE_MS);
  }
  const retryable = status >= 500 || RETRYABLE_STATUS.has(status);
  return retryable ? new Error(message) : new NonRetryableError(message);
}

/** A 429 without Retry-After still means "slow down". */
const DEFAULT_429_PAUSE_MS = 5_000;

const SOURCE_LABELS = new Set<string>([LABEL.feed, LABEL.sitemap]);

/** If-None-Match / If-Modified-Since for a feed or sitemap whose last fetch gave validators. */
function conditionalHeaders(run: CrawlRun, label: string | undefined, url: string): Record<string, string> {
  const known = SOURCE_LABELS.has(label ?? '') ? run.validators?.get(url) : undefined;
  if (known === undefined) return {};
  return {
    ...(known.etag !== undefined && { 'if-none-match': known.etag }),
    ...(known.lastModified !== undefined && { 'if-modified-since': known.lastModified }),
  };
}

function acceptFor(label: string | undefined): string {
  if (label === LABEL.feed) return ACCEPT_FEED;
  if (label === LABEL.sitemap || label === LABEL.robots) return ACCEPT_OTHER;
  return ACCEPT_HTML;
}

/** A got hook that stops a redirect to a refused literal address before it connects. */
function refusePrivateRedirect(run: CrawlRun, request: CheerioCrawlingContext['request']) {
  return (options: { url?: unknown }): void => {
    const target = options.url instanceof URL ? options.url.href : String(options.url);
    const refused = run.network.refusalForUrl(target);
    if (refused === undefined) return;
    // got wraps whatever this throws in its own RequestError, which Crawlee would retry.
    request.noRetry = true;
    throw new NonRetryableError(`${PRIVATE_NETWORK_REASON} (redirect to ${target}: ${refused})`);
  };
}

function hostOfUrl(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The same lookup, marking the request as not to be retried when it refuses an address. */
function noRetryOnRefusal(
  request: CheerioCrawlingContext['request'],
  lookup: ReturnType<typeof guardedLookup>,
): ReturnType<typeof guardedLookup> {
  return (hostname, options, callback) => {
    lookup(hostname, options, (err, address, family) => {
      if (err !== null && (err as { code?: unknown }).code === 'EPRIVATEADDRESS')
        request.noRetry = true;
      callback(err, address, family);
    });
  };
}

export function mimeType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === undefined || type === '' ? undefined : type;
}
