import { decodeFloat32, decodeInt16, decodeInt8 } from './codec.js';
import { POOL_COUNT } from './features.js';
import type { Calibration } from './calibration.js';
import type { GruWeights } from './gru.js';

export const DIMS = 100;

/** The committed file: typed arrays as little-endian base64, word lists joined by newlines. */
export interface SerializedStanceModel {
  version: string;
  /** Sparse feature names, one per row of `sparse`. */
  features: string;
  /** Int16 [features × 3] logit weights, times `sparseScale`. */
  sparse: string;
  sparseScale: number;
  /** Float32 [POOL_COUNT × DIMS × 3] weights of the averaged word vectors. */
  dense: string;
  /** Words that have a vector, one per row of `vectors`. */
  words: string;
  /** Int8 [words × DIMS], row i times `vectorScales[i]`. */
  vectors: string;
  vectorScales: string;
  /** `word<TAB>polarity` lines: wink-nlp's sentiment lexicon restricted to the vocabulary. */
  lexicon: string;
  /** Added to the logits before the softmax (tuned class balance). */
  classBias: [number, number, number];
  /** Recurrent readers (one per training seed) whose mean probabilities are averaged with the regression's. */
  gru?: { share: number; readers: SerializedGru[] };
}

/** GRU weights as Float32 base64, see GruWeights for the layouts. */
export interface SerializedGru {
  units: number;
  wx: string;
  uzr: string;
  un: string;
  b: string;
  wo: string;
  bo: string;
}

export interface StanceModel {
  version: string;
  featureIndex: Map<string, number>;
  sparse: Float32Array;
  dense: Float32Array;
  wordIndex: Map<string, number>;
  vectors: Int8Array;
  vectorScales: Float32Array;
  lexicon: Map<string, number>;
  classBias: [number, number, number];
  gru?: { readers: GruWeights[]; share: number };
  /** Applied to the final (mixed) probabilities; absent: the raw probabilities. */
  calibration?: Calibration;
}

function indexLines(joined: string): Map<string, number> {
  const map = new Map<string, number>();
  if (joined === '') return map;
  joined.split('\n').forEach((w, i) => map.set(w, i));
  return map;
}

/** Decodes the committed weights into lookup tables (~100 ms, done once). */
export function decodeModel(s: SerializedStanceModel): StanceModel {
  const q = decodeInt16(s.sparse);
  const sparse = new Float32Array(q.length);
  for (let i = 0; i < q.length; i += 1) sparse[i] = (q[i] ?? 0) * s.sparseScale;
  const featureIndex = indexLines(s.features);
  const wordIndex = indexLines(s.words);
  const dense = decodeFloat32(s.dense);
  const vectors = decodeInt8(s.vectors);
  if (sparse.length !== featureIndex.size * 3 || dense.length !== POOL_COUNT * DIMS * 3) {
    throw new Error('stance model weights do not match their feature list');
  }
  if (vectors.length !== wordIndex.size * DIMS) throw new Error('stance model vectors do not match their word list');
  const lexicon = new Map<string, number>();
  for (const line of s.lexicon.split('\n')) {
    const [word, value] = line.split('\t');
    if (word && value) lexicon.set(word, Number(value));
  }
  return {
    version: s.version,
    featureIndex,
    sparse,
    dense,
    wordIndex,
    vectors,
    vectorScales: decodeFloat32(s.vectorScales),
    lexicon,
    classBias: s.classBias,
    ...(s.gru ? { gru: { readers: s.gru.readers.map(decodeGru), share: s.gru.share } } : {}),
  };
}

function decodeGru(g: SerializedGru): GruWeights {
  const w: GruWeights = {
    units: g.units,
    wx: decodeFloat32(g.wx),
    uzr: decodeFloat32(g.uzr),
    un: decodeFloat32(g.un),
    b: decodeFloat32(g.b),
    wo: decodeFloat32(g.wo),
    bo: decodeFloat32(g.bo),
  };
  if (w.un.length !== 2 * g.units * g.units || w.bo.length !== 3) throw new Error('stance GRU weights are malformed');
  return w;
}
