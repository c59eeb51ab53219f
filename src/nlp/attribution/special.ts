import {
  type Ctx,
  type Range,
  insideQuote,
  norm,
  opensQuote,
  posOf,
  sentenceFrom,
  valueOf,
} from './context.js';
import { complementAfter, contentEnd, nextToken, quoteRange } from './complement.js';
import { cueWord, type CueWord } from './lexicon.js';
import { contentBefore } from './before.js';
import { makeDraft, type Draft } from './frame.js';
import { isLikelySource } from './source-kind.js';
import { channelOf, subjectBefore } from './subject.js';
import { phraseEndingAt, phraseStartingAt } from './phrases.js';

const ACCORDING: CueWord = { lemma: 'according to', cls: 'speech', prior: 0.95, flags: 0 };
const COLON: CueWord = { lemma: ':', cls: 'speech', prior: 0.8, flags: 0 };
const QUOTED: CueWord = { lemma: 'quote', cls: 'speech', prior: 0.9, flags: 0 };
const MAX_COLON_SOURCE = 14;
const RELATIVE = new Set(['who', 'which', 'whose', 'citing', 'a', 'an', 'the']);
const SOURCE_LIMIT = 20;

function previous(ctx: Ctx, k: number): number {
  let j = k - 1;
  while (j >= 0 && posOf(ctx, j) === 'SPACE') j -= 1;
  return j;
}

// "according to reports from Interfax citing two diplomats": cited source, outlet as channel.
function citedWithin(ctx: Ctx, source: Range): { source: Range; via?: Range } {
  for (let k = source.from + 1; k < source.to; k += 1) {
    if (norm(ctx, k) !== 'citing') continue;
    const cited = phraseStartingAt(ctx, k + 1);
    if (cited !== undefined)
      return { source: cited, via: channelOf(ctx, { from: source.from, to: k }) };
  }
  return { source };
}

/** "according to X, …", "…, according to X.", "… according to X." */
export function accordingTo(ctx: Ctx, i: number): Draft | undefined {
  if (norm(ctx, i) !== 'according' || norm(ctx, i + 1) !== 'to' || insideQuote(ctx, i))
    return undefined;
  const phrase = phraseStartingAt(ctx, nextToken(ctx, i + 2), SOURCE_LIMIT);
  if (phrase === undefined) return undefined;
  const cue = { from: i, to: i + 2 };
  const start = sentenceFrom(ctx, i);
  let content: Range;
  let direct = false;
  if (leadsSentence(ctx, start, i)) {
    const after = nextToken(ctx, phrase.to);
    if (valueOf(ctx, after) !== ',') return undefined;
    const from = nextToken(ctx, after + 1);
    content = { from, to: contentEnd(ctx, from, false) + 1 };
  } else {
    const fallback = { range: { from: start, to: previous(ctx, i) + 1 }, direct: false };
    const before = contentBefore(ctx, i) ?? fallback;
    content = resumed(ctx, before.range, phrase.to);
    direct = before.direct && content === before.range;
  }
  if (content.to <= content.from) return undefined;
  const draft = makeDraft(cue, content, direct, ACCORDING);
  const cited = citedWithin(ctx, phrase);
  draft.source = cited.source;
  draft.via = cited.via;
  return draft;
}

// "This, according to attendees, is both a problem …": the clause resumes after the source.
function resumed(ctx: Ctx, before: Range, phraseEnd: number): Range {
  const comma = nextToken(ctx, phraseEnd);
  const next = nextToken(ctx, comma + 1);
  if (valueOf(ctx, comma) !== ',' || RELATIVE.has(norm(ctx, next))) return before;
  for (let k = next; k < next + 3; k += 1) {
    const p = posOf(ctx, k);
    if (p === 'VERB' || p === 'AUX')
      return { from: before.from, to: contentEnd(ctx, next, false) + 1 };
  }
  return before;
}

// Only conjunctions and adverbs before "according to": it opens the sentence.
function leadsSentence(ctx: Ctx, start: number, i: number): boolean {
  for (let k = start; k < i; k += 1) {
    const p = posOf(ctx, k);
    if (p !== 'CCONJ' && p !== 'ADV' && p !== 'SPACE') return false;
  }
  return true;
}

function hasVerb(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) {
    if (posOf(ctx, k) === 'VERB' || cueWord(norm(ctx, k)) !== undefined) return true;
  }
  return false;
}

/** "Ukraine’s foreign ministry: “Any ceasefire must …”": a speaker, a colon, a quote. */
export function colonQuote(ctx: Ctx, i: number): Draft | undefined {
  if (valueOf(ctx, i) !== ':' || insideQuote(ctx, i)) return undefined;
  const q = nextToken(ctx, i + 1, true);
  if (!opensQuote(ctx, q)) return undefined;
  const start = sentenceFrom(ctx, i);
  if (i - start > MAX_COLON_SOURCE || i <= start || hasVerb(ctx, start, i)) return undefined;
  const head = phraseEndingAt(ctx, previous(ctx, i));
  if (head === undefined || !isLikelySource(ctx, head, 0)) return undefined;
  const content = quoteRange(ctx, q);
  if (content === undefined) return undefined;
  const draft = makeDraft({ from: i, to: i + 1 }, content, true, COLON);
  draft.source = { from: start, to: head.to };
  return draft;
}

/**
 * "Xinhua quoted the minister as saying that …": the quoted one speaks, the outlet is the channel.
 */
export function quotedAs(ctx: Ctx, i: number): Draft | undefined {
  if (norm(ctx, i) !== 'quoted' || insideQuote(ctx, i)) return undefined;
  const channel = subjectBefore(ctx, i);
  const speaker = phraseStartingAt(ctx, nextToken(ctx, i + 1));
  if (channel === undefined || speaker === undefined) return undefined;
  const as = nextToken(ctx, speaker.to);
  const saying = nextToken(ctx, as + 1);
  if (norm(ctx, as) !== 'as' || !norm(ctx, saying).endsWith('ing')) return undefined;
  const word = cueWord(norm(ctx, saying));
  if (word === undefined) return undefined;
  const comp = complementAfter(ctx, saying, word);
  if (comp.kind === 'none') return undefined;
  const end =
    comp.kind === 'quote'
      ? (quoteRange(ctx, comp.at)?.to ?? comp.at + 1) - 1
      : contentEnd(ctx, comp.at, false);
  const draft = makeDraft(
    { from: i, to: i + 1 },
    { from: comp.at, to: end + 1 },
    comp.kind === 'quote',
    QUOTED,
  );
  draft.source = speaker;
  draft.via = channel.source;
  return draft;
}
