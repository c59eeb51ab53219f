import { CLAUSE_BREAKS, QUOTES } from './features.js';
import { BUCKET_NAMES, SLOT_T, SLOT_TP, SLOT_W, SLOT_D, SLOT_C, SLOT_M, SLOT_P, SLOT_K, SLOTS, FIXED_NAMES, FIX_ROLE, FIX_ROLE_SIGN, negatedWord } from './linear-slots.js';
import type { StanceModel } from './model.js';

/**
 * The softmax regression of `linearLogits` without building feature names. Looking up ~150 freshly
 * concatenated strings per mention cost more than everything else the analyzer does; here each
 * feature template is a small-integer slot and the word a string wink already holds (its hash is
 * cached), so a lookup is two array/map steps. `extractFeatures` stays the definition (training uses
 * it) and a test checks that both give the same logits.
 */

export interface CompiledLinear {
  /** Every string that occurs in a feature name, by id. */
  vocab: Map<string, number>;
  /** rows[slot * vocab.size + word id]: feature row, or -1. */
  rows: Int32Array;
  /** Bigram rows by side: key (previous id * vocab.size + id) → row. */
  bigrams: [Map<number, number>, Map<number, number>];
  fixed: Int32Array;
  /** The model has role features (R|…; analyzer a5's has none), so mentions need their roles. */
  hasRoles: boolean;
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
  const hasRoles = fixed.subarray(FIX_ROLE, FIX_ROLE_SIGN + 4).some((row) => row >= 0);
  const out = { vocab, rows, bigrams, fixed, hasRoles, ...lookupColumns(model, vocab) };
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
