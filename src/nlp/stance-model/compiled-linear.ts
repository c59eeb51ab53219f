import {
  CLAUSE_BREAKS,
  composePolarity,
  distanceTo,
  featureWord,
  OTHER_WORD,
  POOL_COUNT,
  QUOTES,
  type TokenRange,
} from './features.js';
import { projection } from './linear.js';
import type { StanceModel } from './model.js';
import type { StanceToken } from './types.js';

/**
 * The softmax regression of `linearLogits` without building feature names. Looking up ~150 freshly
 * concatenated strings per mention cost more than everything else the analyzer does; here each
 * feature template is a small-integer slot and the word a string wink already holds (its hash is
 * cached), so a lookup is two array/map steps. `extractFeatures` stays the definition (training uses
 * it) and a test checks that both give the same logits.
 */

// Distance buckets of `bucket()` in features.ts: side L/R × 0,1,2,3,4(4-6),7(7-12),13(13+).
const BUCKET_NAMES = ['0', '1', '2', '3', '4', '7', '13'];
const BUCKETS = 14;

const SLOT_T = 0;
const SLOT_TP = 1;
const SLOT_W = 2;
const SLOT_D = 3; // + bucket * 2 + negated
const SLOT_C = SLOT_D + BUCKETS * 2; // + clause(S=0, X=1) * 4 + side * 2 + negated
const SLOT_M = SLOT_C + 8; // + owner(O=0, M=1) * 2 + negated
const SLOT_P = SLOT_M + 4; // + bucket
const SLOT_K = SLOT_P + BUCKETS; // + side
const SLOTS = SLOT_K + 2;

// Fixed-name features: BIAS and the lexicon sums.
const RANGES = ['n', 'm', 'f'] as const;
const FIXED_NAMES = [
  'BIAS',
  ...RANGES.map((r) => `L|${r}`),
  ...['SM', 'SO', 'XM', 'XO'].map((c) => `L|${c}`),
  ...['pos', 'neg'].flatMap((s) => RANGES.flatMap((r) => ['S', 'X'].map((c) => `L|${s}|${r}${c}`))),
];
const FIX_BIAS = 0;
const FIX_RANGE = 1; // + range
const FIX_CLAUSE_OWNER = 4; // + clause * 2 + owner(M=0, O=1), as 'SM','SO','XM','XO'
const FIX_SIGN = 8; // + sign(pos=0, neg=1) * 6 + range * 2 + clause

export interface CompiledLinear {
  /** Every string that occurs in a feature name, by id. */
  vocab: Map<string, number>;
  /** rows[slot * vocab.size + word id]: feature row, or -1. */
  rows: Int32Array;
  /** Bigram rows by side: key (previous id * vocab.size + id) → row. */
  bigrams: [Map<number, number>, Map<number, number>];
  fixed: Int32Array;
  /**
   * Every string a token's lower-cased form or lemma can match in `vocab`, the model's word vectors,
   * its lexicon or the clause-break and quote sets, mapped to a column index, so that a token costs
   * two Map lookups instead of ten.
   */
  lookup: Map<string, number>;
  /** Per lookup column: vocabulary id, word-vector row (-1: none). */
  lookupId: Int32Array;
  lookupRow: Int32Array;
  /** Lexicon polarity, NaN when the string is not in the lexicon. */
  lookupPolarity: Float64Array;
  /** Bit 1: a clause break; bit 2: a quote. */
  lookupFlags: Uint8Array;
}

const compiled = new WeakMap<StanceModel, CompiledLinear>();

function bucketIndex(distance: number): number {
  const d = Math.abs(distance);
  const k = d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6;
  return (distance < 0 ? 0 : 7) + k;
}

function negatedWord(nw: string): [word: string, negated: number] {
  return nw.length > 1 && nw.startsWith('!') ? [nw.slice(1), 1] : [nw, 0];
}

