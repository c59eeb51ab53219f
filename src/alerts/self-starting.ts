import type { StanceLabelName } from './types.js';
import { perMonth, refineStart, restartingAlarms, type CusumAlarm } from './cusum.js';
import { PrefixMoments } from './stats.js';

/**
 * The stance detector, in the series' own units: a shift is measured against what this series
 * usually does, never against a fixed score scale (a scorer that spreads or squeezes its scores
 * leaves it unchanged). Two tracks watch each series:
 * - `mean`: a self-starting two-sided CUSUM of article scores standardised by the series' own
 *   recent mean and robust spread (the articles just before each one);
 * - `share:negative` / `share:positive`: a Bernoulli CUSUM on the share of articles the analyzer
 *   labels negative (positive), against the series' own recent share.
 * Every track's threshold comes from one false-alert budget per series, split between the tracks
 * (Bonferroni), so adding a track does not add false alerts.
 */
export interface StanceDetectorOptions {
  /**
   * Shifts of the mean the `mean` track is matched to, in spreads of the series, each with its
   * share of that track's budget: a small one found steadily, a large one found at once. A
   * side may start after fewer articles (`minBefore`): an error e of the reference's mean adds
   * δ·e per article against a drift of δ²/2 under the matched shift, so a large shift tolerates a
   * shorter reference (a quarter of the error weight at three times δ).
   */
  meanShifts: readonly { size: number; share: number; minBefore?: number }[];
  /**
   * Moves of a label's share of articles (in points of share, 0.2 = 20 points) the share tracks
   * are matched to, each with its share of their budget.
   */
  shareShifts: readonly { size: number; share: number }[];
  /** Share of the series' budget for the `mean` track; the share tracks split the rest. */
  meanBudget: number;
  /** Target false alerts per 100 series-months for one series (before multiplicity). */
  falseAlertsPer100SeriesMonths: number;
  /**
   * Subtracted from every threshold: the bound ARL0 >= e^h of a CUSUM of log-likelihood ratios is
   * conservative by about this much for these tracks (chosen by simulation, see docs/alerts.md).
   */
  calibration: number;
  /** Fewest articles of the recent past needed before an article is tested. */
  minBefore: number;
  /** Longest recent past used as the reference, so a slow drift long ago does not count. */
  maxBefore: number;
  /** Fewest articles of the new regime before an alarm. */
  minAfter: number;
  /** Smallest change of the mean worth an alert, in spreads of the series. */
  minEffectSpreads: number;
  /** Smallest move of a label's share of articles worth an alert (0.15 = 15 points). */
  minShareMove: number;
  /** A standardised article counts at most this many spreads from the mean: one article never alerts. */
  clip: number;
  /**
   * Shrink the sum by n/(n + m) for a reference of n articles against an excursion of m (the
   * two-sample likelihood ratio for normal noise). It caps the statistic near n times the
   * per-article drift, so a long, moderate shift against a short reference may never alarm;
   * without it the reference's estimation error is left to `calibration`. Off with a rolling
   * reference, which corrects that error itself (docs/alerts.md compares the two).
   */
  shrink: boolean;
  /**
   * Where the reference ends: `excursion`, just before the side's current excursion (the articles
   * under test never shape it), or `rolling`, just before the article being read (it follows the
   * series, excursion included, as in Hawkins' self-starting CUSUM).
   */
  reference: 'excursion' | 'rolling';
}

export type TrackName = 'mean' | `share:${'negative' | 'positive'}`;

/** A track's values and their prefix moments (slice means in O(1)). */
interface Track {
  xs: number[];
  moments: PrefixMoments;
}

/** A CUSUM alarm and the track that raised it. */
export interface StanceAlarm extends CusumAlarm {
  track: TrackName;
  /** +1 when the stance rose (mean up, positive share up or negative share down), -1 when it fell. */
  direction: 1 | -1;
}

/** Reference figures of one track: centre and spread of the mean, or a label's share. */
interface Reference {
  from: number;
  to: number;
  center: number;
  spread: number;
  /** Mean and sd of the reference's own clipped standardised values (mean track). */
  zMean: number;
  zSd: number;
  h: number;
}

interface Side {
  track: TrackName;
  direction: 1 | -1;
  size: number;
  /** Fewest reference articles before this side reads one. */
  minBefore: number;
  /** ln(1 / this side's share of the budget). */
  extra: number;
  sum: number;
  start: number;
  ref?: Reference;
}

const REFRESH = 5;
/** Reference shares are taken as at least this and at most one minus it (see reference). */
const SHARE_FLOOR = 0.05;

