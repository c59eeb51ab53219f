import type { TokenTable } from '../tokens.js';
import { findQuotes, type Quote } from './quotes.js';

/** Token ranges are [from, to): token indices of the article's token table. */
export interface Range {
  from: number;
  to: number;
}

/** Everything the frame rules look up, computed once per article in linear passes. */
export interface Ctx {
  table: TokenTable;
  /** The table's columns, one property load closer for the rules' many lookups. */
  normals: readonly string[];
  pos: readonly string[];
  values: readonly string[];
  quotes: Quote[];
  /** quoteOf[i]: the quotation token i belongs to (marks included), or -1. */
  quoteOf: Int32Array;
  /** 1 for tokens strictly inside a quotation (not its marks): looked up by every rule. */
  inside: Uint8Array;
  /** 1 when a line break stands before token i. */
  breakBefore: Uint8Array;
  /** First and last non-space token of token i's paragraph. */
  paraFrom: Int32Array;
  paraTo: Int32Array;
  /**
   * Per token, whether its line is title-case (a headline: "Erdogan Says Turkey Ready to Host
   * Talks"): 0 not yet known, 1 no, 2 yes. Read through `inHeadline`, which works a paragraph out
   * on first use: only the paragraphs of candidate cues are ever asked about.
   */
  headline: Uint8Array;
  /**
   * Per-token answers of the costlier rules, filled on first use (0 unknown, 1 no, 2 yes): the
   * same sentence is read for several cues, and the same names for several sources.
   */
  memo: { cut: Uint8Array; name: Uint8Array };
}

const HEADLINE_SHARE = 0.7;
const MIN_HEADLINE_WORDS = 3;
const MAX_HEADLINE_WORDS = 24;
const WORD = /^\p{L}{4,}/u;
const UPPER_FIRST = /^\p{Lu}/u;

// ASCII fast paths of the two tests above; other scripts fall back to the regular expressions.
function isLongWord(v: string): boolean {
  if (v.length < 4) return false;
  const c = v.charCodeAt(0) | 32;
  return c >= 97 && c <= 122 ? /^[A-Za-z]{4}/.test(v) || WORD.test(v) : WORD.test(v);
}

function isCapitalised(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_FIRST.test(v);
}

function lineBreaks(table: TokenTable, brk: Uint8Array): Uint8Array {
  const { text } = table;
  let pending = false;
  // The next line break at or after the current gap, found incrementally (linear overall).
  let newline = text.indexOf('\n');
  for (let i = 0; i < table.count; i += 1) {
    const gapFrom = i > 0 ? (table.ends[i - 1] ?? 0) : 0;
    if (newline !== -1 && newline < gapFrom) newline = text.indexOf('\n', gapFrom);
    if (newline !== -1 && newline < (table.starts[i] ?? 0)) pending = true;
    if (table.pos[i] === 'SPACE') {
      if ((table.values[i] ?? '').includes('\n')) pending = true;
      continue;
    }
    if (pending) brk[i] = 1;
    pending = false;
  }
  return brk;
}

function isHeadline(table: TokenTable, from: number, to: number): boolean {
  // A headline is short; most paragraphs are ruled out by their length alone.
  if (to - from > 2 * MAX_HEADLINE_WORDS) return false;
  let words = 0;
  let long = 0;
  let capitalised = 0;
  for (let k = from; k <= to; k += 1) {
    const v = table.values[k] ?? '';
    if (table.pos[k] === 'PUNCT' || table.pos[k] === 'SPACE') continue;
    words += 1;
    if (isLongWord(v)) {
      long += 1;
      if (isCapitalised(v)) capitalised += 1;
      // Enough lowercase words already: this is running text.
      else if (long - capitalised > MAX_HEADLINE_WORDS * (1 - HEADLINE_SHARE)) return false;
    }
  }
  if (words < MIN_HEADLINE_WORDS || words > MAX_HEADLINE_WORDS || long < MIN_HEADLINE_WORDS) {
    return false;
  }
  return capitalised / long >= HEADLINE_SHARE;
}

function paragraphs(table: TokenTable, brk: Uint8Array, paraFrom: Int32Array, paraTo: Int32Array): void {
  let start = 0;
  const close = (end: number) => {
    let last = end - 1;
    while (last > start && table.pos[last] === 'SPACE') last -= 1;
    let first = start;
    while (first < last && table.pos[first] === 'SPACE') first += 1;
    paraFrom.fill(first, start, end);
    paraTo.fill(last, start, end);
  };
  for (let i = 1; i < table.count; i += 1) {
    if (brk[i] === 1) {
      close(i);
      start = i;
    }
  }
  if (table.count > 0) close(table.count);
}

// Typed arrays are costly to allocate, so the per-token arrays of one article are views of two
// buffers reused from article to article (cleared first). The analyzer is synchronous and the
// context never outlives `findAttributions`, so no two articles ever share them at once.
let ints32 = new Int32Array(0);
let bytes8 = new Uint8Array(0);

function scratchInts(size: number): Int32Array {
  if (ints32.length < size) ints32 = new Int32Array(Math.max(size, 2 * ints32.length));
  const view = ints32.subarray(0, size);
  view.fill(0);
  return view;
}

function scratchBytes(size: number): Uint8Array {
  if (bytes8.length < size) bytes8 = new Uint8Array(Math.max(size, 2 * bytes8.length));
  const view = bytes8.subarray(0, size);
  view.fill(0);
  return view;
}

