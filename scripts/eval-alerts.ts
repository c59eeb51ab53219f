import { parseArgs } from 'node:util';
import { SENSITIVITY, detectChanges, forSeriesWatched, type SeriesPoint } from '../src/alerts/index.js';
import { seededRng } from '../src/demo/world/prng.js';
import { labelledReadings } from './alerts/pools.js';
import { median, scoreSeries, type SeriesOutcome, type ShiftOutcome } from './alerts/score.js';
import { buildSeries, type SeriesPlan } from './alerts/series.js';
import { REAL_SERIES, portrayalSet, type RealSeries, type RealWorld } from './alerts/real-world.js';
import { WINDOW_DAYS, runPlain, runReal, PLAIN_CUSUM } from './alerts/real-score.js';
import { cachedWorld } from './alerts/world-cache.js';
import { realBound } from './alerts/real-bound.js';
import { newsMtscPresent } from './real-articles/index.js';
import { startProgress } from '../src/progress/index.js';
import { ANALYZER_VERSION } from '../src/nlp/index.js';

// npm run eval:alerts [-- --json] [--seed S] [--sensitivity low|medium|high] [--watched N]
//   [--pool train-fold-K|dev] [--worlds N] [--skip-real]
// --pool dev is for the one final report: choose nothing by it. The real-sentence part prints our
// detector on the analyzer's scores, the same detector on gold labels (the ceiling), the issue's
// plain CUSUM on both (a yardstick), and Lorden's bound. The docs' figures use --worlds 6.
// Analysed worlds are cached by analyzer version in --cache.
const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    seed: { type: 'string', default: 'stancewatch-alerts-1' },
    pool: { type: 'string', default: 'train-fold-1' },
    worlds: { type: 'string', default: '1' },
    'skip-real': { type: 'boolean', default: false },
    // Analysed worlds are kept here (scores and labels only, no sentence text) so a re-run is quick.
    cache: { type: 'string', default: '.stancewatch/eval-alerts' },
    sensitivity: { type: 'string', default: 'medium' },
    // Series the simulated rule watches: by default all of them, so the cross-series
    // correction (forSeriesWatched) is in force as it would be for one rule over 300 series.
    watched: { type: 'string' },
  },
});
const level = args.sensitivity as keyof typeof SENSITIVITY;
if (!(level in SENSITIVITY)) throw new Error(`--sensitivity must be low, medium or high`);

const STABLE = 200;
const SHIFTED = 100;

function plans(seed: string): SeriesPlan[] {
  const rng = seededRng(`${seed}/plans`);
  const stable: SeriesPlan[] = Array.from({ length: STABLE }, (_v, i) => ({ id: `stable-${i}` }));
  const shifted: SeriesPlan[] = Array.from({ length: SHIFTED }, (_v, i) => {
    const kind = i % 2 === 0 ? ('stance' as const) : ('frame' as const);
    const size = kind === 'stance' ? -0.4 + 0.8 * rng() : 0.1 + 0.4 * rng();
    return { id: `shifted-${i}`, shift: { kind, size } };
  });
  return [...stable, ...shifted];
}

const pool = labelledReadings();
const all = plans(args.seed);
const watched = args.watched === undefined ? all.length : Number(args.watched);
if (!Number.isInteger(watched) || watched < 1) throw new Error(`--watched must be a positive whole number, got ${args.watched}`);
const opts = forSeriesWatched(SENSITIVITY[level], watched);
const outcomes: SeriesOutcome[] = all.map((plan) => {
  const series = buildSeries(seededRng(`${args.seed}/${plan.id}`), pool, plan);
  return scoreSeries(series, detectChanges(series.points, opts));
});

const shifts = outcomes.flatMap((o) => (o.shift ? [o.shift] : []));
// Size is the expected shift of the mean actually planted (clipping at ±1 and the frame
// readings' limits taken off what was asked for), as the issue defines the size of a shift.
const big = shifts.filter((s) => Math.abs(s.size) >= 0.3);
const within10 = big.filter((s) => s.found && s.delayArticles! <= 10);
const bigRate = within10.length / Math.max(1, big.length);
const stable = outcomes.filter((o) => !o.shift);
const rate = (xs: SeriesOutcome[]) =>
  (100 * xs.reduce((s, o) => s + o.falseAlerts, 0)) / xs.reduce((s, o) => s + o.months, 0);
