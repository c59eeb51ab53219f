import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileLinear } from '../../src/nlp/stance-model/compiled-linear.js';
import { sentenceFacts } from '../../src/nlp/stance-model/sentence-facts.js';
import { defaultModel } from '../../src/nlp/stance-model/default-model.js';
import { CLAUSE_BREAKS, composedPolarity, featureWord, QUOTES } from '../../src/nlp/stance-model/features.js';
import {
  GRU_EXTRA,
  GRU_INPUT,
  gruLogits,
  projectVector,
  type GruSequence,
  type GruWeights,
} from '../../src/nlp/stance-model/gru.js';
import { gruKernel } from '../../src/nlp/stance-model/gru-kernel.js';
import { vectorRow } from '../../src/nlp/stance-model/linear.js';
import { DIMS } from '../../src/nlp/stance-model/model.js';
import { scoreSentence } from '../../src/nlp/stance-model/score-sentence.js';
import { tokenize } from '../../src/nlp/stance-model/tokens.js';
import { benchTexts } from '../bench/texts.js';

/**
 * The reader as first written (one dot product per gate, a fresh projection per token), kept as
 * the reference the optimised `gruLogits` must reproduce.
 */
/**
 * Within 1e-12 of each other: the reader's exponentials come from a table and a polynomial within
 * about one ulp of Math.exp, so the logits move in their last bits and no further.
 */
function expectSameLogits(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, c) => expect(Math.abs(a - (expected[c] ?? NaN))).toBeLessThan(1e-12));
}

function referenceLogits(w: GruWeights, seq: GruSequence, vectors: Float32Array): number[] {
  const H = w.units;
  const g = 3 * H;
  const T = seq.rows.length;
  const xw = new Float32Array(2 * T * g);
  for (let t = 0; t < T; t += 1) {
    const row = seq.rows[t] ?? -1;
    for (let d = 0; d < 2; d += 1) {
      const word = new Float32Array(g);
      for (let k = 0; row >= 0 && k < DIMS; k += 1) {
        const x = vectors[row * DIMS + k] ?? 0;
        if (x === 0) continue;
        for (let j = 0; j < g; j += 1) word[j] = (word[j] ?? 0) + x * (w.wx[(d * GRU_INPUT + k) * g + j] ?? 0);
      }
      const o = (d * T + t) * g;
      for (let j = 0; j < g; j += 1) xw[o + j] = (w.b[d * g + j] ?? 0) + (word[j] ?? 0);
      for (let e = 0; e < GRU_EXTRA; e += 1) {
        const x = seq.extra[t * GRU_EXTRA + e] ?? 0;
        if (x === 0) continue;
        for (let j = 0; j < g; j += 1) xw[o + j] = (xw[o + j] ?? 0) + x * (w.wx[(d * GRU_INPUT + DIMS + e) * g + j] ?? 0);
      }
    }
  }
  const u = (d: number, k: number, j: number): number => w.uzr[(d * H + k) * 2 * H + j] ?? 0;
  const sum = new Float64Array(2 * H);
  const max = new Float64Array(2 * H).fill(-Infinity);
  let targets = 0;
  for (let d = 0; d < 2; d += 1) {
    const h = new Float64Array(H);
    for (let s = 0; s < T; s += 1) {
      const t = d === 0 ? s : T - 1 - s;
      const o = (d * T + t) * g;
      const z = new Float64Array(H);
      const rh = new Float64Array(H);
      for (let j = 0; j < H; j += 1) {
        let az = xw[o + j] ?? 0;
        let ar = xw[o + H + j] ?? 0;
        for (let k = 0; k < H; k += 1) {
          az += (h[k] ?? 0) * u(d, k, j);
          ar += (h[k] ?? 0) * u(d, k, H + j);
        }
        z[j] = 1 / (1 + Math.exp(-az));
        rh[j] = (h[j] ?? 0) / (1 + Math.exp(-ar));
      }
      for (let j = 0; j < H; j += 1) {
        let an = xw[o + 2 * H + j] ?? 0;
        for (let k = 0; k < H; k += 1) an += (rh[k] ?? 0) * (w.un[(d * H + k) * H + j] ?? 0);
        const zj = z[j] ?? 0;
        h[j] = (1 - zj) * Math.tanh(an) + zj * (h[j] ?? 0);
      }
      if (seq.target[t] === 1 && d === 0) targets += 1;
      for (let j = 0; j < H; j += 1) {
        const hj = h[j] ?? 0;
        if (seq.target[t] === 1) sum[d * H + j] = (sum[d * H + j] ?? 0) + hj;
        if (hj > (max[d * H + j] ?? 0)) max[d * H + j] = hj;
      }
    }
  }
  const logits = [w.bo[0] ?? 0, w.bo[1] ?? 0, w.bo[2] ?? 0];
  for (let j = 0; j < 4 * H; j += 1) {
    const x = j < 2 * H ? (sum[j] ?? 0) / Math.max(1, targets) : T > 0 ? (max[j - 2 * H] ?? 0) : 0;
    for (let c = 0; c < 3; c += 1) logits[c] = (logits[c] ?? 0) + x * (w.wo[j * 3 + c] ?? 0);
  }
  return logits;
}

