import { describe, expect, it } from 'vitest';
import {
  SENSITIVITY,
  chiSquareSurvival,
  cusumThreshold,
  detectChanges,
  detectFrameShifts,
  detectSourceShifts,
  detectStanceShifts,
  forSeriesWatched,
  stanceThreshold,
  type SeriesPoint,
} from '../../src/alerts/index.js';
import { seededRng } from '../../src/demo/world/prng.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5);

interface Regime {
  weeks: number;
  perWeek: number;
  score: (r: () => number) => number;
  frames?: (r: () => number) => Record<string, number>;
  sources?: (r: () => number) => string[];
}

/** A series of consecutive regimes, articles spread evenly over each week. */
function series(seed: string, regimes: Regime[]): SeriesPoint[] {
  const r = seededRng(seed);
  const out: SeriesPoint[] = [];
  let week = 0;
  for (const g of regimes) {
    for (let w = 0; w < g.weeks; w++, week++) {
      for (let k = 0; k < g.perWeek; k++) {
        const i = out.length;
        out.push({
          articleId: `a${i}`,
          url: `https://news.example/${i}`,
          at: new Date(START + week * 7 * DAY + Math.floor(((k + 0.5) / g.perWeek) * 7 * DAY)),
          score: Math.max(-1, Math.min(1, g.score(r))),
          frames: g.frames?.(r) ?? {},
          sources: (g.sources?.(r) ?? []).map((name) => ({ key: name.toLowerCase(), name, kind: 'person' })),
        });
      }
    }
  }
  return out;
}

const noisy = (mean: number, spread = 0.5) => (r: () => number) => mean + (r() - 0.5) * 2 * spread;
/** One frame per article: `a` with probability p, else `b` (none when b is empty). */
const either =
  (p: number, a: string, b: string) =>
  (r: () => number): Record<string, number> => {
    const f = r() < p ? a : b;
    return f ? { [f]: 1 } : {};
  };
const medium = SENSITIVITY.medium;

describe('stance detection (self-starting CUSUM)', () => {
  it('finds a large shift within a few articles and dates it at the first article of the new regime', () => {
    const s = series('flip', [
      { weeks: 8, perWeek: 4, score: noisy(0.5, 0.2) },
      { weeks: 4, perWeek: 4, score: noisy(-0.5, 0.2) },
    ]);
    const found = detectStanceShifts(s, medium);
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('polarity-flip');
    expect(found[0]!.changeIndex).toBe(32);
    expect(found[0]!.detectIndex - found[0]!.changeIndex + 1).toBeLessThanOrEqual(5);
    expect(found[0]!.changeAt).toEqual(s[32]!.at);
    expect(found[0]!.detectedAt).toEqual(s[found[0]!.detectIndex]!.at);
    expect(found[0]!.before.ciHigh).toBeLessThan(found[0]!.before.mean + 0.2);
  });

  it('calls a move that keeps its sign a stance-level change, not a flip', () => {
    const s = series('level', [
      { weeks: 8, perWeek: 4, score: noisy(0.7, 0.15) },
      { weeks: 4, perWeek: 4, score: noisy(0.2, 0.15) },
    ]);
    const found = detectStanceShifts(s, medium);
    expect(found.map((d) => d.kind)).toEqual(['stance-level']);
    expect(found[0]!.direction).toBe(-1);
  });

  it('sends one alert for one shift (restart at the change, then cooldown)', () => {
    const s = series('one', [
      { weeks: 8, perWeek: 6, score: noisy(0.4) },
      { weeks: 16, perWeek: 6, score: noisy(-0.4) },
    ]);
    expect(detectChanges(s, medium).filter((d) => d.measure === 'stance')).toHaveLength(1);
  });

  it('stays quiet on stable noisy series', () => {
    const alerts = Array.from({ length: 40 }, (_v, i) =>
      detectChanges(series(`stable-${i}`, [{ weeks: 26, perWeek: 10, score: noisy(0.1, 0.7) }]), medium),
    ).flat();
    expect(alerts).toEqual([]);
  });

  it('does not read a volume collapse as a framing change', () => {
    const s = series('collapse', [
      { weeks: 10, perWeek: 20, score: noisy(-0.2, 0.6), frames: either(0.5, 'economy', 'diplomacy') },
      { weeks: 10, perWeek: 2, score: noisy(-0.2, 0.6), frames: either(0.5, 'economy', 'diplomacy') },
    ]);
    expect(detectChanges(s, medium)).toEqual([]);
  });

  it('needs the minimum number of articles on both sides', () => {
    const flip = (before: number, after: number) =>
      detectStanceShifts(
        series(`min-${before}-${after}`, [
          { weeks: 1, perWeek: before, score: noisy(0.6, 0.1) },
          { weeks: 1, perWeek: after, score: noisy(-0.6, 0.1) },
        ]),
        medium,
      );
    const { minBefore, minAfter } = medium.stance;
    expect(flip(minBefore - 1, minAfter)).toEqual([]);
    expect(flip(minBefore + 2, minAfter - 1)).toEqual([]);
    // Each standardised article counts at most `clip` spreads, so even a flip needs a few more
    // articles than the minimum to cross the threshold.
    expect(flip(minBefore + 2, 2 * minAfter)).toHaveLength(1);
  });

  it('is deterministic', () => {
    const s = series('det', [
      { weeks: 6, perWeek: 5, score: noisy(-0.3) },
      { weeks: 6, perWeek: 5, score: noisy(0.4) },
    ]);
    expect(detectChanges(s, medium)).toEqual(detectChanges(s, medium));
  });

  it('raises thresholds for rules that watch many series', () => {
    const many = forSeriesWatched(medium, 1000);
    expect(many.stance.falseAlertsPer100SeriesMonths).toBeCloseTo(medium.stance.falseAlertsPer100SeriesMonths / 10);
    // Ten times the series, a tenth of the per-series budget: ln(10) more on the threshold.
    expect(stanceThreshold(50, many.stance, 0) - stanceThreshold(50, medium.stance, 0)).toBeCloseTo(Math.log(10));
    expect(cusumThreshold(50, many.frames) - cusumThreshold(50, medium.frames)).toBeCloseTo(Math.log(10));
    expect(many.sources.alpha).toBeLessThan(medium.sources.alpha);
    expect(forSeriesWatched(medium, 10)).toEqual(medium);
  });

  it('sets a lower threshold for a series that publishes less (same false alerts per month)', () => {
    expect(stanceThreshold(12, medium.stance, 0)).toBeLessThan(stanceThreshold(80, medium.stance, 0));
    expect(stanceThreshold(80, medium.stance, 0) - stanceThreshold(12, medium.stance, 0)).toBeCloseTo(Math.log(80 / 12));
    expect(cusumThreshold(80, medium.frames) - cusumThreshold(12, medium.frames)).toBeCloseTo(Math.log(80 / 12));
  });
});