const found = (xs: ShiftOutcome[]) => xs.filter((s) => s.found);
const round = (x: number | null, d = 3) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

function bucket(lo: number, hi: number, kind?: 'stance' | 'frame') {
  const xs = shifts.filter((s) => Math.abs(s.size) >= lo && Math.abs(s.size) < hi && (!kind || s.kind === kind));
  return {
    shifts: xs.length,
    detectionRate: round(xs.length ? found(xs).length / xs.length : null),
    within10Articles: round(xs.length ? xs.filter((s) => s.found && s.delayArticles! <= 10).length / xs.length : null),
    medianDelayArticles: median(found(xs).map((s) => s.delayArticles!)),
  };
}

function within10Rate(xs: ShiftOutcome[]) {
  return {
    shifts: xs.length,
    within10Articles: round(xs.length ? xs.filter((x) => x.found && x.delayArticles! <= 10).length / xs.length : null),
    detectionRate: round(xs.length ? found(xs).length / xs.length : null),
  };
}

const report = {
  sensitivity: level,
  seed: args.seed,
  watched,
  labelledReadings: pool.length,
  series: { stable: STABLE, shifted: SHIFTED, weeks: 26 },
  detectionRate: round(found(shifts).length / shifts.length),
  medianDelayArticles: median(found(shifts).map((s) => s.delayArticles!)),
  medianDelayDays: round(median(found(shifts).map((s) => s.delayDays!)), 1),
  falseAlertsPer100SeriesMonths: round(rate(stable), 2),
  /** The detection bar's figure: share of planted shifts of size >= 0.3 found within 10 articles. */
  shiftsAtLeast03FoundWithin10Articles: round(bigRate),
  falseAlertsPer100SeriesMonthsAllSeries: round(rate(outcomes), 2),
  bars: {
    shiftsOfSizeAtLeast03: big.length,
    // Planted at |size| >= 0.3 but with a smaller expected shift once clipped at ±1.
    plantedAtLeast03ButSmaller: shifts.filter((s) => Math.abs(s.planted) >= 0.3 && Math.abs(s.size) < 0.3).length,
    foundWithin10ArticlesRate: round(bigRate),
    foundWithin10ArticlesMet: bigRate >= 0.9,
    foundAtAllRate: round(found(big).length / Math.max(1, big.length)),
    medianDelayArticles: median(found(big).map((s) => s.delayArticles!)),
    stance: within10Rate(big.filter((x) => x.kind === 'stance')),
    frame: within10Rate(big.filter((x) => x.kind === 'frame')),
    falseAlertsMet: rate(stable) <= 1,
  },
  // What any detector could do on these shifts at the bar's false-alert rate (see delayLowerBound).
  lowerBound: {
    shiftsOfSizeAtLeast03: big.length,
    medianBoundArticles: round(median(big.map((s) => s.delayBound)), 1),
    boundAtMost10Articles: big.filter((s) => s.delayBound <= 10).length,
  },
  // Shifts of size >= 0.3 split by the noise of the series they were planted in.
  byNoise: {
    quiet: within10Rate(big.filter((x) => x.noise < 0.25)),
    noisy: within10Rate(big.filter((x) => x.noise >= 0.25)),
  },
  bySize: {
    stance: { under01: bucket(0, 0.1, 'stance'), '01to02': bucket(0.1, 0.2, 'stance'), '02to03': bucket(0.2, 0.3, 'stance'), '03to04': bucket(0.3, 0.41, 'stance') },
    frame: { '01to02': bucket(0.1, 0.2, 'frame'), '02to03': bucket(0.2, 0.3, 'frame'), '03to05': bucket(0.3, 0.51, 'frame') },
  },
};

