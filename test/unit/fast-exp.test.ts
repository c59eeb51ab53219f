import { describe, expect, it } from 'vitest';
import { fastExp, sigmoid, tanh } from '../../src/nlp/stance-model/fast-exp.js';

describe('fastExp', () => {
  it('stays within 2e-15 of Math.exp relative over the range the GRU sees and beyond', () => {
    let worst = 0;
    for (let i = 0; i <= 200_000; i += 1) {
      const x = -60 + (120 * i) / 200_000 + 1e-7 * (i % 7);
      worst = Math.max(worst, Math.abs(fastExp(x) / Math.exp(x) - 1));
    }
    expect(worst).toBeLessThan(2e-15);
  });

  it('handles the edges: 0, tiny and huge exponents, subnormal results, infinities and NaN', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(1e-300)).toBe(1);
    expect(Math.abs(fastExp(700) / Math.exp(700) - 1)).toBeLessThan(2e-15);
    expect(Math.abs(fastExp(-690) / Math.exp(-690) - 1)).toBeLessThan(2e-15);
    expect(fastExp(701)).toBe(Infinity);
    expect(fastExp(Infinity)).toBe(Infinity);
    expect(fastExp(-701)).toBe(0);
    expect(fastExp(-Infinity)).toBe(0);
    expect(fastExp(Number.NaN)).toBeNaN();
  });

  it('gives sigmoid and tanh within 1e-15 absolute of the Math versions', () => {
    let worst = 0;
    for (let i = 0; i <= 100_000; i += 1) {
      const x = -30 + (60 * i) / 100_000;
      worst = Math.max(worst, Math.abs(sigmoid(x) - 1 / (1 + Math.exp(-x))), Math.abs(tanh(x) - Math.tanh(x)));
    }
    expect(worst).toBeLessThan(1e-15);
    expect(tanh(-800)).toBe(-1);
    expect(tanh(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
  });
});
