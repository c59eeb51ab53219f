import type { TokenRange } from './features.js';
import { DIMS } from './model.js';
import type { StanceToken } from './types.js';

/** Per-token inputs besides the word vector: in target, in another mention, negated, lexicon polarity. */
export const GRU_EXTRA = 4;
export const GRU_INPUT = DIMS + GRU_EXTRA;
/** Context tokens read on each side of the target: farther words rarely bear on it and cost time. */
export const GRU_WINDOW = 12;

/** A mention as the recurrent reader sees it: a window of the sentence around the target. */
export interface GruSequence {
  /** Vector row of each token, -1 when the word has none. */
  rows: Int32Array;
  /** [T × GRU_EXTRA] */
  extra: Float32Array;
  /** 1 where the token belongs to the target. */
  target: Uint8Array;
}

/**
 * Bidirectional GRU weights, direction-major (0 forward, 1 backward), gates in the order
 * update z, reset r, candidate n: n = tanh(x·Wn + (r ⊙ h)·Un + bn), h' = (1 - z) ⊙ n + z ⊙ h.
 */
export interface GruWeights {
  units: number;
  /** [2][GRU_INPUT][3H] */
  wx: Float32Array;
  /** [2][H][2H]: recurrent weights of z and r. */
  uzr: Float32Array;
  /** [2][H][H]: recurrent weights of n. */
  un: Float32Array;
  /** [2][3H] */
  b: Float32Array;
  /** [4H][3] over [mean of the target's states (fw, bw); max over the window (fw, bw)]. */
  wo: Float32Array;
  bo: Float32Array;
}

/** Builds the reader's input for one mention; training calls this too. */
export function gruSequence(
  tokens: readonly StanceToken[],
  target: TokenRange,
  others: readonly TokenRange[],
  wordRow: (t: StanceToken, index: number) => number,
  lexicon: ReadonlyMap<string, number>,
): GruSequence {
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
    extra[k * GRU_EXTRA + 3] = lexicon.get(t.lower) ?? lexicon.get(t.lemma) ?? 0;
  }
  return { rows, extra, target: inTarget };
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * The input projection x·Wx + b of every token. The word-vector part is linear, so it is
 * computed once per vocabulary word and cached by `projectWord`; only the 4 extra inputs are
 * added per token.
 */
function projectInputs(w: GruWeights, seq: GruSequence, projectWord: (row: number) => Float32Array): Float32Array {
  const g = 3 * w.units;
  const T = seq.rows.length;
  const out = new Float32Array(2 * T * g);
  for (let t = 0; t < T; t += 1) {
    const row = seq.rows[t] ?? -1;
    const word = row >= 0 ? projectWord(row) : undefined;
    for (let d = 0; d < 2; d += 1) {
      const o = (d * T + t) * g;
      for (let j = 0; j < g; j += 1) out[o + j] = (w.b[d * g + j] ?? 0) + (word?.[d * g + j] ?? 0);
      for (let e = 0; e < GRU_EXTRA; e += 1) {
        const x = seq.extra[t * GRU_EXTRA + e] ?? 0;
        if (x === 0) continue;
        const base = (d * GRU_INPUT + DIMS + e) * g;
        for (let j = 0; j < g; j += 1) out[o + j] = (out[o + j] ?? 0) + x * (w.wx[base + j] ?? 0);
      }
    }
  }
  return out;
}

/** Word-vector part of the input projection, [2][3H], for one dequantized vector. */
export function projectVector(w: GruWeights, vector: ArrayLike<number>): Float32Array {
  const g = 3 * w.units;
  const out = new Float32Array(2 * g);
  for (let d = 0; d < 2; d += 1) {
    for (let k = 0; k < DIMS; k += 1) {
      const x = vector[k] ?? 0;
      if (x === 0) continue;
      const base = (d * GRU_INPUT + k) * g;
      for (let j = 0; j < g; j += 1) out[d * g + j] = (out[d * g + j] ?? 0) + x * (w.wx[base + j] ?? 0);
    }
  }
  return out;
}

