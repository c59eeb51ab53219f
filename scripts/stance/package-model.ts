import { encodeFloat32, encodeInt16, encodeInt8, quantizeInt16 } from '../../src/nlp/stance-model/codec.js';
import type { GruWeights } from '../../src/nlp/stance-model/gru.js';
import type { SerializedGru, SerializedStanceModel, StanceModel } from '../../src/nlp/stance-model/model.js';
import type { LinearWeights } from './linear-train.js';
import type { QuantizedVectors } from './vocab.js';

export interface ModelParts {
  version: string;
  features: Map<string, number>;
  weights: LinearWeights;
  vocab: QuantizedVectors;
  lexicon: Map<string, number>;
  classBias: [number, number, number];
  gru?: { readers: GruWeights[]; share: number };
}

/** An in-memory model with float weights, for scoring while searching hyper-parameters. */
export function buildModel(p: ModelParts): StanceModel {
  return {
    version: p.version,
    featureIndex: p.features,
    sparse: p.weights.sparse,
    dense: p.weights.dense,
    wordIndex: p.vocab.index,
    vectors: p.vocab.vectors,
    vectorScales: p.vocab.scales,
    lexicon: p.lexicon,
    classBias: p.classBias,
    ...(p.gru ? { gru: p.gru } : {}),
  };
}

/**
 * The committed form. Features whose three weights all round to zero are dropped, and so are the
 * vectors of words that no pool ever reads (they have no row left to project onto).
 */
export function serializeModel(p: ModelParts): SerializedStanceModel {
  const names = [...p.features.keys()];
  const { q, scale } = quantizeInt16(p.weights.sparse);
  const kept = names.filter((_, i) => q[i * 3] !== 0 || q[i * 3 + 1] !== 0 || q[i * 3 + 2] !== 0);
  const rows = new Int16Array(kept.length * 3);
  kept.forEach((name, i) => {
    const r = p.features.get(name) ?? 0;
    rows.set(q.subarray(r * 3, r * 3 + 3), i * 3);
  });
  return {
    version: p.version,
    features: kept.join('\n'),
    sparse: encodeInt16(rows),
    sparseScale: scale,
    dense: encodeFloat32(p.weights.dense),
    words: p.vocab.words.join('\n'),
    vectors: encodeInt8(p.vocab.vectors),
    vectorScales: encodeFloat32(p.vocab.scales),
    lexicon: [...p.lexicon].map(([w, s]) => `${w}\t${s}`).join('\n'),
    classBias: p.classBias,
    ...(p.gru ? { gru: { share: p.gru.share, readers: p.gru.readers.map(serializeGru) } } : {}),
  };
}

function serializeGru(w: GruWeights): SerializedGru {
  const f = encodeFloat32;
  return { units: w.units, wx: f(w.wx), uzr: f(w.uzr), un: f(w.un), b: f(w.b), wo: f(w.wo), bo: f(w.bo) };
}
