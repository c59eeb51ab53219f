import type { SeriesPoint } from '../../src/alerts/index.js';
import { median } from './score.js';
import type { RealSeries } from './real-world.js';

const DAY_MS = 86_400_000;
const MONTH_DAYS = 365.2425 / 12;
const BINS = 20;
/** The bar's false-alert rate: one per 100 series-months. */
const BAR_PER_100_SERIES_MONTHS = 1;

/**
 * How an article of each mix reads, pooled over every series of the worlds: a histogram of
 * article scores (20 bins over [-1, 1], half a pseudo-count per bin so no bin is impossible).
 */
function histograms(series: readonly RealSeries[], which: 'analyzer' | 'perfect'): Map<string, number[]> {
  const counts = new Map<string, number[]>();
  for (const s of series) {
    s[which].forEach((p: SeriesPoint, i) => {
      const mix = s.shift && i >= s.shift.index ? s.shift.to : s.mix;
      const h = counts.get(mix) ?? new Array<number>(BINS).fill(0.5);
      h[Math.min(BINS - 1, Math.max(0, Math.floor(((p.score + 1) / 2) * BINS)))]! += 1;
      counts.set(mix, h);
    });
  }
  for (const [k, h] of counts) {
    const n = h.reduce((a, x) => a + x, 0);
    counts.set(k, h.map((x) => x / n));
  }
  return counts;
}

/** Kullback–Leibler divergence of `after` from `before`, in nats per article. */
function kl(after: readonly number[], before: readonly number[]): number {
  return after.reduce((a, p, i) => a + (p > 0 ? p * Math.log(p / before[i]!) : 0), 0);
}

/**
 * Lorden's bound for the real-sentence world: a detector whose false alerts stay at the bar's rate
 * (an in-control run of the series' articles a month × 100) needs on average at least
 * ln(that run) / KL articles after a switch, KL being the divergence of the new mix's article
 * scores from the old one's, measured over the worlds themselves (the scores carry everything a
 * detector of scores and labels can use: the analyzer's label is a function of its score). A
 * switch whose bound exceeds the articles the series publishes in six weeks cannot be found within
 * six weeks on average by any detector at that rate. Printed for the analyzer's scores and the
 * gold ones, so the gap between scorer and detector shows.
 */
export function realBound(series: readonly RealSeries[], which: 'analyzer' | 'perfect', windowDays: number) {
  const h = histograms(series, which);
  const shifted = series.filter((s) => s.shift && s.shift.index >= 0);
  const rows = shifted.map((s) => {
    const points = s[which];
    const months = (points[points.length - 1]!.at.getTime() - points[0]!.at.getTime()) / DAY_MS / MONTH_DAYS;
    const perMonth = points.length / months;
    const gamma = (perMonth * 100) / BAR_PER_100_SERIES_MONTHS;
    const d = kl(h.get(s.shift!.to)!, h.get(s.shift!.from)!);
    const bound = d > 0 ? Math.log(gamma) / d : Infinity;
    const inWindow = (perMonth / MONTH_DAYS) * windowDays;
    return { bound, inWindow };
  });
  return {
    /** Switches whose bound on the mean delay fits within six weeks of the series' articles. */
    boundWithinWindow: rows.filter((r) => r.bound <= r.inWindow).length,
    shifts: rows.length,
    medianBoundArticles: median(rows.map((r) => Math.round(r.bound * 10) / 10)),
    medianArticlesInWindow: median(rows.map((r) => Math.round(r.inWindow * 10) / 10)),
    /** KL per article between mixes, nats ("from -> to"). */
    divergence: Object.fromEntries(
      [...h.keys()].flatMap((a) =>
        [...h.keys()].filter((b) => b !== a).map((b) => [`${a} -> ${b}`, Math.round(kl(h.get(b)!, h.get(a)!) * 1000) / 1000]),
      ),
    ),
  };
}
