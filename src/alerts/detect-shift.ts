/** One article's stance towards one actor, in publication order. */
export interface SeriesPoint {
  articleId: string;
  url: string;
  at: Date;
  score: number;
}

export interface StanceShift {
  kind: 'stance-level' | 'polarity-flip';
  /** Publication time of the first article of the new regime (the estimated start of the change). */
  changeAt: Date;
  /** Publication time of the article at which the shift became detectable. */
  detectedAt: Date;
  before: { articles: number; mean: number; ciLow: number; ciHigh: number };
  after: { articles: number; mean: number; ciLow: number; ciHigh: number };
  t: number;
  articles: string[];
}

export interface DetectOptions {
  /** Articles in the recent window compared with the past. */
  window: number;
  /** Fewest past articles needed before anything is compared. */
  minBefore: number;
  /** Longest past considered, so a slow drift years ago does not mask a recent shift. */
  maxBefore: number;
  /** |Welch t| needed. */
  threshold: number;
  /** Smallest mean change worth an analyst's attention. */
  minEffect: number;
}

export const SENSITIVITY: Record<'low' | 'medium' | 'high', DetectOptions> = {
  low: { window: 8, minBefore: 8, maxBefore: 30, threshold: 5, minEffect: 0.4 },
  medium: { window: 8, minBefore: 6, maxBefore: 30, threshold: 4, minEffect: 0.3 },
  high: { window: 6, minBefore: 6, maxBefore: 30, threshold: 3.5, minEffect: 0.25 },
};

function summary(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  const half = n > 1 ? (1.96 * Math.sqrt(variance)) / Math.sqrt(n) : 0;
  return { articles: n, mean, variance, ciLow: Math.max(-1, mean - half), ciHigh: Math.min(1, mean + half) };
}

// A floor on the variance keeps a run of identical scores from giving an infinite t.
const MIN_VARIANCE = 0.01;

function welchT(a: ReturnType<typeof summary>, b: ReturnType<typeof summary>): number {
  const se = Math.sqrt(
    Math.max(a.variance, MIN_VARIANCE) / a.articles + Math.max(b.variance, MIN_VARIANCE) / b.articles,
  );
  return (b.mean - a.mean) / se;
}

/**
 * Windowed two-sample test over one (outlet, actor) series: at each article, the last `window`
 * articles are compared with the `maxBefore` before them. A shift is reported at the first article
 * where |t| and the effect pass the bars; then the series restarts after the shift (cooldown), so
 * one real change yields one alert. Deterministic: the same series gives the same shifts.
 */
export function detectStanceShifts(series: SeriesPoint[], opts: DetectOptions): StanceShift[] {
  const shifts: StanceShift[] = [];
  let origin = 0;
  for (let end = origin + opts.minBefore + opts.window; end <= series.length; end++) {
    const split = end - opts.window;
    const beforePts = series.slice(Math.max(origin, split - opts.maxBefore), split);
    if (beforePts.length < opts.minBefore) continue;
    const afterPts = series.slice(split, end);
    const before = summary(beforePts.map((p) => p.score));
    const after = summary(afterPts.map((p) => p.score));
    const t = welchT(before, after);
    if (Math.abs(t) < opts.threshold || Math.abs(after.mean - before.mean) < opts.minEffect) continue;
    const flipped = Math.sign(before.mean) !== Math.sign(after.mean) && Math.abs(before.mean) > 0.1 && Math.abs(after.mean) > 0.1;
    shifts.push({
      kind: flipped ? 'polarity-flip' : 'stance-level',
      changeAt: afterPts[0]!.at,
      detectedAt: afterPts[afterPts.length - 1]!.at,
      before: { articles: before.articles, mean: before.mean, ciLow: before.ciLow, ciHigh: before.ciHigh },
      after: { articles: after.articles, mean: after.mean, ciLow: after.ciLow, ciHigh: after.ciHigh },
      t,
      articles: afterPts.map((p) => p.url),
    });
    origin = split;
    end = origin + opts.minBefore + opts.window - 1;
  }
  return shifts;
}
