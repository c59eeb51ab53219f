/**
 * The scrapinghub article-extraction-benchmark metric (its evaluate.py), as ported in
 * /work/shared/tools/extraction-eval.mjs: 4-word shingle multisets per page, tp/fp/fn scaled to
 * sum 1, precision and recall averaged over pages, F1 from those two averages, accuracy as the
 * share of pages whose word list equals the truth's.
 */

// Python's `\w` on str: Unicode letters, numbers and the underscore.
const TOKEN = /[\p{L}\p{N}_]+/gu;

export interface PageScore {
  id: string;
  tp: number;
  fp: number;
  fn: number;
  /** null when the page has neither predicted nor true shingles to score. */
  precision: number | null;
  recall: number | null;
  exact: boolean;
}

export interface Scores {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  pages: PageScore[];
}

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** [tp, fp, fn] of one page, scaled to sum 1 when any is non-zero. */
export function shingleMatch(truth: string, pred: string): [number, number, number] {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [tp, fp, fn];
}

function ratio(tp: number, other: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && other === 0) return 0;
  return tp / (tp + other);
}

// Python's statistics.mean sums exactly; Neumaier summation lands within an ulp of it.
function mean(values: number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const x of values) {
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return values.length === 0 ? NaN : (sum + compensation) / values.length;
}

/** Scores `predictions` against `truths`, both keyed by page id (the same keys). */
export function score(truths: Map<string, string>, predictions: Map<string, string>): Scores {
  const pages: PageScore[] = [];
  for (const [id, truth] of truths) {
    const pred = predictions.get(id) ?? '';
    const [tp, fp, fn] = shingleMatch(truth, pred);
    const a = tokenize(truth);
    const b = tokenize(pred);
    pages.push({
      id,
      tp,
      fp,
      fn,
      precision: tp + fp > 0 ? ratio(tp, fp, fp, fn) : null,
      recall: tp + fn > 0 ? ratio(tp, fn, fp, fn) : null,
      exact: a.length === b.length && a.every((token, i) => token === b[i]),
    });
  }
  const precision = mean(pages.flatMap((p) => (p.precision === null ? [] : [p.precision])));
  const recall = mean(pages.flatMap((p) => (p.recall === null ? [] : [p.recall])));
  const accuracy = mean(pages.map((p) => (p.exact ? 1 : 0)));
  return {
    f1: (2 * precision * recall) / (precision + recall),
    precision,
    recall,
    accuracy,
    pages,
  };
}
