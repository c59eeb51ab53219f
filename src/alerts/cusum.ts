import { PrefixMoments } from './stats.js';
import { tiltFor, type Tilt } from './tilt.js';

const MONTH_MS = (365.2425 / 12) * 86_400_000;
const REFRESH = 5;

/**
 * Parameters of the self-starting two-sided tilted CUSUM (see firstCusumAlarm); values are in
 * units of the series.
 */
export interface CusumOptions {
  /**
   * The shifts of the mean the detector is matched to, each with its share of the false-alert
   * budget. The first is the smallest shift worth finding fast and takes most of the budget;
   * larger ones let a big shift alarm within a few articles (a statistic matched to a small
   * shift gains little per article from a big one).
   */
  shifts: readonly { size: number; share: number }[];
  /** Where the measure lives: [-1, 1] for stance, [0, 1] for shares. */
  range: readonly [number, number];
  /**
   * Pseudo-articles added to the reference, spread as a normal bump of sd `priorSigma` around
   * its mean: a short, calm reference must not treat an ordinary article as impossible.
   */
  prior: number;
  priorSigma: number;
  /**
   * Smallest kernel bandwidth: each reference article stands for a small normal bump around
   * its value (bandwidth by Silverman's rule, at least this), so a shift can move every
   * article a little, not only re-weight the values already seen.
   */
  bandwidth: number;
  /**
   * Standard errors added to the reference's log moment-generating function: it is estimated
   * from the recent past, and a short or lucky reference must not make ordinary articles look
   * like a shift.
   */
  margin: number;
  /** Target false alerts per 100 series-months of this kind, for one series (before multiplicity). */
  falseAlertsPer100SeriesMonths: number;
  /**
   * How many such detectors share the target in one series (the frames of one pair): the
   * budget is split between them (Bonferroni).
   */
  tracks: number;
  /**
   * Subtracted from the threshold: the Lorden bound ARL0 >= e^h is conservative by about this
   * much for these increments (measured by simulation, see docs/alerts.md).
   */
  calibration: number;
  /** Fewest articles of the recent past needed before an article is tested. */
  minBefore: number;
  /** Longest recent past used as the reference, so a slow drift long ago does not count. */
  maxBefore: number;
  /** Fewest articles of the new regime before an alarm (the "after" side). */
  minAfter: number;
  /** Smallest change of the mean (after minus before, in series units) worth an alert. */
  minEffect: number;
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
  /** The (two-sample) log-likelihood ratio that crossed, and the threshold it crossed. */
  statistic: number;
  threshold: number;
}

interface SideState {
  direction: 1 | -1;
  shift: number;
  /** Added to the threshold: ln(1 / this shift's share of the budget). */
  extra: number;
  sum: number;
  /** Where the current excursion began; the reference ends just before it. */
  start: number;
  tilt?: { from: number; to: number; value: Tilt };
}

/**
 * The threshold for a series that publishes `perMonth` articles a month: an in-control average
 * run length of (articles a month) × (months per false alert) articles, split over two sides and
 * `tracks` detectors. For a CUSUM of log-likelihood ratios, ARL0 >= e^h (Lorden), so
 * h = ln(2·tracks·ARL0) − calibration.
 */
export function cusumThreshold(perMonth: number, o: CusumOptions): number {
  const arl0 = (Math.max(1, perMonth) * 100) / o.falseAlertsPer100SeriesMonths;
  return Math.log(2 * Math.max(1, o.tracks) * arl0) - o.calibration;
}

/** Articles a month over the reference; a reference published all at once counts as very busy. */
export function perMonth(times: readonly number[] | undefined, from: number, to: number): number {
  if (!times || to - from < 2) return 1000;
  const span = times[to - 1]! - times[from]!;
  return span > 0 ? ((to - from - 1) / span) * MONTH_MS : 1000;
}

/**
 * The excursion starts at the CUSUM's last zero, which small wobbles before a change pull early.
 * The change point is the split of the excursion that best separates the two means (the
 * maximum-likelihood split for one shift of the mean). When that split leaves fewer than
 * `minAfter` articles after it, the alarm waits for more.
 */
export function refineStart(m: PrefixMoments, refStart: number, from: number, t: number): number {
  let best = { start: from, score: -1 };
  for (let start = from; start <= t; start++) {
    const b = m.slice(refStart, start);
    const a = m.slice(start, t + 1);
    const score = (a.mean - b.mean) ** 2 * ((a.n * b.n) / (a.n + b.n));
    if (score > best.score) best = { start, score };
  }
  return best.start;
}

