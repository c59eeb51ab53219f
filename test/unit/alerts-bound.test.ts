import { describe, expect, it } from 'vitest';
import { delayLowerBound } from '../../scripts/alerts/bound.js';

/** n values spread like a normal sample of mean `mean` and sd `sd` (deterministic quantiles). */
function normalish(n: number, mean: number, sd: number): number[] {
  // Inverse-normal of evenly spaced probabilities by the logistic approximation (sd 1.702).
  return Array.from({ length: n }, (_v, i) => {
    const p = (i + 0.5) / n;
    return mean + (sd * Math.log(p / (1 - p))) / 1.702;
  });
}

describe('delayLowerBound (Lorden bound on any detector at the bar false-alert rate)', () => {
  it('is about ln(articles a month x 100) / (shift^2 / 2 sd^2) for a bell-shaped past', () => {
    const before = normalish(400, 0, 0.3);
    const bound = delayLowerBound(before, 0.3, 50, [-1, 1]);
    // Normal theory: KL = 0.3^2 / (2 * 0.3^2) = 0.5 nats a article, ln(5,000) = 8.5 nats.
    expect(bound).toBeGreaterThan(8.5 / 0.5 / 1.5);
    expect(bound).toBeLessThan((8.5 / 0.5) * 1.5);
  });

  it('shrinks for larger shifts, quieter series and rarer articles, and grows for busier ones', () => {
    const before = normalish(200, 0, 0.3);
    const base = delayLowerBound(before, 0.3, 50, [-1, 1]);
    expect(delayLowerBound(before, 0.5, 50, [-1, 1])).toBeLessThan(base);
    expect(delayLowerBound(normalish(200, 0, 0.15), 0.3, 50, [-1, 1])).toBeLessThan(base);
    expect(delayLowerBound(before, 0.3, 500, [-1, 1])).toBeGreaterThan(base);
    // Falls as well as rises: the bound is the same for a shift down as for one up here.
    expect(delayLowerBound(before, -0.3, 50, [-1, 1])).toBeCloseTo(base, 1);
  });

  it('has no bound without a shift or a past to compare with', () => {
    expect(delayLowerBound(normalish(50, 0, 0.3), 0, 50, [-1, 1])).toBe(Infinity);
    expect(delayLowerBound([0.2], 0.3, 50, [-1, 1])).toBe(Infinity);
  });
});
