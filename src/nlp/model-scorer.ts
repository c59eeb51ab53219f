import { defaultModel } from './stance-model/default-model.js';
import type { StanceModel } from './stance-model/model.js';
import { scoreSentence, type SentenceSpan } from './stance-model/score-sentence.js';
import { toStanceTokens } from './stance-model/tokens.js';
import type { StanceToken } from './stance-model/types.js';
import { round, type MentionScore, type MentionScorer, type MentionSlot, type SentenceView } from './stance-scorer.js';

/** The sentence's tokens as the stance model reads them (no whitespace tokens, possessives split). */
function sentenceTokens(view: SentenceView): StanceToken[] {
  const { table, from, to } = view;
  const out: StanceToken[] = [];
  for (let i = from; i < to; i += 1) {
    const value = table.values[i] ?? '';
    const lemma = table.lemmas[i] ?? value;
    out.push(...toStanceTokens(value, table.starts[i] ?? 0, table.ends[i] ?? 0, lemma, table.pos[i] ?? 'X', table.negated[i] === true));
  }
  return out;
}

/**
 * The learned target-dependent stance model (src/nlp/stance-model) as the analyzer's scorer:
 * per mention the class probabilities, score p(positive) − p(negative), the most probable label,
 * its probability as confidence, and the words that moved the score as cues.
 */
export function modelScorer(model: StanceModel = defaultModel()): MentionScorer {
  return (view: SentenceView, mentions: readonly MentionSlot[]): MentionScore[] => {
    const tokens = sentenceTokens(view);
    const spans: SentenceSpan[] = mentions.map((m) => ({
      start: view.table.starts[m.first] ?? 0,
      end: view.table.ends[m.last] ?? 0,
    }));
    return scoreSentence(model, view.table.text, tokens, spans).map((r) => ({
      score: round(r.score),
      label: r.label,
      confidence: round(r.confidence),
      probabilities: { negative: round(r.probs[0]), neutral: round(r.probs[1]), positive: round(r.probs[2]) },
      cues: r.cues.map((c) => ({ text: c.text, start: c.start, end: c.end, weight: c.weight })),
    }));
  };
}
