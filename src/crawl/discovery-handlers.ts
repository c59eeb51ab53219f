import { dateFromUrl } from './dates.js';
import { findArticleLinks, findFeedLinks, isArticleUrl, type LinkTag } from './discover.js';
import { parseFeed } from './feed.js';
import { bodyText, callHook, queueArticles, type Discovered } from './queue-articles.js';
import { originOf, parseRobots } from './robots.js';
import { admit, LABEL, settleRobots, type CrawlRun, type PageContext } from './run.js';
import { parseSitemap, type SitemapEntry } from './sitemap.js';

/** Feeds and sitemaps one crawl reads at most, so that a sitemap index of thousands stays cheap. */
const MAX_SOURCES = 25;
/** Feeds taken from a homepage's `<link rel="alternate">` tags. */
const MAX_DISCOVERED_FEEDS = 3;

/** robots.txt: its rules release the requests waiting for them; its sitemaps may be read. */
export async function handleRobots(run: CrawlRun, ctx: PageContext): Promise<void> {
  const { url } = ctx.request;
  const rules = parseRobots(url, bodyText(ctx), run.settings.userAgent);
  run.log.debug(
    { url, sitemaps: rules.sitemaps.length, delay: rules.crawlDelaySecs },
    'robots.txt read',
  );
  await settleRobots(run, url, rules);
  if (run.settings.robotsSitemaps && originOf(url) === originOf(run.outlet.homepage)) {
    await queueSources(run, rules.sitemaps, LABEL.sitemap);
  }
}

export async function handleFeed(run: CrawlRun, ctx: PageContext): Promise<void> {
  const { request } = ctx;
  if (await unchangedSource(run, request.url, 'feed')) return;
  const entries = parseFeed(bodyText(ctx), request.loadedUrl ?? request.url);
  run.summary.feedsRead += 1;
  const fresh = entries.filter((entry) => !isTooOld(run, entry.publishedAt));
  run.log.debug(
    { url: request.url, entries: entries.length, old: entries.length - fresh.length },
    'feed read',
  );
  const queued = await queueArticles(
    run,
    ctx,
    fresh.map((entry) => discovered(entry.url, entry.title, entry.publishedAt)),
  );
  await sourceFetched(run, request.url, 'feed', entries.length, queued);
}

/**
 * A feed or sitemap that answered 304 to our validators: nothing to parse, reported as read.
 * True when it did.
 */
async function unchangedSource(run: CrawlRun, url: string, stage: 'feed' | 'sitemap'): Promise<boolean> {
  if (run.sourceResponses?.get(url)?.status !== 304) return false;
  run.summary.feedsRead += 1;
  run.log.debug({ url, stage }, 'source not modified');
  await sourceFetched(run, url, stage, 0, 0);
  return true;
}

/** Tells the caller a source was read, with what it needs for the next conditional GET. */
async function sourceFetched(
  run: CrawlRun,
  url: string,
  stage: 'feed' | 'sitemap',
  entries: number,
  newEntries: number,
): Promise<void> {
  const hook = run.hooks.onSourceFetched;
  if (hook === undefined) return;
  // The validators the server sent; a 304 may omit them, then the ones it answered to stay valid.
  const response = run.sourceResponses?.get(url) ?? { status: 200 };
  const status = response.status;
  const known = status === 304 ? run.validators?.get(url) : undefined;
  const etag = response.etag ?? known?.etag;
  const lastModified = response.lastModified ?? known?.lastModified;
  await callHook('onSourceFetched', () =>
    hook({
      url,
      stage,
      status,
      notModified: status === 304,
      entries,
      newEntries,
      ...(etag !== undefined && { etag }),
      ...(lastModified !== undefined && { lastModified }),
    }),
  );
}

/**
 * A sitemap index queues its child sitemaps, newest first; a sitemap queues its pages newest
 * first, skipping those the outlet's patterns (or, for pages without a news publication date,
 * the built-in article rules) do not take.
 */
