import { POOL_COUNT, type TargetFeatures } from './features.js';
import { DIMS, type StanceModel } from './model.js';
import type { StanceToken } from './types.js';

/** Row of a token's vector: its lower-cased form, else its lemma ("n't" has none, "not" has). */
export function vectorRow(model: StanceModel, t: StanceToken): number {
  return model.wordIndex.get(t.lower) ?? model.wordIndex.get(t.lemma) ?? -1;
}

const projections = new WeakMap<StanceModel, Map<number, Float32Array>>();

/**
 * A word's vector times the dense weights of every pool, [POOL_COUNT × 3]. The averaged-vector
 * features are linear, so projecting each word once and caching it turns 300 multiply-adds per
 * pooled word into 3, and makes each word's share of the score exact for the cues.
 */
export function projection(model: StanceModel, row: number): Float32Array {
  let cache = projections.get(model);
  if (!cache) projections.set(model, (cache = new Map()));
  const hit = cache.get(row);
  if (hit) return hit;
  const out = new Float32Array(POOL_COUNT * 3);
  const scale = model.vectorScales[row] ?? 0;
  for (let k = 0; k < DIMS; k += 1) {
    const x = (model.vectors[row * DIMS + k] ?? 0) * scale;
    if (x === 0) continue;
    for (let p = 0; p < POOL_COUNT; p += 1) {
      const base = (p * DIMS + k) * 3;
      for (let c = 0; c < 3; c += 1) out[p * 3 + c] = (out[p * 3 + c] ?? 0) + x * (model.dense[base + c] ?? 0);
    }
  }
  cache.set(row, out);
  return out;
}

export interface LinearOutput {
  logits: [number, number, number];
  /** Per token index: its contribution to logit(positive) - logit(negative). */
  tokenWeights: Map<number, number>;
}

/** Logits of the softmax regression and each context word's signed share of them. */
export function linearLogits(model: StanceModel, tokens: readonly StanceToken[], f: TargetFeatures): LinearOutput {
  const logits: [number, number, number] = [...model.classBias];
  const tokenWeights = new Map<number, number>();
  const credit = (token: number, neg: number, pos: number): void => {
    if (token >= 0) tokenWeights.set(token, (tokenWeights.get(token) ?? 0) + pos - neg);
  };
  for (const s of f.sparse) {
    const row = model.featureIndex.get(s.name);
    if (row === undefined) continue;
    const n = (model.sparse[row * 3] ?? 0) * s.value;
    const u = (model.sparse[row * 3 + 1] ?? 0) * s.value;
    const p = (model.sparse[row * 3 + 2] ?? 0) * s.value;
    logits[0] += n;
    logits[1] += u;
    logits[2] += p;
    credit(s.token, n, p);
  }
  for (const share of f.pools) {
    const t = tokens[share.token];
    const row = t ? vectorRow(model, t) : -1;
    if (row < 0) continue;
    const proj = projection(model, row);
    const n = (proj[share.pool * 3] ?? 0) * share.weight;
    const p = (proj[share.pool * 3 + 2] ?? 0) * share.weight;
    logits[0] += n;
    logits[1] += (proj[share.pool * 3 + 1] ?? 0) * share.weight;
    logits[2] += p;
    credit(share.token, n, p);
  }
  return { logits, tokenWeights };
}

export function softmax(logits: readonly number[]): [number, number, number] {
  const m = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - m));
  const z = e.reduce((a, b) => a + b, 0);
  return [(e[0] ?? 0) / z, (e[1] ?? 0) / z, (e[2] ?? 0) / z];
}
