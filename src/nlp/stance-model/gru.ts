import type { TokenRange } from './features.js';
import { gruKernel, type GruKernel } from './gru-kernel.js';
import { prepare, readInJavaScript, readWithKernel } from './gru-loop.js';
import { GRU_EXTRA, GRU_INPUT, GRU_WINDOW, type GruSequence, type GruWeights } from './gru-shape.js';
import { DIMS } from './model.js';
import type { StanceToken } from './types.js';

export { GRU_EXTRA, GRU_INPUT, GRU_WINDOW, type GruSequence, type GruWeights } from './gru-shape.js';

/** Builds the reader's input for one mention; training calls this too. */
export function gruSequence(
  tokens: readonly StanceToken[],
  target: TokenRange,
  others: readonly TokenRange[],
  wordRow: (t: StanceToken, index: number) => number,
  /** The lexicon, or each token's polarity as looked up in it (lower-cased form, else lemma). */
  lexicon: ReadonlyMap<string, number> | ((t: StanceToken, index: number) => number),
): GruSequence {
  const polarity = typeof lexicon === 'function' ? lexicon : (t: StanceToken) => lexicon.get(t.lower) ?? lexicon.get(t.lemma) ?? 0;
  const from = Math.max(0, target.from - GRU_WINDOW);
  const to = Math.min(tokens.length, target.to + GRU_WINDOW);
  const n = Math.max(0, to - from);
  const rows = new Int32Array(n);
  const extra = new Float32Array(n * GRU_EXTRA);
  const inTarget = new Uint8Array(n);
  for (let k = 0; k < n; k += 1) {
    const i = from + k;
    const t = tokens[i];
    if (!t) continue;
    rows[k] = wordRow(t, i);
    const isTarget = i >= target.from && i < target.to;
    inTarget[k] = isTarget ? 1 : 0;
    extra[k * GRU_EXTRA] = isTarget ? 1 : 0;
    extra[k * GRU_EXTRA + 1] = others.some((r) => i >= r.from && i < r.to) ? 1 : 0;
    extra[k * GRU_EXTRA + 2] = t.negated ? 1 : 0;
    extra[k * GRU_EXTRA + 3] = polarity(t, i);
  }
  return { rows, extra, target: inTarget };
}

/**
 * A word's input projection, x·Wx + b over its vector (the extra inputs zero), [2][3H] in float32
 * as training computed it. Linear in the vector, so callers compute it once per vocabulary word.
 */
export function projectVector(w: GruWeights, vector: ArrayLike<number>): Float32Array {
  const g = 3 * w.units;
  const word = new Float32Array(2 * g);
  for (let d = 0; d < 2; d += 1) {
    for (let k = 0; k < DIMS; k += 1) {
      const x = vector[k] ?? 0;
      if (x === 0) continue;
      const base = (d * GRU_INPUT + k) * g;
      for (let j = 0; j < g; j += 1) word[d * g + j] = (word[d * g + j] ?? 0) + x * (w.wx[base + j] ?? 0);
    }
  }
  // Bias plus word part rounded once, in the order the per-token projection always summed them.
  const out = new Float32Array(2 * g);
  for (let j = 0; j < 2 * g; j += 1) out[j] = (w.b[j] as number) + (word[j] as number);
  return out;
}

/**
 * Logits of the bidirectional GRU reader for one mention. `projectWord(row)` gives
 * `projectVector` of the word's vector (callers cache it per word). The recurrent loop runs in
 * the WebAssembly kernel where it can (an even number of units), else in JavaScript; `kernel`
 * null forces the latter (tests compare the two).
 */
export function gruLogits(
  w: GruWeights,
  seq: GruSequence,
  projectWord: (row: number) => Float32Array,
  kernel: GruKernel | null = gruKernel(),
): [number, number, number] {
  const H = w.units;
  const T = seq.rows.length;
  const p = prepare(w);
  const { sum, max } = p;
  const target = seq.target;
  let targets = 0;
  for (let t = 0; t < T; t += 1) targets += target[t] as number;
  if (kernel && H % 2 === 0) readWithKernel(kernel, w, p, seq, projectWord);
  else readInJavaScript(w, p, seq, projectWord);
  const wo = p.wo;
  let l0 = w.bo[0] as number;
  let l1 = w.bo[1] as number;
  let l2 = w.bo[2] as number;
  const scale = Math.max(1, targets);
  for (let j = 0; j < 4 * H; j += 1) {
    const x = j < 2 * H ? (sum[j] as number) / scale : T > 0 ? (max[j - 2 * H] as number) : 0;
    l0 += x * (wo[j * 3] as number);
    l1 += x * (wo[j * 3 + 1] as number);
    l2 += x * (wo[j * 3 + 2] as number);
  }
  return [l0, l1, l2];
}
