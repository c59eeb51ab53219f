import { calibrate } from './calibration.js';
import { compileLinear } from './compiled-linear.js';
import { compiledLogits } from './compiled-logits.js';
import { sentenceFacts } from './sentence-facts.js';
import { tokenRange, type TokenRange } from './features.js';
import { gruLogits, gruSequence } from './gru.js';
import { softmax } from './linear.js';
import type { StanceModel } from './model.js';
import { coordinated, cuesOf, gruWordProjectors, toResult, type WordProjector } from './predict.js';
import type { StanceModelResult, StanceToken } from './types.js';

/** A mention as JavaScript string offsets into the analysed text, end-exclusive. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Scores every mention of one sentence: the same model and results as `predictTarget` for each
 * (a test holds them equal), with what does not depend on the mention computed once per sentence,
 * and coordinated mentions ("Russia and China") read once as the group they form.
 */
export function scoreSentence(
  model: StanceModel,
  text: string,
  tokens: readonly StanceToken[],
  spans: readonly SentenceSpan[],
): StanceModelResult[] {
  const linear = compileLinear(model);
  const facts = sentenceFacts(linear, tokens);
  const seen = new Map<string, StanceModelResult>();
  return spans.map((span) => {
    const target0 = tokenRange(tokens, span.start, span.end);
    const others0: TokenRange[] = spans
      .filter((o) => o !== span && (o.end <= span.start || o.start >= span.end))
      .map((o) => tokenRange(tokens, o.start, o.end));
    const { target, others } = coordinated(tokens, target0, others0);
    const key = `${target.from}:${target.to}|${others.map((o) => `${o.from}:${o.to}`).join(',')}`;
    const hit = seen.get(key);
    if (hit) return { ...hit, probs: [...hit.probs], cues: hit.cues.map((c) => ({ ...c })) };
    const { logits, tokenWeights } = compiledLogits(model, linear, facts, target, others);
    const probs = softmax(logits);
    const gru = model.gru;
    if (gru && gru.readers.length > 0) {
      const seq = gruSequence(tokens, target, others, (_t, i) => facts.rows[i] ?? -1, (_t, i) => facts.own[i] ?? 0);
      const share = gru.share / gru.readers.length;
      for (let c = 0; c < 3; c += 1) probs[c] = (1 - gru.share) * (probs[c] ?? 0);
      const projectors = gruWordProjectors(model);
      gru.readers.forEach((reader, r) => {
        const g = softmax(gruLogits(reader, seq, projectors[r] as WordProjector));
        for (let c = 0; c < 3; c += 1) probs[c] = (probs[c] ?? 0) + share * (g[c] ?? 0);
      });
    }
    const result = toResult(model.calibration ? calibrate(probs, model.calibration) : probs, cuesOf(text, tokens, tokenWeights, [target, ...others]));
    seen.set(key, result);
    return result;
  });
}
