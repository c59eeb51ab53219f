import {
  type Ctx,
  type Range,
  insideQuote,
  norm,
  opensQuote,
  posOf,
  sentenceTo,
  valueOf,
  quoteAt,
} from './context.js';
import { type Complement, accepts, complementAfter, contentEnd, nextToken } from './complement.js';
import { contentBefore, extendMiddle } from './before.js';
import { cueAt, cuePrefixStart, isIdiomOrNoun, isNameLike, previous } from './cue-at.js';
import { STRONG, type CueWord } from './lexicon.js';
import { isDocument, isLikelySource } from './source-kind.js';
import { subjectBefore, type Subject } from './subject.js';
import { phraseStartingAt } from './phrases.js';
import { MESSAGE_NOUNS, PRONOUNS } from './words.js';

/** An attribution found in token ranges, before names, kinds and targets are filled in. */
export interface Draft {
  cue: Range;
  source?: Range;
  via?: Range;
  content: Range;
  direct: boolean;
  word: CueWord;
  /** Whose words: the source of the frame this one continues (", saying …", "but said …"). */
  inherit?: 'frame' | 'subject';
}

/**
 * A draft with every field present, so that all drafts share one object shape (V8 keeps property
 * access fast on one shape); the frame rules then fill in source, channel and inheritance.
 */
export function makeDraft(cue: Range, content: Range, direct: boolean, word: CueWord): Draft {
  return { cue, source: undefined, via: undefined, content, direct, word, inherit: undefined };
}

const SUBORDINATORS = new Set(
  'while although though because since if when whereas unless after before once'.split(' '),
);
const HANDOVERS = new Set(['according', 'citing']);
const FRAME_ENDERS = new Set('when as after before while because though although'.split(' '));
/** Particles that end a cue ("talked about", "called for"). */
const PARTICLE_WORDS = new Set(['out', 'about', 'of', 'for', 'on', 'against']);

function forward(
  ctx: Ctx,
  comp: Complement,
  cue: Range,
  word: CueWord,
  subject: Subject | undefined,
  subordinate = false,
): Draft | undefined {
  const doc = subject !== undefined && isDocument(ctx, subject.source);
  if (!accepts(word, comp, doc)) return undefined;
  const quote = comp.kind === 'quote' ? quoteAt(ctx, comp.at) : undefined;
  if (quote !== undefined && quote.speech) {
    const content = { from: quote.open, to: quote.close + 1 };
    const before = subject === undefined ? undefined : contentBefore(ctx, subject.source.from);
    if (before?.direct === true) content.from = before.range.from;
    return makeDraft(cue, content, true, word);
  }
  // "who said …," and "While Grisham said …, he …" end at the clause's comma.
  const relative = subject !== undefined && norm(ctx, subject.source.from) === 'who';
  const end = contentEnd(ctx, comp.at, relative || subordinate);
  if (end < comp.at) return undefined;
  return makeDraft(cue, { from: comp.at, to: end + 1 }, false, word);
}

// "As Dr. Gupta noted at the time, Trump's heart disease meant …": the content follows the frame.
function asFrame(ctx: Ctx, comma: number, cue: Range, word: CueWord): Draft | undefined {
  if (valueOf(ctx, comma) !== ',') return undefined;
  const from = nextToken(ctx, comma + 1);
  const end = contentEnd(ctx, from, false);
  if (end < from) return undefined;
  return makeDraft(cue, { from, to: end + 1 }, false, word);
}

function backward(
  ctx: Ctx,
  frameFrom: number,
  after: number,
  cue: Range,
  word: CueWord,
): Draft | undefined {
  const before = contentBefore(ctx, frameFrom);
  if (before === undefined) return undefined;
  const content = extendMiddle(ctx, before.range, before.direct, after);
  return makeDraft(cue, content, before.direct, word);
}

function withSubject(ctx: Ctx, cue: Range, word: CueWord, subject: Subject): Draft | undefined {
  if (word.prior < STRONG && !isLikelySource(ctx, subject.source, word.prior)) return undefined;
  const comp = complementAfter(ctx, cue.to - 1, word);
  // "“…,” he said in his nightly video address.": a leftover adverbial is not the content.
  const particle = PARTICLE_WORDS.has(norm(ctx, cue.to - 1));
  const adverbial = comp.kind === 'np' && posOf(ctx, comp.at) === 'ADP' && !particle;
  const before = adverbial && contentBefore(ctx, subject.source.from) !== undefined;
  // "The views expressed in the article": a participle after a noun, not a reporting verb.
  const pronoun = PRONOUNS.has(norm(ctx, subject.source.to - 1));
  if (adverbial && !before && !pronoun && /ed$/.test(norm(ctx, cue.to - 1))) return undefined;
  const opener = norm(ctx, previous(ctx, subject.source.from));
  // "…, a move described as a goodwill gesture": an appositive noun with a passive participle
  // names what the move is called, and by no one in the sentence.
  if (opener === ',' && /ed$/.test(norm(ctx, cue.to - 1)) && norm(ctx, nextToken(ctx, cue.to)) === 'as') return undefined;
  const draft =
    opener === 'as' && comp.kind === 'none'
      ? asFrame(ctx, comp.at, cue, word)
      : comp.kind === 'none' || before
        ? backward(ctx, subject.source.from, comp.at, cue, word)
        : forward(ctx, comp, cue, word, subject, SUBORDINATORS.has(opener));
  if (draft === undefined) return undefined;
  // ", citing Y": Y is the source and the subject the channel.
  draft.source = comp.cited ?? subject.source;
  draft.via = comp.cited !== undefined ? subject.source : (comp.channel ?? subject.via);
  return draft;
}

