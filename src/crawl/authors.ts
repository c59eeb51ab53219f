import type { JsonLdArticle } from './json-ld.js';
import type { MetaTags } from './meta-tags.js';

// Meta tags naming the author, after JSON-LD, in order of trust.
const AUTHOR_META = [
  'name=author',
  'property=article:author',
  'name=parsely-author',
  'name=sailthru.author',
  'name=dc.creator',
  'name=byl',
];

// Elements that hold a byline, most specific first.
const BYLINE_SELECTORS = [
  '[itemprop~="author"] [itemprop~="name"]',
  '[itemprop~="author"]',
  '[rel~="author"]',
  '[class*="byline" i]',
  '[class*="author-name" i]',
  '[class*="article-author" i]',
];

const BY = /^(by|written by|words by|text by|von|par|por|di|door|av|от|автор)[:\s]+/i;
const MAX_NAME_CHARS = 80;

/**
 * The authors of a page, from its most trusted source: JSON-LD, author meta tags, then a byline
 * element of the page itself (read before boilerplate removal takes it away). Names are cleaned
 * of "By", split at "and", "&", "," and ";", and deduplicated; profile URLs are dropped.
 */
export function readAuthors(
  doc: Document,
  meta: MetaTags,
  ld: JsonLdArticle | undefined,
): string[] {
  if (ld !== undefined) {
    const names = cleanNames(ld.authors);
    if (names.length > 0) return names;
  }
  for (const key of AUTHOR_META) {
    const names = cleanNames(splitNames(meta.get(key) ?? ''));
    if (names.length > 0) return names;
  }
  return cleanNames(splitNames(readByline(doc) ?? ''));
}

/** The text of the page's byline element, or undefined. */
export function readByline(doc: Document): string | undefined {
  for (const selector of BYLINE_SELECTORS) {
    for (const el of Array.from(doc.querySelectorAll(selector)).slice(0, 5)) {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text !== '' && text.length <= 100) return text;
    }
  }
  return undefined;
}

/** Strips "By " and its common translations from a byline. */
export function cleanByline(byline: string | null | undefined): string | null {
  if (byline === null || byline === undefined) return null;
  const cleaned = byline.replace(/\s+/g, ' ').trim().replace(BY, '');
  return cleaned === '' ? null : cleaned;
}

function splitNames(text: string): string[] {
  const cleaned = cleanByline(text);
  if (cleaned === null) return [];
  return cleaned.split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\|)\s*/i);
}

function cleanNames(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = cleanByline(raw);
    if (name === null || name.length > MAX_NAME_CHARS || /^https?:\/\/|@.*\./i.test(name)) continue;
    // A name has letters and no digits; "March 5" or "2024" left over from a byline is a date.
    if (!/\p{L}/u.test(name) || /\d/.test(name) || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}
