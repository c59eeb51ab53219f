import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { PermanentError } from '../../errors.js';
import { blocksOf, type Block } from './blocks.js';
import { removeBoilerplate } from './boilerplate-dom.js';
import { cleanBlocks } from './clean-blocks.js';

/** The main text as blocks, and where it came from. */
export interface MainText {
  blocks: Block[];
  source: 'page' | 'json-ld';
  /** The boilerplate elements removed from the page, for the quality checks. */
  removed: Element[];
}

/** A publisher's articleBody shorter than this is a summary, not the story. */
const MIN_JSON_LD_CHARS = 500;

/**
 * The main text of a parsed page: boilerplate elements removed, Readability's choice of the main
 * content, boilerplate lines dropped. When that leaves less than `minChars` (the cleaning took too
 * much on an unusual page), Readability runs again on the untouched page. When the publisher's own
 * articleBody (JSON-LD) is plausible and at least twice as long, as on pages that render their text
 * with JavaScript or cut it for a paywall, that wins.
 */
export function extractMainText(
  document: Document,
  html: string,
  url: string,
  options: { title: string | null; articleBody: string | null; minChars: number },
): MainText {
  const removed = removeBoilerplate(document);
  let blocks = readableBlocks(document, url, options.title);
  if (charsOf(blocks) < options.minChars) {
    const untouched = parseDocument(html);
    const second = readableBlocks(untouched, url, options.title);
    if (charsOf(second) > charsOf(blocks)) blocks = second;
  }
  const body = options.articleBody === null ? [] : paragraphsOfPlainText(options.articleBody);
  const bodyChars = charsOf(body);
  if (bodyChars >= MIN_JSON_LD_CHARS && bodyChars >= 2 * charsOf(blocks)) {
    return { blocks: body, source: 'json-ld', removed };
  }
  return { blocks, source: 'page', removed };
}

/** linkedom only builds a document around an <html> element; fragments get one. */
export function parseDocument(html: string): Document {
  const { document } = parseHTML(html);
  if (document.documentElement?.tagName === 'HTML') return document;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

function readableBlocks(document: Document, url: string, title: string | null): Block[] {
  let content: Node | null | undefined;
  try {
    content = new Readability<Node>(document, { serializer: (node) => node }).parse()?.content;
  } catch (err) {
    // The same bytes would fail the same way on a retry.
    throw new PermanentError(`readability failed on ${url}`, { cause: err });
  }
  return content ? cleanBlocks(blocksOf(content), title) : [];
}

/** An articleBody as blocks: plain text split at line breaks, or markup as some publishers give. */
function paragraphsOfPlainText(text: string): Block[] {
  if (/<(p|div|br)\b[^>]*>/i.test(text)) return blocksOf(parseDocument(text).body);
  return text
    .split(/\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .map((p) => ({ text: p, tag: 'p', linkChars: 0, afterImage: false }));
}

function charsOf(blocks: Block[]): number {
  return blocks.reduce((n, b) => n + b.text.length, 0);
}
