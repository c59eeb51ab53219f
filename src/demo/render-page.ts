import { displayDate, escapeHtml, jsonForScript, truncate } from './html.js';
import { commonHead, cookieBanner, newsletterBox, siteFooter, siteHeader } from './page-chrome.js';
import { articlePath, demoCanonicalUrl, homePath } from './urls.js';
import type { DemoArticle, DemoOutletMeta } from './world/index.js';

export interface ArticlePageContext {
  baseUrl: string;
  outlet: DemoOutletMeta;
  /** Other stories of the same outlet, linked from the "Related stories" box. */
  related: readonly DemoArticle[];
}

function jsonLd(article: DemoArticle, ctx: ArticlePageContext): string {
  const url = demoCanonicalUrl(article);
  return jsonForScript({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: article.publishedAt,
    dateModified: article.publishedAt,
    author: [{ '@type': 'Person', name: article.author }],
    publisher: { '@type': 'Organization', name: ctx.outlet.name },
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    articleSection: article.section,
    inLanguage: 'en',
  });
}

function head(article: DemoArticle, ctx: ArticlePageContext): string {
  const url = escapeHtml(demoCanonicalUrl(article));
  const title = escapeHtml(article.title);
  const summary = escapeHtml(truncate(article.paragraphs[0] ?? '', 200));
  return `<head>
${commonHead(ctx.outlet)}
<title>${title} | ${escapeHtml(ctx.outlet.name)}</title>
<meta name="description" content="${summary}">
<meta name="author" content="${escapeHtml(article.author)}">
<link rel="canonical" href="${url}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${escapeHtml(ctx.outlet.name)}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${summary}">
<meta property="og:url" content="${url}">
<meta property="article:published_time" content="${article.publishedAt}">
<meta property="article:section" content="${escapeHtml(article.section)}">
<script type="application/ld+json">${jsonLd(article, ctx)}</script>
</head>`;
}

function articleElement(article: DemoArticle, ctx: ArticlePageContext): string {
  const sectionHref = `${homePath(ctx.outlet.slugPrefix)}?section=${article.section.toLowerCase()}`;
  const body = article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<article class="story">
<p class="kicker"><a href="${sectionHref}">${escapeHtml(article.section)}</a></p>
<h1>${escapeHtml(article.title)}</h1>
<p class="byline">By <span class="author">${escapeHtml(article.author)}</span></p>
<p class="dateline"><time datetime="${article.publishedAt}">${displayDate(article.publishedAt)}</time></p>
<div class="story-body">
${body}
</div>
<p class="share">Share this story: <a href="mailto:?subject=${encodeURIComponent(article.title)}">E-mail</a> | <button type="button">Copy link</button></p>
</article>`;
}

function relatedBox(related: readonly DemoArticle[]): string {
  if (related.length === 0) return '';
  const items = related
    .map((r) => `<li><a href="${articlePath(r)}">${escapeHtml(r.title)}</a></li>`)
    .join('\n');
  return `<aside class="related" aria-label="Related stories">
<h2>Related stories</h2>
<ul>
${items}
</ul>
</aside>`;
}

/** The full HTML page of one article, with the site furniture a real news page carries. */
export function renderArticlePage(article: DemoArticle, ctx: ArticlePageContext): string {
  return `<!doctype html>
<html lang="en">
${head(article, ctx)}
<body>
${siteHeader(ctx.outlet)}
${cookieBanner(ctx.outlet)}
<main>
${articleElement(article, ctx)}
${relatedBox(ctx.related)}
${newsletterBox(ctx.outlet)}
</main>
${siteFooter(ctx.outlet)}
</body>
</html>
`;
}
