import { calibrate } from './calibration.js';
import { WORD, wordInfo } from '../lexicon.js';
import { extractFeatures, tokenRange, type TargetFeatures, type TokenRange } from './features.js';
import { gruLogits, gruSequence, projectVector } from './gru.js';
import { linearLogits, softmax, vectorRow } from './linear.js';
import { DIMS, type StanceModel } from './model.js';
import {
  STANCE_LABELS,
  type StanceCue,
  type StanceModelResult,
  type StanceTargetInput,
  type StanceToken,
} from './types.js';

/** How many cues a result carries at most. */
export const MAX_CUES = 5;

/** A mention to score inside an already tokenized text. */
export type TargetSpan = Omit<StanceTargetInput, 'text'>;

/**
 * The sentence's tokens, the mention's and the other mentions' token ranges, and the regression
 * features of the mention. Training builds its examples with this same function, so a mention is
 * read identically when learning and when scoring.
 */
export function mentionFeatures(
  lexicon: ReadonlyMap<string, number>,
  allTokens: readonly StanceToken[],
  span: TargetSpan,
): { tokens: StanceToken[]; target: TokenRange; others: TokenRange[]; features: TargetFeatures } {
  const tokens = sentenceTokens(allTokens, span.sentenceStart, span.sentenceEnd);
  const target = tokenRange(tokens, span.targetStart, span.targetEnd);
  const others: TokenRange[] = (span.otherTargets ?? [])
    .filter((o) => o.end > span.sentenceStart && o.start < span.sentenceEnd)
    .filter((o) => o.end <= span.targetStart || o.start >= span.targetEnd)
    .map((o) => tokenRange(tokens, o.start, o.end));
  const group = coordinated(tokens, target, others);
  return { tokens, target: group.target, others: group.others, features: extractFeatures(tokens, group.target, group.others, lexicon) };
}

/** Tokens inside [start, end), found by binary search: an article has thousands, a sentence dozens. */
function sentenceTokens(all: readonly StanceToken[], start: number, end: number): StanceToken[] {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid]?.start ?? Infinity) < start) lo = mid + 1;
    else hi = mid;
  }
  const out: StanceToken[] = [];
  for (let i = lo; i < all.length; i += 1) {
    const t = all[i];
    if (!t || t.start >= end) break;
    if (t.end <= end) out.push(t);
  }
  return out;
}

const CONJUNCTIONS = new Set(['and', 'or', 'nor', ',', '&']);

/**
 * Widens the target over the mentions coordinated with it ("Russia and China", "X, Y and Z"):
 * conjuncts share their role in the sentence, so the words around the group bear on each of
 * them alike, and a conjunct is no rival mention whose words should be told apart.
 */
export function coordinated(tokens: readonly StanceToken[], target: TokenRange, others: TokenRange[]): { target: TokenRange; others: TokenRange[] } {
  let group = target;
  let rest = others;
  for (let changed = true; changed; ) {
    changed = false;
    for (const o of rest) {
      const [lo, hi] = o.from >= group.to ? [group.to, o.from] : [o.to, group.from];
      if (hi < lo || hi - lo > 2 || hi - lo < 1) continue;
      let joined = true;
      for (let k = lo; k < hi; k += 1) joined &&= CONJUNCTIONS.has(tokens[k]?.lower ?? '');
      if (!joined) continue;
      group = { from: Math.min(group.from, o.from), to: Math.max(group.to, o.to) };
      rest = rest.filter((r) => r !== o);
      changed = true;
      break;
    }
  }
  return { target: group, others: rest };
}

/** Scores one mention given the tokens of the whole text (offsets into `text`). */
export function predictTarget(
  model: StanceModel,
  text: string,
  allTokens: readonly StanceToken[],
  span: TargetSpan,
): StanceModelResult {
  const { tokens, target, others, features } = mentionFeatures(model.lexicon, allTokens, span);
  const { logits, tokenWeights } = linearLogits(model, tokens, features);
  const probs = softmax(logits);
  if (model.gru && model.gru.readers.length > 0) {
    const seq = gruSequence(tokens, target, others, (t) => vectorRow(model, t), model.lexicon);
    const share = model.gru.share / model.gru.readers.length;
    for (let c = 0; c < 3; c += 1) probs[c] = (1 - model.gru.share) * (probs[c] ?? 0);
    const projectors = gruWordProjectors(model);
    model.gru.readers.forEach((reader, r) => {
      const g = softmax(gruLogits(reader, seq, projectors[r] as WordProjector));
      for (let c = 0; c < 3; c += 1) probs[c] = (probs[c] ?? 0) + share * (g[c] ?? 0);
    });
  }
  return toResult(model.calibration ? calibrate(probs, model.calibration) : probs, cuesOf(text, tokens, tokenWeights, [target, ...others]));
}

/** Maps a vocabulary row to a reader's input projection of that word. */
export type WordProjector = (row: number) => Float32Array;

const gruProjectors = new WeakMap<StanceModel, WordProjector[]>();

