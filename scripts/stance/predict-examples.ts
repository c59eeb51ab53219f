import type { StanceModel } from '../../src/nlp/stance-model/model.js';
import { predictTarget } from '../../src/nlp/stance-model/predict.js';
import type { StanceModelResult } from '../../src/nlp/stance-model/types.js';
import type { Example } from './featurize.js';

/**
 * Scores featurized examples through the run-time `predictTarget` (the regression, and the GRU
 * when the model has one). The examples' tokens already are the sentence's, so the span is
 * the whole token list and the target and other mentions are given by their token offsets.
 */
export function predictExamples(model: StanceModel, examples: readonly Example[]): StanceModelResult[] {
  return examples.map((e) => {
    const first = e.tokens[0]?.start ?? 0;
    const last = e.tokens[e.tokens.length - 1]?.end ?? 0;
    const at = (r: { from: number; to: number }) => ({
      start: e.tokens[r.from]?.start ?? 0,
      end: e.tokens[r.to - 1]?.end ?? 0,
    });
    const t = at(e.target);
    const span = { sentenceStart: first, sentenceEnd: last, targetStart: t.start, targetEnd: t.end, otherTargets: e.others.map(at) };
    return predictTarget(model, '', e.tokens, span);
  });
}