describe('frame-share detection', () => {
  it('finds an actor moving from economy to security framing', () => {
    const s = series('frames', [
      { weeks: 8, perWeek: 5, score: noisy(0), frames: either(0.8, 'economy', 'diplomacy') },
      { weeks: 4, perWeek: 5, score: noisy(0), frames: either(0.8, 'security', 'diplomacy') },
    ]);
    const found = detectFrameShifts(s, medium);
    expect(found).toHaveLength(1);
    const d = found[0]!;
    expect(d.kind).toBe('frame-shift');
    expect(d.changeIndex).toBeGreaterThanOrEqual(38);
    expect(d.changeIndex).toBeLessThanOrEqual(42);
    const share = (name: string) => d.shares.find((x) => x.name === name)!;
    expect(share('economy').before).toBeGreaterThan(0.6);
    expect(share('economy').after).toBeLessThan(0.2);
    expect(share('security').after).toBeGreaterThan(0.6);
    expect(detectStanceShifts(s, medium)).toEqual([]);
  });

  it('ignores articles without any frame', () => {
    const s = series('frameless', [{ weeks: 20, perWeek: 6, score: noisy(0.2), frames: either(0.5, 'law', '') }]);
    expect(detectFrameShifts(s, medium)).toEqual([]);
  });
});

describe('source-shift detection', () => {
  const ministry = (r: () => number) => [r() < 0.8 ? 'Ministry of Trade' : 'Harbour Board'];
  const officials = (r: () => number) => [r() < 0.8 ? 'Defence Officials' : 'Harbour Board'];

  it('finds a change of the voices quoted about the actor', () => {
    const s = series('sources', [
      { weeks: 6, perWeek: 4, score: noisy(0), sources: ministry },
      { weeks: 4, perWeek: 4, score: noisy(0), sources: officials },
    ]);
    const found = detectSourceShifts(s, medium);
    expect(found).toHaveLength(1);
    const d = found[0]!;
    expect(d.kind).toBe('source-shift');
    expect(d.changeIndex).toBeGreaterThanOrEqual(24);
    expect(d.shares.map((x) => x.name)).toEqual(expect.arrayContaining(['Ministry of Trade', 'Defence Officials']));
    expect(d.statistic.value).toBeGreaterThan(d.statistic.threshold);
  });

  it('works on a series with no quotes at all', () => {
    expect(detectSourceShifts(series('none', [{ weeks: 10, perWeek: 5, score: noisy(0) }]), medium)).toEqual([]);
  });

  it('stays quiet when the mix of sources is stable', () => {
    const s = series('stable-sources', [{ weeks: 26, perWeek: 6, score: noisy(0), sources: ministry }]);
    expect(detectSourceShifts(s, medium)).toEqual([]);
  });
});

describe('chi-square tail', () => {
  it('matches known quantiles', () => {
    expect(chiSquareSurvival(3.841, 1)).toBeCloseTo(0.05, 3);
    expect(chiSquareSurvival(9.21, 2)).toBeCloseTo(0.01, 3);
    expect(chiSquareSurvival(20.515, 5)).toBeCloseTo(0.001, 4);
  });
});
