import type { Actor, ArticleStance, Mention, MentionProbabilities, StanceLabel } from './types.js';
import { round } from './stance-scorer.js';

/**
 * How mentions add up to an article's stance towards an actor: the balance of portrayal.
 *
 * Each mention brings its evaluative mass (1 − p(neutral), raised to `massPower`) and its lean
 * p(positive) − p(negative). The article score is the mass-weighted mean lean, with `prior` units
 * of mass at 0 added: a headline or "X met Y" (mostly neutral, little mass) neither adds to nor
 * dilutes what the evaluative mentions say, and an article of incidental neutral mentions only
 * stays near 0. Chosen on a held-back fold of NewsMTSC train assembled into articles
 * (`npm run eval:stance -- --articles --pool train-fold-0 --model FILE --select`), never on dev.
 */
export const BALANCE = { massPower: 2, prior: 0.25 } as const;

/**
 * Article-level cut points on the balance score. People: five-fold cross-validated on PerSenT dev
 * (whole articles labelled with their author's stance towards the main person;
 * `npm run eval:stance -- --persent FILE`). Other kinds: chosen on the held-back train fold's
 * assembled articles (gold: the sign of the mean sentence label). See docs/stance.md.
 */
export const PERSON_ARTICLE_CUTS = { negativeBelow: -0.15, positiveFrom: 0.15 } as const;
export const ARTICLE_CUTS = { negativeBelow: -0.15, positiveFrom: 0.15 } as const;

export interface Cuts {
  negativeBelow: number;
  positiveFrom: number;
}

/** The article-level label of a balance score towards an actor of this kind. */
export function articleLabel(score: number, kind?: Actor['kind']): StanceLabel {
  return labelByCuts(score, kind === 'person' ? PERSON_ARTICLE_CUTS : ARTICLE_CUTS);
}

export function labelByCuts(score: number, cuts: Cuts): StanceLabel {
  if (score < cuts.negativeBelow) return 'negative';
  return score >= cuts.positiveFrom ? 'positive' : 'neutral';
}

// Total mention confidence at which coverage reaches 1 - 1/e.
const COVERAGE_SCALE = 1.5;

export interface BalanceOptions {
  massPower: number;
  prior: number;
}

/** The balance score alone (for evaluation sweeps): see BALANCE. */
export function balanceScore(probs: readonly MentionProbabilities[], options: BalanceOptions = BALANCE): number {
  let mass = 0;
  let sum = 0;
  for (const p of probs) {
    const w = Math.max(0, 1 - p.neutral) ** options.massPower;
    mass += w;
    sum += w * (p.positive - p.negative);
  }
  return mass + options.prior === 0 ? 0 : sum / (mass + options.prior);
}

/**
 * Article-level stance toward one actor from its mentions: the balance score (see BALANCE), its
 * label, a confidence that grows with the mentions' total confidence and falls with their
 * disagreement around the score, and the shares of mentions labelled positive and negative.
 */
export function articleStance(mentions: readonly Mention[], kind?: Actor['kind']): ArticleStance {
  if (mentions.length === 0) return { score: 0, label: 'neutral', confidence: 0, positiveShare: 0, negativeShare: 0 };
  const score = balanceScore(mentions.map((m) => m.probabilities));
  let weight = 0;
  let spread = 0;
  let positive = 0;
  let negative = 0;
  for (const m of mentions) {
    weight += m.confidence;
    spread += m.confidence * (m.probabilities.positive - m.probabilities.negative - score) ** 2;
    if (m.label === 'positive') positive += 1;
    else if (m.label === 'negative') negative += 1;
  }
  const agreement = weight === 0 ? 0 : Math.max(0, 1 - spread / weight);
  const coverage = 1 - Math.exp(-weight / COVERAGE_SCALE);
  return {
    score: round(score),
    label: articleLabel(score, kind),
    confidence: round(coverage * agreement),
    positiveShare: round(positive / mentions.length),
    negativeShare: round(negative / mentions.length),
  };
}
