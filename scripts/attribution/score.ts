import type { Attribution, Span } from '../../src/nlp/index.js';
import type { GoldAttribution } from './gold.js';

/** Minimum character Jaccard of two content spans for an attribution to match. */
export const CONTENT_JACCARD = 0.5;

type Range = Pick<Span, 'start' | 'end'>;

export function jaccard(a: Range, b: Range): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = a.end - a.start + (b.end - b.start) - inter;
  return union <= 0 ? 0 : inter / union;
}

export const overlaps = (a: Range, b: Range): boolean =>
  Math.min(a.end, b.end) > Math.max(a.start, b.start);

/**
 * Relation-level match: content spans with Jaccard >= 0.5, overlapping cues, and overlapping
 * sources where the gold has one.
 */
export function matches(gold: GoldAttribution, pred: Attribution): boolean {
  if (jaccard(gold.content, pred.content) < CONTENT_JACCARD || !overlaps(gold.cue, pred.cue))
    return false;
  return gold.source === null || (pred.source !== null && overlaps(gold.source, pred.source));
}

/** One-to-one pairs, best content overlap first: [gold index, predicted index]. */
export function pair(
  gold: readonly GoldAttribution[],
  pred: readonly Attribution[],
): Array<[number, number]> {
  const candidates: Array<[number, number, number]> = [];
  gold.forEach((g, i) =>
    pred.forEach((p, j) => {
      if (matches(g, p)) candidates.push([i, j, jaccard(g.content, p.content)]);
    }),
  );
  candidates.sort((a, b) => b[2] - a[2]);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [i, j] of candidates) {
    if (usedGold.has(i) || usedPred.has(j)) continue;
    usedGold.add(i);
    usedPred.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function prf({ tp, fp, fn }: Counts): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Per-role figures, each role scored alone (span overlap), for the diagnosis of misses. */
export function roleCounts(
  gold: readonly GoldAttribution[],
  pred: readonly Attribution[],
  role: (x: GoldAttribution | Attribution) => Range | null | undefined,
  same: (g: Range, p: Range) => boolean,
): Counts {
  const g = gold.map(role).filter((r): r is Range => r !== null && r !== undefined);
  const p = pred.map(role).filter((r): r is Range => r !== null && r !== undefined);
  const usedP = new Set<number>();
  let tp = 0;
  for (const gr of g) {
    const j = p.findIndex((pr, k) => !usedP.has(k) && same(gr, pr));
    if (j >= 0) {
      usedP.add(j);
      tp += 1;
    }
  }
  return { tp, fp: p.length - tp, fn: g.length - tp };
}
