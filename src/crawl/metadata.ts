import { readJsonLdArticle, type JsonLdArticle } from './json-ld.js';
import { resolveHttpUrl } from './url.js';

/** Page metadata read before Readability rewrites the document. */
export interface PageMetadata {
  title: string | null;
  publishedAt: Date | null;
  author: string | null;
  language: string | null;
  canonicalUrl: string;
}

// Publication-time meta tags other than article:published_time, in order of trust.
const DATE_META = [
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="dc.date.issued" i]',
  'meta[name="dcterms.created" i]',
  'meta[name="date"]',
];

/** Reads title, publication time (UTC), author, language and canonical URL of a page. */
export function readMetadata(doc: Document, pageUrl: string): PageMetadata {
  const ld = readJsonLdArticle(
    [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
  );
  return {
    title: readTitle(doc, ld),
    publishedAt: readPublishedAt(doc, ld),
    author: readAuthor(doc, ld),
    language: readLanguage(doc),
    canonicalUrl: readCanonicalUrl(doc, pageUrl),
  };
}

function readTitle(doc: Document, ld: JsonLdArticle | undefined): string | null {
  const candidates = [
    metaContent(doc, 'meta[property="og:title"]'),
    ld?.headline,
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

function readPublishedAt(doc: Document, ld: JsonLdArticle | undefined): Date | null {
  const candidates = [
    ld?.datePublished,
    metaContent(doc, 'meta[property="article:published_time"]'),
    ...DATE_META.map((selector) => metaContent(doc, selector)),
    // A <time> in the article, not the header's "today" or a sidebar's teaser.
    timeElement(doc)?.getAttribute('datetime') ?? undefined,
  ];
  for (const candidate of candidates) {
    const date = parseDateUtc(candidate);
    if (date !== null) return date;
  }
  return null;
}

/**
 * A Date from an ISO 8601 or RFC 2822 string. A date-time without an offset is read as UTC rather
 * than in the local zone of whichever machine runs the crawl.
 */
export function parseDateUtc(text: string | undefined): Date | null {
  if (text === undefined) return null;
  let value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) {
    value = `${value.replace(' ', 'T')}Z`;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function readAuthor(doc: Document, ld: JsonLdArticle | undefined): string | null {
  if (ld !== undefined && ld.authors.length > 0) return ld.authors.join(', ');
  for (const selector of ['meta[name="author"]', 'meta[property="article:author"]']) {
    const value = metaContent(doc, selector);
    // article:author is often a profile URL, which names no one.
    if (value !== undefined && value !== '' && !/^https?:\/\//i.test(value)) return value;
  }
  return null;
}

/** Strips "By " and its common translations from a byline. */
export function cleanByline(byline: string | null | undefined): string | null {
  if (byline === null || byline === undefined) return null;
  const cleaned = byline
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(by|par|von|por|di|door|av)\s+/i, '');
  return cleaned === '' ? null : cleaned;
}

function readLanguage(doc: Document): string | null {
  const candidates = [
    doc.documentElement.getAttribute('lang'),
    metaContent(doc, 'meta[http-equiv="content-language" i]'),
    metaContent(doc, 'meta[property="og:locale"]'),
  ];
  for (const candidate of candidates) {
    const primary = candidate?.trim().split(/[-_,\s]/)[0]?.toLowerCase();
    if (primary !== undefined && /^[a-z]{2,3}$/.test(primary)) return primary;
  }
  return null;
}

function readCanonicalUrl(doc: Document, pageUrl: string): string {
  const link = [...doc.querySelectorAll('link[rel][href]')].find((l) =>
    (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  for (const href of [link?.getAttribute('href'), metaContent(doc, 'meta[property="og:url"]')]) {
    const resolved = href ? resolveHttpUrl(href, pageUrl) : undefined;
    if (resolved !== undefined) return resolved;
  }
  return resolveHttpUrl(pageUrl, pageUrl) ?? pageUrl;
}

function timeElement(doc: Document): Element | null {
  return doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
}

function metaContent(doc: Document, selector: string): string | undefined {
  const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function textOf(el: Element | null): string | undefined {
  const text = el?.textContent?.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}