/** Deterministic uniform numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomWeights(next: () => number, units: number, scale: number): GruWeights {
  const fill = (n: number) => Float32Array.from({ length: n }, () => (next() * 2 - 1) * scale);
  return {
    units,
    wx: fill(2 * GRU_INPUT * 3 * units),
    uzr: fill(2 * units * 2 * units),
    un: fill(2 * units * units),
    b: fill(2 * 3 * units),
    wo: fill(4 * units * 3),
    bo: fill(3),
  };
}

/** A window of T tokens, some without a vector, with a target run, other mentions, negations and polarities. */
function randomSequence(next: () => number, T: number, words: number): GruSequence {
  const rows = Int32Array.from({ length: T }, () => (next() < 0.15 ? -1 : Math.floor(next() * words)));
  const extra = new Float32Array(T * GRU_EXTRA);
  const target = new Uint8Array(T);
  const from = Math.floor(next() * T);
  const to = Math.min(T, from + 1 + Math.floor(next() * 3));
  for (let t = 0; t < T; t += 1) {
    target[t] = t >= from && t < to ? 1 : 0;
    extra[t * GRU_EXTRA] = target[t] as number;
    extra[t * GRU_EXTRA + 1] = target[t] === 0 && next() < 0.1 ? 1 : 0;
    extra[t * GRU_EXTRA + 2] = next() < 0.1 ? 1 : 0;
    extra[t * GRU_EXTRA + 3] = next() < 0.2 ? Math.round((next() * 2 - 1) * 100) / 100 : 0;
  }
  return { rows, extra, target };
}

