import { type Ctx, type Range, norm, posOf, valueOf } from './context.js';
import {
  insertionStart,
  isInsertion,
  opensClause,
  phraseEndingAt,
  phraseStartingAt,
  skipTimeLeft,
} from './phrases.js';

/** Who a frame's verb belongs to, and the outlet or channel a nested citation came through. */
export interface Subject {
  source: Range;
  via?: Range;
}

const MAX_INSERTIONS = 2;
const CITING = new Set(['citing', 'quoting']);
const REPORT_WORDS = new Set(
  'report reports dispatch dispatches article story stories coverage'.split(' '),
);
const CHANNEL_PREPS = new Set(['from', 'by', 'in', 'of']);

function previous(ctx: Ctx, k: number): number {
  let j = k;
  while (j >= 0 && posOf(ctx, j) === 'SPACE') j -= 1;
  return j;
}

/** "Reports from TASS" -> "TASS": the outlet inside a phrase naming its reports. */
export function channelOf(ctx: Ctx, phrase: Range): Range {
  let k = phrase.from;
  if (['a', 'an', 'the'].includes(norm(ctx, k))) k += 1;
  while (k < phrase.to && posOf(ctx, k) === 'ADJ') k += 1;
  if (!REPORT_WORDS.has(norm(ctx, k)) || !CHANNEL_PREPS.has(norm(ctx, k + 1))) return phrase;
  return k + 2 < phrase.to ? { from: k + 2, to: phrase.to } : phrase;
}

// "Reports from TASS citing a senior EU official noted …": the cited phrase is the source.
function nested(ctx: Ctx, source: Range): Subject | undefined {
  const c = previous(ctx, source.from - 1);
  if (!CITING.has(norm(ctx, c))) return undefined;
  const channel = phraseEndingAt(ctx, previous(ctx, c - 1));
  if (channel === undefined || !opensClause(ctx, channel.from)) return undefined;
  return { source, via: channelOf(ctx, channel) };
}

// "Hawley, who has opposed previous aid bills, told …", "TASS, citing a source, reported …".
function acrossInsertion(ctx: Ctx, comma: number, depth: number): Subject | undefined {
  const open = insertionStart(ctx, comma, ctx.paraFrom[comma] ?? 0);
  if (open < 0 || !isInsertion(ctx, open, comma)) return undefined;
  const phrase = phraseEndingAt(ctx, skipTimeLeft(ctx, previous(ctx, open - 1)));
  if (phrase === undefined) return undefined;
  const before = previous(ctx, phrase.from - 1);
  // "Woodrow Benford, 58, who lives …, says": the first insertion was itself an apposition.
  if (valueOf(ctx, before) === ',' && depth < MAX_INSERTIONS && isInsertion(ctx, before, open)) {
    const outer = acrossInsertion(ctx, open, depth + 1);
    if (outer !== undefined) return outer;
  }
  if (!opensClause(ctx, phrase.from)) return undefined;
  const first = norm(ctx, open + 1);
  if (first === 'via') {
    const channel = phraseStartingAt(ctx, open + 2);
    return channel === undefined ? { source: phrase } : { source: phrase, via: channel };
  }
  if (!CITING.has(first)) return { source: phrase };
  const cited = phraseStartingAt(ctx, open + 2);
  return cited === undefined ? undefined : { source: cited, via: channelOf(ctx, phrase) };
}

/** The subject of a cue whose span starts at token `cueFrom`, if one stands right before it. */
export function subjectBefore(ctx: Ctx, cueFrom: number): Subject | undefined {
  const k = skipTimeLeft(ctx, previous(ctx, cueFrom - 1));
  if (k < 0) return undefined;
  const v = valueOf(ctx, k);
  if (v === ',' || v === '—' || v === '–') return acrossInsertion(ctx, k, 0);
  const phrase = phraseEndingAt(ctx, k);
  if (phrase === undefined) return undefined;
  const cited = nested(ctx, phrase);
  if (cited !== undefined) return cited;
  return opensClause(ctx, phrase.from) ? { source: phrase } : undefined;
}
