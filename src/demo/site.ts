import { renderFeed } from './render-feed.js';
import { renderHomepage } from './render-home.js';
import { renderArticlePage } from './render-page.js';
import { articlePath, feedPath, homePath } from './urls.js';
import { demoArticles, demoOutletsMeta, type DemoArticle } from './world/index.js';

/** A pre-rendered response. */
export interface SitePage {
  contentType: string;
  body: Buffer;
  /** HTTP date, for article pages. */
  lastModified?: string;
}

const HTML = 'text/html; charset=utf-8';
const RELATED_COUNT = 3;

function page(contentType: string, text: string, lastModified?: string): SitePage {
  const body = Buffer.from(text, 'utf8');
  return lastModified ? { contentType, body, lastModified } : { contentType, body };
}

// The stories published just before this one (or just after, for the first few), like a real
// "related" box that favours recent items.
function relatedTo(list: readonly DemoArticle[], index: number): DemoArticle[] {
  const earlier = list.slice(Math.max(0, index - RELATED_COUNT), index).reverse();
  const later = list.slice(index + 1, index + 1 + RELATED_COUNT - earlier.length);
  return [...earlier, ...later];
}

/**
 * Renders every page of the demo world for a server reachable at `baseUrl`, keyed by URL path.
 * Done once at start-up, so requests are served from memory.
 */
export function renderSite(baseUrl: string): Map<string, SitePage> {
  const pages = new Map<string, SitePage>();
  pages.set('/robots.txt', page('text/plain; charset=utf-8', 'User-agent: *\nAllow: /\n'));
  const articles = demoArticles();
  for (const outlet of demoOutletsMeta) {
    const own = articles.filter((a) => a.outletId === outlet.id);
    pages.set(homePath(outlet.slugPrefix), page(HTML, renderHomepage(outlet, own, baseUrl)));
    pages.set(
      feedPath(outlet.slugPrefix),
      page('application/rss+xml; charset=utf-8', renderFeed(outlet, own, baseUrl)),
    );
    own.forEach((article, i) => {
      const html = renderArticlePage(article, { baseUrl, outlet, related: relatedTo(own, i) });
      const modified = new Date(article.publishedAt).toUTCString();
      pages.set(articlePath(article), page(HTML, html, modified));
    });
  }
  return pages;
}
