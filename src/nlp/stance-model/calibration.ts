import { softmax } from './linear.js';

/**
 * Post-hoc calibration of the model's class probabilities: the log-probabilities divided by a
 * temperature plus a per-class bias, through a softmax. Fitted on predictions for training
 * articles the model being calibrated never saw (`npm run eval:stance -- --calibrate`), so that
 * p(positive) = 0.7 means right seven times in ten, and the model's lean towards negative on
 * neutral and positive sentences is taken out before mentions are added up into articles.
 */
export interface Calibration {
  temperature: number;
  /** Added per class (negative, neutral, positive) after the temperature. */
  bias: [number, number, number];
}

export const IDENTITY_CALIBRATION: Calibration = { temperature: 1, bias: [0, 0, 0] };

// Probabilities are clamped before the log: a mixture of softmaxes is never exactly 0, but
// rounding can be.
const FLOOR = 1e-6;

export function calibrate(probs: readonly number[], c: Calibration): [number, number, number] {
  if (c.temperature === 1 && c.bias[0] === 0 && c.bias[1] === 0 && c.bias[2] === 0) {
    return [probs[0] ?? 0, probs[1] ?? 0, probs[2] ?? 0];
  }
  return softmax([0, 1, 2].map((k) => Math.log(Math.max(FLOOR, probs[k] ?? 0)) / c.temperature + c.bias[k]!));
}
