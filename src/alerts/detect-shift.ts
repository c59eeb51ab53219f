import { cusumAlarms, type CusumAlarm } from './cusum.js';
import type { DetectOptions } from './sensitivity.js';
import { summarize, type Summary } from './stats.js';
import type { Detection, SeriesPoint, Side } from './types.js';

export function toSide(s: Summary): Side {
  return { articles: s.articles, mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh };
}

/**
 * The articles in [from, to] that pushed `values` furthest from `base` in `direction`: the
 * evidence an analyst reads first. Three to five of them, in publication order.
 */
export function pickDrivers(
  values: readonly number[],
  indices: readonly number[],
  base: number,
  direction: 1 | -1,
): number[] {
  const ranked = indices
    .map((i) => ({ i, push: direction * ((values[i] ?? base) - base) }))
    .sort((a, b) => b.push - a.push || a.i - b.i);
  const pushing = ranked.filter((r) => r.push > 0);
  const chosen = (pushing.length >= 3 ? pushing : ranked).slice(0, 5);
  return chosen.map((r) => r.i).sort((a, b) => a - b);
}

/** A stance change is a polarity flip when both intervals exclude zero on opposite sides. */
function isFlip(before: Side, after: Side): boolean {
  return (before.ciHigh < 0 && after.ciLow > 0) || (before.ciLow > 0 && after.ciHigh < 0);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_v, k) => from + k);
}

function stanceDetection(series: SeriesPoint[], xs: number[], a: CusumAlarm): Detection {
  const before = toSide(summarize(xs.slice(a.refStart, a.start)));
  const after = toSide(summarize(xs.slice(a.start, a.at + 1)));
  return {
    kind: isFlip(before, after) ? 'polarity-flip' : 'stance-level',
    measure: 'stance',
    direction: a.direction,
    refStart: a.refStart,
    changeIndex: a.start,
    detectIndex: a.at,
    changeAt: series[a.start]!.at,
    detectedAt: series[a.at]!.at,
    before,
    after,
    statistic: { method: 'cusum', value: a.statistic, threshold: a.threshold },
    shares: [],
    drivers: pickDrivers(xs, range(a.start, a.at), before.mean, a.direction),
  };
}

/**
 * Stance-level changes and polarity flips of one (outlet, actor) series: a self-starting
 * two-sided CUSUM over article-level stance (see cusum.ts). Deterministic: the same series gives
 * the same changes, with the same change points.
 */
export function detectStanceShifts(series: SeriesPoint[], opts: DetectOptions): Detection[] {
  const xs = series.map((p) => p.score);
  const times = series.map((p) => p.at.getTime());
  return cusumAlarms(xs, opts.stance, times).map((a) => stanceDetection(series, xs, a));
}
