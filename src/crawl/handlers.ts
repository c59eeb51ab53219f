import { handleFeed, handleListing, handleRobots, handleSitemap } from './discovery-handlers.js';
import { extractArticle } from './extract.js';
import { extractOffThread } from './extraction-pool.js';
import { isPermanentFailure } from './failure.js';
import { bodyText, callHook, type ArticleHints } from './queue-articles.js';
import { LABEL, type CrawlRun, type PageContext } from './run.js';
import type { ArticleCandidate } from './types.js';
import { normalizeUrl } from './url.js';

/**
 * The crawler's request handler: routes on the request label. A PermanentError (not a feed, no
 * article text), also one thrown by a hook, marks the request as not to be retried.
 */
export async function handleRequest(run: CrawlRun, ctx: PageContext): Promise<void> {
  try {
    await route(run, ctx);
  } catch (err) {
    if (isPermanentFailure(err)) ctx.request.noRetry = true;
    throw err;
  }
}

function route(run: CrawlRun, ctx: PageContext): Promise<void> {
  switch (ctx.request.label) {
    case LABEL.robots:
      return handleRobots(run, ctx);
    case LABEL.feed:
      return handleFeed(run, ctx);
    case LABEL.sitemap:
      return handleSitemap(run, ctx);
    case LABEL.homepage:
    case LABEL.section:
      return handleListing(run, ctx);
    default:
      return handleArticle(run, ctx);
  }
}

async function handleArticle(
  run: CrawlRun,
  ctx: PageContext<ArticleHints>,
): Promise<void> {
  const { request } = ctx;
  const fetchedUrl = request.loadedUrl ?? request.url;
  const article = run.settings.extractOnThread
    ? await extractOffThread(bodyText(ctx), fetchedUrl, run.settings.now)
    : extractArticle(bodyText(ctx), fetchedUrl, run.settings.now);
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
    authors: article.authors,
    modifiedAt: article.modifiedAt,
    section: article.section,
    qualityFlags: article.qualityFlags,
    simhash: article.simhash,
  };
  await callHook('onArticle', () => run.hooks.onArticle(candidate));
  run.summary.articles += 1;
  run.log.debug({ url: request.url, canonicalUrl: candidate.canonicalUrl }, 'article extracted');
}
