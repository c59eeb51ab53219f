import { PrefixMoments } from './stats.js';

/** Parameters of the self-starting two-sided CUSUM; values are in units of the series. */
export interface CusumOptions {
  /** Reference value in standard deviations: half the smallest shift worth finding quickly. */
  k: number;
  /** Decision threshold in standard deviations (before the multiplicity adjustment). */
  h: number;
  /** Fewest articles of the recent past needed before an article is tested. */
  minBefore: number;
  /** Longest recent past used as the reference, so a slow drift long ago does not count. */
  maxBefore: number;
  /** Fewest articles of the new regime before an alarm (the "after" side). */
  minAfter: number;
  /**
   * Prior standard deviation and its weight in pseudo-articles: a short calm reference cannot
   * make tiny noise look like a shift.
   */
  priorSigma: number;
  priorWeight: number;
  /** Smallest standard deviation ever assumed. */
  sigmaFloor: number;
  /** Smallest change of the mean (after minus before, in series units) worth an alert. */
  minEffect: number;
  /**
   * Two-sample t (after against before, pooled variance) an alarm must also reach. The CUSUM
   * trusts its reference mean; this check charges the alarm for that mean's own error.
   */
  confirmT: number;
}

export interface CusumAlarm {
  /** +1 when the series rose, -1 when it fell. */
  direction: 1 | -1;
  /** First index of the reference (the recent past compared with). */
  refStart: number;
  /** First index of the new regime: the estimated change point. */
  start: number;
  /** Index at which the statistic crossed the threshold. */
  at: number;
  statistic: number;
}

interface SideState {
  direction: 1 | -1;
  sum: number;
  /** Where the current excursion began; the reference ends just before it. */
  start: number;
}

function referenceSigma(variance: number, n: number, o: CusumOptions): number {
  const pooled = (o.priorWeight * o.priorSigma ** 2 + (n - 1) * variance) / (o.priorWeight + n - 1);
  // A new article's deviation from an estimated mean also carries that estimate's error.
  return Math.max(o.sigmaFloor, Math.sqrt(pooled * (1 + 1 / n)));
}

function twoSampleT(
  b: { n: number; variance: number; mean: number },
  a: { n: number; variance: number; mean: number },
  o: CusumOptions,
): number {
  const pooled =
    (o.priorWeight * o.priorSigma ** 2 + (b.n - 1) * b.variance + (a.n - 1) * a.variance) /
    (o.priorWeight + b.n + a.n - 2);
  const se = Math.max(o.sigmaFloor, Math.sqrt(pooled)) * Math.sqrt(1 / a.n + 1 / b.n);
  return Math.abs(a.mean - b.mean) / se;
}

/**
 * The excursion starts at the CUSUM's last zero, which small wobbles before a change pull early.
 * The change point is the split of the excursion that best separates the two means (the
 * maximum-likelihood split for one shift of the mean). When that split leaves fewer than
 * `minAfter` articles after it, the alarm waits for more.
 */
function refineStart(m: PrefixMoments, refStart: number, from: number, t: number): number {
  let best = { start: from, score: -1 };
  for (let start = from; start <= t; start++) {
    const b = m.slice(refStart, start);
    const a = m.slice(start, t + 1);
    const score = (a.mean - b.mean) ** 2 * ((a.n * b.n) / (a.n + b.n));
    if (score > best.score) best = { start, score };
  }
  return best.start;
}

/** The alarm at `t` if the refined windows pass every bar: sizes, effect and the two-sample t. */
function confirm(
  m: PrefixMoments,
  o: CusumOptions,
  origin: number,
  side: SideState,
  t: number,
): CusumAlarm | undefined {
  const refStart = Math.max(origin, side.start - o.maxBefore);
  const start = refineStart(m, refStart, side.start, t);
  const before = m.slice(refStart, start);
  const after = m.slice(start, t + 1);
  const effect = side.direction * (after.mean - before.mean);
  if (after.n < o.minAfter || before.n < o.minBefore || effect < o.minEffect) return undefined;
  if (twoSampleT(before, after, o) < o.confirmT) return undefined;
  return { direction: side.direction, refStart, start, at: t, statistic: side.sum };
}

/**
 * The first alarm at or after `origin`. Each side keeps its own reference: the `maxBefore`
 * articles before its current excursion, so the articles under test never shape the baseline
 * they are compared with. When a side's sum returns to zero the excursion ends and those
 * articles join the reference.
 */
export function firstCusumAlarm(
  xs: readonly number[],
  o: CusumOptions,
  origin = 0,
  moments = new PrefixMoments(xs),
): CusumAlarm | undefined {
  const sides: SideState[] = [
    { direction: 1, sum: 0, start: origin },
    { direction: -1, sum: 0, start: origin },
  ];
  for (let t = origin; t < xs.length; t++) {
    for (const side of sides) {
      const ref = moments.slice(Math.max(origin, side.start - o.maxBefore), side.start);
      if (ref.n < o.minBefore) {
        side.start = t + 1;
        continue;
      }
      const z = (side.direction * (xs[t]! - ref.mean)) / referenceSigma(ref.variance, ref.n, o);
      side.sum = Math.max(0, side.sum + z - o.k);
      if (side.sum === 0) {
        side.start = t + 1;
        continue;
      }
      if (side.sum < o.h) continue;
      const alarm = confirm(moments, o, origin, side, t);
      if (alarm) return alarm;
    }
  }
  return undefined;
}

/**
 * Every alarm of a series. After an alarm the detector restarts at the estimated change point,
 * so the new regime becomes the reference and one shift yields one alarm.
 */
export function cusumAlarms(xs: readonly number[], o: CusumOptions): CusumAlarm[] {
  const moments = new PrefixMoments(xs);
  const alarms: CusumAlarm[] = [];
  let origin = 0;
  for (;;) {
    const alarm = firstCusumAlarm(xs, o, origin, moments);
    if (!alarm) return alarms;
    alarms.push(alarm);
    origin = alarm.start;
  }
}
