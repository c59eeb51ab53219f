import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/nlp/stance-model/calibration.js';
import { classwiseEce, fitCalibration } from '../../scripts/stance/calibrate.js';
import { seededRandom } from '../../scripts/stance/random.js';

// Predictions whose true class probabilities are a known calibration of the stated ones.
function synthetic(n: number, truth: { temperature: number; bias: [number, number, number] }) {
  const random = seededRandom(3);
  return Array.from({ length: n }, (_, i) => {
    const raw = [random() + 0.05, random() + 0.05, random() + 0.05];
    const z = raw.reduce((a, b) => a + b, 0);
    const probs = raw.map((x) => x / z) as [number, number, number];
    const q = calibrate(probs, truth);
    const u = random();
    const gold = u < q[0] ? 0 : u < q[0] + q[1] ? 1 : 2;
    return { probs, gold, article: String(i) };
  });
}

describe('stance calibration', () => {
  const truth = { temperature: 0.5, bias: [0, 0.4, -0.3] as [number, number, number] };
  const points = synthetic(4000, truth);

  it('recovers the temperature and class bias that generated the labels', () => {
    const fitted = fitCalibration(points);
    expect(fitted.temperature).toBeCloseTo(0.5, 1);
    expect(fitted.bias[0]).toBe(0);
    expect(fitted.bias[1]).toBeCloseTo(0.4, 0);
    expect(fitted.bias[2]).toBeCloseTo(-0.3, 0);
  });

  it('lowers the class-wise calibration error on data it was not fitted on', () => {
    const fitted = fitCalibration(points.slice(0, 2000));
    const held = points.slice(2000);
    const raw = classwiseEce(held);
    const after = classwiseEce(held.map((p) => ({ ...p, probs: calibrate(p.probs, fitted) })));
    for (let k = 0; k < 3; k += 1) expect(after[k]).toBeLessThan(raw[k]!);
    for (const e of after) expect(e).toBeLessThan(0.05);
  });

  it('leaves probabilities alone with the identity and keeps them summing to 1 otherwise', () => {
    expect(calibrate([0.2, 0.5, 0.3], { temperature: 1, bias: [0, 0, 0] })).toEqual([0.2, 0.5, 0.3]);
    const c = calibrate([0.2, 0.5, 0.3], truth);
    expect(c.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // A lower temperature sharpens towards the most probable class.
    expect(calibrate([0.2, 0.5, 0.3], { temperature: 0.5, bias: [0, 0, 0] })[1]).toBeGreaterThan(0.5);
  });
});