/**
 * The threshold of one side for a series publishing `articlesPerMonth`: an in-control run of
 * (articles a month) × (months per false alert) articles, split over the sides by their shares.
 */
export function stanceThreshold(articlesPerMonth: number, o: StanceDetectorOptions, extra: number): number {
  const arl0 = (Math.max(1, articlesPerMonth) * 100) / o.falseAlertsPer100SeriesMonths;
  return Math.log(arl0) + extra - o.calibration;
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * Centre and spread of a reference sample: mean and standard deviation after winsorising at
 * the 5th and 95th percentiles, so one extreme article does not widen the yardstick. A run of
 * identical scores gets a tiny spread; the clip on standardised articles (see `clip`) keeps the
 * first different one from alerting on its own.
 */
export function robustCenterSpread(xs: readonly number[]): { center: number; spread: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  const lo = quantile(sorted, 0.05);
  const hi = quantile(sorted, 0.95);
  const w = xs.map((x) => Math.min(hi, Math.max(lo, x)));
  const center = xs.reduce((s, x) => s + x, 0) / xs.length;
  const wm = w.reduce((s, x) => s + x, 0) / w.length;
  const sd = Math.sqrt(w.reduce((s, x) => s + (x - wm) ** 2, 0) / Math.max(1, w.length - 1));
  return { center, spread: Math.max(sd, 1e-6) };
}

function sides(o: StanceDetectorOptions, origin: number, withLabels: boolean): Side[] {
  const out: Side[] = [];
  for (const { size, share, minBefore } of o.meanShifts) {
    for (const direction of [1, -1] as const) {
      const extra = -Math.log((o.meanBudget * share) / 2);
      out.push({ track: 'mean', direction, size, minBefore: minBefore ?? o.minBefore, extra, sum: 0, start: origin });
    }
  }
  if (!withLabels) return out;
  for (const { size, share } of o.shareShifts) {
    for (const track of ['share:negative', 'share:positive'] as const) {
      for (const direction of [1, -1] as const) {
        const part = ((1 - o.meanBudget) * share) / 4;
        out.push({ track, direction, size, minBefore: o.minBefore, extra: -Math.log(part), sum: 0, start: origin });
      }
    }
  }
  return out;
}

/** The values a track reads: the score, or 1/0 for "labelled negative (positive)". */
export function trackValues(track: TrackName, scores: readonly number[], labels: readonly (StanceLabelName | undefined)[]): number[] {
  if (track === 'mean') return [...scores];
  const want = track === 'share:negative' ? 'negative' : 'positive';
  return labels.map((l) => (l === want ? 1 : 0));
}

/** Sign of the stance move for a track moving its own value in `direction`. */
export function stanceDirection(track: TrackName, direction: 1 | -1): 1 | -1 {
  return track === 'share:negative' ? (direction === 1 ? -1 : 1) : direction;
}

function reference(side: Side, xs: readonly number[], from: number, to: number, o: StanceDetectorOptions, times?: readonly number[]): Reference {
  const h = stanceThreshold(perMonth(times, from, to), o, side.extra);
  const slice = xs.slice(from, to);
  if (side.track === 'mean') {
    const { center, spread } = robustCenterSpread(slice);
    // Clipping a skewed series (scores piled up near +1 with a tail of lower ones) cuts one tail
    // only, so the clipped values no longer average zero: re-centre and re-scale them on the
    // reference itself, or an ordinary run at the pile would read as a rise.
    const zs = slice.map((x) => clipZ((x - center) / spread, o.clip));
    const zMean = zs.reduce((a, z) => a + z, 0) / zs.length;
    const zSd = Math.sqrt(zs.reduce((a, z) => a + (z - zMean) ** 2, 0) / Math.max(1, zs.length - 1));
    return { from, to, center, spread, zMean, zSd: Math.max(zSd, 1e-6), h };
  }
  // Laplace's estimate, kept within [SHARE_FLOOR, 1 - SHARE_FLOOR]: a reference that never saw
  // the label (0 of 120) must not make a few such articles look impossible; the share's
  // uncertainty at the edges is larger than its estimate says.
  const k = slice.reduce((s, x) => s + x, 0);
  const p = (k + 1) / (slice.length + 2);
  return { from, to, center: Math.min(1 - SHARE_FLOOR, Math.max(SHARE_FLOOR, p)), spread: 1, zMean: 0, zSd: 1, h };
}

const clipZ = (z: number, clip: number) => Math.max(-clip, Math.min(clip, z));

/** Log-likelihood ratio of one article: after-shift model against the reference. */
function increment(side: Side, ref: Reference, x: number, o: StanceDetectorOptions): number {
  if (side.track === 'mean') {
    const z = (clipZ((x - ref.center) / ref.spread, o.clip) - ref.zMean) / ref.zSd;
    return side.size * (side.direction * z - side.size / 2);
  }
  const p0 = ref.center;
  const p1 = Math.min(1 - SHARE_FLOOR / 2, Math.max(SHARE_FLOOR / 2, p0 + side.direction * side.size));
  return x === 1 ? Math.log(p1 / p0) : Math.log((1 - p1) / (1 - p0));
}

/**
 * Whether a change is worth an alert, in analysts' units: the mean moved by at least
 * `minEffectSpreads` of the series' spread, or the share of negative (positive) articles moved by
 * at least `minShareMove` the way the stance moved. Either will do, whichever track alarmed: a
 * mix can shift with little change of the mean (more negative and more positive articles).
 */
function bigEnough(
  scores: Track,
  shares: ((t: TrackName) => Track) | undefined,
  span: { refStart: number; start: number; end: number },
  direction: 1 | -1,
  o: StanceDetectorOptions,
): boolean {
  const move = (t: Track) => t.moments.slice(span.start, span.end).mean - t.moments.slice(span.refStart, span.start).mean;
  const { spread } = robustCenterSpread(scores.xs.slice(span.refStart, span.start));
  if (direction * move(scores) >= o.minEffectSpreads * spread) return true;
  if (!shares) return false;
  return direction * move(shares('share:positive')) >= o.minShareMove || -direction * move(shares('share:negative')) >= o.minShareMove;
}

/**
 * The first alarm at or after `origin` over every track. With `reference: 'rolling'` (the
 * default sensitivities) each article is compared with the up to `maxBefore` articles just before
 * it, so the reference corrects its own error as the series goes on; with `'excursion'` each side
 * compares with the articles before its current excursion, which the articles under test never
 * shape, and `shrink` (n/(n + m)) stands for the error of that reference shared by the excursion.
 */
export function firstStanceAlarm(
  scores: readonly number[],
  labels: readonly (StanceLabelName | undefined)[],
  o: StanceDetectorOptions,
  origin = 0,
  times?: readonly number[],
): StanceAlarm | undefined {
  const withLabels = labels.some((l) => l !== undefined);
  const tracks = new Map<TrackName, Track>();
  const trackOf = (t: TrackName) => {
    let v = tracks.get(t);
    if (!v) {
      const xs = trackValues(t, scores, labels);
      tracks.set(t, (v = { xs, moments: new PrefixMoments(xs) }));
    }
    return v;
  };
  const all = sides(o, origin, withLabels);
  for (let t = origin; t < scores.length; t++) {
    for (const side of all) {
      const track = trackOf(side.track);
      const xs = track.xs;
      const rolling = o.reference === 'rolling';
      const end = rolling ? t : side.start;
      const from = Math.max(origin, end - o.maxBefore);
      if (end - from < side.minBefore) {
        side.start = t + 1;
        continue;
      }
      if (!side.ref || end - side.ref.to >= REFRESH || side.ref.from < origin) {
        side.ref = reference(side, xs, from, end, o, times);
      }
      const ref = side.ref;
      side.sum = Math.max(0, side.sum + increment(side, ref, xs[t]!, o));
      if (side.sum === 0) {
        side.start = t + 1;
        continue;
      }
      const n = ref.to - ref.from;
      const statistic = o.shrink ? (side.sum * n) / (n + t - side.start + 1) : side.sum;
      if (statistic < ref.h) continue;
      const refStart = Math.max(origin, side.start - o.maxBefore);
      const start = refineStart(track.moments, refStart, side.start, t);
      if (t + 1 - start < o.minAfter || start - refStart < side.minBefore) continue;
      const direction = stanceDirection(side.track, side.direction);
      const span = { refStart, start, end: t + 1 };
      if (!bigEnough(trackOf('mean'), withLabels ? trackOf : undefined, span, direction, o)) continue;
      return {
        track: side.track,
        direction,
        refStart,
        start,
        at: t,
        statistic,
        threshold: ref.h,
      };
    }
  }
  return undefined;
}

/** Every alarm of a series; after one, the detector restarts at its change point. */
export function stanceAlarms(
  scores: readonly number[],
  labels: readonly (StanceLabelName | undefined)[],
  o: StanceDetectorOptions,
  times?: readonly number[],
): StanceAlarm[] {
  return restartingAlarms((origin) => firstStanceAlarm(scores, labels, o, origin, times));
}
