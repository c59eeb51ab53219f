import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { calibrate, type Calibration } from '../../src/nlp/stance-model/calibration.js';
import { STANCE_MODEL_VERSION } from '../../src/nlp/stance-model/version.js';
import { STANCE_LABELS, type StanceModelLabel } from '../../src/nlp/stance-model/types.js';
import type { StanceModel } from '../../src/nlp/stance-model/model.js';
import { loadModel } from './articles.js';
import { NEWSMTSC_DIR, readNewsMtsc, type LabelledSentence } from './data.js';
import { evaluate } from './metrics.js';
import { foldOfArticle } from './random.js';
import { scoreSentences } from './score-set.js';

const CALIBRATION_FILE = path.resolve(import.meta.dirname, '../../src/nlp/stance-model/calibration.json');

interface Point {
  probs: [number, number, number];
  gold: number;
  article: string;
}

function pointsOf(model: StanceModel, sentences: readonly LabelledSentence[]): Point[] {
  const scored = scoreSentences(model, sentences);
  const articles = sentences.flatMap((s) => s.targets.map(() => s.article));
  return scored.results.map((r, i) => ({ probs: r.probs, gold: STANCE_LABELS.indexOf(scored.gold[i] as StanceModelLabel), article: articles[i] ?? '' }));
}

/**
 * Temperature and per-class bias minimising the negative log-likelihood. With a = 1/T the logits
 * a·log p + b are linear in (a, b), so the loss is convex and plain gradient descent finds it.
 */
