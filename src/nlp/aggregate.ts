import type { Mention, Stance } from './types.js';
import { labelOf, round } from './stance-scorer.js';

// Total mention confidence at which coverage reaches 1 - 1/e.
const COVERAGE_SCALE = 1.5;

/**
 * Article-level stance toward one actor: the confidence-weighted mean of its mention scores.
 * Confidence grows with the total mention confidence and falls with their disagreement
 * (weighted variance of the scores around the mean).
 */
export function articleStance(mentions: readonly Mention[]): Stance {
  let weight = 0;
  let sum = 0;
  for (const m of mentions) {
    weight += m.confidence;
    sum += m.confidence * m.score;
  }
  if (weight === 0) return { score: 0, label: 'neutral', confidence: 0 };
  const mean = sum / weight;
  let variance = 0;
  for (const m of mentions) variance += m.confidence * (m.score - mean) ** 2;
  const agreement = Math.max(0, 1 - variance / weight);
  const coverage = 1 - Math.exp(-weight / COVERAGE_SCALE);
  return { score: round(mean), label: labelOf(mean), confidence: round(coverage * agreement) };
}
