import { PermanentError } from '../errors.js';
import { resolveHttpUrl } from './url.js';
import {
  firstText,
  isRecord,
  parseXml,
  parseXmlDate,
  rootName,
  textOf,
  type XmlNode,
} from './xml.js';

/** One page listed by a sitemap, with the dates it gives. */
export interface SitemapEntry {
  url: string;
  /** Google News sitemaps: `<news:publication_date>`. */
  publishedAt?: Date;
  /** `<lastmod>`. */
  modifiedAt?: Date;
  /** Google News sitemaps: `<news:title>`. */
  title?: string;
}

/** A sitemap index entry: another sitemap. */
export interface ChildSitemap {
  url: string;
  modifiedAt?: Date;
}

export type Sitemap =
  | { kind: 'urlset'; entries: SitemapEntry[] }
  | { kind: 'index'; sitemaps: ChildSitemap[] };

/**
 * Reads an XML sitemap (`<urlset>`, with the Google News extension when present) or a sitemap
 * index (`<sitemapindex>`), with URLs resolved against `sitemapUrl`, in document order.
 *
 * Throws a PermanentError "not a sitemap: <reason>" for anything else, and for documents that
 * declare their own entities.
 */
export function parseSitemap(body: string, sitemapUrl: string): Sitemap {
  const root = parseXml(body, notASitemap);
  if (isRecord(root.urlset))
    return { kind: 'urlset', entries: urlEntries(root.urlset, sitemapUrl) };
  if (isRecord(root.sitemapindex)) {
    return { kind: 'index', sitemaps: childSitemaps(root.sitemapindex, sitemapUrl) };
  }
  const name = rootName(root);
  throw notASitemap(name === undefined ? 'no root element' : `root element is <${name}>`);
}

function urlEntries(urlset: XmlNode, base: string): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  for (const node of listOf(urlset.url)) {
    const url = locOf(node, base);
    if (url === undefined) continue;
    const entry: SitemapEntry = { url };
    const news = isRecord(node.news) ? node.news : undefined;
    const published = parseXmlDate(textOf(news?.publication_date));
    const modified = parseXmlDate(textOf(node.lastmod));
    const title = textOf(news?.title);
    if (published !== undefined) entry.publishedAt = published;
    if (modified !== undefined) entry.modifiedAt = modified;
    if (title !== undefined && title !== '') entry.title = title;
    entries.push(entry);
  }
  return entries;
}

function childSitemaps(index: XmlNode, base: string): ChildSitemap[] {
  const children: ChildSitemap[] = [];
  for (const node of listOf(index.sitemap)) {
    const url = locOf(node, base);
    if (url === undefined) continue;
    const modified = parseXmlDate(textOf(node.lastmod));
    children.push(modified === undefined ? { url } : { url, modifiedAt: modified });
  }
  return children;
}

function listOf(value: unknown): XmlNode[] {
  return (Array.isArray(value) ? value : []).filter(isRecord);
}

function locOf(node: XmlNode, base: string): string | undefined {
  const loc = firstText(node.loc);
  return loc === undefined ? undefined : resolveHttpUrl(loc, base);
}

function notASitemap(reason: string, cause?: unknown): PermanentError {
  return new PermanentError(
    `not a sitemap: ${reason}`,
    cause === undefined ? undefined : { cause },
  );
}
