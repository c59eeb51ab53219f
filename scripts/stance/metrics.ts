import { STANCE_LABELS, type StanceModelLabel } from '../../src/nlp/stance-model/types.js';

export interface ClassReport {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Report {
  /** Macro-F1 over the three classes, in percent. */
  f1m: number;
  /** In percent. */
  accuracy: number;
  perClass: Record<StanceModelLabel, ClassReport>;
  n: number;
  /** confusion[gold][predicted], counts, classes in STANCE_LABELS order. */
  confusion: number[][];
}

/** Per-class precision/recall/F1 (percent), macro-F1 and accuracy of predicted against gold labels. */
export function evaluate(gold: readonly StanceModelLabel[], pred: readonly StanceModelLabel[]): Report {
  const perClass = {} as Record<StanceModelLabel, ClassReport>;
  let correct = 0;
  for (let i = 0; i < gold.length; i += 1) if (gold[i] === pred[i]) correct += 1;
  for (const c of STANCE_LABELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i += 1) {
      if (pred[i] === c && gold[i] === c) tp += 1;
      else if (pred[i] === c) fp += 1;
      else if (gold[i] === c) fn += 1;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[c] = { precision: 100 * precision, recall: 100 * recall, f1: 100 * f1, support: tp + fn };
  }
  const f1m = STANCE_LABELS.reduce((s, c) => s + perClass[c].f1, 0) / STANCE_LABELS.length;
  const confusion = STANCE_LABELS.map(() => STANCE_LABELS.map(() => 0));
  for (let i = 0; i < gold.length; i += 1) {
    const g = STANCE_LABELS.indexOf(gold[i] as StanceModelLabel);
    const p = STANCE_LABELS.indexOf(pred[i] as StanceModelLabel);
    if (g >= 0 && p >= 0) confusion[g]![p]! += 1;
  }
  return { f1m, accuracy: gold.length === 0 ? 0 : (100 * correct) / gold.length, perClass, n: gold.length, confusion };
}

/** A few aligned lines for the terminal. */
export function formatReport(name: string, r: Report): string {
  const rows = STANCE_LABELS.map((c) => {
    const p = r.perClass[c];
    const row = r.confusion[STANCE_LABELS.indexOf(c)] ?? [];
    return `  ${c.padEnd(9)} P ${p.precision.toFixed(1).padStart(5)}  R ${p.recall.toFixed(1).padStart(5)}  F1 ${p.f1.toFixed(1).padStart(5)}  n ${p.support}   predicted neg/neu/pos ${row.map((x) => String(x).padStart(4)).join(' ')}`;
  });
  return [`${name}: F1m ${r.f1m.toFixed(2)}  accuracy ${r.accuracy.toFixed(2)}  (n ${r.n})`, ...rows].join('\n');
}
