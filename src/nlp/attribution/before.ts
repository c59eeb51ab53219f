import {
  type Ctx,
  type Range,
  closesQuote,
  norm,
  opensQuote,
  posOf,
  sentenceFrom,
  valueOf,
  quoteAt,
} from './context.js';
import { contentEnd, nextToken, quoteRange } from './complement.js';
import { previous } from './cue-at.js';

const hasVerb = (ctx: Ctx, from: number, to: number): boolean => {
  for (let k = from; k < to; k += 1)
    if (posOf(ctx, k) === 'VERB' || posOf(ctx, k) === 'AUX') return true;
  return false;
};

const ADVERBIAL_START = new Set(['ADP', 'SCONJ', 'ADV', 'VERB']);
const MAX_DATELINE = 8;
const DATELINE_PUNCT = new Set(['(', ')', ',', '.', '—', '–']);

/** The first token after a dateline ("WASHINGTON (Reuters) —") at `from`, or `from`. */
export function afterDateline(ctx: Ctx, from: number, limit: number): number {
  for (let k = from; k < Math.min(limit, from + MAX_DATELINE); k += 1) {
    const v = valueOf(ctx, k);
    if ((v === '—' || v === '–') && k > from) return nextToken(ctx, k + 1);
    if (posOf(ctx, k) !== 'PROPN' && !DATELINE_PUNCT.has(v)) return from;
  }
  return from;
}

/** Content before a frame that starts at token `fs`: a quote, or the clause up to a comma. */
export function contentBefore(ctx: Ctx, fs: number): { range: Range; direct: boolean } | undefined {
  let b = previous(ctx, fs);
  const v = valueOf(ctx, b);
  const comma = v === ',' || v === '—' || v === '–';
  if (comma && closesQuote(ctx, b - 1)) b -= 1;
  if (closesQuote(ctx, b)) {
    const q = quoteAt(ctx, b);
    if (q === undefined) return undefined;
    return { range: { from: q.open, to: b + 1 }, direct: q.words >= 2 };
  }
  if (!comma) return undefined;
  const from = afterDateline(ctx, sentenceFrom(ctx, b), b);
  // "During the call, he asked …": an adverbial before the frame is not what was said.
  const adverbial = ADVERBIAL_START.has(posOf(ctx, from)) && !hasVerb(ctx, from, b);
  return from < b && !adverbial ? { range: { from, to: b }, direct: false } : undefined;
}

// "The plan, he said, is dead." and "“A,” he said, “B.”": content continues after the frame.
export function extendMiddle(ctx: Ctx, content: Range, direct: boolean, after: number): Range {
  if (valueOf(ctx, after) !== ',') return content;
  const j = nextToken(ctx, after + 1);
  if (opensQuote(ctx, j) && direct)
    return { from: content.from, to: quoteRange(ctx, j)?.to ?? content.to };
  const n = norm(ctx, j);
  if (direct || n.endsWith('ing') || n === 'according' || opensQuote(ctx, j)) return content;
  return { from: content.from, to: contentEnd(ctx, j, false) + 1 };
}