/**
 * Per GRU reader: a word's input projection (`projectVector`), computed on first sight of the word
 * and kept in an array indexed by vocabulary row.
 */
export function gruWordProjectors(model: StanceModel): readonly WordProjector[] {
  const hit = gruProjectors.get(model);
  if (hit) return hit;
  const projectors = (model.gru?.readers ?? []).map((weights): WordProjector => {
    const cache = new Array<Float32Array | undefined>(model.wordIndex.size);
    return (row) => {
      const known = cache[row];
      if (known) return known;
      const scale = model.vectorScales[row] ?? 0;
      const v = new Float32Array(DIMS);
      for (let k = 0; k < DIMS; k += 1) v[k] = (model.vectors[row * DIMS + k] ?? 0) * scale;
      return (cache[row] = projectVector(weights, v));
    };
  });
  gruProjectors.set(model, projectors);
  return projectors;
}

// Parts of speech that are never shown as evidence: an analyst reads "The" or a quotation mark
// among the words that moved a score as noise, even when the model leaned on it.
// Proper nouns are names (the actors' own, other people's, places) or titles before a name:
// what a stance is about, never a reason for it.
const NOT_EVIDENCE = new Set(['DET', 'ADP', 'PUNCT', 'CCONJ', 'SCONJ', 'SYM', 'SPACE', 'NUM', 'AUX', 'PRON', 'X', 'PROPN']);

/**
 * Lemmas never shown as evidence: titles and offices ("President Xi", "the foreign minister") and
 * the neutral verbs of meeting and reporting ("met", "said", "noted"). The model may lean on them
 * (in NewsMTSC, who is quoted often goes with how they are portrayed), but an analyst reading
 * "met" as the reason for a positive score would rightly distrust the rest.
 */
const NEUTRAL_LEMMAS = new Set([
  'president', 'presidency', 'minister', 'ministry', 'chancellor', 'premier', 'senator', 'governor', 'secretary',
  'king', 'queen', 'prince', 'princess', 'pope', 'mayor', 'ambassador', 'commissioner', 'spokesman',
  'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'chair', 'chief', 'head', 'leader', 'official',
  'prime', 'foreign', 'vice', 'deputy', 'general', 'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady',
  'say', 'tell', 'meet', 'met', 'meeting', 'add', 'note', 'state', 'announce', 'report', 'visit', 'speak',
  'talk', 'write', 'ask', 'reply', 'respond', 'accord', 'comment', 'explain', 'describe', 'hold', 'host',
  'attend', 'according',
]);

/**
 * Smallest contribution (logit units) shown as evidence: below it the model leans on a word too
 * little for an analyst to read it as a reason ("Sunday +0.14", "Baltic +0.05" were shown).
 */
const MIN_CUE_WEIGHT = 0.25;

/** A word an analyst can read as evidence: a content word, or a negator ("not", "never", "without"). */
function isEvidenceWord(t: StanceToken | undefined): boolean {
  if (t === undefined) return false;
  // The rule lexicon's negators and shifters; the lemma turns "n't" into "not".
  const flags = (wordInfo(t.lemma) ?? wordInfo(t.lower))?.flags ?? 0;
  if ((flags & (WORD.negator | WORD.shifter)) !== 0) return true;
  if (NEUTRAL_LEMMAS.has(t.lemma) || NEUTRAL_LEMMAS.has(t.lower)) return false;
  return t.pos !== 'PART' && !NOT_EVIDENCE.has(t.pos);
}

/**
 * The strongest cues (|weight| >= MIN_CUE_WEIGHT, strongest first, then in text order) from each token's
 * signed contribution, `weights` by token index; content words and negators outside `mentions` only.
 */
export function cuesOf(
  text: string,
  tokens: readonly StanceToken[],
  weights: ReadonlyMap<number, number> | Float64Array,
  mentions: readonly TokenRange[],
): StanceCue[] {
  const strong: [number, number][] = [];
  // The actors' own names are what the stance is about, not evidence of it.
  const inMention = (i: number) => mentions.some((m) => i >= m.from && i < m.to);
  weights.forEach((w: number, i: number) => {
    if (Math.abs(w) >= MIN_CUE_WEIGHT && isEvidenceWord(tokens[i]) && !inMention(i)) strong.push([i, w]);
  });
  return strong
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0])
    .slice(0, MAX_CUES)
    .flatMap(([i, w]) => {
      const t = tokens[i];
      return t ? [{ text: text.slice(t.start, t.end), start: t.start, end: t.end, weight: Math.round(w * 1000) / 1000 }] : [];
    });
}

/** Label, confidence and score from the class probabilities. */
export function toResult(probs: [number, number, number], cues: StanceCue[]): StanceModelResult {
  let best = 0;
  for (let c = 1; c < 3; c += 1) if (probs[c]! > probs[best]!) best = c;
  return {
    probs,
    score: probs[2] - probs[0],
    label: STANCE_LABELS[best] ?? 'neutral',
    confidence: probs[best] ?? 0,
    cues,
  };
}
