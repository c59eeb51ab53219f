/** One target mention to score, with JavaScript string offsets (end-exclusive) into `text`. */
export interface StanceTargetInput {
  text: string;
  /** The sentence that holds the target; only its words bear on the score. */
  sentenceStart: number;
  sentenceEnd: number;
  targetStart: number;
  targetEnd: number;
  /** Other actor mentions in the same sentence: their words are told apart from the target's. */
  otherTargets?: { start: number; end: number }[];
}

export type StanceModelLabel = 'negative' | 'neutral' | 'positive';

/** A word that moved the score, with its signed contribution to p(pos) - p(neg) in logit units. */
export interface StanceCue {
  text: string;
  start: number;
  end: number;
  weight: number;
}

export interface StanceModelResult {
  /** Class probabilities in the order negative, neutral, positive. */
  probs: [number, number, number];
  /** p(positive) - p(negative), in [-1, 1]. */
  score: number;
  label: StanceModelLabel;
  /** Probability of the chosen label, in [0, 1]. */
  confidence: number;
  /** Strongest cues first, at most `MAX_CUES`. */
  cues: StanceCue[];
}

/** One wink-nlp token with what the features need, offsets into the analysed text. */
export interface StanceToken {
  start: number;
  end: number;
  /** Lower-cased surface form. */
  lower: string;
  /** Lower-cased lemma. */
  lemma: string;
  pos: string;
  /** wink-nlp marks the words in the scope of a negation ("not", "never", "n't"). */
  negated: boolean;
}

/** Class order of every probability triple and weight row. */
export const STANCE_LABELS = ['negative', 'neutral', 'positive'] as const satisfies readonly StanceModelLabel[];
