import { gruSequence } from '../../src/nlp/stance-model/gru.js';
import type { Example } from './featurize.js';
import type { GruExample } from './gru-train.js';
import type { QuantizedVectors } from './vocab.js';

/** The GRU's view of featurized mentions, built by the run-time `gruSequence`. */
export function gruExamples(examples: readonly Example[], vocab: QuantizedVectors, lexicon: ReadonlyMap<string, number>): GruExample[] {
  const row = (t: { lower: string; lemma: string }) => vocab.index.get(t.lower) ?? vocab.index.get(t.lemma) ?? -1;
  return examples.map((e) => ({ seq: gruSequence(e.tokens, e.target, e.others, row, lexicon), label: e.label }));
}
