import { escapeHtml } from './html.js';
import { demoArticleUrl, feedPath, homePath } from './urls.js';
import type { DemoArticle, DemoOutletMeta } from './world/index.js';

/** RFC 822 date as RSS 2.0 wants it, e.g. "Mon, 03 Aug 2026 07:15:00 GMT". */
function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

function item(article: DemoArticle, baseUrl: string): string {
  const url = escapeHtml(demoArticleUrl(baseUrl, article));
  return `<item>
<title>${escapeHtml(article.title)}</title>
<link>${url}</link>
<guid isPermaLink="true">${url}</guid>
<pubDate>${rfc822(article.publishedAt)}</pubDate>
<dc:creator>${escapeHtml(article.author)}</dc:creator>
<category>${escapeHtml(article.section)}</category>
<description>${escapeHtml(article.paragraphs[0] ?? '')}</description>
</item>`;
}

/**
 * The RSS 2.0 feed of one outlet, newest first. It lists every article, so one crawl of the demo
 * can ingest the whole history.
 */
export function renderFeed(
  outlet: DemoOutletMeta,
  articles: readonly DemoArticle[],
  baseUrl: string,
): string {
  const newestFirst = [...articles].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  const lastBuild = newestFirst[0]?.publishedAt;
  const lastBuildLine = lastBuild ? `<lastBuildDate>${rfc822(lastBuild)}</lastBuildDate>\n` : '';
  const self = escapeHtml(baseUrl + feedPath(outlet.slugPrefix));
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${escapeHtml(outlet.name)}</title>
<link>${escapeHtml(baseUrl + homePath(outlet.slugPrefix))}</link>
<description>${escapeHtml(outlet.tagline)}</description>
<language>en</language>
${lastBuildLine}<atom:link href="${self}" rel="self" type="application/rss+xml"/>
${newestFirst.map((a) => item(a, baseUrl)).join('\n')}
</channel>
</rss>
`;
}