/** Sorts every feature name of the model into its slot, once per model. */
export function compileLinear(model: StanceModel): CompiledLinear {
  const hit = compiled.get(model);
  if (hit) return hit;
  const vocab = new Map<string, number>();
  const id = (w: string): number => {
    let k = vocab.get(w);
    if (k === undefined) vocab.set(w, (k = vocab.size));
    return k;
  };
  const entries: number[] = []; // slot, word id, row
  const pairs: [number, string, string, number][] = []; // side, prev, word, row
  const fixedIndex = new Map(FIXED_NAMES.map((n, i) => [n, i]));
  const fixed = new Int32Array(FIXED_NAMES.length).fill(-1);
  const bucketOf = (b: string): number => {
    const k = BUCKET_NAMES.indexOf(b.slice(1));
    return k < 0 ? -1 : (b[0] === 'L' ? 0 : 7) + k;
  };
  const side = (x: string): number => (x === 'L' ? 0 : 1);
  const put = (slot: number, w: string, row: number): void => {
    entries.push(slot, id(w), row);
  };
  for (const [name, row] of model.featureIndex) {
    const f = fixedIndex.get(name);
    if (f !== undefined) {
      fixed[f] = row;
      continue;
    }
    const bar = name.indexOf('|');
    const template = name.slice(0, bar);
    const rest = name.slice(bar + 1);
    const bar2 = rest.indexOf('|');
    const head = rest.slice(0, bar2);
    const tail = rest.slice(bar2 + 1);
    switch (template) {
      case 'T':
        put(SLOT_T, rest, row);
        break;
      case 'TP':
        put(SLOT_TP, rest, row);
        break;
      case 'W':
        put(SLOT_W, rest, row);
        break;
      case 'D': {
        const [w, neg] = negatedWord(tail);
        const b = bucketOf(head);
        if (b >= 0) put(SLOT_D + b * 2 + neg, w, row);
        break;
      }
      case 'C': {
        const [w, neg] = negatedWord(tail);
        put(SLOT_C + (head[0] === 'S' ? 0 : 4) + side(head[1] ?? 'L') * 2 + neg, w, row);
        break;
      }
      case 'M': {
        const [w, neg] = negatedWord(tail);
        put(SLOT_M + (head === 'O' ? 0 : 2) + neg, w, row);
        break;
      }
      case 'P': {
        const b = bucketOf(head);
        if (b >= 0) put(SLOT_P + b, tail, row);
        break;
      }
      case 'K':
        put(SLOT_K + side(head), tail, row);
        break;
      case 'B':
        // "prev_w": a word may itself hold '_', so every split is registered; the runtime looks
        // up the real pair, which matches exactly the names the concatenation would have built.
        for (let at = tail.indexOf('_'); at >= 0; at = tail.indexOf('_', at + 1)) {
          pairs.push([side(head), tail.slice(0, at), tail.slice(at + 1), row]);
        }
        break;
      default:
        break;
    }
  }
  for (const [, prev, w] of pairs) {
    id(prev);
    id(w);
  }
  const size = vocab.size;
  const rows = new Int32Array(SLOTS * size).fill(-1);
  for (let k = 0; k < entries.length; k += 3) {
    rows[(entries[k] as number) * size + (entries[k + 1] as number)] = entries[k + 2] as number;
  }
  const bigrams: CompiledLinear['bigrams'] = [new Map(), new Map()];
  for (const [sd, prev, w, row] of pairs) {
    (sd === 0 ? bigrams[0] : bigrams[1]).set((vocab.get(prev) ?? 0) * size + (vocab.get(w) ?? 0), row);
  }
  const out = { vocab, rows, bigrams, fixed, ...lookupColumns(model, vocab) };
  compiled.set(model, out);
  return out;
}

