import { displayDate, escapeHtml, truncate } from './html.js';
import { commonHead, cookieBanner, newsletterBox, siteFooter, siteHeader } from './page-chrome.js';
import { articlePath, homePath } from './urls.js';
import type { DemoArticle, DemoOutletMeta } from './world/index.js';

function teaser(article: DemoArticle): string {
  return `<article class="teaser">
<h2><a href="${articlePath(article)}">${escapeHtml(article.title)}</a></h2>
<p class="meta"><time datetime="${article.publishedAt}">${displayDate(article.publishedAt)}</time> | ${escapeHtml(article.section)}</p>
<p class="standfirst">${escapeHtml(truncate(article.paragraphs[0] ?? '', 180))}</p>
</article>`;
}

/** An outlet's front page: every article, newest first, each linked by its root-relative path. */
export function renderHomepage(
  outlet: DemoOutletMeta,
  articles: readonly DemoArticle[],
  baseUrl: string,
): string {
  const newestFirst = [...articles].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  return `<!doctype html>
<html lang="en">
<head>
${commonHead(outlet)}
<title>${escapeHtml(outlet.name)} | ${escapeHtml(outlet.tagline)}</title>
<link rel="canonical" href="${escapeHtml(baseUrl + homePath(outlet.slugPrefix))}">
<meta property="og:type" content="website">
<meta property="og:title" content="${escapeHtml(outlet.name)}">
</head>
<body>
${siteHeader(outlet)}
${cookieBanner(outlet)}
<main>
<h1 class="visually-hidden">Latest news</h1>
<section class="latest">
${newestFirst.map(teaser).join('\n')}
</section>
${newsletterBox(outlet)}
</main>
${siteFooter(outlet)}
</body>
</html>
`;
}