export function fitCalibration(points: readonly Point[]): Calibration {
  let a = 1;
  const b = [0, 0, 0];
  const n = points.length;
  const logs = points.map((p) => p.probs.map((x) => Math.log(Math.max(1e-6, x))));
  for (let it = 0; it < 3000; it += 1) {
    let ga = 0;
    const gb = [0, 0, 0];
    points.forEach((p, i) => {
      const l = logs[i]!;
      const z = l.map((x, k) => a * x + b[k]!);
      const m = Math.max(...z);
      const e = z.map((x) => Math.exp(x - m));
      const s = e.reduce((u, v) => u + v, 0);
      for (let k = 0; k < 3; k += 1) {
        const d = e[k]! / s - (p.gold === k ? 1 : 0);
        ga += d * l[k]!;
        gb[k]! += d;
      }
    });
    a -= (0.5 * ga) / n;
    for (let k = 1; k < 3; k += 1) b[k]! -= (0.5 * gb[k]!) / n;
    // Converged: the fourth decimal (what is stored) no longer moves.
    if (Math.max(Math.abs(ga), Math.abs(gb[1]!), Math.abs(gb[2]!)) / n < 1e-6) break;
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return { temperature: round(1 / a), bias: [0, round(b[1]!), round(b[2]!)] };
}

/** Class-wise expected calibration error: per class, 10 equal-width bins of p(class). */
export function classwiseEce(points: readonly { probs: readonly number[]; gold: number }[], bins = 10): [number, number, number] {
  return [0, 1, 2].map((k) => {
    const count = new Array<number>(bins).fill(0);
    const conf = new Array<number>(bins).fill(0);
    const hit = new Array<number>(bins).fill(0);
    for (const p of points) {
      const x = p.probs[k] ?? 0;
      const bin = Math.min(bins - 1, Math.floor(x * bins));
      count[bin]! += 1;
      conf[bin]! += x;
      hit[bin]! += p.gold === k ? 1 : 0;
    }
    let ece = 0;
    for (let i = 0; i < bins; i += 1) if (count[i]! > 0) ece += Math.abs(conf[i]! - hit[i]!) / points.length;
    return ece;
  }) as [number, number, number];
}

const applied = (points: readonly Point[], c: Calibration) => points.map((p) => ({ ...p, probs: calibrate(p.probs, c) }));
const f1m = (points: readonly Point[]) => evaluate(points.map((p) => STANCE_LABELS[p.gold]!), points.map((p) => STANCE_LABELS[p.probs.indexOf(Math.max(...p.probs))]!)).f1m;
const fmt = (e: readonly number[]) => e.map((x) => x.toFixed(3)).join(' / ');

/**
 * Scores fold K of train with a model trained without it (`train:stance -- --hold-out-fold K`),
 * measures the calibration two ways out of sample (fit on one half of the fold's articles,
 * measure on the other, and back), fits on the whole fold and, with `write`, commits it.
 * Also prints the committed model on dev with and without it (report only).
 */
export async function runCalibration(o: { pool: string; model?: string | undefined; write: boolean; json: boolean }): Promise<void> {
  const m = /^train-fold-([0-4])$/.exec(o.pool);
  if (!m || o.model === undefined) {
    console.error('--calibrate needs --pool train-fold-K and --model FILE (weights trained with --hold-out-fold K)');
    process.exit(2);
  }
  const fold = Number(m[1]);
  const train = readNewsMtsc(path.join(NEWSMTSC_DIR, 'train.jsonl'));
  const foldOf = foldOfArticle(train.map((s) => s.article), 5);
  const held = train.filter((s) => foldOf.get(s.article) === fold);
  const points = pointsOf(loadModel(o.model, true), held);
  // Halves by article, dealt like the folds.
  const half = foldOfArticle(held.map((s) => s.article), 2, 11);
  const sides = [0, 1].map((h) => points.filter((p) => half.get(p.article) === h));
  const outOfSample = sides.flatMap((side, h) => applied(side, fitCalibration(sides[1 - h]!)));
  const calibration = fitCalibration(points);
  const devFiles = ['dev-rw.jsonl', 'dev-mt.jsonl'];
  const committed = loadModel(undefined, true);
  const dev = devFiles.map((f) => {
    const pts = pointsOf(committed, readNewsMtsc(path.join(NEWSMTSC_DIR, f)));
    const cal = applied(pts, calibration);
    return { file: f, raw: { ece: classwiseEce(pts), f1m: f1m(pts) }, calibrated: { ece: classwiseEce(cal), f1m: f1m(cal) } };
  });
  const report = {
    fold,
    n: points.length,
    calibration,
    heldBackRaw: { ece: classwiseEce(points), f1m: f1m(points) },
    heldBackCalibratedOutOfHalf: { ece: classwiseEce(outOfSample), f1m: f1m(outOfSample) },
    dev,
  };
  if (o.json) console.log(JSON.stringify(report));
  else {
    console.log(`train fold ${fold} held back from ${o.model}: ${points.length} targets`);
    console.log(`  fitted on the whole fold: temperature ${calibration.temperature}, bias (neg/neu/pos) ${calibration.bias.join(' / ')}`);
    console.log(`  class-wise ECE (neg / neu / pos), raw:                       ${fmt(report.heldBackRaw.ece)}   F1m ${report.heldBackRaw.f1m.toFixed(2)}`);
    console.log(`  class-wise ECE, calibrated (fit on one half, measured on the other): ${fmt(report.heldBackCalibratedOutOfHalf.ece)}   F1m ${report.heldBackCalibratedOutOfHalf.f1m.toFixed(2)}`);
    for (const d of dev) {
      console.log(`  ${d.file} (committed model, report only): raw ECE ${fmt(d.raw.ece)} F1m ${d.raw.f1m.toFixed(2)}; calibrated ECE ${fmt(d.calibrated.ece)} F1m ${d.calibrated.f1m.toFixed(2)}`);
    }
  }
  if (o.write) {
    const file = { model: STANCE_MODEL_VERSION, ...calibration, fittedOn: `NewsMTSC train fold ${fold + 1}/5 (${points.length} targets) scored by a model trained without it`, ece: report.heldBackCalibratedOutOfHalf.ece.map((x) => Math.round(x * 1e4) / 1e4) };
    writeFileSync(CALIBRATION_FILE, `${JSON.stringify(file, null, 2)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), CALIBRATION_FILE)}`);
  }
}
