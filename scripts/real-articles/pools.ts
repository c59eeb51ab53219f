import { existsSync } from 'node:fs';
import path from 'node:path';
import { NEWSMTSC_DIR } from '../stance/data.js';
import { foldOfArticle } from '../stance/random.js';
import { readPortrayals, type Portrayal } from './portrayals.js';

/** Whether the shared NewsMTSC files are here (a user's clone has no ../shared). */
export function newsMtscPresent(): boolean {
  return existsSync(path.join(NEWSMTSC_DIR, 'train.jsonl'));
}

export interface PortrayalSet {
  name: string;
  portrayals: Portrayal[];
  /** Targets left out because no fictional name could stand in for them cleanly. */
  skipped: number;
}

/**
 * Portrayals from NewsMTSC's dev portions (dev-rw and dev-mt): sentences no stance model of ours
 * trains on. Report on these once, at the end; never choose anything by them.
 */
export function devPortrayals(): PortrayalSet {
  const rw = readPortrayals(path.join(NEWSMTSC_DIR, 'dev-rw.jsonl'));
  const mt = readPortrayals(path.join(NEWSMTSC_DIR, 'dev-mt.jsonl'));
  return { name: 'dev-rw + dev-mt', portrayals: [...rw.portrayals, ...mt.portrayals], skipped: rw.skipped + mt.skipped };
}

/**
 * Portrayals from the training articles dealt to `fold` of `folds` (the same deal as the stance
 * model's cross-validation, `articleFolds` in scripts/stance/cv.ts): held back from a model
 * trained on the other folds, they are where aggregation, calibration and alert thresholds are
 * chosen.
 */
export function trainFoldPortrayals(fold: number, folds = 5, seed = 7): PortrayalSet {
  const all = readPortrayals(path.join(NEWSMTSC_DIR, 'train.jsonl'));
  const foldOf = foldOfArticle(all.portrayals.map((p) => p.article), folds, seed);
  return {
    name: `train fold ${fold + 1}/${folds}`,
    portrayals: all.portrayals.filter((p) => foldOf.get(p.article) === fold),
    skipped: all.skipped,
  };
}