/**
 * Builds the per-article lookups from wink's token table (linear passes).
 */
export function buildContext(table: TokenTable): Ctx {
  const n = table.count;
  const ints = scratchInts(3 * n);
  const bytes = scratchBytes(5 * n);
  const view = (k: number) => bytes.subarray(k * n, (k + 1) * n);
  const breakBefore = view(0);
  const headline = view(1);
  const inside = view(2);
  const cut = view(3);
  const name = view(4);
  const paraFrom = ints.subarray(0, n);
  const paraTo = ints.subarray(n, 2 * n);
  const quoteOf = ints.subarray(2 * n, 3 * n);
  lineBreaks(table, breakBefore);
  paragraphs(table, breakBefore, paraFrom, paraTo);
  const quotes = findQuotes(table, breakBefore);
  quoteOf.fill(-1);
  quotes.forEach((q, k) => {
    quoteOf.fill(k, q.open, q.close + 1);
    inside.fill(1, q.open + 1, q.close);
  });
  const memo = { cut, name };
  const { normals, pos, values } = table;
  return {
    table,
    normals,
    pos,
    values,
    quotes,
    quoteOf,
    inside,
    breakBefore,
    paraFrom,
    paraTo,
    headline,
    memo,
  };
}

/**
 * 1 for every token of a quotation, marks included, with quotes paired as attribution pairs them
 * (paragraph by paragraph, straight quotes by their spacing), for readers outside attribution.
 */
export function quotedTokens(table: TokenTable): Uint8Array {
  const quoted = new Uint8Array(table.count);
  for (const q of findQuotes(table, lineBreaks(table, new Uint8Array(table.count)))) quoted.fill(1, q.open, q.close + 1);
  return quoted;
}

// Out-of-range indices (-1 before the first token) read as empty rather than as array holes.
export const norm = (ctx: Ctx, i: number): string => (i >= 0 ? (ctx.normals[i] ?? '') : '');
export const posOf = (ctx: Ctx, i: number): string => (i >= 0 ? (ctx.pos[i] ?? '') : '');
export const valueOf = (ctx: Ctx, i: number): string => (i >= 0 ? (ctx.values[i] ?? '') : '');

const SENTENCE_END = new Set(['.', '!', '?']);
const OPEN_MARKS = new Set(['“', '„', '«']);
const CLOSE_MARKS = new Set(['”', '»']);

export const isSentenceEnd = (ctx: Ctx, i: number): boolean => SENTENCE_END.has(valueOf(ctx, i));

/** Token i stands on a title-case line (see `Ctx.headline`). */
export function inHeadline(ctx: Ctx, i: number): boolean {
  if (i < 0) return false;
  const known = ctx.headline[i] ?? 1;
  if (known !== 0) return known === 2;
  const from = ctx.paraFrom[i] ?? i;
  const to = ctx.paraTo[i] ?? i;
  const answer = isHeadline(ctx.table, from, to) ? 2 : 1;
  ctx.headline.fill(answer, Math.min(from, i), Math.max(to, i) + 1);
  return answer === 2;
}

/** Records a memoised per-token answer (see `Ctx.memo`) and returns it. */
export function remember(cache: Uint8Array, i: number, answer: boolean): boolean {
  cache[i] = answer ? 2 : 1;
  return answer;
}

/** The quotation token i belongs to (marks included), if any. */
export function quoteAt(ctx: Ctx, i: number): Quote | undefined {
  // Indexing an array with -1 is a slow property lookup in V8, and most tokens have no quote.
  const q = i >= 0 ? (ctx.quoteOf[i] ?? -1) : -1;
  return q < 0 ? undefined : ctx.quotes[q];
}

/** Token i is a quotation's opening mark (as paired, not just by its glyph). */
export function opensQuote(ctx: Ctx, i: number): boolean {
  const q = quoteAt(ctx, i);
  return q !== undefined && q.open === i;
}

/** Token i is a quotation's closing mark. */
export function closesQuote(ctx: Ctx, i: number): boolean {
  const q = quoteAt(ctx, i);
  return q !== undefined && q.close === i && !OPEN_MARKS.has(valueOf(ctx, i));
}

/** Token i is strictly inside a quotation (not one of its marks). */
export function insideQuote(ctx: Ctx, i: number): boolean {
  return ctx.inside[i] === 1;
}

export const isQuoteGlyph = (ctx: Ctx, i: number): boolean => {
  const v = valueOf(ctx, i);
  return OPEN_MARKS.has(v) || CLOSE_MARKS.has(v) || v === '"';
};

/** First token of i's sentence, never before i's paragraph. */
export function sentenceFrom(ctx: Ctx, i: number): number {
  const s = ctx.table.sentenceOf[i] ?? 0;
  let k = Math.max(ctx.table.sentFrom[s] ?? 0, ctx.paraFrom[i] ?? 0);
  while (k < i && posOf(ctx, k) === 'SPACE') k += 1;
  return k;
}

/** Last non-space token of i's sentence, never after i's paragraph. */
export function sentenceTo(ctx: Ctx, i: number): number {
  const s = ctx.table.sentenceOf[i] ?? 0;
  let k = Math.min((ctx.table.sentTo[s] ?? 1) - 1, ctx.paraTo[i] ?? i);
  while (k > i && posOf(ctx, k) === 'SPACE') k -= 1;
  return k;
}
