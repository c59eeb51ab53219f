import { stanceAlarms, type StanceAlarm } from './self-starting.js';
import type { DetectOptions } from './sensitivity.js';
import { summarize, type Summary } from './stats.js';
import type { Detection, LabelMix, SeriesPoint, Side } from './types.js';

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

/** Share of articles of each label in series[from, to); undefined when none carries a label. */
export function labelMix(series: readonly SeriesPoint[], from: number, to: number): LabelMix | undefined {
  const mix: LabelMix = { negative: 0, neutral: 0, positive: 0 };
  let n = 0;
  for (let i = from; i < to; i++) {
    const l = series[i]?.label;
    if (l === undefined) continue;
    mix[l] += 1;
    n += 1;
  }
  if (n === 0) return undefined;
  return { negative: mix.negative / n, neutral: mix.neutral / n, positive: mix.positive / n };
}

function stanceDetection(series: SeriesPoint[], xs: number[], a: StanceAlarm): Detection {
  const before = toSide(summarize(xs.slice(a.refStart, a.start)));
  const after = toSide(summarize(xs.slice(a.start, a.at + 1)));
  const mixBefore = labelMix(series, a.refStart, a.start);
  const mixAfter = labelMix(series, a.start, a.at + 1);
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
    ...(mixBefore && mixAfter ? { mix: { track: a.track, before: mixBefore, after: mixAfter } } : {}),
  };
}

/**
 * Stance-level changes and polarity flips of one (outlet, actor) series, in the series' own
 * units: a self-starting CUSUM on standardised article scores and Bernoulli CUSUMs on the shares
 * of negative and positive articles (see self-starting.ts). Deterministic: the same series gives
 * the same changes, with the same change points.
 */
export function detectStanceShifts(series: SeriesPoint[], opts: DetectOptions): Detection[] {
  const xs = series.map((p) => p.score);
  const labels = series.map((p) => p.label);
  const times = series.map((p) => p.at.getTime());
  return stanceAlarms(xs, labels, opts.stance, times).map((a) => stanceDetection(series, xs, a));
}
