import { STANCE_LABELS, type StanceModelLabel } from '../../src/nlp/stance-model/types.js';
import type { Example } from './featurize.js';
import { gruExamples } from './gru-examples.js';
import { trainGru } from './gru-train.js';
import { GRU_DEFAULTS, GRU_SEEDS, GRU_SHARE, LINEAR_DEFAULTS } from './hyper.js';
import { indexExamples, trainLinear, type LinearOptions } from './linear-train.js';
import { linearVocabulary } from './recipe.js';
import { evaluate, formatReport, type Report } from './metrics.js';
import { buildModel } from './package-model.js';
import { log, prepare } from './prepare.js';
import { predictExamples } from './predict-examples.js';
import { foldOfArticle } from './random.js';
import { useWasmBackend } from './tf.js';

export const FOLDS = 5;

/** Fold of each example: whole articles are dealt to folds in a seeded order. */
export function articleFolds(examples: readonly Example[], folds: number, seed = 7): number[] {
  const foldOf = foldOfArticle(examples.map((e) => e.article), folds, seed);
  return examples.map((e) => foldOf.get(e.article) ?? 0);
}

export interface CvResult {
  folds: Report[];
  pooled: Report;
  f1m: { mean: number; sd: number };
  accuracy: { mean: number; sd: number };
  text: string;
}

function meanSd(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return { mean, sd };
}

/**
 * 5-fold cross-validation on the NewsMTSC training set, grouped by article so that no article's
 * sentences sit on both sides, retraining the shipped recipe per fold (the regression and, unless
 * `linearOnly`, the GRU) on the fold's training side plus the analyst examples. Each fold learns
 * its own feature list.
 */
export async function crossValidate(linearOnly = false, options: LinearOptions = LINEAR_DEFAULTS): Promise<CvResult> {
  const { trainExamples: ex, analystExamples, vocab, lexicon } = prepare();
  if (!linearOnly) await useWasmBackend();
  const fold = articleFolds(ex, FOLDS);
  const reports: Report[] = [];
  const gold: StanceModelLabel[] = [];
  const pred: StanceModelLabel[] = [];
  for (let k = 0; k < FOLDS; k += 1) {
    // Analyst examples join every fold's training side and are never held out: CV scores NewsMTSC only.
    const fit = [...ex.filter((_, i) => fold[i] !== k), ...analystExamples];
    const held = ex.filter((_, i) => fold[i] === k);
    const features = linearVocabulary(fit, options);
    const weights = trainLinear(indexExamples(fit, features, vocab), features.size, [...features.keys()], options);
    const readers = [];
    if (!linearOnly) {
      const sequences = gruExamples(fit, vocab, lexicon);
      for (const seed of GRU_SEEDS) readers.push(await trainGru(sequences, vocab, { ...GRU_DEFAULTS, seed }));
    }
    const gru = linearOnly ? undefined : { readers, share: GRU_SHARE };
    const model = buildModel({ version: 'cv', features, weights, vocab, lexicon, classBias: [0, 0, 0], ...(gru ? { gru } : {}) });
    const labels = predictExamples(model, held).map((p) => p.label);
    const g = held.map((e) => STANCE_LABELS[e.label] ?? 'neutral');
    reports.push(evaluate(g, labels));
    gold.push(...g);
    pred.push(...labels);
    log(`fold ${k + 1}: F1m ${reports[k]?.f1m.toFixed(2)} accuracy ${reports[k]?.accuracy.toFixed(2)} (n ${held.length})`);
  }
  const f1m = meanSd(reports.map((r) => r.f1m));
  const accuracy = meanSd(reports.map((r) => r.accuracy));
  const pooled = evaluate(gold, pred);
  const text = [
    `${FOLDS}-fold CV on train (${linearOnly ? 'softmax regression alone' : 'regression + GRU'}), grouped by article: F1m ${f1m.mean.toFixed(2)} ± ${f1m.sd.toFixed(2)}, accuracy ${accuracy.mean.toFixed(2)} ± ${accuracy.sd.toFixed(2)} (mean ± sd over folds)`,
    formatReport('pooled over folds', pooled),
  ].join('\n');
  return { folds: reports, pooled, f1m, accuracy, text };
}
