import { NonRetryableError, type CheerioCrawlingContext, type CheerioHook } from 'crawlee';
import { PRIVATE_NETWORK_REASON } from './failure.js';
import { LABEL, type CrawlRun } from './handlers.js';
import { isPrivateNetworkUrl } from './private-network.js';

/** How we identify ourselves to the sites we crawl. */
export const USER_AGENT = 'stancewatch/0.1 (+https://github.com/stancewatch/stancewatch)';

type GotOptions = Parameters<CheerioHook>[1];

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
// Statuses that say "later", unlike the other 4xx, which say "never".
const RETRYABLE_STATUS = new Set([408, 425, 429]);
const ACCEPT_FEED = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml;q=0.9',
  'application/xml;q=0.9',
  'text/xml;q=0.9',
  '*/*;q=0.5',
].join(', ');
const ACCEPT_HTML = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/**
 * Runs before each request: refuses private addresses without connecting, sets our User-Agent
 * instead of got-scraping's generated browser headers, and counts article fetches.
 */
export function beforeRequest(
  run: CrawlRun,
  ctx: CheerioCrawlingContext,
  gotOptions: GotOptions,
): void {
  const { request } = ctx;
  if (!run.outlet.allowPrivateNetwork) {
    if (isPrivateNetworkUrl(request.url)) throw new NonRetryableError(PRIVATE_NETWORK_REASON);
    gotOptions.hooks = { ...gotOptions.hooks, beforeRedirect: [refusePrivateRedirect(request)] };
  }
  gotOptions.useHeaderGenerator = false;
  gotOptions.headers = {
    ...gotOptions.headers,
    'user-agent': USER_AGENT,
    accept: request.label === LABEL.feed ? ACCEPT_FEED : ACCEPT_HTML,
  };
  if (request.label === LABEL.article) run.requested.add(request.url);
}

/**
 * Runs once the status line and headers are in, before the body is read: turns HTTP errors and
 * non-HTML pages into failures, and drops the connection instead of downloading a PDF or a video.
 */
export function afterResponse(ctx: CheerioCrawlingContext): void {
  const { request, response } = ctx;
  const status = response.statusCode ?? 0;
  if (status >= 400) {
    response.destroy();
    const message = `HTTP ${status}`;
    const retryable = status >= 500 || RETRYABLE_STATUS.has(status);
    throw retryable ? new Error(message) : new NonRetryableError(message);
  }
  // A feed's content type is often wrong (text/plain, text/html); the parser has the last word.
  if (request.label === LABEL.feed) return;
  const type = mimeType(response.headers['content-type']);
  if (type !== undefined && !HTML_TYPES.has(type)) {
    response.destroy();
    throw new NonRetryableError(`content type ${type} is not HTML`);
  }
}

/** A got hook that stops a redirect into a private network before it connects. */
function refusePrivateRedirect(request: CheerioCrawlingContext['request']) {
  return (options: { url?: unknown }): void => {
    const target = options.url instanceof URL ? options.url.href : String(options.url);
    if (!isPrivateNetworkUrl(target)) return;
    // got wraps whatever this throws in its own RequestError, which Crawlee would retry.
    request.noRetry = true;
    throw new NonRetryableError(`${PRIVATE_NETWORK_REASON} (redirect to ${target})`);
  };
}

function mimeType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === undefined || type === '' ? undefined : type;
}
