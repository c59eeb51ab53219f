import type { DemoArticle } from './world/index.js';

/** Root-relative path of an article page: `/<outlet-id>/<yyyy>/<mm>/<slug>`. */
export function articlePath(article: DemoArticle): string {
  const [year, month] = article.publishedAt.split('-');
  return `/${article.outletId}/${year}/${month}/${article.slug}`;
}

/** Absolute URL of an article page on a demo server at `baseUrl`. */
export function demoArticleUrl(baseUrl: string, article: DemoArticle): string {
  return `${baseUrl}${articlePath(article)}`;
}

export function homePath(outletId: string): string {
  return `/${outletId}/`;
}

export function feedPath(outletId: string): string {
  return `/${outletId}/rss.xml`;
}

/**
 * The article's public address, as a real outlet's rel=canonical would give it. It does not depend
 * on the loopback port the demo happens to be served from, so a second demo run finds the same
 * articles instead of storing them again.
 */
export function demoCanonicalUrl(article: DemoArticle): string {
  return `https://${article.outletId}.demo.stancewatch.example${articlePath(article).slice(article.outletId.length + 1)}`;
}