/** The alarm at `t` if the refined windows pass the bars on sizes and effect. */
function confirm(
  m: PrefixMoments,
  o: CusumOptions,
  origin: number,
  side: SideState,
  t: number,
  h: number,
  statistic: number,
): CusumAlarm | undefined {
  const refStart = Math.max(origin, side.start - o.maxBefore);
  const start = refineStart(m, refStart, side.start, t);
  const before = m.slice(refStart, start);
  const after = m.slice(start, t + 1);
  const effect = side.direction * (after.mean - before.mean);
  if (after.n < o.minAfter || before.n < o.minBefore || effect < o.minEffect) return undefined;
  return { direction: side.direction, refStart, start, at: t, statistic, threshold: h };
}

/**
 * The first alarm at or after `origin`: a self-starting two-sided CUSUM of log-likelihood
 * ratios. Each side keeps its own reference, the `maxBefore` articles before its current
 * excursion, so the articles under test never shape the baseline they are compared with. Each
 * article adds log(tilted likelihood / reference likelihood) (see tiltFor); when a side's sum
 * returns to zero the excursion ends and those articles join the reference. The threshold
 * follows the series' own article rate (see cusumThreshold). `times` are publication times in
 * ms; without them the series counts as busy (the strictest threshold).
 */
export function firstCusumAlarm(
  xs: readonly number[],
  o: CusumOptions,
  origin = 0,
  moments = new PrefixMoments(xs),
  times?: readonly number[],
): CusumAlarm | undefined {
  const sides: SideState[] = o.shifts.flatMap(({ size, share }) =>
    ([1, -1] as const).map((direction) => ({ direction, shift: size, extra: -Math.log(share), sum: 0, start: origin })),
  );
  for (let t = origin; t < xs.length; t++) {
    for (const side of sides) {
      const from = Math.max(origin, side.start - o.maxBefore);
      if (side.start - from < o.minBefore) {
        side.start = t + 1;
        continue;
      }
      // Between excursions the reference slides one article at a time; refreshing its tilt
      // every REFRESH articles is enough (it still ends before the articles under test) and
      // spares most of the work.
      if (!side.tilt || side.start - side.tilt.to >= REFRESH || side.tilt.from < origin) {
        const tilt = tiltFor(xs.slice(from, side.start), side.direction, side.shift, o, side.tilt?.value.theta);
        const h = cusumThreshold(perMonth(times, from, side.start), o) + side.extra;
        side.tilt = { from, to: side.start, value: { ...tilt, h } };
      }
      const { theta, center, logM, h } = side.tilt.value;
      side.sum = Math.max(0, side.sum + theta * (side.direction * xs[t]! - center) - logM);
      if (side.sum === 0) {
        side.start = t + 1;
        continue;
      }
      // The reference mean is an estimate from n articles, and its error is shared by every
      // article of the excursion: for m articles the two-sample log-likelihood ratio is the
      // one-sample sum shrunk by n/(n + m) (exact for normal noise). Without it a long excursion
      // against a short reference would reach any threshold.
      const n = side.tilt.to - side.tilt.from;
      const statistic = (side.sum * n) / (n + t - side.start + 1);
      if (statistic < h) continue;
      const alarm = confirm(moments, o, origin, side, t, h, statistic);
      if (alarm) return alarm;
    }
  }
  return undefined;
}

/**
 * Every alarm of a series. After an alarm the detector restarts at the estimated change point,
 * so the new regime becomes the reference and one shift yields one alarm.
 */
export function cusumAlarms(xs: readonly number[], o: CusumOptions, times?: readonly number[]): CusumAlarm[] {
  const moments = new PrefixMoments(xs);
  return restartingAlarms((origin) => firstCusumAlarm(xs, o, origin, moments, times));
}

/** Runs a detector from the start, then again from each alarm's change point, until it is quiet. */
export function restartingAlarms<A extends { start: number }>(first: (origin: number) => A | undefined): A[] {
  const alarms: A[] = [];
  let origin = 0;
  for (;;) {
    const alarm = first(origin);
    if (!alarm) return alarms;
    alarms.push(alarm);
    origin = alarm.start;
  }
}
