import { type Ctx, inHeadline, isQuoteGlyph, norm, posOf, sentenceFrom, valueOf } from './context.js';
import { cueWord, PARTICLES, PARTICLE_VERBS, type CueWord } from './lexicon.js';
import { CUE_PREFIX, NOUN_MARKERS } from './words.js';

const MAX_PREFIX = 3;
const BE = new Set('is was were are be been being am'.split(' '));
const AFTER_CALL = new Set('off up back in out down'.split(' '));
/** "called 911", "called police": a telephone call. */
const EMERGENCY = new Set(
  'police 911 999 112 ambulance ambulances paramedics firefighters authorities'.split(' '),
);
const LIKELY = new Set(
  'likely unlikely expected going willing able continue continued continues seem seemed seems appear appeared appears'.split(
    ' ',
  ),
);
const DEGREE = new Set('more less most least much far even'.split(' '));
/** "tells the truth", "told a lie": telling something, not telling someone that … */
const TOLD_THINGS = new Set('truth lie lies story stories joke jokes difference time'.split(' '));

/** The token before k, skipping whitespace tokens; -1 at the start. */
export function previous(ctx: Ctx, k: number): number {
  let j = k - 1;
  while (j >= 0 && posOf(ctx, j) === 'SPACE') j -= 1;
  return j;
}

/** The cue word at token i and the last token of its cue ("point out", "call for"). */
export function cueAt(ctx: Ctx, i: number): { word: CueWord; end: number } | undefined {
  const n = norm(ctx, i);
  const next = norm(ctx, i + 1);
  const particleVerb = PARTICLE_VERBS.get(n);
  if (particleVerb !== undefined && PARTICLES.get(particleVerb.lemma)?.has(next) === true) {
    return { word: particleVerb, end: i + 1 };
  }
  const word = cueWord(n, inHeadline(ctx, i));
  if (word === undefined) return undefined;
  const withParticle = PARTICLES.get(word.lemma)?.has(next) === true;
  return { word, end: withParticle ? i + 1 : i };
}

/**
 * Capitalised mid-sentence words are names or titles ("He Said, She Said"), except in headlines.
 */
export function isNameLike(ctx: Ctx, i: number): boolean {
  if (inHeadline(ctx, i) || !/^\p{Lu}/u.test(valueOf(ctx, i))) return false;
  const p = previous(ctx, i);
  return i > sentenceFrom(ctx, i) && p >= 0 && !isQuoteGlyph(ctx, p) && valueOf(ctx, p) !== ':';
}

/** "That said,", "All told,", "so-called", "the said contract", "is said to", "to say". */
export function isIdiomOrNoun(ctx: Ctx, i: number, word: CueWord): boolean {
  const p = previous(ctx, i);
  const before = norm(ctx, p);
  const after = valueOf(ctx, i + 1);
  if (NOUN_MARKERS.has(before) && before !== 'that') return true;
  // "The big question is …", "The claim was …": a noun followed by its verb.
  if (BE.has(norm(ctx, i + 1))) return true;
  if ((before === 'that' || before === 'having' || before === 'all') && after === ',') return true;
  if (before === 'having' && norm(ctx, i + 1) === 'that') return true;
  if (BE.has(before) && !norm(ctx, i).endsWith('ing')) return true;
  if ((before === 'to' && !afterLikely(ctx, p)) || before === 'so' || before === 'so-') return true;
  if (before === '-' && norm(ctx, p - 1) === 'so') return true;
  if (word.lemma === 'think' && norm(ctx, i + 1) === 'tank') return true;
  if (word.lemma === 'tell' && TOLD_THINGS.has(norm(ctx, i + 2))) return true;
  if (word.lemma === 'call') {
    if (AFTER_CALL.has(norm(ctx, i + 1)) || EMERGENCY.has(norm(ctx, i + 1))) return true;
    if (posOf(ctx, i + 1) === 'NUM') return true;
    // "a plan called X": a participle naming the noun before it.
    if (posOf(ctx, p) === 'NOUN' && ['a', 'an'].includes(norm(ctx, p - 1))) return true;
  }
  return false;
}

// "are more likely to say", "is expected to announce": the cue's verb chain.
function afterLikely(ctx: Ctx, to: number): boolean {
  return LIKELY.has(norm(ctx, previous(ctx, to)));
}

function likelyChainStart(ctx: Ctx, i: number): number {
  const to = previous(ctx, i);
  if (norm(ctx, to) !== 'to' || !afterLikely(ctx, to)) return i;
  let from = previous(ctx, to);
  for (let n = 0; n < MAX_PREFIX; n += 1) {
    const p = previous(ctx, from);
    const v = norm(ctx, p);
    if (p < 0 || !(DEGREE.has(v) || BE.has(v) || (posOf(ctx, p) === 'ADV' && v.endsWith('ly'))))
      break;
    from = p;
  }
  return from;
}

/** Start of the cue span: auxiliaries and adverbs before the verb ("has also said"). */
export function cuePrefixStart(ctx: Ctx, i: number): number {
  let from = likelyChainStart(ctx, i);
  for (let n = 0; n < MAX_PREFIX; n += 1) {
    const p = previous(ctx, from);
    const v = norm(ctx, p);
    const adverb = posOf(ctx, p) === 'ADV' && v.endsWith('ly');
    if (p < 0 || !(CUE_PREFIX.has(v) || adverb) || v === 'that') break;
    from = p;
  }
  return from;
}
