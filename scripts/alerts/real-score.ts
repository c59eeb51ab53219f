import { applyCooldown, detectChanges, SENSITIVITY, type DetectOptions, type Detection, type SeriesPoint } from '../../src/alerts/index.js';
import { plainCusumAlarms, type PlainCusumOptions } from './plain-cusum.js';
import { median } from './score.js';
import type { RealSeries } from './real-world.js';

const DAY_MS = 86_400_000;
const MONTH_DAYS = 365.2425 / 12;
/** The bar's window: a shift counts as found when an alert comes within six weeks of it. */
export const WINDOW_DAYS = 42;

export interface RealOutcome {
  months: number;
  falseAlerts: number;
  shift?: { found: boolean; within: boolean; delayDays?: number; delayArticles?: number; from: string; to: string };
}

const isStance = (d: Detection) => d.kind === 'stance-level' || d.kind === 'polarity-flip';

/**
 * One series' alerts scored against its plan. The first stance alert detected at or after the
 * switch that moves the planted way finds it (within the window if it comes within six weeks);
 * every other alert, of any kind, is false.
 */
export function scoreReal(s: RealSeries, points: SeriesPoint[], found: Detection[]): RealOutcome {
  const first = points[0]?.at.getTime() ?? 0;
  const last = points[points.length - 1]?.at.getTime() ?? first;
  const months = (last - first) / DAY_MS / MONTH_DAYS;
  if (!s.shift) return { months, falseAlerts: found.length };
  const shift = s.shift;
  const hit = found.find((d) => isStance(d) && d.detectedAt >= shift.at && d.direction === shift.direction);
  const delayDays = hit ? (hit.detectedAt.getTime() - shift.at.getTime()) / DAY_MS : undefined;
  return {
    months,
    falseAlerts: found.length - (hit ? 1 : 0),
    shift: {
      found: hit !== undefined,
      within: delayDays !== undefined && delayDays <= WINDOW_DAYS,
      ...(hit ? { delayDays, delayArticles: hit.detectIndex - shift.index + 1 } : {}),
      from: shift.from,
      to: shift.to,
    },
  };
}

export interface RealFigures {
  shifts: number;
  foundWithin6Weeks: number;
  foundWithin6WeeksRate: number;
  foundAtAll: number;
  medianDelayDays: number | null;
  medianDelayArticles: number | null;
  falseAlerts: number;
  seriesMonths: number;
  falseAlertsPer100SeriesMonths: number;
  /** Found within six weeks, per kind of switch ("neutral -> mostly negative": [found, planted]). */
  bySwitch: Record<string, [number, number]>;
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Figures over many series' outcomes; delays are of the shifts found within the window. */
export function realFigures(outcomes: readonly RealOutcome[]): RealFigures {
  const shifts = outcomes.flatMap((o) => (o.shift ? [o.shift] : []));
  const within = shifts.filter((s) => s.within);
  const months = outcomes.reduce((a, o) => a + o.months, 0);
  const falseAlerts = outcomes.reduce((a, o) => a + o.falseAlerts, 0);
  const bySwitch: Record<string, [number, number]> = {};
  for (const s of shifts) {
    const key = `${s.from} -> ${s.to}`;
    const [f, n] = bySwitch[key] ?? [0, 0];
    bySwitch[key] = [f + (s.within ? 1 : 0), n + 1];
  }
  return {
    shifts: shifts.length,
    foundWithin6Weeks: within.length,
    foundWithin6WeeksRate: round(within.length / Math.max(1, shifts.length)),
    foundAtAll: shifts.filter((s) => s.found).length,
    medianDelayDays: median(within.map((s) => s.delayDays!)),
    medianDelayArticles: median(within.map((s) => s.delayArticles!)),
    falseAlerts,
    seriesMonths: round(months, 1),
    falseAlertsPer100SeriesMonths: round((100 * falseAlerts) / Math.max(1e-9, months), 2),
    bySwitch,
  };
}

/** Runs the detector over every series of the worlds, on the analyzer's scores or the gold ones. */
export function runReal(series: readonly RealSeries[], opts: DetectOptions, which: 'analyzer' | 'perfect'): RealFigures {
  return realFigures(series.map((s) => scoreReal(s, s[which], detectChanges(s[which], opts))));
}

/**
 * The plain self-starting CUSUM (plain-cusum.ts): k = 0.5 spreads (matched to a shift of
 * one spread), a 15-article warm-up, the 120 articles before each one as its reference; h is the
 * lowest threshold at which it and every higher one keep the null series of train folds 2-5
 * (analyzer's and gold scores) within the medium target (0.3) and the synthetic stable series
 * within the bar, the rule our detector's threshold follows (`npx tsx
 * scripts/alerts/compare-designs.ts --only plain`).
 */
export const PLAIN_CUSUM: PlainCusumOptions = { k: 0.5, h: 11, warmup: 15, window: 120 };

/** Stance alerts of the plain CUSUM, as the scorer reads them (direction and detection time). */
export function plainDetections(points: readonly SeriesPoint[], o: PlainCusumOptions = PLAIN_CUSUM): Detection[] {
  const side = { articles: 0, mean: 0, ciLow: 0, ciHigh: 0 };
  const found = plainCusumAlarms(points.map((p) => p.score), o).map(
    (a): Detection => ({
      kind: 'stance-level',
      measure: 'stance',
      direction: a.direction,
      refStart: 0,
      changeIndex: a.start,
      detectIndex: a.at,
      changeAt: points[a.start]!.at,
      detectedAt: points[a.at]!.at,
      before: side,
      after: side,
      statistic: { method: 'cusum', value: 0, threshold: o.h },
      shares: [],
      drivers: [],
    }),
  );
  return applyCooldown(found, SENSITIVITY.medium.cooldownDays);
}

/** The plain CUSUM over every series of the worlds (stance alerts only: it watches nothing else). */
export function runPlain(series: readonly RealSeries[], which: 'analyzer' | 'perfect'): RealFigures {
  return realFigures(series.map((s) => scoreReal(s, s[which], plainDetections(s[which]))));
}