function lookupColumns(model: StanceModel, vocab: ReadonlyMap<string, number>): Pick<CompiledLinear, 'lookup' | 'lookupId' | 'lookupRow' | 'lookupPolarity' | 'lookupFlags'> {
  const lookup = new Map<string, number>();
  for (const keys of [vocab.keys(), model.wordIndex.keys(), model.lexicon.keys(), CLAUSE_BREAKS, QUOTES]) {
    for (const k of keys) if (!lookup.has(k)) lookup.set(k, lookup.size);
  }
  const lookupId = new Int32Array(lookup.size);
  const lookupRow = new Int32Array(lookup.size);
  const lookupPolarity = new Float64Array(lookup.size);
  const lookupFlags = new Uint8Array(lookup.size);
  for (const [k, at] of lookup) {
    lookupId[at] = vocab.get(k) ?? -1;
    lookupRow[at] = model.wordIndex.get(k) ?? -1;
    lookupPolarity[at] = model.lexicon.get(k) ?? NaN;
    lookupFlags[at] = (CLAUSE_BREAKS.has(k) ? 1 : 0) | (QUOTES.has(k) ? 2 : 0);
  }
  return { lookup, lookupId, lookupRow, lookupPolarity, lookupFlags };
}

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

/** Adds feature `row` × value to the logits and credits `token` (-1: the mention as a whole). */
function addRow(w: Float32Array, logits: Float64Array, credit: Float64Array, row: number, value: number, token: number): void {
  if (row < 0) return;
  const neg = (w[row * 3] as number) * value;
  const pos = (w[row * 3 + 2] as number) * value;
  logits[0] = (logits[0] as number) + neg;
  logits[1] = (logits[1] as number) + (w[row * 3 + 1] as number) * value;
  logits[2] = (logits[2] as number) + pos;
  if (token >= 0) credit[token] = (credit[token] as number) + pos - neg;
}