// "“…,” said Sen. Josh Hawley, a Missouri Republican." The frame must close the sentence, or
// hand over to the rest of the quote.
function inverted(ctx: Ctx, cue: Range, word: CueWord): Draft | undefined {
  const form = norm(ctx, cue.to - 1);
  // Only "said", "says", "added" invert; a bare "add" or "say" there is an imperative.
  if (word.cls !== 'speech' || word.prior < STRONG || form.endsWith('ing') || form === word.lemma)
    return undefined;
  const source = phraseStartingAt(ctx, nextToken(ctx, cue.to));
  if (source === undefined || contentBefore(ctx, cue.from) === undefined) return undefined;
  const after = tailEnd(ctx, source.to);
  if (after < 0) return undefined;
  const draft = backward(ctx, cue.from, after, cue, word);
  if (draft !== undefined) draft.source = source;
  return draft;
}

/**
 * Skips an apposition and adverbials after an inverted source; -1 when a clause follows instead.
 */
function tailEnd(ctx: Ctx, from: number): number {
  const last = sentenceTo(ctx, from);
  for (let k = nextToken(ctx, from); k <= last; k += 1) {
    const v = valueOf(ctx, k);
    if (v === ',' && opensQuote(ctx, nextToken(ctx, k + 1))) return k;
    if (v === ',' && HANDOVERS.has(norm(ctx, nextToken(ctx, k + 1)))) return k;
    // "said Dan Golvach when asked about …": a subordinate clause ends the frame.
    if (FRAME_ENDERS.has(norm(ctx, k))) return last + 1;
    if (posOf(ctx, k) === 'VERB' && !relativeBefore(ctx, k, from)) return -1;
  }
  return last + 1;
}

// "said Robert Stone, …, who already cast a ballot": a verb inside a relative clause.
const relativeBefore = (ctx: Ctx, k: number, from: number): boolean => {
  for (let j = k - 1; j >= from; j -= 1)
    if (norm(ctx, j) === 'who' || norm(ctx, j) === 'which') return true;
  return false;
};

// "the Electoral Commission, which …, issued a statement warning …": whoever issued the message.
function messageIssuer(ctx: Ctx, noun: number): Subject | undefined {
  let k = previous(ctx, noun);
  while (k >= 0 && (posOf(ctx, k) === 'DET' || posOf(ctx, k) === 'ADJ')) k = previous(ctx, k);
  if (posOf(ctx, k) !== 'VERB') return undefined;
  return subjectBefore(ctx, cuePrefixStart(ctx, k));
}

// ", saying …", "issued a statement saying …", "but said …": the speaker is named earlier.
function continued(ctx: Ctx, cue: Range, word: CueWord): Draft | undefined {
  const p = previous(ctx, cue.from);
  const participle = norm(ctx, cue.to - 1).endsWith('ing');
  const afterComma = participle && valueOf(ctx, p) === ',';
  const afterMessage = participle && MESSAGE_NOUNS.has(norm(ctx, p));
  const afterConjunction = posOf(ctx, p) === 'CCONJ';
  if (!afterComma && !afterMessage && !afterConjunction) return undefined;
  // Weak cues as bare participles are mostly not reporting ("…, characterizing the moon").
  if (word.prior < STRONG && word.lemma !== 'call') return undefined;
  const comp = complementAfter(ctx, cue.to - 1, word);
  const draft = forward(ctx, comp, cue, word, undefined);
  if (draft === undefined) return undefined;
  const issuer = afterMessage ? messageIssuer(ctx, p) : undefined;
  if (issuer === undefined) draft.inherit = afterMessage ? 'subject' : 'frame';
  else {
    draft.source = issuer.source;
    draft.via = issuer.via;
  }
  return draft;
}

/** The attribution whose cue word is token i, if the words around it make one. */
export function frameAt(ctx: Ctx, i: number): Draft | undefined {
  if (insideQuote(ctx, i)) return undefined;
  const found = cueAt(ctx, i);
  if (found === undefined || isNameLike(ctx, i) || isIdiomOrNoun(ctx, i, found.word))
    return undefined;
  const { word, end } = found;
  const cue = { from: cuePrefixStart(ctx, i), to: end + 1 };
  // A participle ("…, saying …") has no subject of its own unless it is progressive ("is saying").
  const participle = norm(ctx, i).endsWith('ing') && posOf(ctx, previous(ctx, cue.from)) !== 'AUX';
  const subject = participle ? undefined : subjectBefore(ctx, cue.from);
  if (subject !== undefined) return withSubject(ctx, cue, word, subject);
  return inverted(ctx, { from: i, to: end + 1 }, word) ?? continued(ctx, cue, word);
}
