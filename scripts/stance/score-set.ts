import type { StanceModel } from '../../src/nlp/stance-model/model.js';
import { predictTarget } from '../../src/nlp/stance-model/predict.js';
import { tokenize } from '../../src/nlp/stance-model/tokens.js';
import type { StanceModelLabel, StanceModelResult } from '../../src/nlp/stance-model/types.js';
import type { LabelledSentence } from './data.js';

export interface Scored {
  gold: StanceModelLabel[];
  results: StanceModelResult[];
  tokens: number;
  seconds: number;
}

/** Runs the run-time path (wink tokenization included) over every target of every sentence. */
export function scoreSentences(model: StanceModel, sentences: readonly LabelledSentence[]): Scored {
  const gold: StanceModelLabel[] = [];
  const results: StanceModelResult[] = [];
  let tokens = 0;
  const t0 = performance.now();
  for (const s of sentences) {
    const all = tokenize(s.text);
    tokens += all.length;
    s.targets.forEach((t, ti) => {
      const otherTargets = s.targets.filter((_, k) => k !== ti).map((o) => ({ start: o.from, end: o.to }));
      const span = { sentenceStart: 0, sentenceEnd: s.text.length, targetStart: t.from, targetEnd: t.to, otherTargets };
      gold.push(t.label);
      results.push(predictTarget(model, s.text, all, span));
    });
  }
  return { gold, results, tokens, seconds: (performance.now() - t0) / 1000 };
}
