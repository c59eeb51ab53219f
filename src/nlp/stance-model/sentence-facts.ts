import { composePolarity, featureWord } from './features.js';
import type { CompiledLinear } from './compiled-linear.js';
import type { StanceToken } from './types.js';

/** Per-sentence facts that do not depend on which mention is scored. */
export interface SentenceFacts {
  tokens: readonly StanceToken[];
  /** featureWord of each token (null: not a feature word). */
  words: (string | null)[];
  /** Vocabulary ids of each token's feature word, lemma, POS and lower-cased form (-1: unknown). */
  wordId: Int32Array;
  lemmaId: Int32Array;
  posId: Int32Array;
  lowerId: Int32Array;
  /** Each token's own lexicon polarity, and as composed with its noun (composedPolarity). */
  own: Float64Array;
  polarity: Float64Array;
  /** breaks[k]: clause breaks among tokens [0, k). */
  breaks: Int32Array;
  /** Word-vector row of each token (-1: none). */
  rows: Int32Array;
  isBreak: Uint8Array;
  isQuote: Uint8Array;
}

/** Per-sentence facts; the same lookups as featureWord, vectorRow and composedPolarity make. */
export function sentenceFacts(c: CompiledLinear, tokens: readonly StanceToken[]): SentenceFacts {
  const n = tokens.length;
  const words = tokens.map((t) => featureWord(t));
  const wordId = new Int32Array(n);
  const lemmaId = new Int32Array(n);
  const posId = new Int32Array(n);
  const lowerId = new Int32Array(n);
  const own = new Float64Array(n);
  const polarity = new Float64Array(n);
  const breaks = new Int32Array(n + 1);
  const rows = new Int32Array(n);
  const isBreak = new Uint8Array(n);
  const isQuote = new Uint8Array(n);
  const { vocab: v, lookup, lookupId, lookupRow, lookupPolarity, lookupFlags } = c;
  for (let i = 0; i < n; i += 1) {
    const t = tokens[i] as StanceToken;
    const lo = lookup.get(t.lower) ?? -1;
    const le = t.lemma === t.lower ? lo : (lookup.get(t.lemma) ?? -1);
    lowerId[i] = lo < 0 ? -1 : (lookupId[lo] as number);
    lemmaId[i] = le < 0 ? -1 : (lookupId[le] as number);
    posId[i] = v.get(t.pos) ?? -1;
    const w = words[i];
    wordId[i] =
      w === null || w === undefined ? -1 : w === t.lemma ? (lemmaId[i] as number) : w === t.lower ? (lowerId[i] as number) : (v.get(w) ?? -1);
    const row = lo < 0 ? -1 : (lookupRow[lo] as number);
    rows[i] = row >= 0 || le < 0 ? row : (lookupRow[le] as number);
    const p = lo < 0 ? NaN : (lookupPolarity[lo] as number);
    own[i] = !Number.isNaN(p) ? p : le < 0 || Number.isNaN(lookupPolarity[le]) ? 0 : (lookupPolarity[le] as number);
    const flags = lo < 0 ? 0 : (lookupFlags[lo] as number);
    isBreak[i] = flags & 1;
    isQuote[i] = flags >> 1;
    breaks[i + 1] = (breaks[i] as number) + (isBreak[i] as number);
  }
  for (let i = 0; i < n; i += 1) polarity[i] = composePolarity(tokens, i, (k) => own[k] as number);
  return { tokens, words, wordId, lemmaId, posId, lowerId, own, polarity, breaks, rows, isBreak, isQuote };
}
