import { readAuthors } from './authors.js';
import { readModifiedAt, readPublishedAt } from './dates.js';
import { readJsonLdArticle } from './json-ld.js';
import { MetaTags } from './meta-tags.js';
import { resolveHttpUrl } from './url.js';

const SECTION_META = [
  'property=article:section',
  'name=section',
  'name=parsely-section',
  'itemprop=articlesection',
];

/** Page metadata, read before the cleaning passes rewrite the document. */
export interface PageMetadata {
  title: string | null;
  /** In UTC. */
  publishedAt: Date | null;
  /** In UTC; never before `publishedAt`. */
  modifiedAt: Date | null;
  /** Names in page order, without "By"; empty when the page names no one. */
  authors: string[];
  language: string | null;
  canonicalUrl: string;
  section: string | null;
  /** The publisher's own full text (JSON-LD articleBody), when given. */
  articleBody: string | null;
  /** JSON-LD says the article is not free to read. */
  notFree: boolean;
}

/**
 * Reads title, publication and modification time (UTC), authors, language, canonical URL and
 * section of a page. Each comes from the most trusted source that gives it: JSON-LD, then
 * OpenGraph and other meta tags, then the page's own elements, then the URL.
 */
export function readMetadata(doc: Document, pageUrl: string, now = new Date()): PageMetadata {
  const ld = readJsonLdArticle(
    [...doc.querySelectorAll('script[type="application/ld+json" i]')].map(
      (s) => s.textContent ?? '',
    ),
  );
  const meta = new MetaTags(doc);
  const publishedAt = readPublishedAt(doc, meta, ld, pageUrl, now);
  return {
    title: readTitle(doc, meta, ld?.headline),
    publishedAt,
    modifiedAt: readModifiedAt(meta, ld, publishedAt, now),
    authors: readAuthors(doc, meta, ld),
    language: readLanguage(doc, meta, ld?.language),
    canonicalUrl: readCanonicalUrl(doc, meta, pageUrl),
    section: ld?.section ?? meta.first(SECTION_META) ?? null,
    articleBody: ld?.articleBody ?? null,
    notFree: ld?.notFree ?? false,
  };
}

function readTitle(doc: Document, meta: MetaTags, headline: string | undefined): string | null {
  const candidates = [
    meta.get('property=og:title'),
    headline,
    textOf(doc.querySelector('h1')),
    stripSiteName(textOf(doc.querySelector('title'))),
  ];
  return candidates.find((t): t is string => t !== undefined && t !== '') ?? null;
}

/** "Headline | Site", "Headline - Site": drops a last segment short enough to be a name. */
function stripSiteName(title: string | undefined): string | undefined {
  if (title === undefined) return undefined;
  // Greedy, so that only the last segment goes: "A - B | Site" keeps "A - B".
  const match = /^(.{10,})\s+[|\-–—·]{1,2}\s+(.{1,60})$/.exec(title);
  if (match === null || match[2]!.trim().split(/\s+/).length > 5) return title;
  return match[1]!.trim();
}

function readLanguage(
  doc: Document,
  meta: MetaTags,
  ldLanguage: string | undefined,
): string | null {
  const candidates = [
    doc.documentElement.getAttribute('lang'),
    ldLanguage,
    meta.get('http-equiv=content-language'),
    meta.get('property=og:locale'),
  ];
  for (const candidate of candidates) {
    const primary = candidate
      ?.trim()
      .split(/[-_,\s]/)[0]
      ?.toLowerCase();
    if (primary !== undefined && /^[a-z]{2,3}$/.test(primary)) return primary;
  }
  return null;
}

/**
 * rel=canonical, then og:url, then the page URL. A canonical that points at the site's root from
 * a deeper page is a template mistake (every article "is" the homepage) and is ignored.
 */
function readCanonicalUrl(doc: Document, meta: MetaTags, pageUrl: string): string {
  const link = [...doc.querySelectorAll('link[rel][href]')].find((l) =>
    (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const page = resolveHttpUrl(pageUrl, pageUrl) ?? pageUrl;
  for (const href of [link?.getAttribute('href'), meta.get('property=og:url')]) {
    const resolved = href ? resolveHttpUrl(href, pageUrl) : undefined;
    if (resolved !== undefined && !isRootOf(resolved, page)) return resolved;
  }
  return page;
}

function isRootOf(candidate: string, page: string): boolean {
  const c = new URL(candidate);
  return c.pathname === '/' && c.search === '' && new URL(page).pathname !== '/';
}

function textOf(el: Element | null): string | undefined {
  const text = el?.textContent?.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}
