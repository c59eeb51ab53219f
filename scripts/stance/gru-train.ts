import { GRU_EXTRA, GRU_INPUT, type GruSequence, type GruWeights } from '../../src/nlp/stance-model/gru.js';
import { DIMS } from '../../src/nlp/stance-model/model.js';
import { seededRandom, shuffled, tf } from './tf.js';
import type { QuantizedVectors } from './vocab.js';

export interface GruExample {
  seq: GruSequence;
  label: number;
}

export interface GruOptions {
  units: number;
  epochs: number;
  learningRate: number;
  batchSize: number;
  /** Dropout on the word vectors and on the pooled features. */
  dropout: number;
  seed: number;
  /** Weights are averaged over the ends of this and every later epoch (stochastic weight averaging). */
  averageFrom: number;
}

type Params = Record<'wx' | 'uzr' | 'un' | 'b' | 'wo' | 'bo', tf.Variable>;

/** Glorot-uniform numbers from the seeded PRNG: tfjs initialisers would draw from Math.random. */
function glorot(random: () => number, shape: number[], fanIn: number, fanOut: number): tf.Variable {
  const n = shape.reduce((a, b) => a * b, 1);
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const v = new Float32Array(n);
  for (let i = 0; i < n; i += 1) v[i] = (random() * 2 - 1) * limit;
  return tf.variable(tf.tensor(v, shape));
}

function initParams(H: number, random: () => number): Params {
  return {
    wx: glorot(random, [2, GRU_INPUT, 3 * H], GRU_INPUT, 3 * H),
    uzr: glorot(random, [2, H, 2 * H], H, 2 * H),
    un: glorot(random, [2, H, H], H, H),
    b: tf.variable(tf.zeros([2, 3 * H])),
    wo: glorot(random, [4 * H, 3], 4 * H, 3),
    bo: tf.variable(tf.zeros([3])),
  };
}

interface Batch {
  x: tf.Tensor3D;
  mask: tf.Tensor3D;
  target: tf.Tensor3D;
  labels: tf.Tensor2D;
}

/** Right-padded [B × T × GRU_INPUT] inputs; `drop` zeroes whole word vectors (inverted dropout). */
function makeBatch(batch: readonly GruExample[], vocab: QuantizedVectors, drop: number, random: () => number): Batch {
  const T = Math.max(1, ...batch.map((e) => e.seq.rows.length));
  const B = batch.length;
  const x = new Float32Array(B * T * GRU_INPUT);
  const mask = new Float32Array(B * T);
  const target = new Float32Array(B * T);
  batch.forEach((e, b) => {
    const n = e.seq.rows.length;
    for (let t = 0; t < n; t += 1) {
      const o = (b * T + t) * GRU_INPUT;
      mask[b * T + t] = 1;
      target[b * T + t] = e.seq.target[t] ?? 0;
      const row = e.seq.rows[t] ?? -1;
      const keep = drop > 0 ? (random() < drop ? 0 : 1 / (1 - drop)) : 1;
      if (row >= 0 && keep > 0) {
        const scale = (vocab.scales[row] ?? 0) * keep;
        for (let k = 0; k < DIMS; k += 1) x[o + k] = (vocab.vectors[row * DIMS + k] ?? 0) * scale;
      }
      for (let k = 0; k < GRU_EXTRA; k += 1) x[o + DIMS + k] = e.seq.extra[t * GRU_EXTRA + k] ?? 0;
    }
  });
  return {
    x: tf.tensor3d(x, [B, T, GRU_INPUT]),
    mask: tf.tensor3d(mask, [B, T, 1]),
    target: tf.tensor3d(target, [B, T, 1]),
    labels: tf.oneHot(tf.tensor1d(batch.map((e) => e.label), 'int32'), 3) as tf.Tensor2D,
  };
}

/** One direction of the GRU over all steps; padded steps keep the previous state. */
function direction(p: Params, d: number, batch: Batch, H: number): tf.Tensor3D {
  const [B, T] = batch.x.shape;
  const wx = tf.squeeze(tf.slice(p.wx, [d, 0, 0], [1, GRU_INPUT, 3 * H]), [0]) as tf.Tensor2D;
  const uzr = tf.squeeze(tf.slice(p.uzr, [d, 0, 0], [1, H, 2 * H]), [0]) as tf.Tensor2D;
  const un = tf.squeeze(tf.slice(p.un, [d, 0, 0], [1, H, H]), [0]) as tf.Tensor2D;
  const b = tf.slice(p.b, [d, 0], [1, 3 * H]);
  const xw = tf.reshape(tf.add(tf.matMul(tf.reshape(batch.x, [B * T, GRU_INPUT]), wx), b), [B, T, 3 * H]);
  const steps = tf.unstack(xw, 1);
  const masks = tf.unstack(batch.mask, 1);
  const outs: tf.Tensor[] = new Array<tf.Tensor>(T);
  let h: tf.Tensor = tf.zeros([B, H]);
  for (let s = 0; s < T; s += 1) {
    const t = d === 0 ? s : T - 1 - s;
    const [xz, xr, xn] = tf.split(steps[t] as tf.Tensor, 3, 1) as [tf.Tensor, tf.Tensor, tf.Tensor];
    const [hz, hr] = tf.split(tf.matMul(h as tf.Tensor2D, uzr), 2, 1) as [tf.Tensor, tf.Tensor];
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.matMul(tf.mul(r, h) as tf.Tensor2D, un)));
    const next = tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
    const m = masks[t] as tf.Tensor;
    h = tf.add(tf.mul(m, next), tf.mul(tf.sub(1, m), h));
    outs[t] = h;
  }
  return tf.stack(outs, 1) as tf.Tensor3D;
}

