import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { PermanentError } from '../errors.js';
import { cleanByline, readMetadata } from './metadata.js';

/** The readable part of an article page and its metadata. */
export interface ExtractedArticle {
  title: string;
  /** Paragraphs separated by a blank line, whitespace inside each collapsed to single spaces. */
  text: string;
  author: string | null;
  /** In UTC; null when the page does not say. */
  publishedAt: Date | null;
  /** Primary language subtag, lowercase (`en`, `fr`); null when the page does not say. */
  language: string | null;
  /** rel=canonical or og:url when it is an http(s) URL, else `url`; normalised. */
  canonicalUrl: string;
}

/** Below this many characters of main text a page is a gallery, index or stub, not an article. */
export const MIN_ARTICLE_CHARS = 200;

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre',
  'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/**
 * Extracts the main text (Readability over a linkedom document) and the metadata of an article
 * page fetched from `url`.
 *
 * Throws a PermanentError "no article text found" when the page has less than
 * {@link MIN_ARTICLE_CHARS} characters of main text: fetching it again cannot help.
 */
export function extractArticle(html: string, url: string): ExtractedArticle {
  const document = parseDocument(html);
  // Readability rewrites the document it reads, so the metadata has to be read first.
  const meta = readMetadata(document, url);
  const readable = runReadability(document, url);
  const text = readable?.content ? paragraphsOf(readable.content).join('\n\n') : '';
  if (text.length < MIN_ARTICLE_CHARS) {
    throw new PermanentError(`no article text found (${text.length} characters of main text)`);
  }
  return {
    title: meta.title ?? readable?.title?.trim() ?? '',
    text,
    author: meta.author ?? cleanByline(readable?.byline),
    publishedAt: meta.publishedAt,
    language: meta.language,
    canonicalUrl: meta.canonicalUrl,
  };
}

/** linkedom only builds a document around an <html> element; fragments get one. */
function parseDocument(html: string): Document {
  const { document } = parseHTML(html);
  if (document.documentElement?.tagName === 'HTML') return document;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

function runReadability(document: Document, url: string) {
  try {
    return new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch (err) {
    // The same bytes would fail the same way on a retry.
    throw new PermanentError(`readability failed on ${url}`, { cause: err });
  }
}

/** The text of `root` split at block elements, each block's whitespace collapsed. */
export function paragraphsOf(root: Node): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = (): void => {
    const paragraph = buffer.replace(/\s+/g, ' ').trim();
    if (paragraph !== '') paragraphs.push(paragraph);
    buffer = '';
  };
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        buffer += child.textContent ?? '';
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).tagName.toLowerCase();
        if (SKIPPED_TAGS.has(tag)) continue;
        if (tag === 'br') buffer += ' ';
        const block = BLOCK_TAGS.has(tag);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paragraphs;
}

// Never article text, even where a sloppy page puts them inside the body.
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'title']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