/** Logits and each token's signed share of logit(positive) − logit(negative), as `linearLogits`. */
export function compiledLogits(
  model: StanceModel,
  c: CompiledLinear,
  s: SentenceFacts,
  target: TokenRange,
  others: readonly TokenRange[],
): { logits: [number, number, number]; tokenWeights: Float64Array } {
  const { tokens } = s;
  const n = tokens.length;
  const w = model.sparse;
  const V = c.vocab.size;
  const R = c.rows;
  const at = (slot: number, id: number): number => (id < 0 ? -1 : (R[slot * V + id] as number));
  const logits = new Float64Array(3);
  [logits[0], logits[1], logits[2]] = model.classBias;
  const credit = new Float64Array(n);
  // The mention as a whole (mentionFeatures in features.ts).
  addRow(w, logits, credit, c.fixed[FIX_BIAS] as number, 1, -1);
  for (let i = target.from; i < target.to; i += 1) {
    addRow(w, logits, credit, at(SLOT_T, s.lemmaId[i] as number), 1, -1);
    addRow(w, logits, credit, at(SLOT_TP, s.posId[i] as number), 1, -1);
  }
  if (target.from === 0) addRow(w, logits, credit, at(SLOT_T, c.vocab.get('<first>') ?? -1), 1, -1);
  let quotes = 0;
  for (let i = 0; i < target.from; i += 1) quotes += s.isQuote[i] as number;
  if (quotes % 2 === 1) addRow(w, logits, credit, at(SLOT_T, c.vocab.get('<inquote>') ?? -1), 1, -1);
  addRow(w, logits, credit, at(SLOT_T, c.vocab.get(`<others${Math.min(others.length, 3)}>`) ?? -1), 1, -1);

  const inOther = new Uint8Array(n);
  for (const r of others) inOther.fill(1, r.from, r.to);
  const otherId = c.vocab.get(OTHER_WORD) ?? -1;
  const poolTotal = new Float64Array(POOL_COUNT);
  const pooled: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const other = inOther[i] === 1;
    if ((!other && s.words[i] === null) || (i >= target.from && i < target.to)) continue;
    const t = tokens[i] as StanceToken;
    const wid = other ? otherId : (s.wordId[i] as number);
    const d = distanceTo(i, target);
    const b = bucketIndex(d);
    const near = d < 0 ? -d : d;
    const lo = i < target.from ? i + 1 : target.to;
    const hi = i < target.from ? target.from : i;
    const clause = hi > lo && (s.breaks[hi] as number) - (s.breaks[lo] as number) > 0 ? 1 : 0;
    let nearestOther = Infinity;
    for (const r of others) nearestOther = Math.min(nearestOther, Math.abs(distanceTo(i, r)));
    const owner = nearestOther < near ? 0 : 1;
    const negated = t.negated && !other ? 1 : 0;
    const side = d < 0 ? 0 : 1;
    addRow(w, logits, credit, at(SLOT_W, wid), 1, i);
    addRow(w, logits, credit, at(SLOT_D + b * 2 + negated, wid), 1, i);
    addRow(w, logits, credit, at(SLOT_C + clause * 4 + side * 2 + negated, wid), 1, i);
    addRow(w, logits, credit, at(SLOT_M + owner * 2 + negated, wid), 1, i);
    if (near <= 2) addRow(w, logits, credit, at(SLOT_P + b, s.posId[i] as number), 1, i);
    if (near <= 8 && i > 0 && !(i - 1 >= target.from && i - 1 < target.to)) {
      const prevOther = inOther[i - 1] === 1;
      const prev = prevOther ? otherId : s.words[i - 1] === null ? -2 : (s.wordId[i - 1] as number);
      if (prev !== -2 && prev >= 0 && wid >= 0) {
        const row = (side === 0 ? c.bigrams[0] : c.bigrams[1]).get(prev * V + wid);
        if (row !== undefined) addRow(w, logits, credit, row, 1, i);
      }
    }
    if (s.isBreak[i] === 1) addRow(w, logits, credit, at(SLOT_K + side, s.lowerId[i] as number), 1, i);
    const polarity = s.polarity[i] as number;
    if (polarity !== 0 && !other) {
      const signed = t.negated ? -polarity : polarity;
      const range = near <= 3 ? 0 : near <= 8 ? 1 : 2;
      addRow(w, logits, credit, c.fixed[FIX_RANGE + range] as number, signed, i);
      addRow(w, logits, credit, c.fixed[FIX_CLAUSE_OWNER + clause * 2 + (1 - owner)] as number, signed, i);
      addRow(w, logits, credit, c.fixed[FIX_SIGN + (signed > 0 ? 0 : 1) * 6 + range * 2 + clause] as number, 1, i);
    }
    if (other || t.pos === 'PUNCT') continue;
    // Totals count every pooled word, vector or not, as normalisePools does.
    if (near <= 3) poolTotal[0] = (poolTotal[0] as number) + 1;
    if (clause === 0 && near <= 10) poolTotal[1] = (poolTotal[1] as number) + 1;
    poolTotal[2] = (poolTotal[2] as number) + 1 / (1 + near / 5);
    if ((s.rows[i] as number) >= 0) pooled.push(i, near, clause);
  }
  for (let k = 0; k < pooled.length; k += 3) {
    const i = pooled[k] as number;
    const near = pooled[k + 1] as number;
    const clause = pooled[k + 2] as number;
    const proj = projection(model, s.rows[i] as number);
    for (let pool = 0; pool < POOL_COUNT; pool += 1) {
      const weight = pool === 0 ? (near <= 3 ? 1 : 0) : pool === 1 ? (clause === 0 && near <= 10 ? 1 : 0) : 1 / (1 + near / 5);
      if (weight === 0) continue;
      const share = weight / (poolTotal[pool] as number);
      const neg = (proj[pool * 3] as number) * share;
      const pos = (proj[pool * 3 + 2] as number) * share;
      logits[0] = (logits[0] as number) + neg;
      logits[1] = (logits[1] as number) + (proj[pool * 3 + 1] as number) * share;
      logits[2] = (logits[2] as number) + pos;
      credit[i] = (credit[i] as number) + pos - neg;
    }
  }
  return { logits: [logits[0] as number, logits[1] as number, logits[2] as number], tokenWeights: credit };
}
