import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { DIMS, type Embeddings } from './embeddings.js';

/**
 * Words of threat and rivalry between actors that wink-nlp's general-purpose lexicon leaves
 * neutral ("challenges", "adversary"). In international news they mark an actor as a problem
 * ("characterized Russia and China as presenting the most significant challenges"), and the
 * regression learns one shared weight for all lexicon words, so a few entries here carry over.
 * Polarity -0.4 is what wink gives a mildly negative word (AFINN -2).
 */
const THREAT_WORDS = [
  'challenge', 'threat', 'threaten', 'menace', 'adversary', 'aggressor', 'provocation', 'destabilize',
  'destabilise', 'coercion', 'coercive', 'expansionism', 'hegemony', 'rival', 'rivalry', 'danger',
];

/**
 * wink-nlp's own sentiment of each word read alone (its AFINN-style lexicon, scaled to about ±1),
 * kept for the words that have one. The model ships this table so that run time needs no
 * sentiment pipe.
 */
export function buildLexicon(words: Iterable<string>): Map<string, number> {
  const nlp = winkNLP(model);
  const its = nlp.its;
  const out = new Map<string, number>();
  for (const w of words) {
    if (out.has(w) || !/[a-z]/.test(w)) continue;
    const s = nlp.readDoc(w).out(its.sentiment) as unknown as number;
    if (typeof s === 'number' && s !== 0) out.set(w, Math.round(s * 1000) / 1000);
  }
  for (const w of THREAT_WORDS) if (!out.has(w)) out.set(w, -0.4);
  return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

export interface QuantizedVectors {
  words: string[];
  index: Map<string, number>;
  vectors: Int8Array;
  scales: Float32Array;
}

/**
 * The vectors the model ships: every word form seen in training plus the `topK` most frequent
 * words of the embeddings, as int8 with one scale per word (about 1% error, 4x smaller than
 * float32).
 */
export function quantizeVocabulary(emb: Embeddings, seen: Iterable<string>, topK: number): QuantizedVectors {
  const chosen = new Set<string>(emb.words.slice(0, topK));
  for (const w of seen) if (emb.vector(w)) chosen.add(w);
  const words = [...chosen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const vectors = new Int8Array(words.length * DIMS);
  const scales = new Float32Array(words.length);
  words.forEach((w, i) => {
    const v = emb.vector(w);
    if (!v) return;
    let max = 0;
    for (const x of v) max = Math.max(max, Math.abs(x));
    const scale = max === 0 ? 1 : max / 127;
    scales[i] = scale;
    for (let k = 0; k < DIMS; k += 1) vectors[i * DIMS + k] = Math.round((v[k] ?? 0) / scale);
  });
  return { words, index: new Map(words.map((w, i) => [w, i])), vectors, scales };
}