export async function handleSitemap(run: CrawlRun, ctx: PageContext): Promise<void> {
  const { request } = ctx;
  if (await unchangedSource(run, request.url, 'sitemap')) return;
  const sitemap = parseSitemap(bodyText(ctx), request.loadedUrl ?? request.url);
  run.summary.feedsRead += 1;
  if (sitemap.kind === 'index') {
    const children = newestFirst(sitemap.sitemaps, (c) => c.modifiedAt).filter(
      (child) => !isTooOld(run, child.modifiedAt),
    );
    await queueSources(
      run,
      children.map((c) => c.url),
      LABEL.sitemap,
    );
    await sourceFetched(run, request.url, 'sitemap', sitemap.sitemaps.length, 0);
    return;
  }
  const entries = newestFirst(sitemap.entries, dateOf).filter(
    (entry) => !isTooOld(run, dateOf(entry)) && isWantedSitemapEntry(run, entry),
  );
  run.log.debug(
    { url: request.url, entries: sitemap.entries.length, kept: entries.length },
    'sitemap read',
  );
  const queued = await queueArticles(
    run,
    ctx,
    entries.map((entry) => discovered(entry.url, entry.title, entry.publishedAt)),
  );
  await sourceFetched(run, request.url, 'sitemap', sitemap.entries.length, queued);
}

/** Homepage and section pages: their article-like links, and on the homepage its feeds. */
export async function handleListing(run: CrawlRun, ctx: PageContext): Promise<void> {
  const { request, $ } = ctx;
  const pageUrl = request.loadedUrl ?? request.url;
  if (request.label === LABEL.homepage) {
    const tags = $('link[rel][href]')
      .toArray()
      .map(
        (el): LinkTag => ({
          rel: el.attribs.rel,
          type: el.attribs.type,
          href: el.attribs.href,
          title: el.attribs.title,
        }),
      );
    const feeds = findFeedLinks(tags, pageUrl).slice(0, MAX_DISCOVERED_FEEDS);
    run.log.debug({ url: request.url, feeds: feeds.length }, 'feeds discovered');
    await queueSources(run, feeds, LABEL.feed);
  }
  const hrefs = $('a[href]')
    .toArray()
    .flatMap((a) => a.attribs.href ?? []);
  const { include, exclude } = run.settings;
  const found = findArticleLinks(hrefs, pageUrl, { include, exclude });
  // A listing gives no dates; a date in the URL is the only way to honour maxAge before fetching.
  const links = found.filter((url) => !isTooOldByUrl(run, url));
  run.log.debug(
    { url: request.url, links: found.length, old: found.length - links.length },
    'listing read',
  );
  await queueArticles(
    run,
    ctx,
    links.map((url) => ({ url })),
  );
}

/** Queues feeds or sitemaps not yet read in this run, up to {@link MAX_SOURCES}. */
export async function queueSources(run: CrawlRun, urls: string[], label: string): Promise<void> {
  const requests = [];
  for (const url of urls) {
    if (run.sources.has(url) || run.sources.size >= MAX_SOURCES) continue;
    run.sources.add(url);
    requests.push({ url, uniqueKey: `${label} ${url}`, label });
  }
  await admit(run, requests);
}

function isWantedSitemapEntry(run: CrawlRun, entry: SitemapEntry): boolean {
  const { include, exclude } = run.settings;
  if (exclude.some((re) => re.test(entry.url))) return false;
  // A Google News entry is an article by definition; a plain sitemap lists every kind of page.
  if (entry.publishedAt !== undefined && include.length === 0) return true;
  return isArticleUrl(entry.url, { include, exclude });
}

function isTooOld(run: CrawlRun, date: Date | undefined): boolean {
  const { oldest } = run.settings;
  return oldest !== undefined && date !== undefined && date < oldest;
}

/**
 * Whether the date in a URL is older than maxAge. A URL gives a day, not a time: the story may
 * date from any moment of that day, so the day's end is what is compared.
 */
function isTooOldByUrl(run: CrawlRun, url: string): boolean {
  const day = dateFromUrl(url);
  return day !== null && isTooOld(run, new Date(day.getTime() + DAY_MS - 1));
}

const DAY_MS = 86_400_000;

function dateOf(entry: SitemapEntry): Date | undefined {
  return entry.publishedAt ?? entry.modifiedAt;
}

/** Sorted by date, newest first; undated items keep their order after the dated ones. */
function newestFirst<T>(items: T[], date: (item: T) => Date | undefined): T[] {
  return items
    .map((item, index) => ({ item, index, time: date(item)?.getTime() ?? -Infinity }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .map(({ item }) => item);
}

function discovered(
  url: string,
  title: string | undefined,
  publishedAt: Date | undefined,
): Discovered {
  const item: Discovered = { url };
  if (title !== undefined) item.feedTitle = title;
  if (publishedAt !== undefined) item.feedPublishedAt = publishedAt.toISOString();
  return item;
}
