import { parseHTML } from 'linkedom';
import { findArticleLinks, findFeedLinks, type LinkTag } from './discover.js';
import { extractArticle } from './extract.js';
import { parseFeed } from './feed.js';
import { USER_AGENT } from './navigation.js';
import { isPrivateNetworkUrl } from './private-network.js';
import { parseRobots, robotsUrlFor } from './robots.js';
import { parseSitemap } from './sitemap.js';
import { normalizeUrl } from './url.js';

/** What `stancewatch init` learns of one site before writing its outlet entry. */
export interface SiteProbe {
  homepage: string;
  /** og:site_name, else the homepage's <title>, else the host. */
  name: string;
  /** Feeds the homepage announces, or found at a common path when it announces none. */
  feeds: string[];
  /** Sitemaps robots.txt lists. */
  sitemaps: string[];
  /** Article URLs from the first feed, else a sitemap, else the homepage's links. */
  articleUrls: string[];
  /** On loopback or a private network: the outlet needs `allowPrivateNetwork`. */
  privateNetwork: boolean;
  /** What went wrong on the way (a robots.txt that failed, a feed that is not one). */
  notes: string[];
}

export interface ProbeOptions {
  userAgent?: string;
  /** Per request. @defaultValue 15000 ms */
  timeoutMs?: number;
}

/** Paths where sites keep a feed without announcing it; tried only when none is announced. */
const COMMON_FEED_PATHS = ['/feed', '/rss.xml', '/rss', '/feed.xml', '/atom.xml', '/index.xml'];

async function get(url: string, opts: ProbeOptions): Promise<string> {
  const res = await fetch(url, {
    headers: { 'user-agent': opts.userAgent ?? USER_AGENT, accept: '*/*' },
    signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    redirect: 'follow',
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

function siteName(document: Document, url: string): string {
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content')?.trim();
  const title = document.querySelector('title')?.textContent?.trim();
  // A homepage's og:title is usually the site's name; its <title> adds a tagline after | or -.
  const fromTitle = title?.split(/\s+[|–—-]\s+/)[0];
  return meta('meta[property="og:site_name"]') || meta('meta[property="og:title"]') || fromTitle || new URL(url).hostname;
}

async function feedEntries(url: string, opts: ProbeOptions): Promise<string[]> {
  return parseFeed(await get(url, opts), url).map((e) => e.url);
}

async function sitemapUrls(url: string, opts: ProbeOptions, depth = 0): Promise<string[]> {
  const map = parseSitemap(await get(url, opts), url);
  if (map.kind === 'urlset') return map.entries.map((e) => e.url);
  const child = map.sitemaps[0];
  return child && depth < 2 ? sitemapUrls(child.url, opts, depth + 1) : [];
}

/**
 * Discovers a site's feeds and sitemaps as the crawler does (announced feeds, robots.txt
 * sitemaps), with a few common feed paths as a fallback, and lists some article URLs. A step
 * that fails is noted and the others go on; only an unreachable homepage throws.
 */
export async function probeSite(homepage: string, opts: ProbeOptions = {}): Promise<SiteProbe> {
  const url = normalizeUrl(homepage);
  let html: string;
  try {
    html = await get(url, opts);
  } catch (err) {
    throw new Error(`homepage ${url}: ${(err as Error).message}`, { cause: err });
  }
  const { document } = parseHTML(html);
  const tags = [...document.querySelectorAll('link')].map(
    (el): LinkTag => ({
      rel: el.getAttribute('rel') ?? undefined,
      type: el.getAttribute('type') ?? undefined,
      href: el.getAttribute('href') ?? undefined,
      title: el.getAttribute('title') ?? undefined,
    }),
  );
  const notes: string[] = [];
  const probe: SiteProbe = {
    homepage: url,
    name: siteName(document as unknown as Document, url),
    feeds: findFeedLinks(tags, url),
    sitemaps: [],
    articleUrls: [],
    privateNetwork: isPrivateNetworkUrl(url),
    notes,
  };
  try {
    probe.sitemaps = parseRobots(robotsUrlFor(url), await get(robotsUrlFor(url), opts), opts.userAgent ?? USER_AGENT).sitemaps;
  } catch (err) {
    notes.push(`robots.txt: ${(err as Error).message}`);
  }
  if (probe.feeds.length === 0) {
    for (const path of COMMON_FEED_PATHS) {
      const candidate = new URL(path, url).href;
      const entries = await feedEntries(candidate, opts).catch(() => []);
      if (entries.length > 0) {
        probe.feeds.push(candidate);
        break;
      }
    }
  }
  probe.articleUrls = await articleUrls(probe, document, opts);
  return probe;
}

async function articleUrls(probe: SiteProbe, document: { querySelectorAll(s: string): Iterable<Element> }, opts: ProbeOptions): Promise<string[]> {
  for (const feed of probe.feeds) {
    try {
      const urls = await feedEntries(feed, opts);
      if (urls.length > 0) return urls;
    } catch (err) {
      probe.notes.push(`feed ${feed}: ${(err as Error).message}`);
    }
  }
  for (const sitemap of probe.sitemaps) {
    try {
      const urls = await sitemapUrls(sitemap, opts);
      if (urls.length > 0) return urls;
    } catch (err) {
      probe.notes.push(`sitemap ${sitemap}: ${(err as Error).message}`);
    }
  }
  const hrefs = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '');
  return findArticleLinks(hrefs, probe.homepage);
}

/** One sampled article: its URL, title and main text. */
export interface SampledArticle {
  url: string;
  title: string;
  text: string;
}

/**
 * Fetches and extracts up to `limit` of `urls`, in order, skipping pages that fail or hold no
 * article text (each noted in `notes`).
 */
export async function sampleArticles(
  urls: readonly string[],
  limit: number,
  opts: ProbeOptions & { notes?: string[] } = {},
): Promise<SampledArticle[]> {
  const out: SampledArticle[] = [];
  for (const url of urls) {
    if (out.length >= limit) break;
    try {
      const page = extractArticle(await get(url, opts), url);
      out.push({ url, title: page.title, text: page.text });
    } catch (err) {
      opts.notes?.push(`${url}: ${(err as Error).message}`);
    }
  }
  return out;
}
