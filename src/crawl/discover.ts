import { resolveHttpUrl } from './url.js';

// Files and sections that are never a single article, whatever their path looks like.
const FILE_EXTENSIONS = new Set(
  'jpg jpeg png gif webp svg ico pdf zip gz mp3 mp4 webm css js json xml rss atom'.split(' '),
);
const NON_ARTICLE_SECTIONS = new Set([
  ...'tag tags topic topics author authors category categories search'.split(' '),
  ...'login signin register subscribe account about contact privacy terms cookies'.split(' '),
]);
const DATE_SEGMENT = /\/(19|20)\d{2}[/-](0?[1-9]|1[0-2])([/-]|$)|\/(19|20)\d{6}(\/|$)/;
const SLUG = /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+){2,}(\.s?html?)?$/u;

/** Operator patterns for the links worth following; empty lists mean the built-in rules. */
export interface LinkPatterns {
  include: RegExp[];
  exclude: RegExp[];
}

const NO_PATTERNS: LinkPatterns = { include: [], exclude: [] };

/**
 * Links of a homepage or section page that look like articles on the same site: same host
 * (ignoring `www.`), not matching an `exclude` pattern, and either matching an `include` pattern
 * (when the outlet gives any) or with a path that has a date segment (`/2024/03/05/`), at least
 * three segments, or a slug of three or more dashed words. Absolute, normalised, without
 * duplicates, in page order.
 */
export function findArticleLinks(
  hrefs: Iterable<string>,
  pageUrl: string,
  patterns: LinkPatterns = NO_PATTERNS,
): string[] {
  const host = siteHost(new URL(pageUrl).hostname);
  const page = resolveHttpUrl(pageUrl, pageUrl);
  const found = new Set<string>();
  for (const href of hrefs) {
    const url = resolveHttpUrl(href, pageUrl);
    if (url === undefined || url === page || found.has(url)) continue;
    const parsed = new URL(url);
    if (siteHost(parsed.hostname) === host && isArticleUrl(url, patterns)) found.add(url);
  }
  return [...found];
}

/** Whether a URL looks like an article, by the outlet's patterns or the built-in rules. */
export function isArticleUrl(url: string, patterns: LinkPatterns): boolean {
  if (patterns.exclude.some((re) => re.test(url))) return false;
  if (patterns.include.length > 0) return patterns.include.some((re) => re.test(url));
  return looksLikeArticlePath(new URL(url).pathname);
}

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
]);

/** A `<link>` element's attributes, as the page gives them. */
export interface LinkTag {
  rel: string | undefined;
  type: string | undefined;
  href: string | undefined;
  title: string | undefined;
}

/**
 * The feeds a page announces with `<link rel="alternate" type="application/rss+xml">` (and Atom,
 * RDF, JSON Feed), absolute and normalised, in page order; comment feeds are left out.
 */
export function findFeedLinks(links: Iterable<LinkTag>, pageUrl: string): string[] {
  const found = new Set<string>();
  for (const link of links) {
    const rels = (link.rel ?? '').toLowerCase().split(/\s+/);
    const type = link.type?.split(';')[0]?.trim().toLowerCase();
    if (!rels.includes('alternate') || type === undefined || !FEED_TYPES.has(type)) continue;
    if (type === 'application/json' && !/feed/i.test(`${link.href} ${link.title}`)) continue;
    const url = link.href === undefined ? undefined : resolveHttpUrl(link.href, pageUrl);
    if (url === undefined || /comments?/i.test(`${link.title ?? ''} ${url}`)) continue;
    found.add(url);
  }
  return [...found];
}

/** Whether a URL path has the shape news sites give to single articles. */
export function looksLikeArticlePath(pathname: string): boolean {
  const segments = pathname.split('/').filter((s) => s !== '');
  const first = segments[0]?.toLowerCase();
  const last = segments.at(-1);
  const extension = last === undefined ? undefined : /\.([a-z0-9]+)$/i.exec(last)?.[1];
  if (extension !== undefined && FILE_EXTENSIONS.has(extension.toLowerCase())) return false;
  if (first !== undefined && NON_ARTICLE_SECTIONS.has(first)) return false;
  if (DATE_SEGMENT.test(pathname) || segments.length >= 3) return true;
  return last !== undefined && last.length >= 12 && SLUG.test(decodeSegment(last));
}

function siteHost(hostname: string): string {
  return hostname.replace(/^www\./, '');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray % in a path is not worth failing discovery over; the raw form is tested instead.
    return segment;
  }
}
