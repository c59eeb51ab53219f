// Campaign and click ids make one article look like many; they never select different content.
const TRACKING_PARAM = /^(utm_[a-z0-9_]*|fbclid|gclid|dclid|msclkid|mc_eid|mc_cid)$/i;

/**
 * The form of a URL used for deduplication and storage. Scheme and host are lowercased and
 * default ports dropped (the WHATWG URL parser does both); the fragment and tracking parameters
 * (utm_*, fbclid, gclid, ...) are dropped and the remaining query parameters sorted. The path
 * keeps its case and its trailing slash, because `/a` and `/a/` can be different pages; only an
 * empty path becomes `/`, as the URL serialiser always writes it.
 *
 * Throws a TypeError when the input is not an absolute URL.
 */
export function normalizeUrl(url: string): string {
  const u = new URL(url.trim());
  u.hash = '';
  const kept = [...u.searchParams].filter(([name]) => !TRACKING_PARAM.test(name));
  // Sort on name then value so that repeated names get a stable order too.
  kept.sort(([an, av], [bn, bv]) => (an === bn ? compare(av, bv) : compare(an, bn)));
  u.search = kept.length === 0 ? '' : new URLSearchParams(kept).toString();
  return u.toString();
}

/**
 * An absolute http(s) URL for `href` relative to `base`, normalised; undefined when it does not
 * resolve or uses another scheme (mailto:, javascript:, data:, ...).
 */
export function resolveHttpUrl(href: string, base: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed === '') return undefined;
  let resolved: URL;
  try {
    resolved = new URL(trimmed, base);
  } catch {
    // A malformed href in someone else's page is data noise, not an error of ours.
    return undefined;
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return undefined;
  return normalizeUrl(resolved.toString());
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
