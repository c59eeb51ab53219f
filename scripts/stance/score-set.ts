import type { StanceModel } from '../../src/nlp/stance-model/model.js';
import { scoreSentence } from '../../src/nlp/stance-model/score-sentence.js';
import { tokenize } from '../../src/nlp/stance-model/tokens.js';
import type { StanceModelLabel, StanceModelResult } from '../../src/nlp/stance-model/types.js';
import type { LabelledSentence } from './data.js';

export interface Scored {
  gold: StanceModelLabel[];
  results: StanceModelResult[];
  tokens: number;
  seconds: number;
}

/** Runs the analyzer's run-time path (wink tokenization included) over every target of every sentence. */
export function scoreSentences(model: StanceModel, sentences: readonly LabelledSentence[]): Scored {
  const gold: StanceModelLabel[] = [];
  const results: StanceModelResult[] = [];
  let tokens = 0;
  const t0 = performance.now();
  for (const s of sentences) {
    const all = tokenize(s.text);
    tokens += all.length;
    // The analyzer's path: every mention of the sentence scored together (src/nlp/model-scorer.ts).
    results.push(...scoreSentence(model, s.text, all, s.targets.map((t) => ({ start: t.from, end: t.to }))));
    for (const t of s.targets) gold.push(t.label);
  }
  return { gold, results, tokens, seconds: (performance.now() - t0) / 1000 };
}
