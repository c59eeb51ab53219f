import { describe, expect, it } from 'vitest';
import { SENSITIVITY, detectStanceShifts, type SeriesPoint } from '../../src/alerts/index.js';

// A fixed pseudo-random sequence keeps the noise the same on every run.
function noise(i: number): number {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return (x - Math.floor(x) - 0.5) * 0.3;
}

function series(means: number[]): SeriesPoint[] {
  const start = Date.UTC(2026, 7, 1);
  return means.map((m, i) => ({
    articleId: `a${i}`,
    url: `https://x.example/${i}`,
    at: new Date(start + i * 86_400_000),
    score: Math.max(-1, Math.min(1, m + noise(i))),
  }));
}

describe('detectStanceShifts', () => {
  it('finds a planted flip once, dated at the first article of the new regime', () => {
    // 30 articles before the flip: the stance detector's warm-up (minBefore) before it tests any.
    const s = series([...Array(30).fill(0.5), ...Array(20).fill(-0.5)]);
    const shifts = detectStanceShifts(s, SENSITIVITY.medium);
    expect(shifts).toHaveLength(1);
    expect(shifts[0]!.kind).toBe('polarity-flip');
    const changeIndex = s.findIndex((p) => p.at.getTime() === shifts[0]!.changeAt.getTime());
    expect(changeIndex).toBeGreaterThanOrEqual(28);
    expect(changeIndex).toBeLessThanOrEqual(32);
    expect(shifts[0]!.before.mean).toBeGreaterThan(0.3);
    expect(shifts[0]!.after.mean).toBeLessThan(-0.2);
  });

  it('stays quiet on a stable noisy series', () => {
    expect(detectStanceShifts(series(Array(60).fill(0.1)), SENSITIVITY.high)).toEqual([]);
  });

  it('needs enough articles before comparing', () => {
    expect(detectStanceShifts(series([0.6, 0.6, 0.6, -0.6, -0.6, -0.6]), SENSITIVITY.medium)).toEqual([]);
  });

  it('is deterministic', () => {
    const s = series([...Array(15).fill(-0.4), ...Array(15).fill(0.3)]);
    expect(detectStanceShifts(s, SENSITIVITY.medium)).toEqual(detectStanceShifts(s, SENSITIVITY.medium));
  });
});
