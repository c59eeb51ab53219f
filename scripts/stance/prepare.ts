import { existsSync } from 'node:fs';
import path from 'node:path';
import { tokenize } from '../../src/nlp/stance-model/tokens.js';
import { NEWSMTSC_DIR, readNewsMtsc, type LabelledSentence } from './data.js';
import { loadEmbeddings } from './embeddings.js';
import { featurize, type Example } from './featurize.js';
import { ANALYST_REPEAT } from './hyper.js';
import { buildLexicon, quantizeVocabulary, type QuantizedVectors } from './vocab.js';

/** Words of the embeddings (by frequency) that get a vector besides the training words. */
export const TOP_WORDS = 20_000;
/** Words whose wink-nlp sentiment is looked up besides the training words. */
const LEXICON_WORDS = 50_000;
/** Our own analyst-labelled sentences (NewsMTSC format): phenomena NewsMTSC rarely shows. */
export const ANALYST_FILE = path.resolve(import.meta.dirname, 'analyst-examples.jsonl');

export interface Prepared {
  train: LabelledSentence[];
  devRw: LabelledSentence[];
  devMt: LabelledSentence[];
  vocab: QuantizedVectors;
  lexicon: Map<string, number>;
  trainExamples: Example[];
  /** Featurized analyst examples, already repeated `ANALYST_REPEAT` times; train only, never scored. */
  analystExamples: Example[];
}

export function log(message: string): void {
  console.log(`[${(performance.now() / 1000).toFixed(1)}s] ${message}`);
}

/**
 * Reads the NewsMTSC splits, builds the shipped vocabulary (vectors, lexicon) from the training
 * text and frequent words only, so that no dev word is favoured, and featurizes the training set
 * and the analyst examples (kept apart, so that cross-validation never scores them).
 */
export function prepare(): Prepared {
  if (!existsSync(NEWSMTSC_DIR)) {
    console.error(`NewsMTSC not found at ${NEWSMTSC_DIR} (expected ../shared/data/newsmtsc beside the repo)`);
    process.exit(2);
  }
  const train = readNewsMtsc(path.join(NEWSMTSC_DIR, 'train.jsonl'));
  const devRw = readNewsMtsc(path.join(NEWSMTSC_DIR, 'dev-rw.jsonl'));
  const devMt = readNewsMtsc(path.join(NEWSMTSC_DIR, 'dev-mt.jsonl'));
  const analyst = readNewsMtsc(ANALYST_FILE);
  const emb = loadEmbeddings();
  log('embeddings loaded');
  const seen = new Set<string>();
  for (const s of [...train, ...analyst]) {
    for (const t of tokenize(s.text)) {
      seen.add(t.lower);
      seen.add(t.lemma);
    }
  }
  const vocab = quantizeVocabulary(emb, seen, TOP_WORDS);
  const lexicon = buildLexicon([...seen, ...emb.words.slice(0, LEXICON_WORDS)]);
  const trainExamples = featurize(train, lexicon);
  const once = featurize(analyst, lexicon);
  const analystExamples = Array.from({ length: ANALYST_REPEAT }, () => once).flat();
  log(`${trainExamples.length} training targets + ${once.length} analyst targets × ${ANALYST_REPEAT}, ${vocab.words.length} word vectors, ${lexicon.size} lexicon words`);
  return { train, devRw, devMt, vocab, lexicon, trainExamples, analystExamples };
}