function forward(p: Params, batch: Batch, H: number, dropMask: tf.Tensor | null): tf.Tensor2D {
  const states = tf.concat([direction(p, 0, batch, H), direction(p, 1, batch, H)], 2);
  const targetSum = tf.sum(tf.mul(states, batch.target), 1);
  const targetMean = tf.div(targetSum, tf.maximum(tf.sum(batch.target, 1), 1));
  const max = tf.max(tf.add(states, tf.mul(tf.sub(batch.mask, 1), 1e4)), 1);
  let pooled = tf.concat([targetMean, max], 1);
  if (dropMask) pooled = tf.mul(pooled, dropMask);
  return tf.add(tf.matMul(pooled as tf.Tensor2D, p.wo), p.bo) as tf.Tensor2D;
}

async function toWeights(p: Params, H: number): Promise<GruWeights> {
  const get = async (v: tf.Variable) => Float32Array.from(await v.data());
  return { units: H, wx: await get(p.wx), uzr: await get(p.uzr), un: await get(p.un), b: await get(p.b), wo: await get(p.wo), bo: await get(p.bo) };
}

function average(sum: GruWeights | undefined, w: GruWeights, count: number): GruWeights {
  if (!sum) return w;
  const mix = (a: Float32Array, b: Float32Array) => a.map((x, i) => x + ((b[i] ?? 0) - x) / count);
  return { units: w.units, wx: mix(sum.wx, w.wx), uzr: mix(sum.uzr, w.uzr), un: mix(sum.un, w.un), b: mix(sum.b, w.b), wo: mix(sum.wo, w.wo), bo: mix(sum.bo, w.bo) };
}

/**
 * Trains the bidirectional GRU reader with tfjs (wasm backend), Adam, dropout and length-bucketed
 * mini-batches. Every random draw comes from one seeded PRNG, so runs repeat exactly. Single
 * epochs swing by a few dev points, so the result averages the weights of the later epochs.
 * `onEpoch` sees that running average after each epoch.
 */
export async function trainGru(
  data: readonly GruExample[],
  vocab: QuantizedVectors,
  o: GruOptions,
  onEpoch: (epoch: number, weights: GruWeights) => void = () => undefined,
): Promise<GruWeights> {
  const random = seededRandom(o.seed);
  const H = o.units;
  const p = initParams(H, random);
  const optimizer = tf.train.adam(o.learningRate);
  const vars = Object.values(p);
  let averaged: GruWeights | undefined;
  for (let epoch = 0; epoch < o.epochs; epoch += 1) {
    // Batches of similar length waste fewer padded steps; their order is still shuffled.
    const sorted = shuffled(data, random).sort((a, b) => a.seq.rows.length - b.seq.rows.length);
    const batches: GruExample[][] = [];
    for (let i = 0; i < sorted.length; i += o.batchSize) batches.push(sorted.slice(i, i + o.batchSize));
    for (const batch of shuffled(batches, random)) {
      tf.tidy(() => {
        const t = makeBatch(batch, vocab, o.dropout, random);
        const keep = new Float32Array(batch.length * 4 * H).map(() => (random() < o.dropout ? 0 : 1 / (1 - o.dropout)));
        const dropMask = tf.tensor2d(keep, [batch.length, 4 * H]);
        optimizer.minimize(() => tf.losses.softmaxCrossEntropy(t.labels, forward(p, t, H, dropMask)) as tf.Scalar, false, vars);
      });
    }
    const current = await toWeights(p, H);
    if (epoch + 1 >= o.averageFrom) averaged = average(averaged, current, epoch + 2 - o.averageFrom);
    onEpoch(epoch, averaged ?? current);
  }
  vars.forEach((v) => v.dispose());
  optimizer.dispose();
  if (!averaged) throw new Error('averageFrom is past the last epoch');
  return averaged;
}
