import { admit, LABEL, type CrawlRun, type PageContext } from './run.js';

/** What a feed or sitemap said about an article, kept for when the page itself does not say. */
export interface ArticleHints {
  feedTitle?: string;
  /** ISO 8601 */
  feedPublishedAt?: string;
}

/** An article URL found by discovery, with what the source said about it. */
export interface Discovered extends ArticleHints {
  url: string;
}

/**
 * Queues the article URLs that are new to this run and to the store, up to the outlet's
 * maxArticlesPerCrawl for the whole run, in the order the source lists them. Returns how many
 * were queued.
 */
export async function queueArticles(
  run: CrawlRun,
  ctx: PageContext,
  found: Discovered[],
): Promise<number> {
  const fresh = dedupe(found).filter((item) => !run.queued.has(item.url));
  run.summary.discovered += fresh.length;
  if (fresh.length === 0) return 0;
  const urls = fresh.map((item) => item.url);
  const known = await callHook('knownUrls', () => run.hooks.knownUrls(urls));
  // Re-checked after the await: another source of this run may have queued the same URL meanwhile.
  const wanted = fresh.filter((item) => !known.has(item.url) && !run.queued.has(item.url));
  const room = Math.max(0, run.outlet.maxArticlesPerCrawl - run.queued.size);
  const chosen = wanted.slice(0, room);
  for (const item of chosen) run.queued.add(item.url);
  run.log.debug(
    { url: ctx.request.url, fresh: fresh.length, known: known.size, queued: chosen.length },
    'articles queued',
  );
  await admit(
    run,
    chosen.map(({ url, ...hints }) => ({
      url,
      uniqueKey: url,
      label: LABEL.article,
      userData: hints,
    })),
  );
  return chosen.length;
}

/** Names the hook in its errors, so that a database failure is not read as the page's. */
export async function callHook<T>(name: string, call: () => Promise<T>): Promise<T> {
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

/** The decoded body: the crawler hands over UTF-8 whatever the page's charset was. */
export function bodyText(ctx: PageContext): string {
  const { body } = ctx;
  return typeof body === 'string' ? body : body.toString('utf8');
}
