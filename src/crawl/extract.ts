import { PermanentError } from '../errors.js';
import { extractMainText, parseDocument } from './extraction/main-text.js';
import {
  asksForJavaScript,
  hasPaywallBox,
  qualityFlags,
  type QualityFlag,
} from './extraction/quality.js';
import { simhash } from './extraction/simhash.js';
import { readMetadata } from './metadata.js';

/** The readable part of an article page and its metadata. */
export interface ExtractedArticle {
  title: string;
  /** Paragraphs separated by a blank line, whitespace inside each collapsed to single spaces. */
  text: string;
  /** `authors` joined with ", "; null when the page names no one. */
  author: string | null;
  authors: string[];
  /** In UTC; null when the page does not say. */
  publishedAt: Date | null;
  /** In UTC; null when the page does not say or says something before `publishedAt`. */
  modifiedAt: Date | null;
  /** Primary language subtag, lowercase (`en`, `fr`); null when the page does not say. */
  language: string | null;
  /** rel=canonical or og:url when it is an http(s) URL, else `url`; normalised. */
  canonicalUrl: string;
  /** The site's own section name ("Politics"), from JSON-LD or meta tags. */
  section: string | null;
  /** Reasons to doubt that `text` is the whole story; empty for a clean extraction. */
  qualityFlags: QualityFlag[];
  /** 64-bit SimHash of `text`, 16 hex digits, for near-duplicate detection. */
  simhash: string;
}

/** Below this many characters of main text a page is a gallery, index or stub, not an article. */
export const MIN_ARTICLE_CHARS = 200;

/**
 * Extracts the main text and the metadata of an article page fetched from `url`. Boilerplate
 * elements (navigation, figures and captions, share bars, related links, newsletter boxes, ads)
 * are removed, Readability over a linkedom document picks the main content, and boilerplate lines
 * left in it (bylines, datelines, credits, "Read more" links) are dropped. `now` bounds the dates
 * a page may claim.
 *
 * Throws a PermanentError "no article text found" when the page has less than
 * {@link MIN_ARTICLE_CHARS} characters of main text: fetching it again cannot help.
 */
export function extractArticle(html: string, url: string, now = new Date()): ExtractedArticle {
  const document = parseDocument(html);
  // The cleaning passes rewrite the document, so everything else is read first.
  const meta = readMetadata(document, url, now);
  const needsJavaScript = asksForJavaScript(document);
  const main = extractMainText(document, html, url, {
    title: meta.title,
    articleBody: meta.articleBody,
    minChars: MIN_ARTICLE_CHARS,
  });
  const text = main.blocks.map((b) => b.text).join('\n\n');
  if (text.length < MIN_ARTICLE_CHARS) {
    const hint = needsJavaScript ? '; the page needs JavaScript' : '';
    throw new PermanentError(
      `no article text found (${text.length} characters of main text${hint})`,
    );
  }
  return {
    title: meta.title ?? '',
    text,
    author: meta.authors.length === 0 ? null : meta.authors.join(', '),
    authors: meta.authors,
    publishedAt: meta.publishedAt,
    modifiedAt: meta.modifiedAt,
    language: meta.language,
    canonicalUrl: meta.canonicalUrl,
    section: meta.section,
    qualityFlags: qualityFlags(
      main.blocks,
      { paywalled: meta.notFree || hasPaywallBox(main.removed), needsJavaScript },
      main.source === 'json-ld',
    ),
    simhash: simhash(text),
  };
}