/** Recurrent weights transposed to [direction][unit][input unit] so the inner loops read memory in order. */
interface Recurrent {
  uzT: Float64Array;
  urT: Float64Array;
  unT: Float64Array;
}

const recurrent = new WeakMap<GruWeights, Recurrent>();

function transposed(w: GruWeights): Recurrent {
  const hit = recurrent.get(w);
  if (hit) return hit;
  const H = w.units;
  const uzT = new Float64Array(2 * H * H);
  const urT = new Float64Array(2 * H * H);
  const unT = new Float64Array(2 * H * H);
  for (let d = 0; d < 2; d += 1) {
    for (let k = 0; k < H; k += 1) {
      for (let j = 0; j < H; j += 1) {
        const at = (d * H + j) * H + k;
        uzT[at] = w.uzr[(d * H + k) * 2 * H + j] ?? 0;
        urT[at] = w.uzr[(d * H + k) * 2 * H + H + j] ?? 0;
        unT[at] = w.un[(d * H + k) * H + j] ?? 0;
      }
    }
  }
  const r = { uzT, urT, unT };
  recurrent.set(w, r);
  return r;
}

/** Logits of the bidirectional GRU reader for one mention. */
export function gruLogits(w: GruWeights, seq: GruSequence, projectWord: (row: number) => Float32Array): [number, number, number] {
  const H = w.units;
  const g = 3 * H;
  const T = seq.rows.length;
  const xw = projectInputs(w, seq, projectWord);
  const { uzT, urT, unT } = transposed(w);
  const sum = new Float64Array(2 * H);
  const max = new Float64Array(2 * H).fill(-Infinity);
  let targets = 0;
  const h = new Float64Array(H);
  const rh = new Float64Array(H);
  const z = new Float64Array(H);
  for (let d = 0; d < 2; d += 1) {
    h.fill(0);
    const base = d * H * H;
    for (let s = 0; s < T; s += 1) {
      const t = d === 0 ? s : T - 1 - s;
      const o = (d * T + t) * g;
      for (let j = 0; j < H; j += 1) {
        let az = xw[o + j] as number;
        let ar = xw[o + H + j] as number;
        const row = base + j * H;
        for (let k = 0; k < H; k += 1) {
          const hk = h[k] as number;
          az += hk * (uzT[row + k] as number);
          ar += hk * (urT[row + k] as number);
        }
        z[j] = 1 / (1 + Math.exp(-az));
        rh[j] = (h[j] as number) / (1 + Math.exp(-ar));
      }
      for (let j = 0; j < H; j += 1) {
        let an = xw[o + 2 * H + j] as number;
        const row = base + j * H;
        for (let k = 0; k < H; k += 1) an += (rh[k] as number) * (unT[row + k] as number);
        const zj = z[j] as number;
        h[j] = (1 - zj) * Math.tanh(an) + zj * (h[j] as number);
      }
      const inTarget = seq.target[t] === 1;
      if (inTarget && d === 0) targets += 1;
      for (let j = 0; j < H; j += 1) {
        const hj = h[j] as number;
        if (inTarget) sum[d * H + j] = (sum[d * H + j] as number) + hj;
        if (hj > (max[d * H + j] as number)) max[d * H + j] = hj;
      }
    }
  }
  let [l0, l1, l2] = [w.bo[0] ?? 0, w.bo[1] ?? 0, w.bo[2] ?? 0];
  for (let j = 0; j < 4 * H; j += 1) {
    const x = j < 2 * H ? (sum[j] as number) / Math.max(1, targets) : T > 0 ? (max[j - 2 * H] as number) : 0;
    l0 += x * (w.wo[j * 3] ?? 0);
    l1 += x * (w.wo[j * 3 + 1] ?? 0);
    l2 += x * (w.wo[j * 3 + 2] ?? 0);
  }
  return [l0, l1, l2];
}
