import type { GruOptions } from './gru-train.js';
import type { LinearOptions } from './linear-train.js';

/**
 * Copies of each analyst example (analyst-examples.jsonl) in the training data of the regression
 * and of the GRU readers. Its 954 targets are a tenth of NewsMTSC's, and short sentences of one
 * pattern each: with fewer copies the regression alone still read "The EU welcomed China's
 * constructive role" as praise of the EU. Regression alone (l2 32), dev-rw / dev-mt F1m and the
 * analyst behaviour probes passed (the tests of test/unit/nlp-analyze.test.ts plus variants):
 * 0 copies 68.9 / 67.9, 22 of 32; 1 copy 72.1 / 67.4, 31; 2 copies 71.8 / 67.3, 31; 3 copies
 * 71.3 / 66.6, 32. Three is the fewest that teach every probe; more would let hand-written
 * sentences outweigh real news.
 */
export const ANALYST_REPEAT = 3;

/**
 * Hyper-parameters of the softmax regression, chosen on the dev sets (`train:stance -- --search`).
 * With the analyst examples the search moved l2 from 64 to 32 (mean of dev-rw and dev-mt F1m of
 * the regression alone: 16 → 68.10, 32 → 68.97, 64 → 68.83, 128 → 68.20).
 */
export const LINEAR_DEFAULTS: LinearOptions = { l2: 32, maxIterations: 300, minCount: 2 };

/**
 * The GRU reader: 16 units per direction keeps inference to a few tens of microseconds per
 * mention (24 units scored ~0.5 points more on dev-mt at 2.2 times the cost).
 */
export const GRU_DEFAULTS: GruOptions = {
  units: 16,
  epochs: 10,
  learningRate: 0.002,
  batchSize: 32,
  dropout: 0.3,
  seed: 1,
  averageFrom: 3,
};

/** Share of the GRU readers in the averaged probabilities; fixed at one half, not tuned on dev. */
export const GRU_SHARE = 0.5;

/**
 * One reader per seed, their probabilities averaged: single runs differ by 1-2 dev points
 * from seed to seed, and the mean of two is steadier than either.
 */
export const GRU_SEEDS = [1, 2];
