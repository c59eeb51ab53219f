import { sigmoid, tanh } from './fast-exp.js';
import type { GruKernel } from './gru-kernel.js';
import { DIMS } from './model.js';
import { GRU_EXTRA, GRU_INPUT, type GruSequence, type GruWeights } from './gru-shape.js';

// The recurrent loop in JavaScript (where WebAssembly SIMD is missing, and the reference the
// kernel must equal) and the bridge that hands a window to the WebAssembly kernel.

/**
 * Float64 copies of the recurrent and output weights (read without a float32 conversion in the
 * hot loops) and scratch buffers, made once per weights object: a mention allocates nothing.
 */
export interface Prepared {
  /** [2][H][2H], as GruWeights.uzr. */
  uzr: Float64Array;
  /** [2][H][H], as GruWeights.un. */
  un: Float64Array;
  wo: Float64Array;
  /** Input projection of a word without a vector: the bias. */
  bias: Float32Array;
  /** Projections of the tokens that have extra inputs, [T][2][3H]. */
  xw: Float32Array;
  /** Per window token: the array holding its input projection and where, [2][3H] from there. */
  inputs: Float32Array[];
  inputAt: Int32Array;
  h: Float64Array;
  gates: Float64Array;
  rh: Float64Array;
  sum: Float64Array;
  max: Float64Array;
}

const prepared = new WeakMap<GruWeights, Prepared>();

export function prepare(w: GruWeights): Prepared {
  const hit = prepared.get(w);
  if (hit) return hit;
  const H = w.units;
  const p: Prepared = {
    uzr: Float64Array.from(w.uzr),
    un: Float64Array.from(w.un),
    wo: Float64Array.from(w.wo),
    bias: Float32Array.from(w.b),
    xw: new Float32Array(0),
    inputs: [],
    inputAt: new Int32Array(0),
    h: new Float64Array(H),
    gates: new Float64Array(2 * H),
    rh: new Float64Array(H),
    sum: new Float64Array(2 * H),
    max: new Float64Array(2 * H),
  };
  prepared.set(w, p);
  return p;
}

/**
 * out[j] = init[from + j] + Σ_k x[k]·W[at + k·m + j] for j < m, each sum taken in k order as a
 * plain dot product would (so the result is the same to the bit); eight outputs at a time so
 * that one read of x[k] feeds eight independent sums.
 */
function matVec(
  out: Float64Array,
  init: Float32Array,
  from: number,
  x: Float64Array,
  W: Float64Array,
  at: number,
  n: number,
  m: number,
): void {
  let j = 0;
  for (; j + 8 <= m; j += 8) {
    let a0 = init[from + j] as number;
    let a1 = init[from + j + 1] as number;
    let a2 = init[from + j + 2] as number;
    let a3 = init[from + j + 3] as number;
    let a4 = init[from + j + 4] as number;
    let a5 = init[from + j + 5] as number;
    let a6 = init[from + j + 6] as number;
    let a7 = init[from + j + 7] as number;
    for (let k = 0, r = at + j; k < n; k += 1, r += m) {
      const xk = x[k] as number;
      a0 += xk * (W[r] as number);
      a1 += xk * (W[r + 1] as number);
      a2 += xk * (W[r + 2] as number);
      a3 += xk * (W[r + 3] as number);
      a4 += xk * (W[r + 4] as number);
      a5 += xk * (W[r + 5] as number);
      a6 += xk * (W[r + 6] as number);
      a7 += xk * (W[r + 7] as number);
    }
    out[j] = a0;
    out[j + 1] = a1;
    out[j + 2] = a2;
    out[j + 3] = a3;
    out[j + 4] = a4;
    out[j + 5] = a5;
    out[j + 6] = a6;
    out[j + 7] = a7;
  }
  for (; j < m; j += 1) {
    let a = init[from + j] as number;
    for (let k = 0, r = at + j; k < n; k += 1, r += m) a += (x[k] as number) * (W[r] as number);
    out[j] = a;
  }
}

/**
 * Points each token at its input projection: the word's cached one, or when an extra input is set
 * (target, other mention, negated, lexicon polarity) a copy in `p.xw` with those added, in float32.
 */
