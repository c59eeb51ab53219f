import type { CheerioCrawlingContext } from 'crawlee';
import type { Logger } from '../log.js';
import { findArticleLinks } from './discover.js';
import { extractArticle } from './extract.js';
import { parseFeed } from './feed.js';
import { isPermanentFailure } from './failure.js';
import type {
  ArticleCandidate,
  CrawlFailure,
  CrawlHooks,
  CrawlStage,
  CrawlSummary,
  Outlet,
} from './types.js';
import { normalizeUrl } from './url.js';

/** Request labels: what a fetched URL is expected to be. */
export const LABEL = { feed: 'FEED', homepage: 'HOMEPAGE', article: 'ARTICLE' } as const;

const STAGE_OF_LABEL: Record<string, CrawlStage> = {
  [LABEL.feed]: 'feed',
  [LABEL.homepage]: 'homepage',
  [LABEL.article]: 'page',
};

/** What a feed said about an article, kept for when the page itself does not say. */
interface ArticleHints {
  feedTitle?: string;
  /** ISO 8601 */
  feedPublishedAt?: string;
}

interface Discovered extends ArticleHints {
  url: string;
}

/** The state of one outlet crawl, shared by its request handlers. */
export interface CrawlRun {
  outlet: Outlet;
  hooks: CrawlHooks;
  log: Logger;
  summary: CrawlSummary;
  /** Article URLs queued in this run: one listed by two feeds costs one fetch and one slot. */
  queued: Set<string>;
  /** Article URLs sent to the network at least once (retries count once). */
  requested: Set<string>;
}

/** Fresh state for one crawl of `outlet`, with a zeroed summary. */
export function newCrawlRun(outlet: Outlet, hooks: CrawlHooks, log: Logger): CrawlRun {
  const summary = { feedsRead: 0, discovered: 0, fetched: 0, articles: 0, failures: 0 };
  return { outlet, hooks, log, summary, queued: new Set(), requested: new Set() };
}

/** The failure stage of a request label (an unlabelled request is an article page). */
export function stageOf(label: string | undefined): CrawlStage {
  return STAGE_OF_LABEL[label ?? ''] ?? 'page';
}

/**
 * The crawler's request handler: routes on the request label. A PermanentError (not a feed, no
 * article text), also one thrown by a hook, marks the request as not to be retried.
 */
export async function handleRequest(run: CrawlRun, ctx: CheerioCrawlingContext): Promise<void> {
  try {
    if (ctx.request.label === LABEL.feed) await handleFeed(run, ctx);
    else if (ctx.request.label === LABEL.homepage) await handleHomepage(run, ctx);
    else await handleArticle(run, ctx);
  } catch (err) {
    if (isPermanentFailure(err)) ctx.request.noRetry = true;
    throw err;
  }
}

/** Records a failed URL: counted, logged once here, handed to the failure hook. */
export async function reportFailure(run: CrawlRun, failure: CrawlFailure): Promise<void> {
  run.summary.failures += 1;
  const { url, stage, reason, status } = failure;
  run.log.info({ url, stage, reason, status }, 'crawl url failed');
  await run.hooks.onFailure(failure);
}

async function handleFeed(run: CrawlRun, ctx: CheerioCrawlingContext): Promise<void> {
  const { request } = ctx;
  const entries = parseFeed(bodyText(ctx), request.loadedUrl ?? request.url);
  run.summary.feedsRead += 1;
  run.log.debug({ url: request.url, entries: entries.length }, 'feed read');
  const found = entries.map((entry): Discovered => {
    const hints: Discovered = { url: entry.url };
    if (entry.title !== undefined) hints.feedTitle = entry.title;
    if (entry.publishedAt !== undefined) hints.feedPublishedAt = entry.publishedAt.toISOString();
    return hints;
  });
  await queueArticles(run, ctx, found);
}

async function handleHomepage(run: CrawlRun, ctx: CheerioCrawlingContext): Promise<void> {
  const { request, $ } = ctx;
  const hrefs = $('a[href]')
    .toArray()
    .flatMap((a) => a.attribs['href'] ?? []);
  const links = findArticleLinks(hrefs, request.loadedUrl ?? request.url);
  run.log.debug({ url: request.url, links: links.length }, 'homepage read');
  await queueArticles(run, ctx, links.map((url) => ({ url })));
}

async function handleArticle(
  run: CrawlRun,
  ctx: CheerioCrawlingContext<ArticleHints>,
): Promise<void> {
  const { request } = ctx;
  const fetchedUrl = request.loadedUrl ?? request.url;
  const article = extractArticle(bodyText(ctx), fetchedUrl);
  const { feedTitle, feedPublishedAt } = request.userData;
  const candidate: ArticleCandidate = {
    outletId: run.outlet.id,
    url: normalizeUrl(fetchedUrl),
    canonicalUrl: article.canonicalUrl,
    title: article.title !== '' ? article.title : (feedTitle ?? ''),
    text: article.text,
    author: article.author,
    publishedAt:
      article.publishedAt ?? (feedPublishedAt === undefined ? null : new Date(feedPublishedAt)),
    language: article.language,
  };
  await callHook('onArticle', () => run.hooks.onArticle(candidate));
  run.summary.articles += 1;
  run.log.debug({ url: request.url, canonicalUrl: candidate.canonicalUrl }, 'article extracted');
}

/**
 * Queues the article URLs that are new to this run and to the store, up to the outlet's
 * maxArticlesPerCrawl for the whole run, in the order the feed or page lists them.
 */
async function queueArticles(
  run: CrawlRun,
  ctx: CheerioCrawlingContext,
  found: Discovered[],
): Promise<void> {
  const fresh = dedupe(found).filter((item) => !run.queued.has(item.url));
  run.summary.discovered += fresh.length;
  if (fresh.length === 0) return;
  const urls = fresh.map((item) => item.url);
  const known = await callHook('knownUrls', () => run.hooks.knownUrls(urls));
  // Re-checked after the await: another feed of this run may have queued the same URL meanwhile.
  const wanted = fresh.filter((item) => !known.has(item.url) && !run.queued.has(item.url));
  const room = Math.max(0, run.outlet.maxArticlesPerCrawl - run.queued.size);
  const chosen = wanted.slice(0, room);
  for (const item of chosen) run.queued.add(item.url);
  run.log.debug(
    { url: ctx.request.url, fresh: fresh.length, known: known.size, queued: chosen.length },
    'articles queued',
  );
  if (chosen.length === 0) return;
  await ctx.addRequests(
    chosen.map(({ url, ...hints }) => ({
      url,
      uniqueKey: url,
      label: LABEL.article,
      userData: hints,
    })),
  );
}

/** Names the hook in its errors, so that a database failure is not read as the page's. */
async function callHook<T>(name: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw new Error(`crawl hook ${name} failed`, { cause: err });
  }
}

function dedupe(found: Discovered[]): Discovered[] {
  const byUrl = new Map<string, Discovered>();
  for (const item of found) if (!byUrl.has(item.url)) byUrl.set(item.url, item);
  return [...byUrl.values()];
}

function bodyText(ctx: CheerioCrawlingContext): string {
  const { body, contentType } = ctx;
  return typeof body === 'string' ? body : body.toString(contentType.encoding);
}
