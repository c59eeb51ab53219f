import type { Document } from 'wink-nlp';
import { defaultModel } from './default-model.js';
import type { StanceModel } from './model.js';
import { predictTarget, type TargetSpan } from './predict.js';
import { tokenize, tokensOfDoc } from './tokens.js';
import type { StanceModelResult, StanceTargetInput, StanceToken } from './types.js';

export { STANCE_MODEL_VERSION } from './version.js';
export { MAX_CUES, type TargetSpan } from './predict.js';
export { stanceNlp } from './tokens.js';
export {
  STANCE_LABELS,
  type StanceCue,
  type StanceModelLabel,
  type StanceModelResult,
  type StanceTargetInput,
} from './types.js';

let last: { text: string; tokens: StanceToken[] } | undefined;
let linearOnly: StanceModel | undefined;

export interface ScoreOptions {
  /**
   * Skip the GRU readers and use the softmax regression alone: about 3 times cheaper per mention,
   * about 4-5 F1m points lower on NewsMTSC dev. Default false.
   */
  fast?: boolean;
}

function modelFor(options: ScoreOptions | undefined): StanceModel {
  const model = defaultModel();
  if (!options?.fast) return model;
  if (!linearOnly) {
    const { gru: _readers, ...rest } = model;
    linearOnly = rest;
  }
  return linearOnly;
}

/**
 * Stance of the sentence towards one mention: class probabilities, score p(pos) - p(neg) in
 * [-1, 1], label, confidence and the words that moved the score. Reads `text` with wink-nlp
 * (the last text is remembered, so scoring several mentions of one text in a row reads it once);
 * when a wink document of the text is at hand, `scoreTargetsInDoc` avoids reading it again.
 */
export function scoreTarget(input: StanceTargetInput, options?: ScoreOptions): StanceModelResult {
  if (last?.text !== input.text) last = { text: input.text, tokens: tokenize(input.text) };
  return predictTarget(modelFor(options), input.text, last.tokens, input);
}

/**
 * Scores many mentions of one text read as the wink-nlp document `doc` (from any wink-nlp
 * instance whose pipe includes 'pos' and 'negation', as the default pipe does). `text` must be the
 * string the document was read from: offsets refer to it.
 */
export function scoreTargetsInDoc(
  doc: Document,
  text: string,
  targets: readonly TargetSpan[],
  options?: ScoreOptions,
): StanceModelResult[] {
  const tokens = tokensOfDoc(doc, text);
  const model = modelFor(options);
  return targets.map((t) => predictTarget(model, text, tokens, t));
}