function projectInputs(w: GruWeights, p: Prepared, seq: GruSequence, projectWord: (row: number) => Float32Array): void {
  const g2 = 6 * w.units;
  const T = seq.rows.length;
  if (p.xw.length < T * g2) {
    p.xw = new Float32Array(T * g2);
    p.inputAt = new Int32Array(T);
  }
  const { xw, inputs, inputAt } = p;
  const { wx } = w;
  const { rows, extra } = seq;
  for (let t = 0; t < T; t += 1) {
    const row = rows[t] as number;
    const word = row >= 0 ? projectWord(row) : p.bias;
    const e0 = t * GRU_EXTRA;
    if (extra[e0] === 0 && extra[e0 + 1] === 0 && extra[e0 + 2] === 0 && extra[e0 + 3] === 0) {
      inputs[t] = word;
      inputAt[t] = 0;
      continue;
    }
    const o = t * g2;
    xw.set(word, o);
    inputs[t] = xw;
    inputAt[t] = o;
    addExtraInputs(wx, g2 / 2, extra, t, xw, o);
  }
}

/**
 * Adds token t's extra inputs (target, other mention, negated, polarity) times their weights to
 * its projection [2][3H] at dst[o], in float32 as training computed it.
 */
function addExtraInputs(wx: Float32Array, g: number, extra: Float32Array, t: number, dst: Float32Array, o: number): void {
  for (let e = 0; e < GRU_EXTRA; e += 1) {
    const x = extra[t * GRU_EXTRA + e] as number;
    if (x === 0) continue;
    for (let d = 0; d < 2; d += 1) {
      const from = (d * GRU_INPUT + DIMS + e) * g;
      const at = o + d * g;
      for (let j = 0; j < g; j += 1) dst[at + j] = (dst[at + j] as number) + x * (wx[from + j] as number);
    }
  }
}

/** Both directions in JavaScript, target sums and maxima left in `p`. */
export function readInJavaScript(w: GruWeights, p: Prepared, seq: GruSequence, projectWord: (row: number) => Float32Array): void {
  projectInputs(w, p, seq, projectWord);
  p.sum.fill(0);
  p.max.fill(-Infinity);
  readDirection(p, w.units, 0, seq.rows.length, seq.target);
  readDirection(p, w.units, 1, seq.rows.length, seq.target);
}

/** Runs one direction over the window, adding its states to the target sums and window maxima. */
function readDirection(p: Prepared, H: number, d: number, T: number, target: Uint8Array): void {
  const { inputs, inputAt, uzr, un, h, gates, rh, sum, max } = p;
  h.fill(0);
  const zrAt = d * H * 2 * H;
  const nAt = d * H * H;
  const off = d * H;
  for (let s = 0; s < T; s += 1) {
    const t = d === 0 ? s : T - 1 - s;
    const input = inputs[t] as Float32Array;
    const o = (inputAt[t] as number) + d * 3 * H;
    matVec(gates, input, o, h, uzr, zrAt, H, 2 * H);
    for (let j = 0; j < H; j += 1) rh[j] = (h[j] as number) * sigmoid(gates[H + j] as number);
    for (let j = 0; j < H; j += 1) gates[H + j] = sigmoid(gates[j] as number);
    matVec(gates, input, o + 2 * H, rh, un, nAt, H, H);
    const inTarget = target[t] === 1;
    for (let j = 0; j < H; j += 1) {
      const zj = gates[H + j] as number;
      const hj = (1 - zj) * tanh(gates[j] as number) + zj * (h[j] as number);
      h[j] = hj;
      if (inTarget) sum[off + j] = (sum[off + j] as number) + hj;
      if (hj > (max[off + j] as number)) max[off + j] = hj;
    }
  }
}

/**
 * Writes each token's input projection, its word's with the extra inputs added in float32 as
 * projectInputs does, into the kernel's window memory at float index `base`.
 */
function projectInto(w: GruWeights, p: Prepared, seq: GruSequence, projectWord: (row: number) => Float32Array, dst: Float32Array, base: number): void {
  const g = 3 * w.units;
  const { wx } = w;
  const { rows, extra } = seq;
  for (let t = 0; t < rows.length; t += 1) {
    const row = rows[t] as number;
    const o = base + t * 2 * g;
    dst.set(row >= 0 ? projectWord(row) : p.bias, o);
    addExtraInputs(wx, g, extra, t, dst, o);
  }
}

/** Both directions in the WebAssembly kernel, target sums and maxima copied back into `p`. */
export function readWithKernel(kernel: GruKernel, w: GruWeights, p: Prepared, seq: GruSequence, projectWord: (row: number) => Float32Array): void {
  const H = w.units;
  const T = seq.rows.length;
  const reader = kernel.reader(w);
  const { xw, target } = kernel.window(T, H);
  projectInto(w, p, seq, projectWord, kernel.f32, xw / 4);
  kernel.u8.set(seq.target, target);
  kernel.read(reader, H, T, xw, target);
  const f64 = kernel.f64;
  for (let j = 0; j < 2 * H; j += 1) {
    p.sum[j] = f64[reader.sum / 8 + j] as number;
    p.max[j] = f64[reader.max / 8 + j] as number;
  }
}
