import { POOL_COUNT } from '../../src/nlp/stance-model/features.js';
import { DIMS } from '../../src/nlp/stance-model/model.js';
import type { Example } from './featurize.js';
import { minimizeLbfgs } from './lbfgs.js';
import type { QuantizedVectors } from './vocab.js';

/** Examples as index/value lists over a fixed feature vocabulary, plus their pooled vectors. */
export interface Indexed {
  idx: Int32Array;
  val: Float32Array;
  dense: Float32Array;
  label: number;
}

export interface LinearOptions {
  /** L2 penalty, as a multiple of one example's loss. */
  l2: number;
  maxIterations: number;
  /** Features seen in fewer training examples are dropped. */
  minCount: number;
  /**
   * Weight of each class (negative, neutral, positive) in the loss; an example of class c counts
   * classWeights[c] times. Absent: every example counts once.
   */
  classWeights?: readonly [number, number, number];
  /** Drop the target's own proper-name words as features (recipe.ts nameBlind). */
  nameBlind?: boolean;
  /** Keep the role features `R|…` (agent or patient of an evaluative verb). */
  roles?: boolean;
}

export interface LinearWeights {
  sparse: Float32Array;
  dense: Float32Array;
}

/** Feature names seen in at least `minCount` training examples, sorted so the row order is stable. */
export function featureVocabulary(examples: readonly Example[], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const name of new Set(e.features.sparse.map((s) => s.name))) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts].filter(([n, c]) => c >= minCount || n === 'BIAS').map(([n]) => n).sort();
  return new Map(names.map((n, i) => [n, i]));
}

/** Pooled word vectors of one example, laid out [pool × DIMS] like the dense weight rows. */
export function pooledVector(e: Example, vocab: QuantizedVectors): Float32Array {
  const dense = new Float32Array(POOL_COUNT * DIMS);
  for (const share of e.features.pools) {
    const t = e.tokens[share.token];
    const row = t ? (vocab.index.get(t.lower) ?? vocab.index.get(t.lemma) ?? -1) : -1;
    if (row < 0) continue;
    const scale = (vocab.scales[row] ?? 0) * share.weight;
    for (let k = 0; k < DIMS; k += 1) {
      dense[share.pool * DIMS + k] = (dense[share.pool * DIMS + k] ?? 0) + (vocab.vectors[row * DIMS + k] ?? 0) * scale;
    }
  }
  return dense;
}

export function indexExamples(examples: readonly Example[], features: Map<string, number>, vocab: QuantizedVectors): Indexed[] {
  return examples.map((e) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const s of e.features.sparse) {
      const row = features.get(s.name);
      if (row === undefined) continue;
      idx.push(row);
      val.push(s.value);
    }
    return { idx: Int32Array.from(idx), val: Float32Array.from(val), dense: pooledVector(e, vocab), label: e.label };
  });
}

/**
 * L2-regularised softmax regression, minimised with full-batch L-BFGS (see lbfgs.ts).
 *
 * Why not tfjs here: its sparse gather gradient (UnsortedSegmentSum) is missing from the wasm
 * backend and runs one pass per feature row on the cpu backend (minutes per epoch), and with
 * dense mini-batches Adam/Adagrad left the dev scores swinging by 5-20 points from epoch to epoch.
 * The problem is convex and its gradient is a few sparse sums, so a deterministic quasi-Newton
 * solver reaches the optimum in seconds and the same data always gives the same weights.
 */
export function trainLinear(data: readonly Indexed[], featureCount: number, featureNames: readonly string[], o: LinearOptions): LinearWeights {
  const width = POOL_COUNT * DIMS;
  const cw = o.classWeights ?? [1, 1, 1];
  // The loss is a weighted mean: with unit weights, the sum of weights is the number of examples.
  const n = o.classWeights ? data.reduce((s, e) => s + (cw[e.label] ?? 1), 0) : data.length;
  const biasRow = featureNames.indexOf('BIAS');
  const objective = (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    const dense0 = featureCount * 3;
    const z = [0, 0, 0];
    for (const e of data) {
      z[0] = z[1] = z[2] = 0;
      for (let k = 0; k < e.idx.length; k += 1) {
        const r = e.idx[k]! * 3;
        const v = e.val[k]!;
        z[0] += w[r]! * v;
        z[1] += w[r + 1]! * v;
        z[2] += w[r + 2]! * v;
      }
      for (let j = 0; j < width; j += 1) {
        const x = e.dense[j]!;
        if (x === 0) continue;
        const r = dense0 + j * 3;
        z[0] += w[r]! * x;
        z[1] += w[r + 1]! * x;
        z[2] += w[r + 2]! * x;
      }
      const m = Math.max(z[0]!, z[1]!, z[2]!);
      const e0 = Math.exp(z[0]! - m);
      const e1 = Math.exp(z[1]! - m);
      const e2 = Math.exp(z[2]! - m);
      const sum = e0 + e1 + e2;
      const c = cw[e.label] ?? 1;
      loss -= c * Math.log([e0, e1, e2][e.label]! / sum);
      const d0 = (c * (e0 / sum - (e.label === 0 ? 1 : 0))) / n;
      const d1 = (c * (e1 / sum - (e.label === 1 ? 1 : 0))) / n;
      const d2 = (c * (e2 / sum - (e.label === 2 ? 1 : 0))) / n;
      for (let k = 0; k < e.idx.length; k += 1) {
        const r = e.idx[k]! * 3;
        const v = e.val[k]!;
        grad[r] = grad[r]! + d0 * v;
        grad[r + 1] = grad[r + 1]! + d1 * v;
        grad[r + 2] = grad[r + 2]! + d2 * v;
      }
      for (let j = 0; j < width; j += 1) {
        const x = e.dense[j]!;
        if (x === 0) continue;
        const r = dense0 + j * 3;
        grad[r] = grad[r]! + d0 * x;
        grad[r + 1] = grad[r + 1]! + d1 * x;
        grad[r + 2] = grad[r + 2]! + d2 * x;
      }
    }
    let penalty = 0;
    const lambda = o.l2 / n;
    for (let i = 0; i < w.length; i += 1) {
      if (Math.floor(i / 3) === biasRow) continue;
      penalty += w[i]! * w[i]!;
      grad[i] = grad[i]! + 2 * lambda * w[i]!;
    }
    return loss / n + lambda * penalty;
  };
  const { w } = minimizeLbfgs(objective, new Float64Array((featureCount + width) * 3), {
    maxIterations: o.maxIterations,
    tolerance: 1e-7,
  });
  return { sparse: Float32Array.from(w.subarray(0, featureCount * 3)), dense: Float32Array.from(w.subarray(featureCount * 3)) };
}
