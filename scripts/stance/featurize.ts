import type { TargetFeatures, TokenRange } from '../../src/nlp/stance-model/features.js';
import { mentionFeatures } from '../../src/nlp/stance-model/predict.js';
import { tokenize } from '../../src/nlp/stance-model/tokens.js';
import { STANCE_LABELS, type StanceToken } from '../../src/nlp/stance-model/types.js';
import type { LabelledSentence } from './data.js';

/** One labelled mention turned into features, before the feature names are indexed. */
export interface Example {
  label: number;
  article: string;
  sentence: number;
  features: TargetFeatures;
  tokens: StanceToken[];
  target: TokenRange;
  others: TokenRange[];
}

/**
 * Tokenizes each sentence once and extracts the features of every target in it; the other targets
 * of the sentence are passed as other mentions, as the analyzer passes other actors' mentions.
 */
export function featurize(sentences: readonly LabelledSentence[], lexicon: ReadonlyMap<string, number>): Example[] {
  const out: Example[] = [];
  sentences.forEach((s, si) => {
    const all = tokenize(s.text);
    s.targets.forEach((t, ti) => {
      const otherTargets = s.targets.filter((_, k) => k !== ti).map((o) => ({ start: o.from, end: o.to }));
      const span = { sentenceStart: 0, sentenceEnd: s.text.length, targetStart: t.from, targetEnd: t.to, otherTargets };
      const { tokens, target, others, features } = mentionFeatures(lexicon, all, span);
      out.push({
        label: STANCE_LABELS.indexOf(t.label),
        article: s.article,
        sentence: si,
        features,
        tokens,
        target,
        others,
      });
    });
  });
  return out;
}
