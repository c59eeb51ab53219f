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

/**
 * Links of a homepage that look like articles on the same site: same host (ignoring `www.`), and a
 * path with a date segment (`/2024/03/05/`), at least three segments, or a slug of three or more
 * dashed words. Absolute, normalised, without duplicates, in page order.
 */
export function findArticleLinks(hrefs: Iterable<string>, pageUrl: string): string[] {
  const host = siteHost(new URL(pageUrl).hostname);
  const page = resolveHttpUrl(pageUrl, pageUrl);
  const found = new Set<string>();
  for (const href of hrefs) {
    const url = resolveHttpUrl(href, pageUrl);
    if (url === undefined || url === page || found.has(url)) continue;
    const parsed = new URL(url);
    if (siteHost(parsed.hostname) === host && looksLikeArticlePath(parsed.pathname)) found.add(url);
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