describe('stance model GRU reader', () => {
  it('gives the reference logits on generated windows, weights and vectors', () => {
    const next = random(7);
    const words = 40;
    const vectors = Float32Array.from({ length: words * DIMS }, () => (next() < 0.1 ? 0 : next() * 2 - 1));
    // 16 units as committed; 5 and 12 also run the loops' remainders.
    for (const units of [16, 5, 12]) {
      for (const scale of [0.1, 0.6]) {
        const w = randomWeights(next, units, scale);
        const cache = new Map<number, Float32Array>();
        const project = (row: number) => {
          let hit = cache.get(row);
          if (!hit) cache.set(row, (hit = projectVector(w, vectors.subarray(row * DIMS, (row + 1) * DIMS))));
          return hit;
        };
        for (let n = 0; n < 60; n += 1) {
          const seq = randomSequence(next, n % 10 === 0 ? n % 3 : 1 + Math.floor(next() * 40), words);
          const logits = gruLogits(w, seq, project);
          expectSameLogits(logits, referenceLogits(w, seq, vectors));
          // The WebAssembly kernel (even unit counts) and the JavaScript loop agree to the bit.
          expect(logits).toEqual(gruLogits(w, seq, project, null));
        }
      }
    }
  });

  it('gives the reference logits with the committed readers', () => {
    const model = defaultModel();
    const readers = model.gru?.readers ?? [];
    expect(readers.length).toBeGreaterThan(0);
    const next = random(11);
    const words = 300;
    const vectors = new Float32Array(words * DIMS);
    for (let i = 0; i < vectors.length; i += 1) {
      vectors[i] = (model.vectors[i] ?? 0) * (model.vectorScales[Math.floor(i / DIMS)] ?? 0);
    }
    for (const w of readers) {
      const projections = new Map<number, Float32Array>();
      const project = (row: number) => {
        let hit = projections.get(row);
        if (!hit) projections.set(row, (hit = projectVector(w, vectors.subarray(row * DIMS, (row + 1) * DIMS))));
        return hit;
      };
      for (let n = 0; n < 80; n += 1) {
        const seq = randomSequence(next, 1 + Math.floor(next() * 30), words);
        const logits = gruLogits(w, seq, project);
        expectSameLogits(logits, referenceLogits(w, seq, vectors));
        expect(logits).toEqual(gruLogits(w, seq, project, null));
      }
    }
  });

  it('runs the committed readers in the WebAssembly kernel, built from gru-kernel.wat as committed', async () => {
    expect(gruKernel()).not.toBeNull();
    const { assembleGruKernel, gruKernelModuleSource } = await import('../../scripts/stance/gru-kernel-build.js');
    const committed = readFileSync(new URL('../../src/nlp/stance-model/gru-kernel-wasm.ts', import.meta.url), 'utf8');
    expect(committed).toBe(gruKernelModuleSource(await assembleGruKernel()));
  });

  it('scores sentences with the probabilities the model gave before its inference was optimised', () => {
    // scoreSentence's probabilities as computed by the code before the optimisation (commit 4d66d4c),
    // with the weights retrained on the analyst examples (computed at commit fab8693, whose inference is the same to the bit).
    const cases: [string, string[], number[][]][] = [
      [
        'A former U.S. Secretary of State characterized Russia and China as presenting the most significant challenges to international order.',
        ['U.S.', 'Russia', 'China'],
        [
          [0.06656498479410321, 0.8791712996034908, 0.05426371560240599],
          [0.8118463620339305, 0.0664796908059532, 0.12167394716011637],
          [0.8118463620339305, 0.0664796908059532, 0.12167394716011637],
        ],
      ],
      [
        "Brussels praised Kyiv's courage but condemned Moscow's brutal offensive.",
        ['Brussels', 'Kyiv', 'Moscow'],
        [
          [0.00935759167796842, 0.9144882973784114, 0.0761541109436201],
          [0.036584890634200895, 0.041915467364575965, 0.9214996420012231],
          [0.988719748409457, 0.00799899428977764, 0.0032812573007654352],
        ],
      ],
      [
        "Neither Tokyo nor Seoul trusted Pyongyang's promises, though Beijing did not object.",
        ['Tokyo', 'Seoul', 'Pyongyang', 'Beijing'],
        [
          [0.17372476742748705, 0.8109376750881889, 0.015337557484323916],
          [0.17372476742748705, 0.8109376750881889, 0.015337557484323916],
          [0.7523565839662263, 0.22311630606623056, 0.024527109967543072],
          [0.5573947082732789, 0.3405788656784932, 0.10202642604822784],
        ],
      ],
      [
        '"We will never accept this," the Kremlin said of NATO, whose members praised Finland.',
        ['Kremlin', 'NATO', 'Finland'],
        [
          [0.07406434562022235, 0.8098949450161914, 0.11604070936358621],
          [0.11968283492110553, 0.6617694897994189, 0.21854767527947577],
          [0.021250976951379, 0.3160722269299535, 0.6626767961186675],
        ],
      ],
    ];
    // The raw probabilities: the committed calibration is applied after them (tested below).
    const { calibration: _calibration, ...model } = defaultModel();
    for (const [text, targets, expected] of cases) {
      const spans = targets.map((t) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length }));
      const results = scoreSentence(model, text, tokenize(text), spans);
      results.forEach((r, i) => {
        r.probs.forEach((p, c) => expect(p).toBeCloseTo(expected[i]?.[c] ?? NaN, 12));
      });
    }
  });

  it('applies the committed calibration to the raw probabilities', async () => {
    const { calibrate } = await import('../../src/nlp/stance-model/calibration.js');
    const calibrated = defaultModel();
    const { calibration, ...raw } = calibrated;
    expect(calibration).toBeDefined();
    const text = "Brussels praised Kyiv's courage but condemned Moscow's brutal offensive.";
    const spans = ['Brussels', 'Kyiv', 'Moscow'].map((t) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length }));
    const before = scoreSentence(raw, text, tokenize(text), spans);
    const after = scoreSentence(calibrated, text, tokenize(text), spans);
    after.forEach((r, i) => {
      const expected = calibrate(before[i]!.probs, calibration!);
      r.probs.forEach((p, c) => expect(p).toBeCloseTo(expected[c]!, 12));
      expect(r.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    });
  });

  it('reads each token of the demo articles as featureWord, vectorRow and composedPolarity define it', () => {
    const model = defaultModel();
    const linear = compileLinear(model);
    for (const { title, text } of benchTexts().slice(0, 12)) {
      const tokens = tokenize(`${title}\n\n${text}`);
      const facts = sentenceFacts(linear, tokens);
      tokens.forEach((t, i) => {
        const w = featureWord(t);
        expect(facts.wordId[i]).toBe(w === null ? -1 : (linear.vocab.get(w) ?? -1));
        expect(facts.lemmaId[i]).toBe(linear.vocab.get(t.lemma) ?? -1);
        expect(facts.lowerId[i]).toBe(linear.vocab.get(t.lower) ?? -1);
        expect(facts.rows[i]).toBe(vectorRow(model, t));
        expect(facts.own[i]).toBe(model.lexicon.get(t.lower) ?? model.lexicon.get(t.lemma) ?? 0);
        expect(facts.polarity[i]).toBe(composedPolarity(tokens, i, model.lexicon));
        expect(facts.isBreak[i]).toBe(CLAUSE_BREAKS.has(t.lower) ? 1 : 0);
        expect(facts.isQuote[i]).toBe(QUOTES.has(t.lower) ? 1 : 0);
      });
    }
  });
});