function realWorlds(): RealWorld[] {
  const n = Number(args.worlds);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--worlds must be a positive whole number, got ${args.worlds}`);
  portrayalSet(args.pool); // a clear error for a bad --pool before any work
  return Array.from({ length: n }, (_v, k) => {
    let progress: ReturnType<typeof startProgress> | undefined;
    return cachedWorld('eval', args.pool, `${args.seed}/real-${k + 1}`, args.cache, {
      start: () => (progress = startProgress({ label: `eval:alerts world ${k + 1}/${n}`, unit: 'series', total: REAL_SERIES })),
      tick: () => progress?.tick(),
      stop: () => progress?.stop(),
    });
  });
}

function realReport() {
  const worlds = realWorlds();
  const series: RealSeries[] = worlds.flatMap((w) => w.series);
  const realOpts = forSeriesWatched(SENSITIVITY[level], REAL_SERIES);
  const articles = series.reduce((a, s) => a + s.analyzer.length, 0);
  return {
    analyzerVersion: ANALYZER_VERSION,
    pool: args.pool,
    worlds: worlds.length,
    series: series.length,
    shiftedSeries: series.filter((s) => s.shift).length,
    articles,
    /** Articles in which the analyzer did not find the person (left out of both series). */
    articlesWithoutThePerson: series.reduce((a, s) => a + s.missed, 0),
    windowDays: WINDOW_DAYS,
    analyzer: runReal(series, realOpts, 'analyzer'),
    /** The same detector on scores computed from the gold sentence labels: the ceiling. */
    perfectLabels: runReal(series, realOpts, 'perfect'),
    /**
     * The yardstick: a plain self-starting CUSUM on standardised scores (plain-cusum.ts),
     * its threshold chosen on the same null series as ours (compare-designs.ts).
     */
    plainCusum: {
      options: PLAIN_CUSUM,
      analyzer: runPlain(series, 'analyzer'),
      perfectLabels: runPlain(series, 'perfect'),
    },
    /** What any detector could do at the bar's false-alert rate (Lorden's bound, see real-bound.ts). */
    lowerBound: { analyzer: realBound(series, 'analyzer', WINDOW_DAYS), perfectLabels: realBound(series, 'perfect', WINDOW_DAYS) },
  };
}

const real = args['skip-real'] ? undefined : newsMtscPresent() ? realReport() : undefined;
const realBars = real && {
  foundWithin6WeeksMet: real.analyzer.foundWithin6WeeksRate >= 0.75,
  medianDelayMet: real.analyzer.medianDelayDays !== null && real.analyzer.medianDelayDays <= 21,
  falseAlertsMet: real.analyzer.falseAlertsPer100SeriesMonths <= 1,
};
const full = { ...report, ...(real ? { real: { ...real, bars: realBars } } : {}) };

if (args.json) {
  process.stdout.write(`${JSON.stringify(full, null, 2)}\n`);
} else {
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
  process.stdout.write(
    [
      `eval:alerts (${level}, seed ${args.seed}, rule watching ${watched} series): ${STABLE} stable + ${SHIFTED} shifted series, 26 weeks, from ${pool.length} labelled readings`,
      `detection rate (all planted shifts): ${pct(report.detectionRate)}`,
      `median delay: ${report.medianDelayArticles} articles, ${report.medianDelayDays} days`,
      `false alerts per 100 series-months (stable series): ${report.falseAlertsPer100SeriesMonths} (bar <= 1: ${report.bars.falseAlertsMet ? 'met' : 'NOT met'})`,
      `shifts of size >= 0.3 found within 10 articles: ${pct(report.bars.foundWithin10ArticlesRate)} of ${big.length} (bar >= 90%: ${report.bars.foundWithin10ArticlesMet ? 'met' : 'NOT met'}); stance ${pct(report.bars.stance.within10Articles)} of ${report.bars.stance.shifts}, frame ${pct(report.bars.frame.within10Articles)} of ${report.bars.frame.shifts}`,
      `shifts of size >= 0.3 found at all: ${pct(report.bars.foundAtAllRate)}, median delay ${report.bars.medianDelayArticles} articles`,
      `  in quiet series (sd < 0.25): ${pct(report.byNoise.quiet.within10Articles)} of ${report.byNoise.quiet.shifts}; in noisy series: ${pct(report.byNoise.noisy.within10Articles)} of ${report.byNoise.noisy.shifts}`,
      `  what any detector could do at the bar's false-alert rate (Lorden's lower bound on the mean delay, ln(articles a month x 100) / KL,` +
        ` against the hardest shift of that size): median ${report.lowerBound.medianBoundArticles} articles;` +
        ` at most 10 articles for ${report.lowerBound.boundAtMost10Articles} of ${big.length} shifts`,
      `by size: ${JSON.stringify(report.bySize)}`,
    ].join('\n') + '\n',
  );
  if (!real) {
    process.stdout.write(
      args['skip-real'] ? 'real-sentence world: skipped (--skip-real)\n' : 'real-sentence world: skipped, ../shared/data/newsmtsc is not here\n',
    );
  } else {
    const line = (name: string, f: typeof real.analyzer) =>
      `  ${name}: ${f.foundWithin6Weeks} of ${f.shifts} shifts found within 6 weeks (${pct(f.foundWithin6WeeksRate)}), ` +
      `${f.foundAtAll} at all; median delay ${f.medianDelayDays === null ? 'n/a' : f.medianDelayDays.toFixed(1)} days, ` +
      `${f.medianDelayArticles ?? 'n/a'} articles; ${f.falseAlerts} false alerts in ${f.seriesMonths} series-months = ` +
      `${f.falseAlertsPer100SeriesMonths} per 100 series-months`;
    const met = (b: boolean) => (b ? 'met' : 'NOT met');
    process.stdout.write(
      [
        `real-sentence world (${level}, analyzer ${ANALYZER_VERSION}, pool ${real.pool}, ${real.worlds} world(s) x ${REAL_SERIES} series, ${real.shiftedSeries} switching mix; ` +
          `${real.articles} articles, ${real.articlesWithoutThePerson} more without the person found):`,
        line("analyzer's scores", real.analyzer),
        line('perfect labels (ceiling)', real.perfectLabels),
        `  yardstick, the issue's plain self-starting CUSUM (k = ${PLAIN_CUSUM.k}, h = ${PLAIN_CUSUM.h} spreads, chosen on the same null series):`,
        line("  plain CUSUM, analyzer's scores", real.plainCusum.analyzer),
        line('  plain CUSUM, perfect labels', real.plainCusum.perfectLabels),
        `  bars on the analyzer's scores: >= 75% within 6 weeks ${met(realBars!.foundWithin6WeeksMet)}; ` +
          `median delay <= 21 days ${met(realBars!.medianDelayMet)}; <= 1 false alert per 100 series-months ${met(realBars!.falseAlertsMet)}`,
        `  what any detector could do at 1 false alert per 100 series-months (Lorden's bound on the mean delay, ln(articles a month x 100) / KL ` +
          `of the new mix's article scores from the old one's): bound within 6 weeks of articles for ${real.lowerBound.analyzer.boundWithinWindow} of ` +
          `${real.lowerBound.analyzer.shifts} shifts on the analyzer's scores (median bound ${real.lowerBound.analyzer.medianBoundArticles} articles against ` +
          `${real.lowerBound.analyzer.medianArticlesInWindow} in 6 weeks), ${real.lowerBound.perfectLabels.boundWithinWindow} with perfect labels ` +
          `(median ${real.lowerBound.perfectLabels.medianBoundArticles})`,
        `  KL per article between mixes, nats (analyzer | perfect): ` +
          Object.keys(real.lowerBound.perfectLabels.divergence)
            .sort()
            .map((k) => `${k} ${real.lowerBound.analyzer.divergence[k]}|${real.lowerBound.perfectLabels.divergence[k]}`)
            .join('; '),
        `  found within 6 weeks by switch (analyzer | perfect): ` +
          Object.keys(real.perfectLabels.bySwitch)
            .sort()
            .map((k) => `${k} ${real.analyzer.bySwitch[k]?.[0] ?? 0}|${real.perfectLabels.bySwitch[k]![0]} of ${real.perfectLabels.bySwitch[k]![1]}`)
            .join('; '),
      ].join('\n') + '\n',
    );
  }
}
